package pci.req11_test

import future.keywords.not
import rego.v1

import data.pci.req11

_scan(date, result) := {"id": date, "facts": {"scope": "external", "asv": true, "result": result, "performed": date, "provider": "ASV Ltd"}}

_input(scans) := {"as_of": "2025-12-31", "evidence": {"vulnerability_scan": scans}}

_quarterly := [_scan("2025-03-15", "pass"), _scan("2025-06-15", "pass"), _scan("2025-09-15", "pass"), _scan("2025-12-15", "pass")]

test_four_passing_quarterly_scans_pass if {
	count(req11.asv_scans_missing) == 0 with input as _input(_quarterly)
}

test_a_missed_quarter_fails if {
	count(req11.asv_scans_missing) == 1 with input as _input(array.slice(_quarterly, 1, 4))
}

test_a_failing_scan_does_not_count if {
	scans := array.concat(array.slice(_quarterly, 0, 3), [_scan("2025-12-15", "fail")])
	count(req11.asv_scans_missing) == 1 with input as _input(scans)
}

test_internal_scans_do_not_count if {
	scans := [object.union(s, {"facts": object.union(s.facts, {"scope": "internal"})}) | some s in _quarterly]
	count(req11.asv_scans_missing) == 4 with input as _input(scans)
}

test_quarter_boundary_is_inclusive_at_the_end if {
	# 2025-09-30 is exactly three months before as_of: it belongs to the older quarter.
	scans := [_scan("2025-03-15", "pass"), _scan("2025-06-15", "pass"), _scan("2025-09-30", "pass"), _scan("2025-12-15", "pass")]
	count(req11.asv_scans_missing) == 0 with input as _input(scans)
}

_wifi(date, extra) := {"id": concat("", ["w", date]), "facts": object.union({"performed": date, "method": "wids", "authorised_aps": [{"name": "AP1", "justification": "staff"}], "rogue_aps": []}, extra)}

_wifi_input(scans) := {"as_of": "2025-12-31", "evidence": {"wireless_scan": scans}}

_wifi_quarters := [_wifi("2025-03-15", {}), _wifi("2025-06-15", {}), _wifi("2025-09-30", {}), _wifi("2025-12-15", {})]

test_quarterly_wireless_scans_pass if {
	count(req11.wireless_scans_missing) == 0 with input as _wifi_input(_wifi_quarters)
}

test_missed_wireless_quarter_fails if {
	count(req11.wireless_scans_missing) == 1 with input as _wifi_input(array.slice(_wifi_quarters, 0, 3))
}

test_wireless_scan_just_outside_the_year_does_not_count if {
	scans := array.concat([_wifi("2024-12-31", {})], array.slice(_wifi_quarters, 1, 4))
	count(req11.wireless_scans_missing) == 1 with input as _wifi_input(scans)
}

test_unresolved_rogue_ap_in_latest_scan_fails if {
	scans := array.concat(array.slice(_wifi_quarters, 0, 3), [_wifi("2025-12-15", {"rogue_aps": [{"identifier": "aa:bb", "resolved": false}]})])
	count(req11.wireless_scans_missing) == 1 with input as _wifi_input(scans)
}

test_rogue_ap_without_resolution_state_fails if {
	scans := array.concat(array.slice(_wifi_quarters, 0, 3), [_wifi("2025-12-15", {"rogue_aps": [{"identifier": "aa:bb"}]})])
	count(req11.wireless_scans_missing) == 1 with input as _wifi_input(scans)
}

test_justified_access_points_pass if {
	count(req11.wireless_ap_unjustified) == 0 with input as _wifi_input(_wifi_quarters)
}

test_unjustified_access_point_fails if {
	scans := array.concat(array.slice(_wifi_quarters, 0, 3), [_wifi("2025-12-15", {"authorised_aps": [{"name": "AP9"}]})])
	count(req11.wireless_ap_unjustified) == 1 with input as _wifi_input(scans)
}

test_missing_access_point_inventory_fails if {
	scan := {"id": "w", "facts": {"performed": "2025-12-15", "method": "wids"}}
	count(req11.wireless_ap_unjustified) == 1 with input as _wifi_input([scan])
}

_internal(date, extra) := {"id": concat("", ["i", date]), "facts": object.union({"scope": "internal", "performed": date, "result": "pass", "provider": "ICT", "open_high_or_critical": 0, "authenticated": true, "lower_risk_overdue": 0, "targeted_risk_analysis": {"reference": "TRA", "performed": "2025-01-01"}}, extra)}

_internal_quarters := [_internal("2025-03-15", {}), _internal("2025-06-15", {}), _internal("2025-09-15", {}), _internal("2025-12-15", {})]

_scans(scans) := {"as_of": "2025-12-31", "evidence": {"vulnerability_scan": scans, "targeted_risk_analysis": [{"id": "tra", "facts": {"analyses": [{"requirement": "11.3.1.1", "reference": "TRA", "approach": "flexible_frequency", "last_reviewed": "2025-01-01", "frequency_days": 30}]}}]}}

test_quarterly_clean_internal_scans_pass if {
	count(req11.internal_scans_missing) == 0 with input as _scans(_internal_quarters)
}

test_internal_scan_with_open_high_fails_its_quarter if {
	scans := array.concat(array.slice(_internal_quarters, 0, 3), [_internal("2025-12-15", {"open_high_or_critical": 1})])
	count(req11.internal_scans_missing) == 1 with input as _scans(scans)
}

test_internal_scan_without_open_count_does_not_count if {
	scans := array.concat(array.slice(_internal_quarters, 0, 3), [{"id": "x", "facts": {"scope": "internal", "performed": "2025-12-15", "result": "pass", "provider": "ICT"}}])
	count(req11.internal_scans_missing) == 1 with input as _scans(scans)
}

test_lower_risk_vulnerabilities_in_time_pass if {
	count(req11.lower_risk_vulnerabilities_overdue) == 0 with input as _scans(_internal_quarters)
}

test_lower_risk_vulnerabilities_overdue_fail if {
	scans := array.concat(array.slice(_internal_quarters, 0, 3), [_internal("2025-12-15", {"lower_risk_overdue": 3})])
	count(req11.lower_risk_vulnerabilities_overdue) == 1 with input as _scans(scans)
}

test_lower_risk_tra_12_months_and_a_day_fails if {
	scans := [_internal("2025-12-15", {"targeted_risk_analysis": {"reference": "TRA", "performed": "2024-12-30"}})]
	count(req11.lower_risk_vulnerabilities_overdue) == 1 with input as _scans(scans)
}

test_lower_risk_tra_exactly_12_months_passes if {
	scans := [_internal("2025-12-15", {"targeted_risk_analysis": {"reference": "TRA", "performed": "2024-12-31"}})]
	count(req11.lower_risk_vulnerabilities_overdue) == 0 with input as _scans(scans)
}

test_lower_risk_facts_missing_fail if {
	scans := [{"id": "x", "facts": {"scope": "internal", "performed": "2025-12-15", "result": "pass", "provider": "ICT"}}]
	count(req11.lower_risk_vulnerabilities_overdue) == 2 with input as _scans(scans)
}

test_no_internal_scan_fails_lower_risk if {
	count(req11.lower_risk_vulnerabilities_overdue) == 1 with input as _scans(_quarterly)
}

test_authenticated_internal_scans_pass if {
	count(req11.internal_scans_unauthenticated) == 0 with input as _scans(_internal_quarters)
}

test_unauthenticated_internal_scan_fails if {
	scans := array.concat(array.slice(_internal_quarters, 0, 3), [_internal("2025-12-15", {"authenticated": false})])
	count(req11.internal_scans_unauthenticated) == 1 with input as _scans(scans)
}

test_authentication_not_stated_fails if {
	scans := [{"id": "x", "facts": {"scope": "internal", "performed": "2025-12-15", "result": "pass", "provider": "ICT"}}]
	count(req11.internal_scans_unauthenticated) == 1 with input as _scans(scans)
}

test_old_unauthenticated_scan_is_not_judged if {
	count(req11.internal_scans_unauthenticated) == 0 with input as _scans([_internal("2024-12-30", {"authenticated": false})])
}

_change_scan(cvss) := {"id": "c", "facts": {"scope": "external", "trigger": "significant_change", "performed": "2025-11-01", "result": "pass", "provider": "ASV", "highest_open_cvss": cvss}}

test_change_scan_cvss_below_4_passes if {
	count(req11.change_scan_vulnerabilities_open) == 0 with input as _scans([_change_scan(3.9)])
}

test_change_scan_cvss_4_fails if {
	count(req11.change_scan_vulnerabilities_open) == 1 with input as _scans([_change_scan(4.0)])
}

test_change_scan_without_cvss_fails if {
	scan := {"id": "c", "facts": {"scope": "external", "trigger": "significant_change", "performed": "2025-11-01", "result": "pass", "provider": "ASV"}}
	count(req11.change_scan_vulnerabilities_open) == 1 with input as _scans([scan])
}

_pentest(type, date, extra) := {"id": concat("-", [type, date]), "facts": object.union({
	"type": type, "performed": date, "scope": "CDE",
	"tester": {"organisation": "Hiram", "qualification": "CREST CRT", "independent": true},
	"methodology": {"reference": "PT-METH", "results_retention_months": 12},
	"findings": [{"id": "F1", "exploitable": true, "fixed": true, "retested": "2025-12-01"}],
}, extra)}

_pt(tests) := {"as_of": "2025-12-31", "evidence": {"penetration_test": tests}}

test_pentests_exactly_12_months_old_pass if {
	tests := [_pentest("internal", "2024-12-31", {}), _pentest("external", "2024-12-31", {}), _pentest("segmentation", "2024-12-31", {})]
	count(req11.internal_pentest_missing) == 0 with input as _pt(tests)
	count(req11.external_pentest_missing) == 0 with input as _pt(tests)
	count(req11.segmentation_test_missing) == 0 with input as _pt(tests)
}

test_pentests_12_months_and_a_day_old_fail if {
	tests := [_pentest("internal", "2024-12-30", {}), _pentest("external", "2024-12-30", {}), _pentest("segmentation", "2024-12-30", {})]
	count(req11.internal_pentest_missing) == 1 with input as _pt(tests)
	count(req11.external_pentest_missing) == 1 with input as _pt(tests)
	count(req11.segmentation_test_missing) == 1 with input as _pt(tests)
}

test_pentest_by_non_independent_tester_does_not_count if {
	tests := [_pentest("internal", "2025-06-01", {"tester": {"organisation": "ICT", "qualification": "OSCP", "independent": false}})]
	count(req11.internal_pentest_missing) == 1 with input as _pt(tests)
}

test_pentest_by_unqualified_tester_does_not_count if {
	base := _pentest("external", "2025-06-01", {})
	tests := [{"id": "t", "facts": object.union(base.facts, {"tester": {"qualification": " "}})}]
	count(req11.external_pentest_missing) == 1 with input as _pt(tests)
}

test_service_provider_segmentation_exactly_6_months_passes if {
	count(req11.segmentation_test_missing_service_provider) == 0 with input as _pt([_pentest("segmentation", "2025-06-30", {})])
}

test_service_provider_segmentation_6_months_and_a_day_fails if {
	count(req11.segmentation_test_missing_service_provider) == 1 with input as _pt([_pentest("segmentation", "2025-06-29", {})])
}

test_pentest_methodology_with_12_month_retention_passes if {
	count(req11.pentest_methodology_weak) == 0 with input as _pt([_pentest("internal", "2025-06-01", {})])
}

test_pentest_methodology_with_11_month_retention_fails if {
	count(req11.pentest_methodology_weak) == 1 with input as _pt([_pentest("internal", "2025-06-01", {"methodology": {"reference": "PT", "results_retention_months": 11}})])
}

test_pentest_without_methodology_fails if {
	test := {"id": "t", "facts": {"type": "internal", "performed": "2025-06-01", "scope": "CDE", "tester": {"organisation": "x"}}}
	count(req11.pentest_methodology_weak) == 1 with input as _pt([test])
}

test_fixed_and_retested_findings_pass if {
	count(req11.pentest_findings_open) == 0 with input as _pt([_pentest("internal", "2025-06-01", {})])
}

test_unretested_exploitable_finding_fails if {
	count(req11.pentest_findings_open) == 1 with input as _pt([_pentest("internal", "2025-06-01", {"findings": [{"id": "F2", "exploitable": true, "fixed": true}]})])
}

test_unfixed_exploitable_finding_fails if {
	count(req11.pentest_findings_open) == 1 with input as _pt([_pentest("internal", "2025-06-01", {"findings": [{"id": "F2", "exploitable": true, "fixed": false}]})])
}

test_non_exploitable_finding_is_not_judged if {
	count(req11.pentest_findings_open) == 0 with input as _pt([_pentest("internal", "2025-06-01", {"findings": [{"id": "F3", "exploitable": false}]})])
}

_sensor(extra) := object.union({"name": "ips1", "mode": "ips", "coverage": ["cde_perimeter", "critical_points"], "alerts_to": "SOC", "signature_updates": "automatic"}, extra)

_ids(sensors) := {"evidence": {"intrusion_detection": [{"id": "ids", "facts": {"sensors": sensors}}]}}

test_ids_covering_perimeter_and_critical_points_passes if {
	count(req11.intrusion_detection_weak) == 0 with input as _ids([_sensor({})])
}

test_ids_without_critical_points_fails if {
	count(req11.intrusion_detection_weak) == 1 with input as _ids([_sensor({"coverage": ["cde_perimeter"]})])
}

test_ids_with_manual_signatures_fails if {
	count(req11.intrusion_detection_weak) == 1 with input as _ids([_sensor({"signature_updates": "manual"})])
}

test_ids_facts_missing_fail if {
	count(req11.intrusion_detection_weak) == 3 with input as _ids([{"name": "ids1", "mode": "ids"}])
}

_fim(days, entry) := {"evidence": {"change_detection": [{"id": "fim", "facts": {"tool": "Wazuh", "comparison_interval_days": days, "monitored": [object.union({"system": "web", "critical_files": ["/etc"], "alerts": true}, entry)]}}]}}

test_fim_weekly_passes if {
	count(req11.change_detection_weak) == 0 with input as _fim(7, {})
}

test_fim_every_8_days_fails if {
	count(req11.change_detection_weak) == 1 with input as _fim(8, {})
}

test_fim_without_alerts_fails if {
	count(req11.change_detection_weak) == 1 with input as _fim(1, {"alerts": false})
}

test_fim_without_critical_files_fails if {
	count(req11.change_detection_weak) == 1 with input as _fim(1, {"critical_files": []})
}

test_fim_interval_missing_fails if {
	count(req11.change_detection_weak) == 1 with input as {"evidence": {"change_detection": [{"id": "fim", "facts": {"tool": "x", "monitored": []}}]}}
}

_empty_docs := {"as_of": "2026-11-01", "evidence": {
	"vulnerability_scan": [{"id": "vs", "facts": {}}], "wireless_scan": [{"id": "ws", "facts": {}}],
	"penetration_test": [{"id": "pt", "facts": {}}], "intrusion_detection": [{"id": "ids", "facts": {}}],
}}

test_no_evidence_at_all_fails_every_cadence if {
	count(req11.asv_scans_missing) == 4 with input as _empty_docs
	count(req11.internal_scans_missing) == 4 with input as _empty_docs
	count(req11.wireless_scans_missing) == 4 with input as _empty_docs
	count(req11.internal_pentest_missing) == 1 with input as _empty_docs
	count(req11.external_pentest_missing) == 1 with input as _empty_docs
	count(req11.segmentation_test_missing_service_provider) == 1 with input as _empty_docs
	count(req11.intrusion_detection_weak) == 2 with input as _empty_docs
	count(req11.lower_risk_vulnerabilities_overdue) == 1 with input as _empty_docs
}

# Findings about something absent still name a document, so the report has a file and line.
test_absence_findings_name_the_latest_document if {
	found1 := req11.asv_scans_missing with input as _empty_docs
	every f in found1 {
		f.evidence == "vs"
	}
	found2 := req11.intrusion_detection_weak with input as _empty_docs
	every f in found2 {
		f.evidence == "ids"
	}
	tests := {"as_of": "2026-11-01", "evidence": {"penetration_test": [
		{"id": "old-ext", "collected": "2025-06-01", "facts": {"type": "external", "performed": "2025-05-01"}},
		{"id": "int", "collected": "2026-06-01", "facts": {"type": "internal", "performed": "2026-05-01"}},
	]}}
	some f in req11.external_pentest_missing with input as tests
	f.evidence == "old-ext"
	f.path == "facts.performed"
	some g in req11.segmentation_test_missing with input as tests
	g.evidence == "int"
}

test_unauthenticated_scan_before_31_march_2025_is_not_judged if {
	count(req11.internal_scans_unauthenticated) == 0 with input as _scans([_internal("2025-03-30", {"authenticated": false})])
	count(req11.internal_scans_unauthenticated) == 1 with input as _scans([_internal("2025-03-31", {"authenticated": false})])
}
