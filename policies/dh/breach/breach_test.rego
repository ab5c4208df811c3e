package dh.breach_test

import future.keywords.not
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

_reported(at) := object.union(_breach, {"reported_to_ico_at": at})

test_not_reported_with_reason_is_documented if {
	count(breach.breach_undocumented) == 0 with input as _input(object.union(_breach, {"reportable": false, "decision_reason": "Recovered unopened"}))
}

test_not_reported_without_reason_fails if {
	count(breach.breach_undocumented) == 1 with input as _input(object.union(_breach, {"reportable": false}))
	count(breach.breach_undocumented) == 1 with input as _input(object.union(_breach, {"reportable": false, "decision_reason": " "}))
}

test_report_at_72_hours_needs_no_late_reason if {
	count(breach.breach_undocumented) == 0 with input as _input(_reported("2025-01-04T09:00:00Z"))
}

test_late_report_without_reason_fails if {
	count(breach.breach_undocumented) == 1 with input as _input(_reported("2025-01-04T09:01:00Z"))
}

test_late_report_with_reason_is_documented if {
	count(breach.breach_undocumented) == 0 with input as _input(object.union(_reported("2025-01-05T09:00:00Z"), {"late_reason": "Scale of the breach took time to establish"}))
}

_report := {"nature": "Letter to wrong address", "subjects_count": 1, "records_count": 1, "dpo_contact": "dpo@example.gov.uk", "likely_consequences": "Distress", "measures": "Letter retrieved"}

test_complete_ico_report_passes if {
	count(breach.ico_report_incomplete) == 0 with input as _input(object.union(_reported("2025-01-02T09:00:00Z"), {"ico_report": _report}))
}

test_ico_report_missing_fields_fails if {
	fs := breach.ico_report_incomplete with input as _input(object.union(_reported("2025-01-02T09:00:00Z"), {"ico_report": object.remove(_report, ["records_count", "measures"])}))
	count(fs) == 1
	some f in fs
	contains(f.msg, "records_count, measures")
}

test_ico_report_content_absent_fails if {
	count(breach.ico_report_incomplete) == 1 with input as _input(_reported("2025-01-02T09:00:00Z"))
}

test_unreported_breach_has_no_report_to_judge if {
	count(breach.ico_report_incomplete) == 0 with input as _input(_breach)
}

_params := {"dh_breach_individuals_notice_hours": 72}

_told(at) := object.union(_breach, {"high_risk": true, "individuals_notified_at": at})

test_individuals_told_at_72_hours_passes if {
	count(breach.individuals_not_told) == 0 with input as _input(_told("2025-01-04T09:00:00Z")) with input.parameters as _params
	count(breach.individuals_not_told) == 0 with input as _input(object.union(_breach, {"high_risk": false})) with input.parameters as _params
}

test_individuals_told_a_minute_late_without_reason_fails if {
	fs := breach.individuals_not_told with input as _input(_told("2025-01-04T09:01:00Z")) with input.parameters as _params
	count(fs) == 1
	some f in fs
	f.msg == "breach B1: individuals told 72 hours 1 minute after awareness, past the 72-hour notice window, and the log gives no reason for the delay"
}

test_individuals_told_late_with_reason_passes if {
	count(breach.individuals_not_told) == 0 with input as _input(object.union(_told("2025-01-10T09:00:00Z"), {"individuals_delay_reason": "Police asked us to delay while the device was recovered"})) with input.parameters as _params
}

test_tightened_window_applies if {
	count(breach.individuals_not_told) == 1 with input as _input(_told("2025-01-02T09:01:00Z")) with input.parameters as {"dh_breach_individuals_notice_hours": 24}
}

test_individuals_told_before_awareness_fails if {
	count(breach.individuals_not_told) == 1 with input as _input(_told("2024-12-31T09:00:00Z")) with input.parameters as _params
}

test_high_risk_not_told_while_window_open_is_not_late if {
	count(breach.individuals_not_told) == 0 with input as object.union(_input(object.union(_breach, {"high_risk": true})), {"as_of": "2025-01-03"}) with input.parameters as _params
}

test_high_risk_not_told_after_window_fails if {
	count(breach.individuals_not_told) == 1 with input as object.union(_input(object.union(_breach, {"high_risk": true})), {"as_of": "2025-01-04"}) with input.parameters as _params
	count(breach.individuals_not_told) == 1 with input as _input(object.union(_breach, {"high_risk": true})) with input.parameters as _params
}

test_exemption_with_reason_needs_no_notice if {
	count(breach.individuals_not_told) == 0 with input as _input(object.union(_breach, {"high_risk": true, "individuals_exemption": "unintelligible", "exemption_reason": "Laptop fully encrypted; key not compromised"})) with input.parameters as _params
}

test_exemption_without_reason_fails if {
	count(breach.individuals_not_told) == 2 with input as _input(object.union(_breach, {"high_risk": true, "individuals_exemption": "unintelligible"})) with input.parameters as _params
}

test_reportable_breach_without_risk_assessment_fails if {
	count(breach.individuals_not_told) == 1 with input as _input(_breach) with input.parameters as _params
}

test_non_reportable_breach_needs_no_risk_assessment if {
	count(breach.individuals_not_told) == 0 with input as _input(object.union(_breach, {"reportable": false})) with input.parameters as _params
}

test_notice_window_unset_is_a_finding if {
	count(breach.individuals_not_told) == 1 with input as _input(_told("2025-01-02T09:00:00Z"))
}

_pecr(at) := object.union(_reported(at), {"pecr_breach": true})

test_pecr_breach_at_24_hours_passes if {
	count(breach.pecr_report_late) == 0 with input as _input(_pecr("2025-01-02T09:00:00Z"))
}

test_pecr_breach_at_24_hours_and_a_minute_fails if {
	count(breach.pecr_report_late) == 1 with input as _input(_pecr("2025-01-02T09:01:00Z"))
}

test_pecr_breach_never_reported_fails if {
	count(breach.pecr_report_late) == 1 with input as _input(object.union(_breach, {"pecr_breach": true}))
}

test_non_pecr_breach_is_not_judged_on_24_hours if {
	count(breach.pecr_report_late) == 0 with input as _input(object.union(_reported("2025-01-03T09:00:00Z"), {"pecr_breach": false}))
}

test_pecr_status_unknown_fails if {
	count(breach.pecr_report_late) == 1 with input as _input(_breach)
}

_at(as_of, b) := object.union(_input(b), {"as_of": as_of})

test_unreported_breach_still_within_72_hours_is_not_late if {
	# aware 23:59:59 on 1 January: exactly 72 hours by the end of 4 January
	count(breach.ico_report_late) == 0 with input as _at("2025-01-04", object.union(_breach, {"aware_at": "2025-01-01T23:59:59Z"}))
}

test_unreported_breach_a_second_past_72_hours_fails if {
	fs := breach.ico_report_late with input as _at("2025-01-04", object.union(_breach, {"aware_at": "2025-01-01T23:59:58Z"}))
	count(fs) == 1
	some f in fs
	contains(f.msg, "B1")
}

test_unreported_pecr_breach_within_24_hours_is_not_late if {
	pecr := object.union(_breach, {"pecr_breach": true, "aware_at": "2025-01-03T23:59:59Z"})
	count(breach.pecr_report_late) == 0 with input as _at("2025-01-04", pecr)
	count(breach.pecr_report_late) == 1 with input as _at("2025-01-05", pecr)
}

test_ico_report_blank_field_fails if {
	blank := object.union(_report, {"measures": " ", "likely_consequences": null})
	fs := breach.ico_report_incomplete with input as _input(object.union(_reported("2025-01-02T09:00:00Z"), {"ico_report": blank}))
	count(fs) == 1
	some f in fs
	contains(f.msg, "likely_consequences, measures")
}

test_a_report_one_minute_late_says_so_to_the_minute if {
	breach._duration(72 + (1 / 60)) == "72 hours 1 minute"
	breach._duration(80.4) == "80 hours 24 minutes"
}
