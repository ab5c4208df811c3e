# PSN connection: the ITHC covers the estate the CoCo describes (PSN-ITHC-09). Anything in
# the CoCo environment (sites, external ranges, gateways, remote access, third-party
# connections) that the latest ITHC does not name as tested is a finding.
package psn.coverage

import future.keywords.not
import rego.v1

import data.lib.finding

# Environment part -> the parts of the ITHC's tested scope that can cover it.
_covered_by := {
	"sites": ["internal_sites"],
	"external_ranges": ["external_ranges"],
	"gateways": ["gateways", "remote_access"],
	"remote_access": ["remote_access"],
	"third_party_connections": ["third_party_connections"],
}

scope_misses_environment contains finding.of(report, "facts.scope.tested", msg) if {
	report := _latest_report
	not is_object(object.get(report.facts, ["scope", "tested"], null))
	msg := sprintf("ITHC %s does not state what it tested (scope.tested), so it cannot be compared with the CoCo environment", [report.id])
}

scope_misses_environment contains finding.of(cert, "facts.coco.environment", msg) if {
	is_object(_latest_report)
	cert := _latest_certificate
	not is_object(object.get(cert.facts, ["coco", "environment"], null))
	msg := sprintf("CoCo %s does not list the environment (sites, ranges, gateways), so the ITHC scope cannot be checked against it", [cert.id])
}

scope_misses_environment contains finding.of(report, "facts.scope.tested", msg) if {
	report := _latest_report
	not _latest_certificate
	msg := "no PSN certificate or CoCo evidence describes the environment the ITHC must cover"
}

scope_misses_environment contains finding.of(report, "facts.scope.tested", msg) if {
	report := _latest_report
	tested := report.facts.scope.tested
	cert := _latest_certificate
	some part, covering in _covered_by
	some name in object.get(cert.facts, ["coco", "environment", part], [])
	not _covered(name, part, covering, tested)
	msg := sprintf("%s %q is in the CoCo environment but not in the scope of ITHC %s (%s)", [_part_label[part], name, report.id, concat(" or ", [replace(c, "_", " ") | some c in covering])])
}

# A tested range broader than /16 (over 65,536 addresses) is not a credible record of what an
# ITHC tested: 0.0.0.0/0 would "cover" every range. It covers nothing and is a finding.
scope_misses_environment contains finding.of(report, sprintf("facts.scope.tested.external_ranges[%d]", [i]), msg) if {
	report := _latest_report
	some i, range in report.facts.scope.tested.external_ranges
	regex.match(_ipv4, trim_space(range))
	not _credible(range)
	msg := sprintf("ITHC %s names %q as a tested external range; a range broader than /%d is not a record of what was tested, so it covers nothing", [report.id, range, _broadest_prefix])
}

_broadest_prefix := 16

_credible(range) if {
	regex.match(_ipv4, trim_space(range))
	_prefix(trim_space(range)) >= _broadest_prefix
}

_prefix(text) := to_number(split(text, "/")[1]) if contains(text, "/")

_prefix(text) := 32 if not contains(text, "/")

_part_label := {
	"sites": "site",
	"external_ranges": "external range",
	"gateways": "gateway",
	"remote_access": "remote-access service",
	"third_party_connections": "third-party connection",
}

_covered(name, "external_ranges", _, tested) if {
	some range in object.get(tested, "external_ranges", [])
	_range_within(name, range)
}

_covered(name, part, covering, tested) if {
	part != "external_ranges"
	some key in covering
	some other in object.get(tested, key, [])
	_same(name, other)
}

_same(a, b) if lower(trim_space(a)) == lower(trim_space(b))

_ipv4 := `^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)(/(3[0-2]|[12]?\d))?$`

# A range is covered by an equal one, or (both IPv4) by a tested range that contains it.
_range_within(inner, outer) if _same(inner, outer)

_range_within(inner, outer) if {
	regex.match(_ipv4, trim_space(inner))
	_credible(outer)
	net.cidr_contains(_cidr(outer), _cidr(inner))
}

_cidr(text) := trim_space(text) if contains(text, "/")

_cidr(text) := sprintf("%s/32", [trim_space(text)]) if not contains(text, "/")

# The newest certificate document (by issue date, then id), as PSN-GOV-* judge it.
_latest_certificate := doc if {
	latest := max({[object.get(d.facts, "issued", ""), d.id] | some d in input.evidence.psn_certificate})
	some doc in input.evidence.psn_certificate
	[object.get(doc.facts, "issued", ""), doc.id] == latest
}

# The newest ITHC report (by completion date, then id), as PSN-ITHC-* judge it.
_latest_report := report if {
	latest := max({[object.get(doc.facts, "completed", ""), doc.id] | some doc in input.evidence.ithc_report})
	some report in input.evidence.ithc_report
	[object.get(report.facts, "completed", ""), report.id] == latest
}
