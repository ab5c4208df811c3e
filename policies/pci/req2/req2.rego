# PCI DSS v4.0.1 Requirement 2: apply secure configurations to all system components.
# Rules are sets of findings over system_config evidence (one document per component).
# A missing setting is a finding, never a pass.
package pci.req2

import future.keywords.not
import rego.v1

import data.lib.finding
import data.lib.pci_scope

# Protocols accepted for non-console administration: all encrypt the whole session.
encrypted_admin_protocols := {"ssh", "https", "rdp-tls", "winrm-https", "ipsec", "tls"}

# Components in PCI DSS scope: all but those marked `in_cde: false` that the scope inventory
# lists out of scope with an approval that counts (absent, or false unlisted: in scope).
_components contains doc if {
	some doc in input.evidence.system_config
	pci_scope.in_scope(doc.facts, object.get(doc.facts, "system", ""), _listed)
}

# Names listed out of PCI DSS scope with an approval that counts (data.lib.pci_scope), once.
_listed := pci_scope.listed(input.evidence, object.get(input, "as_of", ""))


# PCI-2.2.1: each component is built to a named configuration standard.
config_standard_missing contains finding.of(doc, "facts.config_standard", msg) if {
	some doc in _components
	not count(trim_space(doc.facts.config_standard)) > 0
	msg := sprintf("%s: no configuration (hardening) standard named", [doc.facts.system])
}

# PCI-2.2.2: no vendor default account keeps its default password; absent inventory fails.
vendor_default_password_in_use contains finding.of(doc, "facts.default_accounts", msg) if {
	some doc in _components
	not is_array(object.get(doc.facts, "default_accounts", null))
	msg := sprintf("%s: vendor default accounts not inventoried", [doc.facts.system])
}

vendor_default_password_in_use contains finding.of(doc, sprintf("facts.default_accounts[%d]", [i]), msg) if {
	some doc in _components
	some i, account in doc.facts.default_accounts
	account.status == "vendor_default_password"
	msg := sprintf("%s: vendor default account %s still has its default password; change it or disable the account", [doc.facts.system, account.account])
}

# PCI-2.2.3: one primary function per component, unless differing functions are isolated.
mixed_primary_functions contains finding.of(doc, "facts.primary_functions", msg) if {
	some doc in _components
	not count(doc.facts.primary_functions) > 0
	msg := sprintf("%s: primary function not recorded", [doc.facts.system])
}

mixed_primary_functions contains finding.of(doc, "facts.primary_functions", msg) if {
	some doc in _components
	count(doc.facts.primary_functions) > 1
	not doc.facts.functions_isolated == true
	msg := sprintf("%s: runs %s on one component without isolating them", [doc.facts.system, concat(", ", doc.facts.primary_functions)])
}

# PCI-2.2.4: only necessary services, protocols, daemons and functions are enabled.
unnecessary_services_enabled contains finding.of(doc, "facts.unnecessary_services_enabled", msg) if {
	some doc in _components
	not is_array(object.get(doc.facts, "unnecessary_services_enabled", null))
	msg := sprintf("%s: enabled services not compared with the configuration standard", [doc.facts.system])
}

unnecessary_services_enabled contains finding.of(doc, "facts.unnecessary_services_enabled", msg) if {
	some doc in _components
	count(doc.facts.unnecessary_services_enabled) > 0
	msg := sprintf("%s: unnecessary services enabled: %s", [doc.facts.system, concat(", ", doc.facts.unnecessary_services_enabled)])
}

# PCI-2.2.5: any insecure service in use is justified and has security features defined.
insecure_service_unjustified contains finding.of(doc, "facts.insecure_services", msg) if {
	some doc in _components
	not is_array(object.get(doc.facts, "insecure_services", null))
	msg := sprintf("%s: insecure services in use not recorded", [doc.facts.system])
}

insecure_service_unjustified contains finding.of(doc, sprintf("facts.insecure_services[%d]", [i]), msg) if {
	some doc in _components
	some i, svc in doc.facts.insecure_services
	not _justified(svc)
	msg := sprintf("%s: insecure service %s lacks a business justification or security features", [doc.facts.system, svc.service])
}

_justified(svc) if {
	count(trim_space(svc.justification)) > 0
	count(svc.security_features) > 0
}

# PCI-2.2.7: all non-console administrative access is encrypted.
admin_access_unencrypted contains finding.of(doc, "facts.admin_protocols", msg) if {
	some doc in _components
	not is_array(object.get(doc.facts, "admin_protocols", null))
	msg := sprintf("%s: non-console administration protocols not recorded", [doc.facts.system])
}

admin_access_unencrypted contains finding.of(doc, sprintf("facts.admin_protocols[%d]", [i]), msg) if {
	some doc in _components
	some i, protocol in doc.facts.admin_protocols
	not lower(protocol) in encrypted_admin_protocols
	msg := sprintf("%s: administered over %s, which is not strongly encrypted", [doc.facts.system, protocol])
}
