# PSN-NET-03: PSN-connected infrastructure segregated from other networks (network_segregation):
# a PSN zone exists, every flow into or out of it passes a named enforcement point that denies
# by default, and any infrastructure it shares with non-PSN zones is justified.
package psn.segregation

import future.keywords.not
import rego.v1

import data.lib.finding

psn_not_segregated contains finding.of(doc, "facts.zones", "no zone is marked as PSN-connected") if {
	some doc in input.evidence.network_segregation
	count([z | some z in doc.facts.zones; z.psn == true]) == 0
}

psn_not_segregated contains finding.of(doc, sprintf("facts.flows[%d]", [i]), msg) if {
	some doc in input.evidence.network_segregation
	some i, flow in doc.facts.flows
	_crosses_psn(doc, flow)
	not _enforced(flow)
	msg := sprintf("flow %s to %s crosses the PSN boundary without a named enforcement point that denies by default", [flow.from, flow.to])
}

psn_not_segregated contains finding.of(doc, sprintf("facts.zones[%d]", [i]), msg) if {
	some doc in input.evidence.network_segregation
	some i, zone in doc.facts.zones
	zone.psn == true
	not is_boolean(object.get(zone, "shared_with_non_psn", null))
	msg := sprintf("PSN zone %s: whether it shares infrastructure with non-PSN zones is not recorded", [zone.name])
}

psn_not_segregated contains finding.of(doc, sprintf("facts.zones[%d].shared_justification", [i]), msg) if {
	some doc in input.evidence.network_segregation
	some i, zone in doc.facts.zones
	zone.psn == true
	object.get(zone, "shared_with_non_psn", false) == true
	not trim_space(object.get(zone, "shared_justification", "")) != ""
	msg := sprintf("PSN zone %s shares infrastructure with non-PSN zones without a recorded justification", [zone.name])
}

_psn_zone(doc, name) if {
	some zone in doc.facts.zones
	zone.name == name
	zone.psn == true
}

_crosses_psn(doc, flow) if {
	_psn_zone(doc, flow.from)
	not _psn_zone(doc, flow.to)
}

_crosses_psn(doc, flow) if {
	_psn_zone(doc, flow.to)
	not _psn_zone(doc, flow.from)
}

_enforced(flow) if {
	trim_space(flow.enforced_by) != ""
	flow.default_deny == true
}
