# Change records (change_records) judged for PCI DSS 1.2.2, 6.5.1, 6.5.2, 6.5.6, 11.3.1.3,
# A3.2.2 and A3.2.2.1: each change shows its own control, not a procedure on paper.
package pci.changes

import future.keywords.not
import rego.v1

import data.lib.finding
import data.lib.text

# What 6.5.1 asks each change to record: reason and description (summary), security impact,
# approval by an authorised party, testing, and a back-out procedure.
_controlled := ["reason", "security_impact", "approved_by", "approved", "backout"]

# PCI-6.5.1: every change to a system component in the production environment is controlled.
change_uncontrolled contains f if some f in _uncontrolled(_all_changes)

# PCI-1.2.2: changes to network connections and NSC configurations are controlled the same way.
network_change_uncontrolled contains f if some f in _uncontrolled({c | some c in _all_changes; c.change.network_change == true})

_all_changes contains {"doc": doc, "i": i, "change": change} if {
	some doc in input.evidence.change_records
	some i, change in doc.facts.changes
}

_uncontrolled(changes) := {finding.of(c.doc, sprintf("facts.changes[%d]", [c.i]), msg) |
	some c in changes
	absent := [key | some key in _controlled; not text.stated(c.change, key)]
	count(absent) > 0
	msg := sprintf("change %s (%s) records no %s", [c.change.id, c.change.summary, concat(", ", absent)])
} | {finding.of(c.doc, sprintf("facts.changes[%d].tested", [c.i]), msg) |
	some c in changes
	not object.get(c.change, "tested", false) == true
	msg := sprintf("change %s (%s) was not tested to show it does not weaken security", [c.change.id, c.change.summary])
} | {finding.of(c.doc, sprintf("facts.changes[%d].approved", [c.i]), msg) |
	some c in changes
	c.change.approved > c.change.implemented
	msg := sprintf("change %s was implemented %s, before its approval %s", [c.change.id, c.change.implemented, c.change.approved])
}

# PCI-6.5.2: after a significant change, the applicable requirements are confirmed in place
# on the changed systems.
requirements_not_confirmed contains f if some f in _unconfirmed({c | some c in _all_changes; c.change.significant == true})

# PCI-A3.2.2.1 (designated entities): the same confirmation after every change.
changed_systems_unconfirmed contains f if some f in _unconfirmed(_all_changes)

_unconfirmed(changes) := {finding.of(c.doc, sprintf("facts.changes[%d].requirements_confirmed", [c.i]), msg) |
	some c in changes
	not object.get(c.change, "requirements_confirmed", "") >= c.change.implemented
	msg := sprintf("change %s (%s): no confirmation on or after %s that the PCI DSS requirements still hold on the changed systems", [c.change.id, c.change.summary, c.change.implemented])
}

# PCI-6.5.6: test data and test accounts removed before a change goes live.
leftover_test_data contains finding.of(c.doc, sprintf("facts.changes[%d].test_data_removed", [c.i]), msg) if {
	some c in _all_changes
	not object.get(c.change, "test_data_removed", false) == true
	msg := sprintf("change %s (%s): removal of test data and test accounts before going live is not recorded", [c.change.id, c.change.summary])
}

# PCI-11.3.1.3: an internal vulnerability scan after each significant change.
scan_after_change_missing contains finding.of(c.doc, sprintf("facts.changes[%d].internal_scan", [c.i]), msg) if {
	some c in _all_changes
	c.change.significant == true
	not object.get(c.change, "internal_scan", "") >= c.change.implemented
	msg := sprintf("significant change %s (%s) has no internal scan on or after %s", [c.change.id, c.change.summary, c.change.implemented])
}

# PCI-A3.2.2: the effect of every change on PCI DSS scope is assessed.
scope_impact_unassessed contains finding.of(c.doc, sprintf("facts.changes[%d].scope_impact", [c.i]), msg) if {
	some c in _all_changes
	not text.stated(c.change, "scope_impact")
	msg := sprintf("change %s (%s) records no assessment of its effect on PCI DSS scope", [c.change.id, c.change.summary])
}

# PCI-A3.2.3 (designated entities): each change to the organisation's structure has its effect
# on PCI DSS scope reviewed.
organisational_change_unreviewed contains f if some f in _org_unreviewed

# PCI-12.5.3 (service providers): the same review, with its result given to executive management.
organisational_change_unreported contains f if some f in _org_unreviewed

organisational_change_unreported contains finding.of(c.doc, sprintf("facts.changes[%d].executive_informed", [c.i]), msg) if {
	some c in _all_changes
	c.change.organisational == true
	not object.get(c.change, "executive_informed", "") >= c.change.implemented
	msg := sprintf("organisational change %s (%s): the scope review's result was not given to executive management", [c.change.id, c.change.summary])
}

_org_unreviewed contains finding.of(c.doc, sprintf("facts.changes[%d].scope_impact", [c.i]), msg) if {
	some c in _all_changes
	c.change.organisational == true
	not text.stated(c.change, "scope_impact")
	msg := sprintf("organisational change %s (%s) has no review of its effect on PCI DSS scope", [c.change.id, c.change.summary])
}
