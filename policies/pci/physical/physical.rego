# Physical access and media records judged for PCI DSS 9.3.1, 9.3.1.1, 9.3.2, 9.3.3 (the
# physical access log) and 9.4.3, 9.4.4, 9.4.7 (media movements and destruction).
package pci.physical

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.text

# PCI-9.3.1: every badge holder's access to sensitive areas was authorised by a named person.
access_unauthorised contains finding.of(doc, sprintf("facts.badge_holders[%d]", [i]), msg) if {
	some doc in input.evidence.physical_access_log
	some i, holder in doc.facts.badge_holders
	not text.stated(holder, "authorised_by")
	msg := sprintf("%s (%s) holds access to %s that nobody is recorded as authorising", [holder.name, holder.role, concat(", ", holder.areas)])
}

access_unauthorised contains finding.of(doc, sprintf("facts.badge_holders[%d].authorised", [i]), msg) if {
	some doc in input.evidence.physical_access_log
	some i, holder in doc.facts.badge_holders
	not is_string(object.get(holder, "authorised", null))
	msg := sprintf("%s (%s): the date access was authorised is not recorded", [holder.name, holder.role])
}

# PCI-9.3.1.1: access ends when the person leaves; a leaver whose access was revoked after
# their last day (or never) fails.
leaver_access_kept contains finding.of(doc, sprintf("facts.badge_holders[%d]", [i]), msg) if {
	some doc in input.evidence.physical_access_log
	some i, holder in doc.facts.badge_holders
	is_string(object.get(holder, "left", null))
	not object.get(holder, "revoked", "9999-12-31") <= holder.left
	msg := sprintf("%s left on %s but physical access was %s", [holder.name, holder.left, _revoked(holder)])
}

_revoked(holder) := sprintf("revoked only on %s", [holder.revoked]) if is_string(object.get(holder, "revoked", null))

_revoked(holder) := "never revoked" if not is_string(object.get(holder, "revoked", null))

# PCI-9.3.2: each visitor to a sensitive area was authorised, escorted and given a badge.
visitor_unescorted contains finding.of(doc, sprintf("facts.visitors[%d]", [i]), msg) if {
	some doc in input.evidence.physical_access_log
	some i, visitor in doc.facts.visitors
	problems := [p | some p in _visitor_problems(visitor)]
	count(problems) > 0
	msg := sprintf("visitor %s on %s: %s", [visitor.name, visitor.date, concat("; ", sort(problems))])
}

_visitor_problems(visitor) := {p |
	not text.stated(visitor, "authorised_by")
	p := "no authorisation recorded"
} | {p |
	not object.get(visitor, "escorted", false) == true
	p := "not escorted"
} | {p |
	not text.stated(visitor, "badge")
	p := "no visitor badge issued"
}

# PCI-9.3.3: each visitor badge handed back or deactivated on the day of the visit.
visitor_badge_kept contains finding.of(doc, sprintf("facts.visitors[%d].badge_returned", [i]), msg) if {
	some doc in input.evidence.physical_access_log
	some i, visitor in doc.facts.visitors
	not object.get(visitor, "badge_returned", "") == visitor.date
	msg := sprintf("visitor %s (%s): badge %s was not returned or deactivated on the day of the visit", [visitor.name, visitor.date, object.get(visitor, "badge", "(none)")])
}

# PCI-9.4.3: media sent off site go by secured courier or another tracked method, with a
# tracking reference and a recorded receipt.
media_move_untracked contains finding.of(doc, sprintf("facts.movements[%d]", [i]), msg) if {
	some doc in input.evidence.media_movements
	some i, move in doc.facts.movements
	problems := [p | some p in _move_problems(move)]
	count(problems) > 0
	msg := sprintf("media %s sent %s to %s: %s", [move.label, move.sent, move.destination, concat("; ", sort(problems))])
}

_move_problems(move) := {p |
	not object.get(move, "courier", "") in {"secured_courier", "staff_hand_carried"}
	p := sprintf("sent by %s, not a secured courier or hand carried", [object.get(move, "courier", "a method not recorded")])
} | {p |
	not text.stated(move, "tracking")
	p := "no tracking reference"
} | {p |
	not object.get(move, "received", "") >= move.sent
	p := "receipt not recorded"
}

# PCI-9.4.4: management approved each move before the media left.
media_move_unapproved contains finding.of(doc, sprintf("facts.movements[%d].approved", [i]), msg) if {
	some doc in input.evidence.media_movements
	some i, move in doc.facts.movements
	not object.get(move, "approved", "9999-12-31") <= move.sent
	msg := sprintf("media %s left on %s without an approval dated on or before that day (approved by %s)", [move.label, move.sent, object.get(move, "approved_by", "nobody recorded")])
}

# PCI-9.4.7: electronic media destroyed by a method that leaves the data unrecoverable.
media_not_destroyed contains finding.of(doc, sprintf("facts.destructions[%d].method", [i]), msg) if {
	some doc in input.evidence.media_movements
	some i, item in doc.facts.destructions
	item.type == "electronic"
	not item.method in {"degauss", "crypto_erase", "secure_wipe", "physical_destruction"}
	msg := sprintf("electronic media %s destroyed %s by %s, which can leave data recoverable", [item.label, item.destroyed, item.method])
}

media_not_destroyed contains finding.of(doc, sprintf("facts.destructions[%d].destroyed", [i]), msg) if {
	some doc in input.evidence.media_movements
	some i, item in doc.facts.destructions
	not dates.not_after(item.destroyed, input.as_of)
	msg := sprintf("media %s is recorded as destroyed %s, after the assessment date", [item.label, item.destroyed])
}

