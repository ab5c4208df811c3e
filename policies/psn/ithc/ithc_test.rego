package psn.ithc_test

import rego.v1

import data.psn.ithc

_report(completed, scheme) := {"id": "ithc", "facts": {"provider": "Pen Co", "scheme": scheme, "completed": completed, "findings": [
	{"id": "F-1", "title": "Old TLS", "severity": "high"},
	{"id": "F-2", "title": "SMB signing", "severity": "medium"},
]}}

_plan(items) := {"id": "rap", "facts": {"items": items}}

_entry(id) := {"finding": id, "action": "fix", "owner": "Head of ICT", "target_date": "2025-12-01", "status": "open"}

test_ithc_twelve_months_old_passes if {
	count(ithc.ithc_not_current) == 0 with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": [_report("2024-06-30", "CHECK")]}}
}

test_ithc_over_twelve_months_old_fails if {
	count(ithc.ithc_not_current) == 1 with input as {"as_of": "2025-07-01", "evidence": {"ithc_report": [_report("2024-06-30", "CREST")]}}
}

test_ithc_by_unapproved_scheme_fails if {
	count(ithc.ithc_not_current) == 2 with input as {"as_of": "2025-06-30", "evidence": {"ithc_report": [_report("2025-06-01", "other")]}}
}

test_every_finding_planned_passes if {
	count(ithc.rap_incomplete) == 0 with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")], "remediation_plan": [_plan([_entry("F-1"), _entry("F-2")])]}}
}

test_unplanned_finding_fails if {
	fs := ithc.rap_incomplete with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")], "remediation_plan": [_plan([_entry("F-1")])]}}
	count(fs) == 1
	some f in fs
	f.path == "facts.findings[1]"
}

test_entry_without_owner_does_not_count if {
	count(ithc.rap_incomplete) == 1 with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")], "remediation_plan": [_plan([_entry("F-1"), object.remove(_entry("F-2"), ["owner"])])]}}
}

test_no_plan_at_all_fails if {
	"no Remediation Action Plan evidence" in ithc.rap_incomplete with input as {"evidence": {"ithc_report": [_report("2025-06-01", "CHECK")]}}
}
