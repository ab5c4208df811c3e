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
	some doc in input.evidence.ithc_report
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
