# PCI DSS 10.4.x judged on the reviews actually done (log_reviews), beside the stated review
# set-up in logging_config (req10.rego): a frequency on paper is not a review on the day.
package pci.req10

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding

# PCI-10.4.1: every day of the recorded period has a review of security events and critical
# logs by a named reviewer.
critical_log_review_not_daily contains finding.of(doc, "facts.reviews", msg) if {
	some doc in input.evidence.log_reviews
	missed := _days_without(doc, "critical")
	count(missed) > 0
	shown := array.slice(sort(missed), 0, 5)
	msg := sprintf("no review of critical logs by a named reviewer on %d of the days from %s to %s (first: %s)", [count(missed), doc.facts.period.from, doc.facts.period.to, concat(", ", shown)])
}

critical_log_review_not_daily contains finding.of(doc, "facts.period", msg) if {
	some doc in input.evidence.log_reviews
	some msg in _period_problems(doc.facts.period, input.as_of)
}

# PCI-10.4.2: the logs of other components are reviewed at the interval logging_config states
# (set by the targeted risk analysis of 10.4.2.1): no gap between reviews, nor at either end of
# the period, is longer than it.
other_log_review_missing contains finding.of(doc, "facts.reviews", msg) if {
	some doc in input.evidence.log_reviews
	interval := _other_interval(input.evidence.logging_config)
	some gap in _gaps(doc)
	gap.days > interval
	msg := sprintf("logs of other components went %d days unreviewed (%s to %s); the stated interval is %d days", [gap.days, gap.from, gap.to, interval])
}

other_log_review_missing contains finding.of(doc, sprintf("facts.reviews[%d].reviewer", [i]), msg) if {
	some doc in input.evidence.log_reviews
	some i, review in doc.facts.reviews
	not _signed(review)
	msg := sprintf("the %s log review of %s names no reviewer", [review.scope, review.date])
}

# PCI-10.4.3: each exception or anomaly a review found has an action and a closing date no
# earlier than the review.
log_exceptions_unaddressed contains finding.of(doc, sprintf("facts.reviews[%d].exceptions[%d]", [i, j]), msg) if {
	some doc in input.evidence.log_reviews
	some i, review in doc.facts.reviews
	some j, exception in object.get(review, "exceptions", [])
	some problem in _exception_problems(exception, review)
	msg := sprintf("exception %s from the %s review: %s", [exception.id, review.date, problem])
}

_exception_problems(exception, _) := {"no action recorded"} if not trim_space(object.get(exception, "action", "")) != ""

_exception_problems(exception, _) := {"still open"} if {
	trim_space(object.get(exception, "action", "")) != ""
	not exception.resolved
}

_exception_problems(exception, review) := {sprintf("closed %s, before the review that found it", [exception.resolved])} if {
	trim_space(object.get(exception, "action", "")) != ""
	exception.resolved < review.date
}

# Days of the period with no review of the scope by a named reviewer.
_days_without(doc, scope) := [day |
	some day in dates.days_from(doc.facts.period.from, doc.facts.period.to)
	not _reviewed_on(doc, scope, day)
]

_reviewed_on(doc, scope, day) if {
	some review in doc.facts.reviews
	review.scope == scope
	review.date == day
	_signed(review)
}

_signed(review) if trim_space(review.reviewer) != ""

_period_problems(period, as_of) := {msg |
	period.to < period.from
	msg := sprintf("the review period ends %s, before it starts %s", [period.to, period.from])
} | {msg |
	not dates.not_after(period.to, as_of)
	msg := sprintf("the review period runs to %s, after the assessment date %s", [period.to, as_of])
}

# The interval for other components, from logging_config; undefined when none is stated,
# which req10.rego's other_log_review_missing reports.
_other_interval(configs) := min({d |
	some config in configs
	d := config.facts.other_components_review.frequency_days
	is_number(d)
})

# Gaps between consecutive reviews of other components, counting from the start of the
# period and to its end.
_gaps(doc) := [{"from": marks[k], "to": marks[k + 1], "days": dates.days_between(marks[k], marks[k + 1])} |
	reviewed := sort({r.date | some r in doc.facts.reviews; r.scope == "other"; _signed(r)})
	marks := array.concat(array.concat([doc.facts.period.from], reviewed), [doc.facts.period.to])
	some k in numbers.range(0, count(marks) - 2)
]
