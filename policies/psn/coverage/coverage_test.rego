package psn.coverage_test

import future.keywords.not
import rego.v1

import data.psn.coverage

_cov_environment := {
	"sites": ["County Hall", "Northgate Depot"],
	"external_ranges": ["203.0.113.0/26", "198.51.100.7"],
	"gateways": ["fw-core-01"],
	"remote_access": ["vpn-01"],
	"third_party_connections": ["DWP link"],
}

_cov_tested := {
	"internal_sites": ["county hall", "Northgate Depot"],
	"external_ranges": ["203.0.113.0/24", "198.51.100.7/32"],
	"gateways": ["FW-CORE-01"],
	"remote_access": ["vpn-01"],
	"third_party_connections": ["DWP link"],
}

_cov_input(environment, tested) := {"evidence": {
	"psn_certificate": [{"id": "cert", "facts": {"environment_name": "Corp", "issued": "2026-03-28", "coco": {"environment": environment}}}],
	"ithc_report": [{"id": "ithc", "facts": {"provider": "Pen Co", "scheme": "CHECK", "completed": "2026-02-20", "findings": [], "scope": {"tested": tested}}}],
}}

test_scope_covering_the_environment_passes if {
	count(coverage.scope_misses_environment) == 0 with input as _cov_input(_cov_environment, _cov_tested)
}

test_site_missing_from_the_internal_sample_fails if {
	fs := coverage.scope_misses_environment with input as _cov_input(_cov_environment, object.union(_cov_tested, {"internal_sites": ["County Hall"]}))
	count(fs) == 1
	some f in fs
	f.evidence == "ithc"
	contains(f.msg, `site "Northgate Depot"`)
}

test_range_wider_than_the_tested_range_fails if {
	fs := coverage.scope_misses_environment with input as _cov_input(object.union(_cov_environment, {"external_ranges": ["203.0.112.0/23"]}), _cov_tested)
	count(fs) == 1
	some f in fs
	contains(f.msg, "203.0.112.0/23")
}

test_gateway_tested_as_remote_access_counts if {
	count(coverage.scope_misses_environment) == 0 with input as _cov_input(object.union(_cov_environment, {"gateways": ["vpn-01"]}), _cov_tested)
}

test_every_missing_part_is_a_finding if {
	fs := coverage.scope_misses_environment with input as _cov_input(_cov_environment, {})
	count(fs) == 7
}

test_unstated_tested_scope_fails if {
	inp := {"evidence": {
		"psn_certificate": [{"id": "cert", "facts": {"environment_name": "Corp", "coco": {"environment": _cov_environment}}}],
		"ithc_report": [{"id": "ithc", "facts": {"provider": "Pen Co", "scheme": "CHECK", "completed": "2026-02-20", "findings": []}}],
	}}
	fs := coverage.scope_misses_environment with input as inp
	count(fs) == 1
	some f in fs
	f.path == "facts.scope.tested"
}

test_unstated_environment_fails_at_the_certificate if {
	inp := {"evidence": {
		"psn_certificate": [{"id": "cert", "facts": {"environment_name": "Corp", "coco": {}}}],
		"ithc_report": [{"id": "ithc", "facts": {"provider": "Pen Co", "scheme": "CHECK", "completed": "2026-02-20", "findings": [], "scope": {"tested": _cov_tested}}}],
	}}
	fs := coverage.scope_misses_environment with input as inp
	count(fs) == 1
	some f in fs
	f.evidence == "cert"
}

test_no_certificate_fails if {
	inp := {"evidence": {"ithc_report": [{"id": "ithc", "facts": {"provider": "Pen Co", "scheme": "CHECK", "completed": "2026-02-20", "findings": [], "scope": {"tested": _cov_tested}}}]}}
	count(coverage.scope_misses_environment) == 1 with input as inp
}

test_everything_as_a_tested_range_covers_nothing_and_fails if {
	fs := coverage.scope_misses_environment with input as _cov_input(_cov_environment, object.union(_cov_tested, {"external_ranges": ["0.0.0.0/0"]}))
	{f.msg | some f in fs} == {
		`ITHC ithc names "0.0.0.0/0" as a tested external range; a range broader than /16 is not a record of what was tested, so it covers nothing`,
		`external range "203.0.113.0/26" is in the CoCo environment but not in the scope of ITHC ithc (external ranges)`,
		`external range "198.51.100.7" is in the CoCo environment but not in the scope of ITHC ithc (external ranges)`,
	}
}

test_a_sixteen_bit_tested_range_still_covers_what_it_contains if {
	count(coverage.scope_misses_environment) == 0 with input as _cov_input(_cov_environment, object.union(_cov_tested, {"external_ranges": ["203.0.0.0/16", "198.51.0.0/16"]}))
}
