# PCI DSS v4.0.1 Appendix A1: additional requirements for multi-tenant service providers.
package pci.appendix_a1

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.anchor

# PCI-A1.1.4: the separation between customer environments confirmed by a penetration test
# by a qualified, independent tester within the last 6 months.
tenant_separation_untested contains finding.of(doc, "facts.performed", msg) if {
	not _separation_tested
	doc := anchor.latest(input.evidence.penetration_test)
	msg := sprintf("no tenant-separation penetration test by a qualified, independent tester in the 6 months before %s", [input.as_of])
}

_separation_tested if {
	some doc in input.evidence.penetration_test
	doc.facts.type == "tenant_separation"
	doc.facts.tester.independent == true
	count(trim_space(doc.facts.tester.qualification)) > 0
	dates.within_months(doc.facts.performed, input.as_of, 6)
}
