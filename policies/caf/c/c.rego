# CAF objective C outcomes decided by evidence (logging configuration, as judged for PCI DSS
# requirement 10, whatever the PCI scope).
package caf.c

import future.keywords.not
import rego.v1

import data.lib.level
import data.pci.req10

# CAF-C1.a: systems with logging off rule out Partially achieved; missing event types rule
# out Achieved (only the event types every system has; card-data access is PCI-only).
logging_sources contains level.denies(f, "partially_achieved") if {
	some f in req10.logging_not_enabled
}

logging_sources contains level.denies(f, "achieved") if {
	some f in req10.admin_actions_not_logged
}
