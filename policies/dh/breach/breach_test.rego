package dh.breach_test

import rego.v1

import data.dh.breach

_input(b) := {"evidence": {"breach_log": [{"id": "log", "facts": {"breaches": [b]}}]}}

_breach := {"id": "B1", "aware_at": "2025-01-01T09:00:00Z", "summary": "Letter to wrong address", "reportable": true}

test_reported_at_72_hours_passes if {
	count(breach.ico_report_late) == 0 with input as _input(object.union(_breach, {"reported_to_ico_at": "2025-01-04T09:00:00Z"}))
}

test_reported_at_72_hours_and_a_minute_fails if {
	count(breach.ico_report_late) == 1 with input as _input(object.union(_breach, {"reported_to_ico_at": "2025-01-04T09:01:00Z"}))
}

test_reportable_but_never_reported_fails if {
	count(breach.ico_report_late) == 1 with input as _input(_breach)
}

test_not_reportable_needs_no_report if {
	count(breach.ico_report_late) == 0 with input as _input(object.union(_breach, {"reportable": false}))
}
