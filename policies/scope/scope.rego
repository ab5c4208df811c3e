# Applicability, read from the organisation profile. No defaults: a profile that lacks a
# fact leaves the rule undefined, and the control is an error, never silently out of scope.
package scope

import future.keywords.not
import rego.v1

psn_connected := input.organisation.psn_connected

# PECR regulation 5A (24-hour breach reports): providers of a public electronic
# communications service. Absent from the profile: undefined, so the control is an error.
pecr_provider := input.organisation.pecr_provider if is_boolean(input.organisation.pecr_provider)

# Card payments are in scope for merchants and service providers alike.
pci_in_scope := true in [pci.merchant, pci.service_provider] if {
	pci := input.organisation.pci
	is_boolean(pci.merchant)
	is_boolean(pci.service_provider)
}

# Requirements that apply only to service providers (e.g. 3.6.1.1, 8.2.3, 12.9.1).
pci_service_provider := input.organisation.pci.service_provider

# Card-present payments (POI terminals, 9.5.1.x): a face-to-face channel in the profile's
# pci.channels (contact centre, mail order and e-commerce are card-not-present). No default:
# a profile without pci.channels leaves the rule undefined.
pci_card_present := _both(pci_in_scope, "face_to_face" in channels) if {
	channels := input.organisation.pci.channels
	is_array(channels)
}

# An organisation outside PCI DSS takes no card-present payments, channels stated or not.
pci_card_present := false if pci_in_scope == false

# PCI-10.7.3: service providers from the start of v4.0 (it carries v3.2.1's service-provider
# requirement 10.8.1), every other entity from 31 March 2025. Undefined (an error) when the
# profile or the assessment date is missing.
pci_failure_response_required := false if pci_in_scope == false

pci_failure_response_required := true if {
	pci_in_scope == true
	input.organisation.pci.service_provider == true
}

pci_failure_response_required := substring(input.as_of, 0, 10) >= "2025-03-31" if {
	pci_in_scope == true
	input.organisation.pci.service_provider == false
}

# Appendix A1 and 11.4.7: multi-tenant service providers.
pci_multi_tenant_provider := _both(input.organisation.pci.service_provider, object.get(input.organisation.pci, "multi_tenant_provider", null))

# Appendix A2: POS POI terminals that still use SSL or early TLS.
pci_early_tls_poi := _both(pci_in_scope, object.get(input.organisation.pci, "early_tls_poi", null))

# Appendix A3: designated entities (Designated Entities Supplemental Validation).
pci_designated_entity := _both(pci_in_scope, object.get(input.organisation.pci, "designated_entity", null))

# Issuer-only bullets (e.g. 3.3.3).
pci_issuer := _both(pci_in_scope, object.get(input.organisation.pci, "issuer", null))

_both(a, b) := a == true if {
	is_boolean(a)
	is_boolean(b)
	b == true
}

# Outside the class (no card payments, not a service provider) the flag need not be stated,
# so callers pass an unstated flag as null: false here, undefined (an error) inside the class.
_both(a, _) := false if a == false

_both(a, b) := false if {
	is_boolean(a)
	is_boolean(b)
	b == false
}
