# PCI DSS v4.0.1 6.4.3 and 11.6.1: scripts on payment pages and detection of tampering with them.
package pci.payment_page

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.text

# PCI-6.4.3: every script on a payment page is authorised, justified and integrity-assured.
scripts_unmanaged contains finding.of(doc, sprintf("facts.pages[%d].scripts[%d]", [p, s]), msg) if {
	some doc in input.evidence.payment_page
	some p, page in doc.facts.pages
	some s, script in page.scripts
	problems := _script_problems(script)
	count(problems) > 0
	msg := sprintf("%s: script %s %s", [page.url, script.src, concat("; ", sort(problems))])
}

_script_problems(script) := {problem |
	some field, problem in {
		"authorised_by": "has no recorded authorisation",
		"justification": "has no written justification",
	}
	not text.stated(script, field)
} | {"has no integrity control" | object.get(script, "integrity", "none") == "none"}

# PCI-11.6.1: a tamper-detection mechanism watches each payment page's security-impacting
# headers and scripts, checking at least weekly (every 7 days) or at the interval a
# targeted risk analysis of the last 12 months sets.
tamper_detection_weak contains finding.of(doc, sprintf("facts.pages[%d].tamper_detection", [p]), msg) if {
	some doc in input.evidence.payment_page
	some p, page in doc.facts.pages
	not text.stated(object.get(page, "tamper_detection", {}), "mechanism")
	msg := sprintf("%s: no change or tamper detection mechanism", [page.url])
}

tamper_detection_weak contains finding.of(doc, sprintf("facts.pages[%d].tamper_detection.covers", [p]), msg) if {
	some doc in input.evidence.payment_page
	some p, page in doc.facts.pages
	detection := page.tamper_detection
	missing := {"headers", "scripts"} - {c | some c in object.get(detection, "covers", [])}
	count(missing) > 0
	msg := sprintf("%s: tamper detection does not watch %s", [page.url, concat(" or ", sort(missing))])
}

tamper_detection_weak contains finding.of(doc, sprintf("facts.pages[%d].tamper_detection.check_interval_days", [p]), msg) if {
	some doc in input.evidence.payment_page
	some p, page in doc.facts.pages
	detection := page.tamper_detection
	not _interval_ok(detection, input.as_of)
	msg := sprintf("%s: tamper checks every %v days; need at most 7 or a current targeted risk analysis", [page.url, object.get(detection, "check_interval_days", "?")])
}

_interval_ok(detection, _) if detection.check_interval_days <= 7

_interval_ok(detection, as_of) if {
	is_number(detection.check_interval_days)
	dates.within_months(detection.targeted_risk_analysis.performed, as_of, 12)
}
