package pci.req11_test

import rego.v1

import data.pci.req11

_scan(date, result) := {"id": date, "facts": {"scope": "external", "asv": true, "result": result, "performed": date, "provider": "ASV Ltd"}}

_input(scans) := {"as_of": "2025-12-31", "evidence": {"vulnerability_scan": scans}}

_quarterly := [_scan("2025-03-15", "pass"), _scan("2025-06-15", "pass"), _scan("2025-09-15", "pass"), _scan("2025-12-15", "pass")]

test_four_passing_quarterly_scans_pass if {
	count(req11.asv_scans_missing) == 0 with input as _input(_quarterly)
}

test_a_missed_quarter_fails if {
	count(req11.asv_scans_missing) == 1 with input as _input(array.slice(_quarterly, 1, 4))
}

test_a_failing_scan_does_not_count if {
	scans := array.concat(array.slice(_quarterly, 0, 3), [_scan("2025-12-15", "fail")])
	count(req11.asv_scans_missing) == 1 with input as _input(scans)
}

test_internal_scans_do_not_count if {
	scans := [object.union(s, {"facts": object.union(s.facts, {"scope": "internal"})}) | some s in _quarterly]
	count(req11.asv_scans_missing) == 4 with input as _input(scans)
}

test_quarter_boundary_is_inclusive_at_the_end if {
	# 2025-09-30 is exactly three months before as_of: it belongs to the older quarter.
	scans := [_scan("2025-03-15", "pass"), _scan("2025-06-15", "pass"), _scan("2025-09-30", "pass"), _scan("2025-12-15", "pass")]
	count(req11.asv_scans_missing) == 0 with input as _input(scans)
}
