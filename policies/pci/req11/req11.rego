# PCI DSS v4.0.1 Requirement 11: test the security of systems and networks regularly.
package pci.req11

import rego.v1

import data.lib.dates

# PCI-11.3.2: a passing external ASV scan in each of the four quarters before as_of.
# Quarter q (0 = most recent) runs from (q+1)*3 months before as_of to q*3 months before.
asv_scans_missing contains msg if {
	some q in numbers.range(0, 3)
	start := dates.months_before(input.as_of, (q + 1) * 3)
	end := dates.months_before(input.as_of, q * 3)
	not _passing_asv_scan_between(start, end)
	msg := sprintf("no passing external ASV scan between %s and %s", [start, end])
}

_passing_asv_scan_between(start, end) if {
	some doc in input.evidence.vulnerability_scan
	doc.facts.scope == "external"
	doc.facts.asv == true
	doc.facts.result == "pass"
	doc.facts.performed > start
	doc.facts.performed <= end
}
