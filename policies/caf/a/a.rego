# CAF objective A outcomes decided by evidence, judged by the rules that already judge the
# same evidence for data handling, so one asset register or contract list answers both.
package caf.a

import future.keywords.not
import rego.v1

import data.dh.assets
import data.dh.processors
import data.lib.level

# CAF-A3.a: an inventory that is missing, unreviewed or incomplete (A3.a has no partial
# level, so any gap leaves it Not achieved).
asset_management contains level.denies(f, "achieved") if {
	some f in assets.register_inadequate | assets.register_incomplete
}

# CAF-A4.a: contracts without the security terms rule out even Partially achieved; overdue
# supplier assurance rules out Achieved.
supply_chain contains level.denies(f, "partially_achieved") if {
	some f in processors.contract_inadequate
}

supply_chain contains level.denies(f, "achieved") if {
	some f in processors.assurance_overdue
}
