# PSN connection: protecting data (project ids PSN-DATA-*).
package psn.handling

import future.keywords.not
import rego.v1

import data.lib.anchor
import data.lib.finding
import data.lib.psn_scope

_end_user := {"laptop", "desktop", "mobile", "tablet"}

_portable := {"laptop", "mobile", "tablet"}

# PSN-DATA-01: the assets carried over the PSN are identified and none is above OFFICIAL. An
# asset above OFFICIAL (or unclassified) must be marked psn_data: false with an approved
# psn_exclusion (data.lib.psn_scope); unstated, or false without the approval, is a finding.
above_official contains finding.of(doc, "facts.assets", msg) if {
	count([asset | some d in input.evidence.asset_register; some asset in d.facts.assets; asset.psn_data == true]) == 0
	doc := anchor.latest(input.evidence.asset_register)
	msg := "the asset register marks no information asset as carried over the PSN"
}

above_official contains finding.of(doc, sprintf("facts.assets[%d].classification", [i]), msg) if {
	some doc in input.evidence.asset_register
	some i, asset in doc.facts.assets
	psn_scope.judged(asset, object.get(input, "as_of", ""))
	not asset.classification == "OFFICIAL"
	msg := concat("", [sprintf("%s (%s) is classified %v and not recorded as kept off the PSN (psn_data: false); the PSN ceiling is OFFICIAL", [object.get(asset, "id", sprintf("asset #%d", [i])), object.get(asset, "name", "unnamed"), object.get(asset, "classification", "(unclassified)")]), psn_scope.note(asset, object.get(input, "as_of", ""))])
}

# PSN-DATA-02: end-user devices reaching the PSN encrypt storage; portable ones use an
# always-on VPN off the corporate network.
device_data_unprotected contains finding.of(doc, sprintf("facts.devices[%d].encrypted", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	device.type in _end_user
	psn_scope.judged(device, object.get(input, "as_of", ""))
	not device.encrypted == true
	msg := concat("", [sprintf("%s (%s) can reach PSN infrastructure but its storage is not encrypted", [device.name, device.type]), psn_scope.note(device, object.get(input, "as_of", ""))])
}

device_data_unprotected contains finding.of(doc, sprintf("facts.devices[%d].always_on_vpn", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	device.type in _portable
	psn_scope.judged(device, object.get(input, "as_of", ""))
	not device.always_on_vpn == true
	msg := concat("", [sprintf("%s (%s) can reach PSN infrastructure without an always-on VPN", [device.name, device.type]), psn_scope.note(device, object.get(input, "as_of", ""))])
}
