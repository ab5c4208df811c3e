package pci.req1_test

import future.keywords.not
import rego.v1

import data.pci.req1

_rule := {
	"id": "r1", "direction": "inbound", "source_zone": "untrusted", "destination_zone": "dmz",
	"ports": "443", "service": "https", "action": "allow",
	"justification": "public payment page", "approved_by": "CAB",
}

_nsc := {
	"device": "fw-edge", "protects_cde": true, "untrusted_boundary": true, "separates_wireless": false,
	"default_inbound": "deny", "default_outbound": "deny", "stateful": true, "anti_spoofing": true,
	"config_access_restricted": true, "running_matches_stored": true, "last_reviewed": "2026-05-01",
	"rules": [_rule],
}

_in(facts) := {"as_of": "2026-11-01", "evidence": {"network_security_config": [{"id": "nsc-1", "facts": facts}]}}

_with_rule(changes) := object.union(_nsc, {"rules": [object.union(_rule, changes)]})

_diagram(shows) := {"evidence": {"network_diagram": [{"id": "nd-1", "facts": {"dated": "2026-01-01", "shows": shows}}]}}

test_good_nsc_has_no_findings if {
	count(req1.rule_not_justified) == 0 with input as _in(_nsc)
	count(req1.insecure_service_unprotected) == 0 with input as _in(_nsc)
	count(req1.nsc_review_overdue) == 0 with input as _in(_nsc)
	count(req1.nsc_config_unsecured) == 0 with input as _in(_nsc)
	count(req1.cde_inbound_not_denied) == 0 with input as _in(_nsc)
	count(req1.cde_outbound_not_denied) == 0 with input as _in(_nsc)
	count(req1.wireless_not_denied) == 0 with input as _in(_nsc)
	count(req1.untrusted_inbound_too_broad) == 0 with input as _in(_nsc)
	count(req1.anti_spoofing_missing) == 0 with input as _in(_nsc)
}

test_diagram_with_cde_wireless_and_flows_passes if {
	shows := {"cde_boundary": true, "wireless_networks": true, "account_data_flows": true}
	count(req1.network_diagram_incomplete) == 0 with input as _diagram(shows)
	count(req1.data_flow_diagram_missing) == 0 with input as _diagram(shows)
}

test_diagram_without_cde_or_wireless_or_flows_fails if {
	count(req1.network_diagram_incomplete) == 2 with input as _diagram({"gateways": true})
	count(req1.data_flow_diagram_missing) == 1 with input as _diagram({"account_data_flows": false})
}

test_cde_diagram_lacking_flows_is_named if {
	fs := req1.data_flow_diagram_missing with input as _diagram({"cde_boundary": true, "wireless_networks": true})
	some f in fs
	f.evidence == "nd-1"
	f.path == "facts.shows.account_data_flows"
	count(req1.network_diagram_incomplete) == 1 with input as _diagram({"cde_boundary": true})
}

test_no_diagram_at_all_fails if {
	inp := {"evidence": {"network_diagram": [{"id": "nd", "facts": {"dated": "2026-01-01", "shows": {}}}]}}
	count(req1.network_diagram_incomplete) == 2 with input as inp
	count(req1.data_flow_diagram_missing) == 1 with input as inp
	found1 := req1.network_diagram_incomplete with input as inp
	every f in found1 {
		f.evidence == "nd"
	}
}

test_rule_without_justification_fails if {
	count(req1.rule_not_justified) == 1 with input as _in(_with_rule({"justification": " "}))
	count(req1.rule_not_justified) == 1 with input as _in(object.union(_nsc, {"rules": [object.remove(_rule, ["approved_by"])]}))
}

test_deny_rule_needs_no_justification if {
	count(req1.rule_not_justified) == 0 with input as _in(object.union(_nsc, {"rules": [{"id": "r9", "action": "deny"}]}))
}

test_insecure_service_needs_security_features if {
	count(req1.insecure_service_unprotected) == 1 with input as _in(_with_rule({"service": "FTP"}))
	count(req1.insecure_service_unprotected) == 0 with input as _in(_with_rule({"service": "ftp", "security_features": ["IPsec tunnel"]}))
}

test_rule_without_service_fails if {
	count(req1.insecure_service_unprotected) == 1 with input as _in(object.union(_nsc, {"rules": [object.remove(_rule, ["service"])]}))
}

test_review_six_months_ago_passes_a_day_more_fails if {
	count(req1.nsc_review_overdue) == 0 with input as _in(object.union(_nsc, {"last_reviewed": "2026-05-01"}))
	count(req1.nsc_review_overdue) == 1 with input as _in(object.union(_nsc, {"last_reviewed": "2026-04-30"}))
}

test_missing_review_fails if {
	count(req1.nsc_review_overdue) == 1 with input as _in(object.remove(_nsc, ["last_reviewed"]))
}

test_config_drift_or_unprotected_fails if {
	count(req1.nsc_config_unsecured) == 1 with input as _in(object.union(_nsc, {"running_matches_stored": false}))
	count(req1.nsc_config_unsecured) == 2 with input as _in(object.remove(_nsc, ["config_access_restricted", "running_matches_stored"]))
}

test_default_allow_fails if {
	count(req1.cde_inbound_not_denied) == 1 with input as _in(object.union(_nsc, {"default_inbound": "allow"}))
	count(req1.cde_outbound_not_denied) == 1 with input as _in(object.union(_nsc, {"default_outbound": "allow"}))
}

test_missing_defaults_fail if {
	count(req1.cde_inbound_not_denied) == 1 with input as _in(object.remove(_nsc, ["default_inbound"]))
	count(req1.cde_outbound_not_denied) == 1 with input as _in(object.remove(_nsc, ["default_outbound"]))
}

test_non_cde_nsc_defaults_not_judged if {
	count(req1.cde_inbound_not_denied) == 0 with input as _in(object.union(_nsc, {"protects_cde": false, "default_inbound": "allow"}))
}

test_wireless_nsc_must_deny_by_default if {
	count(req1.wireless_not_denied) == 0 with input as _in(object.union(_nsc, {"separates_wireless": true, "wireless_default": "deny"}))
	count(req1.wireless_not_denied) == 1 with input as _in(object.union(_nsc, {"separates_wireless": true, "wireless_default": "allow"}))
	count(req1.wireless_not_denied) == 1 with input as _in(object.union(_nsc, {"separates_wireless": true}))
}

test_wireless_role_unstated_fails if {
	count(req1.wireless_not_denied) == 1 with input as _in(object.remove(_nsc, ["separates_wireless"]))
}

test_untrusted_traffic_to_cde_fails if {
	count(req1.untrusted_inbound_too_broad) == 1 with input as _in(_with_rule({"destination_zone": "cde"}))
	count(req1.untrusted_inbound_too_broad) == 1 with input as _in(object.union(_nsc, {"rules": [object.remove(_rule, ["destination_zone"])]}))
}

test_rule_with_unstated_source_zone_is_judged_as_untrusted if {
	inp := _in(object.union(_nsc, {"rules": [object.union(object.remove(_rule, ["source_zone"]), {"destination_zone": "cde"})]}))
	count(req1.untrusted_inbound_too_broad) == 1 with input as inp
	count(req1.untrusted_inbound_too_broad) == 0 with input as _in(_with_rule({"source_zone": "trusted", "destination_zone": "cde"}))
}

test_stateless_boundary_fails if {
	count(req1.untrusted_inbound_too_broad) == 1 with input as _in(object.union(_nsc, {"stateful": false}))
	count(req1.untrusted_inbound_too_broad) == 0 with input as _in(object.union(_nsc, {"stateful": false, "untrusted_boundary": false}))
}

test_anti_spoofing_missing_fails if {
	count(req1.anti_spoofing_missing) == 1 with input as _in(object.remove(_nsc, ["anti_spoofing"]))
	count(req1.anti_spoofing_missing) == 0 with input as _in(object.union(_nsc, {"anti_spoofing": false, "untrusted_boundary": false}))
}

_store(facts) := {"evidence": {"cardholder_data_store": [{"id": "s1", "facts": object.union({"store": "db"}, facts)}]}}

test_chd_store_reachability if {
	count(req1.chd_store_exposed) == 0 with input as _store({"reachable_from_untrusted": false})
	count(req1.chd_store_exposed) == 1 with input as _store({"reachable_from_untrusted": true})
	count(req1.chd_store_exposed) == 1 with input as _store({})
}
