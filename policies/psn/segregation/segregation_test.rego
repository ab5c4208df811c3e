package psn.segregation_test

import future.keywords.not
import rego.v1

import data.psn.segregation

_zones := [{"name": "PSN", "psn": true, "shared_with_non_psn": false}, {"name": "Corp", "psn": false}]

_net(zones, flows) := {"evidence": {"network_segregation": [{"id": "ns", "facts": {"zones": zones, "flows": flows}}]}}

test_enforced_default_deny_flow_passes if {
	count(segregation.psn_not_segregated) == 0 with input as _net(_zones, [{"from": "Corp", "to": "PSN", "enforced_by": "fw", "default_deny": true}])
}

test_open_flow_into_psn_fails if {
	fs := segregation.psn_not_segregated with input as _net(_zones, [{"from": "Corp", "to": "PSN", "enforced_by": "fw", "default_deny": false}])
	[f.msg | some f in fs] == ["flow Corp to PSN crosses the PSN boundary without a named enforcement point that denies by default"]
}

test_flow_between_non_psn_zones_is_not_judged if {
	count(segregation.psn_not_segregated) == 0 with input as _net(array.concat(_zones, [{"name": "Guest", "psn": false}]), [{"from": "Corp", "to": "Guest", "enforced_by": "", "default_deny": false}])
}

test_no_psn_zone_fails if {
	count(segregation.psn_not_segregated) == 1 with input as _net([{"name": "Corp", "psn": false}], [])
}

test_shared_infrastructure_needs_justification if {
	shared := [{"name": "PSN", "psn": true, "shared_with_non_psn": true}, {"name": "Corp", "psn": false}]
	count(segregation.psn_not_segregated) == 1 with input as _net(shared, [])
	justified := [{"name": "PSN", "psn": true, "shared_with_non_psn": true, "shared_justification": "Separate VRF and firewall contexts"}]
	count(segregation.psn_not_segregated) == 0 with input as _net(justified, [])
	count(segregation.psn_not_segregated) == 1 with input as _net([{"name": "PSN", "psn": true}], [])
}
