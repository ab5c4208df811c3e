# PCI DSS v4.0.1 Appendix A3: Designated Entities Supplemental Validation (DESV).
# Periodic checks over security_policy (the PCI DSS compliance programme), training_records,
# pci_scope, hardware_software_review and access_review evidence. "At least every N months"
# is checked window by window over the last 12 months, so one recent run cannot hide gaps.
package pci.appendix_a3

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.anchor

_programmes := [doc | some doc in input.evidence.security_policy; doc.facts.type == "pci_compliance_programme"]

_no_programme := finding.of(doc, "facts.type", "no pci_compliance_programme document in the security_policy evidence") if {
	doc := anchor.latest(input.evidence.security_policy)
}

# PCI-A3.1.1: an accountable executive and board updates at least every 12 months.
board_updates_overdue contains _no_programme if count(_programmes) == 0

board_updates_overdue contains finding.of(doc, "facts.security_lead", msg) if {
	some doc in _programmes
	not doc.facts.security_lead.name
	msg := sprintf("%s: names no executive accountable for PCI DSS compliance", [doc.facts.name])
}

board_updates_overdue contains finding.of(doc, "facts.board_updates", msg) if {
	some doc in _programmes
	not dates.recent(_latest(object.get(doc.facts, "board_updates", [])), input.as_of, 12)
	msg := sprintf("%s: last board update %s; need one within 12 months", [doc.facts.name, _latest(object.get(doc.facts, "board_updates", []))])
}

_latest(days) := max(days) if count(days) > 0

_latest(days) := "never" if count(days) == 0

# PCI-A3.1.4: everyone with PCI DSS compliance duties trained within 12 months (PCI DSS or
# security awareness topic).
compliance_staff_training_overdue contains _no_programme if count(_programmes) == 0

compliance_staff_training_overdue contains finding.of(doc, "facts.compliance_staff", msg) if {
	some doc in _programmes
	count(object.get(doc.facts, "compliance_staff", [])) == 0
	msg := sprintf("%s: names no compliance staff", [doc.facts.name])
}

compliance_staff_training_overdue contains finding.of(doc, sprintf("facts.compliance_staff[%d]", [i]), msg) if {
	some doc in _programmes
	some i, name in doc.facts.compliance_staff
	not _trained_within(name, input.evidence.training_records, input.as_of, 12)
	msg := sprintf("%s: no PCI DSS or security training recorded within 12 months", [name])
}

_trained_within(name, records, as_of, months) if {
	some doc in records
	some p in doc.facts.people
	p.name == name
	some topic in ["payment_card_security", "security_awareness"]
	topic in p.topics
	some day in [object.get(p, "induction_completed", ""), object.get(p, "last_refresher", "")]
	dates.recent(day, as_of, months)
}

# PCI-A3.2.1: scope confirmed in each of the last four 3-month windows.
desv_scope_confirmation_overdue contains finding.of(doc, "facts.confirmations", msg) if {
	some doc in input.evidence.pci_scope
	some entry in dates.empty_windows([c.date | some c in doc.facts.confirmations], input.as_of, 3, 4)
	[start, end] := entry
	msg := sprintf("no scope confirmation between %s and %s (need one at least every 3 months)", [start, end])
}

# PCI-A3.2.4: a passing segmentation penetration test in each of the last two 6-month windows.
segmentation_test_overdue contains finding.of(doc, "facts.segmentation_tests", msg) if {
	some doc in input.evidence.pci_scope
	days := [t.performed | some t in object.get(doc.facts, "segmentation_tests", []); t.result == "pass"]
	some entry in dates.empty_windows(days, input.as_of, 6, 2)
	[start, end] := entry
	msg := sprintf("no passing segmentation penetration test between %s and %s (need one at least every 6 months)", [start, end])
}

# PCI-A3.2.5: a cleartext-PAN discovery run in each of the last four 3-month windows.
pan_discovery_overdue contains finding.of(doc, "facts.data_discovery.scans", msg) if {
	some doc in input.evidence.pci_scope
	days := [s.performed | some s in object.get(object.get(doc.facts, "data_discovery", {}), "scans", [])]
	some entry in dates.empty_windows(days, input.as_of, 3, 4)
	[start, end] := entry
	msg := sprintf("no cleartext PAN discovery run between %s and %s (need one at least every 3 months)", [start, end])
}

# PCI-A3.2.5.1: the discovery method tested for effectiveness within 12 months.
pan_discovery_effectiveness_untested contains finding.of(doc, "facts.data_discovery.effectiveness_tests", msg) if {
	some doc in input.evidence.pci_scope
	tests := object.get(object.get(doc.facts, "data_discovery", {}), "effectiveness_tests", [])
	not dates.recent(_latest(tests), input.as_of, 12)
	msg := sprintf("data-discovery effectiveness last tested %s; need a test within 12 months", [_latest(tests)])
}

# PCI-A3.3.2: technologies reviewed within 12 months and still supporting compliance.
desv_technology_review_overdue contains finding.of(doc, "facts.reviewed", msg) if {
	some doc in input.evidence.hardware_software_review
	not dates.recent(doc.facts.reviewed, input.as_of, 12)
	msg := sprintf("technologies last reviewed %v; need a review within 12 months", [object.get(doc.facts, "reviewed", "never")])
}

desv_technology_review_overdue contains finding.of(doc, sprintf("facts.technologies[%d].meets_pci_dss", [i]), msg) if {
	some doc in input.evidence.hardware_software_review
	some i, tech in doc.facts.technologies
	not tech.meets_pci_dss == true
	not tech.remediation_plan
	msg := sprintf("%s: not confirmed to support PCI DSS compliance and no remediation plan", [tech.name])
}

# PCI-A3.3.3: a business-as-usual review in each of the last four 3-month windows.
bau_review_overdue contains finding.of(doc, "facts.compliance_reviews", msg) if {
	days := [r.performed |
		some doc in input.evidence.security_policy
		some r in doc.facts.compliance_reviews
		r.type == "business_as_usual"
	]
	some entry in dates.empty_windows(days, input.as_of, 3, 4)
	[start, end] := entry
	doc := anchor.latest(input.evidence.security_policy)
	msg := sprintf("no business-as-usual review between %s and %s (need one at least every 3 months)", [start, end])
}

# PCI-A3.4.1: user accounts and privileges reviewed in each of the last two 6-month windows.
desv_access_review_overdue contains finding.of(doc, "facts.reviews", msg) if {
	days := [r.completed |
		some doc in input.evidence.access_review
		some r in doc.facts.reviews
		r.scope == "user_accounts"
	]
	some entry in dates.empty_windows(days, input.as_of, 6, 2)
	[start, end] := entry
	doc := anchor.latest(input.evidence.access_review)
	msg := sprintf("no review of user accounts and privileges between %s and %s (need one at least every 6 months)", [start, end])
}
