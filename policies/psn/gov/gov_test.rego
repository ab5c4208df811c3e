package psn.gov_test

import future.keywords.not
import rego.v1

import data.psn.gov

_facts := {
	"environment_name": "Corp",
	"issued": "2025-11-01",
	"expires": "2026-10-31",
	"submission": {"submitted": "2025-10-01", "parts": ["coco", "network_diagram", "ithc_report", "contact_details", "application"]},
	"coco": {
		"users": 100, "sites": 2, "internal_ip_count": 300, "hosted_service_codes": [],
		"ia_conditions": _all_conditions,
	},
	"signatory": {"name": "M. Proudie", "role": "SIRO", "signed": "2025-09-30"},
}

_cert(facts) := {"as_of": "2026-10-31", "evidence": {"psn_certificate": [{"id": "cert", "facts": facts}]}}

test_certificate_issued_twelve_months_ago_and_expiring_today_passes if {
	count(gov.certificate_not_current) == 0 with input as _cert(_facts)
}

test_certificate_issued_twelve_months_and_a_day_ago_fails if {
	fs := gov.certificate_not_current with input as _cert(object.union(_facts, {"issued": "2025-10-30"}))
	count(fs) == 1
	some f in fs
	f.path == "facts.issued"
}

test_certificate_expired_yesterday_fails if {
	fs := gov.certificate_not_current with input as object.union(_cert(_facts), {"as_of": "2026-11-01"})
	some f in fs
	f.path == "facts.expires"
}

test_certificate_without_dates_fails_twice if {
	count(gov.certificate_not_current) == 2 with input as _cert(object.remove(_facts, ["issued", "expires"]))
}

test_only_the_latest_certificate_is_judged if {
	old := {"id": "cert-old", "facts": object.union(_facts, {"issued": "2024-11-01", "expires": "2025-10-31"})}
	count(gov.certificate_not_current) == 0 with input as {"as_of": "2026-10-31", "evidence": {"psn_certificate": [old, {"id": "cert", "facts": _facts}]}}
}

test_five_part_submission_passes if {
	count(gov.submission_incomplete) == 0 with input as _cert(_facts)
}

test_submission_without_ithc_report_fails if {
	fs := gov.submission_incomplete with input as _cert(object.union(_facts, {"submission": {"submitted": "2025-10-01", "parts": ["coco", "network_diagram", "contact_details", "application"]}}))
	count(fs) == 1
	some f in fs
	contains(f.msg, "ithc report")
}

test_missing_submission_fails_for_every_part_and_its_date if {
	count(gov.submission_incomplete) == 6 with input as _cert(object.remove(_facts, ["submission"]))
}

test_submission_dated_on_the_assessment_date_passes if {
	count(gov.submission_incomplete) == 0 with input as _cert(object.union(_facts, {"submission": {"submitted": "2026-10-31"}}))
}

test_submission_dated_after_the_assessment_date_fails if {
	fs := gov.submission_incomplete with input as _cert(object.union(_facts, {"submission": {"submitted": "2026-11-01"}}))
	fs == {{"msg": "Corp: submission dated 2026-11-01, after the assessment date 2026-10-31; a later date does not count", "evidence": "cert", "path": "facts.submission.submitted"}}
}

test_coco_signed_after_the_assessment_date_fails if {
	fs := gov.signatory_not_senior with input as _cert(object.union(_facts, {"signatory": {"signed": "2026-12-14"}}))
	fs == {{"msg": "Corp: CoCo signature dated 2026-12-14, after the assessment date 2026-10-31; a later date does not count", "evidence": "cert", "path": "facts.signatory.signed"}}
}

test_coco_signed_on_the_assessment_date_passes if {
	count(gov.signatory_not_senior) == 0 with input as _cert(object.union(_facts, {"signatory": {"signed": "2026-10-31"}}))
}

test_certificate_issued_after_the_assessment_date_says_so if {
	fs := gov.certificate_not_current with input as _cert(object.union(_facts, {"issued": "2026-11-01", "expires": "2027-10-31"}))
	fs == {{"msg": "Corp: certificate issued 2026-11-01, after the assessment date 2026-10-31, so it does not count", "evidence": "cert", "path": "facts.issued"}}
}

test_contact_confirmed_after_the_assessment_date_fails_and_says_so if {
	some f in gov.contacts_stale with input as _contacts("2026-11-01")
	f.msg == "A. Person (Primary): last confirmed with the PSN team 2026-11-01, after the assessment date 2026-10-31, so it does not count"
}

test_complete_coco_passes if {
	count(gov.coco_incomplete) == 0 with input as _cert(_facts)
}

test_coco_with_zero_sites_fails if {
	count(gov.coco_incomplete) == 1 with input as _cert(object.union(_facts, {"coco": object.union(_facts.coco, {"sites": 0})}))
}

test_missing_coco_fails_for_every_field if {
	count(gov.coco_incomplete) == 4 with input as _cert(object.remove(_facts, ["coco"]))
}

test_siro_signature_passes if {
	count(gov.signatory_not_senior) == 0 with input as _cert(_facts)
}

test_chief_executive_signature_passes if {
	count(gov.signatory_not_senior) == 0 with input as _cert(object.union(_facts, {"signatory": {"name": "B", "role": "Chief Executive", "signed": "2025-09-30"}}))
}

test_ict_manager_signature_fails if {
	count(gov.signatory_not_senior) == 1 with input as _cert(object.union(_facts, {"signatory": {"name": "B", "role": "ICT Manager", "signed": "2025-09-30"}}))
}

test_missing_signatory_fails if {
	count(gov.signatory_not_senior) == 2 with input as _cert(object.remove(_facts, ["signatory"]))
}

# Every CoCo IA condition answered, by project id or by section name.
_all_conditions := [
	{"condition": "PSN-IA-01", "status": "met"},
	{"condition": "Boundary protection and interfaces", "status": "met"},
	{"condition": "protecting data", "status": "met"},
	{"condition": "PSN-IA-04", "status": "met"},
	{"condition": "People and access", "status": "met"},
	{"condition": "Cloud services", "status": "exception_agreed", "exception_reference": "PSN-EX-17"},
]

_conditions(items) := _cert(object.union(_facts, {"coco": object.union(_facts.coco, {"ia_conditions": items})}))

test_one_condition_met_and_the_rest_unanswered_fails_once_per_missing_condition if {
	fs := gov.ia_conditions_unmet with input as _conditions([{"condition": "Operational security", "status": "met"}])
	{f.msg | some f in fs} == {
		"Corp: IA condition PSN-IA-02 (boundary protection and interfaces) is not answered in the CoCo",
		"Corp: IA condition PSN-IA-03 (protecting data) is not answered in the CoCo",
		"Corp: IA condition PSN-IA-04 (security testing) is not answered in the CoCo",
		"Corp: IA condition PSN-IA-05 (people and access) is not answered in the CoCo",
		"Corp: IA condition PSN-IA-06 (cloud services) is not answered in the CoCo",
	}
}

test_one_condition_left_out_fails if {
	count(gov.ia_conditions_unmet) == 1 with input as _conditions(array.slice(_all_conditions, 0, 5))
}

test_conditions_met_or_excepted_pass if {
	count(gov.ia_conditions_unmet) == 0 with input as _cert(_facts)
}

test_unmet_condition_fails if {
	fs := gov.ia_conditions_unmet with input as _cert(object.union(_facts, {"coco": object.union(_facts.coco, {"ia_conditions": array.concat([{"condition": "Boundary", "status": "not_met"}], _all_conditions)})}))
	some f in fs
	f.path == "facts.coco.ia_conditions[0]"
}

test_exception_without_reference_fails if {
	count(gov.ia_conditions_unmet) == 1 with input as _cert(object.union(_facts, {"coco": object.union(_facts.coco, {"ia_conditions": array.concat([{"condition": "Patching", "status": "exception_agreed"}], _all_conditions)})}))
}

test_unanswered_conditions_fail if {
	count(gov.ia_conditions_unmet) == 1 with input as _cert(object.remove(_facts, ["coco"]))
}

_contacts(confirmed) := {"as_of": "2026-10-31", "evidence": {"security_contacts": [{"id": "sc", "facts": {"contacts": [{"role": "Primary", "name": "A. Person", "last_confirmed": confirmed}]}}]}}

test_contact_confirmed_twelve_months_ago_passes if {
	count(gov.contacts_stale) == 0 with input as _contacts("2025-10-31")
}

test_contact_confirmed_twelve_months_and_a_day_ago_fails if {
	count(gov.contacts_stale) == 1 with input as _contacts("2025-10-30")
}

test_no_contacts_fails if {
	some f in gov.contacts_stale with input as {"as_of": "2026-10-31", "evidence": {"security_contacts": [{"id": "sc", "facts": {"contacts": []}}]}}
	f == {"msg": "no PSN team contacts recorded", "evidence": "sc", "path": "facts.contacts"}
}

test_undated_certificate_beside_an_older_one_fails if {
	old := {"id": "cert-old", "facts": _facts}
	undated := {"id": "cert-new", "facts": object.remove(_facts, ["issued"])}
	fs := gov.certificate_not_current with input as {"as_of": "2026-10-31", "evidence": {"psn_certificate": [old, undated]}}
	count(fs) == 1
	some f in fs
	f.evidence == "cert-new"
}

test_unnamed_environment_fails if {
	fs := gov.coco_incomplete with input as _cert(object.remove(_facts, ["environment_name"]))
	count(fs) == 1
	some f in fs
	f.path == "facts.environment_name"
}

test_hosted_srv_code_passes if {
	count(gov.coco_incomplete) == 0 with input as _cert(object.union(_facts, {"coco": object.union(_facts.coco, {"hosted_service_codes": ["SRV_0123"]})}))
}

test_malformed_service_code_fails if {
	fs := gov.coco_incomplete with input as _cert(object.union(_facts, {"coco": object.union(_facts.coco, {"hosted_service_codes": ["Revenues portal"]})}))
	count(fs) == 1
	some f in fs
	f.path == "facts.coco.hosted_service_codes[0]"
}

test_missing_users_count_fails if {
	count(gov.coco_incomplete) == 1 with input as _cert(object.union(object.remove(_facts, ["coco"]), {"coco": object.remove(_facts.coco, ["users"])}))
}

test_contact_without_confirmation_date_fails if {
	count(gov.contacts_stale) == 1 with input as {"as_of": "2026-11-01", "evidence": {"security_contacts": [{"id": "c", "facts": {"contacts": [{"name": "A", "role": "PSN contact"}]}}]}}
}
