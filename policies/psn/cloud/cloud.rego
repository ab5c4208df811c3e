# PSN cloud services (PSN-GOV-07, PSN-IA-06): each cloud service used from PSN-connected
# infrastructure assessed against all fourteen NCSC cloud security principles, with an
# acceptable outcome (cloud_services).
package psn.cloud

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding

_principles := numbers.range(1, 14)

cloud_unassessed contains finding.of(doc, sprintf("facts.services[%d].principles", [i]), msg) if {
	some doc in input.evidence.cloud_services
	some i, service in doc.facts.services
	missing := [sprintf("%d", [p]) | some p in _principles; not p in object.get(service, "principles", [])]
	count(missing) > 0
	msg := sprintf("%s (%s): the assessment does not cover principle(s) %s", [service.name, service.provider, concat(", ", missing)])
}

cloud_unassessed contains finding.of(doc, sprintf("facts.services[%d].outcome", [i]), msg) if {
	some doc in input.evidence.cloud_services
	some i, service in doc.facts.services
	not object.get(service, "outcome", "") in {"acceptable", "acceptable_with_mitigations"}
	msg := sprintf("%s (%s): assessment outcome is %s", [service.name, service.provider, object.get(service, "outcome", "not recorded")])
}

cloud_unassessed contains finding.of(doc, sprintf("facts.services[%d].assessed", [i]), msg) if {
	some doc in input.evidence.cloud_services
	some i, service in doc.facts.services
	not dates.not_after(service.assessed, input.as_of)
	msg := sprintf("%s: assessment dated %s, after the assessment date", [service.name, service.assessed])
}
