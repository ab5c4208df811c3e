package psn.monitoring_test

import future.keywords.not
import rego.v1

import data.psn.monitoring

_types := ["boundary_firewall", "remote_access", "email_gateway", "directory"]

_pm(sources, alerts) := {"evidence": {"protective_monitoring": [{"id": "pm", "collected": "2026-10-31", "facts": {"service": "SOC", "retention_days": 365, "sources": sources, "alerts": alerts}}]}}

_sources := [{"name": t, "type": t, "collected": true, "last_event": "2026-10-30"} | some t in _types]

_alerts := [{"name": "all", "source_types": _types, "routed_to": "SOC on-call"}]

test_every_source_collected_and_alerted_passes if {
	count(monitoring.monitoring_inadequate) == 0 with input as _pm(_sources, _alerts)
}

test_missing_source_type_fails if {
	fs := monitoring.monitoring_inadequate with input as _pm(array.slice(_sources, 0, 3), _alerts)
	[f.msg | some f in fs] == ["SOC collects no events from any directory"]
}

test_source_silent_for_eight_days_fails if {
	quiet := array.concat(array.slice(_sources, 0, 3), [{"name": "ad", "type": "directory", "collected": true, "last_event": "2026-10-23"}])
	count(monitoring.monitoring_inadequate) == 1 with input as _pm(quiet, _alerts)
	recent := array.concat(array.slice(_sources, 0, 3), [{"name": "ad", "type": "directory", "collected": true, "last_event": "2026-10-24"}])
	count(monitoring.monitoring_inadequate) == 0 with input as _pm(recent, _alerts)
}

test_no_alert_rule_for_a_type_fails if {
	count(monitoring.monitoring_inadequate) == 4 with input as _pm(_sources, [])
}

_incident := {"id": "INC-1", "summary": "Phish", "detected": "2026-06-03T09:15:00Z", "psn_affected": true, "reported_to_psn": "2026-06-03T15:00:00Z", "closed": "2026-06-10", "lessons_learned": "Legacy protocol gap"}

_log(i) := {"evidence": {"incident_log": [{"id": "il", "facts": {"incidents": [i]}}]}}

test_reported_incident_with_lessons_passes if {
	count(monitoring.incident_not_reported) == 0 with input as _log(_incident)
	count(monitoring.incident_not_reported) == 0 with input as _log(object.remove(object.union(_incident, {"psn_affected": false}), ["reported_to_psn"]))
}

test_unreported_psn_incident_fails if {
	count(monitoring.incident_not_reported) == 1 with input as _log(object.remove(_incident, ["reported_to_psn"]))
}

test_report_before_detection_fails if {
	count(monitoring.incident_not_reported) == 1 with input as _log(object.union(_incident, {"reported_to_psn": "2026-06-03T09:00:00Z"}))
}

test_closed_without_lessons_fails if {
	count(monitoring.incident_not_reported) == 1 with input as _log(object.remove(_incident, ["lessons_learned"]))
}
