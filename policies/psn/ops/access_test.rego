package psn.ops_access_test

import future.keywords.not
import rego.v1

import data.psn.ops

_people(person) := {"as_of": "2026-11-01", "evidence": {"personnel_screening": [{"id": "hr", "facts": {"people": [object.union({"person": "E1", "role": "Officer", "psn_access": true, "vetting": "BPSS", "vetting_completed": "2026-04-01", "aup_accepted": "2026-04-02", "access_granted": "2026-04-02"}, person)]}}]}}

test_screened_and_accepted_on_the_day_of_access_passes if {
	count(ops.cleared_after_access) == 0 with input as _people({})
}

test_screening_completed_after_access_fails if {
	fs := ops.cleared_after_access with input as _people({"vetting_completed": "2026-04-03"})
	count(fs) == 1
	some f in fs
	f.path == "facts.people[0].vetting_completed"
}

test_aup_accepted_after_access_fails if {
	fs := ops.cleared_after_access with input as _people({"aup_accepted": "2026-04-03"})
	count(fs) == 1
	some f in fs
	f.path == "facts.people[0].aup_accepted"
}

test_first_acceptance_before_access_passes_despite_a_later_renewal if {
	count(ops.cleared_after_access) == 0 with input as _people({"aup_accepted": "2026-10-01", "aup_first_accepted": "2026-03-30"})
}

test_first_acceptance_after_access_fails if {
	fs := ops.cleared_after_access with input as _people({"aup_accepted": "2026-10-01", "aup_first_accepted": "2026-04-05"})
	some f in fs
	f.path == "facts.people[0].aup_first_accepted"
}

test_missing_access_date_fails if {
	fs := ops.cleared_after_access with input as _people({"access_granted": null})
	count(fs) == 1
	some f in fs
	f.path == "facts.people[0].access_granted"
}

test_missing_screening_date_fails if {
	count(ops.cleared_after_access) == 1 with input as _people({"vetting_completed": null})
}

test_person_without_psn_access_is_not_judged if {
	count(ops.cleared_after_access) == 0 with input as _people({"psn_access": false, "access_granted": null, "vetting_completed": null, "psn_exclusion": {"reason": "Access removed on leaving the team (SR-1)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}})
}

test_person_marked_without_psn_access_but_unapproved_is_judged if {
	fs := ops.cleared_after_access with input as _people({"psn_access": false, "access_granted": null, "vetting_completed": null})
	count(fs) == 1
}

test_access_granted_after_the_assessment_date_fails if {
	fs := ops.cleared_after_access with input as _people({"vetting_completed": "2026-06-10", "aup_accepted": "2026-06-10", "access_granted": "2027-06-01"})
	fs == {{"msg": "E1 (Officer) has PSN access granted 2027-06-01, after the assessment date 2026-11-01; a later date does not count, so screening and AUP acceptance cannot be shown to come first", "evidence": "hr", "path": "facts.people[0].access_granted"}}
}

test_access_granted_on_the_assessment_date_passes if {
	count(ops.cleared_after_access) == 0 with input as _people({"vetting_completed": "2026-11-01", "aup_accepted": "2026-11-01", "access_granted": "2026-11-01"})
}
