# PCI DSS v4.0.1 Requirement 8: identify users and authenticate access.
# Each rule is a set of findings over auth_policy evidence (one document per system).
# A missing setting is a finding, never a pass.
package pci.req8

import future.keywords.not
import rego.v1

import data.lib.anchor
import data.lib.dates
import data.lib.finding
import data.lib.pci_scope
import data.pci.tra

# Systems in PCI DSS scope: all but those marked `in_cde: false` that the scope inventory lists
# out of scope with an approval that counts (absent, or false unlisted: in scope).
_systems contains doc if {
	some doc in input.evidence.auth_policy
	pci_scope.in_scope(doc.facts, object.get(doc.facts, "system", ""), _listed)
}

# Names listed out of PCI DSS scope with an approval that counts (data.lib.pci_scope), once.
_listed := pci_scope.listed(input.evidence, object.get(input, "as_of", ""))


# PCI-8.3.6: passwords at least 12 characters (8 only where the system cannot do 12),
# with both letters and digits. Until 31 March 2025 the requirement was future-dated and
# v3.2.1's 8.2.3 applied instead: at least 7 characters, letters and digits.
password_too_short contains finding.of(doc, "facts.min_length", msg) if {
	some doc in _systems
	not _before_8_3_6(input)
	not _long_enough(doc.facts)
	msg := sprintf("%s: minimum password length %v; need 12 (or 8 where the system cannot enforce 12)", [doc.facts.system, object.get(doc.facts, "min_length", "not stated")])
}

password_too_short contains finding.of(doc, "facts.min_length", msg) if {
	some doc in _systems
	_before_8_3_6(input)
	not object.get(doc.facts, "min_length", 0) >= 7
	msg := sprintf("%s: minimum password length %v; need 7 until 31 March 2025 (PCI DSS v3.2.1 8.2.3, which 8.3.6 replaced)", [doc.facts.system, object.get(doc.facts, "min_length", "not stated")])
}

password_too_short contains finding.of(doc, "facts", msg) if {
	some doc in _systems
	not _alphanumeric(doc.facts)
	msg := sprintf("%s: passwords need not contain both letters and digits", [doc.facts.system])
}

# An assessment dated before 8.3.6 took effect. Without a date the current rule applies.
_before_8_3_6(doc) if substring(doc.as_of, 0, 10) < "2025-03-31"

_long_enough(facts) if facts.min_length >= 12

# Fallback: 8 characters where the system cannot enforce 12.
_long_enough(facts) if {
	facts.system_max_supported_length < 12
	facts.min_length >= 8
}

_alphanumeric(facts) if {
	facts.requires_letters == true
	facts.requires_digits == true
}

# PCI-8.3.4: lock out after no more than 10 failed attempts, for at least 30 minutes or
# until identity is confirmed.
lockout_too_weak contains finding.of(doc, "facts.lockout_attempts", msg) if {
	some doc in _systems
	not doc.facts.lockout_attempts <= 10
	msg := sprintf("%s: lockout after %v failed attempts; need 10 or fewer", [doc.facts.system, object.get(doc.facts, "lockout_attempts", "no limit stated")])
}

lockout_too_weak contains finding.of(doc, "facts.lockout_attempts", msg) if {
	some doc in _systems
	doc.facts.lockout_attempts == 0
	msg := sprintf("%s: account lockout is disabled", [doc.facts.system])
}

lockout_too_weak contains finding.of(doc, "facts.lockout_minutes", msg) if {
	some doc in _systems
	not _lockout_long_enough(doc.facts)
	msg := sprintf("%s: lockout lasts %v minutes; need 30 or more, or until identity is confirmed", [doc.facts.system, object.get(doc.facts, "lockout_minutes", "an unstated time")])
}

_lockout_long_enough(facts) if facts.lockout_minutes >= 30

_lockout_long_enough(facts) if facts.lockout_until_identity_confirmed == true

# PCI-8.2.8: sessions idle for more than 15 minutes require re-authentication.
idle_timeout_too_long contains finding.of(doc, "facts.idle_timeout_minutes", msg) if {
	some doc in _systems
	not _idle_ok(doc.facts)
	msg := sprintf("%s: idle sessions time out after %v minutes; need 15 or fewer", [doc.facts.system, object.get(doc.facts, "idle_timeout_minutes", "no timeout stated")])
}

_idle_ok(facts) if {
	facts.idle_timeout_minutes > 0
	facts.idle_timeout_minutes <= 15
}

# Accounts (user_accounts evidence): one document per system, one entry per account. One
# marked `in_cde: false` is out of PCI DSS scope only when its system is listed out of scope
# (data.lib.pci_scope): an account on an in-scope component is in scope.
_accounts := [[doc, i, account] |
	some doc in input.evidence.user_accounts
	some i, account in doc.facts.accounts
	pci_scope.in_scope(account, object.get(doc.facts, "system", ""), _listed)
]

_active := [[doc, i, account] |
	some [doc, i, account] in _accounts
	not account.disabled == true
]

_acct_path(i, field) := sprintf("facts.accounts[%d].%s", [i, field])

_name(doc, account) := sprintf("%s (%s)", [account.id, doc.facts.system])

_people := {"user", "admin"}

# PCI-8.2.1: every account id is unique and user/admin accounts belong to one named person.
shared_or_unattributed_id contains finding.of(doc, _acct_path(i, "id"), msg) if {
	some [doc, i, account] in _accounts
	account.id in _repeated_ids[doc.id]
	msg := sprintf("%s: account id appears more than once", [_name(doc, account)])
}

# Account ids that occur more than once in one document (evidence ids are unique). Sorted, equal
# ids are neighbours: one pass after the sort, where comparing every pair was quadratic.
_repeated_ids[doc.id] := {id |
	some k, id in ids
	k > 0
	ids[k - 1] == id
} if {
	some doc in input.evidence.user_accounts
	ids := sort([account.id | some account in doc.facts.accounts])
}

shared_or_unattributed_id contains finding.of(doc, _acct_path(i, "person"), msg) if {
	some [doc, i, account] in _active
	account.type in _people
	not count(trim_space(account.person)) > 0
	msg := sprintf("%s: %s account not assigned to a named person", [_name(doc, account), account.type])
}

# PCI-8.2.2: shared accounts only under an approved, unexpired exception with an accountable person.
shared_account_unjustified contains finding.of(doc, _acct_path(i, "exception_expires"), msg) if {
	some [doc, i, account] in _active
	account.type == "shared"
	not _exception_current(account)
	msg := sprintf("%s: shared account without an approved, accountable and unexpired exception", [_name(doc, account)])
}

_exception_current(account) if {
	count(trim_space(account.approved_by)) > 0
	count(trim_space(account.person)) > 0
	account.exception_expires >= input.as_of
}

# PCI-8.2.5: leavers' access revoked immediately: disabled no later than the leaving date.
terminated_access_not_revoked contains finding.of(doc, _acct_path(i, "disabled_on"), msg) if {
	some [doc, i, account] in _accounts
	account.terminated
	not _revoked_by(account, account.terminated)
	msg := sprintf("%s: left on %s; account %s", [_name(doc, account), account.terminated, _revocation(account)])
}

_revoked_by(account, date) if {
	account.disabled == true
	account.disabled_on <= date
}

_revocation(account) := sprintf("disabled on %s", [account.disabled_on]) if {
	account.disabled == true
	account.disabled_on
}

_revocation(account) := "still enabled" if not account.disabled == true

_revocation(account) := "disabled on an unrecorded date" if {
	account.disabled == true
	not account.disabled_on
}

# PCI-8.2.6: user accounts unused for more than 90 days are disabled (or the stricter
# limit the document states).
inactive_account_enabled contains finding.of(doc, _acct_path(i, "last_login"), msg) if {
	some [doc, i, account] in _active
	account.type != "service"
	limit := min([90, object.get(doc.facts, "inactive_disable_days", 90)])
	not _used_within(account, limit)
	msg := sprintf("%s: last used %v; disable accounts unused for more than %d days", [_name(doc, account), object.get(account, "last_login", "never"), limit])
}

_used_within(account, days) if dates.days_between(account.last_login, input.as_of) <= days

# Never used: judged from its creation date.
_used_within(account, days) if {
	not account.last_login
	dates.days_between(account.created, input.as_of) <= days
}

# PCI-8.3.7: a new password may not repeat any of the last 4.
password_history_too_short contains finding.of(doc, "facts.history_count", msg) if {
	some doc in _systems
	not doc.facts.history_count >= 4
	msg := sprintf("%s: password history %v; need at least 4", [doc.facts.system, object.get(doc.facts, "history_count", "not stated")])
}

# PCI-8.3.9: single-factor passwords expire within 90 days, unless access is decided by
# dynamic posture analysis (or MFA is enforced, so passwords are not the only factor).
password_expiry_too_long contains finding.of(doc, "facts.max_password_age_days", msg) if {
	some doc in _systems
	not _rotation_ok(doc.facts)
	msg := sprintf("%s: single-factor passwords expire after %v days; need 90 or fewer, or dynamic posture analysis", [doc.facts.system, object.get(doc.facts, "max_password_age_days", "an unstated number of")])
}

# PCI-8.3.10.1 (service providers): the same for customer users' passwords; a system that
# does not state whether customers use it is judged as if they do.
customer_password_expiry_too_long contains finding.of(doc, "facts.max_password_age_days", msg) if {
	some doc in _systems
	not doc.facts.customer_access == false
	not _rotation_ok(doc.facts)
	msg := sprintf("%s: customer access %v; customer passwords expire after %v days; need 90 or fewer, or dynamic posture analysis", [doc.facts.system, object.get(doc.facts, "customer_access", "not stated"), object.get(doc.facts, "max_password_age_days", "an unstated number of")])
}

_rotation_ok(facts) if facts.mfa_enforced == true

_rotation_ok(facts) if facts.dynamic_access_analysis == true

_rotation_ok(facts) if {
	facts.max_password_age_days > 0
	facts.max_password_age_days <= 90
}

# PCI-8.4.1: administrators (people, not system accounts) need MFA for non-console access
# into the CDE.
admin_without_mfa contains finding.of(doc, _acct_path(i, "mfa_enrolled"), msg) if {
	some [doc, i, account] in _active
	account.type != "service"
	_admin(account)
	not account.mfa_enrolled == true
	msg := sprintf("%s: administrative access into the CDE without MFA", [_name(doc, account)])
}

_admin(account) if account.type == "admin"

_admin(account) if account.privileged == true

# PCI-8.4.2: every non-console access into the CDE uses MFA, unless the account uses only
# phishing-resistant factors.
cde_access_without_mfa contains finding.of(doc, _acct_path(i, "mfa_enrolled"), msg) if {
	some [doc, i, account] in _active
	account.type != "service"
	not account.mfa_enrolled == true
	not account.phishing_resistant_only == true
	msg := sprintf("%s: access into the CDE without MFA", [_name(doc, account)])
}

# PCI-8.4.3: all remote network access from outside the entity uses MFA. A system account
# that cannot log on interactively is not personnel remote access (absent fact: judged).
remote_access_without_mfa contains finding.of(doc, _acct_path(i, "mfa_enrolled"), msg) if {
	some [doc, i, account] in _active
	not _non_interactive_service(account)
	not account.remote_access == false
	not account.mfa_enrolled == true
	msg := sprintf("%s: remote access (or remote access not stated) without MFA", [_name(doc, account)])
}

_non_interactive_service(account) if {
	account.type == "service"
	account.interactive_login == false
}

# PCI-8.5.1: MFA systems resist replay, cannot be bypassed and need 2 factor types.
mfa_design_weak contains finding.of(doc, "facts", msg) if {
	some doc in _systems
	doc.facts.mfa_enforced == true
	some problem in _mfa_problems(doc.facts)
	msg := sprintf("%s: MFA %s", [doc.facts.system, problem])
}

mfa_design_weak contains finding.of(doc, "facts.mfa_enforced", msg) if {
	not _any_mfa_system
	doc := anchor.latest(input.evidence.auth_policy)
	msg := sprintf("%s: no in-scope auth_policy describes an MFA system (mfa_enforced: true)", [doc.facts.system])
}

_any_mfa_system if {
	some doc in _systems
	doc.facts.mfa_enforced == true
}

_mfa_problems(facts) := {p |
	some check, p in {
		"types": "needs at least 2 distinct factor types",
		"replay": "is not shown to resist replay",
		"bypass": "can be bypassed (or bypass not stated)",
	}
	not _mfa_ok(facts, check)
}

_mfa_ok(facts, "types") if facts.mfa_factor_types >= 2

_mfa_ok(facts, "replay") if facts.mfa_replay_resistant == true

_mfa_ok(facts, "bypass") if facts.mfa_bypass_possible == false

# Application and system accounts.
_service := [[doc, i, account] |
	some [doc, i, account] in _active
	account.type == "service"
]

# PCI-8.6.1: interactive use of a system account only under an approved, unexpired,
# attributable exception.
service_account_interactive contains finding.of(doc, _acct_path(i, "interactive_login"), msg) if {
	some [doc, i, account] in _service
	not account.interactive_login == false
	not _exception_current(account)
	msg := sprintf("%s: system account can log on interactively without an approved, unexpired exception", [_name(doc, account)])
}

# PCI-8.6.2: no hard-coded passwords for system accounts that can log on interactively.
hardcoded_password contains finding.of(doc, _acct_path(i, "password_hardcoded"), msg) if {
	some [doc, i, account] in _service
	not account.interactive_login == false
	not account.password_hardcoded == false
	msg := sprintf("%s: password hard-coded in scripts, configuration or code (or not stated)", [_name(doc, account)])
}

# PCI-8.6.3: system account passwords changed at the interval a current targeted risk
# analysis sets.
service_password_stale contains finding.of(doc, _acct_path(i, "password_last_changed"), msg) if {
	some [doc, i, account] in _service
	not dates.days_between(account.password_last_changed, input.as_of) <= account.password_rotation_days
	msg := sprintf("%s: password last changed %v; rotation every %v days", [_name(doc, account), object.get(account, "password_last_changed", "never"), object.get(account, "password_rotation_days", "(undefined)")])
}

service_password_stale contains finding.of(doc, "facts.targeted_risk_analysis", msg) if {
	some [doc, _, _] in _service
	not dates.within_months(doc.facts.targeted_risk_analysis.reviewed, input.as_of, 12)
	msg := sprintf("%s: service-account rotation periods not set by a targeted risk analysis reviewed in the last 12 months", [doc.facts.system])
}

# The analysis cited matches one in the 12.3.1 register, at a sane frequency.
service_password_stale contains f if some f in tra.findings(input.evidence, input.as_of, "8.6.3")
