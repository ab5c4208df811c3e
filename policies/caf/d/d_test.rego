package caf.d_test

import future.keywords.not
import rego.v1

import data.caf.d

_plan(reviewed, tested) := {"as_of": "2026-11-01", "evidence": {"incident_response_plan": [{
	"id": "irp-1",
	"facts": {"name": "IRP", "last_reviewed": reviewed, "last_tested": tested},
}]}}

test_plan_not_exercised_for_two_years_rules_out_achieved if {
	[f.denies | some f in d.testing_and_exercising] == ["achieved"] with input as _plan("2026-06-01", "2024-06-01")
}

test_plan_reviewed_and_exercised_this_year_rules_out_nothing if {
	count(d.testing_and_exercising) == 0 with input as _plan("2026-06-01", "2026-03-01")
}

test_unapproved_plan_rules_out_achieved if {
	"achieved" in {f.denies | some f in d.response_plan} with input as _plan("2026-06-01", "2026-03-01")
}
