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

# Posts that decide the purposes and means of processing: holding one conflicts with the DPO's
# role (UK GDPR Article 38(6); the ICO's examples: chief executive, operating, finance or
# medical officer, and heads of marketing, HR and IT). Matched ignoring case.
_conflicting_posts := {
	"chief executive", "chief operating officer", "chief financial officer", "chief medical officer",
	"director of finance", "head of marketing", "head of hr", "head of human resources", "head of it",
	"head of ict", "head of digital", "senior information risk owner", "siro",
}

# DH-ROLES-05: the DPO reports to the highest management level and holds no post whose
# decisions the DPO would advise on (Article 38(3) and (6)).
dpo_not_independent contains finding.of(doc, "facts.dpo", "no Data Protection Officer is designated, so independence cannot be shown") if {
	some doc in input.evidence.governance_roles
	not doc.facts.dpo
}

dpo_not_independent contains finding.of(doc, "facts.dpo.reports_to_highest_management", msg) if {
	some doc in input.evidence.governance_roles
	dpo := doc.facts.dpo
	not dpo.reports_to_highest_management == true
	msg := sprintf("DPO %s does not report directly to the highest management level (reports to %s)", [dpo.name, object.get(dpo, "reports_to", "a post not recorded")])
}

dpo_not_independent contains finding.of(doc, "facts.dpo.other_roles", msg) if {
	some doc in input.evidence.governance_roles
	dpo := doc.facts.dpo
	not is_array(object.get(dpo, "other_roles", null))
	msg := sprintf("DPO %s: other posts held are not recorded (an empty list when none), so a conflict of interests cannot be ruled out", [dpo.name])
}

dpo_not_independent contains finding.of(doc, "facts.dpo.other_roles", msg) if {
	some doc in input.evidence.governance_roles
	dpo := doc.facts.dpo
	some role in array.concat(dpo.other_roles, [dpo.post])
	lower(trim_space(role)) in _conflicting_posts
	msg := sprintf("DPO %s also holds the post %q, which decides the processing the DPO advises on", [dpo.name, role])
}

dpo_not_independent contains finding.of(doc, "facts.dpo", msg) if {
	some doc in input.evidence.governance_roles
	lower(trim_space(doc.facts.dpo.name)) == lower(trim_space(doc.facts.siro.name))
	msg := sprintf("%s is both DPO and SIRO: the DPO advises on the risk decisions the SIRO takes", [doc.facts.dpo.name])
}

# DH-ROLES-06: the DPO's contact details are published and given to the ICO (Article 37(7)),
# after this DPO's appointment (an earlier notice names someone else).
dpo_not_notified contains finding.of(doc, "facts.dpo", "no Data Protection Officer is designated, so none has been notified to the ICO") if {
	some doc in input.evidence.governance_roles
	not doc.facts.dpo
}

dpo_not_notified contains finding.of(doc, "facts.dpo.contact_published", msg) if {
	some doc in input.evidence.governance_roles
	dpo := doc.facts.dpo
	not dpo.contact_published == true
	msg := sprintf("DPO %s: contact details are not recorded as published", [dpo.name])
}

dpo_not_notified contains finding.of(doc, "facts.dpo.ico_notified", msg) if {
	some doc in input.evidence.governance_roles
	dpo := doc.facts.dpo
	not dpo.ico_notified
	msg := sprintf("DPO %s: no record that the contact details were given to the ICO", [dpo.name])
}

dpo_not_notified contains finding.of(doc, "facts.dpo.ico_notified", msg) if {
	some doc in input.evidence.governance_roles
	dpo := doc.facts.dpo
	dpo.ico_notified < dpo.appointed
	msg := sprintf("DPO %s was appointed %s but the ICO was last notified %s, of an earlier DPO", [dpo.name, dpo.appointed, dpo.ico_notified])
}
