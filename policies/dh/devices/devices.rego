# Data handling: devices and media (ids DH-DEVICE-*).
package dh.devices

import future.keywords.not
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

# DH-DEVICE-02: removable media is organisation-issued (no personal USB sticks).
removable_media_not_issued contains finding.of(doc, sprintf("facts.devices[%d].organisation_issued", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	device.type == "removable_media"
	not device.organisation_issued == true
	msg := sprintf("%s (removable media) is not recorded as organisation-issued", [device.name])
}

_end_user := {"laptop", "desktop", "mobile", "tablet"}

# DH-HOME-01 (home and remote working leaks): every end-user device that reaches the
# organisation's data is organisation-issued and managed.
unmanaged_end_user_device contains finding.of(doc, sprintf("facts.devices[%d].managed", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	device.type in _end_user
	not device.managed == true
	msg := sprintf("%s (%s) is not managed by the organisation", [device.name, device.type])
}

unmanaged_end_user_device contains finding.of(doc, sprintf("facts.devices[%d].organisation_issued", [i]), msg) if {
	some doc in input.evidence.device_inventory
	some i, device in doc.facts.devices
	device.type in _end_user
	device.organisation_issued == false
	msg := sprintf("%s (%s) is a personal device used for the organisation's data", [device.name, device.type])
}

# An inventory listing no devices cannot show that any device is encrypted or managed.
_no_devices contains doc if {
	some doc in input.evidence.device_inventory
	count(object.get(doc.facts, "devices", [])) == 0
}

unencrypted_portable_device contains finding.of(doc, "facts.devices", "the device inventory lists no devices") if some doc in _no_devices

unmanaged_end_user_device contains finding.of(doc, "facts.devices", "the device inventory lists no devices") if some doc in _no_devices
