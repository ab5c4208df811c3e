# Data handling: email misdirection and transport (ids DH-EMAIL-*).
package dh.email

import future.keywords.not
import rego.v1

import data.lib.finding

# DH-EMAIL-01 (email to the wrong recipient): users are warned about external recipients,
# external addresses are not autocompleted, and mail can be held for recall or the
# recipients must be confirmed.
misdirection_unguarded contains finding.of(doc, sprintf("facts.systems[%d].external_recipient_warning", [i]), msg) if {
	some doc in input.evidence.email_controls
	some i, system in doc.facts.systems
	not system.external_recipient_warning == true
	msg := sprintf("%s does not warn users before they send to external recipients", [system.name])
}

misdirection_unguarded contains finding.of(doc, sprintf("facts.systems[%d].autocomplete_external", [i]), msg) if {
	some doc in input.evidence.email_controls
	some i, system in doc.facts.systems
	not system.autocomplete_external == false
	msg := sprintf("%s autocompletes external addresses (or does not say it does not)", [system.name])
}

misdirection_unguarded contains finding.of(doc, sprintf("facts.systems[%d]", [i]), msg) if {
	some doc in input.evidence.email_controls
	some i, system in doc.facts.systems
	not _recall_window(system)
	msg := sprintf("%s neither holds outgoing mail for recall nor asks users to confirm external recipients", [system.name])
}

_recall_window(system) if system.delay_send_minutes >= 1

_recall_window(system) if system.send_confirmation == true

# DH-EMAIL-02 (failure to use BCC): a mail rule blocks or warns on messages that show many
# external recipients in To or Cc.
bcc_unguarded contains finding.of(doc, sprintf("facts.systems[%d].bulk_recipient_rule", [i]), msg) if {
	some doc in input.evidence.email_controls
	some i, system in doc.facts.systems
	not system.bulk_recipient_rule in {"block", "warn"}
	msg := sprintf("%s has no rule that blocks or warns when many external recipients are visible in To/Cc", [system.name])
}

bcc_unguarded contains finding.of(doc, sprintf("facts.systems[%d].bulk_recipient_threshold", [i]), msg) if {
	some doc in input.evidence.email_controls
	some i, system in doc.facts.systems
	system.bulk_recipient_rule in {"block", "warn"}
	not system.bulk_recipient_threshold
	msg := sprintf("%s: the visible-recipient rule states no threshold", [system.name])
}

# DH-EMAIL-03: OFFICIAL email travels over enforced TLS.
tls_not_enforced contains finding.of(doc, sprintf("facts.systems[%d].tls_enforced", [i]), msg) if {
	some doc in input.evidence.email_controls
	some i, system in doc.facts.systems
	not system.tls_enforced == true
	msg := sprintf("%s does not enforce TLS for OFFICIAL email", [system.name])
}

# A document listing no mail systems cannot show any of the settings: every control fails.
_no_systems contains doc if {
	some doc in input.evidence.email_controls
	count(object.get(doc.facts, "systems", [])) == 0
}

_empty_msg := "the email controls evidence lists no mail systems"

misdirection_unguarded contains finding.of(doc, "facts.systems", _empty_msg) if some doc in _no_systems

bcc_unguarded contains finding.of(doc, "facts.systems", _empty_msg) if some doc in _no_systems

tls_not_enforced contains finding.of(doc, "facts.systems", _empty_msg) if some doc in _no_systems
