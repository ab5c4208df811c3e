package dh.fee_test

import future.keywords.not
import rego.v1

import data.dh.fee

_input(facts) := {"as_of": "2026-11-01", "evidence": {"ico_registration": [{"id": "ico", "facts": facts}]}}

_reg := {"registration_number": "Z7654321", "paid": "2026-03-20", "expires": "2026-11-01"}

test_registration_current_on_assessment_date_passes if {
	count(fee.fee_not_current) == 0 with input as _input(_reg)
	count(fee.fee_not_current) == 0 with input as _input(object.union(_reg, {"registration_number": "ZA123456"}))
}

test_registration_lapsed_the_day_before_fails if {
	count(fee.fee_not_current) == 1 with input as _input(object.union(_reg, {"expires": "2026-10-31"}))
}

test_unknown_expiry_fails if {
	count(fee.fee_not_current) == 1 with input as _input(object.remove(_reg, ["expires"]))
}

test_malformed_registration_number_fails if {
	count(fee.fee_not_current) == 1 with input as _input(object.union(_reg, {"registration_number": "12345678"}))
	count(fee.fee_not_current) == 1 with input as _input(object.union(_reg, {"registration_number": "Z123456"}))
}

test_fee_paid_twelve_months_ago_passes if {
	count(fee.fee_not_current) == 0 with input as _input(object.union(_reg, {"paid": "2025-11-01"}))
}

test_fee_paid_a_day_earlier_fails if {
	fs := fee.fee_not_current with input as _input(object.union(_reg, {"paid": "2025-10-31"}))
	count(fs) == 1
	some f in fs
	contains(f.msg, "Z7654321")
}

test_fee_payment_not_recorded_fails if {
	count(fee.fee_not_current) == 1 with input as _input(object.remove(_reg, ["paid"]))
}
