# Data handling: records of processing activities (ids DH-ROPA-*).
package dh.ropa

import future.keywords.not
import rego.v1

import data.lib.finding

# Article 30(1) content per activity; international_transfers may be an empty list (none).
_lists := ["purposes", "data_subject_categories", "personal_data_categories", "recipients"]

_texts := ["retention_period", "security_measures"]

# DH-ROPA-01: the record names the controller and DPO, and each activity carries the content.
ropa_incomplete contains finding.of(doc, "facts", msg) if {
	some doc in input.evidence.records_of_processing
	some field in ["controller_contact", "dpo_contact"]
	not _text(doc.facts, field)
	msg := sprintf("the records of processing do not give the %s", [replace(field, "_", " ")])
}

ropa_incomplete contains finding.of(doc, sprintf("facts.activities[%d]", [i]), msg) if {
	some doc in input.evidence.records_of_processing
	some i, activity in doc.facts.activities
	missing := array.concat(
		[field | some field in _lists; not _list(activity, field)],
		array.concat(
			[field | some field in _texts; not _text(activity, field)],
			[field | field := "international_transfers"; not is_array(object.get(activity, field, null))],
		),
	)
	count(missing) > 0
	msg := sprintf("processing activity %s (%s) does not record %s", [activity.id, activity.name, concat(", ", missing)])
}

_list(record, field) if count(record[field]) > 0

_text(record, field) if trim_space(record[field]) != ""

# DH-ROPA-02: special category and criminal offence data also record the lawful basis,
# the DPA 2018 Schedule 1 condition and the appropriate policy document.
special_category_unrecorded contains finding.of(doc, sprintf("facts.activities[%d]", [i]), msg) if {
	some doc in input.evidence.records_of_processing
	some i, activity in doc.facts.activities
	not is_boolean(object.get(activity, "special_category", null))
	msg := sprintf("processing activity %s (%s) does not say whether it uses special category or criminal offence data", [activity.id, activity.name])
}

special_category_unrecorded contains finding.of(doc, sprintf("facts.activities[%d]", [i]), msg) if {
	some doc in input.evidence.records_of_processing
	some i, activity in doc.facts.activities
	activity.special_category == true
	missing := [field | some field in ["lawful_basis", "schedule1_condition", "appropriate_policy_document"]; not _text(activity, field)]
	count(missing) > 0
	msg := sprintf("processing activity %s (%s) uses special category data but does not record %s", [activity.id, activity.name, concat(", ", missing)])
}

# An empty record of processing records nothing.
ropa_incomplete contains finding.of(doc, "facts.activities", "the records of processing list no processing activities") if {
	some doc in input.evidence.records_of_processing
	count(object.get(doc.facts, "activities", [])) == 0
}
