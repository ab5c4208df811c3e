package pci.appendix_a1_test

import future.keywords.not
import rego.v1

import data.pci.appendix_a1

_test(type, date, tester) := {"as_of": "2026-11-01", "evidence": {"penetration_test": [{"id": "t", "facts": {"type": type, "performed": date, "scope": "tenant separation", "tester": tester}}]}}

_tester := {"organisation": "Hiram", "qualification": "CREST CRT", "independent": true}

test_separation_test_exactly_6_months_old_passes if {
	count(appendix_a1.tenant_separation_untested) == 0 with input as _test("tenant_separation", "2026-05-01", _tester)
}

test_separation_test_6_months_and_a_day_old_fails if {
	count(appendix_a1.tenant_separation_untested) == 1 with input as _test("tenant_separation", "2026-04-30", _tester)
}

test_other_test_types_do_not_count if {
	count(appendix_a1.tenant_separation_untested) == 1 with input as _test("segmentation", "2026-10-01", _tester)
}

test_non_independent_tester_does_not_count if {
	count(appendix_a1.tenant_separation_untested) == 1 with input as _test("tenant_separation", "2026-10-01", object.union(_tester, {"independent": false}))
}

test_tester_without_qualification_does_not_count if {
	count(appendix_a1.tenant_separation_untested) == 1 with input as _test("tenant_separation", "2026-10-01", {"organisation": "Hiram", "independent": true})
}

test_no_penetration_test_fails if {
	inp := {"as_of": "2026-11-01", "evidence": {"penetration_test": [{"id": "pt", "facts": {"type": "external"}}]}}
	count(appendix_a1.tenant_separation_untested) == 1 with input as inp
	found1 := appendix_a1.tenant_separation_untested with input as inp
	every f in found1 {
		f.evidence == "pt"
	}
	# No penetration_test evidence at all: the control is a gap before the rule is read.
	count(appendix_a1.tenant_separation_untested) == 0 with input as {"as_of": "2026-11-01", "evidence": {}}
}
