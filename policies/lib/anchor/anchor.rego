# Where a finding about something absent (no scan in a quarter, no review this year) points:
# the most recently collected document of the kind the control reads, so the report names a
# file and line. Undefined when there is no document; a control lists the kind as evidence,
# so that case is already a gap.
package lib.anchor

import future.keywords.not
import rego.v1

# The document of `docs` collected last (ties: the greatest id).
latest(docs) := doc if {
	newest := max({object.get(d, "collected", "") | some d in docs})
	doc := [d |
		some d in docs
		object.get(d, "collected", "") == newest
		d.id == max({e.id | some e in docs; object.get(e, "collected", "") == newest})
	][0]
}
