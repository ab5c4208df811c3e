package lib.attestation_test

import future.keywords.not
import rego.v1

import data.lib.attestation

_doc(outcome, role) := {"id": "att-1", "facts": {
	"controls": ["DH-X-01"], "attested_by": "A. Person", "role": role,
	"outcome": outcome,
}}

test_met_by_accepted_role_has_no_findings if {
	count(attestation.findings("DH-X-01", ["SIRO"])) == 0 with input as {"evidence": {"attestation": [_doc("met", "SIRO")]}}
}

test_not_met_is_a_finding if {
	count(attestation.findings("DH-X-01", [])) == 1 with input as {"evidence": {"attestation": [_doc("not_met", "SIRO")]}}
}

test_wrong_role_is_a_finding if {
	fs := attestation.findings("DH-X-01", ["SIRO"]) with input as {"evidence": {"attestation": [_doc("met", "Clerk")]}}
	some f in fs
	f.path == "facts.role"
}

test_other_controls_attestations_are_ignored if {
	count(attestation.findings("DH-Y-01", [])) == 0 with input as {"evidence": {"attestation": [_doc("not_met", "SIRO")]}}
}

test_role_matches_ignoring_case_and_spaces if {
	count(attestation.findings("DH-X-01", ["SIRO"])) == 0 with input as {"evidence": {"attestation": [_doc("met", "siro")]}}
	count(attestation.findings("DH-X-01", ["SIRO"])) == 0 with input as {"evidence": {"attestation": [_doc("met", "  Siro ")]}}
	count(attestation.findings("DH-X-01", [" Head of ICT"])) == 0 with input as {"evidence": {"attestation": [_doc("met", "head of ict")]}}
}

test_role_otherwise_matches_exactly if {
	count(attestation.findings("DH-X-01", ["SIRO"])) == 1 with input as {"evidence": {"attestation": [_doc("met", "SIRO deputy")]}}
	count(attestation.findings("DH-X-01", ["Head of ICT"])) == 1 with input as {"evidence": {"attestation": [_doc("met", "Head  of ICT")]}}
	no_role := {"id": "att-2", "facts": {"controls": ["DH-X-01"], "attested_by": "A. Person", "outcome": "met"}}
	count(attestation.findings("DH-X-01", ["SIRO"])) == 1 with input as {"evidence": {"attestation": [no_role]}}
	count(attestation.findings("DH-X-01", [])) == 0 with input as {"evidence": {"attestation": [no_role]}}
	no_outcome := {"id": "att-3", "facts": {"controls": ["DH-X-01"], "role": "SIRO"}}
	count(attestation.findings("DH-X-01", ["SIRO"])) == 1 with input as {"evidence": {"attestation": [no_outcome]}}
}
