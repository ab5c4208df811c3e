# Data handling: government security classifications (ids DH-CLASS-*).
package dh.classification

import future.keywords.not
import rego.v1

import data.lib.finding

_tiers := {"OFFICIAL", "SECRET", "TOP SECRET"}

_markings := {"OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"}

_must_mark := {"OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"}

# Grades of personnel vetting, lowest first.
_vetting_rank := {"BPSS": 1, "CTC": 2, "SC": 3, "DV": 4}

# GSC-04 sets BPSS for OFFICIAL and SC for SECRET. It names no level for TOP SECRET: we
# require at least what SECRET needs (project choice; DV is the usual level).
_min_vetting := {"OFFICIAL": "BPSS", "SECRET": "SC", "TOP SECRET": "SC"}

# DH-CLASS-01: exactly the three tiers; OFFICIAL-SENSITIVE is not a tier, and retired or
# invented markings (RESTRICTED, CONFIDENTIAL, PROTECT, UNCLASSIFIED ...) are not used.
tiers_wrong contains finding.of(doc, sprintf("facts.tiers[%d]", [i]), msg) if {
	some doc in input.evidence.classification_policy
	some i, tier in doc.facts.tiers
	not tier in _tiers
	msg := sprintf("policy %s defines %q as a classification tier; the tiers are OFFICIAL, SECRET and TOP SECRET%s", [doc.facts.document, tier, _tier_hint(tier)])
}

tiers_wrong contains finding.of(doc, "facts.tiers", msg) if {
	some doc in input.evidence.classification_policy
	some tier in _tiers
	not tier in object.get(doc.facts, "tiers", [])
	msg := sprintf("policy %s does not define the %s tier", [doc.facts.document, tier])
}

tiers_wrong contains finding.of(doc, sprintf("facts.markings[%d]", [i]), msg) if {
	some doc in input.evidence.classification_policy
	some i, marking in doc.facts.markings
	not marking in _markings
	msg := sprintf("policy %s allows the marking %q, which is not part of the current scheme", [doc.facts.document, marking])
}

# Retired markings used in the marking or handling rules also fail.
tiers_wrong contains finding.of(doc, sprintf("facts.must_mark[%d]", [i]), msg) if {
	some doc in input.evidence.classification_policy
	some i, marking in doc.facts.must_mark
	not marking in _markings
	msg := sprintf("policy %s requires the marking %q, which is not part of the current scheme", [doc.facts.document, marking])
}

tiers_wrong contains finding.of(doc, sprintf("facts.handling.%s", [marking]), msg) if {
	some doc in input.evidence.classification_policy
	some marking, _ in doc.facts.handling
	not marking in _markings
	msg := sprintf("policy %s sets handling rules for %q, which is not part of the current scheme", [doc.facts.document, marking])
}

tiers_wrong contains finding.of(doc, "facts.markings", msg) if {
	some doc in input.evidence.classification_policy
	count(object.get(doc.facts, "markings", [])) == 0
	msg := sprintf("policy %s does not list the markings it allows, so retired ones cannot be ruled out", [doc.facts.document])
}

_tier_hint(tier) := " (OFFICIAL-SENSITIVE is a handling caveat within OFFICIAL)" if tier == "OFFICIAL-SENSITIVE"

_tier_hint(tier) := "" if tier != "OFFICIAL-SENSITIVE"

# DH-CLASS-02: OFFICIAL-SENSITIVE, SECRET and TOP SECRET must always be marked.
marking_rules_missing contains finding.of(doc, "facts.must_mark", msg) if {
	some doc in input.evidence.classification_policy
	some marking in _must_mark
	not marking in object.get(doc.facts, "must_mark", [])
	msg := sprintf("policy %s does not require %s material to be marked", [doc.facts.document, marking])
}

# DH-CLASS-03: only the asset owner reclassifies or removes a caveat.
reclassification_unauthorised contains finding.of(doc, "facts.reclassification_authority", msg) if {
	some doc in input.evidence.classification_policy
	not doc.facts.reclassification_authority == "asset_owner"
	msg := sprintf("policy %s gives reclassification authority to %q; only the asset owner may reclassify", [doc.facts.document, object.get(doc.facts, "reclassification_authority", "nobody stated")])
}

reclassification_unauthorised contains finding.of(doc, sprintf("facts.reclassifications[%d]", [i]), msg) if {
	some doc in input.evidence.classification_policy
	some i, change in doc.facts.reclassifications
	not _owner_approved(change, input.evidence.asset_register)
	msg := sprintf("reclassification of %s from %s to %s on %s was approved by %q, not by the asset's owner", [change.asset, change.from, change.to, change.date, object.get(change, "approved_by", "nobody")])
}

_owner_approved(change, registers) if {
	some register in registers
	some asset in register.facts.assets
	asset.id == change.asset
	asset.owner == change.approved_by
}

# DH-CLASS-04: handling rules for each tier: vetting, encryption, removable media.
handling_rules_inadequate contains finding.of(doc, "facts.handling", msg) if {
	some doc in input.evidence.classification_policy
	some tier in _tiers
	not object.get(doc.facts, ["handling", tier], false)
	msg := sprintf("policy %s sets no handling rules for %s", [doc.facts.document, tier])
}

handling_rules_inadequate contains finding.of(doc, sprintf("facts.handling.%s.vetting", [tier]), msg) if {
	some doc in input.evidence.classification_policy
	some tier, rules in doc.facts.handling
	not _vetting_ok(tier, rules)
	msg := sprintf("policy %s: vetting for %s is %q; need at least %s", [doc.facts.document, tier, object.get(rules, "vetting", "not stated"), object.get(_min_vetting, tier, "a named clearance")])
}

handling_rules_inadequate contains finding.of(doc, sprintf("facts.handling.%s.%s", [tier, rule]), msg) if {
	some doc in input.evidence.classification_policy
	some tier, rules in doc.facts.handling
	some rule in ["encrypt_at_rest", "encrypt_in_transit", "removable_media_encrypted", "removable_media_organisation_issued"]
	not rules[rule] == true
	msg := sprintf("policy %s: %s handling does not require %s", [doc.facts.document, tier, replace(rule, "_", " ")])
}

_vetting_ok(tier, rules) if {
	minimum := _min_vetting[tier]
	_vetting_rank[rules.vetting] >= _vetting_rank[minimum]
}

_vetting_ok(tier, rules) if {
	not _min_vetting[tier]
	_vetting_rank[rules.vetting]
}
