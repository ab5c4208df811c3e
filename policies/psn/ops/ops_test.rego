package psn.ops_test

import future.keywords.not
import rego.v1

import data.psn.ops

# The project parameters (controls/parameters.yaml) at their default values.
_params := {
	"psn_patch_days": 14, "psn_cvss_versions": ["3.0", "3.1", "4.0"],
	"dh_asset_register_review_months": 6, "dh_retention_review_months": 12,
	"dh_training_refresher_months": 12, "dh_processor_assurance_months": 12,
	"dh_breach_individuals_notice_hours": 72,
}


_patch_input(patch) := {"as_of": "2025-03-01", "evidence": {"patch_status": [{"id": "ps", "facts": {"hosts": [{"name": "srv-01", "patches": [patch]}]}}]}}

test_high_patch_installed_on_day_14_passes if {
	count(ops.patch_late) == 0 with input as _patch_input({"id": "K", "severity": "high", "released": "2025-01-01", "installed": "2025-01-15"}) with input.parameters as _params
}

test_high_patch_installed_on_day_15_fails if {
	count(ops.patch_late) == 1 with input as _patch_input({"id": "K", "severity": "high", "released": "2025-01-01", "installed": "2025-01-16"}) with input.parameters as _params
}

test_critical_patch_missing_for_15_days_fails if {
	count(ops.patch_late) == 1 with input as _patch_input({"id": "K", "severity": "critical", "released": "2025-02-14"}) with input.parameters as _params
}

test_critical_patch_missing_for_14_days_passes if {
	count(ops.patch_late) == 0 with input as _patch_input({"id": "K", "severity": "critical", "released": "2025-02-15"}) with input.parameters as _params
}

test_medium_patch_is_not_judged if {
	count(ops.patch_late) == 0 with input as _patch_input({"id": "K", "severity": "medium", "released": "2024-01-01"}) with input.parameters as _params
}

_devices(devices) := {"evidence": {"device_inventory": [{"id": "inv", "facts": {"devices": devices}}]}}

test_managed_devices_pass if {
	count(ops.unmanaged_device) == 0 with input as _devices([{"name": "LT1", "type": "laptop", "managed": true, "encrypted": true, "psn_access": true}]) with input.parameters as _params
}

test_unmanaged_device_with_psn_access_fails if {
	count(ops.unmanaged_device) == 1 with input as _devices([{"name": "LT1", "type": "laptop", "managed": false, "encrypted": true, "psn_access": true}]) with input.parameters as _params
}

test_device_with_unknown_management_fails if {
	count(ops.unmanaged_device) == 1 with input as _devices([{"name": "LT1", "type": "laptop", "encrypted": true, "psn_access": true}]) with input.parameters as _params
}

test_unmanaged_device_with_unknown_access_fails if {
	count(ops.unmanaged_device) == 1 with input as _devices([{"name": "LT1", "type": "laptop", "managed": false, "encrypted": true}]) with input.parameters as _params
}

test_unmanaged_device_without_psn_access_passes if {
	count(ops.unmanaged_device) == 0 with input as _devices([{"name": "kiosk", "type": "desktop", "managed": false, "encrypted": false, "psn_access": false, "psn_exclusion": {"reason": "Access removed on leaving the team (SR-1)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}}]) with input.as_of as "2026-11-01" with input.parameters as _params
}

test_unmanaged_device_marked_without_psn_access_but_unapproved_fails if {
	count(ops.unmanaged_device) == 1 with input as _devices([{"name": "kiosk", "type": "desktop", "managed": false, "encrypted": false, "psn_access": false}]) with input.as_of as "2026-11-01" with input.parameters as _params
}

test_medium_patch_scored_cvss_7_is_judged if {
	count(ops.patch_late) == 1 with input as _patch_input({"id": "K", "severity": "medium", "cvss": 7.0, "released": "2025-01-01", "installed": "2025-01-16"}) with input.parameters as _params
}

test_medium_patch_scored_cvss_6_9_is_not_judged if {
	count(ops.patch_late) == 0 with input as _patch_input({"id": "K", "severity": "medium", "cvss": 6.9, "released": "2025-01-01", "installed": "2025-01-16"}) with input.parameters as _params
}

test_device_with_unknown_management_and_access_fails if {
	count(ops.unmanaged_device) == 1 with input as _devices([{"name": "LT2", "type": "laptop", "encrypted": true}]) with input.parameters as _params
}

test_high_patch_without_release_date_fails if {
	fs := ops.patch_late with input as _patch_input({"id": "K", "severity": "high", "installed": "2025-01-16"}) with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.path == "facts.hosts[0].patches[0].released"
}

test_cvss_only_patch_installed_late_names_its_score if {
	fs := ops.patch_late with input as _patch_input({"id": "K", "cvss": 9.8, "released": "2025-01-01", "installed": "2025-01-16"}) with input.parameters as _params
	count(fs) == 1
	some f in fs
	contains(f.msg, "srv-01: CVSS 9.8 patch K")
}

test_patch_without_severity_or_score_fails if {
	fs := ops.patch_late with input as _patch_input({"id": "K", "released": "2025-01-01", "installed": "2025-01-02"}) with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.path == "facts.hosts[0].patches[0].severity"
}

test_removable_media_is_not_a_remote_access_device if {
	count(ops.unmanaged_device) == 0 with input as {"evidence": {"device_inventory": [{"id": "inv", "facts": {"devices": [{"name": "USB-7", "type": "removable_media", "managed": false, "psn_access": true}]}}]}} with input.parameters as _params
}
