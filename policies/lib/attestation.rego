# Attested (process) controls. Whether a fresh attestation citing the control exists is
# decided before the rule runs (no attestation, or a stale one, is a gap); this rule judges
# what the attestations say.
package lib.attestation

import rego.v1

import data.lib.finding

# Findings for `control_id`, given the roles whose attestation counts (empty: any role).
findings(control_id, roles) := {f |
	some doc in input.evidence.attestation
	control_id in doc.facts.controls
	problems := _outcome(doc) | _role(doc, roles)
	some f in problems
}

_outcome(doc) := {finding.of(doc, "facts.outcome", msg) |
	doc.facts.outcome != "met"
	msg := sprintf("%s (%s) attests the control is %s", [doc.facts.attested_by, doc.facts.role, doc.facts.outcome])
}

_role(doc, roles) := {finding.of(doc, "facts.role", msg) |
	count(roles) > 0
	not doc.facts.role in roles
	msg := sprintf("attested by role %q; accepted roles: %s", [doc.facts.role, concat(", ", roles)])
}
