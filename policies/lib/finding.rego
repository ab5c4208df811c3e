# The shape of a finding: what is wrong, the evidence id, and the fact path that caused it,
# so reports can point at the exact YAML line.
package lib.finding

import future.keywords.not
import rego.v1

of(evidence, path, msg) := {"msg": msg, "evidence": evidence.id, "path": path}
