package dh.rights_test

import future.keywords.not
import rego.v1

import data.dh.rights

_sars(request, as_of) := {"as_of": as_of, "evidence": {"subject_access_requests": [{"id": "sar", "facts": {"requests": [request]}}]}}

# Received Monday 14 September 2026: one month is Wednesday 14 October.
_req := {"id": "SAR-1", "received": "2026-09-14"}

test_answered_on_the_last_day_of_the_month_passes if {
	count(rights.sar_late) == 0 with input as _sars(object.union(_req, {"responded": "2026-10-14"}), "2026-11-01")
}

test_answered_a_day_late_fails if {
	fs := rights.sar_late with input as _sars(object.union(_req, {"responded": "2026-10-15"}), "2026-11-01")
	[f.msg | some f in fs] == ["subject access request SAR-1 received 2026-09-14 was answered 2026-10-15, after the limit of 2026-10-14"]
}

test_month_without_the_corresponding_date_ends_on_its_last_day if {
	# 31 January 2026 + one month = 28 February 2026, a Saturday: due Monday 2 March.
	count(rights.sar_late) == 0 with input as _sars({"id": "S", "received": "2026-01-31", "responded": "2026-03-02"}, "2026-04-01")
	count(rights.sar_late) == 1 with input as _sars({"id": "S", "received": "2026-01-31", "responded": "2026-03-03"}, "2026-04-01")
}

test_unanswered_past_the_limit_fails_and_within_it_does_not if {
	count(rights.sar_late) == 1 with input as _sars(_req, "2026-10-15")
	count(rights.sar_late) == 0 with input as _sars(_req, "2026-10-14")
}

_extended := object.union(_req, {"extended": true, "extension_reason": "Records held in four systems", "extension_notified": "2026-10-01"})

test_valid_extension_allows_three_months if {
	count(rights.sar_late) == 0 with input as _sars(object.union(_extended, {"responded": "2026-12-14"}), "2027-01-01")
	count(rights.sar_late) == 1 with input as _sars(object.union(_extended, {"responded": "2026-12-15"}), "2027-01-01")
}

test_extension_without_reason_fails_and_keeps_one_month if {
	fs := rights.sar_late with input as _sars(object.union(object.remove(_extended, ["extension_reason"]), {"responded": "2026-11-20"}), "2027-01-01")
	count(fs) == 2
}

test_extension_notified_after_the_first_month_fails if {
	fs := rights.sar_late with input as _sars(object.union(_extended, {"extension_notified": "2026-10-15", "responded": "2026-10-20"}), "2027-01-01")
	count(fs) == 2
}

test_answer_before_receipt_fails if {
	count(rights.sar_late) == 1 with input as _sars(object.union(_req, {"responded": "2026-09-01"}), "2026-11-01")
}

_complaints(process, complaint, as_of) := {"as_of": as_of, "evidence": {"dp_complaints": [{"id": "c", "facts": {"process_published": process, "complaints": [complaint]}}]}}

# The 30 days begin on the day of receipt: received 1 July, day 30 is 30 July.
test_complaint_acknowledged_on_day_30_passes if {
	count(rights.complaint_unacknowledged) == 0 with input as _complaints(true, {"id": "C1", "received": "2026-07-01", "acknowledged": "2026-07-30"}, "2026-11-01")
}

test_complaint_acknowledged_on_day_31_fails if {
	fs := rights.complaint_unacknowledged with input as _complaints(true, {"id": "C1", "received": "2026-07-01", "acknowledged": "2026-07-31"}, "2026-11-01")
	[f.msg | some f in fs] == ["complaint C1 received 2026-07-01 was acknowledged on day 31; due within the 30 days beginning on receipt"]
}

test_unacknowledged_complaint_fails_after_day_30_only if {
	count(rights.complaint_unacknowledged) == 1 with input as _complaints(true, {"id": "C1", "received": "2026-07-01"}, "2026-07-31")
	count(rights.complaint_unacknowledged) == 0 with input as _complaints(true, {"id": "C1", "received": "2026-07-01"}, "2026-07-30")
}

test_no_published_complaints_process_fails if {
	count(rights.complaint_unacknowledged) == 1 with input as _complaints(false, {"id": "C1", "received": "2026-07-01", "acknowledged": "2026-07-02"}, "2026-11-01")
}
