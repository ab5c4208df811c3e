package pci.governance_test

import future.keywords.not
import rego.v1

import data.pci.governance

_params := {"pci_procedures_review_months": 12}

_doc := {"id": "POL-1", "title": "Network standard", "covers": ["1"], "owner": "Network Architect", "approved": "2026-02-01", "reviewed": "2026-02-01", "communicated": "2026-02-10"}

_policies(doc) := {"as_of": "2027-02-01", "evidence": {"policy_register": [{"id": "pr", "facts": {"documents": [doc]}}]}}

test_document_reviewed_twelve_months_ago_and_communicated_passes if {
	count(governance.policies_not_current_req1) == 0 with input as _policies(_doc) with input.parameters as _params
}

test_document_reviewed_twelve_months_and_a_day_ago_fails if {
	fs := governance.policies_not_current_req1 with input as object.union(_policies(_doc), {"as_of": "2027-02-02"}) with input.parameters as _params
	[f.msg | some f in fs] == ["POL-1 (Network standard) last reviewed 2026-02-01, more than 12 months before 2027-02-02"]
}

test_requirement_no_document_covers_fails if {
	fs := governance.policies_not_current_req2 with input as _policies(_doc) with input.parameters as _params
	[f.msg | some f in fs] == ["no policy or procedure document in the register covers requirement 2"]
}

test_document_communicated_before_its_approval_fails if {
	count(governance.policies_not_current_req1) == 1 with input as _policies(object.union(_doc, {"communicated": "2026-01-20"})) with input.parameters as _params
}

test_review_cycle_unset_fails if {
	count(governance.policies_not_current_req1) == 1 with input as _policies(_doc)
}

_assignment := {"requirement": "1", "activity": "Review rulesets", "responsible": "Network Architect", "accountable": "Head of ICT", "acknowledged": "2026-02-12"}

_raci(a) := {"as_of": "2026-11-01", "evidence": {"raci_register": [{"id": "raci", "facts": {"assignments": [a]}}]}}

test_assigned_and_acknowledged_role_passes if {
	count(governance.roles_unassigned_req1) == 0 with input as _raci(_assignment)
}

test_unacknowledged_role_fails if {
	fs := governance.roles_unassigned_req1 with input as _raci(object.remove(_assignment, ["acknowledged"]))
	[f.msg | some f in fs] == ["\"Review rulesets\": Network Architect has not acknowledged the role"]
}

test_role_without_accountable_person_fails if {
	count(governance.roles_unassigned_req1) == 1 with input as _raci(object.union(_assignment, {"accountable": " "}))
}

test_requirement_without_assignments_fails if {
	count(governance.roles_unassigned_req11) == 1 with input as _raci(_assignment)
	count(governance.roles_unassigned_a3) == 1 with input as _raci(_assignment)
}

test_acknowledgement_after_the_assessment_date_fails if {
	count(governance.roles_unassigned_req1) == 1 with input as _raci(object.union(_assignment, {"acknowledged": "2026-11-02"}))
}
