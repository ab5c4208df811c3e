# Data handling: staff training (ids DH-TRAIN-*, DH-CYBER-*).
package dh.training

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.params

# DH-TRAIN-01: each person completed data protection training at induction and has had a
# refresher (or the induction itself) within the refresher cycle (parameter
# dh_training_refresher_months, 12 by default).
training_overdue contains msg if some msg in params.missing({"dh_training_refresher_months"})

training_overdue contains finding.of(doc, sprintf("facts.people[%d]", [i]), msg) if {
	some doc in input.evidence.training_records
	some i, person in doc.facts.people
	not person.induction_completed
	msg := sprintf("%s (%s) has no record of induction training", [person.name, person.role])
}

training_overdue contains finding.of(doc, sprintf("facts.people[%d]", [i]), msg) if {
	some doc in input.evidence.training_records
	some i, person in doc.facts.people
	person.induction_completed
	latest := _latest(person)
	months := params.value("dh_training_refresher_months")
	not dates.within_months(latest, input.as_of, months)
	msg := sprintf("%s (%s): last data protection training %s; a refresher is due every %d months", [person.name, person.role, latest, months])
}

training_overdue contains finding.of(doc, sprintf("facts.people[%d].topics", [i]), msg) if {
	some doc in input.evidence.training_records
	some i, person in doc.facts.people
	not "data_protection" in object.get(person, "topics", [])
	msg := sprintf("%s (%s): latest training did not cover data protection", [person.name, person.role])
}

_latest(person) := max([date | some field in ["induction_completed", "last_refresher"]; date := person[field]])

# DH-CYBER-01 (cyber incidents): each person's training covers phishing and security awareness.
cyber_training_missing contains finding.of(doc, sprintf("facts.people[%d].topics", [i]), msg) if {
	some doc in input.evidence.training_records
	some i, person in doc.facts.people
	missing := [topic | some topic in ["phishing", "security_awareness"]; not topic in object.get(person, "topics", [])]
	count(missing) > 0
	msg := sprintf("%s (%s): latest training did not cover %s", [person.name, person.role, concat(", ", [replace(t, "_", " ") | some t in missing])])
}

# A training record listing nobody shows nobody trained.
_no_people contains doc if {
	some doc in input.evidence.training_records
	count(object.get(doc.facts, "people", [])) == 0
}

training_overdue contains finding.of(doc, "facts.people", "the training records list nobody") if some doc in _no_people

cyber_training_missing contains finding.of(doc, "facts.people", "the training records list nobody") if some doc in _no_people
