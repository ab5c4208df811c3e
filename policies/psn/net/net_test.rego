package psn.net_test

import rego.v1

import data.psn.net

_shows := {"organisation_name": true, "creation_date": true, "local_connections": true, "gateways": true, "security_devices": true}

_input(dated, shows) := {"as_of": "2025-09-30", "evidence": {"network_diagram": [{"id": "nd", "facts": {"dated": dated, "shows": shows}}]}}

test_diagram_six_months_old_passes if {
	count(net.diagram_inadequate) == 0 with input as _input("2025-03-30", _shows)
}

test_diagram_over_six_months_old_fails if {
	count(net.diagram_inadequate) == 1 with input as _input("2025-03-29", _shows)
}

test_diagram_without_gateways_fails if {
	count(net.diagram_inadequate) == 1 with input as _input("2025-09-01", object.remove(_shows, ["gateways"]))
}
