# PSN connection: network (project ids PSN-NET-*).
package psn.net

import rego.v1

import data.lib.dates
import data.lib.finding

_required_content := ["organisation_name", "creation_date", "local_connections", "gateways", "security_devices"]

# PSN-NET-01: a network diagram under six months old showing the organisation, its date,
# local connections, gateways and security devices.
diagram_inadequate contains finding.of(doc, "facts.dated", msg) if {
	some doc in input.evidence.network_diagram
	not dates.within_months(doc.facts.dated, input.as_of, 6)
	msg := sprintf("network diagram dated %s is more than six months before %s", [doc.facts.dated, input.as_of])
}

diagram_inadequate contains finding.of(doc, "facts.shows", msg) if {
	some doc in input.evidence.network_diagram
	some item in _required_content
	not doc.facts.shows[item] == true
	msg := sprintf("network diagram does not show %s", [replace(item, "_", " ")])
}
