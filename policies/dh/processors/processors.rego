# Data handling: processors (ids DH-PROC-*).
package dh.processors

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.params
import data.lib.text

# The terms UK GDPR Article 28(3) requires in a controller-processor contract.
_clauses := [
	"documented_instructions", "confidentiality", "security_measures", "sub_processors",
	"data_subject_rights", "compliance_assistance", "deletion_or_return", "audit_and_information",
]

# DH-PROC-01: a current written contract with each processor containing the Article 28 terms.
contract_inadequate contains finding.of(doc, sprintf("facts.processors[%d]", [i]), msg) if {
	some doc in input.evidence.processor_contracts
	some i, processor in doc.facts.processors
	not text.stated(processor, "contract_reference")
	msg := sprintf("processor %s (%s) has no written contract", [processor.name, processor.service])
}

contract_inadequate contains finding.of(doc, sprintf("facts.processors[%d].clauses", [i]), msg) if {
	some doc in input.evidence.processor_contracts
	some i, processor in doc.facts.processors
	text.stated(processor, "contract_reference")
	missing := [clause | some clause in _clauses; not clause in object.get(processor, "clauses", [])]
	count(missing) > 0
	msg := sprintf("contract %s with %s lacks the terms: %s", [processor.contract_reference, processor.name, concat(", ", missing)])
}

contract_inadequate contains finding.of(doc, sprintf("facts.processors[%d].expires", [i]), msg) if {
	some doc in input.evidence.processor_contracts
	some i, processor in doc.facts.processors
	processor.expires < input.as_of
	msg := sprintf("contract with %s expired on %s", [processor.name, processor.expires])
}

# DH-PROC-02: each processor's security is checked within the assurance cycle (parameter
# dh_processor_assurance_months: the reference asks for monitoring without an interval).
assurance_overdue contains msg if some msg in params.missing({"dh_processor_assurance_months"})

assurance_overdue contains finding.of(doc, sprintf("facts.processors[%d]", [i]), msg) if {
	some doc in input.evidence.processor_contracts
	some i, processor in doc.facts.processors
	months := params.value("dh_processor_assurance_months")
	not dates.within_months(object.get(processor, "last_assurance", ""), input.as_of, months)
	msg := sprintf("processor %s: last security assurance %s; due every %d months", [processor.name, object.get(processor, "last_assurance", "never"), months])
}
