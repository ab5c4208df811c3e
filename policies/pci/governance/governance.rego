# PCI DSS x.1.1 and x.1.2 for every principal requirement, and A3.1.3: the policies and
# procedures of each requirement are documented, current and known (policy_register), and
# the roles for its activities are assigned and acknowledged (raci_register).
package pci.governance

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.params

# PCI-1.1.1 ... PCI-11.1.1
policies_not_current_req1 contains f if some f in _policies("1")

policies_not_current_req2 contains f if some f in _policies("2")

policies_not_current_req3 contains f if some f in _policies("3")

policies_not_current_req4 contains f if some f in _policies("4")

policies_not_current_req5 contains f if some f in _policies("5")

policies_not_current_req6 contains f if some f in _policies("6")

policies_not_current_req7 contains f if some f in _policies("7")

policies_not_current_req8 contains f if some f in _policies("8")

policies_not_current_req9 contains f if some f in _policies("9")

policies_not_current_req10 contains f if some f in _policies("10")

policies_not_current_req11 contains f if some f in _policies("11")

# PCI-1.1.2 ... PCI-11.1.2, and PCI-A3.1.3 (roles for the compliance programme)
roles_unassigned_req1 contains f if some f in _roles("1")

roles_unassigned_req2 contains f if some f in _roles("2")

roles_unassigned_req3 contains f if some f in _roles("3")

roles_unassigned_req4 contains f if some f in _roles("4")

roles_unassigned_req5 contains f if some f in _roles("5")

roles_unassigned_req6 contains f if some f in _roles("6")

roles_unassigned_req7 contains f if some f in _roles("7")

roles_unassigned_req8 contains f if some f in _roles("8")

roles_unassigned_req9 contains f if some f in _roles("9")

roles_unassigned_req10 contains f if some f in _roles("10")

roles_unassigned_req11 contains f if some f in _roles("11")

roles_unassigned_a3 contains f if some f in _roles("A3")

# No document covers the requirement; or one does, but is unreviewed within the review cycle,
# or was last communicated before its latest approval (those affected do not know the
# current version), or is dated after the assessment.
_policies(req) := params.missing({"pci_procedures_review_months"}) | _policy_findings(req)

_policy_findings(req) := {finding.of(register, "facts.documents", msg) |
	some register in input.evidence.policy_register
	not req in _covered_requirements
	msg := sprintf("no policy or procedure document in the register covers requirement %s", [req])
} | {finding.of(register, sprintf("facts.documents[%d]", [i]), msg) |
	some register in input.evidence.policy_register
	some i, document in register.facts.documents
	req in document.covers
	some msg in _document_problems(document, input.as_of)
}

_registered_documents contains document if {
	some register in input.evidence.policy_register
	some document in register.facts.documents
}

# Requirements some registered document covers, and requirements some RACI entry assigns:
# each built once, so a check per requirement is one lookup, not a scan of every register.
_covered_requirements contains req if {
	some document in _registered_documents
	some req in document.covers
}

_assigned_requirements contains assignment.requirement if {
	some register in input.evidence.raci_register
	some assignment in register.facts.assignments
}

_document_problems(document, as_of) := {msg |
	months := params.value("pci_procedures_review_months")
	not dates.within_months(document.reviewed, as_of, months)
	msg := sprintf("%s (%s) last reviewed %s, more than %d months before %s", [document.id, document.title, document.reviewed, months, as_of])
} | {msg |
	document.communicated < document.approved
	msg := sprintf("%s (%s) approved %s but last communicated %s: those affected do not have the current version", [document.id, document.title, document.approved, document.communicated])
} | {msg |
	not dates.not_after(document.communicated, as_of)
	msg := sprintf("%s (%s) is recorded as communicated %s, after the assessment date", [document.id, document.title, document.communicated])
}

# No assignment for the requirement's activities; or one with no responsible or accountable
# person, or not acknowledged by the person responsible (assigned but not shown understood).
_roles(req) := {finding.of(register, "facts.assignments", msg) |
	some register in input.evidence.raci_register
	not req in _assigned_requirements
	msg := sprintf("no roles are assigned for the activities of requirement %s", [req])
} | {finding.of(register, sprintf("facts.assignments[%d]", [i]), msg) |
	some register in input.evidence.raci_register
	some i, assignment in register.facts.assignments
	assignment.requirement == req
	some msg in _assignment_problems(assignment, input.as_of)
}

_assignment_problems(assignment, as_of) := {msg |
	some role in ["responsible", "accountable"]
	not trim_space(object.get(assignment, role, "")) != ""
	msg := sprintf("%q has nobody %s", [assignment.activity, role])
} | {msg |
	not assignment.acknowledged
	msg := sprintf("%q: %s has not acknowledged the role", [assignment.activity, object.get(assignment, "responsible", "the responsible person")])
} | {msg |
	not dates.not_after(assignment.acknowledged, as_of)
	msg := sprintf("%q: acknowledgement dated %s, after the assessment date", [assignment.activity, assignment.acknowledged])
}
