package psn.ithc_test

import future.keywords.not
import rego.v1

import data.psn.ithc

# The project parameters (controls/parameters.yaml) at their default values.
_params := {
	"psn_patch_days": 14, "psn_cvss_versions": ["3.0", "3.1", "4.0"],
	"dh_asset_register_review_months": 6, "dh_retention_review_months": 12,
	"dh_training_refresher_months": 12, "dh_processor_assurance_months": 12,
	"dh_breach_individuals_notice_hours": 72,
}


_report(completed, scheme) := {"id": "ithc", "facts": {"provider": "Pen Co", "scheme": scheme, "completed": completed, "findings": [
	{"id": "F-1", "title": "Old TLS", "severity": "high"},
	{"id": "F-2", "title": "SMB signing", "severity": "medium"},
]}}

_plan(items) := {"id": "rap", "facts": {"items": items}}

_entry(id) := {"finding": id, "action": "fix", "owner": "Head of ICT", "target_date": "2025-12-01", "status": "open"}

test_ithc_twelve_months_old_passes if {
	count(ithc.ithc_not_current) == 0 with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": [_report("2024-06-30", "CHECK")]}} with input.parameters as _params
}

test_ithc_over_twelve_months_old_fails if {
	count(ithc.ithc_not_current) == 1 with input as {"as_of": "2025-07-01", "evidence": {"ithc_report": [_report("2024-06-30", "CREST")]}} with input.parameters as _params
}

test_ithc_by_unapproved_scheme_fails if {
	count(ithc.ithc_not_current) == 2 with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": [_report("2025-06-01", "other")]}} with input.parameters as _params
}

test_every_finding_planned_passes if {
	count(ithc.rap_incomplete) == 0 with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")], "remediation_plan": [_plan([_entry("F-1"), _entry("F-2")])]}} with input.parameters as _params
}

test_unplanned_finding_fails if {
	fs := ithc.rap_incomplete with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")], "remediation_plan": [_plan([_entry("F-1")])]}} with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.path == "facts.findings[1]"
}

test_entry_without_owner_does_not_count if {
	count(ithc.rap_incomplete) == 1 with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")], "remediation_plan": [_plan([_entry("F-1"), object.remove(_entry("F-2"), ["owner"])])]}} with input.parameters as _params
}

test_no_plan_at_all_fails if {
	some f in ithc.rap_incomplete with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")]}} with input.parameters as _params
	f.msg == "no Remediation Action Plan evidence"
	f.evidence == _report("2025-06-01", "CHECK").id
}

_scoped(facts) := {"evidence": {"ithc_report": [{"id": "ithc", "facts": object.union(_report("2025-06-01", "CHECK").facts, facts)}]}}

_all_external := {"external_covers": ["email", "web", "firewalls", "remote_access", "third_party_connections"]}

_all_internal := {"internal_covers": ["vulnerability_scanning", "manual_analysis", "builds", "network_management", "patching", "remote_access"]}

test_full_external_scope_passes if {
	count(ithc.external_scope_incomplete) == 0 with input as _scoped({"scope": _all_external}) with input.parameters as _params
}

test_external_scope_without_third_parties_fails if {
	fs := ithc.external_scope_incomplete with input as _scoped({"scope": {"external_covers": ["email", "web", "firewalls", "remote_access"]}}) with input.parameters as _params
	count(fs) == 1
	some f in fs
	contains(f.msg, "third party connections")
}

test_unstated_external_scope_fails_for_every_area if {
	count(ithc.external_scope_incomplete) == 5 with input as _scoped({}) with input.parameters as _params
}

test_only_latest_report_scope_is_judged if {
	old := {"id": "ithc-old", "facts": object.union(_report("2024-06-01", "CHECK").facts, {})}
	new := {"id": "ithc-new", "facts": object.union(_report("2025-06-01", "CHECK").facts, {"scope": _all_external})}
	count(ithc.external_scope_incomplete) == 0 with input as {"evidence": {"ithc_report": [old, new]}} with input.parameters as _params
}

test_full_internal_scope_passes if {
	count(ithc.internal_scope_incomplete) == 0 with input as _scoped({"scope": _all_internal}) with input.parameters as _params
}

test_internal_scope_without_manual_analysis_fails if {
	count(ithc.internal_scope_incomplete) == 1 with input as _scoped({"scope": {"internal_covers": ["vulnerability_scanning", "builds", "network_management", "patching", "remote_access"]}}) with input.parameters as _params
}

test_unstated_internal_scope_fails_for_every_area if {
	count(ithc.internal_scope_incomplete) == 6 with input as _scoped({}) with input.parameters as _params
}

test_ten_percent_sample_passes if {
	count(ithc.sample_too_small) == 0 with input as _scoped({"sample": {"estate_devices": 1000, "devices_tested": 100}}) with input.parameters as _params
}

test_just_under_ten_percent_sample_fails if {
	count(ithc.sample_too_small) == 1 with input as _scoped({"sample": {"estate_devices": 1000, "devices_tested": 99}}) with input.parameters as _params
}

test_whole_small_estate_passes if {
	count(ithc.sample_too_small) == 0 with input as _scoped({"sample": {"estate_devices": 7, "devices_tested": 7}}) with input.parameters as _params
}

test_unstated_sample_fails if {
	count(ithc.sample_too_small) == 1 with input as _scoped({}) with input.parameters as _params
}

_scored := [{"id": "F-1", "title": "Old TLS", "severity": "high", "cvss": 7.4}, {"id": "F-2", "title": "Banner", "severity": "info", "cvss": 0}]

test_cvss_v3_scored_findings_pass if {
	count(ithc.findings_unscored) == 0 with input as _scoped({"cvss_version": "3.1", "findings": _scored}) with input.parameters as _params
}

test_cvss_v2_scoring_fails_for_each_finding if {
	fs := ithc.findings_unscored with input as _scoped({"cvss_version": "2.0", "findings": _scored}) with input.parameters as _params
	count(fs) == 2
	every f in fs {
		f.path == "facts.cvss_version"
	}
}

test_cvss_v4_scoring_passes if {
	count(ithc.findings_unscored) == 0 with input as _scoped({"cvss_version": "4.0", "findings": _scored}) with input.parameters as _params
}

test_mixed_v3_and_v4_findings_each_with_its_version_pass if {
	findings := [
		{"id": "F-1", "title": "Old TLS", "severity": "high", "cvss": 7.4, "cvss_version": "3.1", "cvss_vector": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N"},
		{"id": "F-2", "title": "Kiosk admin", "severity": "high", "cvss": 8.5, "cvss_version": "4.0", "cvss_vector": "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"},
	]
	count(ithc.findings_unscored) == 0 with input as _scoped({"findings": findings}) with input.parameters as _params
}

test_finding_score_without_any_version_fails_at_the_report if {
	fs := ithc.findings_unscored with input as _scoped({"findings": [{"id": "F-1", "title": "Old TLS", "severity": "high", "cvss": 7.4}]}) with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.path == "facts.cvss_version"
}

test_finding_v2_version_overrides_report_v4_and_fails if {
	fs := ithc.findings_unscored with input as _scoped({"cvss_version": "4.0", "findings": [{"id": "F-1", "title": "Old TLS", "severity": "high", "cvss": 7.4, "cvss_version": "2.0"}]}) with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.path == "facts.findings[0].cvss_version"
}

test_vector_of_another_version_fails if {
	fs := ithc.findings_unscored with input as _scoped({"cvss_version": "4.0", "findings": [{"id": "F-1", "title": "Old TLS", "severity": "high", "cvss": 7.4, "cvss_vector": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N"}]}) with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.path == "facts.findings[0].cvss_vector"
}

test_unscored_finding_and_unstated_version_fail if {
	count(ithc.findings_unscored) == 4 with input as _scoped({}) with input.parameters as _params
}

test_earlier_report_by_unapproved_scheme_is_history if {
	old := {"id": "ithc-old", "facts": _report("2024-05-01", "other").facts}
	new := {"id": "ithc-new", "facts": _report("2025-05-01", "CHECK").facts}
	count(ithc.ithc_not_current) == 0 with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": [old, new]}} with input.parameters as _params
}

# No report at all is a gap (the control needs ithc_report evidence), not a finding.
test_no_report_at_all_leaves_the_verdict_to_the_gap if {
	count(ithc.ithc_not_current) == 0 with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": []}} with input.parameters as _params
}

test_only_an_old_report_fails_at_that_report if {
	some f in ithc.ithc_not_current with input as {"as_of": "2026-06-30", "evidence": {"ithc_report": [_report("2025-06-01", "CHECK")]}} with input.parameters as _params
	f.path == "facts.completed"
}

test_undated_newest_report_is_a_finding if {
	old := {"id": "ithc-old", "facts": _report("2025-05-01", "CHECK").facts}
	undated := {"id": "ithc-new", "facts": object.remove(_report("", "CHECK").facts, ["completed"])}
	fs := ithc.ithc_not_current with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": [old, undated]}} with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.evidence == "ithc-new"
	f.path == "facts.completed"
}

test_sole_undated_report_fails_and_is_still_judged if {
	undated := {"id": "ithc", "facts": object.remove(_report("", "CHECK").facts, ["completed"])}
	count(ithc.ithc_not_current) == 2 with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": [undated]}} with input.parameters as _params
	count(ithc.external_scope_incomplete) == 5 with input as {"evidence": {"ithc_report": [undated]}} with input.parameters as _params
}

test_newer_report_by_unapproved_scheme_fails if {
	old := {"id": "ithc-old", "facts": _report("2025-01-01", "CREST").facts}
	new := {"id": "ithc-new", "facts": _report("2025-05-01", "other").facts}
	fs := ithc.ithc_not_current with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": [old, new]}} with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.evidence == "ithc-new"
}

test_tiger_scheme_passes if {
	count(ithc.ithc_not_current) == 0 with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": [_report("2025-06-01", "TIGER")]}} with input.parameters as _params
}

test_entry_without_target_date_does_not_count if {
	count(ithc.rap_incomplete) == 1 with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")], "remediation_plan": [_plan([_entry("F-1"), object.remove(_entry("F-2"), ["target_date"])])]}} with input.parameters as _params
}

test_entry_with_blank_action_does_not_count if {
	count(ithc.rap_incomplete) == 1 with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")], "remediation_plan": [_plan([_entry("F-1"), object.union(_entry("F-2"), {"action": " "})])]}} with input.parameters as _params
}

test_entry_without_status_does_not_count if {
	count(ithc.rap_incomplete) == 1 with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")], "remediation_plan": [_plan([_entry("F-1"), object.remove(_entry("F-2"), ["status"])])]}} with input.parameters as _params
}

test_report_without_findings_list_fails_rap_and_scoring if {
	r := {"id": "ithc", "facts": object.union(object.remove(_report("2025-06-01", "CHECK").facts, ["findings"]), {"cvss_version": "3.1"})}
	fs := ithc.rap_incomplete with input as {"evidence": {"ithc_report": [r], "remediation_plan": [_plan([])]}} with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.path == "facts.findings"
	count(ithc.findings_unscored) == 1 with input as {"evidence": {"ithc_report": [r]}} with input.parameters as _params
}

test_empty_estate_sample_fails if {
	count(ithc.sample_too_small) == 1 with input as _scoped({"sample": {"estate_devices": 0, "devices_tested": 0}}) with input.parameters as _params
}

test_cvss_v3_0_scoring_passes if {
	count(ithc.findings_unscored) == 0 with input as _scoped({"cvss_version": "3.0", "findings": _scored}) with input.parameters as _params
}

test_malformed_vector_with_a_valid_prefix_fails if {
	fs := ithc.findings_unscored with input as _scoped({"cvss_version": "4.0", "findings": [{"id": "F-1", "title": "Old TLS", "severity": "high", "cvss": 7.4, "cvss_vector": "CVSS:4.0/garbage"}]}) with input.parameters as _params
	fs == {{"msg": "ITHC finding F-1: CVSS:4.0/garbage is not a well-formed CVSS v3.0, v3.1 or v4.0 vector (every base metric once, each with a value its version defines)", "evidence": "ithc", "path": "facts.findings[0].cvss_vector"}}
}

test_sample_larger_than_the_estate_fails if {
	fs := ithc.sample_too_small with input as _scoped({"sample": {"estate_devices": 10, "devices_tested": 11}}) with input.parameters as _params
	{f.path | some f in fs} == {"facts.sample", "facts.sample.devices_tested"}
}

test_sample_counts_beyond_exact_arithmetic_fail if {
	count(ithc.sample_too_small) == 1 with input as _scoped({"sample": {"estate_devices": 10000000000000000000000, "devices_tested": 999999999999999999999}}) with input.parameters as _params
}

test_fractional_sample_counts_fail if {
	count(ithc.sample_too_small) == 1 with input as _scoped({"sample": {"estate_devices": 10.5, "devices_tested": 5}}) with input.parameters as _params
}

test_a_billion_device_estate_sampled_at_ten_percent_passes if {
	count(ithc.sample_too_small) == 0 with input as _scoped({"sample": {"estate_devices": 1000000000, "devices_tested": 100000000}}) with input.parameters as _params
}

test_duplicate_finding_id_fails_even_when_the_id_is_planned if {
	report := {"id": "ithc", "facts": {"provider": "Pen Co", "scheme": "CHECK", "completed": "2025-06-01", "findings": [
		{"id": "F1", "title": "Old TLS", "severity": "high"},
		{"id": "F1", "title": "Domain admin from guest Wi-Fi", "severity": "critical"},
	]}}
	fs := ithc.rap_incomplete with input as {"evidence": {"ithc_report": [report], "remediation_plan": [_plan([_entry("F1")])]}} with input.parameters as _params
	fs == {{"msg": "ITHC ithc lists finding id F1 again (findings #0 and #1); each finding needs its own id and its own plan entry", "evidence": "ithc", "path": "facts.findings[1].id"}}
}
