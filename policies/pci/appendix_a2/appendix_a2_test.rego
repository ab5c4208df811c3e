package pci.appendix_a2_test

import future.keywords.not
import rego.v1

import data.pci.appendix_a2

_poi(device) := {"evidence": {"poi_devices": [{"id": "poi", "facts": {"devices": [object.union({"make": "Ingenico", "model": "iCT250", "serial": "S1", "location": "Till"}, device)]}}]}}

test_terminal_on_tls_1_2_passes if {
	count(appendix_a2.early_tls_poi_unassessed) == 0 with input as _poi({"tls_version": "TLS 1.2"})
}

test_terminal_on_tls_1_1_without_assessment_fails if {
	count(appendix_a2.early_tls_poi_unassessed) == 1 with input as _poi({"tls_version": "TLS 1.1"})
}

test_terminal_on_ssl_with_assessment_passes if {
	count(appendix_a2.early_tls_poi_unassessed) == 0 with input as _poi({"tls_version": "SSL 3.0", "early_tls_assessment": "VEND-LETTER-2026-04"})
}

test_terminal_with_blank_assessment_fails if {
	count(appendix_a2.early_tls_poi_unassessed) == 1 with input as _poi({"tls_version": "TLS 1.0", "early_tls_assessment": " "})
}

test_terminal_with_unstated_protocol_fails if {
	count(appendix_a2.early_tls_poi_unassessed) == 1 with input as _poi({})
}
