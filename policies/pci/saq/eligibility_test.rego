package pci.saq.eligibility_test

import future.keywords.not
import rego.v1

import data.pci.saq.eligibility

_org(channels) := {"id": "org", "facts": {"pci": {"payment_channels": channels}}}

_input(channels, records) := {
	"organisation": {"pci": {"payment_channels": channels}},
	"evidence": {"organisation": [_org(channels)], "saq_eligibility": records},
}

_cvt := {"name": "phones", "validation": "C-VT", "provider": "Pay Ltd", "systems": ["vt-pc"]}

_cvt_all := {
	"only_virtual_terminal_from_compliant_provider": true, "one_transaction_at_a_time_by_keyboard": true,
	"device_isolated_single_location": true, "no_software_storing_account_data": true,
	"no_attached_card_readers": true, "not_ecommerce": true, "no_electronic_account_data": true,
	"paper_records_only": true,
}

_record(name, criteria, integration) := {"id": sprintf("elig-%s", [name]), "facts": {"channel": name, "criteria": criteria, "integration": integration}}

test_cvt_channel_meeting_every_criterion_is_eligible if {
	count(eligibility.ineligible) == 0 with input as _input([_cvt], [_record("phones", _cvt_all, "not-ecommerce")])
}

test_cvt_channel_keying_batches_must_move_to_saq_c if {
	criteria := object.union(_cvt_all, {"one_transaction_at_a_time_by_keyboard": false})
	msgs := {f.msg | some f in eligibility.ineligible} with input as _input([_cvt], [_record("phones", criteria, "not-ecommerce")])
	msgs == {"channel 'phones' (SAQ C-VT): eligibility criterion 'one_transaction_at_a_time_by_keyboard' is not met; it must move to SAQ C"}
}

test_unstated_criterion_is_a_finding if {
	criteria := object.remove(_cvt_all, ["device_isolated_single_location"])
	fs := eligibility.ineligible with input as _input([_cvt], [_record("phones", criteria, "not-ecommerce")])
	[f.path | some f in fs] == ["facts.criteria.device_isolated_single_location"]
}

test_channel_without_eligibility_evidence_is_a_finding if {
	fs := eligibility.ineligible with input as _input([_cvt], [])
	[f.path | some f in fs] == ["facts.pci.payment_channels[0]"]
}

_web := {"name": "web", "validation": "A", "provider": "Pay Ltd", "systems": ["www"]}

_a_all := {
	"card_not_present_only": true, "all_account_data_functions_outsourced": true,
	"provider_pci_dss_compliant": true, "no_electronic_account_data": true,
	"paper_records_only": true, "payment_page_entirely_from_provider": true,
	"site_protected_from_script_attacks": true,
}

test_saq_a_iframe_without_script_protection_must_move_to_a_ep if {
	criteria := object.remove(_a_all, ["site_protected_from_script_attacks"])
	msgs := {f.msg | some f in eligibility.ineligible} with input as _input([_web], [_record("web", criteria, "iframe")])
	msgs == {"channel 'web' (SAQ A): eligibility criterion 'site_protected_from_script_attacks' is not confirmed; it must move to SAQ A-EP"}
}

test_saq_a_full_redirect_needs_no_script_protection if {
	criteria := object.remove(_a_all, ["site_protected_from_script_attacks"])
	count(eligibility.ineligible) == 0 with input as _input([_web], [_record("web", criteria, "redirect")])
}

test_saq_a_direct_post_is_not_eligible if {
	fs := eligibility.ineligible with input as _input([_web], [_record("web", _a_all, "direct-post")])
	[f.path | some f in fs] == ["facts.integration"]
}

test_saq_d_channel_needs_no_eligibility_evidence if {
	d := {"name": "back-office", "validation": "D-Merchant", "provider": "none", "systems": ["erp"]}
	count(eligibility.ineligible) == 0 with input as _input([d], [])
}

test_record_for_unknown_channel_is_a_finding if {
	fs := eligibility.ineligible with input as _input([_cvt], [_record("phones", _cvt_all, "not-ecommerce"), _record("kiosk", {}, "not-ecommerce")])
	[f.msg | some f in fs] == ["saq_eligibility names channel 'kiosk', which the organisation profile does not list"]
}

test_cvt_channel_with_an_ecommerce_page_claiming_not_ecommerce_must_move_to_saq_c if {
	fs := eligibility.ineligible with input as _input([_cvt], [_record("phones", _cvt_all, "javascript-form")])
	fs == {{"msg": "channel 'phones' (SAQ C-VT): criterion 'not_ecommerce' is confirmed but the integration is 'javascript-form'; the answers contradict each other, so it must move to SAQ C", "evidence": "elig-phones", "path": "facts.integration"}}
}

test_ecommerce_only_channel_declared_not_ecommerce_is_a_contradiction if {
	aep := {"name": "web", "validation": "A-EP", "provider": "Pay Ltd", "systems": ["www"]}
	all := {
		"ecommerce_only": true, "payment_page_elements_from_merchant_or_provider": true,
		"provider_pci_dss_compliant": true, "no_electronic_account_data": true, "paper_records_only": true,
	}
	fs := eligibility.ineligible with input as _input([aep], [_record("web", all, "not-ecommerce")])
	[f.msg | some f in fs] == ["channel 'web' (SAQ A-EP): criterion 'ecommerce_only' is confirmed but the integration is 'not-ecommerce'; the answers contradict each other, so it must move to SAQ D-Merchant"]
}

test_unknown_criterion_is_a_finding_even_when_false if {
	fs := eligibility.ineligible with input as _input([_cvt], [_record("phones", object.union(_cvt_all, {"made_up": false}), "not-ecommerce")])
	fs == {{"msg": "channel 'phones' (SAQ C-VT): 'made_up' is not an eligibility criterion of SAQ C-VT; correct its name or remove it", "evidence": "elig-phones", "path": "facts.criteria.made_up"}}
}
