# PCI DSS v4.0.1 Requirement 8: identify users and authenticate access.
# Each rule is a set of findings over auth_policy evidence (one document per system).
# A missing setting is a finding, never a pass.
package pci.req8

import rego.v1

import data.lib.finding

# PCI-8.3.6: passwords at least 12 characters (8 only where the system cannot do 12),
# with both letters and digits.
password_too_short contains finding.of(doc, "facts.min_length", msg) if {
	some doc in input.evidence.auth_policy
	not _long_enough(doc.facts)
	msg := sprintf("%s: minimum password length %v; need 12 (or 8 where the system cannot enforce 12)", [doc.facts.system, object.get(doc.facts, "min_length", "not stated")])
}

password_too_short contains finding.of(doc, "facts", msg) if {
	some doc in input.evidence.auth_policy
	not _alphanumeric(doc.facts)
	msg := sprintf("%s: passwords need not contain both letters and digits", [doc.facts.system])
}

_long_enough(facts) if facts.min_length >= 12

_long_enough(facts) if {
	facts.system_max_supported_length < 12
	facts.min_length >= 8
	facts.min_length >= facts.system_max_supported_length
}

_alphanumeric(facts) if {
	facts.requires_letters == true
	facts.requires_digits == true
}

# PCI-8.3.4: lock out after no more than 10 failed attempts, for at least 30 minutes or
# until identity is confirmed.
lockout_too_weak contains finding.of(doc, "facts.lockout_attempts", msg) if {
	some doc in input.evidence.auth_policy
	not doc.facts.lockout_attempts <= 10
	msg := sprintf("%s: lockout after %v failed attempts; need 10 or fewer", [doc.facts.system, object.get(doc.facts, "lockout_attempts", "no limit stated")])
}

lockout_too_weak contains finding.of(doc, "facts.lockout_attempts", msg) if {
	some doc in input.evidence.auth_policy
	doc.facts.lockout_attempts == 0
	msg := sprintf("%s: account lockout is disabled", [doc.facts.system])
}

lockout_too_weak contains finding.of(doc, "facts.lockout_minutes", msg) if {
	some doc in input.evidence.auth_policy
	not _lockout_long_enough(doc.facts)
	msg := sprintf("%s: lockout lasts %v minutes; need 30 or more, or until identity is confirmed", [doc.facts.system, object.get(doc.facts, "lockout_minutes", "an unstated time")])
}

_lockout_long_enough(facts) if facts.lockout_minutes >= 30

_lockout_long_enough(facts) if facts.lockout_until_identity_confirmed == true

# PCI-8.2.8: sessions idle for more than 15 minutes require re-authentication.
idle_timeout_too_long contains finding.of(doc, "facts.idle_timeout_minutes", msg) if {
	some doc in input.evidence.auth_policy
	not _idle_ok(doc.facts)
	msg := sprintf("%s: idle sessions time out after %v minutes; need 15 or fewer", [doc.facts.system, object.get(doc.facts, "idle_timeout_minutes", "no timeout stated")])
}

_idle_ok(facts) if {
	facts.idle_timeout_minutes > 0
	facts.idle_timeout_minutes <= 15
}
