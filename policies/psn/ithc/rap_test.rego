package psn.ithc_rap_test

import future.keywords.not
import rego.v1

import data.psn.ithc

_rap_report := {"id": "ithc", "facts": {"provider": "Pen Co", "scheme": "CHECK", "completed": "2026-02-20", "findings": [
	{"id": "F-1", "title": "Old TLS", "severity": "high"},
	{"id": "F-2", "title": "SMB signing", "severity": "medium"},
]}}

_rap_entry(id, extra) := object.union({"finding": id, "action": "fix", "owner": "Infrastructure Manager", "target_date": "2026-12-01", "status": "in_progress"}, extra)

_rap_input(items) := {"as_of": "2026-11-01", "evidence": {"ithc_report": [_rap_report], "remediation_plan": [{"id": "rap", "collected": "2026-03-01", "facts": {"items": items}}]}}

test_open_entries_with_future_target_dates_pass if {
	count(ithc.rap_overdue) == 0 with input as _rap_input([_rap_entry("F-1", {}), _rap_entry("F-2", {})])
}

test_target_date_on_the_assessment_date_is_not_yet_overdue if {
	count(ithc.rap_overdue) == 0 with input as _rap_input([_rap_entry("F-1", {"target_date": "2026-11-01"}), _rap_entry("F-2", {})])
}

test_open_entry_past_its_target_date_fails if {
	fs := ithc.rap_overdue with input as _rap_input([_rap_entry("F-1", {"target_date": "2026-10-31", "status": "open"}), _rap_entry("F-2", {})])
	count(fs) == 1
	some f in fs
	f.evidence == "rap"
	f.path == "facts.items[0].target_date"
	contains(f.msg, "F-1 (high) is open past its target date 2026-10-31")
}

test_closed_entry_past_its_target_date_is_not_overdue if {
	count(ithc.rap_overdue) == 0 with input as _rap_input([_rap_entry("F-1", {"target_date": "2026-05-01", "status": "done", "retest": {"date": "2026-05-02", "tester": "Pen Co"}}), _rap_entry("F-2", {})])
}

test_open_high_finding_without_owner_fails if {
	fs := ithc.rap_overdue with input as _rap_input([object.remove(_rap_entry("F-1", {}), ["owner"]), _rap_entry("F-2", {})])
	count(fs) == 1
	some f in fs
	f.path == "facts.items[0]"
}

test_open_medium_finding_without_date_is_left_to_the_plan_coverage_rule if {
	count(ithc.rap_overdue) == 0 with input as _rap_input([_rap_entry("F-1", {}), object.remove(_rap_entry("F-2", {}), ["target_date"])])
}

test_newest_plan_decides if {
	old := {"id": "rap-old", "collected": "2026-03-01", "facts": {"items": [_rap_entry("F-1", {"target_date": "2026-04-01"})]}}
	new := {"id": "rap-new", "collected": "2026-10-01", "facts": {"items": [_rap_entry("F-1", {"target_date": "2027-01-31"})]}}
	count(ithc.rap_overdue) == 0 with input as {"as_of": "2026-11-01", "evidence": {"ithc_report": [_rap_report], "remediation_plan": [old, new]}}
}

test_closed_entry_with_retest_passes if {
	count(ithc.retest_missing) == 0 with input as _rap_input([_rap_entry("F-1", {"status": "done", "retest": {"date": "2026-06-01", "tester": "Pen Co"}}), _rap_entry("F-2", {})])
}

test_closed_entry_without_retest_fails_twice if {
	fs := ithc.retest_missing with input as _rap_input([_rap_entry("F-1", {"status": "done"}), _rap_entry("F-2", {})])
	count(fs) == 2
	some f in fs
	f.path == "facts.items[0].retest.date"
}

test_retest_before_the_health_check_fails if {
	fs := ithc.retest_missing with input as _rap_input([_rap_entry("F-1", {"status": "done", "retest": {"date": "2026-02-19", "tester": "Pen Co"}}), _rap_entry("F-2", {})])
	count(fs) == 1
}

test_retest_after_the_assessment_date_fails if {
	count(ithc.retest_missing) == 1 with input as _rap_input([_rap_entry("F-1", {"status": "done", "retest": {"date": "2026-11-02", "tester": "Pen Co"}}), _rap_entry("F-2", {})])
}

test_open_entries_need_no_retest if {
	count(ithc.retest_missing) == 0 with input as _rap_input([_rap_entry("F-1", {}), _rap_entry("F-2", {})])
}
