# PSN protective monitoring (PSN-OPS-08, protective_monitoring) and incident reporting
# (PSN-OPS-09 and PSN-COM-04, incident_log). The CoCo's wording for both was not retrievable:
# the source types are those the ITHC guidance puts in the external scope (boundary
# firewalls, remote access, email) plus the directory, where accounts are attacked.
package psn.monitoring

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding

_source_types := {"boundary_firewall", "remote_access", "email_gateway", "directory"}

# PSN-OPS-08: each source type sends its events to the central service, recently, and has an
# alert rule routed to someone who responds.
monitoring_inadequate contains finding.of(doc, "facts.sources", msg) if {
	some doc in input.evidence.protective_monitoring
	some type in _source_types
	not _collected(doc, type)
	msg := sprintf("%s collects no events from any %s", [doc.facts.service, type])
}

monitoring_inadequate contains finding.of(doc, sprintf("facts.sources[%d]", [i]), msg) if {
	some doc in input.evidence.protective_monitoring
	some i, source in doc.facts.sources
	source.collected == true
	not dates.within_days(object.get(source, "last_event", "0000-01-01"), doc.collected, 7)
	msg := sprintf("%s: no event received in the 7 days before %s (last: %s)", [source.name, doc.collected, object.get(source, "last_event", "never")])
}

monitoring_inadequate contains finding.of(doc, "facts.alerts", msg) if {
	some doc in input.evidence.protective_monitoring
	some type in _source_types
	not _alerted(doc, type)
	msg := sprintf("%s has no alert rule on %s events routed to a responder", [doc.facts.service, type])
}

_collected(doc, type) if {
	some source in doc.facts.sources
	source.type == type
	source.collected == true
}

_alerted(doc, type) if {
	some alert in object.get(doc.facts, "alerts", [])
	type in alert.source_types
	trim_space(alert.routed_to) != ""
}

# PSN-OPS-09, PSN-COM-04: every incident affecting PSN-connected infrastructure is reported to
# the PSN team (or the NCSC), not before it was detected; closed incidents record lessons.
incident_not_reported contains finding.of(doc, sprintf("facts.incidents[%d]", [i]), msg) if {
	some doc in input.evidence.incident_log
	some i, incident in doc.facts.incidents
	incident.psn_affected == true
	not is_string(object.get(incident, "reported_to_psn", null))
	msg := sprintf("incident %s (%s) affected the PSN and was not reported to the PSN team", [incident.id, incident.summary])
}

incident_not_reported contains finding.of(doc, sprintf("facts.incidents[%d].reported_to_psn", [i]), msg) if {
	some doc in input.evidence.incident_log
	some i, incident in doc.facts.incidents
	dates.hours_between(incident.detected, incident.reported_to_psn) < 0
	msg := sprintf("incident %s: reported %s, before it was detected %s", [incident.id, incident.reported_to_psn, incident.detected])
}

incident_not_reported contains finding.of(doc, sprintf("facts.incidents[%d].lessons_learned", [i]), msg) if {
	some doc in input.evidence.incident_log
	some i, incident in doc.facts.incidents
	is_string(object.get(incident, "closed", null))
	not trim_space(object.get(incident, "lessons_learned", "")) != ""
	msg := sprintf("incident %s was closed %s without recording lessons learned", [incident.id, incident.closed])
}
