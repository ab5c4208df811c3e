# PSN connection: operational security (project ids PSN-OPS-*).
package psn.ops

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.psn_scope
import data.lib.params

# PSN-OPS-01: critical and high (CVSS >= 7.0) security updates installed within the patch window
# of release (parameter psn_patch_days: 14, the Cyber Essentials threshold; the PSN CoCo
# wording was not retrievable).
patch_late contains msg if some msg in params.missing({"psn_patch_days"})

patch_late contains finding.of(doc, path, msg) if {
	some doc in input.evidence.patch_status
	some h, host in doc.facts.hosts
	some p, patch in host.patches
	_urgent(patch)
	done := object.get(patch, "installed", input.as_of)
	days := dates.days_between(patch.released, done)
	limit := params.value("psn_patch_days")
	days > limit
	path := sprintf("facts.hosts[%d].patches[%d]", [h, p])
	msg := sprintf("%s: %s patch %s released %s, %s after %d days; due within %d", [_host(host, h), _rating(patch), object.get(patch, "id", sprintf("#%d", [p])), patch.released, _state(patch), days, limit])
}

# An urgent update with no release date cannot be timed: a finding, never a pass.
patch_late contains finding.of(doc, sprintf("facts.hosts[%d].patches[%d].released", [h, p]), msg) if {
	some doc in input.evidence.patch_status
	some h, host in doc.facts.hosts
	some p, patch in host.patches
	_urgent(patch)
	not is_string(object.get(patch, "released", null))
	msg := sprintf("%s: %s patch %s has no release date, so the patch window cannot be checked", [_host(host, h), _rating(patch), object.get(patch, "id", sprintf("#%d", [p]))])
}

# An update whose severity and CVSS score are both unstated may be urgent: a finding.
patch_late contains finding.of(doc, sprintf("facts.hosts[%d].patches[%d].severity", [h, p]), msg) if {
	some doc in input.evidence.patch_status
	some h, host in doc.facts.hosts
	some p, patch in host.patches
	not is_string(object.get(patch, "severity", null))
	not is_number(object.get(patch, "cvss", null))
	msg := sprintf("%s: patch %s states neither a severity nor a CVSS score", [_host(host, h), object.get(patch, "id", sprintf("#%d", [p]))])
}

_host(host, h) := object.get(host, "name", sprintf("host #%d", [h]))

_rating(patch) := patch.severity if is_string(patch.severity)

_rating(patch) := sprintf("CVSS %v", [patch.cvss]) if not is_string(object.get(patch, "severity", null))

# Vendor-rated critical or high, or fixing a vulnerability scored CVSS v3 7.0 or more.
_urgent(patch) if patch.severity in {"critical", "high"}

_urgent(patch) if patch.cvss >= 7.0

_state(patch) := "installed" if patch.installed

_state(patch) := "still missing" if not patch.installed

# PSN-OPS-07: no unmanaged device can reach PSN-connected infrastructure. Removable media
# reach nothing by themselves; PSN-OPS-06 judges them.
unmanaged_device contains finding.of(doc, sprintf("facts.devices[%d]", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	not device.type == "removable_media"
	psn_scope.judged(device, object.get(input, "as_of", ""))
	not device.managed == true
	msg := concat("", [sprintf("%s (%s) can reach PSN infrastructure but is not managed", [object.get(device, "name", sprintf("device #%d", [i])), object.get(device, "type", "type not stated")]), psn_scope.note(device, object.get(input, "as_of", ""))])
}
