# Data handling: devices and media (ids DH-DEVICE-*).
package dh.devices

import rego.v1

import data.lib.finding

_portable := {"laptop", "mobile", "tablet", "removable_media"}

# DH-DEVICE-01: every laptop, mobile device and removable medium is encrypted.
unencrypted_portable_device contains finding.of(doc, sprintf("facts.devices[%d].encrypted", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	device.type in _portable
	not device.encrypted == true
	msg := sprintf("%s (%s) is not encrypted", [device.name, replace(device.type, "_", " ")])
}
