# Which system components and accounts the PCI DSS rules judge. `in_cde: false` is the scope
# inventory's decision, not anyone's say-so: a component marked false leaves the PCI rules
# only when a pci_scope document lists it by name under `out_of_scope` with an approval that
# counts (a reason, an approver, approved on or before the assessment date and within the
# last 12 months); an account marked false leaves them only when the system it belongs to is
# so listed (an account on an in-scope component is in scope). Otherwise the item is judged
# as in scope, and PCI-12.5.1 reports the flag. The loader refuses a listing approved by
# nobody, by the inventory's owner, or dated after the assessment (checker/descoping.py).
package lib.pci_scope

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.text

# How long an out_of_scope listing counts after its approval, in months.
listing_months := 12

# The names the scope inventories list out of PCI DSS scope with an approval that counts at
# `as_of`. Build it once per package and pass it to in_scope (asking it per item would read
# every listing for every item):
#   _listed := pci_scope.listed(input.evidence, object.get(input, "as_of", ""))
listed(evidence, as_of) := {entry.name |
	some doc in object.get(evidence, "pci_scope", [])
	some entry in object.get(doc.facts, "out_of_scope", [])
	current(entry, as_of)
}

# True when an out_of_scope entry counts at `as_of`.
current(entry, as_of) if {
	text.stated(entry, "reason")
	text.stated(entry, "approved_by")
	dates.done_by(entry.approved_on, as_of)
	dates.within_months(entry.approved_on, as_of, listing_months)
}

# True when the PCI rules judge `item`, whose out_of_scope name is `name`: it is not marked
# `in_cde: false`, or it is but `name` is not in `listed`.
in_scope(item, name, listed) if not out_of_scope(item, name, listed)

# True when `item` is out of PCI DSS scope: marked `in_cde: false` and listed.
out_of_scope(item, name, listed) if {
	object.get(item, "in_cde", null) == false
	name in listed
}
