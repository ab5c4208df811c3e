package caf.b_test

import future.keywords.not
import rego.v1

import data.caf.b

# The project parameters (controls/parameters.yaml) at their default values.
_params := {
	"psn_patch_days": 14, "psn_cvss_versions": ["3.0", "3.1", "4.0"],
	"dh_asset_register_review_months": 6, "dh_retention_review_months": 12,
	"dh_training_refresher_months": 12, "dh_processor_assurance_months": 12,
	"dh_breach_individuals_notice_hours": 72,
}


_software(supported) := {"as_of": "2026-11-01", "evidence": {"software_inventory": [{
	"id": "sw-1",
	"facts": {"hosts": [{"name": "FS01", "software": [{"name": "Windows Server", "version": "2012", "supported": supported, "licensed": true}]}]},
}]}}

_patches(installed) := {"as_of": "2026-11-01", "evidence": {"patch_status": [{
	"id": "patch-1",
	"facts": {"hosts": [{"name": "FS01", "patches": [{"id": "KB1", "severity": "critical", "released": "2026-10-01", "installed": installed}]}]},
}]}}

test_unsupported_software_rules_out_partially_achieved if {
	[f.denies | some f in b.vulnerability_management] == ["partially_achieved"] with input as _software(false) with input.parameters as _params
}

test_supported_software_rules_out_nothing if {
	count(b.vulnerability_management) == 0 with input as _software(true) with input.parameters as _params
}

test_late_critical_patch_rules_out_achieved if {
	[f.denies | some f in b.vulnerability_management] == ["achieved"] with input as _patches("2026-10-30") with input.parameters as _params
}

test_patch_within_14_days_rules_out_nothing if {
	count(b.vulnerability_management) == 0 with input as _patches("2026-10-10") with input.parameters as _params
}
