package pci.changes_test

import future.keywords.not
import rego.v1

import data.pci.changes

_change := {"id": "CHG-1", "summary": "Firewall rule", "network_change": true, "significant": true, "reason": "API move", "security_impact": "One port", "approved_by": "CAB", "approved": "2026-09-01", "tested": true, "backout": "Restore ruleset", "implemented": "2026-09-03", "requirements_confirmed": "2026-09-04", "scope_impact": "None", "internal_scan": "2026-09-05", "test_data_removed": true}

_changes(c) := {"evidence": {"change_records": [{"id": "cr", "facts": {"changes": [c]}}]}}

test_fully_recorded_change_passes_every_rule if {
	count(changes.change_uncontrolled) == 0 with input as _changes(_change)
	count(changes.network_change_uncontrolled) == 0 with input as _changes(_change)
	count(changes.requirements_not_confirmed) == 0 with input as _changes(_change)
	count(changes.changed_systems_unconfirmed) == 0 with input as _changes(_change)
	count(changes.leftover_test_data) == 0 with input as _changes(_change)
	count(changes.scan_after_change_missing) == 0 with input as _changes(_change)
	count(changes.scope_impact_unassessed) == 0 with input as _changes(_change)
}

test_change_without_approval_or_backout_fails if {
	fs := changes.change_uncontrolled with input as _changes(object.remove(_change, ["approved_by", "backout"]))
	[f.msg | some f in fs] == ["change CHG-1 (Firewall rule) records no approved_by, backout"]
}

test_untested_network_change_fails_both_rules if {
	count(changes.change_uncontrolled) == 1 with input as _changes(object.union(_change, {"tested": false}))
	count(changes.network_change_uncontrolled) == 1 with input as _changes(object.union(_change, {"tested": false}))
}

test_non_network_change_is_not_judged_by_1_2_2 if {
	count(changes.network_change_uncontrolled) == 0 with input as _changes(object.union(_change, {"network_change": false, "tested": false}))
}

test_approval_after_implementation_fails if {
	count(changes.change_uncontrolled) == 1 with input as _changes(object.union(_change, {"approved": "2026-09-04"}))
}

test_confirmation_before_implementation_fails if {
	count(changes.requirements_not_confirmed) == 1 with input as _changes(object.union(_change, {"requirements_confirmed": "2026-09-02"}))
	count(changes.requirements_not_confirmed) == 1 with input as _changes(object.remove(_change, ["requirements_confirmed"]))
}

test_minor_change_needs_confirmation_only_for_designated_entities if {
	minor := object.remove(object.union(_change, {"significant": false}), ["requirements_confirmed", "internal_scan"])
	count(changes.requirements_not_confirmed) == 0 with input as _changes(minor)
	count(changes.scan_after_change_missing) == 0 with input as _changes(minor)
	count(changes.changed_systems_unconfirmed) == 1 with input as _changes(minor)
}

test_test_data_scan_and_scope_unrecorded_fail if {
	bare := object.remove(_change, ["test_data_removed", "internal_scan", "scope_impact"])
	count(changes.leftover_test_data) == 1 with input as _changes(bare)
	count(changes.scan_after_change_missing) == 1 with input as _changes(bare)
	count(changes.scope_impact_unassessed) == 1 with input as _changes(bare)
}

_org := {"id": "ORG-1", "summary": "Revenues outsourced", "organisational": true, "significant": true, "implemented": "2026-04-01", "scope_impact": "Contact centre moves to provider", "executive_informed": "2026-04-10"}

test_organisational_change_reviewed_and_reported_passes if {
	count(changes.organisational_change_unreviewed) == 0 with input as _changes(_org)
	count(changes.organisational_change_unreported) == 0 with input as _changes(_org)
}

test_organisational_change_without_scope_review_fails_both if {
	count(changes.organisational_change_unreviewed) == 1 with input as _changes(object.remove(_org, ["scope_impact"]))
	count(changes.organisational_change_unreported) == 1 with input as _changes(object.remove(_org, ["scope_impact"]))
}

test_organisational_change_not_reported_to_executives_fails_12_5_3_only if {
	count(changes.organisational_change_unreviewed) == 0 with input as _changes(object.remove(_org, ["executive_informed"]))
	count(changes.organisational_change_unreported) == 1 with input as _changes(object.remove(_org, ["executive_informed"]))
}

test_system_change_is_not_organisational if {
	count(changes.organisational_change_unreported) == 0 with input as _changes(_change)
}
