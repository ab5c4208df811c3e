package caf.facts_test

import future.keywords.not
import rego.v1

import data.caf.facts
import data.pci.incidents
import data.pci.req10

_f := {"msg": "x", "evidence": "e", "path": "facts"}

_dpo := {"name": "T. Quiverful", "post": "IG Manager", "appointed": "2024-06-01", "reports_to_highest_management": true, "other_roles": []}

_roles(facts) := {"evidence": {"governance_roles": [{"id": "gr", "facts": facts}]}}

_iaos := [{"name": "E. Bold", "post": "Head of Revenues", "appointed": "2024-07-01"}]

test_missing_siro_rules_out_partially_achieved if {
	fs := facts.roles_and_responsibilities with input as _roles({"dpo": _dpo, "information_asset_owners": _iaos})
	[f.denies | some f in fs] == ["partially_achieved"]
}

test_dpo_not_independent_rules_out_achieved_only if {
	siro := {"name": "M. Proudie", "post": "Executive Director", "appointed": "2024-01-01"}
	fs := facts.roles_and_responsibilities with input as _roles({"siro": siro, "dpo": object.union(_dpo, {"reports_to_highest_management": false}), "information_asset_owners": _iaos})
	[f.denies | some f in fs] == ["achieved"]
	count(facts.roles_and_responsibilities) == 0 with input as _roles({"siro": siro, "dpo": _dpo, "information_asset_owners": _iaos})
}

test_clean_facts_rule_out_nothing if {
	count(facts.incident_improvement) == 0 with incidents.plan_not_updated as set()
}

test_unaddressed_exceptions_and_missed_days_split_by_level if {
	got := facts.alert_triage with req10.log_exceptions_unaddressed as {_f}
		with req10.critical_log_review_not_daily as {"a day missed"}
	got == {object.union(_f, {"denies": "partially_achieved"}), {"msg": "a day missed", "denies": "achieved"}}
}

test_evidence_drives_the_level_end_to_end if {
	inp := {"evidence": {"incident_log": [{"id": "il", "facts": {"incidents": [{"id": "I1", "summary": "s", "detected": "2026-01-01T00:00:00Z", "psn_affected": false, "closed": "2026-01-05", "lessons_learned": "l"}]}}]}}
	fs := facts.incident_improvement with input as inp
	[f.denies | some f in fs] == ["achieved"]
}
