# Data handling: the information asset register (ids DH-ASSET-*).
package dh.assets

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.params

# DH-ASSET-01: the register is reviewed within the review cycle (parameter
# dh_asset_register_review_months, six by default) and every asset has an Information Asset Owner.
register_inadequate contains msg if some msg in params.missing({"dh_asset_register_review_months"})

register_inadequate contains finding.of(doc, "facts.reviewed", msg) if {
	some doc in input.evidence.asset_register
	months := params.value("dh_asset_register_review_months")
	not dates.within_months(doc.facts.reviewed, input.as_of, months)
	msg := sprintf("asset register last reviewed %s, more than %d months before %s", [doc.facts.reviewed, months, input.as_of])
}

register_inadequate contains finding.of(doc, sprintf("facts.assets[%d]", [i]), msg) if {
	some doc in input.evidence.asset_register
	some i, asset in doc.facts.assets
	not _has_owner(asset)
	msg := sprintf("asset %s (%s) has no Information Asset Owner", [asset.id, asset.name])
}

_has_owner(asset) if trim_space(asset.owner) != ""

# The register fields HMG-IR-03 expects, beyond the id, name and owner checked above.
_fields := ["description", "location", "personal_data", "special_category", "risks", "retention"]

# DH-ASSET-02: every asset carries the register fields.
register_incomplete contains finding.of(doc, sprintf("facts.assets[%d]", [i]), msg) if {
	some doc in input.evidence.asset_register
	some i, asset in doc.facts.assets
	missing := [field | some field in _fields; not _filled(asset, field)]
	count(missing) > 0
	msg := sprintf("asset %s (%s) lacks %s", [asset.id, asset.name, concat(", ", missing)])
}

_filled(asset, field) if is_boolean(asset[field])

_filled(asset, field) if {
	is_string(asset[field])
	trim_space(asset[field]) != ""
}

_filled(asset, field) if {
	is_array(asset[field])
	count(asset[field]) > 0
}

# DH-ASSET-03: every asset's owner is an appointed Information Asset Owner.
owner_not_appointed contains finding.of(doc, sprintf("facts.assets[%d].owner", [i]), msg) if {
	some doc in input.evidence.asset_register
	some i, asset in doc.facts.assets
	not object.get(asset, "owner", "") in _appointed_posts
	msg := sprintf("asset %s (%s): owner %q is not an appointed Information Asset Owner", [asset.id, asset.name, object.get(asset, "owner", "none")])
}

# The posts appointed as Information Asset Owners, built once so that each asset is one lookup
# (a scan of every appointment per asset made the rule quadratic in the register's size).
_appointed_posts contains iao.post if {
	some doc in input.evidence.governance_roles
	some iao in doc.facts.information_asset_owners
}

# An empty register cannot show that every asset has an owner.
register_inadequate contains finding.of(doc, "facts.assets", "the information asset register lists no assets") if {
	some doc in input.evidence.asset_register
	count(object.get(doc.facts, "assets", [])) == 0
}
