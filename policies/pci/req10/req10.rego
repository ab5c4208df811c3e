# PCI DSS v4.0.1 Requirement 10: log and monitor all access.
package pci.req10

import rego.v1

import data.lib.finding

# PCI-10.5.1: audit logs kept at least 12 months, the latest 3 immediately available.
log_retention_too_short contains finding.of(doc, "facts.retention_months", msg) if {
	some doc in input.evidence.logging_config
	doc.facts.retention_months < 12
	msg := sprintf("audit logs kept %d months; need at least 12", [doc.facts.retention_months])
}

log_retention_too_short contains finding.of(doc, "facts.immediately_available_months", msg) if {
	some doc in input.evidence.logging_config
	doc.facts.immediately_available_months < 3
	msg := sprintf("%d months of audit logs immediately available; need at least 3", [doc.facts.immediately_available_months])
}
