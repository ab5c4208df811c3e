# Data handling: personal data breaches (ids DH-BREACH-*).
package dh.breach

import rego.v1

import data.lib.dates
import data.lib.finding

# DH-BREACH-01: a reportable breach is reported to the ICO within 72 hours of awareness.
ico_report_late contains finding.of(doc, sprintf("facts.breaches[%d]", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.reportable == true
	not breach.reported_to_ico_at
	msg := sprintf("breach %s is reportable but was not reported to the ICO", [breach.id])
}

ico_report_late contains finding.of(doc, sprintf("facts.breaches[%d].reported_to_ico_at", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.reportable == true
	hours := dates.hours_between(breach.aware_at, breach.reported_to_ico_at)
	hours > 72
	msg := sprintf("breach %s reported to the ICO %.1f hours after awareness; due within 72", [breach.id, hours])
}
