# PSN connection: the Remediation Action Plan holds (PSN-ITHC-07, PSN-ITHC-08). Each finding
# of the latest ITHC is judged by its entry in the newest plan that lists it.
package psn.ithc

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding

_open_states := {"open", "in_progress"}

# PSN-ITHC-07: no finding still open after its target date.
rap_overdue contains finding.of(plan, sprintf("facts.items[%d].target_date", [j]), msg) if {
	report := _latest_report
	some item in report.facts.findings
	[plan, j, entry] := _plan_entry(item.id)
	entry.status in _open_states
	entry.target_date < input.as_of
	msg := sprintf("ITHC finding %s (%s) is %s past its target date %s (as of %s); owner %s", [item.id, _severity(item), replace(entry.status, "_", " "), entry.target_date, input.as_of, object.get(entry, "owner", "not named")])
}

# PSN-ITHC-07: a critical or high finding open at the assessment date needs a dated plan and a
# named owner (a blank or undated entry does not hold).
rap_overdue contains finding.of(plan, sprintf("facts.items[%d]", [j]), msg) if {
	report := _latest_report
	some item in report.facts.findings
	item.severity in {"critical", "high"}
	[plan, j, entry] := _plan_entry(item.id)
	not entry.status in {"done", "risk_accepted"}
	not _dated_and_owned(entry)
	msg := sprintf("ITHC finding %s (%s) is open without a target date and a named owner in the plan", [item.id, item.severity])
}

_dated_and_owned(entry) if {
	_iso_date(entry.target_date)
	_filled(entry.owner)
}

_iso_date(text) if regex.match(`^\d{4}-\d{2}-\d{2}$`, text)

# PSN-ITHC-08: a finding closed in the plan was retested: a date on or before the assessment
# date and after the health check, and the tester's name.
retest_missing contains finding.of(plan, sprintf("facts.items[%d]", [j]), msg) if {
	report := _latest_report
	some item in report.facts.findings
	[plan, j, entry] := _plan_entry(item.id)
	entry.status == "done"
	not _filled(object.get(entry, ["retest", "tester"], ""))
	msg := sprintf("ITHC finding %s is closed in the plan but names no retest and tester", [item.id])
}

retest_missing contains finding.of(plan, sprintf("facts.items[%d].retest.date", [j]), msg) if {
	report := _latest_report
	some item in report.facts.findings
	[plan, j, entry] := _plan_entry(item.id)
	entry.status == "done"
	not _retest_dated(entry, report, input.as_of)
	msg := sprintf("ITHC finding %s is closed in the plan; its retest date %v is not between the health check (%v) and %s", [item.id, object.get(entry, ["retest", "date"], "(not stated)"), object.get(report.facts, "completed", "undated"), input.as_of])
}

_retest_dated(entry, report, as_of) if {
	_iso_date(entry.retest.date)
	entry.retest.date >= report.facts.completed
	dates.not_after(entry.retest.date, as_of)
}

# The entry for `finding_id` in the newest plan (by collected date, then id) that lists it,
# as [plan, index, entry]. Undefined when no plan lists it: PSN-ITHC-06 reports that.
_plan_entry(finding_id) := [plan, j, entry] if {
	newest := max({[p.collected, p.id] |
		some p in input.evidence.remediation_plan
		some e in p.facts.items
		e.finding == finding_id
	})
	some plan in input.evidence.remediation_plan
	[plan.collected, plan.id] == newest
	j := min({k | some k, e in plan.facts.items; e.finding == finding_id})
	entry := plan.facts.items[j]
}

_severity(item) := object.get(item, "severity", "severity not stated")
