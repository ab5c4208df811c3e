package pci.payment_page_test

import future.keywords.not
import rego.v1

import data.pci.payment_page

_script := {"src": "https://js.psp.example/v3/", "authorised_by": "Payments Manager", "justification": "card iframe", "integrity": "sri"}

_detection := {"mechanism": "script watch", "covers": ["headers", "scripts"], "check_interval_days": 7}

_page(script, detection) := {"as_of": "2026-11-01", "evidence": {"payment_page": [{"id": "pp", "facts": {"pages": [{"url": "https://pay.example/checkout", "scripts": [script], "tamper_detection": detection}]}}]}}

test_managed_scripts_pass if {
	count(payment_page.scripts_unmanaged) == 0 with input as _page(_script, _detection)
}

test_unauthorised_script_fails if {
	count(payment_page.scripts_unmanaged) == 1 with input as _page(object.remove(_script, ["authorised_by"]), _detection)
}

test_script_without_integrity_control_fails if {
	count(payment_page.scripts_unmanaged) == 1 with input as _page(object.union(_script, {"integrity": "none"}), _detection)
}

test_bare_script_fails_once_naming_every_problem if {
	findings := payment_page.scripts_unmanaged with input as _page({"src": "inline:analytics"}, _detection)
	count(findings) == 1
	some f in findings
	contains(f.msg, "authorisation")
	contains(f.msg, "justification")
	contains(f.msg, "integrity")
}

test_weekly_tamper_detection_passes if {
	count(payment_page.tamper_detection_weak) == 0 with input as _page(_script, _detection)
}

test_tamper_checks_every_8_days_fail if {
	count(payment_page.tamper_detection_weak) == 1 with input as _page(_script, object.union(_detection, {"check_interval_days": 8}))
}

test_longer_interval_with_current_tra_passes if {
	detection := object.union(_detection, {"check_interval_days": 14, "targeted_risk_analysis": {"reference": "TRA", "performed": "2025-11-01"}})
	count(payment_page.tamper_detection_weak) == 0 with input as _page(_script, detection)
}

test_longer_interval_with_stale_tra_fails if {
	detection := object.union(_detection, {"check_interval_days": 14, "targeted_risk_analysis": {"reference": "TRA", "performed": "2025-10-31"}})
	count(payment_page.tamper_detection_weak) == 1 with input as _page(_script, detection)
}

test_tamper_detection_missing_headers_fails if {
	count(payment_page.tamper_detection_weak) == 1 with input as _page(_script, object.union(_detection, {"covers": ["scripts"]}))
}

test_no_tamper_detection_fails if {
	input_doc := {"as_of": "2026-11-01", "evidence": {"payment_page": [{"id": "pp", "facts": {"pages": [{"url": "https://pay.example/checkout", "scripts": []}]}}]}}
	count(payment_page.tamper_detection_weak) == 1 with input as input_doc
}

test_tamper_detection_without_interval_or_coverage_fails if {
	count(payment_page.tamper_detection_weak) == 2 with input as _page(_script, {"mechanism": "CSP reporting"})
}
