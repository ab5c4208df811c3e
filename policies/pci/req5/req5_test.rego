package pci.req5_test

import future.keywords.not
import rego.v1

import data.pci.req5

_host := {
	"name": "pay-app-01", "anti_malware_installed": true, "automatic_updates": true,
	"real_time_scanning": true, "last_scan": "2026-10-25", "removable_media_scanning": true,
	"tamper_protection": true,
}

_nar := {"name": "pay-db-01", "anti_malware_installed": false, "not_at_risk": {"evaluated": "2026-05-01", "reason": "appliance"}}

_facts := {
	"targeted_risk_analysis": {"reference": "TRA-1", "reviewed": "2025-11-01"},
	"periodic_scan_interval_days": 7, "not_at_risk_review_interval_months": 6,
}

_input(hosts) := _input_facts(object.union(_facts, {"hosts": hosts}))

_input_facts(facts) := {"as_of": "2026-11-01", "evidence": {"endpoint_protection": [{"id": "ep", "facts": facts}], "targeted_risk_analysis": [_register]}}

# The 12.3.1 register entries the citation TRA-1 matches (checked by data.pci.tra).
_register := {"id": "tra", "facts": {"analyses": [{"requirement": "5.2.3.1", "reference": "TRA-1", "approach": "flexible_frequency", "last_reviewed": "2025-11-01", "frequency_months": 6}, {"requirement": "5.3.2.1", "reference": "TRA-1", "approach": "flexible_frequency", "last_reviewed": "2025-11-01", "frequency_days": 7}]}}

test_protected_host_passes_every_rule if {
	inp := _input([_host, _nar])
	count(req5.anti_malware_missing) == 0 with input as inp
	count(req5.not_at_risk_review_overdue) == 0 with input as inp
	count(req5.not_at_risk_frequency_unjustified) == 0 with input as inp
	count(req5.updates_not_automatic) == 0 with input as inp
	count(req5.scanning_incomplete) == 0 with input as inp
	count(req5.periodic_scan_overdue) == 0 with input as inp
	count(req5.removable_media_not_scanned) == 0 with input as inp
	count(req5.tamper_protection_off) == 0 with input as inp
}

test_host_without_anti_malware_or_evaluation_fails if {
	count(req5.anti_malware_missing) == 1 with input as _input([{"name": "kiosk-01"}])
}

test_not_at_risk_evaluated_six_months_ago_passes_a_day_more_fails if {
	at := {"name": "db", "not_at_risk": {"evaluated": "2026-05-01", "reason": "r"}}
	late := {"name": "db", "not_at_risk": {"evaluated": "2026-04-30", "reason": "r"}}
	count(req5.not_at_risk_review_overdue) == 0 with input as _input([at])
	count(req5.not_at_risk_review_overdue) == 1 with input as _input([late])
}

test_not_at_risk_without_interval_fails if {
	facts := {"hosts": [_nar], "targeted_risk_analysis": _facts.targeted_risk_analysis}
	count(req5.not_at_risk_review_overdue) == 1 with input as _input_facts(facts)
	count(req5.not_at_risk_frequency_unjustified) == 1 with input as _input_facts(facts)
}

test_tra_reviewed_twelve_months_ago_passes_a_day_more_fails if {
	stale := object.union(_facts, {"hosts": [_nar], "targeted_risk_analysis": {"reference": "TRA-1", "reviewed": "2025-10-31"}})
	count(req5.not_at_risk_frequency_unjustified) == 0 with input as _input([_nar])
	count(req5.not_at_risk_frequency_unjustified) == 1 with input as _input_facts(stale)
}

test_manual_updates_fail if {
	count(req5.updates_not_automatic) == 1 with input as _input([object.union(_host, {"automatic_updates": false})])
	count(req5.updates_not_automatic) == 1 with input as _input([object.remove(_host, ["automatic_updates"])])
}

test_scanning_needs_real_time_and_periodic_or_behavioural if {
	count(req5.scanning_incomplete) == 1 with input as _input([object.remove(_host, ["real_time_scanning"])])
	count(req5.scanning_incomplete) == 1 with input as _input([object.remove(_host, ["last_scan"])])
	edr := object.union(object.remove(_host, ["last_scan", "real_time_scanning"]), {"behavioural_analysis": true})
	count(req5.scanning_incomplete) == 0 with input as _input([edr])
	count(req5.periodic_scan_overdue) == 0 with input as _input([edr])
}

test_scan_seven_days_ago_passes_eight_fails if {
	count(req5.periodic_scan_overdue) == 0 with input as _input([object.union(_host, {"last_scan": "2026-10-25"})])
	count(req5.periodic_scan_overdue) == 1 with input as _input([object.union(_host, {"last_scan": "2026-10-24"})])
}

test_scan_interval_missing_fails if {
	facts := object.union(object.remove(_facts, ["periodic_scan_interval_days"]), {"hosts": [_host]})
	count(req5.periodic_scan_overdue) == 2 with input as _input_facts(facts)
}

test_removable_media_unscanned_fails if {
	count(req5.removable_media_not_scanned) == 1 with input as _input([object.remove(_host, ["removable_media_scanning"])])
}

test_tamper_protection_off_fails if {
	count(req5.tamper_protection_off) == 1 with input as _input([object.union(_host, {"tamper_protection": false})])
}

# A host marked in_cde: false and listed out of scope (approved) is not judged; absent
# in_cde, or false without the listing, is judged.
_listed(names) := [{"id": "scope", "facts": {"confirmations": [], "out_of_scope": [{"name": name, "reason": "No route to the CDE (segmentation test ST-4)", "approved_by": "Head of ICT Security", "approved_on": "2026-06-01"} | some name in names]}}]

test_host_outside_cde_is_not_judged if {
	bare := {"name": "lib-pc-01", "in_cde": false}
	count(req5.anti_malware_missing) == 0 with input as _input([bare]) with input.evidence.pci_scope as _listed(["lib-pc-01", "lib-pc-02"])
	count(req5.anti_malware_missing) == 1 with input as _input([object.remove(bare, ["in_cde"])]) with input.evidence.pci_scope as _listed(["lib-pc-01", "lib-pc-02"])
	weak := {"name": "lib-pc-02", "in_cde": false, "anti_malware_installed": true}
	count(req5.tamper_protection_off) == 0 with input as _input([weak]) with input.evidence.pci_scope as _listed(["lib-pc-01", "lib-pc-02"])
	count(req5.tamper_protection_off) == 1 with input as _input([object.union(weak, {"in_cde": true})]) with input.evidence.pci_scope as _listed(["lib-pc-01", "lib-pc-02"])
}

test_host_marked_outside_cde_but_not_listed_is_judged if {
	count(req5.anti_malware_missing) == 1 with input as _input([{"name": "lib-pc-01", "in_cde": false}])
}
