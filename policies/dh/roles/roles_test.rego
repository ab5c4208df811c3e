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

_dpo := {"name": "T. Quiverful", "post": "Information Governance Manager", "appointed": "2024-06-01", "reports_to_highest_management": true, "other_roles": [], "contact_published": true, "ico_notified": "2024-06-10"}

_roles(dpo) := {"evidence": {"governance_roles": [{"id": "gr", "facts": {"siro": {"name": "M. Proudie", "post": "Executive Director", "appointed": "2024-01-01"}, "dpo": dpo}}]}}

test_independent_and_notified_dpo_passes if {
	count(roles.dpo_not_independent) == 0 with input as _roles(_dpo)
	count(roles.dpo_not_notified) == 0 with input as _roles(_dpo)
}

test_dpo_reporting_below_top_management_fails if {
	count(roles.dpo_not_independent) == 1 with input as _roles(object.union(_dpo, {"reports_to_highest_management": false}))
	count(roles.dpo_not_independent) == 1 with input as _roles(object.remove(_dpo, ["reports_to_highest_management"]))
}

test_dpo_holding_a_conflicting_post_fails if {
	fs := roles.dpo_not_independent with input as _roles(object.union(_dpo, {"other_roles": ["Head of ICT"]}))
	[f.msg | some f in fs] == ["DPO T. Quiverful also holds the post \"Head of ICT\", which decides the processing the DPO advises on"]
}

test_dpo_other_posts_unrecorded_fails if {
	count(roles.dpo_not_independent) == 1 with input as _roles(object.remove(_dpo, ["other_roles"]))
}

test_dpo_who_is_also_siro_fails if {
	count(roles.dpo_not_independent) == 1 with input as _roles(object.union(_dpo, {"name": "M. Proudie"}))
}

test_dpo_not_notified_to_ico_fails if {
	count(roles.dpo_not_notified) == 1 with input as _roles(object.remove(_dpo, ["ico_notified"]))
	count(roles.dpo_not_notified) == 1 with input as _roles(object.union(_dpo, {"contact_published": false}))
}

test_ico_notified_before_this_dpo_was_appointed_fails if {
	count(roles.dpo_not_notified) == 1 with input as _roles(object.union(_dpo, {"ico_notified": "2023-03-01"}))
}

test_no_dpo_fails_both if {
	no_dpo := {"evidence": {"governance_roles": [{"id": "gr", "facts": {"siro": {"name": "M. Proudie", "post": "Executive Director", "appointed": "2024-01-01"}}}]}}
	count(roles.dpo_not_independent) == 1 with input as no_dpo
	count(roles.dpo_not_notified) == 1 with input as no_dpo
}
