package dh.retention_test

import future.keywords.not
import rego.v1

import data.dh.retention

# The project parameters (controls/parameters.yaml) at their default values.
_params := {
	"psn_patch_days": 14, "psn_cvss_versions": ["3.0", "3.1", "4.0"],
	"dh_asset_register_review_months": 6, "dh_retention_review_months": 12,
	"dh_training_refresher_months": 12, "dh_processor_assurance_months": 12,
	"dh_breach_individuals_notice_hours": 72,
}


_category := {"category": "Council tax accounts", "retention_period": "6 years", "trigger": "account closure", "disposal_action": "destroy", "owner": "Head of Revenues"}

_input(reviewed, categories) := {"as_of": "2026-11-01", "evidence": {"retention_schedule": [{"id": "rs", "facts": {"reviewed": reviewed, "categories": categories}}]}}

test_schedule_reviewed_twelve_months_ago_passes if {
	count(retention.schedule_inadequate) == 0 with input as _input("2025-11-01", [_category]) with input.parameters as _params
}

test_schedule_reviewed_a_day_earlier_fails if {
	count(retention.schedule_inadequate) == 1 with input as _input("2025-10-31", [_category]) with input.parameters as _params
}

test_category_without_period_fails if {
	fs := retention.schedule_inadequate with input as _input("2026-04-01", [object.remove(_category, ["retention_period", "owner"])]) with input.parameters as _params
	count(fs) == 1
	some f in fs
	contains(f.msg, "retention_period, owner")
}

test_empty_schedule_fails if {
	count(retention.schedule_inadequate) == 1 with input as _input("2026-04-01", []) with input.parameters as _params
}
