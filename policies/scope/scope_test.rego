package scope_test

import future.keywords.not
import rego.v1

import data.scope

_pci := {"merchant": true, "service_provider": false, "multi_tenant_provider": false, "designated_entity": false, "early_tls_poi": false, "issuer": false}

_org(pci) := {"organisation": {"psn_connected": true, "pci": object.union(_pci, pci)}}

test_merchant_is_in_pci_scope if {
	scope.pci_in_scope with input as _org({})
}

test_service_provider_is_in_pci_scope if {
	scope.pci_in_scope with input as _org({"merchant": false, "service_provider": true})
}

test_neither_is_out_of_pci_scope if {
	scope.pci_in_scope == false with input as _org({"merchant": false})
}

test_merchant_is_not_a_service_provider if {
	scope.pci_service_provider == false with input as _org({})
	scope.pci_service_provider with input as _org({"service_provider": true})
}

test_multi_tenant_needs_service_provider if {
	scope.pci_multi_tenant_provider == false with input as _org({"multi_tenant_provider": true})
	scope.pci_multi_tenant_provider with input as _org({"service_provider": true, "multi_tenant_provider": true})
	scope.pci_multi_tenant_provider == false with input as _org({"service_provider": true})
}

test_appendix_classes_follow_the_profile if {
	scope.pci_designated_entity with input as _org({"designated_entity": true})
	scope.pci_designated_entity == false with input as _org({})
	scope.pci_early_tls_poi with input as _org({"early_tls_poi": true})
	scope.pci_issuer == false with input as _org({})
}

test_missing_profile_leaves_scope_undefined if {
	not scope.pci_in_scope with input as {"organisation": {}}
	not scope.psn_connected with input as {"organisation": {}}
	not scope.pci_designated_entity with input as {"organisation": {"pci": {"merchant": true, "service_provider": false}}}
}

test_pecr_provider_is_read_from_the_profile if {
	scope.pecr_provider with input as {"organisation": {"pecr_provider": true}}
	scope.pecr_provider == false with input as {"organisation": {"pecr_provider": false}}
}

test_pecr_provider_absent_is_undefined if {
	not scope.pecr_provider with input as {"organisation": {"psn_connected": true}}
}

test_card_present_needs_a_face_to_face_channel if {
	scope.pci_card_present with input as _org({"channels": ["contact_centre", "face_to_face"]})
	scope.pci_card_present == false with input as _org({"channels": ["ecommerce", "contact_centre", "mail_order"]})
	scope.pci_card_present == false with input as _org({"channels": []})
	scope.pci_card_present == false with input as _org({"merchant": false, "channels": ["face_to_face"]})
}

test_card_present_without_channels_is_undefined if {
	not scope.pci_card_present with input as _org({})
	not scope.pci_card_present with input as _org({"channels": "face_to_face"})
	not scope.pci_card_present with input as {"organisation": {"pci": {"channels": ["face_to_face"]}}}
}

test_no_card_payments_means_no_card_present_channel_whatever_the_channels if {
	not_merchant := {"merchant": false, "service_provider": false, "multi_tenant_provider": false, "designated_entity": false, "early_tls_poi": false, "issuer": false}
	scope.pci_card_present == false with input as {"organisation": {"pci": not_merchant}}
}

test_no_card_payments_needs_no_other_flag if {
	no_cards := {"organisation": {"pci": {"merchant": false, "service_provider": false}}}
	scope.pci_in_scope == false with input as no_cards
	scope.pci_multi_tenant_provider == false with input as no_cards
	scope.pci_early_tls_poi == false with input as no_cards
	scope.pci_designated_entity == false with input as no_cards
	scope.pci_issuer == false with input as no_cards
	scope.pci_card_present == false with input as no_cards
}

test_in_scope_class_flags_stay_undefined_when_unstated if {
	not scope.pci_issuer with input as {"organisation": {"pci": {"merchant": true, "service_provider": false}}}
	not scope.pci_multi_tenant_provider with input as {"organisation": {"pci": {"merchant": false, "service_provider": true}}}
}

test_failure_response_required_of_service_providers_before_31_march_2025 if {
	scope.pci_failure_response_required with input as object.union(_org({"service_provider": true}), {"as_of": "2025-03-30"})
}

test_failure_response_not_yet_required_of_merchants_before_31_march_2025 if {
	scope.pci_failure_response_required == false with input as object.union(_org({}), {"as_of": "2025-03-30"})
}

test_failure_response_required_of_merchants_from_31_march_2025 if {
	scope.pci_failure_response_required with input as object.union(_org({}), {"as_of": "2025-03-31"})
}

test_failure_response_not_required_outside_pci if {
	scope.pci_failure_response_required == false with input as object.union(_org({"merchant": false}), {"as_of": "2026-01-01"})
}

test_failure_response_undecided_without_an_assessment_date if {
	not scope.pci_failure_response_required with input as _org({})
}
