package pci.req6_test

import rego.v1

import data.pci.req6

_input(patch, as_of) := {"as_of": as_of, "evidence": {"patch_status": [{"id": "ps", "facts": {"hosts": [{"name": "pay-01", "patches": [patch]}]}}]}}

test_critical_missing_exactly_one_month_passes if {
	count(req6.critical_patch_late) == 0 with input as _input({"id": "K1", "severity": "critical", "released": "2025-01-15"}, "2025-02-15")
}

test_critical_missing_one_month_and_a_day_fails if {
	count(req6.critical_patch_late) == 1 with input as _input({"id": "K1", "severity": "critical", "released": "2025-01-15"}, "2025-02-16")
}

test_critical_installed_late_fails if {
	count(req6.critical_patch_late) == 1 with input as _input({"id": "K1", "severity": "critical", "released": "2025-01-15", "installed": "2025-03-01"}, "2025-06-01")
}

test_high_is_not_judged_by_this_rule if {
	count(req6.critical_patch_late) == 0 with input as _input({"id": "K1", "severity": "high", "released": "2025-01-15"}, "2025-06-01")
}
