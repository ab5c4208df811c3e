package pci.req8_test

import rego.v1

import data.pci.req8

_good := {
	"system": "AD", "min_length": 12, "requires_letters": true, "requires_digits": true,
	"lockout_attempts": 10, "lockout_minutes": 30, "idle_timeout_minutes": 15,
}

_input(facts) := {"evidence": {"auth_policy": [{"id": "ap-1", "facts": facts}]}}

test_twelve_characters_passes if {
	count(req8.password_too_short) == 0 with input as _input(_good)
}

test_eleven_characters_fails if {
	count(req8.password_too_short) == 1 with input as _input(object.union(_good, {"min_length": 11}))
}

test_eight_passes_only_where_system_cannot_do_twelve if {
	count(req8.password_too_short) == 0 with input as _input(object.union(_good, {"min_length": 8, "system_max_supported_length": 8}))
	count(req8.password_too_short) == 1 with input as _input(object.union(_good, {"min_length": 7, "system_max_supported_length": 8}))
}

test_missing_length_fails if {
	count(req8.password_too_short) == 1 with input as _input(object.remove(_good, ["min_length"]))
}

test_letters_only_fails if {
	count(req8.password_too_short) == 1 with input as _input(object.union(_good, {"requires_digits": false}))
}

test_ten_attempts_passes_eleven_fails if {
	count(req8.lockout_too_weak) == 0 with input as _input(_good)
	count(req8.lockout_too_weak) == 1 with input as _input(object.union(_good, {"lockout_attempts": 11}))
}

test_disabled_lockout_fails if {
	count(req8.lockout_too_weak) == 1 with input as _input(object.union(_good, {"lockout_attempts": 0}))
}

test_lockout_29_minutes_fails_unless_identity_confirmed if {
	count(req8.lockout_too_weak) == 1 with input as _input(object.union(_good, {"lockout_minutes": 29}))
	count(req8.lockout_too_weak) == 0 with input as _input(object.union(_good, {"lockout_minutes": 29, "lockout_until_identity_confirmed": true}))
}

test_idle_15_passes_16_fails if {
	count(req8.idle_timeout_too_long) == 0 with input as _input(_good)
	count(req8.idle_timeout_too_long) == 1 with input as _input(object.union(_good, {"idle_timeout_minutes": 16}))
}

test_missing_idle_timeout_fails if {
	count(req8.idle_timeout_too_long) == 1 with input as _input(object.remove(_good, ["idle_timeout_minutes"]))
}
