# PSN connection: IT Health Check (project ids PSN-ITHC-*).
package psn.ithc

import rego.v1

import data.lib.dates
import data.lib.finding

_schemes := {"CHECK", "CREST", "TIGER"}

# PSN-ITHC-01: an independent ITHC within the last 12 months by a CHECK, CREST or Tiger provider.
ithc_not_current contains msg if {
	not _current_by_approved_scheme
	msg := sprintf("no ITHC by a CHECK, CREST or Tiger scheme provider completed in the 12 months to %s", [input.as_of])
}

ithc_not_current contains finding.of(doc, "facts.scheme", msg) if {
	doc := _latest_report
	not doc.facts.scheme in _schemes
	msg := sprintf("ITHC by %s is not under the CHECK, CREST or Tiger scheme", [doc.facts.provider])
}

_current_by_approved_scheme if {
	some doc in input.evidence.ithc_report
	doc.facts.scheme in _schemes
	dates.within_months(doc.facts.completed, input.as_of, 12)
}

# PSN-ITHC-06: every finding of the latest ITHC is in the Remediation Action Plan, with an
# owner and a target date.
rap_incomplete contains finding.of(report, sprintf("facts.findings[%d]", [i]), msg) if {
	report := _latest_report
	some i, item in report.facts.findings
	not _planned(item.id)
	msg := sprintf("ITHC finding %s (%s, %s) has no Remediation Action Plan entry with an owner and target date", [item.id, item.severity, item.title])
}

rap_incomplete contains "no Remediation Action Plan evidence" if {
	_latest_report
	count(object.get(input.evidence, "remediation_plan", [])) == 0
}

_latest_report := report if {
	latest := max({[doc.facts.completed, doc.id] | some doc in input.evidence.ithc_report})
	some report in input.evidence.ithc_report
	[report.facts.completed, report.id] == latest
}

_planned(finding_id) if {
	some plan in input.evidence.remediation_plan
	some entry in plan.facts.items
	entry.finding == finding_id
	entry.owner != ""
	entry.target_date
}

_external := ["email", "web", "firewalls", "remote_access", "third_party_connections"]

_internal := ["vulnerability_scanning", "manual_analysis", "builds", "network_management", "patching", "remote_access"]

# PSN-ITHC-02: the latest ITHC's external scope covers every area of the guidance.
external_scope_incomplete contains finding.of(report, "facts.scope", msg) if {
	report := _latest_report
	some area in _external
	not area in object.get(report.facts, ["scope", "external_covers"], [])
	msg := sprintf("ITHC %s by %s: external scope does not cover %s", [report.id, report.facts.provider, replace(area, "_", " ")])
}

# PSN-ITHC-03: the latest ITHC's internal scope covers every area of the guidance.
internal_scope_incomplete contains finding.of(report, "facts.scope", msg) if {
	report := _latest_report
	some area in _internal
	not area in object.get(report.facts, ["scope", "internal_covers"], [])
	msg := sprintf("ITHC %s by %s: internal scope does not cover %s", [report.id, report.facts.provider, replace(area, "_", " ")])
}

# PSN-ITHC-04: the internal test sampled at least 10% of the estate's devices.
sample_too_small contains finding.of(report, "facts.sample", msg) if {
	report := _latest_report
	not _sample_enough(report.facts.sample)
	msg := sprintf("ITHC %s tested %v of %v devices; need at least 10%%", [report.id, object.get(report.facts, ["sample", "devices_tested"], "an unstated number"), object.get(report.facts, ["sample", "estate_devices"], "an unstated number")])
}

# Integer arithmetic: tested / estate >= 10 / 100.
_sample_enough(sample) if sample.devices_tested * 100 >= sample.estate_devices * 10

# PSN-ITHC-05: findings scored with CVSS v3.x, every one of them.
findings_unscored contains finding.of(report, "facts.cvss_version", msg) if {
	report := _latest_report
	not report.facts.cvss_version in {"3.0", "3.1"}
	msg := sprintf("ITHC %s scores findings with CVSS %v; need v3.0 or v3.1", [report.id, object.get(report.facts, "cvss_version", "(version not stated)")])
}

findings_unscored contains finding.of(report, sprintf("facts.findings[%d]", [i]), msg) if {
	report := _latest_report
	some i, item in report.facts.findings
	not is_number(item.cvss)
	msg := sprintf("ITHC finding %s (%s) has no CVSS score", [item.id, item.title])
}
