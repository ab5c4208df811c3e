package dh.ropa_test

import future.keywords.not
import rego.v1

import data.dh.ropa

_activity := {
	"id": "PA-01", "name": "Council tax", "purposes": ["Billing"], "lawful_basis": "Public task",
	"data_subject_categories": ["Residents"], "personal_data_categories": ["Contact details"],
	"recipients": ["Enforcement agents"], "international_transfers": [],
	"retention_period": "6 years", "security_measures": "RBAC; encryption", "special_category": false,
}

_sc := object.union(_activity, {"special_category": true, "schedule1_condition": "Sch.1 para 6 statutory purposes", "appropriate_policy_document": "IG-POL-021"})

_input(activity) := _facts({"controller_contact": "County Hall", "dpo_contact": "dpo@example.gov.uk", "activities": [activity]})

_facts(facts) := {"evidence": {"records_of_processing": [{"id": "ropa", "facts": facts}]}}

test_complete_record_passes if {
	count(ropa.ropa_incomplete) == 0 with input as _input(_activity)
}

test_activity_missing_content_fails if {
	fs := ropa.ropa_incomplete with input as _input(object.remove(_activity, ["recipients", "retention_period", "international_transfers"]))
	count(fs) == 1
	some f in fs
	contains(f.msg, "recipients, retention_period, international_transfers")
}

test_empty_purposes_fail if {
	count(ropa.ropa_incomplete) == 1 with input as _input(object.union(_activity, {"purposes": []}))
}

test_missing_controller_and_dpo_fail if {
	count(ropa.ropa_incomplete) == 2 with input as _facts({"activities": [_activity]})
}

test_ordinary_data_needs_no_schedule_1_condition if {
	count(ropa.special_category_unrecorded) == 0 with input as _input(_activity)
}

test_special_category_fully_recorded_passes if {
	count(ropa.special_category_unrecorded) == 0 with input as _input(_sc)
}

test_special_category_without_condition_fails if {
	fs := ropa.special_category_unrecorded with input as _input(object.remove(_sc, ["schedule1_condition", "appropriate_policy_document"]))
	count(fs) == 1
	some f in fs
	contains(f.msg, "schedule1_condition, appropriate_policy_document")
}

test_special_category_not_stated_fails if {
	count(ropa.special_category_unrecorded) == 1 with input as _input(object.remove(_activity, ["special_category"]))
}

test_no_activities_fails if {
	count(ropa.ropa_incomplete) == 1 with input as _facts({"controller_contact": "County Hall", "dpo_contact": "dpo@example.gov.uk", "activities": []})
}
