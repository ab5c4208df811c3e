# CAF objective D outcomes decided by evidence: the incident response plan and the incident
# (breach) log, judged by the PCI DSS 12.10 and data-handling rules over the same documents.
package caf.d

import future.keywords.not
import rego.v1

import data.dh.breach
import data.lib.level
import data.pci.req12

# CAF-D1.a: a plan missing required parts rules out Achieved.
response_plan contains level.denies(f, "achieved") if {
	some f in req12.ir_plan_incomplete
}

# CAF-D1.c: a plan not reviewed and exercised within 12 months (D1.c has no partial level).
testing_and_exercising contains level.denies(f, "achieved") if {
	some f in req12.ir_plan_review_overdue
}

# CAF-D2.a: incidents recorded without cause, effects or remedial action (no partial level).
post_incident_analysis contains level.denies(f, "achieved") if {
	some f in breach.breach_undocumented
}
