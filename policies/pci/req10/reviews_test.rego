package pci.req10_reviews_test

import future.keywords.not
import rego.v1

import data.pci.req10

_review_config := {"id": "logcfg", "facts": {"retention_months": 12, "immediately_available_months": 3, "review": {"frequency": "daily", "automated": true}, "other_components_review": {"frequency_days": 7}}}

_review_log(period, reviews) := {"as_of": "2026-11-01", "evidence": {
	"log_reviews": [{"id": "lr", "facts": {"period": period, "reviews": reviews}}],
	"logging_config": [_review_config],
}}

_three_days := {"from": "2026-10-01", "to": "2026-10-03"}

_daily := [
	{"date": "2026-10-01", "reviewer": "K. Hale", "scope": "critical"},
	{"date": "2026-10-02", "reviewer": "K. Hale", "scope": "critical"},
	{"date": "2026-10-03", "reviewer": "R. Moss", "scope": "critical"},
]

test_a_review_every_day_passes if {
	count(req10.critical_log_review_not_daily) == 0 with input as _review_log(_three_days, _daily)
}

test_a_missed_day_fails_naming_it if {
	fs := req10.critical_log_review_not_daily with input as _review_log(_three_days, array.slice(_daily, 0, 2))
	[f.msg | some f in fs] == ["no review of critical logs by a named reviewer on 1 of the days from 2026-10-01 to 2026-10-03 (first: 2026-10-03)"]
}

test_a_review_without_reviewer_does_not_count if {
	reviews := array.concat(array.slice(_daily, 0, 2), [{"date": "2026-10-03", "reviewer": " ", "scope": "critical"}])
	count(req10.critical_log_review_not_daily) == 1 with input as _review_log(_three_days, reviews)
}

test_an_other_scope_review_does_not_count_as_daily if {
	reviews := array.concat(array.slice(_daily, 0, 2), [{"date": "2026-10-03", "reviewer": "R. Moss", "scope": "other"}])
	count(req10.critical_log_review_not_daily) == 1 with input as _review_log(_three_days, reviews)
}

test_period_after_the_assessment_date_fails if {
	count(req10.critical_log_review_not_daily) == 1 with input as object.union(_review_log(_three_days, _daily), {"as_of": "2026-10-02"})
}

_month := {"from": "2026-10-01", "to": "2026-10-15"}

_other(days) := [{"date": d, "reviewer": "Infrastructure Manager", "scope": "other"} | some d in days]

test_other_reviews_within_the_interval_pass if {
	count(req10.other_log_review_missing) == 0 with input as _review_log(_month, _other(["2026-10-08", "2026-10-15"]))
}

test_a_gap_longer_than_the_interval_fails if {
	fs := req10.other_log_review_missing with input as _review_log(_month, _other(["2026-10-07"]))
	[f.msg | some f in fs] == ["logs of other components went 8 days unreviewed (2026-10-07 to 2026-10-15); the stated interval is 7 days"]
}

test_no_stated_interval_fails if {
	inp := _review_log(_month, _other(["2026-10-08", "2026-10-15"]))
	count(req10.other_log_review_missing) == 1 with input as object.union(inp, {"evidence": {"logging_config": [{"id": "c", "facts": {"retention_months": 12, "immediately_available_months": 3, "review": {"frequency": "daily"}}}]}})
}

_with_exception(e) := [object.union(_daily[0], {"exceptions": [object.union({"id": "EX-1", "description": "Failed logins"}, e)]})]

test_exception_with_action_and_closing_date_passes if {
	count(req10.log_exceptions_unaddressed) == 0 with input as _review_log(_three_days, _with_exception({"action": "Account locked", "resolved": "2026-10-01"}))
}

test_exception_without_action_or_still_open_fails if {
	fs := req10.log_exceptions_unaddressed with input as _review_log(_three_days, _with_exception({}))
	[f.msg | some f in fs] == ["exception EX-1 from the 2026-10-01 review: no action recorded"]
	count(req10.log_exceptions_unaddressed) == 1 with input as _review_log(_three_days, _with_exception({"action": "Ticket raised"}))
}

test_exception_closed_before_it_was_found_fails if {
	count(req10.log_exceptions_unaddressed) == 1 with input as _review_log(_three_days, _with_exception({"action": "Locked", "resolved": "2026-09-30"}))
}
