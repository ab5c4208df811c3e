package pci.appendix_a3_test

import future.keywords.not
import rego.v1

import data.pci.appendix_a3

_as_of := "2026-11-01"

_in(evidence) := {"as_of": _as_of, "evidence": evidence}

_programme(extra) := {"id": "prog", "facts": object.union(
	{
		"type": "pci_compliance_programme", "name": "PCI DSS compliance charter",
		"security_lead": {"name": "M. Proudie", "post": "Executive Director"},
		"board_updates": ["2026-03-01"], "compliance_staff": ["Ann Clerk"],
	},
	extra,
)}

# --- A3.1 --------------------------------------------------------------------------------

test_board_update_twelve_months_ago_passes if {
	count(appendix_a3.board_updates_overdue) == 0 with input as _in({"security_policy": [_programme({"board_updates": ["2024-01-01", "2025-11-01"]})]})
}

test_board_update_a_day_over_twelve_months_fails if {
	count(appendix_a3.board_updates_overdue) == 1 with input as _in({"security_policy": [_programme({"board_updates": ["2025-10-31"]})]})
}

test_no_programme_or_executive_fails if {
	count(appendix_a3.board_updates_overdue) == 1 with input as _in({"security_policy": [{"id": "sp", "facts": {"type": "information_security"}}]})
	count(appendix_a3.board_updates_overdue) == 0 with input as _in({})
	doc := {"id": "prog", "facts": {"type": "pci_compliance_programme", "name": "Charter"}}
	count(appendix_a3.board_updates_overdue) == 2 with input as _in({"security_policy": [doc]})
}

_staff(extra) := {"training_records": [{"id": "tr", "facts": {"people": [object.union(
	{"name": "Ann Clerk", "role": "PCI DSS Compliance Manager", "last_refresher": "2026-01-01", "topics": ["payment_card_security"]},
	extra,
)]}}]}

test_compliance_staff_trained_twelve_months_ago_passes if {
	count(appendix_a3.compliance_staff_training_overdue) == 0 with input as _in(object.union(_staff({"last_refresher": "2025-11-01"}), {"security_policy": [_programme({})]}))
}

test_compliance_staff_trained_a_day_over_twelve_months_fails if {
	count(appendix_a3.compliance_staff_training_overdue) == 1 with input as _in(object.union(_staff({"last_refresher": "2025-10-31"}), {"security_policy": [_programme({})]}))
}

test_compliance_staff_training_on_wrong_topic_fails if {
	count(appendix_a3.compliance_staff_training_overdue) == 1 with input as _in(object.union(_staff({"topics": ["data_protection"]}), {"security_policy": [_programme({})]}))
	count(appendix_a3.compliance_staff_training_overdue) == 1 with input as _in(object.union(_staff({"name": "Someone Else"}), {"security_policy": [_programme({})]}))
}

test_compliance_staff_missing_fails if {
	count(appendix_a3.compliance_staff_training_overdue) == 1 with input as _in({"security_policy": [{"id": "sp", "facts": {"type": "information_security"}}]})
	count(appendix_a3.compliance_staff_training_overdue) == 1 with input as _in({"security_policy": [_programme({"compliance_staff": []})]})
	count(appendix_a3.compliance_staff_training_overdue) == 1 with input as _in({"security_policy": [_programme({})]})
}

# --- A3.2 --------------------------------------------------------------------------------

_quarters := ["2026-10-01", "2026-07-01", "2026-04-01", "2025-11-01"]

_late_quarters := ["2026-10-01", "2026-07-01", "2026-04-01", "2025-10-31"]

_scope(facts) := _in({"pci_scope": [{"id": "scope", "facts": object.union({"confirmations": []}, facts)}]})

test_scope_confirmed_every_quarter_passes if {
	count(appendix_a3.desv_scope_confirmation_overdue) == 0 with input as _scope({"confirmations": [{"date": d} | some d in _quarters]})
}

test_scope_confirmation_a_day_early_leaves_a_quarter_empty if {
	count(appendix_a3.desv_scope_confirmation_overdue) == 1 with input as _scope({"confirmations": [{"date": d} | some d in _late_quarters]})
	count(appendix_a3.desv_scope_confirmation_overdue) == 4 with input as _scope({})
}

test_segmentation_tested_every_six_months_passes if {
	tests := [{"performed": "2026-08-01", "result": "pass"}, {"performed": "2025-11-01", "result": "pass"}]
	count(appendix_a3.segmentation_test_overdue) == 0 with input as _scope({"segmentation_tests": tests})
}

test_segmentation_test_boundary_and_failures if {
	late := [{"performed": "2026-08-01", "result": "pass"}, {"performed": "2025-10-31", "result": "pass"}]
	count(appendix_a3.segmentation_test_overdue) == 1 with input as _scope({"segmentation_tests": late})
	failed := [{"performed": "2026-08-01", "result": "fail"}, {"performed": "2026-02-01", "result": "pass"}]
	count(appendix_a3.segmentation_test_overdue) == 1 with input as _scope({"segmentation_tests": failed})
	count(appendix_a3.segmentation_test_overdue) == 2 with input as _scope({})
}

test_pan_discovery_every_quarter_passes if {
	count(appendix_a3.pan_discovery_overdue) == 0 with input as _scope({"data_discovery": {"scans": [{"performed": d} | some d in _quarters]}})
}

test_pan_discovery_gap_fails if {
	count(appendix_a3.pan_discovery_overdue) == 1 with input as _scope({"data_discovery": {"scans": [{"performed": d} | some d in _late_quarters]}})
	count(appendix_a3.pan_discovery_overdue) == 4 with input as _scope({})
}

test_discovery_effectiveness_boundary if {
	count(appendix_a3.pan_discovery_effectiveness_untested) == 0 with input as _scope({"data_discovery": {"effectiveness_tests": ["2025-11-01"]}})
	count(appendix_a3.pan_discovery_effectiveness_untested) == 1 with input as _scope({"data_discovery": {"effectiveness_tests": ["2025-10-31"]}})
	count(appendix_a3.pan_discovery_effectiveness_untested) == 1 with input as _scope({})
}

# --- A3.3 --------------------------------------------------------------------------------

_hw(extra) := _in({"hardware_software_review": [{"id": "hw", "facts": object.union(
	{"reviewed": "2026-06-30", "technologies": [{"name": "nginx", "meets_pci_dss": true}]},
	extra,
)}]})

test_technology_review_boundary if {
	count(appendix_a3.desv_technology_review_overdue) == 0 with input as _hw({"reviewed": "2025-11-01"})
	count(appendix_a3.desv_technology_review_overdue) == 1 with input as _hw({"reviewed": "2025-10-31"})
}

test_technology_not_meeting_pci_needs_plan if {
	count(appendix_a3.desv_technology_review_overdue) == 1 with input as _hw({"technologies": [{"name": "old"}]})
	count(appendix_a3.desv_technology_review_overdue) == 0 with input as _hw({"technologies": [{"name": "old", "remediation_plan": "replace"}]})
	count(appendix_a3.desv_technology_review_overdue) == 1 with input as _in({"hardware_software_review": [{"id": "hw", "facts": {"technologies": []}}]})
}

_bau(days) := _in({"security_policy": [_programme({"compliance_reviews": [{"performed": d, "type": "business_as_usual"} | some d in days]})]})

test_bau_reviewed_every_quarter_passes if {
	count(appendix_a3.bau_review_overdue) == 0 with input as _bau(_quarters)
}

test_bau_review_gap_fails if {
	count(appendix_a3.bau_review_overdue) == 1 with input as _bau(_late_quarters)
	count(appendix_a3.bau_review_overdue) == 4 with input as _in({"security_policy": [{"id": "sp", "facts": {}}]})
}

# --- A3.4 --------------------------------------------------------------------------------

_access(days) := _in({"access_review": [{"id": "ar", "facts": {"reviews": [{"scope": "user_accounts", "completed": d, "reviewer": "x"} | some d in days]}}]})

test_access_reviewed_every_six_months_passes if {
	count(appendix_a3.desv_access_review_overdue) == 0 with input as _access(["2026-09-15", "2025-11-01"])
}

test_access_review_gap_fails if {
	count(appendix_a3.desv_access_review_overdue) == 1 with input as _access(["2026-09-15", "2025-10-31"])
	count(appendix_a3.desv_access_review_overdue) == 2 with input as _in({"access_review": [{"id": "ar", "facts": {}}]})
	found1 := appendix_a3.desv_access_review_overdue with input as _in({"access_review": [{"id": "ar", "facts": {}}]})
	every f in found1 {
		f.evidence == "ar"
	}
}

test_service_account_reviews_do_not_count if {
	ev := {"access_review": [{"id": "ar", "facts": {"reviews": [{"scope": "service_accounts", "completed": "2026-09-15", "reviewer": "x"}]}}]}
	count(appendix_a3.desv_access_review_overdue) == 2 with input as _in(ev)
}
