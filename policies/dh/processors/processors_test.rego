package dh.processors_test

import future.keywords.not
import rego.v1

import data.dh.processors

# The project parameters (controls/parameters.yaml) at their default values.
_params := {
	"psn_patch_days": 14, "psn_cvss_versions": ["3.0", "3.1", "4.0"],
	"dh_asset_register_review_months": 6, "dh_retention_review_months": 12,
	"dh_training_refresher_months": 12, "dh_processor_assurance_months": 12,
	"dh_breach_individuals_notice_hours": 72,
}


_all := ["documented_instructions", "confidentiality", "security_measures", "sub_processors", "data_subject_rights", "compliance_assistance", "deletion_or_return", "audit_and_information"]

_processor := {"name": "Shredall Ltd", "service": "Confidential waste", "contract_reference": "CON-1", "signed": "2024-05-01", "clauses": _all, "last_assurance": "2025-11-01"}

_input(p) := {"as_of": "2026-11-01", "evidence": {"processor_contracts": [{"id": "pc", "facts": {"processors": [p]}}]}}

test_full_contract_passes if {
	count(processors.contract_inadequate) == 0 with input as _input(_processor) with input.parameters as _params
}

test_no_written_contract_fails if {
	count(processors.contract_inadequate) == 1 with input as _input(object.remove(_processor, ["contract_reference"])) with input.parameters as _params
}

test_missing_clauses_fail if {
	fs := processors.contract_inadequate with input as _input(object.union(_processor, {"clauses": array.slice(_all, 0, 6)})) with input.parameters as _params
	count(fs) == 1
	some f in fs
	contains(f.msg, "deletion_or_return, audit_and_information")
}

test_contract_expiring_on_assessment_date_passes if {
	count(processors.contract_inadequate) == 0 with input as _input(object.union(_processor, {"expires": "2026-11-01"})) with input.parameters as _params
}

test_expired_contract_fails if {
	count(processors.contract_inadequate) == 1 with input as _input(object.union(_processor, {"expires": "2026-10-31"})) with input.parameters as _params
}

test_assurance_twelve_months_ago_passes if {
	count(processors.assurance_overdue) == 0 with input as _input(_processor) with input.parameters as _params
}

test_assurance_a_day_older_fails if {
	count(processors.assurance_overdue) == 1 with input as _input(object.union(_processor, {"last_assurance": "2025-10-31"})) with input.parameters as _params
}

test_never_assured_fails if {
	count(processors.assurance_overdue) == 1 with input as _input(object.remove(_processor, ["last_assurance"])) with input.parameters as _params
}
