package dh.devices_test

import future.keywords.not
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

test_issued_usb_stick_passes if {
	count(devices.removable_media_not_issued) == 0 with input as _input({"name": "USB-1", "type": "removable_media", "managed": true, "encrypted": true, "organisation_issued": true})
}

test_personal_or_unknown_usb_stick_fails if {
	count(devices.removable_media_not_issued) == 1 with input as _input({"name": "USB-2", "type": "removable_media", "managed": false, "encrypted": true, "organisation_issued": false})
	count(devices.removable_media_not_issued) == 1 with input as _input({"name": "USB-3", "type": "removable_media", "managed": true, "encrypted": true})
}

test_laptop_is_not_judged_as_removable_media if {
	count(devices.removable_media_not_issued) == 0 with input as _input({"name": "LT1", "type": "laptop", "managed": true, "encrypted": true})
}

test_managed_laptop_passes_home_working if {
	count(devices.unmanaged_end_user_device) == 0 with input as _input({"name": "LT1", "type": "laptop", "managed": true, "encrypted": true, "organisation_issued": true})
}

test_unmanaged_desktop_fails_home_working if {
	count(devices.unmanaged_end_user_device) == 1 with input as _input({"name": "PC9", "type": "desktop", "managed": false, "encrypted": true})
}

test_unknown_management_fails_home_working if {
	count(devices.unmanaged_end_user_device) == 1 with input as _input({"name": "LT7", "type": "laptop", "encrypted": true, "organisation_issued": true})
}

test_personal_managed_tablet_fails_home_working if {
	count(devices.unmanaged_end_user_device) == 1 with input as _input({"name": "TAB2", "type": "tablet", "managed": true, "encrypted": true, "organisation_issued": false})
}

test_server_is_not_judged_for_home_working if {
	count(devices.unmanaged_end_user_device) == 0 with input as _input({"name": "SRV1", "type": "server", "managed": false, "encrypted": false})
}

test_empty_inventory_fails if {
	empty := {"evidence": {"device_inventory": [{"id": "inv", "facts": {"devices": []}}]}}
	count(devices.unencrypted_portable_device) == 1 with input as empty
	count(devices.unmanaged_end_user_device) == 1 with input as empty
}
