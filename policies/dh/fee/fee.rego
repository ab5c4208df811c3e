# Data handling: the ICO data protection fee (ids DH-FEE-*).
package dh.fee

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding

# DH-FEE-01: the organisation is registered with the ICO and its annual fee is current.
fee_not_current contains finding.of(doc, "facts.registration_number", msg) if {
	some doc in input.evidence.ico_registration
	not regex.match(`^Z[A-Z0-9][0-9]{6}$`, doc.facts.registration_number)
	msg := sprintf("%q is not an ICO registration number (Z followed by seven characters)", [doc.facts.registration_number])
}

fee_not_current contains finding.of(doc, "facts.expires", msg) if {
	some doc in input.evidence.ico_registration
	not _current(doc.facts, input.as_of)
	msg := sprintf("ICO registration %s lapses %s; renew it and pay the fee", [doc.facts.registration_number, object.get(doc.facts, "expires", "on a date not recorded")])
}

_current(facts, as_of) if facts.expires >= as_of

# The fee is annual (DPA-FEE): the latest payment is no more than 12 months old.
fee_not_current contains finding.of(doc, "facts.paid", msg) if {
	some doc in input.evidence.ico_registration
	not dates.within_months(doc.facts.paid, input.as_of, 12)
	msg := sprintf("ICO registration %s: data protection fee last paid %s; it is due every year", [doc.facts.registration_number, object.get(doc.facts, "paid", "on a date not recorded")])
}
