package lib.pci_scope_test

import future.keywords.not
import rego.v1

import data.lib.pci_scope

_as_of := "2026-11-01"

_entry := {"name": "wlc-01", "reason": "Guest wireless only; no route to the CDE (ST-4)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}

_evidence(entry) := {"pci_scope": [{"id": "scope", "facts": {"out_of_scope": [entry]}}]}

test_a_current_listing_takes_a_component_marked_false_out if {
	listed := pci_scope.listed(_evidence(_entry), _as_of)
	listed == {"wlc-01"}
	pci_scope.out_of_scope({"in_cde": false}, "wlc-01", listed)
	not pci_scope.in_scope({"in_cde": false}, "wlc-01", listed)
}

test_in_cde_false_alone_is_judged if {
	pci_scope.in_scope({"in_cde": false}, "wlc-01", set())
}

test_a_listed_component_not_marked_false_is_judged if {
	pci_scope.in_scope({"in_cde": true}, "wlc-01", {"wlc-01"})
	pci_scope.in_scope({}, "wlc-01", {"wlc-01"})
}

test_a_listing_approved_12_months_ago_counts if {
	pci_scope.listed(_evidence(object.union(_entry, {"approved_on": "2025-11-01"})), _as_of) == {"wlc-01"}
}

test_a_listing_older_than_12_months_does_not_count if {
	pci_scope.listed(_evidence(object.union(_entry, {"approved_on": "2025-10-31"})), _as_of) == set()
}

test_a_listing_without_approval_does_not_count if {
	pci_scope.listed(_evidence(object.remove(_entry, ["approved_by"])), _as_of) == set()
	pci_scope.listed(_evidence(object.remove(_entry, ["approved_on"])), _as_of) == set()
	pci_scope.listed(_evidence(object.union(_entry, {"reason": " "})), _as_of) == set()
	pci_scope.listed(_evidence(object.union(_entry, {"approved_on": "2026-11-02"})), _as_of) == set()
}
