# PCI DSS v4.0.1 Requirement 12: support information security with organisational policies
# and programmes. Rules are sets of findings over security_policy, targeted_risk_analysis,
# hardware_software_review, pci_scope, training_records, service_provider_register and
# incident_response_plan evidence. A missing fact is a finding, never a pass.
package pci.req12

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.pci_scope
import data.lib.anchor
import data.pci.tra

# security_policy documents of one type (information_security, acceptable_use, ...).
_docs(evidence, type) := [doc | some doc in object.get(evidence, "security_policy", []); doc.facts.type == type]

_none(type) := finding.of(doc, "facts.type", msg) if {
	doc := anchor.latest(input.evidence.security_policy)
	msg := sprintf("no %s document in the security_policy evidence", [type])
}

# True when `date` (possibly absent, or a word such as "never") is no more than `months` months before `as_of`.
# --- 12.1 information security policy ---------------------------------------------------

# PCI-12.1.1: the information security policy is approved and published.
infosec_policy_not_established contains _none("information_security") if count(_docs(input.evidence, "information_security")) == 0

infosec_policy_not_established contains finding.of(doc, "facts.approved", msg) if {
	some doc in _docs(input.evidence, "information_security")
	not doc.facts.approved
	msg := sprintf("%s: no approval date recorded", [doc.facts.name])
}

infosec_policy_not_established contains finding.of(doc, "facts.published_to", msg) if {
	some doc in _docs(input.evidence, "information_security")
	not doc.facts.published_to
	msg := sprintf("%s: not recorded as published to personnel", [doc.facts.name])
}

# PCI-12.1.2: reviewed at least every 12 months.
infosec_policy_review_overdue contains _none("information_security") if count(_docs(input.evidence, "information_security")) == 0

infosec_policy_review_overdue contains finding.of(doc, "facts.last_reviewed", msg) if {
	some doc in _docs(input.evidence, "information_security")
	not dates.recent(doc.facts.last_reviewed, input.as_of, 12)
	msg := sprintf("%s: last reviewed %v; need a review within 12 months", [doc.facts.name, object.get(doc.facts, "last_reviewed", "never")])
}

# PCI-12.1.3: roles defined, and every person it applies to has acknowledged it.
security_roles_not_acknowledged contains _none("information_security") if count(_docs(input.evidence, "information_security")) == 0

security_roles_not_acknowledged contains finding.of(doc, "facts.defines_roles", msg) if {
	some doc in _docs(input.evidence, "information_security")
	not doc.facts.defines_roles == true
	msg := sprintf("%s: does not define security roles and responsibilities", [doc.facts.name])
}

security_roles_not_acknowledged contains finding.of(doc, "facts.acknowledgement", msg) if {
	some doc in _docs(input.evidence, "information_security")
	not _all_acknowledged(doc.facts)
	ack := object.get(doc.facts, "acknowledgement", {})
	msg := sprintf("%s: acknowledged by %v of %v personnel", [doc.facts.name, object.get(ack, "acknowledged", "no record"), object.get(ack, "personnel", "an unknown number of")])
}

_all_acknowledged(facts) if {
	facts.acknowledgement.personnel > 0
	facts.acknowledgement.acknowledged >= facts.acknowledgement.personnel
}

# PCI-12.1.4: a CISO or security-knowledgeable executive is formally responsible.
security_responsibility_unassigned contains _none("information_security") if count(_docs(input.evidence, "information_security")) == 0

security_responsibility_unassigned contains finding.of(doc, "facts.security_lead", msg) if {
	some doc in _docs(input.evidence, "information_security")
	not doc.facts.security_lead.name
	msg := sprintf("%s: names no CISO or executive responsible for information security", [doc.facts.name])
}

# --- 12.2 acceptable use ------------------------------------------------------------------

_acceptable_use_topics := ["explicit_approval", "acceptable_uses", "approved_products"]

# PCI-12.2.1: approved acceptable use policy covering approval, uses and approved products.
acceptable_use_policy_incomplete contains _none("acceptable_use") if count(_docs(input.evidence, "acceptable_use")) == 0

acceptable_use_policy_incomplete contains finding.of(doc, "facts.approved", msg) if {
	some doc in _docs(input.evidence, "acceptable_use")
	not doc.facts.approved
	msg := sprintf("%s: no approval date recorded", [doc.facts.name])
}

acceptable_use_policy_incomplete contains finding.of(doc, "facts.covers", msg) if {
	some doc in _docs(input.evidence, "acceptable_use")
	some topic in _acceptable_use_topics
	not topic in object.get(doc.facts, "covers", [])
	msg := sprintf("%s: does not cover %s", [doc.facts.name, topic])
}

# --- 12.3 targeted risk analyses and technology reviews -------------------------------------

_analyses(evidence, approach) := [[doc, i, a] |
	some doc in object.get(evidence, "targeted_risk_analysis", [])
	some i, a in doc.facts.analyses
	a.approach == approach
]

_tra_date(a) := object.get(a, "last_reviewed", object.get(a, "performed", "never"))

# PCI-12.3.1: every flexible-frequency analysis reviewed within 12 months and approved.
flexible_tra_not_current contains finding.of(doc, "facts.analyses", "no flexible-frequency targeted risk analyses recorded") if {
	count(_analyses(input.evidence, "flexible_frequency")) == 0
	doc := anchor.latest(input.evidence.targeted_risk_analysis)
}

flexible_tra_not_current contains finding.of(doc, sprintf("facts.analyses[%d].last_reviewed", [i]), msg) if {
	some entry in _analyses(input.evidence, "flexible_frequency")
	[doc, i, a] := entry
	not dates.recent(_tra_date(a), input.as_of, 12)
	msg := sprintf("analysis for %s: last reviewed %s; need a review within 12 months", [a.requirement, _tra_date(a)])
}

flexible_tra_not_current contains finding.of(doc, sprintf("facts.analyses[%d].approved_by", [i]), msg) if {
	some entry in _analyses(input.evidence, "flexible_frequency")
	[doc, i, a] := entry
	not a.approved_by
	msg := sprintf("analysis for %s: no approver recorded", [a.requirement])
}

# PCI-12.3.2: where the customized approach is used, each analysis is approved by senior
# management and performed again at least every 12 months.
customized_tra_not_current contains finding.of(doc, "facts.customized_approach_used", msg) if {
	some doc in input.evidence.targeted_risk_analysis
	not is_boolean(object.get(doc.facts, "customized_approach_used", null))
	msg := "the register does not say whether the customized approach is used"
}

customized_tra_not_current contains finding.of(doc, "facts.analyses", msg) if {
	some doc in input.evidence.targeted_risk_analysis
	doc.facts.customized_approach_used == true
	count([a | some a in doc.facts.analyses; a.approach == "customized"]) == 0
	msg := "the customized approach is used but no customized-approach analysis is recorded"
}

customized_tra_not_current contains finding.of(doc, sprintf("facts.analyses[%d].last_reviewed", [i]), msg) if {
	some entry in _analyses(input.evidence, "customized")
	[doc, i, a] := entry
	not dates.recent(_tra_date(a), input.as_of, 12)
	msg := sprintf("customized-approach analysis for %s: last performed %s; need one within 12 months", [a.requirement, _tra_date(a)])
}

customized_tra_not_current contains finding.of(doc, sprintf("facts.analyses[%d].approved_by", [i]), msg) if {
	some entry in _analyses(input.evidence, "customized")
	[doc, i, a] := entry
	not a.approved_by
	msg := sprintf("customized-approach analysis for %s: not approved by senior management", [a.requirement])
}

# PCI-12.3.3: cipher suites and protocols inventoried and reviewed every 12 months.
crypto_inventory_review_overdue contains finding.of(doc, "facts.cryptography", msg) if {
	some doc in input.evidence.hardware_software_review
	not doc.facts.cryptography
	msg := "no inventory of cipher suites and protocols in the technology review"
}

crypto_inventory_review_overdue contains finding.of(doc, "facts.cryptography.reviewed", msg) if {
	some doc in input.evidence.hardware_software_review
	is_object(doc.facts.cryptography)
	not dates.recent(doc.facts.cryptography.reviewed, input.as_of, 12)
	msg := sprintf("cipher suites and protocols last reviewed %v; need a review within 12 months", [object.get(doc.facts.cryptography, "reviewed", "never")])
}

crypto_inventory_review_overdue contains finding.of(doc, "facts.cryptography.in_use", msg) if {
	some doc in input.evidence.hardware_software_review
	is_object(doc.facts.cryptography)
	count(object.get(doc.facts.cryptography, "in_use", [])) == 0
	msg := "the cipher suite and protocol inventory is empty"
}

crypto_inventory_review_overdue contains finding.of(doc, sprintf("facts.cryptography.in_use[%d]", [i]), msg) if {
	some doc in input.evidence.hardware_software_review
	some i, item in doc.facts.cryptography.in_use
	not _crypto_ok(item)
	msg := sprintf("%s: status %v and no migration plan", [item.name, object.get(item, "status", "not assessed")])
}

_crypto_ok(item) if item.status == "current"

_crypto_ok(item) if item.migration_plan

# PCI-12.3.4: hardware and software reviewed every 12 months; anything unsupported, reaching
# end of life within 12 months or no longer meeting PCI DSS has a remediation plan.
technology_review_overdue contains finding.of(doc, "facts.reviewed", msg) if {
	some doc in input.evidence.hardware_software_review
	not dates.recent(doc.facts.reviewed, input.as_of, 12)
	msg := sprintf("technologies last reviewed %v; need a review within 12 months", [object.get(doc.facts, "reviewed", "never")])
}

technology_review_overdue contains finding.of(doc, sprintf("facts.technologies[%d]", [i]), msg) if {
	some doc in input.evidence.hardware_software_review
	some i, tech in doc.facts.technologies
	not _technology_ok(tech, input.as_of)
	msg := sprintf("%s: unsupported, near end of life or not confirmed to meet PCI DSS, with no remediation plan", [tech.name])
}

_technology_ok(tech, _) if tech.remediation_plan

_technology_ok(tech, as_of) if {
	tech.vendor_supported == true
	tech.meets_pci_dss == true
	not _end_of_life_within_a_year(tech, as_of)
}

_end_of_life_within_a_year(tech, as_of) if tech.end_of_life <= dates.add_months(as_of, 12)

# --- 12.4 service providers: compliance programme -----------------------------------------

_reviews(evidence, type) := [[doc, i, r] |
	some doc in object.get(evidence, "security_policy", [])
	some i, r in doc.facts.compliance_reviews
	r.type == type
]

# PCI-12.4.2: a policy-adherence review in each of the last four 3-month windows.
policy_adherence_reviews_missing contains finding.of(doc, "facts.compliance_reviews", msg) if {
	days := [entry[2].performed | some entry in _reviews(input.evidence, "policy_adherence")]
	some entry in dates.empty_windows(days, input.as_of, 3, 4)
	[start, end] := entry
	doc := anchor.latest(input.evidence.security_policy)
	msg := sprintf("no policy-adherence review between %s and %s (need one at least every 3 months)", [start, end])
}

# PCI-12.4.2.1: each review in the last 12 months is documented and signed off.
adherence_review_results_unsigned contains finding.of(doc, "facts.compliance_reviews", "no policy-adherence reviews in the last 12 months") if {
	count([entry | some entry in _reviews(input.evidence, "policy_adherence"); dates.recent(entry[2].performed, input.as_of, 12)]) == 0
	doc := anchor.latest(input.evidence.security_policy)
}

adherence_review_results_unsigned contains finding.of(doc, sprintf("facts.compliance_reviews[%d]", [i]), msg) if {
	some entry in _reviews(input.evidence, "policy_adherence")
	[doc, i, r] := entry
	dates.recent(r.performed, input.as_of, 12)
	not _signed_off(r)
	msg := sprintf("review of %s: results not documented or not signed off", [r.performed])
}

_signed_off(review) if {
	review.results_documented == true
	review.signed_off_by
}

# --- 12.5 scope ---------------------------------------------------------------------------

# PCI-12.5.1: inventory of in-scope components, each with its function.
scope_inventory_incomplete contains finding.of(doc, "facts.components", msg) if {
	some doc in input.evidence.pci_scope
	count(object.get(doc.facts, "components", [])) == 0
	msg := "no inventory of in-scope system components"
}

scope_inventory_incomplete contains finding.of(doc, sprintf("facts.components[%d].function", [i]), msg) if {
	some doc in input.evidence.pci_scope
	some i, component in doc.facts.components
	not component.function
	msg := sprintf("%s: function or use not described", [component.name])
}

# A component the scope inventory lists may not be marked out of the CDE anywhere else:
# `in_cde: false` on a host or a system record would take it out of every check that
# judges the CDE while the inventory says it is in.
scope_inventory_incomplete contains finding.of(doc, sprintf("facts.hosts[%d].in_cde", [i]), msg) if {
	some doc in input.evidence.endpoint_protection
	some i, host in doc.facts.hosts
	host.in_cde == false
	host.name in _inventoried
	msg := sprintf("%s is in the PCI DSS scope inventory but %s marks it in_cde: false", [host.name, doc.id])
}

scope_inventory_incomplete contains finding.of(doc, "facts.in_cde", msg) if {
	some doc in input.evidence.system_config
	doc.facts.in_cde == false
	doc.facts.system in _inventoried
	msg := sprintf("%s is in the PCI DSS scope inventory but %s marks it in_cde: false", [doc.facts.system, doc.id])
}

# `in_cde: false` on a system component takes it out of every PCI check only when the scope
# inventory lists it under `out_of_scope` with an approval that counts (data.lib.pci_scope);
# otherwise the rules judge it as in scope and this is a finding at its in_cde line.
scope_inventory_incomplete contains finding.of(doc, path, msg) if {
	some [source, d, path, name] in _marked_out_of_cde
	not name in _listed
	doc := input.evidence[source][d]
	msg := sprintf("%s is marked in_cde: false in %s, but no PCI DSS scope inventory lists it under out_of_scope with an approval that counts at %s (reason, approver, approved within %d months), so it is judged as in scope", [name, doc.id, input.as_of, pci_scope.listing_months])
}

# An account marked `in_cde: false` is out of scope only when its system is listed.
scope_inventory_incomplete contains finding.of(doc, sprintf("facts.accounts[%d].in_cde", [i]), msg) if {
	some doc in input.evidence.user_accounts
	system := object.get(doc.facts, "system", "")
	not system in _listed
	some i, account in doc.facts.accounts
	account.in_cde == false
	msg := sprintf("account %v of %s is marked in_cde: false in %s, but no PCI DSS scope inventory lists its system %s under out_of_scope with an approval that counts at %s (reason, approver, approved within %d months), so it is judged as in scope", [object.get(account, "id", sprintf("#%d", [i])), system, doc.id, system, input.as_of, pci_scope.listing_months])
}

_listed := pci_scope.listed(input.evidence, object.get(input, "as_of", ""))

# [kind, document index, path, name] of each component marked out of the CDE (the index, not
# the document: a set element holding a whole document costs its size per item).
_marked_out_of_cde contains marked if {
	some kind in ["auth_policy", "system_config"]
	some d, doc in object.get(input.evidence, kind, [])
	doc.facts.in_cde == false
	marked := [kind, d, "facts.in_cde", doc.facts.system]
}

_marked_out_of_cde contains marked if {
	some kind in ["endpoint_protection", "patch_status"]
	some d, doc in object.get(input.evidence, kind, [])
	some i, host in doc.facts.hosts
	host.in_cde == false
	marked := [kind, d, sprintf("facts.hosts[%d].in_cde", [i]), host.name]
}

_marked_out_of_cde contains ["bespoke_software", d, sprintf("facts.applications[%d].in_cde", [i]), app.name] if {
	some d, doc in object.get(input.evidence, "bespoke_software", [])
	some i, app in doc.facts.applications
	app.in_cde == false
}

_inventoried contains component.name if {
	some doc in input.evidence.pci_scope
	some component in doc.facts.components
}

# PCI-12.5.2 / 12.5.2.1: a complete scope confirmation (data flows and locations) within
# 12 months (6 for service providers).
scope_confirmation_overdue contains msg if some msg in _scope_overdue(input.evidence.pci_scope, input.as_of, 12)

scope_confirmation_overdue_service_provider contains msg if some msg in _scope_overdue(input.evidence.pci_scope, input.as_of, 6)

_scope_overdue(docs, as_of, months) := {finding.of(doc, "facts.confirmations", msg) |
	some doc in docs
	not _confirmed_within(doc, as_of, months)
	msg := sprintf("no scope confirmation covering data flows and account-data locations within %d months (latest: %s)", [months, _latest([c.date | some c in doc.facts.confirmations])])
}

_confirmed_within(doc, as_of, months) if {
	some c in doc.facts.confirmations
	dates.recent(c.date, as_of, months)
	c.data_flows_documented == true
	c.locations_documented == true
}

_latest(days) := max(days) if count(days) > 0

_latest(days) := "none" if count(days) == 0

# --- 12.6 security awareness ----------------------------------------------------------------

# PCI-12.6.1: an approved security awareness programme.
awareness_programme_missing contains _none("security_awareness_programme") if count(_docs(input.evidence, "security_awareness_programme")) == 0

awareness_programme_missing contains finding.of(doc, "facts.approved", msg) if {
	some doc in _docs(input.evidence, "security_awareness_programme")
	not doc.facts.approved
	msg := sprintf("%s: no approval date recorded", [doc.facts.name])
}

# PCI-12.6.2: the programme is reviewed at least every 12 months.
awareness_programme_review_overdue contains _none("security_awareness_programme") if count(_docs(input.evidence, "security_awareness_programme")) == 0

awareness_programme_review_overdue contains finding.of(doc, "facts.last_reviewed", msg) if {
	some doc in _docs(input.evidence, "security_awareness_programme")
	not dates.recent(doc.facts.last_reviewed, input.as_of, 12)
	msg := sprintf("%s: last reviewed %v; need a review within 12 months", [doc.facts.name, object.get(doc.facts, "last_reviewed", "never")])
}

# People in PCI scope: everyone not explicitly marked as having no card-data access.
_people := [[doc, i, p] |
	some doc in input.evidence.training_records
	some i, p in doc.facts.people
	not p.card_data_access == false
]

_last_trained(p) := max([d | some d in [object.get(p, "induction_completed", ""), object.get(p, "last_refresher", "")]; d != ""]) if {
	count([d | some d in [object.get(p, "induction_completed", ""), object.get(p, "last_refresher", "")]; d != ""]) > 0
}

_last_trained(p) := "never" if {
	not p.induction_completed
	not p.last_refresher
}

_no_people := finding.of(doc, "facts.people", "no people in PCI scope in the training records") if {
	doc := anchor.latest(input.evidence.training_records)
}

# PCI-12.6.3: training at hire and at least every 12 months; yearly policy acknowledgement.
awareness_training_overdue contains _no_people if count(_people) == 0

awareness_training_overdue contains finding.of(doc, sprintf("facts.people[%d].induction_completed", [i]), msg) if {
	some entry in _people
	[doc, i, p] := entry
	not p.induction_completed
	msg := sprintf("%s: no security awareness training recorded at hire", [p.name])
}

awareness_training_overdue contains finding.of(doc, sprintf("facts.people[%d].last_refresher", [i]), msg) if {
	some entry in _people
	[doc, i, p] := entry
	not dates.recent(_last_trained(p), input.as_of, 12)
	msg := sprintf("%s: last trained %s; need training within 12 months", [p.name, _last_trained(p)])
}

awareness_training_overdue contains _none("information_security") if count(_docs(input.evidence, "information_security")) == 0

awareness_training_overdue contains finding.of(doc, "facts.acknowledgement.campaign_completed", msg) if {
	some doc in _docs(input.evidence, "information_security")
	not dates.recent(doc.facts.acknowledgement.campaign_completed, input.as_of, 12)
	msg := sprintf("%s: no acknowledgement campaign completed within 12 months", [doc.facts.name])
}

# PCI-12.6.3.1: training covers phishing and social engineering.
phishing_training_missing contains _no_people if count(_people) == 0

phishing_training_missing contains finding.of(doc, sprintf("facts.people[%d].topics", [i]), msg) if {
	some entry in _people
	[doc, i, p] := entry
	some topic in ["phishing", "social_engineering"]
	not topic in object.get(p, "topics", [])
	msg := sprintf("%s: training does not cover %s", [p.name, topic])
}

# --- 12.8 third-party service providers ---------------------------------------------------

_providers := [[doc, i, p] |
	some doc in input.evidence.service_provider_register
	some i, p in doc.facts.providers
]

_at(i, field) := sprintf("facts.providers[%d].%s", [i, field])

# PCI-12.8.1: the register lists providers and their services.
tpsp_register_incomplete contains finding.of(doc, "facts.providers", "no third-party service providers listed") if {
	count(_providers) == 0
	doc := anchor.latest(input.evidence.service_provider_register)
}

tpsp_register_incomplete contains finding.of(doc, _at(i, "services"), msg) if {
	some entry in _providers
	[doc, i, p] := entry
	not p.services
	msg := sprintf("%s: services not described", [p.name])
}

# PCI-12.8.2: a written agreement acknowledging security responsibility.
tpsp_agreement_missing contains finding.of(doc, _at(i, "written_agreement"), msg) if {
	some entry in _providers
	[doc, i, p] := entry
	not _agreement_ok(p)
	msg := sprintf("%s: no written agreement acknowledging responsibility for account data", [p.name])
}

_agreement_ok(p) if {
	p.written_agreement.in_place == true
	p.written_agreement.acknowledges_responsibility == true
}

# PCI-12.8.3: due diligence completed before engagement.
tpsp_due_diligence_missing contains finding.of(doc, _at(i, "due_diligence_completed"), msg) if {
	some entry in _providers
	[doc, i, p] := entry
	not p.due_diligence_completed <= p.engaged
	msg := sprintf("%s: due diligence %v, engaged %v; need due diligence before engagement", [p.name, object.get(p, "due_diligence_completed", "not recorded"), object.get(p, "engaged", "on an unknown date")])
}

# PCI-12.8.4: compliance status checked at least every 12 months.
tpsp_status_check_overdue contains finding.of(doc, _at(i, "compliance_status"), msg) if {
	some entry in _providers
	[doc, i, p] := entry
	not dates.recent(p.compliance_status.checked, input.as_of, 12)
	msg := sprintf("%s: PCI DSS status last checked %v; need a check within 12 months", [p.name, object.get(object.get(p, "compliance_status", {}), "checked", "never")])
}

tpsp_status_check_overdue contains finding.of(doc, _at(i, "compliance_status.status"), msg) if {
	some entry in _providers
	[doc, i, p] := entry
	not p.compliance_status.status in {"compliant", "non_compliant"}
	p.compliance_status
	msg := sprintf("%s: the last check did not establish PCI DSS status", [p.name])
}

# PCI-12.8.5: a responsibility matrix per provider.
tpsp_responsibility_matrix_missing contains finding.of(doc, _at(i, "responsibility_matrix"), msg) if {
	some entry in _providers
	[doc, i, p] := entry
	not p.responsibility_matrix == true
	msg := sprintf("%s: no record of which requirements it manages, the entity manages or are shared", [p.name])
}

# --- 12.10 incident response -----------------------------------------------------------------

_ir_sections := [
	"roles_and_communication", "payment_brand_and_acquirer_notification",
	"containment_and_mitigation", "business_recovery", "data_backup", "legal_reporting",
]

# PCI-12.10.1: the plan is approved and has every required section.
ir_plan_incomplete contains finding.of(doc, "facts.approved", msg) if {
	some doc in input.evidence.incident_response_plan
	not doc.facts.approved
	msg := sprintf("%s: no approval date recorded", [doc.facts.name])
}

ir_plan_incomplete contains finding.of(doc, "facts.covers", msg) if {
	some doc in input.evidence.incident_response_plan
	some section in _ir_sections
	not section in object.get(doc.facts, "covers", [])
	msg := sprintf("%s: does not cover %s", [doc.facts.name, section])
}

# PCI-12.10.2: reviewed and tested at least every 12 months.
ir_plan_review_overdue contains finding.of(doc, sprintf("facts.%s", [field]), msg) if {
	some doc in input.evidence.incident_response_plan
	some field in ["last_reviewed", "last_tested"]
	not dates.recent(doc.facts[field], input.as_of, 12)
	msg := sprintf("%s: %s %v; need one within 12 months", [doc.facts.name, field, object.get(doc.facts, field, "never")])
}

# PCI-12.10.3: responders available 24x7.
ir_not_available_24x7 contains finding.of(doc, "facts.on_call.coverage", msg) if {
	some doc in input.evidence.incident_response_plan
	not doc.facts.on_call.coverage == "24x7"
	msg := sprintf("%s: incident response cover is %v; need 24x7", [doc.facts.name, object.get(object.get(doc.facts, "on_call", {}), "coverage", "not stated")])
}

# PCI-12.10.4: every responder trained within the plan's training frequency (12 months where
# the plan sets none; 12.10.4.1 flags the missing frequency).
ir_responders_untrained contains finding.of(doc, "facts.responders", msg) if {
	some doc in input.evidence.incident_response_plan
	count(object.get(doc.facts, "responders", [])) == 0
	msg := sprintf("%s: names no incident responders", [doc.facts.name])
}

ir_responders_untrained contains finding.of(doc, sprintf("facts.responders[%d].last_trained", [i]), msg) if {
	some doc in input.evidence.incident_response_plan
	months := object.get(doc.facts, "training_frequency_months", 12)
	some i, person in doc.facts.responders
	not dates.recent(person.last_trained, input.as_of, months)
	msg := sprintf("%s: last trained %v; the plan requires training every %d months", [person.name, object.get(person, "last_trained", "never"), months])
}

# PCI-12.10.4.1: the training frequency comes from a current targeted risk analysis.
ir_training_frequency_unsupported contains finding.of(doc, "facts.training_frequency_months", msg) if {
	some doc in input.evidence.incident_response_plan
	not doc.facts.training_frequency_months
	msg := sprintf("%s: sets no responder training frequency", [doc.facts.name])
}

ir_training_frequency_unsupported contains finding.of(doc, "facts.analyses", "no targeted risk analysis for 12.10.4.1 reviewed within 12 months") if {
	count(_ir_analyses) == 0
	doc := anchor.latest(input.evidence.targeted_risk_analysis)
}

ir_training_frequency_unsupported contains finding.of(doc, "facts.training_frequency_months", msg) if {
	some doc in input.evidence.incident_response_plan
	count(_ir_analyses) > 0
	not _frequency_supported(doc.facts.training_frequency_months)
	doc.facts.training_frequency_months
	msg := sprintf("%s: trains every %d months; the targeted risk analysis requires every %v", [doc.facts.name, doc.facts.training_frequency_months, concat(" or ", [sprintf("%v", [object.get(a, "frequency_months", "unstated")]) | some a in _ir_analyses])])
}

# The analysis cited matches one in the 12.3.1 register, at a sane frequency.
ir_training_frequency_unsupported contains f if some f in tra.findings(input.evidence, input.as_of, "12.10.4.1")

_ir_analyses := [a |
	some entry in _analyses(input.evidence, "flexible_frequency")
	a := entry[2]
	a.requirement == "12.10.4.1"
	dates.recent(_tra_date(a), input.as_of, 12)
]

_frequency_supported(months) if {
	some a in _ir_analyses
	months <= a.frequency_months
}

# PCI-12.10.5: the plan responds to alerts from security monitoring systems. The
# payment-page tamper source (11.6.1) is required from 31 March 2025.
_alert_sources := ["intrusion_detection", "network_security_controls", "change_detection", "rogue_wireless"]

ir_alert_sources_missing contains finding.of(doc, "facts.alert_sources", msg) if {
	some doc in input.evidence.incident_response_plan
	some source in _required_alert_sources(input.as_of)
	not source in object.get(doc.facts, "alert_sources", [])
	msg := sprintf("%s: does not cover alerts from %s", [doc.facts.name, source])
}

_required_alert_sources(as_of) := array.concat(_alert_sources, ["payment_page_tamper"]) if as_of >= "2025-03-31"

_required_alert_sources(as_of) := _alert_sources if as_of < "2025-03-31"

# PCI-12.10.7: a procedure for stored PAN found where it is not expected.
ir_pan_procedure_missing contains finding.of(doc, "facts.covers", msg) if {
	some doc in input.evidence.incident_response_plan
	not "unexpected_pan_storage" in object.get(doc.facts, "covers", [])
	msg := sprintf("%s: no procedure for stored PAN found where it is not expected", [doc.facts.name])
}
