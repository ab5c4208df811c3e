# PCI DSS v4.0.1 Requirement 3: protect stored account data.
# Rules are sets of findings over cardholder_data_store (one document per data store) and
# key_management (one document per key). A missing fact is a finding, never a pass.
package pci.req3

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding

# The date the future-dated bullets of v4.0 became mandatory.
future_dated := "2025-03-31"

# Protection methods that make stored PAN unreadable (3.5.1); 3.5.1.1-3.5.1.3 narrow them.
unreadable_methods := {"keyed_hash", "hash", "truncation", "token", "strong_cryptography", "disk_encryption"}

# Key storage forms allowed for secret and private keys (3.6.1.2).
protected_key_storage := {"hsm", "kek_encrypted", "key_components"}

# PCI-3.2.1: a retention period is set, and data past it is checked for deletion at least
# every 3 months. From 31 March 2025 the retention policy also covers SAD held before
# authorisation.
retention_not_enforced contains finding.of(doc, "facts.retention_months", msg) if {
	some doc in input.evidence.cardholder_data_store
	not is_number(object.get(doc.facts, "retention_months", null))
	msg := sprintf("%s: no retention period defined", [doc.facts.store])
}

retention_not_enforced contains finding.of(doc, "facts.last_purge_check", msg) if {
	some doc in input.evidence.cardholder_data_store
	not _purge_checked_within(doc.facts, input.as_of, 3)
	msg := sprintf("%s: last check that expired data was deleted: %v; need one at least every 3 months", [doc.facts.store, object.get(doc.facts, "last_purge_check", "never")])
}

retention_not_enforced contains finding.of(doc, "facts.retention_covers_pre_auth_sad", msg) if {
	input.as_of >= future_dated
	some doc in input.evidence.cardholder_data_store
	not doc.facts.sad_before_authorisation == false
	not doc.facts.retention_covers_pre_auth_sad == true
	msg := sprintf("%s: may hold SAD before authorisation but the retention policy does not limit it", [doc.facts.store])
}

_purge_checked_within(facts, as_of, months) if dates.within_months(facts.last_purge_check, as_of, months)

# PCI-3.3.1: no sensitive authentication data kept after authorisation.
sad_retained contains f if {
	some f in _sad_found({"full_track", "card_verification_code", "pin", "pin_block"})
}

# PCI-3.3.1.1: no full track data kept after authorisation.
track_data_retained contains f if {
	some f in _sad_found({"full_track"})
}

# PCI-3.3.1.2: no card verification code kept after authorisation.
card_verification_code_retained contains f if {
	some f in _sad_found({"card_verification_code"})
}

# PCI-3.3.1.3: no PIN or PIN block kept after authorisation.
pin_retained contains f if {
	some f in _sad_found({"pin", "pin_block"})
}

_sad_found(elements) := {f |
	some doc in input.evidence.cardholder_data_store
	some f in _sad_problems(doc, elements)
}

_sad_problems(doc, _) := {finding.of(doc, "facts.sad_after_authorisation", msg)} if {
	not is_array(object.get(doc.facts, "sad_after_authorisation", null))
	msg := sprintf("%s: no record (e.g. a data-discovery scan) of whether SAD is kept after authorisation", [doc.facts.store])
}

_sad_problems(doc, elements) := {finding.of(doc, sprintf("facts.sad_after_authorisation[%d]", [i]), msg) |
	some i, element in doc.facts.sad_after_authorisation
	element in elements
	msg := sprintf("%s: %s retained after authorisation", [doc.facts.store, replace(element, "_", " ")])
} if {
	is_array(doc.facts.sad_after_authorisation)
}

# PCI-3.3.2: SAD stored electronically before authorisation is strongly encrypted.
pre_auth_sad_unencrypted contains finding.of(doc, "facts.sad_pre_auth_encrypted", msg) if {
	some doc in input.evidence.cardholder_data_store
	not doc.facts.sad_before_authorisation == false
	not doc.facts.sad_pre_auth_encrypted == true
	msg := sprintf("%s: may hold SAD before authorisation without strong encryption", [doc.facts.store])
}

# PCI-3.4.1: PAN displays show at most the BIN (first 6 or 8 digits) and the last 4, and
# wider display is limited to roles with a recorded business need.
pan_display_unmasked contains finding.of(doc, "facts.pan_display", msg) if {
	some doc in _pan_stores
	not _masked(object.get(doc.facts, "pan_display", {}))
	msg := sprintf("%s: PAN shown with %v leading and %v trailing digits; at most 8 and 4", [
		doc.facts.store,
		object.get(doc.facts, ["pan_display", "leading_digits"], "unstated"),
		object.get(doc.facts, ["pan_display", "trailing_digits"], "unstated"),
	])
}

pan_display_unmasked contains finding.of(doc, sprintf("facts.pan_display.full_pan_roles[%d]", [i]), msg) if {
	some doc in _pan_stores
	some i, role in doc.facts.pan_display.full_pan_roles
	not count(trim_space(role.business_need)) > 0
	msg := sprintf("%s: role %s sees more of the PAN with no business need recorded", [doc.facts.store, role.role])
}

_masked(display) if {
	display.leading_digits <= 8
	display.trailing_digits <= 4
}

_pan_stores contains doc if {
	some doc in input.evidence.cardholder_data_store
	not doc.facts.holds_pan == false
}

# PCI-3.5.1: stored PAN is unreadable (keyed hash, truncation, tokens or strong cryptography).
pan_readable contains finding.of(doc, "facts.pan_protection", msg) if {
	some doc in _pan_stores
	not doc.facts.pan_protection in unreadable_methods
	msg := sprintf("%s: stored PAN protection is %v; PAN must be rendered unreadable", [doc.facts.store, object.get(doc.facts, "pan_protection", "not stated")])
}

# PCI-3.5.1.1: hashes of PAN are keyed cryptographic hashes.
pan_hash_unkeyed contains finding.of(doc, "facts.pan_protection", msg) if {
	some doc in _pan_stores
	doc.facts.pan_protection == "hash"
	msg := sprintf("%s: PAN protected by an unkeyed hash; use a keyed hash (e.g. HMAC) with managed keys", [doc.facts.store])
}

# PCI-3.5.1.2: disk or partition encryption alone protects PAN only on removable media.
disk_encryption_misused contains finding.of(doc, "facts.removable_media", msg) if {
	some doc in _pan_stores
	doc.facts.pan_protection == "disk_encryption"
	not doc.facts.removable_media == true
	msg := sprintf("%s: PAN protected only by disk encryption on non-removable storage; add field-level protection", [doc.facts.store])
}

# PCI-3.5.1.3: disk encryption is managed apart from OS logon; keys not tied to user accounts.
disk_encryption_tied_to_logon contains finding.of(doc, "facts.disk_encryption_independent_of_os_logon", msg) if {
	some doc in _pan_stores
	doc.facts.pan_protection == "disk_encryption"
	not doc.facts.disk_encryption_independent_of_os_logon == true
	msg := sprintf("%s: disk encryption not shown to be independent of operating-system logon", [doc.facts.store])
}

# PCI-3.6.1.2: secret and private keys held in an HSM/SCD, under a KEK, or as components.
key_storage_unprotected contains finding.of(doc, "facts.storage", msg) if {
	some doc in input.evidence.key_management
	not doc.facts.storage in protected_key_storage
	msg := sprintf("%s: stored as %v; keep it in an HSM, encrypted under a key-encrypting key, or as split components", [doc.facts.key, object.get(doc.facts, "storage", "unstated")])
}

# PCI-3.7.1: keys generated with at least 112 bits of effective strength.
key_too_weak contains finding.of(doc, "facts.strength_bits", msg) if {
	some doc in input.evidence.key_management
	not doc.facts.strength_bits >= 112
	msg := sprintf("%s: effective strength %v bits; strong cryptography needs at least 112", [doc.facts.key, object.get(doc.facts, "strength_bits", "unstated")])
}

# PCI-3.7.4: each key has a defined crypto-period and was changed within it.
crypto_period_exceeded contains finding.of(doc, "facts.crypto_period_months", msg) if {
	some doc in input.evidence.key_management
	not is_number(object.get(doc.facts, "crypto_period_months", null))
	msg := sprintf("%s: no crypto-period defined", [doc.facts.key])
}

crypto_period_exceeded contains finding.of(doc, "facts.last_rotated", msg) if {
	some doc in input.evidence.key_management
	is_number(doc.facts.crypto_period_months)
	not _rotated_within(doc.facts, input.as_of)
	msg := sprintf("%s: last changed %v; crypto-period of %d months has ended", [doc.facts.key, object.get(doc.facts, "last_rotated", "never"), doc.facts.crypto_period_months])
}

_rotated_within(facts, as_of) if dates.within_months(facts.last_rotated, as_of, facts.crypto_period_months)
