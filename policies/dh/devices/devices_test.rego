package dh.devices_test

import rego.v1

import data.dh.devices

_input(device) := {"evidence": {"device_inventory": [{"id": "inv", "facts": {"devices": [device]}}]}}

test_encrypted_laptop_passes if {
	count(devices.unencrypted_portable_device) == 0 with input as _input({"name": "LT1", "type": "laptop", "managed": true, "encrypted": true})
}

test_unencrypted_laptop_fails if {
	count(devices.unencrypted_portable_device) == 1 with input as _input({"name": "LT1", "type": "laptop", "managed": true, "encrypted": false})
}

test_unencrypted_usb_stick_fails if {
	count(devices.unencrypted_portable_device) == 1 with input as _input({"name": "USB-7", "type": "removable_media", "managed": true, "encrypted": false})
}

test_desktop_is_not_judged if {
	count(devices.unencrypted_portable_device) == 0 with input as _input({"name": "PC1", "type": "desktop", "managed": true, "encrypted": false})
}
