# Date arithmetic over ISO dates (YYYY-MM-DD) and RFC 3339 timestamps.
# Policies never read the clock: "today" is always input.as_of, passed in as an argument.
package lib.dates

import future.keywords.not
import rego.v1

_ns_per_day := ((24 * 60) * 60) * 1000000000

# Nanoseconds in a day, for stepping through dates.
ns_per_day := _ns_per_day

_ns_per_hour := (60 * 60) * 1000000000

# Nanoseconds since the epoch for an ISO date or RFC 3339 timestamp.
ns(text) := time.parse_rfc3339_ns(text) if contains(text, "T")

ns(text) := time.parse_ns("2006-01-02", text) if not contains(text, "T")

# Whole days from `earlier` to `later` (negative when `later` comes first).
days_between(earlier, later) := (ns(later) - ns(earlier)) / _ns_per_day

# Hours from timestamp `earlier` to timestamp `later`, as a number.
hours_between(earlier, later) := (ns(later) - ns(earlier)) / _ns_per_hour

# The ISO date `months` calendar months after `date` (negative: before). A day past the end
# of the target month becomes its last day (2025-03-31 less one month is 2025-02-28).
# Written out rather than with time.add_date, whose month overflow differs between OPA
# (normalises to the next month) and regorus (clamps), so both engines agree.
add_months(date, months) := sprintf("%d-%s-%s", [year, _pad(month), _pad(day)]) if {
	parts := split(substring(date, 0, 10), "-")
	total := ((_int(parts[0]) * 12) + _int(parts[1])) - 1 + months
	year := floor(total / 12)
	month := (total - (year * 12)) + 1
	day := min([_int(parts[2]), _days_in_month(year, month)])
}

# Leading zeros stripped: engines disagree on whether to_number accepts "08".
_int(digits) := to_number(trim_left(digits, "0"))

months_before(date, months) := add_months(date, 0 - months)

_pad(n) := sprintf("0%d", [n]) if n < 10

_pad(n) := sprintf("%d", [n]) if n >= 10

_days_in_month(year, month) := 29 if {
	month == 2
	_leap(year)
}

_days_in_month(year, month) := 28 if {
	month == 2
	not _leap(year)
}

_days_in_month(_, month) := 30 if month in {4, 6, 9, 11}

_days_in_month(_, month) := 31 if month in {1, 3, 5, 7, 8, 10, 12}

_leap(year) if {
	year % 4 == 0
	year % 100 != 0
}

_leap(year) if year % 400 == 0

# True when `date` is no more than `months` calendar months before `as_of`, and not after
# it: a review or test dated after the assessment date has not happened yet.
within_months(date, as_of, months) if {
	date >= months_before(as_of, months)
	not_after(date, as_of)
}

# True when `date` is no more than `days` days before `as_of`, and not after it.
within_days(date, as_of, days) if {
	days_between(date, as_of) <= days
	not_after(date, as_of)
}

# True when the day of `date` (a date or timestamp) is on or before `as_of`.
not_after(date, as_of) if substring(date, 0, 10) <= substring(as_of, 0, 10)

# True when `date` records a thing done (signed, submitted, granted, completed...) by `as_of`:
# a date or timestamp whose day is on or before it. A date after the assessment date has not
# happened yet, and a value that is not a date records nothing: neither counts as done.
done_by(date, as_of) if {
	_dated(date)
	not_after(date, as_of)
}

# True when `date` is a date or timestamp whose day is after `as_of`.
after(date, as_of) if {
	_dated(date)
	not not_after(date, as_of)
}

_dated(date) if {
	is_string(date)
	regex.match(`^\d{4}-\d{2}-\d{2}`, date)
}

# Why `date` is not within `months` calendar months before `as_of`, for a finding's message:
# a date after the assessment date is not yet done, which "too old" would misreport.
months_gap(date, as_of, _) := sprintf("after the assessment date %s, so it does not count", [as_of]) if {
	after(date, as_of)
}

months_gap(date, as_of, months) := sprintf("more than %d months before %s", [months, as_of]) if {
	not after(date, as_of)
}

# The ISO date (YYYY-MM-DD) of a time in nanoseconds since the epoch (UTC).
day(t) := sprintf("%d-%s-%s", [parts[0], _pad(parts[1]), _pad(parts[2])]) if parts := time.date(t)

# Every ISO date from `first` to `last` inclusive (empty when `last` comes first).
days_from(first, last) := {day(ns(first) + (k * _ns_per_day)) |
	n := days_between(first, last)
	n >= 0
	some k in numbers.range(0, n)
}

# True when `date` is an ISO date within `months` calendar months before `as_of` (a value that
# is not a date, or is after as_of, is not recent).
recent(date, as_of, months) if {
	regex.match(`^\d{4}-\d{2}-\d{2}`, date)
	within_months(date, as_of, months)
}

# The [start, end] windows of `months` months, going back `windows` windows from `as_of`,
# that hold none of the ISO dates in `days` (for "at least every N months" over a period).
empty_windows(days, as_of, months, windows) := {[start, end] |
	some i in numbers.range(0, windows - 1)
	start := months_before(as_of, (i + 1) * months)
	end := months_before(as_of, i * months)
	not any_between(days, start, end)
}

# True when some date of `days` falls from `start` to `end` inclusive.
any_between(days, start, end) if {
	some d in days
	d >= start
	d <= end
}
