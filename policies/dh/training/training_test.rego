package dh.training_test

import future.keywords.not
import rego.v1

import data.dh.training

# The project parameters (controls/parameters.yaml) at their default values.
_params := {
	"psn_patch_days": 14, "psn_cvss_versions": ["3.0", "3.1", "4.0"],
	"dh_asset_register_review_months": 6, "dh_retention_review_months": 12,
	"dh_training_refresher_months": 12, "dh_processor_assurance_months": 12,
	"dh_breach_individuals_notice_hours": 72,
}


_person := {"name": "E. Bold", "role": "Head of Revenues", "induction_completed": "2019-04-10", "last_refresher": "2025-11-01", "topics": ["data_protection", "security_awareness", "phishing"]}

_input(p) := {"as_of": "2026-11-01", "evidence": {"training_records": [{"id": "lms", "facts": {"people": [p]}}]}}

test_refresher_twelve_months_ago_passes if {
	count(training.training_overdue) == 0 with input as _input(_person) with input.parameters as _params
}

test_refresher_a_day_older_fails if {
	count(training.training_overdue) == 1 with input as _input(object.union(_person, {"last_refresher": "2025-10-31"})) with input.parameters as _params
}

test_recent_induction_counts_as_training if {
	count(training.training_overdue) == 0 with input as _input(object.union(object.remove(_person, ["last_refresher"]), {"induction_completed": "2026-09-01"})) with input.parameters as _params
}

test_old_induction_without_refresher_fails if {
	count(training.training_overdue) == 1 with input as _input(object.remove(_person, ["last_refresher"])) with input.parameters as _params
}

test_no_induction_fails if {
	count(training.training_overdue) == 1 with input as _input(object.remove(_person, ["induction_completed"])) with input.parameters as _params
}

test_training_without_data_protection_fails if {
	count(training.training_overdue) == 1 with input as _input(object.union(_person, {"topics": ["phishing", "security_awareness"]})) with input.parameters as _params
	count(training.training_overdue) == 1 with input as _input(object.remove(_person, ["topics"])) with input.parameters as _params
}

test_cyber_topics_pass if {
	count(training.cyber_training_missing) == 0 with input as _input(_person) with input.parameters as _params
}

test_no_phishing_training_fails if {
	fs := training.cyber_training_missing with input as _input(object.union(_person, {"topics": ["data_protection", "security_awareness"]})) with input.parameters as _params
	count(fs) == 1
	some f in fs
	contains(f.msg, "cover phishing")
}

test_no_topics_recorded_fails if {
	count(training.cyber_training_missing) == 1 with input as _input(object.remove(_person, ["topics"])) with input.parameters as _params
}

test_nobody_listed_fails if {
	empty := {"as_of": "2026-11-01", "evidence": {"training_records": [{"id": "lms", "facts": {"people": []}}]}}
	count(training.training_overdue) == 1 with input as empty with input.parameters as _params
	count(training.cyber_training_missing) == 1 with input as empty with input.parameters as _params
}
