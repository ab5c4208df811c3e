package psn.handling_test

import future.keywords.not
import rego.v1

import data.psn.handling

_assets(assets) := {"evidence": {"asset_register": [{"id": "iar", "facts": {"reviewed": "2026-09-01", "assets": assets}}]}}

test_official_psn_asset_passes if {
	count(handling.above_official) == 0 with input as _assets([{"id": "IA-1", "name": "Benefits data", "classification": "OFFICIAL", "psn_data": true}])
}

test_secret_psn_asset_fails if {
	fs := handling.above_official with input as _assets([{"id": "IA-1", "name": "Liaison data", "classification": "SECRET", "psn_data": true}])
	count(fs) == 1
	some f in fs
	f.path == "facts.assets[0].classification"
}

_kept_off := {"reason": "Held on the accredited liaison network only (ISM-44)", "approved_by": "SIRO", "approved_on": "2026-06-01"}

test_secret_asset_off_psn_is_not_judged if {
	count(handling.above_official) == 0 with input as object.union(_assets([
		{"id": "IA-1", "name": "Benefits data", "classification": "OFFICIAL", "psn_data": true},
		{"id": "IA-2", "name": "Other", "classification": "SECRET", "psn_data": false, "psn_exclusion": _kept_off},
	]), {"as_of": "2026-11-01"})
}

# psn_data: false alone is anyone's say-so: without an approved exclusion the asset is judged.
test_secret_asset_marked_off_psn_but_unapproved_fails if {
	fs := handling.above_official with input as object.union(_assets([
		{"id": "IA-1", "name": "Benefits data", "classification": "OFFICIAL", "psn_data": true},
		{"id": "IA-2", "name": "Other", "classification": "SECRET", "psn_data": false},
	]), {"as_of": "2026-11-01"})
	fs == {{"evidence": "iar", "path": "facts.assets[1].classification", "msg": "IA-2 (Other) is classified SECRET and not recorded as kept off the PSN (psn_data: false); the PSN ceiling is OFFICIAL [marked psn_data: false with no psn_exclusion approving it, so judged as carried over the PSN]"}}
}

test_secret_asset_with_a_stale_exclusion_fails if {
	fs := handling.above_official with input as object.union(_assets([
		{"id": "IA-1", "name": "Benefits data", "classification": "OFFICIAL", "psn_data": true},
		{"id": "IA-2", "name": "Other", "classification": "SECRET", "psn_data": false, "psn_exclusion": object.union(_kept_off, {"approved_on": "2025-10-31"})},
	]), {"as_of": "2026-11-01"})
	count(fs) == 1
}

test_register_without_psn_assets_fails if {
	some f in handling.above_official with input as _assets([{"id": "IA-1", "name": "Payroll", "classification": "OFFICIAL"}])
	f.msg == "the asset register marks no information asset as carried over the PSN"
	f.path == "facts.assets"
}

_devices(device) := {"evidence": {"device_inventory": [{"id": "inv", "facts": {"devices": [object.union({"name": "LT-1", "type": "laptop", "managed": true, "psn_access": true}, device)]}}]}}

test_encrypted_laptop_with_vpn_passes if {
	count(handling.device_data_unprotected) == 0 with input as _devices({"encrypted": true, "always_on_vpn": true})
}

test_unencrypted_desktop_fails if {
	fs := handling.device_data_unprotected with input as _devices({"type": "desktop", "encrypted": false})
	count(fs) == 1
	some f in fs
	f.path == "facts.devices[0].encrypted"
}

test_laptop_without_vpn_fails if {
	count(handling.device_data_unprotected) == 1 with input as _devices({"encrypted": true, "always_on_vpn": false})
}

test_laptop_with_unknown_vpn_and_encryption_fails_twice if {
	count(handling.device_data_unprotected) == 2 with input as _devices({})
}

test_device_without_psn_access_is_not_judged if {
	count(handling.device_data_unprotected) == 0 with input as _devices({"psn_access": false, "encrypted": false, "psn_exclusion": {"reason": "Access removed on leaving the team (SR-1)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}}) with input.as_of as "2026-11-01"
}

test_device_marked_without_psn_access_but_unapproved_is_judged if {
	count(handling.device_data_unprotected) == 2 with input as _devices({"psn_access": false, "encrypted": false}) with input.as_of as "2026-11-01"
}

test_server_is_not_an_end_user_device if {
	count(handling.device_data_unprotected) == 0 with input as _devices({"type": "server", "encrypted": false})
}

test_unclassified_psn_asset_fails if {
	fs := handling.above_official with input as _assets([{"id": "IA-1", "name": "Benefits data", "psn_data": true}])
	count(fs) == 1
	some f in fs
	contains(f.msg, "(unclassified)")
}

test_secret_asset_with_unstated_psn_use_fails if {
	fs := handling.above_official with input as _assets([
		{"id": "IA-1", "name": "Benefits data", "classification": "OFFICIAL", "psn_data": true},
		{"id": "IA-2", "name": "Liaison data", "classification": "SECRET"},
	])
	count(fs) == 1
	some f in fs
	f.path == "facts.assets[1].classification"
}

test_official_asset_with_unstated_psn_use_passes if {
	count(handling.above_official) == 0 with input as _assets([
		{"id": "IA-1", "name": "Benefits data", "classification": "OFFICIAL", "psn_data": true},
		{"id": "IA-2", "name": "Payroll", "classification": "OFFICIAL"},
	])
}
