# Data handling: storage limitation and the retention schedule (ids DH-RET-*).
package dh.retention

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.params
import data.lib.text

_fields := ["retention_period", "trigger", "disposal_action", "owner"]

# DH-RET-01: a retention schedule covers each record category with a period, the event that
# starts it, what happens at the end and an owner, and is reviewed within the review cycle
# (parameter dh_retention_review_months: the reference sets none; the project reads 12).
schedule_inadequate contains msg if some msg in params.missing({"dh_retention_review_months"})

schedule_inadequate contains finding.of(doc, "facts.reviewed", msg) if {
	some doc in input.evidence.retention_schedule
	months := params.value("dh_retention_review_months")
	not dates.within_months(doc.facts.reviewed, input.as_of, months)
	msg := sprintf("retention schedule last reviewed %s, more than %d months before %s", [doc.facts.reviewed, months, input.as_of])
}

schedule_inadequate contains finding.of(doc, "facts.categories", msg) if {
	some doc in input.evidence.retention_schedule
	count(doc.facts.categories) == 0
	msg := "the retention schedule lists no record categories"
}

schedule_inadequate contains finding.of(doc, sprintf("facts.categories[%d]", [i]), msg) if {
	some doc in input.evidence.retention_schedule
	some i, category in doc.facts.categories
	missing := [field | some field in _fields; not text.stated(category, field)]
	count(missing) > 0
	msg := sprintf("record category %q has no %s", [category.category, concat(", ", missing)])
}

