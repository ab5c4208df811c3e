# PCI DSS v4.0.1 Requirement 11: test the security of systems and networks regularly.
package pci.req11

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.anchor
import data.pci.tra

# PCI-11.3.2: a passing external ASV scan in each of the four quarters before as_of.
# Quarter q (0 = most recent) runs from (q+1)*3 months before as_of to q*3 months before.
asv_scans_missing contains finding.of(doc, "facts.performed", msg) if {
	some q in numbers.range(0, 3)
	start := dates.months_before(input.as_of, (q + 1) * 3)
	end := dates.months_before(input.as_of, q * 3)
	not _passing_asv_scan_between(input.evidence.vulnerability_scan, start, end)
	doc := anchor.latest(input.evidence.vulnerability_scan)
	msg := sprintf("no passing external ASV scan between %s and %s", [start, end])
}

_passing_asv_scan_between(scans, start, end) if {
	some doc in scans
	doc.facts.scope == "external"
	doc.facts.asv == true
	doc.facts.result == "pass"
	doc.facts.performed > start
	doc.facts.performed <= end
}

# The start and end of quarter q (0 = most recent) of the 12 months before as_of.
_quarter(as_of, q) := [dates.months_before(as_of, (q + 1) * 3), dates.months_before(as_of, q * 3)]

# PCI-11.2.1: authorised and rogue wireless access points sought in each of the last four quarters.
wireless_scans_missing contains finding.of(doc, "facts.performed", msg) if {
	some q in numbers.range(0, 3)
	[start, end] := _quarter(input.as_of, q)
	not _wireless_scan_between(input.evidence.wireless_scan, start, end)
	doc := anchor.latest(input.evidence.wireless_scan)
	msg := sprintf("no wireless access point scan between %s and %s", [start, end])
}

_wireless_scan_between(scans, start, end) if {
	some doc in scans
	doc.facts.performed > start
	doc.facts.performed <= end
}

wireless_scans_missing contains finding.of(doc, sprintf("facts.rogue_aps[%d].resolved", [i]), msg) if {
	some doc in input.evidence.wireless_scan
	doc.facts.performed == _latest_wireless_scan
	some i, ap in object.get(doc.facts, "rogue_aps", [])
	object.get(ap, "resolved", false) != true
	msg := sprintf("rogue access point %v found on %s is not resolved", [object.get(ap, "identifier", i), doc.facts.performed])
}

_latest_wireless_scan := max({doc.facts.performed | some doc in input.evidence.wireless_scan})

# PCI-11.2.2: every authorised access point in the latest scan has a business justification.
wireless_ap_unjustified contains finding.of(doc, sprintf("facts.authorised_aps[%d].justification", [i]), msg) if {
	some doc in input.evidence.wireless_scan
	doc.facts.performed == _latest_wireless_scan
	some i, ap in object.get(doc.facts, "authorised_aps", [])
	not _justified(ap)
	msg := sprintf("authorised access point %s has no business justification", [ap.name])
}

wireless_ap_unjustified contains finding.of(doc, "facts.authorised_aps", "the latest wireless scan carries no inventory of authorised access points") if {
	some doc in input.evidence.wireless_scan
	doc.facts.performed == _latest_wireless_scan
	not is_array(object.get(doc.facts, "authorised_aps", null))
}

_justified(ap) if count(trim_space(ap.justification)) > 0

# PCI-11.3.1: an internal scan in each of the last four quarters with no high or critical left open.
internal_scans_missing contains finding.of(doc, "facts.performed", msg) if {
	some q in numbers.range(0, 3)
	[start, end] := _quarter(input.as_of, q)
	not _clean_internal_scan_between(input.evidence.vulnerability_scan, start, end)
	doc := anchor.latest(input.evidence.vulnerability_scan)
	msg := sprintf("no internal scan (or rescan) without open high or critical vulnerabilities between %s and %s", [start, end])
}

_clean_internal_scan_between(scans, start, end) if {
	some doc in scans
	doc.facts.scope == "internal"
	doc.facts.open_high_or_critical == 0
	doc.facts.performed > start
	doc.facts.performed <= end
}

_latest_internal_scan := max({doc.facts.performed | some doc in input.evidence.vulnerability_scan; doc.facts.scope == "internal"})

# PCI-11.3.1.1: lower-ranked vulnerabilities dealt with inside the deadline a current (12-month)
# targeted risk analysis sets; judged on the latest internal scan.
lower_risk_vulnerabilities_overdue contains finding.of(doc, "facts.scope", msg) if {
	not _latest_internal_scan
	doc := anchor.latest(input.evidence.vulnerability_scan)
	msg := "no internal vulnerability scan is recorded"
}

lower_risk_vulnerabilities_overdue contains finding.of(doc, "facts.targeted_risk_analysis", msg) if {
	some doc in _latest_internal_docs
	not dates.within_months(object.get(doc.facts, "targeted_risk_analysis", {}).performed, input.as_of, 12)
	msg := sprintf("internal scan %s: no targeted risk analysis of the last 12 months sets remediation times for lower-ranked vulnerabilities", [doc.facts.performed])
}

lower_risk_vulnerabilities_overdue contains finding.of(doc, "facts.lower_risk_overdue", msg) if {
	some doc in _latest_internal_docs
	not object.get(doc.facts, "lower_risk_overdue", 1) == 0
	msg := sprintf("internal scan %s: %v lower-ranked vulnerabilities past their deadline", [doc.facts.performed, object.get(doc.facts, "lower_risk_overdue", "an unknown number of")])
}

# The analysis cited matches one in the 12.3.1 register, at a sane frequency.
lower_risk_vulnerabilities_overdue contains f if some f in tra.findings(input.evidence, input.as_of, "11.3.1.1")

_latest_internal_docs := {doc |
	some doc in input.evidence.vulnerability_scan
	doc.facts.scope == "internal"
	doc.facts.performed == _latest_internal_scan
}

# PCI-11.3.1.2: internal scans of the last 12 months are authenticated (scans before the
# requirement became mandatory on 31 March 2025 are not judged).
internal_scans_unauthenticated contains finding.of(doc, "facts.authenticated", msg) if {
	some doc in input.evidence.vulnerability_scan
	doc.facts.scope == "internal"
	dates.within_months(doc.facts.performed, input.as_of, 12)
	doc.facts.performed >= "2025-03-31"
	object.get(doc.facts, "authenticated", false) != true
	msg := sprintf("internal scan %s by %s was not authenticated", [doc.facts.performed, doc.facts.provider])
}

# PCI-11.3.2.1: external scans after significant change leave nothing of CVSS 4.0 or more open.
change_scan_vulnerabilities_open contains finding.of(doc, "facts.highest_open_cvss", msg) if {
	some doc in input.evidence.vulnerability_scan
	doc.facts.scope == "external"
	object.get(doc.facts, "trigger", "") == "significant_change"
	not object.get(doc.facts, "highest_open_cvss", 10) < 4
	msg := sprintf("external scan after change on %s: highest open CVSS %v; need below 4.0", [doc.facts.performed, object.get(doc.facts, "highest_open_cvss", "not stated")])
}

# Penetration tests count only when done by a qualified, organisationally independent tester.
_valid_pentest_within(tests, as_of, type, months) if {
	some doc in tests
	doc.facts.type == type
	doc.facts.tester.independent == true
	count(trim_space(doc.facts.tester.qualification)) > 0
	dates.within_months(doc.facts.performed, as_of, months)
}

_pentest_missing(tests, as_of, type, months) := finding.of(doc, "facts.performed", msg) if {
	not _valid_pentest_within(tests, as_of, type, months)
	doc := _pentest_anchor(tests, type)
	msg := sprintf("no %s penetration test by a qualified, independent tester in the %d months before %s", [type, months, as_of])
}

# The latest test of `type`, or the latest test of any type when there is none.
_pentest_anchor(tests, type) := anchor.latest(of_type) if {
	of_type := [doc | some doc in tests; doc.facts.type == type]
	count(of_type) > 0
}

_pentest_anchor(tests, type) := anchor.latest(tests) if {
	count([doc | some doc in tests; doc.facts.type == type]) == 0
}

# PCI-11.4.1: each pen test of the last 12 months follows a documented methodology whose
# results are kept for at least 12 months.
pentest_methodology_weak contains finding.of(doc, "facts.methodology", msg) if {
	some doc in input.evidence.penetration_test
	dates.within_months(doc.facts.performed, input.as_of, 12)
	not object.get(object.get(doc.facts, "methodology", {}), "results_retention_months", 0) >= 12
	msg := sprintf("%s test of %s: methodology or 12-month retention of results not stated (%v months)", [doc.facts.type, doc.facts.performed, object.get(object.get(doc.facts, "methodology", {}), "results_retention_months", "no")])
}

# PCI-11.4.2 / 11.4.3: internal and external penetration tests within the last 12 months.
internal_pentest_missing contains _pentest_missing(input.evidence.penetration_test, input.as_of, "internal", 12)

external_pentest_missing contains _pentest_missing(input.evidence.penetration_test, input.as_of, "external", 12)

# PCI-11.4.5 / 11.4.6: segmentation tested within 12 months (merchants) or 6 months (service providers).
segmentation_test_missing contains _pentest_missing(input.evidence.penetration_test, input.as_of, "segmentation", 12)

segmentation_test_missing_service_provider contains _pentest_missing(input.evidence.penetration_test, input.as_of, "segmentation", 6)

# PCI-11.4.4: exploitable findings of the last 12 months' tests fixed and retested.
pentest_findings_open contains finding.of(doc, sprintf("facts.findings[%d]", [i]), msg) if {
	some doc in input.evidence.penetration_test
	dates.within_months(doc.facts.performed, input.as_of, 12)
	some i, f in object.get(doc.facts, "findings", [])
	f.exploitable == true
	not _fixed_and_retested(f)
	msg := sprintf("%s test of %s: exploitable finding %s is not fixed and retested", [doc.facts.type, doc.facts.performed, f.id])
}

_fixed_and_retested(f) if {
	f.fixed == true
	is_string(f.retested)
}

# PCI-11.5.1: IDS/IPS covers the CDE perimeter and critical points, alerts staff, is kept current.
intrusion_detection_weak contains finding.of(doc, "facts.sensors", msg) if {
	some area in ["cde_perimeter", "critical_points"]
	not _covered(input.evidence.intrusion_detection, area)
	doc := anchor.latest(input.evidence.intrusion_detection)
	msg := sprintf("no IDS/IPS sensor covers %s", [replace(area, "_", " ")])
}

_covered(docs, area) if {
	some doc in docs
	some sensor in doc.facts.sensors
	area in object.get(sensor, "coverage", [])
}

intrusion_detection_weak contains finding.of(doc, sprintf("facts.sensors[%d]", [i]), msg) if {
	some doc in input.evidence.intrusion_detection
	some i, sensor in doc.facts.sensors
	not _sensor_ok(sensor)
	msg := sprintf("%s: must alert named personnel and update signatures automatically", [sensor.name])
}

_sensor_ok(sensor) if {
	count(trim_space(sensor.alerts_to)) > 0
	sensor.signature_updates == "automatic"
}

# PCI-11.5.2: critical files compared at least every 7 days, with alerts on unauthorised change.
change_detection_weak contains finding.of(doc, "facts.comparison_interval_days", msg) if {
	some doc in input.evidence.change_detection
	not doc.facts.comparison_interval_days <= 7
	msg := sprintf("%s compares critical files every %v days; need at most 7", [doc.facts.tool, object.get(doc.facts, "comparison_interval_days", "?")])
}

change_detection_weak contains finding.of(doc, sprintf("facts.monitored[%d]", [i]), msg) if {
	some doc in input.evidence.change_detection
	some i, entry in doc.facts.monitored
	not _fim_entry_ok(entry)
	msg := sprintf("%s: critical files not listed or changes do not raise alerts", [entry.system])
}

_fim_entry_ok(entry) if {
	entry.alerts == true
	count(entry.critical_files) > 0
}
