package pci.req8_test

import future.keywords.not
import rego.v1

import data.pci.req8

_good := {
	"system": "AD", "min_length": 12, "requires_letters": true, "requires_digits": true,
	"lockout_attempts": 10, "lockout_minutes": 30, "idle_timeout_minutes": 15,
}

_input(facts) := {"evidence": {"auth_policy": [{"id": "ap-1", "facts": facts}]}}

_on(as_of, facts) := object.union(_input(facts), {"as_of": as_of})

test_before_31_march_2025_seven_characters_pass if {
	count(req8.password_too_short) == 0 with input as _on("2025-03-30", object.union(_good, {"min_length": 7}))
}

test_before_31_march_2025_six_characters_fail_against_the_seven_then_required if {
	fs := req8.password_too_short with input as _on("2025-03-30", object.union(_good, {"min_length": 6}))
	[f.msg | some f in fs] == ["AD: minimum password length 6; need 7 until 31 March 2025 (PCI DSS v3.2.1 8.2.3, which 8.3.6 replaced)"]
}

test_before_31_march_2025_letters_and_digits_still_required if {
	count(req8.password_too_short) == 1 with input as _on("2025-03-30", object.union(_good, {"min_length": 7, "requires_digits": false}))
}

test_from_31_march_2025_seven_characters_fail if {
	count(req8.password_too_short) == 1 with input as _on("2025-03-31", object.union(_good, {"min_length": 7}))
	count(req8.password_too_short) == 0 with input as _on("2025-03-31", _good)
}

test_twelve_characters_passes if {
	count(req8.password_too_short) == 0 with input as _input(_good)
}

test_eleven_characters_fails if {
	count(req8.password_too_short) == 1 with input as _input(object.union(_good, {"min_length": 11}))
}

test_eight_passes_only_where_system_cannot_do_twelve if {
	count(req8.password_too_short) == 0 with input as _input(object.union(_good, {"min_length": 8, "system_max_supported_length": 8}))
	count(req8.password_too_short) == 1 with input as _input(object.union(_good, {"min_length": 7, "system_max_supported_length": 8}))
	count(req8.password_too_short) == 0 with input as _input(object.union(_good, {"min_length": 8, "system_max_supported_length": 11}))
	count(req8.password_too_short) == 1 with input as _input(object.union(_good, {"min_length": 8, "system_max_supported_length": 12}))
	count(req8.password_too_short) == 1 with input as _input(object.union(_good, {"min_length": 8}))
}

test_missing_length_fails if {
	count(req8.password_too_short) == 1 with input as _input(object.remove(_good, ["min_length"]))
}

test_letters_only_fails if {
	count(req8.password_too_short) == 1 with input as _input(object.union(_good, {"requires_digits": false}))
}

test_ten_attempts_passes_eleven_fails if {
	count(req8.lockout_too_weak) == 0 with input as _input(_good)
	count(req8.lockout_too_weak) == 1 with input as _input(object.union(_good, {"lockout_attempts": 11}))
}

test_disabled_lockout_fails if {
	count(req8.lockout_too_weak) == 1 with input as _input(object.union(_good, {"lockout_attempts": 0}))
}

test_lockout_29_minutes_fails_unless_identity_confirmed if {
	count(req8.lockout_too_weak) == 1 with input as _input(object.union(_good, {"lockout_minutes": 29}))
	count(req8.lockout_too_weak) == 0 with input as _input(object.union(_good, {"lockout_minutes": 29, "lockout_until_identity_confirmed": true}))
}

test_idle_15_passes_16_fails if {
	count(req8.idle_timeout_too_long) == 0 with input as _input(_good)
	count(req8.idle_timeout_too_long) == 1 with input as _input(object.union(_good, {"idle_timeout_minutes": 16}))
}

test_missing_idle_timeout_fails if {
	count(req8.idle_timeout_too_long) == 1 with input as _input(object.remove(_good, ["idle_timeout_minutes"]))
}

_user := {
	"id": "ann", "person": "Ann", "type": "user", "in_cde": true, "remote_access": false,
	"last_login": "2026-10-30", "mfa_enrolled": true,
}

_svc := {
	"id": "svc", "person": "Owner", "type": "service", "in_cde": true, "remote_access": false,
	"interactive_login": false, "password_hardcoded": false,
	"password_last_changed": "2026-08-03", "password_rotation_days": 90,
}

_ua(accounts) := _ua_facts({"accounts": accounts})

_ua_facts(facts) := {"as_of": "2026-11-01", "evidence": {
	"user_accounts": [{"id": "ua", "facts": object.union(
		{"system": "AD", "targeted_risk_analysis": {"reference": "TRA", "reviewed": "2026-01-10"}},
		facts,
	)}],
	"targeted_risk_analysis": [{"id": "tra", "facts": {"analyses": [{"requirement": "8.6.3", "reference": "TRA", "approach": "flexible_frequency", "last_reviewed": "2026-01-10", "frequency_days": 90}]}}],
}}

test_good_accounts_pass_every_rule if {
	inp := _ua([_user, _svc, object.union(_user, {"id": "adm", "type": "admin"})])
	count(req8.shared_or_unattributed_id) == 0 with input as inp
	count(req8.shared_account_unjustified) == 0 with input as inp
	count(req8.terminated_access_not_revoked) == 0 with input as inp
	count(req8.inactive_account_enabled) == 0 with input as inp
	count(req8.admin_without_mfa) == 0 with input as inp
	count(req8.cde_access_without_mfa) == 0 with input as inp
	count(req8.remote_access_without_mfa) == 0 with input as inp
	count(req8.service_account_interactive) == 0 with input as inp
	count(req8.hardcoded_password) == 0 with input as inp
	count(req8.service_password_stale) == 0 with input as inp
}

test_duplicate_or_unowned_id_fails if {
	count(req8.shared_or_unattributed_id) == 2 with input as _ua([_user, _user])
	count(req8.shared_or_unattributed_id) == 1 with input as _ua([object.remove(_user, ["person"])])
}

test_repeated_id_found_wherever_it_sits if {
	bob := object.union(_user, {"id": "bob", "person": "Bob"})
	cat := object.union(_user, {"id": "cat", "person": "Cat"})
	found := req8.shared_or_unattributed_id with input as _ua([_user, bob, cat, _user])
	{f.path | some f in found} == {"facts.accounts[0].id", "facts.accounts[3].id"}
	count(req8.shared_or_unattributed_id) == 0 with input as _ua([_user, bob, cat])
}

test_shared_account_needs_current_exception if {
	shared := object.union(_user, {"type": "shared", "approved_by": "Head of ICT", "exception_expires": "2026-11-01"})
	count(req8.shared_account_unjustified) == 0 with input as _ua([shared])
	count(req8.shared_account_unjustified) == 1 with input as _ua([object.union(shared, {"exception_expires": "2026-10-31"})])
	count(req8.shared_account_unjustified) == 1 with input as _ua([object.remove(shared, ["approved_by"])])
}

test_leaver_disabled_same_day_passes_next_day_fails if {
	leaver := object.union(_user, {"terminated": "2026-09-30", "disabled": true, "disabled_on": "2026-09-30"})
	count(req8.terminated_access_not_revoked) == 0 with input as _ua([leaver])
	count(req8.terminated_access_not_revoked) == 1 with input as _ua([object.union(leaver, {"disabled_on": "2026-10-01"})])
	count(req8.terminated_access_not_revoked) == 1 with input as _ua([object.union(leaver, {"disabled": false})])
	count(req8.terminated_access_not_revoked) == 1 with input as _ua([object.remove(leaver, ["disabled_on"])])
}

test_inactive_90_days_passes_91_fails if {
	count(req8.inactive_account_enabled) == 0 with input as _ua([object.union(_user, {"last_login": "2026-08-03"})])
	count(req8.inactive_account_enabled) == 1 with input as _ua([object.union(_user, {"last_login": "2026-08-02"})])
	count(req8.inactive_account_enabled) == 0 with input as _ua([object.union(_user, {"last_login": "2026-08-02", "disabled": true})])
}

test_inactive_uses_stricter_local_limit_and_creation_date if {
	count(req8.inactive_account_enabled) == 1 with input as _ua_facts({"inactive_disable_days": 60, "accounts": [object.union(_user, {"last_login": "2026-09-01"})]})
	count(req8.inactive_account_enabled) == 0 with input as _ua([object.union(object.remove(_user, ["last_login"]), {"created": "2026-10-01"})])
	count(req8.inactive_account_enabled) == 1 with input as _ua([object.remove(_user, ["last_login"])])
}

test_admin_in_cde_without_mfa_fails if {
	admin := object.union(_user, {"type": "admin", "mfa_enrolled": false})
	count(req8.admin_without_mfa) == 1 with input as _ua([admin])
	count(req8.admin_without_mfa) == 1 with input as _ua([object.remove(admin, ["mfa_enrolled"])])
	count(req8.admin_without_mfa) == 0 with input as _ua([object.union(admin, {"mfa_enrolled": true})])
	count(req8.admin_without_mfa) == 0 with input as _ua([object.union(admin, {"in_cde": false})]) with input.evidence.pci_scope as _listed("AD")
	count(req8.admin_without_mfa) == 1 with input as _ua([object.union(admin, {"in_cde": false})])
	count(req8.admin_without_mfa) == 0 with input as _ua([object.union(_svc, {"privileged": true})])
}

test_cde_user_without_mfa_fails_unless_phishing_resistant if {
	user := object.remove(_user, ["mfa_enrolled"])
	count(req8.cde_access_without_mfa) == 1 with input as _ua([user])
	count(req8.cde_access_without_mfa) == 0 with input as _ua([object.union(user, {"phishing_resistant_only": true})])
}

test_remote_access_without_mfa_fails if {
	count(req8.remote_access_without_mfa) == 1 with input as _ua([object.union(_user, {"remote_access": true, "mfa_enrolled": false})])
	count(req8.remote_access_without_mfa) == 1 with input as _ua([object.remove(_user, ["remote_access", "mfa_enrolled"])])
}

test_interactive_service_account_needs_exception if {
	inter := object.union(_svc, {"interactive_login": true})
	count(req8.service_account_interactive) == 1 with input as _ua([inter])
	count(req8.service_account_interactive) == 0 with input as _ua([object.union(inter, {"approved_by": "CISO", "exception_expires": "2026-12-31"})])
}

test_hardcoded_password_fails if {
	count(req8.hardcoded_password) == 1 with input as _ua([object.union(_svc, {"interactive_login": true, "password_hardcoded": true, "approved_by": "x", "exception_expires": "2027-01-01"})])
	count(req8.hardcoded_password) == 1 with input as _ua([object.remove(_svc, ["interactive_login", "password_hardcoded"])])
	count(req8.hardcoded_password) == 0 with input as _ua([object.union(_svc, {"password_hardcoded": true})])
}

test_service_password_rotated_90_days_ago_passes_91_fails if {
	count(req8.service_password_stale) == 0 with input as _ua([object.union(_svc, {"password_last_changed": "2026-08-03"})])
	count(req8.service_password_stale) == 1 with input as _ua([object.union(_svc, {"password_last_changed": "2026-08-02"})])
	count(req8.service_password_stale) == 1 with input as _ua([object.remove(_svc, ["password_rotation_days"])])
}

test_service_rotation_needs_current_tra if {
	count(req8.service_password_stale) == 1 with input as _ua_facts({"accounts": [_svc], "targeted_risk_analysis": {"reference": "TRA", "reviewed": "2025-10-31"}})
}

test_history_four_passes_three_fails if {
	count(req8.password_history_too_short) == 0 with input as _input(object.union(_good, {"history_count": 4}))
	count(req8.password_history_too_short) == 1 with input as _input(object.union(_good, {"history_count": 3}))
	count(req8.password_history_too_short) == 1 with input as _input(_good)
	count(req8.password_history_too_short) == 0 with input as _on("2026-11-01", object.union(_good, {"in_cde": false})) with input.evidence.pci_scope as _listed("AD")
	count(req8.password_history_too_short) == 1 with input as _on("2026-11-01", object.union(_good, {"in_cde": false}))
}

test_expiry_90_days_passes_91_fails if {
	count(req8.password_expiry_too_long) == 0 with input as _input(object.union(_good, {"max_password_age_days": 90}))
	count(req8.password_expiry_too_long) == 1 with input as _input(object.union(_good, {"max_password_age_days": 91}))
	count(req8.password_expiry_too_long) == 1 with input as _input(object.union(_good, {"max_password_age_days": 0}))
	count(req8.password_expiry_too_long) == 1 with input as _input(_good)
}

test_expiry_not_needed_with_mfa_or_dynamic_analysis if {
	count(req8.password_expiry_too_long) == 0 with input as _input(object.union(_good, {"mfa_enforced": true}))
	count(req8.password_expiry_too_long) == 0 with input as _input(object.union(_good, {"dynamic_access_analysis": true}))
}

test_customer_password_expiry_90_passes_91_fails if {
	cust := object.union(_good, {"customer_access": true})
	count(req8.customer_password_expiry_too_long) == 0 with input as _input(object.union(cust, {"max_password_age_days": 90}))
	count(req8.customer_password_expiry_too_long) == 1 with input as _input(object.union(cust, {"max_password_age_days": 91}))
	count(req8.customer_password_expiry_too_long) == 0 with input as _input(object.union(_good, {"customer_access": false}))
	count(req8.customer_password_expiry_too_long) == 1 with input as _input(_good)
	count(req8.customer_password_expiry_too_long) == 1 with input as _input(cust)
}

test_missing_lockout_settings_fail if {
	count(req8.lockout_too_weak) == 1 with input as _input(object.remove(_good, ["lockout_attempts"]))
	count(req8.lockout_too_weak) == 1 with input as _input(object.remove(_good, ["lockout_minutes"]))
}

_mfa := object.union(_good, {"mfa_enforced": true, "mfa_factor_types": 2, "mfa_replay_resistant": true, "mfa_bypass_possible": false})

test_mfa_two_factor_types_passes_one_fails if {
	count(req8.mfa_design_weak) == 0 with input as _input(_mfa)
	count(req8.mfa_design_weak) == 1 with input as _input(object.union(_mfa, {"mfa_factor_types": 1}))
}

test_mfa_replay_or_bypass_fails if {
	count(req8.mfa_design_weak) == 1 with input as _input(object.union(_mfa, {"mfa_replay_resistant": false}))
	count(req8.mfa_design_weak) == 1 with input as _input(object.remove(_mfa, ["mfa_bypass_possible"]))
	count(req8.mfa_design_weak) == 3 with input as _input(object.remove(_mfa, ["mfa_factor_types", "mfa_replay_resistant", "mfa_bypass_possible"]))
}

test_no_mfa_system_fails if {
	count(req8.mfa_design_weak) == 1 with input as _input(_good)
}

# A system or account marked in_cde: false is out of PCI DSS scope; absent in_cde is judged.
test_system_outside_cde_is_not_judged if {
	bare := {"system": "library-wifi", "in_cde": false}
	inp := object.union(_on("2026-11-01", bare), {"evidence": {"pci_scope": _listed("library-wifi")}})
	count(req8.password_too_short) == 0 with input as inp
	count(req8.lockout_too_weak) == 0 with input as inp
	count(req8.idle_timeout_too_long) == 0 with input as inp
	count(req8.password_expiry_too_long) == 0 with input as inp
	count(req8.customer_password_expiry_too_long) == 0 with input as inp
	count(req8.password_too_short) == 2 with input as _on("2026-11-01", bare)
	count(req8.password_too_short) == 2 with input as _input(object.remove(bare, ["in_cde"]))
	count(req8.lockout_too_weak) == 2 with input as _input(object.remove(bare, ["in_cde"]))
	count(req8.idle_timeout_too_long) == 1 with input as _input(object.union(bare, {"in_cde": true}))
}

test_mfa_design_judged_only_in_cde if {
	weak := object.union(_good, {"mfa_enforced": true, "in_cde": false})
	inp := object.union(_on("2026-11-01", weak), {"evidence": {"pci_scope": _listed("AD")}})
	count(req8.mfa_design_weak) == 1 with input as inp
	some f in req8.mfa_design_weak with input as inp
	f.evidence == "ap-1"
	count(req8.mfa_design_weak) == 3 with input as _input(object.union(weak, {"in_cde": true}))
	count(req8.mfa_design_weak) == 3 with input as _on("2026-11-01", weak)
}

# The scope inventory listing `name` out of PCI DSS scope, approved (data.lib.pci_scope).
_listed(name) := [{"id": "scope", "facts": {"confirmations": [], "out_of_scope": [{"name": name, "reason": "No route to the CDE (segmentation test ST-4)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}]}}]


# An account marked in_cde: false is out of scope only when its system is listed out of scope.
test_account_marked_outside_cde_on_an_in_scope_system_is_judged if {
	out := object.union(object.remove(_user, ["person", "last_login", "mfa_enrolled", "remote_access"]), {"type": "admin", "in_cde": false})
	count(req8.inactive_account_enabled) == 1 with input as _ua([out])
	count(req8.shared_or_unattributed_id) == 1 with input as _ua([out]) with input.evidence.pci_scope as _listed("Corporate AD")
}

test_account_outside_cde_is_not_judged if {
	out := object.union(object.remove(_user, ["person", "last_login", "mfa_enrolled", "remote_access"]), {"type": "admin", "in_cde": false})
	inp := object.union(_ua([out]), {"evidence": {"pci_scope": _listed("AD")}})
	count(req8.shared_or_unattributed_id) == 0 with input as inp
	count(req8.inactive_account_enabled) == 0 with input as inp
	count(req8.remote_access_without_mfa) == 0 with input as inp
	count(req8.cde_access_without_mfa) == 0 with input as inp
	count(req8.remote_access_without_mfa) == 1 with input as _ua([object.remove(out, ["in_cde"])])
	count(req8.inactive_account_enabled) == 1 with input as _ua([object.remove(out, ["in_cde"])])
}

test_remote_access_exempts_non_interactive_service_accounts if {
	svc := object.union(_svc, {"remote_access": true})
	count(req8.remote_access_without_mfa) == 0 with input as _ua([svc])
	count(req8.remote_access_without_mfa) == 1 with input as _ua([object.union(svc, {"interactive_login": true})])
	count(req8.remote_access_without_mfa) == 1 with input as _ua([object.remove(svc, ["interactive_login"])])
	count(req8.remote_access_without_mfa) == 1 with input as _ua([object.union(_user, {"remote_access": true, "interactive_login": false, "mfa_enrolled": false})])
}
