# Data handling: the information asset register (ids DH-ASSET-*).
package dh.assets

import rego.v1

import data.lib.dates
import data.lib.finding

# DH-ASSET-01: the register is reviewed at least every six months and every asset has an
# Information Asset Owner.
register_inadequate contains finding.of(doc, "facts.reviewed", msg) if {
	some doc in input.evidence.asset_register
	not dates.within_months(doc.facts.reviewed, input.as_of, 6)
	msg := sprintf("asset register last reviewed %s, more than six months before %s", [doc.facts.reviewed, input.as_of])
}

register_inadequate contains finding.of(doc, sprintf("facts.assets[%d]", [i]), msg) if {
	some doc in input.evidence.asset_register
	some i, asset in doc.facts.assets
	not _has_owner(asset)
	msg := sprintf("asset %s (%s) has no Information Asset Owner", [asset.id, asset.name])
}

_has_owner(asset) if trim_space(asset.owner) != ""
