package dh.retention_test

import future.keywords.not
import rego.v1

import data.dh.retention

_category := {"category": "Council tax accounts", "retention_period": "6 years", "trigger": "account closure", "disposal_action": "destroy", "owner": "Head of Revenues"}

_input(reviewed, categories) := {"as_of": "2026-11-01", "evidence": {"retention_schedule": [{"id": "rs", "facts": {"reviewed": reviewed, "categories": categories}}]}}

test_schedule_reviewed_twelve_months_ago_passes if {
	count(retention.schedule_inadequate) == 0 with input as _input("2025-11-01", [_category])
}

test_schedule_reviewed_a_day_earlier_fails if {
	count(retention.schedule_inadequate) == 1 with input as _input("2025-10-31", [_category])
}

test_category_without_period_fails if {
	fs := retention.schedule_inadequate with input as _input("2026-04-01", [object.remove(_category, ["retention_period", "owner"])])
	count(fs) == 1
	some f in fs
	contains(f.msg, "retention_period, owner")
}

test_empty_schedule_fails if {
	count(retention.schedule_inadequate) == 1 with input as _input("2026-04-01", [])
}
