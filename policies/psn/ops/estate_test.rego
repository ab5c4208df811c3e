package psn.ops_test

import future.keywords.not
import rego.v1

import data.psn.ops

# PSN-OPS-02

_sw(sw, host) := {"as_of": "2026-11-01", "evidence": {"software_inventory": [{"id": "sw", "facts": {"hosts": [object.union({"name": "srv-01", "software": [sw]}, host)]}}]}}

_product := {"name": "Windows Server", "version": "2016", "supported": true, "licensed": true, "end_of_support": "2027-01-12"}

test_supported_licensed_software_passes if {
	count(ops.unsupported_software) == 0 with input as _sw(_product, {})
}

test_support_ending_today_passes if {
	count(ops.unsupported_software) == 0 with input as _sw(object.union(_product, {"end_of_support": "2026-11-01"}), {})
}

test_support_ended_yesterday_fails if {
	fs := ops.unsupported_software with input as _sw(object.union(_product, {"end_of_support": "2026-10-31"}), {})
	count(fs) == 1
	some f in fs
	f.path == "facts.hosts[0].software[0]"
}

test_unsupported_software_fails if {
	count(ops.unsupported_software) == 1 with input as _sw(object.union(_product, {"supported": false}), {})
}

test_unlicensed_software_fails if {
	count(ops.unsupported_software) == 1 with input as _sw(object.union(_product, {"licensed": false}), {})
}

test_software_with_unknown_support_and_licence_fails if {
	count(ops.unsupported_software) == 2 with input as _sw({"name": "Mystery tool"}, {})
}

test_host_isolated_from_psn_is_not_judged if {
	count(ops.unsupported_software) == 0 with input as _sw(object.union(_product, {"supported": false}), {"psn_access": false, "psn_exclusion": {"reason": "Access removed on leaving the team (SR-1)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}})
}

test_host_marked_isolated_but_unapproved_is_judged if {
	count(ops.unsupported_software) == 1 with input as _sw(object.union(_product, {"supported": false}), {"psn_access": false})
}

# PSN-OPS-03

_sys(facts) := {"evidence": {"system_config": [{"id": "sys", "facts": object.union({"system": "web-01", "config_standard": "CIS L1", "default_accounts": [{"account": "admin", "status": "disabled"}], "unnecessary_services_enabled": []}, facts)}]}}

test_hardened_system_passes if {
	count(ops.insecure_configuration) == 0 with input as _sys({})
}

test_vendor_default_password_fails if {
	fs := ops.insecure_configuration with input as _sys({"default_accounts": [{"account": "admin", "status": "vendor_default_password"}]})
	count(fs) == 1
	some f in fs
	f.path == "facts.default_accounts[0]"
}

test_unneeded_service_enabled_fails if {
	count(ops.insecure_configuration) == 1 with input as _sys({"unnecessary_services_enabled": ["telnet"]})
}

test_unstated_configuration_fails_three_times if {
	count(ops.insecure_configuration) == 3 with input as {"evidence": {"system_config": [{"id": "sys", "facts": {"system": "web-01"}}]}}
}

# PSN-OPS-04

_ep(host) := {"as_of": "2026-11-01", "evidence": {"endpoint_protection": [{"id": "ep", "facts": {"hosts": [object.union({"name": "ws-01"}, host)]}}]}}

_protected := {"anti_malware_installed": true, "real_time_scanning": true, "automatic_updates": true}

test_active_anti_malware_passes if {
	count(ops.malware_protection_missing) == 0 with input as _ep(_protected)
}

test_real_time_scanning_off_fails if {
	fs := ops.malware_protection_missing with input as _ep(object.union(_protected, {"real_time_scanning": false}))
	count(fs) == 1
	some f in fs
	contains(f.msg, "real time scanning")
}

test_unknown_protection_fails if {
	count(ops.malware_protection_missing) == 1 with input as _ep({})
}

test_not_at_risk_evaluated_twelve_months_ago_passes if {
	count(ops.malware_protection_missing) == 0 with input as _ep({"anti_malware_installed": false, "not_at_risk": {"evaluated": "2025-11-01", "reason": "appliance"}})
}

test_not_at_risk_evaluated_over_twelve_months_ago_fails if {
	count(ops.malware_protection_missing) == 1 with input as _ep({"anti_malware_installed": false, "not_at_risk": {"evaluated": "2025-10-31", "reason": "appliance"}})
}

# PSN-OPS-05

_acct(account) := {"as_of": "2026-11-01", "evidence": {"user_accounts": [{"id": "ad", "facts": {"system": "AD", "accounts": [object.union({"id": "a1", "person": "A. Person", "approved_by": "Line manager", "disabled": false}, account)]}}]}}

test_approved_user_account_passes if {
	count(ops.access_control_weak) == 0 with input as _acct({"type": "user", "privileged": false})
}

test_admin_account_with_mfa_passes if {
	count(ops.access_control_weak) == 0 with input as _acct({"type": "admin", "privileged": true, "mfa_enrolled": true})
}

test_admin_account_without_mfa_fails if {
	fs := ops.access_control_weak with input as _acct({"type": "admin", "privileged": true})
	count(fs) == 1
	some f in fs
	contains(f.msg, "admin account a1 is not protected by MFA")
}

test_remote_access_without_mfa_fails if {
	fs := ops.access_control_weak with input as _acct({"type": "user", "remote_access": true, "mfa_enrolled": false})
	some f in fs
	contains(f.msg, "remote-access")
}

test_privileged_everyday_account_fails if {
	count(ops.access_control_weak) == 2 with input as _acct({"type": "user", "privileged": true})
}

test_unapproved_anonymous_account_fails if {
	count(ops.access_control_weak) == 2 with input as _acct({"type": "user", "person": "", "approved_by": null})
}

test_shared_account_with_exception_ending_today_passes if {
	count(ops.access_control_weak) == 0 with input as _acct({"type": "shared", "exception_expires": "2026-11-01"})
}

test_shared_account_with_lapsed_exception_fails if {
	count(ops.access_control_weak) == 1 with input as _acct({"type": "shared", "exception_expires": "2026-10-31"})
}

test_leaver_still_enabled_fails if {
	count(ops.access_control_weak) == 1 with input as _acct({"type": "user", "terminated": "2026-11-01"})
}

test_leaver_leaving_tomorrow_passes if {
	count(ops.access_control_weak) == 0 with input as _acct({"type": "user", "terminated": "2026-11-02"})
}

test_disabled_leaver_passes if {
	count(ops.access_control_weak) == 0 with input as _acct({"type": "user", "terminated": "2026-01-01", "disabled": true})
}

test_service_account_is_not_asked_for_mfa if {
	count(ops.access_control_weak) == 0 with input as _acct({"type": "service", "privileged": true})
}

# PSN-OPS-06

_media(device) := {"evidence": {"device_inventory": [{"id": "inv", "facts": {"devices": [object.union({"name": "USB-1", "type": "removable_media", "managed": true}, device)]}}]}}

test_encrypted_issued_media_passes if {
	count(ops.removable_media_unprotected) == 0 with input as _media({"encrypted": true, "organisation_issued": true, "psn_access": true})
}

test_unencrypted_media_fails if {
	fs := ops.removable_media_unprotected with input as _media({"encrypted": false, "organisation_issued": true})
	count(fs) == 1
	some f in fs
	f.path == "facts.devices[0].encrypted"
}

test_personal_media_fails if {
	count(ops.removable_media_unprotected) == 1 with input as _media({"encrypted": true, "organisation_issued": false})
}

test_media_with_unknown_issue_fails if {
	count(ops.removable_media_unprotected) == 1 with input as _media({"encrypted": true})
}

# A stick carries data from any machine it is plugged into: psn_access does not exempt it.
test_media_marked_off_psn_is_still_judged if {
	count(ops.removable_media_unprotected) == 1 with input as _media({"encrypted": false, "organisation_issued": true, "psn_access": false})
}

test_laptop_is_not_removable_media if {
	count(ops.removable_media_unprotected) == 0 with input as _media({"type": "laptop", "encrypted": false})
}

test_media_with_unknown_encryption_fails if {
	fs := ops.removable_media_unprotected with input as _media({"organisation_issued": true})
	count(fs) == 1
	some f in fs
	f.path == "facts.devices[0].encrypted"
}
