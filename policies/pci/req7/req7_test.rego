package pci.req7_test

import future.keywords.not
import rego.v1

import data.pci.req7

_accounts(accounts) := {"as_of": "2026-11-01", "evidence": {"user_accounts": [{"id": "ua", "facts": {"system": "AD", "accounts": accounts}}]}}

test_approved_admin_passes if {
	count(req7.privilege_unapproved) == 0 with input as _accounts([{"id": "a", "type": "admin", "approved_by": "Head of ICT"}])
	count(req7.privilege_unapproved) == 0 with input as _accounts([{"id": "u", "type": "user"}])
}

test_unapproved_privilege_fails if {
	count(req7.privilege_unapproved) == 1 with input as _accounts([{"id": "a", "type": "admin"}])
	count(req7.privilege_unapproved) == 1 with input as _accounts([{"id": "u", "type": "user", "privileged": true, "approved_by": " "}])
	count(req7.privilege_unapproved) == 0 with input as _accounts([{"id": "a", "type": "admin", "disabled": true}])
}

_reviews(interval, tra, reviews) := {"as_of": "2026-11-01", "evidence": {"access_review": [{"id": "ar", "facts": {
	"service_account_review_interval_months": interval,
	"targeted_risk_analysis": {"reference": "TRA", "reviewed": tra}, "reviews": reviews,
}}], "targeted_risk_analysis": [{"id": "tra", "facts": {"analyses": [{"requirement": "7.2.5.1", "reference": "TRA", "approach": "flexible_frequency", "last_reviewed": "2026-01-01", "frequency_months": 12}]}}]}}

_review(scope, completed) := {"scope": scope, "completed": completed, "reviewer": "r"}

test_user_review_six_months_ago_passes_a_day_more_fails if {
	count(req7.access_review_overdue) == 0 with input as _reviews(12, "2026-01-01", [_review("user_accounts", "2026-05-01")])
	count(req7.access_review_overdue) == 1 with input as _reviews(12, "2026-01-01", [_review("user_accounts", "2026-04-30")])
	count(req7.access_review_overdue) == 1 with input as _reviews(12, "2026-01-01", [_review("service_accounts", "2026-10-01")])
	some f in req7.access_review_overdue with input as _reviews(12, "2026-01-01", [])
	f.evidence == "ar"
	f.path == "facts.reviews"
}

test_service_review_within_tra_interval_passes_outside_fails if {
	count(req7.service_account_review_overdue) == 0 with input as _reviews(12, "2025-11-01", [_review("service_accounts", "2025-11-01")])
	count(req7.service_account_review_overdue) == 1 with input as _reviews(12, "2025-11-01", [_review("service_accounts", "2025-10-31")])
	count(req7.service_account_review_overdue) == 1 with input as _reviews(3, "2026-01-01", [_review("service_accounts", "2026-07-31")])
}

test_stale_tra_fails if {
	count(req7.service_account_review_overdue) == 1 with input as _reviews(12, "2025-10-31", [_review("service_accounts", "2026-10-01")])
}

test_missing_interval_or_evidence_fails if {
	no_interval := {"as_of": "2026-11-01", "evidence": {"access_review": [{"id": "ar", "facts": {"reviews": [_review("service_accounts", "2026-10-01")]}}]}}
	count(req7.service_account_review_overdue) == 2 with input as no_interval
	# No access_review evidence at all: the control is a gap before the rule is read.
	count(req7.service_account_review_overdue) == 0 with input as {"as_of": "2026-11-01", "evidence": {}}
}

_auth(facts) := {"evidence": {"auth_policy": [{"id": "ap", "facts": object.union({"system": "AD"}, facts)}]}}

test_default_deny_passes_allow_fails if {
	count(req7.default_access_not_denied) == 0 with input as _auth({"default_access": "deny_all"})
	count(req7.default_access_not_denied) == 1 with input as _auth({"default_access": "allow"})
	count(req7.default_access_not_denied) == 1 with input as _auth({})
	count(req7.default_access_not_denied) == 0 with input as _auth({"in_cde": false}) with input.as_of as "2026-11-01" with input.evidence.pci_scope as _listed("AD")
	count(req7.default_access_not_denied) == 1 with input as _auth({"in_cde": false}) with input.as_of as "2026-11-01"
}

# The scope inventory listing `name` out of PCI DSS scope, approved (data.lib.pci_scope).
_listed(name) := [{"id": "scope", "facts": {"confirmations": [], "out_of_scope": [{"name": name, "reason": "No route to the CDE (segmentation test ST-4)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}]}}]


# An account marked in_cde: false is out of PCI DSS scope only when its system is listed out
# of scope; absent in_cde, or false on an in-scope system, is judged.
test_unapproved_privilege_outside_cde_is_not_judged if {
	count(req7.privilege_unapproved) == 0 with input as _accounts([{"id": "a", "type": "admin", "in_cde": false}]) with input.evidence.pci_scope as _listed("AD")
	count(req7.privilege_unapproved) == 1 with input as _accounts([{"id": "a", "type": "admin", "in_cde": false}])
	count(req7.privilege_unapproved) == 1 with input as _accounts([{"id": "a", "type": "admin", "in_cde": true}])
}
