package caf.a_test

import future.keywords.not
import rego.v1

import data.caf.a

test_empty_asset_register_rules_out_achieved if {
	"achieved" in {f.denies | some f in a.asset_management} with input as {"as_of": "2026-11-01", "evidence": {"asset_register": [{"id": "iar-1", "facts": {"assets": [], "reviewed": "2026-06-01"}}]}}
}
