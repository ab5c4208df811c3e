# PCI-12.10.6: the incident response plan is updated with the lessons of each closed incident
# (incident_log): lessons recorded, and the plan updated on or after the incident closed.
package pci.incidents

import future.keywords.not
import rego.v1

import data.lib.finding

plan_not_updated contains finding.of(doc, sprintf("facts.incidents[%d]", [i]), msg) if {
	some doc in input.evidence.incident_log
	some i, incident in doc.facts.incidents
	is_string(object.get(incident, "closed", null))
	not trim_space(object.get(incident, "lessons_learned", "")) != ""
	msg := sprintf("incident %s closed %s records no lessons learned", [incident.id, incident.closed])
}

plan_not_updated contains finding.of(doc, sprintf("facts.incidents[%d].plan_updated", [i]), msg) if {
	some doc in input.evidence.incident_log
	some i, incident in doc.facts.incidents
	is_string(object.get(incident, "closed", null))
	not object.get(incident, "plan_updated", "") >= incident.closed
	msg := sprintf("incident %s closed %s: the incident response plan was not updated with its lessons afterwards", [incident.id, incident.closed])
}
