package scope_test

import rego.v1

import data.scope

_org(merchant, sp) := {"organisation": {"psn_connected": true, "pci": {"merchant": merchant, "service_provider": sp}}}

test_merchant_is_in_pci_scope if {
	scope.pci_in_scope with input as _org(true, false)
}

test_service_provider_is_in_pci_scope if {
	scope.pci_in_scope with input as _org(false, true)
}

test_neither_is_out_of_pci_scope if {
	scope.pci_in_scope == false with input as _org(false, false)
}

test_missing_profile_leaves_scope_undefined if {
	not scope.pci_in_scope with input as {"organisation": {}}
	not scope.psn_connected with input as {"organisation": {}}
}
