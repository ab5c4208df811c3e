package dh.assets_test

import rego.v1

import data.dh.assets

_input(reviewed, asset) := {"as_of": "2025-10-31", "evidence": {"asset_register": [{"id": "iar", "facts": {"reviewed": reviewed, "assets": [asset]}}]}}

_asset := {"id": "A1", "name": "Council tax records", "owner": "Head of Revenues", "classification": "OFFICIAL"}

test_reviewed_six_months_ago_passes if {
	count(assets.register_inadequate) == 0 with input as _input("2025-04-30", _asset)
}

test_reviewed_over_six_months_ago_fails if {
	count(assets.register_inadequate) == 1 with input as _input("2025-04-29", _asset)
}

test_asset_without_owner_fails if {
	count(assets.register_inadequate) == 1 with input as _input("2025-10-01", object.remove(_asset, ["owner"]))
	count(assets.register_inadequate) == 1 with input as _input("2025-10-01", object.union(_asset, {"owner": " "}))
}
