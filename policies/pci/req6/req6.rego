# PCI DSS v4.0.1 Requirement 6: develop and maintain secure systems and software.
package pci.req6

import rego.v1

import data.lib.dates
import data.lib.finding

# PCI-6.3.3: critical security patches installed within one month of release.
critical_patch_late contains finding.of(doc, path, msg) if {
	some doc in input.evidence.patch_status
	some h, host in doc.facts.hosts
	some p, patch in host.patches
	patch.severity == "critical"
	done := object.get(patch, "installed", input.as_of)
	done > dates.add_months(patch.released, 1)
	path := sprintf("facts.hosts[%d].patches[%d]", [h, p])
	msg := sprintf("%s: critical patch %s released %s %s; due within one month", [host.name, patch.id, patch.released, _state(patch)])
}

_state(patch) := sprintf("installed %s", [patch.installed]) if patch.installed

_state(patch) := "still not installed" if not patch.installed
