package lib.psn_scope_test

import future.keywords.not
import rego.v1

import data.lib.psn_scope

_as_of := "2026-11-01"

_exclusion := {"reason": "Access removed (SR-1)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}

_off(exclusion) := {"psn_access": false, "psn_exclusion": exclusion}

test_an_item_with_psn_access_is_judged if {
	psn_scope.judged({"psn_access": true}, _as_of)
	psn_scope.note({"psn_access": true}, _as_of) == ""
}

test_an_item_that_does_not_say_is_judged if {
	psn_scope.judged({}, _as_of)
	psn_scope.note({}, _as_of) == ""
}

test_psn_access_false_alone_is_judged if {
	psn_scope.judged({"psn_access": false}, _as_of)
	psn_scope.note({"psn_access": false}, _as_of) == " [marked psn_access: false with no psn_exclusion approving it, so judged as having PSN access]"
}

test_an_approved_exclusion_takes_the_item_out if {
	psn_scope.excluded(_off(_exclusion), _as_of)
	not psn_scope.judged(_off(_exclusion), _as_of)
}

test_an_exclusion_on_an_item_with_access_does_not_take_it_out if {
	psn_scope.judged({"psn_access": true, "psn_exclusion": _exclusion}, _as_of)
}

test_a_blank_reason_or_approver_does_not_count if {
	psn_scope.judged(_off(object.union(_exclusion, {"reason": "  "})), _as_of)
	psn_scope.judged(_off(object.union(_exclusion, {"approved_by": ""})), _as_of)
	psn_scope.judged(_off(object.remove(_exclusion, ["approved_by"])), _as_of)
}

test_an_approval_after_the_assessment_date_does_not_count if {
	psn_scope.judged(_off(object.union(_exclusion, {"approved_on": "2026-11-02"})), _as_of)
	not psn_scope.judged(_off(object.union(_exclusion, {"approved_on": "2026-11-01"})), _as_of)
}

test_an_approval_counts_for_12_months if {
	not psn_scope.judged(_off(object.union(_exclusion, {"approved_on": "2025-11-01"})), _as_of)
	psn_scope.judged(_off(object.union(_exclusion, {"approved_on": "2025-10-31"})), _as_of)
	psn_scope.note(_off(object.union(_exclusion, {"approved_on": "2025-10-31"})), _as_of) == " [marked psn_access: false but its psn_exclusion, approved 2025-10-31, does not count at 2026-11-01 (reason, approver and an approval date on or before it and within 12 months are needed), so judged as having PSN access]"
}

test_without_an_assessment_date_nothing_is_excluded if {
	psn_scope.judged(_off(_exclusion), "")
}

test_psn_data_false_alone_is_judged if {
	psn_scope.judged({"psn_data": false}, _as_of)
	psn_scope.note({"psn_data": false}, _as_of) == " [marked psn_data: false with no psn_exclusion approving it, so judged as carried over the PSN]"
}

test_an_approved_exclusion_keeps_an_asset_off_the_psn if {
	psn_scope.excluded({"psn_data": false, "psn_exclusion": _exclusion}, _as_of)
	psn_scope.note({"psn_data": false, "psn_exclusion": _exclusion}, _as_of) == ""
}

test_an_asset_carried_over_the_psn_is_judged if {
	psn_scope.judged({"psn_data": true}, _as_of)
	psn_scope.note({"psn_data": true}, _as_of) == ""
}
