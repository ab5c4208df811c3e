# Data handling: personal data breaches (ids DH-BREACH-*).
package dh.breach

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.params
import data.lib.text

# DH-BREACH-01: a reportable breach is reported to the ICO within 72 hours of awareness.
ico_report_late contains finding.of(doc, sprintf("facts.breaches[%d]", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.reportable == true
	not breach.reported_to_ico_at
	not _window_open(breach, 72)
	msg := sprintf("breach %s is reportable and was not reported to the ICO within 72 hours of awareness (%s)", [breach.id, breach.aware_at])
}

# The deadline has not passed by the end of the assessment day, so an unreported breach is
# not yet late. Without an assessment date the window counts as closed (fail closed).
_window_open(breach, hours) if {
	end_of_day := sprintf("%sT23:59:59Z", [substring(input.as_of, 0, 10)])
	dates.hours_between(breach.aware_at, end_of_day) <= hours
}

ico_report_late contains finding.of(doc, sprintf("facts.breaches[%d].reported_to_ico_at", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.reportable == true
	hours := dates.hours_between(breach.aware_at, breach.reported_to_ico_at)
	hours > 72
	msg := sprintf("breach %s reported to the ICO %s after awareness; due within 72 hours", [breach.id, _duration(hours)])
}

# DH-BREACH-02: every breach is recorded with the decision taken: why it was not reported,
# or why a report came after 72 hours.
breach_undocumented contains finding.of(doc, sprintf("facts.breaches[%d]", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.reportable == false
	not text.stated(breach, "decision_reason")
	msg := sprintf("breach %s was not reported to the ICO and the log gives no reason", [breach.id])
}

breach_undocumented contains finding.of(doc, sprintf("facts.breaches[%d]", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	dates.hours_between(breach.aware_at, breach.reported_to_ico_at) > 72
	not text.stated(breach, "late_reason")
	msg := sprintf("breach %s was reported after 72 hours and the log gives no reason for the delay", [breach.id])
}

# A report field is given when present and not blank (a count of 0 is an answer).
_given(report, field) if is_number(report[field])

_given(report, field) if {
	is_string(report[field])
	trim_space(report[field]) != ""
}

# What a report to the ICO must contain (UKGDPR-33-CONTENT).
_report_fields := ["nature", "subjects_count", "records_count", "dpo_contact", "likely_consequences", "measures"]

# DH-BREACH-03: reports to the ICO carry the required content.
ico_report_incomplete contains finding.of(doc, sprintf("facts.breaches[%d]", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.reported_to_ico_at
	report := object.get(breach, "ico_report", {})
	missing := [field | some field in _report_fields; not _given(report, field)]
	count(missing) > 0
	msg := sprintf("the ICO report for breach %s does not record %s", [breach.id, concat(", ", missing)])
}

# DH-BREACH-04: every reportable breach is assessed for high risk, and when the risk to
# them is high people are told without undue delay: within the project's notice window
# (parameter dh_breach_individuals_notice_hours), or later with the reason recorded.
individuals_not_told contains finding.of(doc, sprintf("facts.breaches[%d]", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.reportable == true
	not is_boolean(object.get(breach, "high_risk", null))
	msg := sprintf("breach %s is reportable but the log does not say whether it is high risk to individuals", [breach.id])
}

individuals_not_told contains msg if some msg in params.missing({"dh_breach_individuals_notice_hours"})

# High risk and nobody told: late once the notice window has closed by the end of the
# assessment day, unless an Article 34(3) exemption is recorded with its reason.
individuals_not_told contains finding.of(doc, sprintf("facts.breaches[%d]", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.high_risk == true
	not breach.individuals_notified_at
	not _exempt(breach)
	hours := params.value("dh_breach_individuals_notice_hours")
	not _window_open(breach, hours)
	msg := sprintf("breach %s is high risk and the affected individuals were not told within %d hours of awareness (%s)", [breach.id, hours, breach.aware_at])
}

# Told, but later than the notice window, and the log does not say why.
individuals_not_told contains finding.of(doc, sprintf("facts.breaches[%d].individuals_notified_at", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.high_risk == true
	limit := params.value("dh_breach_individuals_notice_hours")
	hours := dates.hours_between(breach.aware_at, breach.individuals_notified_at)
	hours > limit
	not text.stated(breach, "individuals_delay_reason")
	msg := sprintf("breach %s: individuals told %s after awareness, past the %d-hour notice window, and the log gives no reason for the delay", [breach.id, _duration(hours), limit])
}

# A notice dated before the organisation knew of the breach is a recording error.
individuals_not_told contains finding.of(doc, sprintf("facts.breaches[%d].individuals_notified_at", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	dates.hours_between(breach.aware_at, breach.individuals_notified_at) < 0
	msg := sprintf("breach %s: individuals_notified_at %s is before awareness %s", [breach.id, breach.individuals_notified_at, breach.aware_at])
}

# An exemption claimed without its reason is not an exemption.
individuals_not_told contains finding.of(doc, sprintf("facts.breaches[%d].individuals_exemption", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.high_risk == true
	breach.individuals_exemption
	not text.stated(breach, "exemption_reason")
	msg := sprintf("breach %s claims exemption %q from telling individuals but records no reason", [breach.id, breach.individuals_exemption])
}

# UK GDPR Article 34(3): data unintelligible to others, later measures removing the high
# risk, or a public communication where telling each person would take disproportionate effort.
_exempt(breach) if {
	breach.individuals_exemption in {"unintelligible", "risk_no_longer_likely", "public_communication"}
	text.stated(breach, "exemption_reason")
}

# DH-BREACH-05 (PECR providers only): PECR breaches reported to the ICO within 24 hours.
pecr_report_late contains finding.of(doc, sprintf("facts.breaches[%d]", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	not is_boolean(object.get(breach, "pecr_breach", null))
	msg := sprintf("breach %s: the log does not say whether it falls under PECR", [breach.id])
}

pecr_report_late contains finding.of(doc, sprintf("facts.breaches[%d]", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.pecr_breach == true
	not breach.reported_to_ico_at
	not _window_open(breach, 24)
	msg := sprintf("PECR breach %s was not reported to the ICO within 24 hours of detection (%s)", [breach.id, breach.aware_at])
}

pecr_report_late contains finding.of(doc, sprintf("facts.breaches[%d].reported_to_ico_at", [i]), msg) if {
	some doc in input.evidence.breach_log
	some i, breach in doc.facts.breaches
	breach.pecr_breach == true
	hours := dates.hours_between(breach.aware_at, breach.reported_to_ico_at)
	hours > 24
	msg := sprintf("PECR breach %s reported to the ICO %s after detection; due within 24 hours", [breach.id, _duration(hours)])
}

# "72 hours 1 minute": exact enough that a report one minute late never reads as on time.
_duration(hours) := sprintf("%s %s", [_count(whole, "hour"), _count(minutes, "minute")]) if {
	total := round(hours * 60)
	whole := floor(total / 60)
	minutes := total - (whole * 60)
}

_count(n, unit) := sprintf("%d %s", [n, unit]) if n == 1

_count(n, unit) := sprintf("%d %ss", [n, unit]) if n != 1
