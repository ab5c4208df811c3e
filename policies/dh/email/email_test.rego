package dh.email_test

import future.keywords.not
import rego.v1

import data.dh.email

_system := {"name": "Exchange Online", "external_recipient_warning": true, "autocomplete_external": false, "delay_send_minutes": 1, "bulk_recipient_rule": "block", "bulk_recipient_threshold": 5, "tls_enforced": true}

_input(system) := {"evidence": {"email_controls": [{"id": "mail", "facts": {"systems": [system]}}]}}

test_guarded_mail_system_passes if {
	count(email.misdirection_unguarded) == 0 with input as _input(_system)
}

test_one_minute_delay_passes_and_none_fails if {
	count(email.misdirection_unguarded) == 0 with input as _input(object.union(_system, {"delay_send_minutes": 1}))
	count(email.misdirection_unguarded) == 1 with input as _input(object.union(_system, {"delay_send_minutes": 0}))
}

test_send_confirmation_instead_of_delay_passes if {
	count(email.misdirection_unguarded) == 0 with input as _input(object.union(object.remove(_system, ["delay_send_minutes"]), {"send_confirmation": true}))
}

test_no_external_warning_fails if {
	count(email.misdirection_unguarded) == 1 with input as _input(object.union(_system, {"external_recipient_warning": false}))
}

test_external_autocomplete_fails if {
	count(email.misdirection_unguarded) == 1 with input as _input(object.union(_system, {"autocomplete_external": true}))
}

test_settings_not_stated_fail if {
	count(email.misdirection_unguarded) == 3 with input as _input({"name": "Legacy relay"})
}

test_bulk_rule_passes if {
	count(email.bcc_unguarded) == 0 with input as _input(_system)
	count(email.bcc_unguarded) == 0 with input as _input(object.union(_system, {"bulk_recipient_rule": "warn"}))
}

test_no_bulk_rule_fails if {
	count(email.bcc_unguarded) == 1 with input as _input(object.union(_system, {"bulk_recipient_rule": "none"}))
	count(email.bcc_unguarded) == 1 with input as _input(object.remove(_system, ["bulk_recipient_rule"]))
}

test_bulk_rule_without_threshold_fails if {
	count(email.bcc_unguarded) == 1 with input as _input(object.remove(_system, ["bulk_recipient_threshold"]))
}

test_enforced_tls_passes if {
	count(email.tls_not_enforced) == 0 with input as _input(_system)
}

test_tls_not_enforced_fails if {
	count(email.tls_not_enforced) == 1 with input as _input(object.union(_system, {"tls_enforced": false}))
	count(email.tls_not_enforced) == 1 with input as _input(object.remove(_system, ["tls_enforced"]))
}

test_no_mail_systems_fails_every_control if {
	empty := {"evidence": {"email_controls": [{"id": "mail", "facts": {"systems": []}}]}}
	count(email.misdirection_unguarded) == 1 with input as empty
	count(email.bcc_unguarded) == 1 with input as empty
	count(email.tls_not_enforced) == 1 with input as empty
}
