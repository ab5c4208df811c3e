package dh.roles_test

import future.keywords.not
import rego.v1

import data.dh.roles

_siro := {"name": "J. Smith", "post": "Director of Resources", "appointed": "2024-04-01"}

_input(facts) := {"evidence": {"governance_roles": [{"id": "roles", "facts": facts}]}}

test_siro_and_iao_pass if {
	count(roles.roles_missing) == 0 with input as _input({"siro": _siro, "information_asset_owners": [_siro]})
}

test_no_siro_fails if {
	count(roles.roles_missing) == 1 with input as _input({"information_asset_owners": [_siro]})
}

test_no_iao_fails if {
	count(roles.roles_missing) == 1 with input as _input({"siro": _siro})
}

test_dpo_designated_passes if {
	count(roles.dpo_missing) == 0 with input as _input({"siro": _siro, "dpo": _siro})
}

test_no_dpo_fails if {
	count(roles.dpo_missing) == 1 with input as _input({"siro": _siro})
}
