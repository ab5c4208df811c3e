package psn.net_test

import future.keywords.not
import rego.v1

import data.psn.net

_shows := {"psn_connection": true, "organisation_name": true, "creation_date": true, "local_connections": true, "gateways": true, "security_devices": true}

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

_nsc(facts) := {"evidence": {"network_security_config": [{"id": "fw", "facts": object.union({"device": "fw-edge-01", "untrusted_boundary": true, "default_inbound": "deny"}, facts)}]}}

_rule(extra) := object.union({"id": "r1", "direction": "inbound", "source_zone": "untrusted", "destination_zone": "dmz", "action": "allow", "justification": "public website", "approved_by": "CAB"}, extra)

test_boundary_default_deny_with_approved_rules_passes if {
	count(net.boundary_weak) == 0 with input as _nsc({"rules": [_rule({})]})
}

test_boundary_default_allow_fails if {
	fs := net.boundary_weak with input as _nsc({"default_inbound": "allow"})
	count(fs) == 1
	some f in fs
	f.path == "facts.default_inbound"
}

test_boundary_default_unstated_fails if {
	count(net.boundary_weak) == 1 with input as _nsc({"default_inbound": null})
}

test_unapproved_inbound_rule_fails if {
	fs := net.boundary_weak with input as _nsc({"rules": [_rule({"approved_by": ""})]})
	some f in fs
	f.path == "facts.rules[0]"
}

test_inbound_rule_without_zone_is_treated_as_untrusted if {
	count(net.boundary_weak) == 1 with input as _nsc({"rules": [object.remove(_rule({}), ["source_zone", "justification"])]})
}

test_internal_rule_is_not_judged if {
	count(net.boundary_weak) == 0 with input as _nsc({"rules": [_rule({"source_zone": "trusted", "justification": ""})]})
}

test_no_boundary_device_fails if {
	count(net.boundary_weak) == 1 with input as _nsc({"untrusted_boundary": false})
}

test_diagram_without_date_fails if {
	count(net.diagram_inadequate) == 1 with input as {"as_of": "2025-09-30", "evidence": {"network_diagram": [{"id": "nd", "facts": {"shows": _shows}}]}}
}

test_only_the_latest_psn_diagram_is_judged if {
	old := {"id": "nd-old", "facts": {"dated": "2024-01-01", "shows": _shows}}
	new := {"id": "nd-new", "facts": {"dated": "2025-09-01", "shows": _shows}}
	count(net.diagram_inadequate) == 0 with input as {"as_of": "2025-09-30", "evidence": {"network_diagram": [old, new]}}
}

test_diagram_of_other_networks_does_not_count if {
	cde := {"id": "cde", "facts": {"dated": "2025-09-01", "shows": object.remove(_shows, ["psn_connection"])}}
	net.diagram_inadequate == {{"msg": "no network diagram shows the PSN connection", "evidence": "cde", "path": "facts.shows"}} with input as {"as_of": "2025-09-30", "evidence": {"network_diagram": [cde]}}
}

test_undated_diagram_beside_an_older_dated_one_fails if {
	old := {"id": "nd-old", "facts": {"dated": "2025-09-01", "shows": _shows}}
	undated := {"id": "nd-new", "facts": {"shows": _shows}}
	fs := net.diagram_inadequate with input as {"as_of": "2025-09-30", "evidence": {"network_diagram": [old, undated]}}
	count(fs) == 1
	some f in fs
	f.evidence == "nd-new"
}

test_stale_latest_diagram_fails_even_with_older_history if {
	old := {"id": "nd-old", "facts": {"dated": "2024-01-01", "shows": _shows}}
	new := {"id": "nd-new", "facts": {"dated": "2025-03-29", "shows": _shows}}
	fs := net.diagram_inadequate with input as {"as_of": "2025-09-30", "evidence": {"network_diagram": [old, new]}}
	count(fs) == 1
	some f in fs
	f.evidence == "nd-new"
}

test_newer_diagram_missing_content_fails_though_older_is_complete if {
	old := {"id": "nd-old", "facts": {"dated": "2025-08-01", "shows": _shows}}
	new := {"id": "nd-new", "facts": {"dated": "2025-09-01", "shows": object.remove(_shows, ["security_devices"])}}
	fs := net.diagram_inadequate with input as {"as_of": "2025-09-30", "evidence": {"network_diagram": [old, new]}}
	count(fs) == 1
	some f in fs
	contains(f.msg, "nd-new does not show security devices")
}
