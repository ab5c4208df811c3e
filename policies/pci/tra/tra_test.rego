package pci.tra_test

import future.keywords.not
import rego.v1

import data.pci.req10
import data.pci.req11
import data.pci.req12
import data.pci.req5
import data.pci.req7
import data.pci.req8
import data.pci.req9
import data.pci.tra

_as_of := "2026-11-01"

_entry(requirement, reference, extra) := object.union(
	{"requirement": requirement, "reference": reference, "approach": "flexible_frequency", "last_reviewed": "2026-03-10", "approved_by": "CISO"},
	extra,
)

_register(entries) := [{"id": "tra", "facts": {"customized_approach_used": false, "analyses": entries}}]

_poi(frequency_days, reference) := {"poi_devices": [{"id": "poi", "facts": {
	"targeted_risk_analysis": {"reference": reference, "performed": "2026-03-10"},
	"devices": [
		{"serial": "S1", "location": "Till 1", "last_inspected": "2026-10-30", "inspection_frequency_days": 7},
		{"serial": "S2", "location": "Till 2", "last_inspected": "2026-10-30", "inspection_frequency_days": frequency_days},
	],
}}]}

_evidence(citing, entries) := object.union(citing, {"targeted_risk_analysis": _register(entries)})

_msgs(findings) := {f.msg | some f in findings}

# --- matching by reference and requirement ---------------------------------------------------

test_citation_of_a_registered_analysis_at_its_frequency_passes if {
	evidence := _evidence(_poi(7, "PCI-TRA-09"), [_entry("9.5.1.2.1", "PCI-TRA-09", {"frequency_days": 7})])
	tra.findings(evidence, _as_of, "9.5.1.2.1") == set()
}

test_citation_missing_from_the_register_fails if {
	evidence := _evidence(_poi(7, "PCI-TRA-99"), [_entry("9.5.1.2.1", "PCI-TRA-09", {"frequency_days": 7})])
	tra.findings(evidence, _as_of, "9.5.1.2.1") == {{
		"msg": "cites targeted risk analysis PCI-TRA-99, which is not in the register (12.3.1)",
		"evidence": "poi", "path": "facts.targeted_risk_analysis.reference",
	}}
}

test_citation_without_any_register_fails if {
	_msgs(tra.findings(_poi(7, "PCI-TRA-09"), _as_of, "9.5.1.2.1")) == {"cites targeted risk analysis PCI-TRA-09, but no targeted risk analysis register (12.3.1) records any analysis"}
}

test_citation_of_an_analysis_for_another_requirement_fails if {
	entries := [_entry("10.4.2.1", "PCI-TRA-02", {"frequency_days": 7}), _entry("5.3.2.1", "PCI-TRA-02", {"frequency_days": 7})]
	_msgs(tra.findings(_evidence(_poi(7, "PCI-TRA-02"), entries), _as_of, "9.5.1.2.1")) == {"cites targeted risk analysis PCI-TRA-02, which the register records for 10.4.2.1, 5.3.2.1, not 9.5.1.2.1"}
}

test_reference_is_matched_exactly if {
	evidence := _evidence(_poi(7, "PCI-TRA-09 POI inspections"), [_entry("9.5.1.2.1", "PCI-TRA-09", {"frequency_days": 7})])
	count(tra.findings(evidence, _as_of, "9.5.1.2.1")) == 1
}

test_one_analysis_may_support_two_requirements if {
	entries := [_entry("5.2.3.1", "PCI-TRA-01", {"frequency_months": 6}), _entry("5.3.2.1", "PCI-TRA-01", {"frequency_days": 7})]
	citing := {"endpoint_protection": [{"id": "ep", "facts": {
		"targeted_risk_analysis": {"reference": "PCI-TRA-01", "reviewed": "2026-03-10"},
		"periodic_scan_interval_days": 7, "not_at_risk_review_interval_months": 6,
		"hosts": [
			{"name": "app", "anti_malware_installed": true, "real_time_scanning": true, "last_scan": "2026-10-30"},
			{"name": "db", "not_at_risk": {"evaluated": "2026-06-01", "reason": "appliance"}},
		],
	}}]}
	tra.findings(_evidence(citing, entries), _as_of, "5.2.3.1") == set()
	tra.findings(_evidence(citing, entries), _as_of, "5.3.2.1") == set()
}

test_customized_approach_entry_does_not_set_a_frequency if {
	entries := [_entry("9.5.1.2.1", "PCI-TRA-09", {"approach": "customized", "frequency_days": 7})]
	_msgs(tra.findings(_evidence(_poi(7, "PCI-TRA-09"), entries), _as_of, "9.5.1.2.1")) == {"targeted risk analysis PCI-TRA-09 is registered for 9.5.1.2.1, but not as a flexible-frequency analysis"}
}

test_register_entry_reviewed_twelve_months_ago_passes_a_day_more_fails if {
	current := [_entry("9.5.1.2.1", "PCI-TRA-09", {"frequency_days": 7, "last_reviewed": "2025-11-01"})]
	tra.findings(_evidence(_poi(7, "PCI-TRA-09"), current), _as_of, "9.5.1.2.1") == set()
	stale := [_entry("9.5.1.2.1", "PCI-TRA-09", {"frequency_days": 7, "last_reviewed": "2025-10-31"})]
	_msgs(tra.findings(_evidence(_poi(7, "PCI-TRA-09"), stale), _as_of, "9.5.1.2.1")) == {"targeted risk analysis PCI-TRA-09 was last reviewed 2025-10-31; the register needs a review within 12 months"}
}

test_register_entry_without_a_date_is_not_current if {
	undated := [object.remove(_entry("9.5.1.2.1", "PCI-TRA-09", {"frequency_days": 7}), ["last_reviewed"])]
	_msgs(tra.findings(_evidence(_poi(7, "PCI-TRA-09"), undated), _as_of, "9.5.1.2.1")) == {"targeted risk analysis PCI-TRA-09 was last reviewed never; the register needs a review within 12 months"}
}

# --- frequencies -----------------------------------------------------------------------------

test_device_inspected_less_often_than_the_analysis_sets_fails if {
	evidence := _evidence(_poi(14, "PCI-TRA-09"), [_entry("9.5.1.2.1", "PCI-TRA-09", {"frequency_days": 7})])
	tra.findings(evidence, _as_of, "9.5.1.2.1") == {{
		"msg": "POI device S2: inspection every 14 days, less often than targeted risk analysis PCI-TRA-09 sets (every 7 days)",
		"evidence": "poi", "path": "facts.devices[1].inspection_frequency_days",
	}}
}

test_register_entry_without_a_frequency_fails if {
	evidence := _evidence(_poi(7, "PCI-TRA-09"), [_entry("9.5.1.2.1", "PCI-TRA-09", {})])
	tra.findings(evidence, _as_of, "9.5.1.2.1") == {{
		"msg": "analysis PCI-TRA-09 for 9.5.1.2.1 sets no frequency (frequency_days or frequency_months)",
		"evidence": "tra", "path": "facts.analyses[0]",
	}}
}

test_register_entry_with_two_frequencies_fails if {
	entries := [_entry("9.5.1.2.1", "PCI-TRA-09", {"frequency_days": 7, "frequency_months": 1})]
	_msgs(tra.findings(_evidence(_poi(7, "PCI-TRA-09"), entries), _as_of, "9.5.1.2.1")) == {"analysis PCI-TRA-09 for 9.5.1.2.1 states both frequency_days and frequency_months; give one"}
}

test_frequency_of_twelve_months_is_sane_thirteen_is_not if {
	entries := [_entry("12.10.4.1", "PCI-TRA-05", {"frequency_months": 12})]
	tra.findings({"targeted_risk_analysis": _register(entries)}, _as_of, "12.10.4.1") == set()
	too_long := [_entry("12.10.4.1", "PCI-TRA-05", {"frequency_months": 13})]
	tra.findings({"targeted_risk_analysis": _register(too_long)}, _as_of, "12.10.4.1") == {{
		"msg": "analysis PCI-TRA-05 for 12.10.4.1 sets a frequency of every 13 months; it must be every 1 to 12 months",
		"evidence": "tra", "path": "facts.analyses[0].frequency_months",
	}}
}

test_frequency_of_366_days_is_sane_367_and_zero_are_not if {
	tra.findings({"targeted_risk_analysis": _register([_entry("11.3.1.1", "T", {"frequency_days": 366})])}, _as_of, "11.3.1.1") == set()
	count(tra.findings({"targeted_risk_analysis": _register([_entry("11.3.1.1", "T", {"frequency_days": 367})])}, _as_of, "11.3.1.1")) == 1
	count(tra.findings({"targeted_risk_analysis": _register([_entry("11.3.1.1", "T", {"frequency_days": 0})])}, _as_of, "11.3.1.1")) == 1
}

test_register_entries_for_other_requirements_are_not_judged_here if {
	tra.findings({"targeted_risk_analysis": _register([_entry("10.4.2.1", "T", {})])}, _as_of, "12.10.4.1") == set()
}

test_days_against_months_count_a_month_as_31_days if {
	monthly := [_entry("9.5.1.2.1", "PCI-TRA-09", {"frequency_months": 1})]
	tra.findings(_evidence(_poi(31, "PCI-TRA-09"), monthly), _as_of, "9.5.1.2.1") == set()
	_msgs(tra.findings(_evidence(_poi(32, "PCI-TRA-09"), monthly), _as_of, "9.5.1.2.1")) == {"POI device S2: inspection every 32 days, less often than targeted risk analysis PCI-TRA-09 sets (every month)"}
}

test_months_against_days_count_a_month_as_31_days if {
	access := {"access_review": [{"id": "ar", "facts": {"targeted_risk_analysis": {"reference": "T7", "reviewed": "2026-03-10"}, "service_account_review_interval_months": 1}}]}
	tra.findings(_evidence(access, [_entry("7.2.5.1", "T7", {"frequency_days": 31})]), _as_of, "7.2.5.1") == set()
	count(tra.findings(_evidence(access, [_entry("7.2.5.1", "T7", {"frequency_days": 30})]), _as_of, "7.2.5.1")) == 1
}

test_each_active_service_account_rotation_is_held_to_the_analysis if {
	accounts := [
		{"id": "svc-ok", "type": "service", "password_rotation_days": 90},
		{"id": "svc-slow", "type": "service", "password_rotation_days": 365},
		{"id": "svc-off", "type": "service", "disabled": true, "password_rotation_days": 999},
		{"id": "person", "type": "user"},
	]
	citing := {"user_accounts": [{"id": "ua", "facts": {"system": "AD", "targeted_risk_analysis": {"reference": "T8", "reviewed": "2026-03-10"}, "accounts": accounts}}]}
	[f.path | some f in tra.findings(_evidence(citing, [_entry("8.6.3", "T8", {"frequency_days": 90})]), _as_of, "8.6.3")] == ["facts.accounts[1].password_rotation_days"]
}

test_only_the_latest_internal_scan_is_held_to_the_register if {
	scans := [
		{"id": "old", "facts": {"scope": "internal", "performed": "2026-06-01", "targeted_risk_analysis": {"reference": "OLD", "performed": "2025-06-01"}}},
		{"id": "new", "facts": {"scope": "internal", "performed": "2026-09-01", "targeted_risk_analysis": {"reference": "T11", "performed": "2026-03-10"}}},
		{"id": "ext", "facts": {"scope": "external", "performed": "2026-10-01", "targeted_risk_analysis": {"reference": "NOPE", "performed": "2026-03-10"}}},
	]
	evidence := _evidence({"vulnerability_scan": scans}, [_entry("11.3.1.1", "T11", {"frequency_days": 30})])
	tra.findings(evidence, _as_of, "11.3.1.1") == set()
	unknown := _evidence({"vulnerability_scan": scans}, [_entry("11.3.1.1", "T12", {"frequency_days": 30})])
	[f.evidence | some f in tra.findings(unknown, _as_of, "11.3.1.1")] == ["new"]
}

test_log_review_citation_points_at_its_own_path if {
	logging := {"logging_config": [{"id": "log", "facts": {"other_components_review": {"frequency_days": 7, "targeted_risk_analysis": {"reference": "T10", "performed": "2026-03-10"}}}}]}
	[f.path | some f in tra.findings(_evidence(logging, []), _as_of, "10.4.2.1")] == ["facts.other_components_review.targeted_risk_analysis.reference"]
}

test_hosts_without_periodic_scans_cite_nothing_for_5_3_2_1 if {
	citing := {"endpoint_protection": [{"id": "ep", "facts": {
		"targeted_risk_analysis": {"reference": "UNKNOWN", "reviewed": "2026-03-10"},
		"hosts": [{"name": "edr", "anti_malware_installed": true, "behavioural_analysis": true}],
	}}]}
	tra.findings(_evidence(citing, [_entry("5.2.3.1", "T5", {"frequency_months": 6})]), _as_of, "5.3.2.1") == set()
}

# --- each requirement's entry rule carries these findings -------------------------------------

_unknown_everywhere := {
	"endpoint_protection": [{"id": "ep", "facts": {
		"targeted_risk_analysis": {"reference": "X", "reviewed": "2026-03-10"},
		"periodic_scan_interval_days": 7, "not_at_risk_review_interval_months": 6,
		"hosts": [
			{"name": "app", "anti_malware_installed": true, "real_time_scanning": true, "last_scan": "2026-10-30"},
			{"name": "db", "not_at_risk": {"evaluated": "2026-06-01", "reason": "appliance"}},
		],
	}}],
	"access_review": [{"id": "ar", "facts": {"targeted_risk_analysis": {"reference": "X", "reviewed": "2026-03-10"}, "service_account_review_interval_months": 12}}],
	"user_accounts": [{"id": "ua", "facts": {"system": "AD", "targeted_risk_analysis": {"reference": "X", "reviewed": "2026-03-10"}, "accounts": [{"id": "svc", "type": "service", "password_rotation_days": 90}]}}],
	"poi_devices": _poi(7, "X").poi_devices,
	"logging_config": [{"id": "log", "facts": {"other_components_review": {"frequency_days": 7, "targeted_risk_analysis": {"reference": "X", "performed": "2026-03-10"}}}}],
	"vulnerability_scan": [{"id": "scan", "facts": {"scope": "internal", "performed": "2026-09-01", "targeted_risk_analysis": {"reference": "X", "performed": "2026-03-10"}}}],
	"targeted_risk_analysis": _register([_entry("12.10.4.1", "Y", {})]),
}

_unregistered := "cites targeted risk analysis X, which is not in the register (12.3.1)"

test_every_tra_entry_rule_reports_an_unregistered_citation if {
	inp := {"as_of": _as_of, "evidence": _unknown_everywhere}
	_unregistered in _msgs(req5.not_at_risk_frequency_unjustified) with input as inp
	_unregistered in _msgs(req5.periodic_scan_overdue) with input as inp
	_unregistered in _msgs(req7.service_account_review_overdue) with input as inp
	_unregistered in _msgs(req8.service_password_stale) with input as inp
	_unregistered in _msgs(req9.poi_inspection_frequency_unjustified) with input as inp
	_unregistered in _msgs(req10.other_log_review_unjustified) with input as inp
	_unregistered in _msgs(req11.lower_risk_vulnerabilities_overdue) with input as inp
	"analysis Y for 12.10.4.1 sets no frequency (frequency_days or frequency_months)" in _msgs(req12.ir_training_frequency_unsupported) with input as inp
}
