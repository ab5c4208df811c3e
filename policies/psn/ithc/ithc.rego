# PSN connection: IT Health Check (project ids PSN-ITHC-*).
package psn.ithc

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.anchor
import data.lib.finding
import data.lib.params

_schemes := {"CHECK", "CREST", "TIGER"}

# PSN-ITHC-01: an independent ITHC within the last 12 months by a CHECK, CREST or Tiger provider.
ithc_not_current contains finding.of(doc, "facts.completed", msg) if {
	not _current_by_approved_scheme
	doc := anchor.latest(input.evidence.ithc_report)
	msg := sprintf("no ITHC by a CHECK, CREST or Tiger scheme provider completed in the 12 months to %s", [input.as_of])
}

ithc_not_current contains finding.of(doc, "facts.scheme", msg) if {
	doc := _latest_report
	not doc.facts.scheme in _schemes
	msg := sprintf("ITHC %s by %s is not under the CHECK, CREST or Tiger scheme", [doc.id, _provider(doc)])
}

# A report without a completion date cannot be placed in time: it may be the newest, so it
# is a finding rather than silently ignored in favour of an older dated one.
ithc_not_current contains finding.of(doc, "facts.completed", msg) if {
	some doc in input.evidence.ithc_report
	not is_string(object.get(doc.facts, "completed", null))
	msg := sprintf("ITHC %s by %s has no completion date", [doc.id, _provider(doc)])
}

_current_by_approved_scheme if {
	some doc in input.evidence.ithc_report
	doc.facts.scheme in _schemes
	dates.within_months(doc.facts.completed, input.as_of, 12)
}

# PSN-ITHC-06: every finding of the latest ITHC is in the Remediation Action Plan, with the
# reference's required fields: action, owner, target date and status (finding id and severity
# come from the report).
rap_incomplete contains finding.of(report, sprintf("facts.findings[%d]", [i]), msg) if {
	report := _latest_report
	some i, item in report.facts.findings
	not _planned(item.id)
	msg := sprintf("ITHC finding %s (%s, %s) has no Remediation Action Plan entry with an action, owner, target date and status", [object.get(item, "id", sprintf("#%d", [i])), object.get(item, "severity", "severity not stated"), object.get(item, "title", "untitled")])
}

# Two findings with one id would both be matched by one plan entry: a critical finding could
# hide behind the plan for a lesser one. Each later use of an id is a finding.
rap_incomplete contains finding.of(report, sprintf("facts.findings[%d].id", [i]), msg) if {
	report := _latest_report
	some i, item in report.facts.findings
	some j, earlier in report.facts.findings
	j < i
	earlier.id == item.id
	msg := sprintf("ITHC %s lists finding id %v again (findings #%d and #%d); each finding needs its own id and its own plan entry", [report.id, item.id, j, i])
}

rap_incomplete contains finding.of(report, "facts.findings", msg) if {
	report := _latest_report
	not is_array(object.get(report.facts, "findings", null))
	msg := sprintf("ITHC %s does not list its findings, so the plan cannot be checked against them", [report.id])
}

rap_incomplete contains finding.of(_latest_report, "facts.findings", "no Remediation Action Plan evidence") if {
	count(object.get(input.evidence, "remediation_plan", [])) == 0
}

# The newest report by completion date (then id). Earlier reports are history: the PSN
# submission carries the latest ITHC. An undated report sorts first, so it is judged only
# when no report is dated (and PSN-ITHC-01 flags it whatever else exists).
_latest_report := report if {
	latest := max({[_completed(doc), doc.id] | some doc in input.evidence.ithc_report})
	some report in input.evidence.ithc_report
	[_completed(report), report.id] == latest
}

_completed(doc) := object.get(doc.facts, "completed", "")

_provider(doc) := object.get(doc.facts, "provider", "an unnamed provider")

_planned(finding_id) if {
	some plan in input.evidence.remediation_plan
	some entry in plan.facts.items
	entry.finding == finding_id
	_filled(entry.action)
	_filled(entry.owner)
	_filled(entry.target_date)
	_filled(entry.status)
}

_filled(text) if {
	is_string(text)
	trim_space(text) != ""
}

_external := ["email", "web", "firewalls", "remote_access", "third_party_connections"]

_internal := ["vulnerability_scanning", "manual_analysis", "builds", "network_management", "patching", "remote_access"]

# PSN-ITHC-02: the latest ITHC's external scope covers every area of the guidance.
external_scope_incomplete contains finding.of(report, "facts.scope", msg) if {
	report := _latest_report
	some area in _external
	not area in object.get(report.facts, ["scope", "external_covers"], [])
	msg := sprintf("ITHC %s by %s: external scope does not cover %s", [report.id, _provider(report), replace(area, "_", " ")])
}

# PSN-ITHC-03: the latest ITHC's internal scope covers every area of the guidance.
internal_scope_incomplete contains finding.of(report, "facts.scope", msg) if {
	report := _latest_report
	some area in _internal
	not area in object.get(report.facts, ["scope", "internal_covers"], [])
	msg := sprintf("ITHC %s by %s: internal scope does not cover %s", [report.id, _provider(report), replace(area, "_", " ")])
}

# PSN-ITHC-04: the internal test sampled at least 10% of the estate's devices.
sample_too_small contains finding.of(report, "facts.sample", msg) if {
	report := _latest_report
	not _sample_enough(object.get(report.facts, "sample", {}))
	msg := sprintf("ITHC %s tested %v of %v devices; need at least 10%%", [report.id, object.get(report.facts, ["sample", "devices_tested"], "an unstated number"), object.get(report.facts, ["sample", "estate_devices"], "an unstated number")])
}

sample_too_small contains finding.of(report, "facts.sample.devices_tested", msg) if {
	report := _latest_report
	sample := report.facts.sample
	sample.devices_tested > sample.estate_devices
	msg := sprintf("ITHC %s says it tested %v devices of an estate of %v; a sample cannot be larger than the estate", [report.id, sample.devices_tested, sample.estate_devices])
}

# Whole counts up to a billion devices, so that the arithmetic is exact on every engine;
# tested / estate >= 10 / 100; an empty estate, or a sample larger than it, is not a sample.
_sample_enough(sample) if {
	_device_count(sample.estate_devices)
	_device_count(sample.devices_tested)
	sample.estate_devices > 0
	sample.devices_tested <= sample.estate_devices
	sample.devices_tested * 10 >= sample.estate_devices
}

_device_count(n) if {
	is_number(n)
	n == floor(n)
	n >= 0
	n <= 1000000000
}

# PSN-ITHC-05: every finding scored with CVSS v3.x or v4.0, and the version recorded (on the
# finding, or for the whole report). Accepted versions: parameter psn_cvss_versions.
findings_unscored contains msg if some msg in params.missing({"psn_cvss_versions"})

findings_unscored contains finding.of(report, "facts.findings", msg) if {
	report := _latest_report
	not is_array(object.get(report.facts, "findings", null))
	msg := sprintf("ITHC %s does not list its findings", [report.id])
}

findings_unscored contains finding.of(report, sprintf("facts.findings[%d]", [i]), msg) if {
	report := _latest_report
	some i, item in report.facts.findings
	not is_number(object.get(item, "cvss", null))
	msg := sprintf("ITHC finding %s (%s) has no CVSS score", [object.get(item, "id", sprintf("#%d", [i])), object.get(item, "title", "untitled")])
}

findings_unscored contains finding.of(report, _version_path(item, i), msg) if {
	report := _latest_report
	some i, item in report.facts.findings
	accepted := params.value("psn_cvss_versions")
	not _cvss_version(report, item) in accepted
	msg := sprintf("ITHC finding %s is scored with CVSS %v; need one of %s, with the version stated", [object.get(item, "id", sprintf("#%d", [i])), object.get(item, "cvss_version", object.get(report.facts, "cvss_version", "(version not stated)")), concat(", ", accepted)])
}

findings_unscored contains finding.of(report, sprintf("facts.findings[%d].cvss_vector", [i]), msg) if {
	report := _latest_report
	some i, item in report.facts.findings
	vector := object.get(item, "cvss_vector", null)
	vector != null
	not valid_cvss_vector(vector)
	msg := sprintf("ITHC finding %s: %v is not a well-formed CVSS v3.0, v3.1 or v4.0 vector (every base metric once, each with a value its version defines)", [object.get(item, "id", sprintf("#%d", [i])), vector])
}

findings_unscored contains finding.of(report, sprintf("facts.findings[%d].cvss_vector", [i]), msg) if {
	report := _latest_report
	some i, item in report.facts.findings
	prefix := regex.find_n(`^CVSS:[0-9.]+/`, item.cvss_vector, 1)[0]
	prefix != sprintf("CVSS:%s/", [_cvss_version(report, item)])
	msg := sprintf("ITHC finding %s: vector %s does not match its stated CVSS version %v", [item.id, item.cvss_vector, object.get(item, "cvss_version", object.get(report.facts, "cvss_version", "(not stated)"))])
}

# The CVSS version of a finding's score: its own, else the report's.
_cvss_version(report, item) := item.cvss_version if is_string(item.cvss_version)

_cvss_version(report, item) := report.facts.cvss_version if {
	not is_string(object.get(item, "cvss_version", null))
	is_string(report.facts.cvss_version)
}

_version_path(item, i) := sprintf("facts.findings[%d].cvss_version", [i]) if is_string(item.cvss_version)

_version_path(item, _) := "facts.cvss_version" if not is_string(object.get(item, "cvss_version", null))
