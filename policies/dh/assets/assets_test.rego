package dh.assets_test

import future.keywords.not
import rego.v1

import data.dh.assets

# The project parameters (controls/parameters.yaml) at their default values.
_params := {
	"psn_patch_days": 14, "psn_cvss_versions": ["3.0", "3.1", "4.0"],
	"dh_asset_register_review_months": 6, "dh_retention_review_months": 12,
	"dh_training_refresher_months": 12, "dh_processor_assurance_months": 12,
	"dh_breach_individuals_notice_hours": 72,
}


_input(reviewed, asset) := {"as_of": "2025-10-31", "evidence": {"asset_register": [{"id": "iar", "facts": {"reviewed": reviewed, "assets": [asset]}}]}}

_asset := {"id": "A1", "name": "Council tax records", "owner": "Head of Revenues", "classification": "OFFICIAL"}

test_reviewed_six_months_ago_passes if {
	count(assets.register_inadequate) == 0 with input as _input("2025-04-30", _asset) with input.parameters as _params
}

test_reviewed_over_six_months_ago_fails if {
	count(assets.register_inadequate) == 1 with input as _input("2025-04-29", _asset) with input.parameters as _params
}

test_asset_without_owner_fails if {
	count(assets.register_inadequate) == 1 with input as _input("2025-10-01", object.remove(_asset, ["owner"])) with input.parameters as _params
	count(assets.register_inadequate) == 1 with input as _input("2025-10-01", object.union(_asset, {"owner": " "})) with input.parameters as _params
}

_full := object.union(_asset, {
	"description": "Council tax accounts and payments", "location": "Revenues system (on premises)",
	"personal_data": true, "special_category": false, "risks": ["Misdirected bills"], "retention": "6 years after closure",
})

test_register_with_every_field_passes if {
	count(assets.register_incomplete) == 0 with input as _input("2025-10-01", _full) with input.parameters as _params
}

test_register_missing_fields_fails if {
	fs := assets.register_incomplete with input as _input("2025-10-01", object.remove(_full, ["risks", "special_category"])) with input.parameters as _params
	count(fs) == 1
	some f in fs
	contains(f.msg, "special_category, risks")
}

test_register_empty_fields_fail if {
	count(assets.register_incomplete) == 1 with input as _input("2025-10-01", object.union(_full, {"risks": [], "location": ""})) with input.parameters as _params
}

_roles(post) := [{"id": "roles", "facts": {"information_asset_owners": [{"name": "E. Bold", "post": post, "appointed": "2024-07-01"}]}}]

test_owner_appointed_passes if {
	count(assets.owner_not_appointed) == 0 with input as object.union(_input("2025-10-01", _asset), {"evidence": {"governance_roles": _roles("Head of Revenues")}}) with input.parameters as _params
}

test_owner_not_appointed_fails if {
	count(assets.owner_not_appointed) == 1 with input as object.union(_input("2025-10-01", _asset), {"evidence": {"governance_roles": _roles("Head of Housing")}}) with input.parameters as _params
}

test_owner_missing_or_no_roles_fails if {
	count(assets.owner_not_appointed) == 1 with input as _input("2025-10-01", _asset) with input.parameters as _params
	count(assets.owner_not_appointed) == 1 with input as object.union(_input("2025-10-01", object.remove(_asset, ["owner"])), {"evidence": {"governance_roles": _roles("Head of Revenues")}}) with input.parameters as _params
}

test_empty_register_fails if {
	count(assets.register_inadequate) == 1 with input as {"as_of": "2025-10-31", "evidence": {"asset_register": [{"id": "iar", "facts": {"reviewed": "2025-10-01", "assets": []}}]}} with input.parameters as _params
}
