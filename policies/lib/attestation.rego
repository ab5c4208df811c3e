# Attested (process) controls. Whether a fresh attestation citing the control exists is
# decided before the rule runs (no attestation, or a stale one, is a gap); this rule judges
# what the attestations say.
package lib.attestation

import future.keywords.not
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
	not doc.facts.outcome == "met"
	msg := sprintf("%s (%s) attests the control is %s", [_fact(doc, "attested_by"), _fact(doc, "role"), _fact(doc, "outcome")])
}

_role(doc, roles) := {finding.of(doc, "facts.role", msg) |
	count(roles) > 0
	not _accepted(doc.facts.role, roles)
	msg := sprintf("attested by role %q; accepted roles: %s", [_fact(doc, "role"), concat(", ", roles)])
}

_fact(doc, key) := object.get(doc.facts, key, "(not stated)")

# Whether `role` is one of `roles` (used by levelled attestations, data.caf.attested).
role_accepted(role, roles) if _accepted(role, roles)

# Roles match ignoring case and surrounding spaces ("siro " is "SIRO"); otherwise exactly.
_accepted(role, roles) if {
	some accepted in roles
	_norm(role) == _norm(accepted)
}

_norm(role) := lower(trim_space(role)) if is_string(role)
