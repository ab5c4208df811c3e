package pci.req10_test

import rego.v1

import data.pci.req10

_input(kept, online) := {"evidence": {"logging_config": [{"id": "log", "facts": {"retention_months": kept, "immediately_available_months": online}}]}}

test_twelve_and_three_months_pass if {
	count(req10.log_retention_too_short) == 0 with input as _input(12, 3)
}

test_eleven_months_fails if {
	count(req10.log_retention_too_short) == 1 with input as _input(11, 3)
}

test_two_months_online_fails if {
	count(req10.log_retention_too_short) == 1 with input as _input(12, 2)
}
