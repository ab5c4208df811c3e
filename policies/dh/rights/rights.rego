# Data handling: individuals' rights (ids DH-SAR-*, DH-COMPLAINT-*).
package dh.rights

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.text

# DH-SAR-01: each subject access request answered within one month of receipt, or within
# three months where the time limit was extended, the extension's reason recorded and the
# requester told within the first month (UK GDPR Article 12(3); ICO right of access guidance).
# A limit that falls on a Saturday or Sunday moves to the Monday; bank holidays are not known
# here, so a reply due on one is judged against that day (stricter, never looser).
sar_late contains finding.of(doc, sprintf("facts.requests[%d].responded", [i]), msg) if {
	some doc in input.evidence.subject_access_requests
	some i, request in doc.facts.requests
	due := _sar_due(request)
	request.responded > due
	msg := sprintf("subject access request %s received %s was answered %s, after the limit of %s%s", [request.id, request.received, request.responded, due, _extended_note(request)])
}

sar_late contains finding.of(doc, sprintf("facts.requests[%d]", [i]), msg) if {
	some doc in input.evidence.subject_access_requests
	some i, request in doc.facts.requests
	not request.responded
	due := _sar_due(request)
	input.as_of > due
	msg := sprintf("subject access request %s received %s is unanswered, past the limit of %s%s", [request.id, request.received, due, _extended_note(request)])
}

sar_late contains finding.of(doc, sprintf("facts.requests[%d].responded", [i]), msg) if {
	some doc in input.evidence.subject_access_requests
	some i, request in doc.facts.requests
	request.responded < request.received
	msg := sprintf("subject access request %s: answered %s, before it was received %s", [request.id, request.responded, request.received])
}

# An extension counts only with its reason recorded and the requester told within the first month.
sar_late contains finding.of(doc, sprintf("facts.requests[%d].extension_reason", [i]), msg) if {
	some doc in input.evidence.subject_access_requests
	some i, request in doc.facts.requests
	request.extended == true
	not text.stated(request, "extension_reason")
	msg := sprintf("subject access request %s was extended without a recorded reason (complex or numerous requests)", [request.id])
}

sar_late contains finding.of(doc, sprintf("facts.requests[%d].extension_notified", [i]), msg) if {
	some doc in input.evidence.subject_access_requests
	some i, request in doc.facts.requests
	request.extended == true
	not _notified_in_time(request)
	msg := sprintf("subject access request %s was extended but the requester was not told within one month of receipt (by %s)", [request.id, _working_day(dates.add_months(request.received, 1))])
}

# The limit: one month (or three, validly extended) from receipt, to the corresponding
# calendar date, the month's last day where there is none.
_sar_due(request) := _working_day(dates.add_months(request.received, 3)) if _valid_extension(request)

_sar_due(request) := _working_day(dates.add_months(request.received, 1)) if not _valid_extension(request)

_valid_extension(request) if {
	request.extended == true
	text.stated(request, "extension_reason")
	_notified_in_time(request)
}

_notified_in_time(request) if {
	request.extension_notified >= request.received
	request.extension_notified <= _working_day(dates.add_months(request.received, 1))
}

_extended_note(request) := " (extended by two months)" if _valid_extension(request)

_extended_note(request) := "" if not _valid_extension(request)

# A date that falls at a weekend moves to the following Monday.
_working_day(date) := _plus_days(date, 2) if time.weekday(dates.ns(date)) == "Saturday"

_working_day(date) := _plus_days(date, 1) if time.weekday(dates.ns(date)) == "Sunday"

_working_day(date) := date if not time.weekday(dates.ns(date)) in {"Saturday", "Sunday"}

_plus_days(date, n) := dates.day(dates.ns(date) + (n * dates.ns_per_day))

# DH-COMPLAINT-01: people can complain to the organisation about its use of their data, and
# each complaint is acknowledged within the period of 30 days beginning when it is received
# (Data Protection Act 2018 s.164A(3), inserted by the Data (Use and Access) Act 2025 s.103,
# in force from 19 June 2026). The day of receipt is the first of the 30: a complaint received
# on 1 July is acknowledged by 30 July.
complaint_unacknowledged contains finding.of(doc, "facts.process_published", msg) if {
	some doc in input.evidence.dp_complaints
	not doc.facts.process_published == true
	msg := "no published way for people to complain to the organisation about its use of their personal data"
}

complaint_unacknowledged contains finding.of(doc, sprintf("facts.complaints[%d].acknowledged", [i]), msg) if {
	some doc in input.evidence.dp_complaints
	some i, complaint in doc.facts.complaints
	days := dates.days_between(complaint.received, complaint.acknowledged) + 1
	days > 30
	msg := sprintf("complaint %s received %s was acknowledged on day %d; due within the 30 days beginning on receipt", [complaint.id, complaint.received, days])
}

complaint_unacknowledged contains finding.of(doc, sprintf("facts.complaints[%d]", [i]), msg) if {
	some doc in input.evidence.dp_complaints
	some i, complaint in doc.facts.complaints
	not complaint.acknowledged
	dates.days_between(complaint.received, input.as_of) + 1 > 30
	msg := sprintf("complaint %s received %s has not been acknowledged within the 30 days beginning on receipt", [complaint.id, complaint.received])
}

complaint_unacknowledged contains finding.of(doc, sprintf("facts.complaints[%d].acknowledged", [i]), msg) if {
	some doc in input.evidence.dp_complaints
	some i, complaint in doc.facts.complaints
	complaint.acknowledged < complaint.received
	msg := sprintf("complaint %s: acknowledged %s, before it was received %s", [complaint.id, complaint.acknowledged, complaint.received])
}
