package caf.attested_test

import future.keywords.not
import rego.v1

import data.caf.attested

_input(outcome, role) := {"evidence": {"attestation": [{
	"id": "att-1",
	"facts": {"controls": ["CAF-A1.a"], "attested_by": "M Proudie", "role": role, "outcome": outcome},
}]}}

test_met_by_accepted_role_denies_nothing if {
	count(attested.findings("CAF-A1.a", ["SIRO"])) == 0 with input as _input("met", "siro ")
}

test_partially_met_denies_achieved if {
	[f.denies | some f in attested.findings("CAF-A1.a", ["SIRO"])] == ["achieved"] with input as _input("partially_met", "SIRO")
}

test_not_met_denies_partially_achieved if {
	[f.denies | some f in attested.findings("CAF-A1.a", ["SIRO"])] == ["partially_achieved"] with input as _input("not_met", "SIRO")
}

test_wrong_role_denies_partially_achieved if {
	[f.denies | some f in attested.findings("CAF-A1.a", ["SIRO"])] == ["partially_achieved"] with input as _input("met", "Intern")
}

test_attestation_for_another_outcome_is_ignored if {
	count(attested.findings("CAF-A1.b", ["SIRO"])) == 0 with input as _input("not_met", "SIRO")
}
