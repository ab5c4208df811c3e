# Protection of audit logs, time settings and anti-malware logs, judged on stated facts of the
# logging platform (logging_config), time synchronisation (time_sync) and endpoint protection
# (endpoint_protection): PCI DSS 10.3.1, 10.3.2, 10.6.3 and 5.3.4.
package pci.logs

import future.keywords.not
import rego.v1

import data.lib.finding

# PCI-10.3.1: read access to audit logs listed by role, each role with its job-related need.
log_read_access_unlimited contains finding.of(doc, "facts.log_read_access", msg) if {
	some doc in input.evidence.logging_config
	count(object.get(doc.facts, "log_read_access", [])) == 0
	msg := sprintf("%s: who can read the audit logs is not recorded", [object.get(doc.facts, "platform", doc.id)])
}

log_read_access_unlimited contains finding.of(doc, sprintf("facts.log_read_access[%d]", [i]), msg) if {
	some doc in input.evidence.logging_config
	some i, entry in object.get(doc.facts, "log_read_access", [])
	lower(trim_space(entry.role)) in {"all staff", "everyone", "all users", "any"}
	msg := sprintf("%s: audit logs readable by %s, not limited to a job-related need", [object.get(doc.facts, "platform", doc.id), entry.role])
}

# PCI-10.3.2: stored audit logs protected from modification.
log_modifiable contains finding.of(doc, "facts.tamper_protection", msg) if {
	some doc in input.evidence.logging_config
	not object.get(doc.facts, "tamper_protection", "none") in {"immutable_storage", "write_once", "hash_chained", "access_controls"}
	msg := sprintf("%s: audit logs are %s", [object.get(doc.facts, "platform", doc.id), _protection(doc.facts)])
}

_protection(facts) := "not protected from modification" if object.get(facts, "tamper_protection", "") == "none"

_protection(facts) := "protected from modification by no stated means" if not is_string(object.get(facts, "tamper_protection", null))

# PCI-10.6.3: time settings changeable only by those with a business need, and changes logged.
time_settings_unprotected contains finding.of(doc, sprintf("facts.%s", [key]), msg) if {
	some doc in input.evidence.time_sync
	some key, what in {"settings_change_restricted": "changes to time settings are not restricted to those with a business need", "changes_logged": "changes to time settings are not logged"}
	not object.get(doc.facts, key, false) == true
	msg := what
}

# PCI-5.3.4: anti-malware audit logs enabled and kept at least 12 months (10.5.1).
antimalware_logs_missing contains finding.of(doc, "facts.audit_logs_enabled", msg) if {
	some doc in input.evidence.endpoint_protection
	not object.get(doc.facts, "audit_logs_enabled", false) == true
	msg := sprintf("%s: audit logs are not recorded as enabled", [object.get(doc.facts, "product", doc.id)])
}

antimalware_logs_missing contains finding.of(doc, "facts.audit_log_retention_months", msg) if {
	some doc in input.evidence.endpoint_protection
	not object.get(doc.facts, "audit_log_retention_months", 0) >= 12
	msg := sprintf("%s: audit logs kept %v months; need 12", [object.get(doc.facts, "product", doc.id), object.get(doc.facts, "audit_log_retention_months", "an unstated number of")])
}

# PCI-4.2.1.1: the inventory of trusted keys and certificates protecting PAN in transit: every
# endpoint that transmits PAN names its certificate's subject, issuer and expiry.
certificate_inventory_incomplete contains finding.of(doc, "facts.certificate", msg) if {
	some doc in input.evidence.tls_config
	object.get(doc.facts, "transmits_pan", true) != false
	absent := [key | some key in ["subject", "issuer", "expires"]; not is_string(object.get(object.get(doc.facts, "certificate", {}), key, null))]
	count(absent) > 0
	msg := sprintf("%s transmits PAN and its certificate's %s is not recorded", [doc.facts.endpoint, concat(", ", absent)])
}

certificate_inventory_incomplete contains "no endpoint that transmits PAN is inventoried (tls_config with transmits_pan)" if {
	count([d | some d in input.evidence.tls_config; object.get(d.facts, "transmits_pan", true) != false]) == 0
}
