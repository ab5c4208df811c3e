# Applicability, read from the organisation profile. No defaults: a profile that lacks a
# fact leaves the rule undefined, and the control is an error, never silently out of scope.
package scope

import rego.v1

psn_connected := input.organisation.psn_connected

# Card payments are in scope for merchants and service providers alike.
pci_in_scope := true in [pci.merchant, pci.service_provider] if {
	pci := input.organisation.pci
	is_boolean(pci.merchant)
	is_boolean(pci.service_provider)
}

service_provider := input.organisation.pci.service_provider
