# CAF contributing outcomes decided by attestation. Whether a fresh attestation citing the
# outcome exists is decided before the rule runs (none, or a stale one, is a gap); this rule
# reads the level it states: outcome met is Achieved, partially_met Partially achieved,
# not_met Not achieved. An attestation by a role the outcome does not accept counts for
# nothing (Not achieved), as does one whose outcome is missing or unknown.
package caf.attested

import future.keywords.not
import rego.v1

import data.lib.attestation
import data.lib.finding
import data.lib.level

findings(control_id, roles) := {f |
	some doc in input.evidence.attestation
	control_id in doc.facts.controls
	some f in _stated(doc) | _role(doc, roles)
}

_stated(doc) := {level.denies(finding.of(doc, "facts.outcome", msg), _denied(doc.facts)) |
	not doc.facts.outcome == "met"
	msg := sprintf("%s (%s) attests %s", [_fact(doc, "attested_by"), _fact(doc, "role"), _fact(doc, "outcome")])
}

# partially_met rules out Achieved; not_met, or no stated outcome, rules out everything above
# Not achieved.
_denied(facts) := "achieved" if facts.outcome == "partially_met"

_denied(facts) := "partially_achieved" if not facts.outcome == "partially_met"

_role(doc, roles) := {level.denies(finding.of(doc, "facts.role", msg), "partially_achieved") |
	count(roles) > 0
	not attestation.role_accepted(doc.facts.role, roles)
	msg := sprintf("attested by role %q; accepted roles: %s", [_fact(doc, "role"), concat(", ", roles)])
}

_fact(doc, key) := object.get(doc.facts, key, "(not stated)")
