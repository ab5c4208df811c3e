# Data handling: information-risk roles (ids DH-ROLES-*).
package dh.roles

import future.keywords.not
import rego.v1

import data.lib.finding

# DH-ROLES-01: a SIRO and at least one Information Asset Owner are appointed.
roles_missing contains finding.of(doc, "facts", "no Senior Information Risk Owner (SIRO) is appointed") if {
	some doc in input.evidence.governance_roles
	not doc.facts.siro
}

roles_missing contains finding.of(doc, "facts", "no Information Asset Owners are appointed") if {
	some doc in input.evidence.governance_roles
	count(object.get(doc.facts, "information_asset_owners", [])) == 0
}

# DH-ROLES-02: a public authority designates a Data Protection Officer.
dpo_missing contains finding.of(doc, "facts.dpo", "no Data Protection Officer is designated") if {
	some doc in input.evidence.governance_roles
	not doc.facts.dpo
}
