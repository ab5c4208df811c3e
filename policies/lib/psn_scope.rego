# Which people, devices, hosts and information assets the PSN rules judge. `psn_access: false`
# (people, devices, hosts) or `psn_data: false` (assets) takes an item out only with an
# approved `psn_exclusion` beside it: why, who approved it and when (on or before the
# assessment date, within the last 12 months). Anyone can write `false`; without the approval
# the item is judged as having PSN access (an asset as carried over the PSN), so an unapproved
# descoping never passes. The loader refuses an exclusion approved by the document's owner or
# by the item's own person, device user or role (checker/descoping.py), which Rego cannot
# match as a reader would.
package lib.psn_scope

import future.keywords.not
import rego.v1

import data.lib.dates

# How long an exclusion counts after its approval, in months.
exclusion_months := 12

# The flag an item states to leave the PSN checks, and what judging it anyway means.
_flags := {"psn_access": "having PSN access", "psn_data": "carried over the PSN"}

# True when the PSN rules judge `item` at `as_of`: it has PSN access (or PSN data), or says
# it has not without an approval that counts.
judged(item, as_of) if not excluded(item, as_of)

# True when `item` is out of the PSN checks at `as_of`: its flag false, approved.
excluded(item, as_of) if {
	_marked_off(item)
	_approved(object.get(item, "psn_exclusion", null), as_of)
}

_marked_off(item) if {
	some flag, _ in _flags
	object.get(item, flag, null) == false
}

_approved(exclusion, as_of) if {
	_stated(exclusion.reason)
	_stated(exclusion.approved_by)
	dates.done_by(exclusion.approved_on, as_of)
	dates.within_months(exclusion.approved_on, as_of, exclusion_months)
}

_stated(text) if {
	is_string(text)
	trim_space(text) != ""
}

# What a finding on `item` adds when the item says `psn_access: false` (or `psn_data: false`)
# but is judged anyway, so that the reader sees why: "" for an item in the PSN checks.
note(item, as_of) := "" if not _unapproved(item, as_of)

note(item, as_of) := sprintf(" [marked %s: false %s, so judged as %s]", [flag, _why(item, as_of), _flags[flag]]) if {
	_unapproved(item, as_of)
	flag := min({f | some f, _ in _flags; object.get(item, f, null) == false})
}

_unapproved(item, as_of) if {
	_marked_off(item)
	not excluded(item, as_of)
}

_why(item, _) := "with no psn_exclusion approving it" if not is_object(object.get(item, "psn_exclusion", null))

_why(item, as_of) := sprintf("but its psn_exclusion, approved %v, does not count at %s (reason, approver and an approval date on or before it and within %d months are needed)", [object.get(item.psn_exclusion, "approved_on", "on no date"), as_of, exclusion_months]) if {
	is_object(item.psn_exclusion)
	not _approved(item.psn_exclusion, as_of)
}
