# Project parameters: values that are the project's reading of a standard rather than the
# standard's own words (controls/parameters.yaml), as an organisation's profile tightened
# them. The runner hands them to Rego as input.parameters; tests supply them with
# `with input.parameters as ...`.
package lib.params

import future.keywords.not
import rego.v1

# The parameter named `key`; undefined when no run supplied it (see `missing`).
value(key) := input.parameters[key]

# One finding per key in `keys` that has no value: a rule whose limit is unknown must never
# pass, so every rule that reads a parameter also reports it missing.
missing(keys) := {msg |
	some key in keys
	not _set(key)
	msg := sprintf("project parameter %s is not set (controls/parameters.yaml): this control cannot be decided", [key])
}

_set(key) if input.parameters[key] != null
