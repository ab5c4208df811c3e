package pci.req3_test

import future.keywords.not
import rego.v1

import data.pci.req3

_store := {
	"store": "payments-db", "holds_pan": true, "reachable_from_untrusted": false,
	"retention_months": 18, "last_purge_check": "2026-08-01", "sad_after_authorisation": [],
	"sad_before_authorisation": false, "pan_protection": "token",
	"pan_display": {"leading_digits": 6, "trailing_digits": 4},
}

_key := {
	"key": "dek-1", "algorithm": "AES-256-GCM", "strength_bits": 256, "custodians": ["A", "B"],
	"crypto_period_months": 12, "last_rotated": "2025-11-01", "storage": "hsm",
}

_in(facts) := {"as_of": "2026-11-01", "evidence": {"cardholder_data_store": [{"id": "cds-1", "facts": facts}]}}

_with(changes) := _in(object.union(_store, changes))

_without(key) := _in(object.remove(_store, [key]))

_key_in(changes) := {"as_of": "2026-11-01", "evidence": {"key_management": [{"id": "k-1", "facts": object.union(_key, changes)}]}}

test_good_store_has_no_findings if {
	count(req3.retention_not_enforced) == 0 with input as _in(_store)
	count(req3.sad_retained) == 0 with input as _in(_store)
	count(req3.track_data_retained) == 0 with input as _in(_store)
	count(req3.card_verification_code_retained) == 0 with input as _in(_store)
	count(req3.pin_retained) == 0 with input as _in(_store)
	count(req3.pre_auth_sad_unencrypted) == 0 with input as _in(_store)
	count(req3.pan_display_unmasked) == 0 with input as _in(_store)
	count(req3.pan_readable) == 0 with input as _in(_store)
	count(req3.pan_hash_unkeyed) == 0 with input as _in(_store)
	count(req3.disk_encryption_misused) == 0 with input as _in(_store)
	count(req3.disk_encryption_tied_to_logon) == 0 with input as _in(_store)
}

test_purge_check_three_months_ago_passes_a_day_more_fails if {
	count(req3.retention_not_enforced) == 0 with input as _with({"last_purge_check": "2026-08-01"})
	count(req3.retention_not_enforced) == 1 with input as _with({"last_purge_check": "2026-07-31"})
}

test_missing_retention_facts_fail if {
	count(req3.retention_not_enforced) == 1 with input as _without("retention_months")
	count(req3.retention_not_enforced) == 1 with input as _without("last_purge_check")
}

test_pre_auth_sad_retention_checked_from_31_march_2025 if {
	pre_auth := object.union(_store, {"sad_before_authorisation": true, "sad_pre_auth_encrypted": true, "last_purge_check": "2025-03-01"})
	count(req3.retention_not_enforced) == 1 with input as {"as_of": "2025-03-31", "evidence": {"cardholder_data_store": [{"id": "c", "facts": pre_auth}]}}
	count(req3.retention_not_enforced) == 0 with input as {"as_of": "2025-03-30", "evidence": {"cardholder_data_store": [{"id": "c", "facts": pre_auth}]}}
	covered := object.union(pre_auth, {"retention_covers_pre_auth_sad": true})
	count(req3.retention_not_enforced) == 0 with input as {"as_of": "2025-03-31", "evidence": {"cardholder_data_store": [{"id": "c", "facts": covered}]}}
}

test_each_sad_element_fails_its_own_rule if {
	all := _with({"sad_after_authorisation": ["full_track", "card_verification_code", "pin_block"]})
	count(req3.sad_retained) == 3 with input as all
	count(req3.track_data_retained) == 1 with input as all
	count(req3.card_verification_code_retained) == 1 with input as all
	count(req3.pin_retained) == 1 with input as all
	count(req3.track_data_retained) == 0 with input as _with({"sad_after_authorisation": ["pin"]})
}

test_unknown_sad_status_fails_every_sad_rule if {
	count(req3.sad_retained) == 1 with input as _without("sad_after_authorisation")
	count(req3.track_data_retained) == 1 with input as _without("sad_after_authorisation")
	count(req3.card_verification_code_retained) == 1 with input as _without("sad_after_authorisation")
	count(req3.pin_retained) == 1 with input as _without("sad_after_authorisation")
}

test_pre_auth_sad_must_be_encrypted if {
	count(req3.pre_auth_sad_unencrypted) == 1 with input as _with({"sad_before_authorisation": true})
	count(req3.pre_auth_sad_unencrypted) == 0 with input as _with({"sad_before_authorisation": true, "sad_pre_auth_encrypted": true})
	count(req3.pre_auth_sad_unencrypted) == 1 with input as _without("sad_before_authorisation")
}

test_pan_display_boundaries if {
	count(req3.pan_display_unmasked) == 0 with input as _with({"pan_display": {"leading_digits": 8, "trailing_digits": 4}})
	count(req3.pan_display_unmasked) == 1 with input as _with({"pan_display": {"leading_digits": 9, "trailing_digits": 4}})
	count(req3.pan_display_unmasked) == 1 with input as _with({"pan_display": {"leading_digits": 6, "trailing_digits": 5}})
	count(req3.pan_display_unmasked) == 1 with input as _without("pan_display")
}

test_full_pan_roles_need_business_need if {
	display := {"leading_digits": 0, "trailing_digits": 4, "full_pan_roles": [{"role": "Refunds"}]}
	count(req3.pan_display_unmasked) == 1 with input as _with({"pan_display": display})
	justified := {"leading_digits": 0, "trailing_digits": 4, "full_pan_roles": [{"role": "Refunds", "business_need": "chargebacks"}]}
	count(req3.pan_display_unmasked) == 0 with input as _with({"pan_display": justified})
}

test_store_without_pan_skips_pan_rules if {
	count(req3.pan_readable) == 0 with input as _in({"store": "sad-free log", "holds_pan": false})
}

test_unprotected_or_unstated_pan_fails if {
	count(req3.pan_readable) == 1 with input as _with({"pan_protection": "none"})
	count(req3.pan_readable) == 1 with input as _without("pan_protection")
}

test_unkeyed_hash_fails if {
	count(req3.pan_hash_unkeyed) == 1 with input as _with({"pan_protection": "hash"})
	count(req3.pan_hash_unkeyed) == 0 with input as _with({"pan_protection": "keyed_hash"})
}

test_disk_encryption_only_on_removable_media if {
	count(req3.disk_encryption_misused) == 1 with input as _with({"pan_protection": "disk_encryption"})
	count(req3.disk_encryption_misused) == 0 with input as _with({"pan_protection": "disk_encryption", "removable_media": true})
}

test_disk_encryption_must_be_independent_of_logon if {
	count(req3.disk_encryption_tied_to_logon) == 1 with input as _with({"pan_protection": "disk_encryption"})
	count(req3.disk_encryption_tied_to_logon) == 0 with input as _with({"pan_protection": "disk_encryption", "disk_encryption_independent_of_os_logon": true})
}

test_key_storage if {
	count(req3.key_storage_unprotected) == 0 with input as _key_in({"storage": "kek_encrypted"})
	count(req3.key_storage_unprotected) == 1 with input as _key_in({"storage": "software_keystore"})
	count(req3.key_storage_unprotected) == 1 with input as {"evidence": {"key_management": [{"id": "k", "facts": {"key": "k"}}]}}
}

test_key_strength_112_passes_111_fails if {
	count(req3.key_too_weak) == 0 with input as _key_in({"strength_bits": 112})
	count(req3.key_too_weak) == 1 with input as _key_in({"strength_bits": 111})
	count(req3.key_too_weak) == 1 with input as {"evidence": {"key_management": [{"id": "k", "facts": {"key": "k"}}]}}
}

test_crypto_period_boundary if {
	count(req3.crypto_period_exceeded) == 0 with input as _key_in({"last_rotated": "2025-11-01"})
	count(req3.crypto_period_exceeded) == 1 with input as _key_in({"last_rotated": "2025-10-31"})
}

test_missing_crypto_period_or_rotation_fails if {
	count(req3.crypto_period_exceeded) == 1 with input as {"as_of": "2026-11-01", "evidence": {"key_management": [{"id": "k", "facts": object.remove(_key, ["crypto_period_months"])}]}}
	count(req3.crypto_period_exceeded) == 1 with input as {"as_of": "2026-11-01", "evidence": {"key_management": [{"id": "k", "facts": object.remove(_key, ["last_rotated"])}]}}
}
