# PSN connection: network (project ids PSN-NET-*).
package psn.net

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.anchor
import data.lib.finding

_required_content := ["organisation_name", "creation_date", "local_connections", "gateways", "security_devices"]

# PSN-NET-01: the latest diagram of the PSN-connected infrastructure (one that shows the PSN
# connection) is under six months old and shows the organisation, its date, local
# connections, gateways and security devices. Older diagrams may be kept as history: the
# newest one is what the PSN submission carries, and it must meet the bar on its own.
diagram_inadequate contains finding.of(doc, "facts.shows", msg) if {
	count(_psn_diagrams) == 0
	doc := anchor.latest(input.evidence.network_diagram)
	msg := "no network diagram shows the PSN connection"
}

diagram_inadequate contains finding.of(doc, "facts.dated", msg) if {
	doc := _latest_diagram
	is_string(doc.facts.dated)
	not dates.within_months(doc.facts.dated, input.as_of, 6)
	msg := sprintf("network diagram %s dated %s is %s", [doc.id, doc.facts.dated, dates.months_gap(doc.facts.dated, input.as_of, 6)])
}

# An undated diagram may be the newest: it is a finding, never passed over for an older one.
diagram_inadequate contains finding.of(doc, "facts.dated", msg) if {
	some doc in _psn_diagrams
	not is_string(object.get(doc.facts, "dated", null))
	msg := sprintf("network diagram %s has no date", [doc.id])
}

diagram_inadequate contains finding.of(doc, "facts.shows", msg) if {
	doc := _latest_diagram
	some item in _required_content
	not doc.facts.shows[item] == true
	msg := sprintf("network diagram %s does not show %s", [doc.id, replace(item, "_", " ")])
}

_psn_diagrams contains doc if {
	some doc in input.evidence.network_diagram
	doc.facts.shows.psn_connection == true
}

_latest_diagram := doc if {
	latest := max({[object.get(d.facts, "dated", ""), d.id] | some d in _psn_diagrams})
	some doc in _psn_diagrams
	[object.get(doc.facts, "dated", ""), doc.id] == latest
}

# PSN-NET-02: boundary firewalls deny inbound by default; each inbound opening from an
# untrusted network has a business reason and an approver.
boundary_weak contains finding.of(doc, "facts", msg) if {
	count([d | some d in input.evidence.network_security_config; d.facts.untrusted_boundary == true]) == 0
	doc := anchor.latest(input.evidence.network_security_config)
	msg := "no firewall or gateway at the boundary with untrusted networks is evidenced"
}

boundary_weak contains finding.of(doc, "facts.default_inbound", msg) if {
	some doc in _boundary_devices
	not doc.facts.default_inbound == "deny"
	msg := sprintf("%s: default inbound action is %v; must deny", [doc.facts.device, object.get(doc.facts, "default_inbound", "not stated")])
}

boundary_weak contains finding.of(doc, sprintf("facts.rules[%d]", [i]), msg) if {
	some doc in _boundary_devices
	some i, rule in doc.facts.rules
	rule.direction == "inbound"
	rule.action == "allow"
	not object.get(rule, "source_zone", "untrusted") in _inside_zones
	not _approved(rule)
	msg := sprintf("%s: inbound rule %s from an untrusted network lacks a business reason or approver", [doc.facts.device, rule.id])
}

_boundary_devices contains doc if {
	some doc in input.evidence.network_security_config
	doc.facts.untrusted_boundary == true
}

_inside_zones := {"dmz", "trusted", "cde", "wireless"}

_approved(rule) if {
	trim_space(rule.justification) != ""
	trim_space(rule.approved_by) != ""
}
