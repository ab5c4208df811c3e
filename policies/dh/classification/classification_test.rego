package dh.classification_test

import future.keywords.not
import rego.v1

import data.dh.classification

_rules := {"vetting": "BPSS", "encrypt_at_rest": true, "encrypt_in_transit": true, "removable_media_encrypted": true, "removable_media_organisation_issued": true}

_policy := {
	"document": "IG-POL-003",
	"tiers": ["OFFICIAL", "SECRET", "TOP SECRET"],
	"markings": ["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"],
	"must_mark": ["OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"],
	"reclassification_authority": "asset_owner",
	"handling": {
		"OFFICIAL": _rules,
		"SECRET": object.union(_rules, {"vetting": "SC"}),
		"TOP SECRET": object.union(_rules, {"vetting": "DV"}),
	},
	"reclassifications": [{"asset": "IA-002", "from": "OFFICIAL", "to": "OFFICIAL-SENSITIVE", "date": "2026-03-01", "approved_by": "Director of Adult Social Care"}],
}

_register := {"id": "iar", "facts": {"reviewed": "2026-07-01", "assets": [{"id": "IA-002", "name": "Case files", "owner": "Director of Adult Social Care", "classification": "OFFICIAL"}]}}

# Replaces a top-level key (object.union would merge nested objects).
_with(key, value) := object.union(object.remove(_policy, [key]), {key: value})

_input(facts) := {"evidence": {"classification_policy": [{"id": "cls", "facts": facts}], "asset_register": [_register]}}

test_three_tiers_pass if {
	count(classification.tiers_wrong) == 0 with input as _input(_policy)
}

test_official_sensitive_as_a_fourth_tier_fails if {
	fs := classification.tiers_wrong with input as _input(object.union(_policy, {"tiers": ["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"]}))
	count(fs) == 1
	some f in fs
	contains(f.msg, "handling caveat")
}

test_retired_tiers_fail if {
	count(classification.tiers_wrong) == 4 with input as _input(object.union(_policy, {"tiers": ["PROTECT", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET"]}))
}

test_retired_marking_fails if {
	count(classification.tiers_wrong) == 1 with input as _input(object.union(_policy, {"markings": ["OFFICIAL", "RESTRICTED"]}))
}

test_missing_tiers_fail if {
	count(classification.tiers_wrong) == 3 with input as _input(object.remove(_policy, ["tiers"]))
}

test_marking_rules_pass if {
	count(classification.marking_rules_missing) == 0 with input as _input(_policy)
}

test_official_sensitive_not_marked_fails if {
	count(classification.marking_rules_missing) == 1 with input as _input(object.union(_policy, {"must_mark": ["SECRET", "TOP SECRET"]}))
}

test_no_marking_rules_fail if {
	count(classification.marking_rules_missing) == 3 with input as _input(object.remove(_policy, ["must_mark"]))
}

test_owner_reclassification_passes if {
	count(classification.reclassification_unauthorised) == 0 with input as _input(_policy)
}

test_anyone_may_reclassify_fails if {
	count(classification.reclassification_unauthorised) == 1 with input as _input(object.union(_policy, {"reclassification_authority": "originator"}))
	count(classification.reclassification_unauthorised) == 1 with input as _input(object.remove(_policy, ["reclassification_authority"]))
}

test_reclassification_by_someone_else_fails if {
	change := object.union(_policy.reclassifications[0], {"approved_by": "Records Officer"})
	count(classification.reclassification_unauthorised) == 1 with input as _input(object.union(_policy, {"reclassifications": [change]}))
}

test_reclassification_without_approver_or_register_fails if {
	change := object.remove(_policy.reclassifications[0], ["approved_by"])
	count(classification.reclassification_unauthorised) == 1 with input as _input(object.union(_policy, {"reclassifications": [change]}))
	count(classification.reclassification_unauthorised) == 1 with input as {"evidence": {"classification_policy": [{"id": "cls", "facts": _policy}]}}
}

test_handling_rules_pass if {
	count(classification.handling_rules_inadequate) == 0 with input as _input(_policy)
}

test_stricter_vetting_passes if {
	handling := object.union(_policy.handling, {"OFFICIAL": object.union(_rules, {"vetting": "SC"})})
	count(classification.handling_rules_inadequate) == 0 with input as _input(object.union(_policy, {"handling": handling}))
}

test_bpss_for_secret_fails if {
	handling := object.union(_policy.handling, {"SECRET": _rules})
	count(classification.handling_rules_inadequate) == 1 with input as _input(object.union(_policy, {"handling": handling}))
}

test_unknown_vetting_fails if {
	handling := object.union(_policy.handling, {"TOP SECRET": object.union(_rules, {"vetting": "none"})})
	count(classification.handling_rules_inadequate) == 1 with input as _input(object.union(_policy, {"handling": handling}))
}

test_missing_tier_rules_fail if {
	handling := object.remove(_policy.handling, ["SECRET", "TOP SECRET"])
	count(classification.handling_rules_inadequate) == 2 with input as _input(_with("handling", handling))
}

test_unencrypted_removable_media_allowed_fails if {
	handling := object.union(object.remove(_policy.handling, ["OFFICIAL"]), {"OFFICIAL": object.remove(_rules, ["removable_media_encrypted"])})
	count(classification.handling_rules_inadequate) == 1 with input as _input(_with("handling", handling))
}

test_top_secret_needs_at_least_sc if {
	sc := object.union(_policy.handling, {"TOP SECRET": object.union(_rules, {"vetting": "SC"})})
	count(classification.handling_rules_inadequate) == 0 with input as _input(_with("handling", sc))
	ctc := object.union(_policy.handling, {"TOP SECRET": object.union(_rules, {"vetting": "CTC"})})
	count(classification.handling_rules_inadequate) == 1 with input as _input(_with("handling", ctc))
}

test_official_with_no_vetting_stated_fails if {
	official := object.union(object.remove(_policy.handling, ["OFFICIAL"]), {"OFFICIAL": object.remove(_rules, ["vetting"])})
	count(classification.handling_rules_inadequate) == 1 with input as _input(_with("handling", official))
}

test_caveat_handling_rules_need_only_a_known_vetting_level if {
	caveat := object.union(_policy.handling, {"OFFICIAL-SENSITIVE": _rules})
	count(classification.handling_rules_inadequate) == 0 with input as _input(_with("handling", caveat))
}

test_markings_not_listed_fails if {
	count(classification.tiers_wrong) == 1 with input as _input(object.remove(_policy, ["markings"]))
}

test_retired_marking_in_marking_or_handling_rules_fails if {
	count(classification.tiers_wrong) == 1 with input as _input(object.union(_policy, {"must_mark": ["RESTRICTED", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"]}))
	count(classification.tiers_wrong) == 1 with input as _input(_with("handling", object.union(_policy.handling, {"PROTECT": _rules})))
}
