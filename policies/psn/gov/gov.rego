# PSN connection: governance and the annual submission (project ids PSN-GOV-*).
package psn.gov

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.anchor
import data.lib.finding

_parts := ["coco", "network_diagram", "ithc_report", "contact_details", "application"]

_coco_counts := ["users", "sites", "internal_ip_count"]

_senior_roles := {"SIRO", "Senior Information Risk Owner", "Chief Executive", "Accounting Officer"}

# The newest certificate document (by issue date, then id); history may be kept beside it.
_latest := doc if {
	latest := max({[object.get(d.facts, "issued", ""), d.id] | some d in input.evidence.psn_certificate})
	some doc in input.evidence.psn_certificate
	[object.get(doc.facts, "issued", ""), doc.id] == latest
}

# PSN-GOV-01: a certificate in force, issued within the 12-month renewal cycle.
certificate_not_current contains finding.of(doc, "facts.issued", msg) if {
	doc := _latest
	is_string(doc.facts.issued)
	not dates.within_months(doc.facts.issued, input.as_of, 12)
	msg := sprintf("%s: certificate issued %s, %s", [_env(doc), doc.facts.issued, _renewal_gap(doc.facts.issued)])
}

# A certificate document without an issue date may be the newest: a finding, never skipped.
certificate_not_current contains finding.of(doc, "facts.issued", msg) if {
	some doc in input.evidence.psn_certificate
	not is_string(object.get(doc.facts, "issued", null))
	msg := sprintf("%s: certificate document %s has no issue date", [_env(doc), doc.id])
}

_renewal_gap(issued) := dates.months_gap(issued, input.as_of, 12) if dates.after(issued, input.as_of)

_renewal_gap(issued) := sprintf("not renewed within 12 months of %s", [input.as_of]) if not dates.after(issued, input.as_of)

certificate_not_current contains finding.of(doc, "facts.expires", msg) if {
	doc := _latest
	not _unexpired(doc.facts, input.as_of)
	msg := sprintf("%s: certificate expiry %v is before %s", [_env(doc), object.get(doc.facts, "expires", "not stated"), input.as_of])
}

_unexpired(facts, as_of) if facts.expires >= as_of

_env(doc) := name if {
	name := doc.facts.environment_name
	is_string(name)
	trim_space(name) != ""
} else := sprintf("(unnamed PSN environment, %s)", [doc.id])

# PSN-GOV-02: the latest submission was made, on or before the assessment date, with all
# five parts. A submission dated later has not been made yet.
submission_incomplete contains finding.of(doc, "facts.submission", msg) if {
	doc := _latest
	some part in _parts
	not part in object.get(doc.facts, ["submission", "parts"], [])
	msg := sprintf("%s: submission lacks the %s part", [_env(doc), replace(part, "_", " ")])
}

submission_incomplete contains finding.of(doc, "facts.submission.submitted", msg) if {
	doc := _latest
	submitted := object.get(doc.facts, ["submission", "submitted"], null)
	not dates.done_by(submitted, input.as_of)
	msg := sprintf("%s: %s", [_env(doc), _undone("submission", submitted)])
}

# A message for a "done" fact whose date is missing, not a date, or after the assessment date.
_undone(what, date) := sprintf("%s dated %s, after the assessment date %s; a later date does not count", [what, date, input.as_of]) if {
	dates.after(date, input.as_of)
}

_undone(what, date) := sprintf("%s is not dated", [what]) if not dates.after(date, input.as_of)

# PSN-GOV-03: the CoCo names the environment's users, sites, internal IPs and hosted services.
coco_incomplete contains finding.of(doc, "facts.coco", msg) if {
	doc := _latest
	some field in _coco_counts
	not _positive(object.get(doc.facts, ["coco", field], null))
	msg := sprintf("%s: CoCo does not give the number of %s", [_env(doc), replace(field, "_", " ")])
}

coco_incomplete contains finding.of(doc, "facts.coco", msg) if {
	doc := _latest
	not is_array(object.get(doc.facts, ["coco", "hosted_service_codes"], null))
	msg := sprintf("%s: CoCo does not list hosted PSN service (SRV_) codes, nor say there are none", [_env(doc)])
}

coco_incomplete contains finding.of(doc, "facts.environment_name", msg) if {
	doc := _latest
	not _named(doc.facts.environment_name)
	msg := sprintf("certificate document %s: CoCo does not name the PSN environment", [doc.id])
}

coco_incomplete contains finding.of(doc, sprintf("facts.coco.hosted_service_codes[%d]", [i]), msg) if {
	doc := _latest
	some i, code in doc.facts.coco.hosted_service_codes
	not _service_code(code)
	msg := sprintf("%s: hosted service code %v is not an SRV_ code", [_env(doc), code])
}

_positive(n) if n > 0

_named(text) if {
	is_string(text)
	trim_space(text) != ""
}

_service_code(code) if regex.match(`^SRV_[A-Za-z0-9]+$`, code)

# PSN-GOV-04: signed by the SIRO or an equivalent senior officer, with a date.
signatory_not_senior contains finding.of(doc, "facts.signatory", msg) if {
	doc := _latest
	not object.get(doc.facts, ["signatory", "role"], "") in _senior_roles
	msg := sprintf("%s: CoCo signed by role %q; need the SIRO or an equivalent senior officer", [_env(doc), object.get(doc.facts, ["signatory", "role"], "none")])
}

signatory_not_senior contains finding.of(doc, "facts.signatory.signed", msg) if {
	doc := _latest
	signed := object.get(doc.facts, ["signatory", "signed"], null)
	not dates.done_by(signed, input.as_of)
	msg := sprintf("%s: %s", [_env(doc), _undone("CoCo signature", signed)])
}

# PSN-GOV-05: every IA condition answered, and each met or covered by an exception agreed
# with the PSN team.
ia_conditions_unmet contains finding.of(doc, "facts.coco", msg) if {
	doc := _latest
	count(object.get(doc.facts, ["coco", "ia_conditions"], [])) == 0
	msg := sprintf("%s: CoCo IA conditions are not answered", [_env(doc)])
}

ia_conditions_unmet contains finding.of(doc, sprintf("facts.coco.ia_conditions[%d]", [i]), msg) if {
	doc := _latest
	some i, item in doc.facts.coco.ia_conditions
	not _answered(item)
	msg := sprintf("%s: IA condition %q is %s without an agreed exception on record", [_env(doc), object.get(item, "condition", sprintf("#%d", [i])), object.get(item, "status", "unanswered")])
}

# Every IA condition of the CoCo (PSN-IA-01..06, controls/psn/coco.yaml) must be answered:
# one answered condition is not the CoCo answered. An answer names the condition by its
# project id or its section name (case and spacing ignored).
_ia_conditions := {
	"PSN-IA-01": "operational security",
	"PSN-IA-02": "boundary protection and interfaces",
	"PSN-IA-03": "protecting data",
	"PSN-IA-04": "security testing",
	"PSN-IA-05": "people and access",
	"PSN-IA-06": "cloud services",
}

ia_conditions_unmet contains finding.of(doc, "facts.coco.ia_conditions", msg) if {
	doc := _latest
	count(object.get(doc.facts, ["coco", "ia_conditions"], [])) > 0
	some id, name in _ia_conditions
	not _condition_listed(doc, id, name)
	msg := sprintf("%s: IA condition %s (%s) is not answered in the CoCo", [_env(doc), id, name])
}

_condition_listed(doc, id, name) if {
	some item in doc.facts.coco.ia_conditions
	_names(item.condition, id, name)
}

_names(condition, id, _) if upper(trim_space(condition)) == id

_names(condition, _, name) if lower(trim_space(condition)) == name

_answered(item) if item.status == "met"

_answered(item) if {
	item.status == "exception_agreed"
	trim_space(item.exception_reference) != ""
}

# PSN-GOV-08: PSN team contacts recorded, each confirmed within 12 months.
contacts_stale contains finding.of(doc, "facts.contacts", "no PSN team contacts recorded") if {
	count([c | some d in input.evidence.security_contacts; some c in d.facts.contacts]) == 0
	doc := anchor.latest(input.evidence.security_contacts)
}

contacts_stale contains finding.of(doc, sprintf("facts.contacts[%d]", [i]), msg) if {
	some doc in input.evidence.security_contacts
	some i, contact in doc.facts.contacts
	not dates.within_months(contact.last_confirmed, input.as_of, 12)
	msg := sprintf("%s (%s): last confirmed with the PSN team %v, %s", [object.get(contact, "name", sprintf("contact #%d", [i])), object.get(contact, "role", "role not stated"), object.get(contact, "last_confirmed", "never"), dates.months_gap(object.get(contact, "last_confirmed", null), input.as_of, 12)])
}

# The latest certificate's answers to IA condition `id` (PSN-IA-01..06): empty when unanswered.
ia_condition_answers(id) := {item |
	doc := _latest
	some item in doc.facts.coco.ia_conditions
	_names(item.condition, id, _ia_conditions[id])
}
