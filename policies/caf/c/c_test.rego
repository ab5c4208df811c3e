package caf.c_test

import future.keywords.not
import rego.v1

import data.caf.c

_logging(enabled) := {"as_of": "2026-11-01", "evidence": {"logging_config": [{
	"id": "log-1",
	"facts": {"components": [{"name": "FW01", "logging_enabled": enabled, "events": ["admin_actions"]}]},
}]}}

test_logging_off_rules_out_partially_achieved if {
	"partially_achieved" in {f.denies | some f in c.logging_sources} with input as _logging(false)
}

test_no_components_listed_rules_out_partially_achieved if {
	"partially_achieved" in {f.denies | some f in c.logging_sources} with input as {"as_of": "2026-11-01", "evidence": {"logging_config": [{"id": "log-1", "facts": {"components": []}}]}}
}
