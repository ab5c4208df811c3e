package psn.ops_test

import future.keywords.not
import rego.v1

import data.psn.ops

_people(person) := {"as_of": "2026-11-01", "evidence": {"personnel_screening": [{"id": "hr", "facts": {"people": [object.union({"person": "E1", "role": "Officer", "psn_access": true, "vetting": "BPSS", "vetting_completed": "2026-11-01", "aup_accepted": "2026-11-01"}, person)]}}]}}

test_bpss_completed_today_passes if {
	count(ops.screening_missing) == 0 with input as _people({})
}

test_sc_passes if {
	count(ops.screening_missing) == 0 with input as _people({"vetting": "SC"})
}

test_no_vetting_fails if {
	fs := ops.screening_missing with input as _people({"vetting": "none"})
	count(fs) == 1
	some f in fs
	f.path == "facts.people[0].vetting"
}

test_bpss_completed_tomorrow_fails if {
	count(ops.screening_missing) == 1 with input as _people({"vetting_completed": "2026-11-02"})
}

test_bpss_without_date_fails if {
	count(ops.screening_missing) == 1 with input as _people({"vetting_completed": null})
}

test_unstated_vetting_fails if {
	count(ops.screening_missing) == 1 with input as _people({"vetting": null})
}

test_person_without_psn_access_is_not_judged if {
	count(ops.screening_missing) == 0 with input as _people({"psn_access": false, "vetting": "none", "psn_exclusion": _exclusion})
}

# psn_access: false alone is anyone's say-so: without an approved exclusion the person is judged.
test_person_marked_without_psn_access_but_unapproved_is_judged if {
	fs := ops.screening_missing with input as _people({"psn_access": false, "vetting": "none"})
	fs == {{"msg": "E1 (Officer) has PSN access with vetting none; need at least BPSS [marked psn_access: false with no psn_exclusion approving it, so judged as having PSN access]", "evidence": "hr", "path": "facts.people[0].vetting"}}
}

test_person_with_an_exclusion_older_than_12_months_is_judged if {
	fs := ops.aup_not_accepted with input as _people({"psn_access": false, "aup_accepted": null, "psn_exclusion": object.union(_exclusion, {"approved_on": "2025-10-31"})})
	count(fs) == 1
}

test_person_with_an_exclusion_approved_12_months_ago_is_not_judged if {
	count(ops.aup_not_accepted) == 0 with input as _people({"psn_access": false, "aup_accepted": null, "psn_exclusion": object.union(_exclusion, {"approved_on": "2025-11-01"})})
}

_exclusion := {"reason": "Access removed on leaving the team (SR-1)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}

test_aup_accepted_today_passes if {
	count(ops.aup_not_accepted) == 0 with input as _people({})
}

test_aup_not_accepted_fails if {
	fs := ops.aup_not_accepted with input as _people({"aup_accepted": null})
	count(fs) == 1
	some f in fs
	f.path == "facts.people[0].aup_accepted"
}

test_aup_accepted_after_assessment_fails if {
	count(ops.aup_not_accepted) == 1 with input as _people({"aup_accepted": "2026-11-02"})
}
