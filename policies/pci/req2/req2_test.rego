package pci.req2_test

import future.keywords.not
import rego.v1

import data.pci.req2

_sys := {
	"system": "pay-web-01", "in_cde": true, "config_standard": "CIS Ubuntu 22.04 L1",
	"primary_functions": ["web"], "default_accounts": [{"account": "admin", "status": "disabled"}],
	"unnecessary_services_enabled": [], "insecure_services": [], "admin_protocols": ["ssh"],
}

_in(facts) := {"evidence": {"system_config": [{"id": "sc-1", "facts": facts}]}}

_without(key) := _in(object.remove(_sys, [key]))

_with(changes) := _in(object.union(_sys, changes))

test_hardened_system_has_no_findings if {
	count(req2.config_standard_missing) == 0 with input as _in(_sys)
	count(req2.vendor_default_password_in_use) == 0 with input as _in(_sys)
	count(req2.mixed_primary_functions) == 0 with input as _in(_sys)
	count(req2.unnecessary_services_enabled) == 0 with input as _in(_sys)
	count(req2.insecure_service_unjustified) == 0 with input as _in(_sys)
	count(req2.admin_access_unencrypted) == 0 with input as _in(_sys)
}

test_missing_facts_fail if {
	count(req2.config_standard_missing) == 1 with input as _without("config_standard")
	count(req2.vendor_default_password_in_use) == 1 with input as _without("default_accounts")
	count(req2.mixed_primary_functions) == 1 with input as _without("primary_functions")
	count(req2.unnecessary_services_enabled) == 1 with input as _without("unnecessary_services_enabled")
	count(req2.insecure_service_unjustified) == 1 with input as _without("insecure_services")
	count(req2.admin_access_unencrypted) == 1 with input as _without("admin_protocols")
}

test_default_password_fails_changed_passes if {
	count(req2.vendor_default_password_in_use) == 1 with input as _with({"default_accounts": [{"account": "admin", "status": "vendor_default_password"}]})
	count(req2.vendor_default_password_in_use) == 0 with input as _with({"default_accounts": [{"account": "admin", "status": "password_changed"}]})
}

test_two_functions_fail_unless_isolated if {
	count(req2.mixed_primary_functions) == 1 with input as _with({"primary_functions": ["web", "database"]})
	count(req2.mixed_primary_functions) == 0 with input as _with({"primary_functions": ["web", "database"], "functions_isolated": true})
}

test_unnecessary_service_fails if {
	count(req2.unnecessary_services_enabled) == 1 with input as _with({"unnecessary_services_enabled": ["cups"]})
}

test_insecure_service_needs_justification_and_features if {
	count(req2.insecure_service_unjustified) == 1 with input as _with({"insecure_services": [{"service": "ftp", "justification": "legacy feed"}]})
	count(req2.insecure_service_unjustified) == 0 with input as _with({"insecure_services": [{"service": "ftp", "justification": "legacy feed", "security_features": ["IPsec"]}]})
}

test_telnet_admin_fails_https_passes if {
	count(req2.admin_access_unencrypted) == 1 with input as _with({"admin_protocols": ["ssh", "Telnet"]})
	count(req2.admin_access_unencrypted) == 0 with input as _with({"admin_protocols": ["HTTPS", "ssh"]})
}

# A component marked in_cde: false and listed out of scope (approved) is not judged;
# absent in_cde, or false without the listing, is judged.
_out(facts) := object.union(_in(facts), {"as_of": "2026-11-01", "evidence": {"pci_scope": _listed("lib-kiosk")}})

_listed(name) := [{"id": "scope", "facts": {"confirmations": [], "out_of_scope": [{"name": name, "reason": "No route to the CDE (segmentation test ST-4)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}]}}]

test_component_outside_cde_is_not_judged if {
	bare := {"system": "lib-kiosk", "in_cde": false}
	count(req2.config_standard_missing) == 0 with input as _out(bare)
	count(req2.vendor_default_password_in_use) == 0 with input as _out(bare)
	count(req2.mixed_primary_functions) == 0 with input as _out(bare)
	count(req2.unnecessary_services_enabled) == 0 with input as _out(bare)
	count(req2.insecure_service_unjustified) == 0 with input as _out(bare)
	count(req2.admin_access_unencrypted) == 0 with input as _out(bare)
	count(req2.config_standard_missing) == 1 with input as _out(object.remove(bare, ["in_cde"]))
	count(req2.admin_access_unencrypted) == 1 with input as _out({"system": "lib-kiosk", "in_cde": true})
}

test_component_marked_outside_cde_but_not_listed_is_judged if {
	count(req2.config_standard_missing) == 1 with input as object.union(_in({"system": "lib-kiosk", "in_cde": false}), {"as_of": "2026-11-01"})
}
