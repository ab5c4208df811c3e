# Key-management events and custodians (key_events) judged for PCI DSS 3.7.2, 3.7.5, 3.7.6
# and 3.7.8.
package pci.keys

import future.keywords.not
import rego.v1

import data.lib.finding

# PCI-3.7.2: keys distributed or loaded only by a secure method (inside an HSM, encrypted
# under a key-encrypting key, or as split components), never in the clear.
key_distribution_insecure contains finding.of(doc, sprintf("facts.events[%d].method", [i]), msg) if {
	some doc in input.evidence.key_events
	some i, event in doc.facts.events
	event.type in {"distributed", "loaded"}
	not object.get(event, "method", "") in {"hsm_transfer", "encrypted_under_kek", "split_components"}
	msg := sprintf("key %s was %s on %s by %s", [event.key, event.type, event.date, object.get(event, "method", "a method not recorded")])
}

# PCI-3.7.5: a key suspected compromised or weakened is retired or replaced, on or after the
# suspicion; none is still awaiting it.
compromised_key_kept contains finding.of(doc, sprintf("facts.events[%d]", [i]), msg) if {
	some doc in input.evidence.key_events
	some i, event in doc.facts.events
	event.type in {"compromise_suspected", "weakened"}
	not _retired_after(doc.facts.events, event)
	msg := sprintf("key %s was %s on %s and has not been retired or replaced since", [event.key, _said(event.type), event.date])
}

_retired_after(events, suspect) if {
	some later in events
	later.key == suspect.key
	later.type in {"retired", "replaced"}
	later.date >= suspect.date
}

_said("compromise_suspected") := "suspected compromised"

_said("weakened") := "found weakened"

# PCI-3.7.6: manual cleartext key operations under split knowledge and dual control: at least
# two named participants.
dual_control_missing contains finding.of(doc, sprintf("facts.events[%d].participants", [i]), msg) if {
	some doc in input.evidence.key_events
	some i, event in doc.facts.events
	object.get(event, "manual_cleartext", false) == true
	count({p | some p in object.get(event, "participants", []); trim_space(p) != ""}) < 2
	msg := sprintf("manual cleartext operation on key %s on %s had fewer than two participants", [event.key, event.date])
}

dual_control_missing contains finding.of(doc, sprintf("facts.events[%d].manual_cleartext", [i]), msg) if {
	some doc in input.evidence.key_events
	some i, event in doc.facts.events
	object.get(event, "method", "") == "cleartext"
	not is_boolean(object.get(event, "manual_cleartext", null))
	msg := sprintf("key %s was handled in cleartext on %s and the record does not say whether by hand", [event.key, event.date])
}

# PCI-3.7.8: every key custodian has formally acknowledged the role, on or before the
# assessment date.
custodian_unacknowledged contains finding.of(doc, sprintf("facts.custodians[%d]", [i]), msg) if {
	some doc in input.evidence.key_events
	some i, custodian in doc.facts.custodians
	not object.get(custodian, "acknowledged", "9999-12-31") <= input.as_of
	msg := sprintf("key custodian %s (%s) has not acknowledged the custodian's responsibilities", [custodian.name, concat(", ", custodian.keys)])
}

custodian_unacknowledged contains finding.of(doc, "facts.custodians", "no key custodians are listed") if {
	some doc in input.evidence.key_events
	count(doc.facts.custodians) == 0
}
