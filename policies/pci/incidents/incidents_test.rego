package pci.incidents_test

import future.keywords.not
import rego.v1

import data.pci.incidents

_incident := {"id": "INC-1", "summary": "Phish", "detected": "2026-06-03T09:15:00Z", "psn_affected": false, "closed": "2026-06-10", "lessons_learned": "Gap", "plan_updated": "2026-06-10"}

_log(i) := {"evidence": {"incident_log": [{"id": "il", "facts": {"incidents": [i]}}]}}

test_plan_updated_on_closing_day_passes if {
	count(incidents.plan_not_updated) == 0 with input as _log(_incident)
}

test_plan_updated_before_closing_or_never_fails if {
	count(incidents.plan_not_updated) == 1 with input as _log(object.union(_incident, {"plan_updated": "2026-06-09"}))
	count(incidents.plan_not_updated) == 1 with input as _log(object.remove(_incident, ["plan_updated"]))
}

test_no_lessons_fails if {
	count(incidents.plan_not_updated) == 1 with input as _log(object.remove(_incident, ["lessons_learned"]))
}

test_open_incident_is_not_yet_judged if {
	count(incidents.plan_not_updated) == 0 with input as _log(object.remove(_incident, ["closed", "plan_updated", "lessons_learned"]))
}
