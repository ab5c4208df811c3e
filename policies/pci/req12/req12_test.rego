package pci.req12_test

import future.keywords.not
import rego.v1

import data.pci.req12

_as_of := "2026-11-01"

_in(evidence) := {"as_of": _as_of, "evidence": evidence}

_policy(type, extra) := {"id": sprintf("pol-%s", [type]), "facts": object.union(
	{"type": type, "name": type, "approved": "2026-01-10", "last_reviewed": "2026-01-10", "published_to": "intranet"},
	extra,
)}

_infosec(extra) := _policy("information_security", object.union(
	{
		"defines_roles": true, "security_lead": {"name": "S. Harding", "post": "CISO"},
		"acknowledgement": {"personnel": 10, "acknowledged": 10, "campaign_completed": "2026-02-01"},
	},
	extra,
))

_policies(extra) := _in({"security_policy": [_infosec(extra)]})

# --- 12.1 --------------------------------------------------------------------------------

test_infosec_policy_established_passes if {
	count(req12.infosec_policy_not_established) == 0 with input as _policies({})
}

test_infosec_policy_absent_fails if {
	count(req12.infosec_policy_not_established) == 1 with input as _in({"security_policy": [_policy("acceptable_use", {})]})
}

test_infosec_policy_unapproved_unpublished_fails if {
	doc := {"id": "p", "facts": {"type": "information_security", "name": "ISP"}}
	count(req12.infosec_policy_not_established) == 2 with input as _in({"security_policy": [doc]})
}

test_infosec_review_twelve_months_ago_passes if {
	count(req12.infosec_policy_review_overdue) == 0 with input as _policies({"last_reviewed": "2025-11-01"})
}

test_infosec_review_a_day_over_twelve_months_fails if {
	count(req12.infosec_policy_review_overdue) == 1 with input as _policies({"last_reviewed": "2025-10-31"})
}

test_infosec_review_missing_fails if {
	doc := {"id": "p", "facts": {"type": "information_security", "name": "ISP"}}
	count(req12.infosec_policy_review_overdue) == 1 with input as _in({"security_policy": [doc]})
}

test_infosec_review_without_policy_fails if {
	count(req12.infosec_policy_review_overdue) == 1 with input as _in({"security_policy": [_policy("acceptable_use", {})]})
	count(req12.infosec_policy_review_overdue) == 0 with input as _in({"security_policy": []})
}

test_roles_acknowledged_by_all_passes if {
	count(req12.security_roles_not_acknowledged) == 0 with input as _policies({})
}

test_roles_acknowledged_by_nine_of_ten_fails if {
	count(req12.security_roles_not_acknowledged) == 1 with input as _policies({"acknowledgement": {"personnel": 10, "acknowledged": 9}})
}

test_roles_undefined_and_no_acknowledgement_fails if {
	doc := {"id": "p", "facts": {"type": "information_security", "name": "ISP"}}
	count(req12.security_roles_not_acknowledged) == 2 with input as _in({"security_policy": [doc]})
	count(req12.security_roles_not_acknowledged) == 1 with input as _in({"security_policy": [_policy("acceptable_use", {})]})
}

test_security_lead_named_passes if {
	count(req12.security_responsibility_unassigned) == 0 with input as _policies({})
}

test_security_lead_missing_fails if {
	doc := {"id": "p", "facts": {"type": "information_security", "name": "ISP"}}
	count(req12.security_responsibility_unassigned) == 1 with input as _in({"security_policy": [doc]})
	count(req12.security_responsibility_unassigned) == 1 with input as _in({"security_policy": [_policy("acceptable_use", {})]})
}

# --- 12.2 --------------------------------------------------------------------------------

_aup(covers) := _policy("acceptable_use", {"covers": covers})

test_acceptable_use_complete_passes if {
	count(req12.acceptable_use_policy_incomplete) == 0 with input as _in({"security_policy": [_aup(["explicit_approval", "acceptable_uses", "approved_products"])]})
}

test_acceptable_use_without_product_list_fails if {
	count(req12.acceptable_use_policy_incomplete) == 1 with input as _in({"security_policy": [_aup(["explicit_approval", "acceptable_uses"])]})
}

test_acceptable_use_missing_fails if {
	count(req12.acceptable_use_policy_incomplete) == 1 with input as _policies({})
	doc := {"id": "a", "facts": {"type": "acceptable_use", "name": "AUP"}}
	count(req12.acceptable_use_policy_incomplete) == 4 with input as _in({"security_policy": [doc]})
}

# --- 12.3 --------------------------------------------------------------------------------

_tra(analyses, used) := _in({"targeted_risk_analysis": [{"id": "tra", "facts": {"customized_approach_used": used, "analyses": analyses}}]})

_flex(reviewed) := {"requirement": "5.3.2.1", "approach": "flexible_frequency", "performed": "2024-01-01", "last_reviewed": reviewed, "approved_by": "CISO"}

_custom(reviewed) := {"requirement": "8.3.6", "approach": "customized", "performed": reviewed, "approved_by": "Executive Director"}

test_flexible_tra_reviewed_twelve_months_ago_passes if {
	count(req12.flexible_tra_not_current) == 0 with input as _tra([_flex("2025-11-01")], false)
}

test_flexible_tra_a_day_over_twelve_months_fails if {
	count(req12.flexible_tra_not_current) == 1 with input as _tra([_flex("2025-10-31")], false)
}

test_flexible_tra_falls_back_to_performed_date if {
	a := object.remove(_flex("x"), ["last_reviewed"])
	count(req12.flexible_tra_not_current) == 1 with input as _tra([a], false)
	count(req12.flexible_tra_not_current) == 0 with input as _tra([object.union(a, {"performed": "2026-01-01"})], false)
}

test_flexible_tra_without_dates_or_approver_fails if {
	a := {"requirement": "5.3.2.1", "approach": "flexible_frequency"}
	count(req12.flexible_tra_not_current) == 2 with input as _tra([a], false)
}

test_no_flexible_tra_fails if {
	count(req12.flexible_tra_not_current) == 1 with input as _tra([], false)
}

test_customized_approach_not_used_passes if {
	count(req12.customized_tra_not_current) == 0 with input as _tra([_flex("2026-01-01")], false)
}

test_customized_tra_current_passes if {
	count(req12.customized_tra_not_current) == 0 with input as _tra([_custom("2025-11-01")], true)
}

test_customized_tra_stale_fails if {
	count(req12.customized_tra_not_current) == 1 with input as _tra([_custom("2025-10-31")], true)
}

test_customized_tra_unapproved_fails if {
	count(req12.customized_tra_not_current) == 1 with input as _tra([object.remove(_custom("2026-01-01"), ["approved_by"])], true)
}

test_customized_used_without_analysis_fails if {
	count(req12.customized_tra_not_current) == 1 with input as _tra([_flex("2026-01-01")], true)
}

test_customized_flag_missing_fails if {
	count(req12.customized_tra_not_current) == 1 with input as _in({"targeted_risk_analysis": [{"id": "tra", "facts": {"analyses": []}}]})
}

_tech := {"name": "nginx", "vendor_supported": true, "meets_pci_dss": true, "end_of_life": "2028-01-01"}

_hw(extra) := _in({"hardware_software_review": [{"id": "hw", "facts": object.union(
	{
		"reviewed": "2026-06-30", "technologies": [_tech],
		"cryptography": {"reviewed": "2026-06-30", "in_use": [{"name": "TLS 1.2", "status": "current"}]},
	},
	extra,
)}]})

test_crypto_inventory_reviewed_twelve_months_ago_passes if {
	count(req12.crypto_inventory_review_overdue) == 0 with input as _hw({"cryptography": {"reviewed": "2025-11-01", "in_use": [{"name": "TLS 1.2", "status": "current"}]}})
}

test_crypto_inventory_a_day_over_twelve_months_fails if {
	count(req12.crypto_inventory_review_overdue) == 1 with input as _hw({"cryptography": {"reviewed": "2025-10-31", "in_use": [{"name": "TLS 1.2", "status": "current"}]}})
}

test_crypto_deprecated_needs_migration_plan if {
	old := {"name": "TLS 1.0", "status": "deprecated"}
	count(req12.crypto_inventory_review_overdue) == 1 with input as _hw({"cryptography": {"reviewed": "2026-06-30", "in_use": [old]}})
	planned := object.union(old, {"migration_plan": "disable by Q1"})
	count(req12.crypto_inventory_review_overdue) == 0 with input as _hw({"cryptography": {"reviewed": "2026-06-30", "in_use": [planned]}})
}

test_crypto_inventory_missing_or_empty_fails if {
	doc := {"id": "hw", "facts": {"reviewed": "2026-06-30", "technologies": []}}
	count(req12.crypto_inventory_review_overdue) == 1 with input as _in({"hardware_software_review": [doc]})
	count(req12.crypto_inventory_review_overdue) == 1 with input as _hw({"cryptography": {"reviewed": "2026-06-30", "in_use": []}})
}

test_crypto_review_date_or_inventory_absent_fails if {
	doc := {"id": "hw", "facts": {"reviewed": "2026-06-30", "technologies": [_tech], "cryptography": {}}}
	count(req12.crypto_inventory_review_overdue) == 2 with input as _in({"hardware_software_review": [doc]})
}

test_technology_review_twelve_months_ago_passes if {
	count(req12.technology_review_overdue) == 0 with input as _hw({"reviewed": "2025-11-01"})
}

test_technology_review_a_day_over_twelve_months_fails if {
	count(req12.technology_review_overdue) == 1 with input as _hw({"reviewed": "2025-10-31"})
}

test_unsupported_technology_needs_plan if {
	bad := object.union(_tech, {"vendor_supported": false})
	count(req12.technology_review_overdue) == 1 with input as _hw({"technologies": [bad]})
	count(req12.technology_review_overdue) == 0 with input as _hw({"technologies": [object.union(bad, {"remediation_plan": "replace"})]})
}

test_end_of_life_within_twelve_months_needs_plan if {
	count(req12.technology_review_overdue) == 1 with input as _hw({"technologies": [object.union(_tech, {"end_of_life": "2027-11-01"})]})
	count(req12.technology_review_overdue) == 0 with input as _hw({"technologies": [object.union(_tech, {"end_of_life": "2027-11-02"})]})
}

test_technology_facts_missing_fails if {
	count(req12.technology_review_overdue) == 2 with input as _in({"hardware_software_review": [{"id": "hw", "facts": {"technologies": [{"name": "x"}]}}]})
}

# --- 12.4 --------------------------------------------------------------------------------

_reviews(days, signed) := _policies({"compliance_reviews": [r |
	some day in days
	r := object.union({"performed": day, "type": "policy_adherence", "results_documented": true}, _signer(signed))
]})

_signer(true) := {"signed_off_by": "Compliance Manager"}

_signer(false) := {}

test_quarterly_adherence_reviews_pass if {
	count(req12.policy_adherence_reviews_missing) == 0 with input as _reviews(["2026-10-01", "2026-07-01", "2026-04-01", "2025-11-01"], true)
}

test_adherence_review_a_day_too_early_leaves_a_quarter_empty if {
	count(req12.policy_adherence_reviews_missing) == 1 with input as _reviews(["2026-10-01", "2026-07-01", "2026-04-01", "2025-10-31"], true)
}

test_no_adherence_reviews_fails_every_quarter if {
	count(req12.policy_adherence_reviews_missing) == 4 with input as _policies({})
	count(req12.policy_adherence_reviews_missing) == 4 with input as _in({"security_policy": [{"id": "sp", "facts": {}}]})
}

test_adherence_reviews_signed_off_pass if {
	count(req12.adherence_review_results_unsigned) == 0 with input as _reviews(["2026-10-01", "2025-10-31"], true)
}

test_adherence_review_unsigned_fails if {
	count(req12.adherence_review_results_unsigned) == 1 with input as _reviews(["2026-10-01"], false)
}

test_no_recent_adherence_review_fails if {
	count(req12.adherence_review_results_unsigned) == 1 with input as _reviews(["2025-10-31"], false)
}

# --- 12.5 --------------------------------------------------------------------------------

_confirmation(day) := {"date": day, "data_flows_documented": true, "locations_documented": true}

_scope(extra) := _in({"pci_scope": [{"id": "scope", "facts": object.union(
	{"confirmations": [_confirmation("2026-06-18")], "components": [{"name": "pay-web-01", "function": "payment page"}]},
	extra,
)}]})

test_scope_inventory_complete_passes if {
	count(req12.scope_inventory_incomplete) == 0 with input as _scope({})
}

test_scope_inventory_missing_function_fails if {
	count(req12.scope_inventory_incomplete) == 1 with input as _scope({"components": [{"name": "pay-web-01"}]})
}

test_inventoried_component_marked_out_of_the_cde_fails if {
	inp := object.union(_scope({}), {"evidence": {
		"endpoint_protection": [{"id": "av", "facts": {"hosts": [{"name": "pay-web-01", "in_cde": false}, {"name": "hr-01", "in_cde": false}]}}],
		"system_config": [{"id": "sc-pay-web-01", "facts": {"system": "pay-web-01", "in_cde": false}}],
		"pci_scope": [{"id": "scope", "facts": {"confirmations": [_confirmation("2026-06-18")], "components": [{"name": "pay-web-01", "function": "payment page"}], "out_of_scope": [{"name": "hr-01", "reason": "HR file server; no route to the CDE (firewall rule review FR-12)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}]}}],
	}})
	{f.msg | some f in req12.scope_inventory_incomplete} == {
		"pay-web-01 is in the PCI DSS scope inventory but av marks it in_cde: false",
		"pay-web-01 is in the PCI DSS scope inventory but sc-pay-web-01 marks it in_cde: false",
		"pay-web-01 is marked in_cde: false in av, but no PCI DSS scope inventory lists it under out_of_scope with an approval that counts at 2026-11-01 (reason, approver, approved within 12 months), so it is judged as in scope",
		"pay-web-01 is marked in_cde: false in sc-pay-web-01, but no PCI DSS scope inventory lists it under out_of_scope with an approval that counts at 2026-11-01 (reason, approver, approved within 12 months), so it is judged as in scope",
	} with input as inp
}

test_component_marked_out_of_the_cde_without_a_listed_reason_fails if {
	inp := object.union(_scope({}), {"evidence": {
		"system_config": [{"id": "sc-wlc", "facts": {"system": "wlc-01", "in_cde": false}}],
		"patch_status": [{"id": "ps", "facts": {"hosts": [{"name": "kiosk-01", "in_cde": false, "patches": []}]}}],
		"auth_policy": [{"id": "ap", "facts": {"system": "HR portal", "in_cde": false}}],
		"bespoke_software": [{"id": "bs", "facts": {"applications": [{"name": "lib-app", "in_cde": false}]}}],
	}})
	{[f.evidence, f.path] | some f in req12.scope_inventory_incomplete} == {
		["sc-wlc", "facts.in_cde"],
		["ps", "facts.hosts[0].in_cde"],
		["ap", "facts.in_cde"],
		["bs", "facts.applications[0].in_cde"],
	} with input as inp
}

test_component_listed_out_of_scope_with_a_current_approval_passes if {
	listed := [{"name": "wlc-01", "reason": "Guest wireless only; no route to the CDE", "approved_by": "Head of ICT Security", "approved_on": "2025-11-01"}]
	inp := object.union(_scope({"out_of_scope": listed}), {"evidence": {"system_config": [{"id": "sc-wlc", "facts": {"system": "wlc-01", "in_cde": false}}]}})
	count(req12.scope_inventory_incomplete) == 0 with input as inp
}

test_component_listed_out_of_scope_with_a_stale_approval_fails if {
	listed := [{"name": "wlc-01", "reason": "Guest wireless only; no route to the CDE", "approved_by": "Head of ICT Security", "approved_on": "2025-10-31"}]
	inp := object.union(_scope({"out_of_scope": listed}), {"evidence": {"system_config": [{"id": "sc-wlc", "facts": {"system": "wlc-01", "in_cde": false}}]}})
	fs := req12.scope_inventory_incomplete with input as inp
	count(fs) == 1
	some f in fs
	f.path == "facts.in_cde"
}

test_component_listed_out_of_scope_with_no_approval_fails if {
	listed := [{"name": "wlc-01", "reason": "Guest wireless only; no route to the CDE"}]
	inp := object.union(_scope({"out_of_scope": listed}), {"evidence": {"system_config": [{"id": "sc-wlc", "facts": {"system": "wlc-01", "in_cde": false}}]}})
	count(req12.scope_inventory_incomplete) == 1 with input as inp
}

test_component_listed_out_of_scope_with_a_blank_reason_fails if {
	listed := [{"name": "wlc-01", "reason": " ", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}]
	inp := object.union(_scope({"out_of_scope": listed}), {"evidence": {"system_config": [{"id": "sc-wlc", "facts": {"system": "wlc-01", "in_cde": false}}]}})
	count(req12.scope_inventory_incomplete) == 1 with input as inp
}

test_account_marked_out_of_the_cde_on_a_system_not_listed_fails if {
	accounts := {"user_accounts": [{"id": "ua", "facts": {"system": "Corporate AD", "accounts": [{"id": "ann", "in_cde": true}, {"id": "bob", "in_cde": false}]}}]}
	fs := req12.scope_inventory_incomplete with input as object.union(_scope({}), {"evidence": accounts})
	fs == {{"evidence": "ua", "path": "facts.accounts[1].in_cde", "msg": "account bob of Corporate AD is marked in_cde: false in ua, but no PCI DSS scope inventory lists its system Corporate AD under out_of_scope with an approval that counts at 2026-11-01 (reason, approver, approved within 12 months), so it is judged as in scope"}}
	listed := [{"name": "Corporate AD", "reason": "No route to the CDE (ST-4)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"}]
	count(req12.scope_inventory_incomplete) == 0 with input as object.union(_scope({"out_of_scope": listed}), {"evidence": accounts})
}

test_inventoried_component_in_the_cde_passes if {
	inp := object.union(_scope({}), {"evidence": {"system_config": [{"id": "sc", "facts": {"system": "pay-web-01", "in_cde": true}}]}})
	count(req12.scope_inventory_incomplete) == 0 with input as inp
}

test_scope_inventory_empty_fails if {
	count(req12.scope_inventory_incomplete) == 1 with input as _scope({"components": []})
}

test_scope_confirmed_twelve_months_ago_passes if {
	count(req12.scope_confirmation_overdue) == 0 with input as _scope({"confirmations": [_confirmation("2025-11-01")]})
}

test_scope_confirmed_a_day_over_twelve_months_fails if {
	count(req12.scope_confirmation_overdue) == 1 with input as _scope({"confirmations": [_confirmation("2025-10-31")]})
}

test_scope_confirmation_without_data_flows_fails if {
	count(req12.scope_confirmation_overdue) == 1 with input as _scope({"confirmations": [{"date": "2026-06-01", "locations_documented": true}]})
	count(req12.scope_confirmation_overdue) == 1 with input as _scope({"confirmations": []})
}

test_service_provider_scope_six_months_boundary if {
	count(req12.scope_confirmation_overdue_service_provider) == 0 with input as _scope({"confirmations": [_confirmation("2026-05-01")]})
	count(req12.scope_confirmation_overdue_service_provider) == 1 with input as _scope({"confirmations": [_confirmation("2026-04-30")]})
}

# --- 12.6 --------------------------------------------------------------------------------

test_awareness_programme_present_passes if {
	count(req12.awareness_programme_missing) == 0 with input as _in({"security_policy": [_policy("security_awareness_programme", {})]})
}

test_awareness_programme_missing_or_unapproved_fails if {
	count(req12.awareness_programme_missing) == 1 with input as _policies({})
	doc := {"id": "a", "facts": {"type": "security_awareness_programme", "name": "SAP"}}
	count(req12.awareness_programme_missing) == 1 with input as _in({"security_policy": [doc]})
}

test_awareness_programme_review_boundary if {
	count(req12.awareness_programme_review_overdue) == 0 with input as _in({"security_policy": [_policy("security_awareness_programme", {"last_reviewed": "2025-11-01"})]})
	count(req12.awareness_programme_review_overdue) == 1 with input as _in({"security_policy": [_policy("security_awareness_programme", {"last_reviewed": "2025-10-31"})]})
	count(req12.awareness_programme_review_overdue) == 1 with input as _policies({})
}

_person(extra) := object.union(
	{
		"name": "Eleanor Bold", "role": "Contact centre agent", "induction_completed": "2020-01-10",
		"last_refresher": "2026-03-01", "topics": ["security_awareness", "phishing", "social_engineering"],
	},
	extra,
)

_training(people) := _in({
	"training_records": [{"id": "tr", "facts": {"people": people}}],
	"security_policy": [_infosec({})],
})

test_training_current_passes if {
	count(req12.awareness_training_overdue) == 0 with input as _training([_person({})])
}

test_training_twelve_months_ago_passes if {
	count(req12.awareness_training_overdue) == 0 with input as _training([_person({"last_refresher": "2025-11-01"})])
}

test_training_a_day_over_twelve_months_fails if {
	count(req12.awareness_training_overdue) == 1 with input as _training([_person({"last_refresher": "2025-10-31"})])
}

test_recent_induction_counts_as_training if {
	p := object.remove(_person({"induction_completed": "2026-09-01"}), ["last_refresher"])
	count(req12.awareness_training_overdue) == 0 with input as _training([p])
}

test_no_training_at_hire_fails if {
	p := object.remove(_person({}), ["induction_completed"])
	count(req12.awareness_training_overdue) == 1 with input as _training([p])
}

test_never_trained_fails_twice if {
	p := object.remove(_person({}), ["induction_completed", "last_refresher"])
	count(req12.awareness_training_overdue) == 2 with input as _training([p])
}

test_people_without_card_data_access_are_out_of_scope if {
	p := object.remove(_person({"card_data_access": false}), ["induction_completed", "last_refresher"])
	count(req12.awareness_training_overdue) == 0 with input as _training([p, _person({})])
	count(req12.awareness_training_overdue) == 1 with input as _training([p])
}

test_policy_acknowledgement_campaign_boundary if {
	ok := _infosec({"acknowledgement": {"personnel": 1, "acknowledged": 1, "campaign_completed": "2025-11-01"}})
	old := _infosec({"acknowledgement": {"personnel": 1, "acknowledged": 1, "campaign_completed": "2025-10-31"}})
	people := [{"id": "tr", "facts": {"people": [_person({})]}}]
	count(req12.awareness_training_overdue) == 0 with input as _in({"training_records": people, "security_policy": [ok]})
	count(req12.awareness_training_overdue) == 1 with input as _in({"training_records": people, "security_policy": [old]})
	count(req12.awareness_training_overdue) == 1 with input as _in({"training_records": people, "security_policy": [_policy("acceptable_use", {})]})
}

test_phishing_and_social_engineering_covered_passes if {
	count(req12.phishing_training_missing) == 0 with input as _training([_person({})])
}

test_social_engineering_missing_fails if {
	count(req12.phishing_training_missing) == 1 with input as _training([_person({"topics": ["phishing"]})])
}

test_topics_missing_fails_twice if {
	count(req12.phishing_training_missing) == 2 with input as _training([object.remove(_person({}), ["topics"])])
	count(req12.phishing_training_missing) == 1 with input as _training([])
}

# --- 12.8 --------------------------------------------------------------------------------

_provider(extra) := object.union(
	{
		"name": "Omnipay", "services": "payment gateway", "engaged": "2022-04-01",
		"due_diligence_completed": "2022-02-15",
		"written_agreement": {"in_place": true, "acknowledges_responsibility": true},
		"compliance_status": {"checked": "2026-07-01", "evidence": "aoc", "status": "compliant"},
		"responsibility_matrix": true,
	},
	extra,
)

_register(providers) := _in({"service_provider_register": [{"id": "tpsp", "facts": {"providers": providers}}]})

test_complete_provider_passes_every_rule if {
	count(req12.tpsp_register_incomplete) == 0 with input as _register([_provider({})])
	count(req12.tpsp_agreement_missing) == 0 with input as _register([_provider({})])
	count(req12.tpsp_due_diligence_missing) == 0 with input as _register([_provider({})])
	count(req12.tpsp_status_check_overdue) == 0 with input as _register([_provider({})])
	count(req12.tpsp_responsibility_matrix_missing) == 0 with input as _register([_provider({})])
}

test_empty_register_and_missing_services_fail if {
	count(req12.tpsp_register_incomplete) == 1 with input as _register([])
	count(req12.tpsp_register_incomplete) == 1 with input as _register([object.remove(_provider({}), ["services"])])
}

test_agreement_without_acknowledgement_fails if {
	p := _provider({"written_agreement": {"in_place": true, "acknowledges_responsibility": false}})
	count(req12.tpsp_agreement_missing) == 1 with input as _register([p])
	count(req12.tpsp_agreement_missing) == 1 with input as _register([object.remove(_provider({}), ["written_agreement"])])
}

test_due_diligence_on_engagement_day_passes if {
	count(req12.tpsp_due_diligence_missing) == 0 with input as _register([_provider({"due_diligence_completed": "2022-04-01"})])
}

test_due_diligence_after_engagement_fails if {
	count(req12.tpsp_due_diligence_missing) == 1 with input as _register([_provider({"due_diligence_completed": "2022-04-02"})])
	count(req12.tpsp_due_diligence_missing) == 1 with input as _register([object.remove(_provider({}), ["due_diligence_completed"])])
}

test_status_checked_twelve_months_ago_passes if {
	count(req12.tpsp_status_check_overdue) == 0 with input as _register([_provider({"compliance_status": {"checked": "2025-11-01", "status": "compliant"}})])
}

test_status_checked_a_day_over_twelve_months_fails if {
	count(req12.tpsp_status_check_overdue) == 1 with input as _register([_provider({"compliance_status": {"checked": "2025-10-31", "status": "compliant"}})])
}

test_status_unknown_or_missing_fails if {
	count(req12.tpsp_status_check_overdue) == 1 with input as _register([_provider({"compliance_status": {"checked": "2026-10-01", "status": "unknown"}})])
	count(req12.tpsp_status_check_overdue) == 1 with input as _register([object.remove(_provider({}), ["compliance_status"])])
}

test_responsibility_matrix_missing_fails if {
	count(req12.tpsp_responsibility_matrix_missing) == 1 with input as _register([_provider({"responsibility_matrix": false})])
}

# --- 12.10 -------------------------------------------------------------------------------

_plan(extra) := {"id": "irp", "facts": object.union(
	{
		"name": "IRP", "approved": "2026-03-02", "last_reviewed": "2026-03-02", "last_tested": "2026-05-20",
		"covers": [
			"roles_and_communication", "payment_brand_and_acquirer_notification", "containment_and_mitigation",
			"business_recovery", "data_backup", "legal_reporting", "unexpected_pan_storage",
		],
		"alert_sources": ["intrusion_detection", "network_security_controls", "change_detection", "payment_page_tamper", "rogue_wireless"],
		"on_call": {"coverage": "24x7"}, "training_frequency_months": 12,
		"responders": [{"name": "Tom Towers", "last_trained": "2026-02-11"}],
	},
	extra,
)}

_ir(extra) := _in({"incident_response_plan": [_plan(extra)], "targeted_risk_analysis": [{"id": "tra", "facts": {"analyses": [_ir_tra("2026-02-09", 12)]}}]})

_ir_tra(reviewed, months) := {"requirement": "12.10.4.1", "approach": "flexible_frequency", "last_reviewed": reviewed, "frequency_months": months}

test_complete_plan_passes_every_rule if {
	count(req12.ir_plan_incomplete) == 0 with input as _ir({})
	count(req12.ir_plan_review_overdue) == 0 with input as _ir({})
	count(req12.ir_not_available_24x7) == 0 with input as _ir({})
	count(req12.ir_responders_untrained) == 0 with input as _ir({})
	count(req12.ir_training_frequency_unsupported) == 0 with input as _ir({})
	count(req12.ir_alert_sources_missing) == 0 with input as _ir({})
	count(req12.ir_pan_procedure_missing) == 0 with input as _ir({})
}

test_plan_missing_sections_fails if {
	count(req12.ir_plan_incomplete) == 1 with input as _ir({"covers": ["roles_and_communication", "payment_brand_and_acquirer_notification", "containment_and_mitigation", "business_recovery", "data_backup"]})
	count(req12.ir_plan_incomplete) == 7 with input as _in({"incident_response_plan": [{"id": "irp", "facts": {"name": "IRP"}}]})
}

test_plan_review_and_test_boundary if {
	count(req12.ir_plan_review_overdue) == 0 with input as _ir({"last_reviewed": "2025-11-01", "last_tested": "2025-11-01"})
	count(req12.ir_plan_review_overdue) == 2 with input as _ir({"last_reviewed": "2025-10-31", "last_tested": "2025-10-31"})
	count(req12.ir_plan_review_overdue) == 2 with input as _in({"incident_response_plan": [{"id": "irp", "facts": {"name": "IRP"}}]})
}

test_business_hours_cover_fails if {
	count(req12.ir_not_available_24x7) == 1 with input as _ir({"on_call": {"coverage": "business_hours"}})
	count(req12.ir_not_available_24x7) == 1 with input as _in({"incident_response_plan": [{"id": "irp", "facts": {"name": "IRP"}}]})
}

test_responder_training_boundary_at_plan_frequency if {
	count(req12.ir_responders_untrained) == 0 with input as _ir({"training_frequency_months": 6, "responders": [{"name": "T", "last_trained": "2026-05-01"}]})
	count(req12.ir_responders_untrained) == 1 with input as _ir({"training_frequency_months": 6, "responders": [{"name": "T", "last_trained": "2026-04-30"}]})
}

test_responder_training_defaults_to_twelve_months if {
	plan := object.remove(_plan({"responders": [{"name": "T", "last_trained": "2025-10-31"}]}).facts, ["training_frequency_months"])
	count(req12.ir_responders_untrained) == 1 with input as _in({"incident_response_plan": [{"id": "irp", "facts": plan}]})
}

test_no_responders_or_untrained_fails if {
	count(req12.ir_responders_untrained) == 1 with input as _ir({"responders": []})
	count(req12.ir_responders_untrained) == 1 with input as _ir({"responders": [{"name": "T"}]})
}

test_training_frequency_longer_than_analysis_fails if {
	count(req12.ir_training_frequency_unsupported) == 1 with input as _ir({"training_frequency_months": 13})
}

test_training_frequency_without_current_analysis_fails if {
	plan := [_plan({})]
	count(req12.ir_training_frequency_unsupported) == 1 with input as _in({"incident_response_plan": plan, "targeted_risk_analysis": [{"id": "tra", "facts": {"analyses": []}}]})
	stale := [{"id": "tra", "facts": {"analyses": [_ir_tra("2025-10-31", 12)]}}]
	count(req12.ir_training_frequency_unsupported) == 1 with input as _in({"incident_response_plan": plan, "targeted_risk_analysis": stale})
	current := [{"id": "tra", "facts": {"analyses": [_ir_tra("2025-11-01", 12)]}}]
	count(req12.ir_training_frequency_unsupported) == 0 with input as _in({"incident_response_plan": plan, "targeted_risk_analysis": current})
}

test_training_frequency_missing_from_plan_fails if {
	plan := object.remove(_plan({}).facts, ["training_frequency_months"])
	tra := [{"id": "tra", "facts": {"analyses": [_ir_tra("2026-02-09", 12)]}}]
	count(req12.ir_training_frequency_unsupported) == 1 with input as _in({"incident_response_plan": [{"id": "irp", "facts": plan}], "targeted_risk_analysis": tra})
}

test_missing_alert_source_fails if {
	count(req12.ir_alert_sources_missing) == 1 with input as _ir({"alert_sources": ["intrusion_detection", "network_security_controls", "change_detection", "payment_page_tamper"]})
	count(req12.ir_alert_sources_missing) == 5 with input as _in({"incident_response_plan": [{"id": "irp", "facts": {"name": "IRP"}}]})
}

test_payment_page_tamper_alerts_required_from_31_march_2025 if {
	plan := _plan({"alert_sources": ["intrusion_detection", "network_security_controls", "change_detection", "rogue_wireless"]})
	count(req12.ir_alert_sources_missing) == 0 with input as {"as_of": "2025-03-30", "evidence": {"incident_response_plan": [plan]}}
	count(req12.ir_alert_sources_missing) == 1 with input as {"as_of": "2025-03-31", "evidence": {"incident_response_plan": [plan]}}
}

test_unexpected_pan_procedure_missing_fails if {
	count(req12.ir_pan_procedure_missing) == 1 with input as _ir({"covers": ["roles_and_communication"]})
}
