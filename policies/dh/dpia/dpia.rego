# Data handling: data protection impact assessments (ids DH-DPIA-*).
package dh.dpia

import rego.v1

import data.lib.finding

# DH-DPIA-01: every processing activity is screened, and each high-risk one has a DPIA
# completed on or before the day processing started.
dpia_missing contains finding.of(doc, sprintf("facts.activities[%d]", [i]), msg) if {
	some doc in input.evidence.records_of_processing
	some i, activity in doc.facts.activities
	not is_boolean(object.get(activity, "high_risk", null))
	msg := sprintf("processing activity %s (%s) has not been screened for high risk", [activity.id, activity.name])
}

dpia_missing contains finding.of(doc, sprintf("facts.activities[%d]", [i]), msg) if {
	some doc in input.evidence.records_of_processing
	some i, activity in doc.facts.activities
	activity.high_risk == true
	not _completed(activity.id, input.evidence.dpia_register)
	msg := sprintf("high-risk processing activity %s (%s) has no completed DPIA", [activity.id, activity.name])
}

dpia_missing contains finding.of(doc, sprintf("facts.activities[%d].started", [i]), msg) if {
	some doc in input.evidence.records_of_processing
	some i, activity in doc.facts.activities
	activity.high_risk == true
	_completed(activity.id, input.evidence.dpia_register)
	not _before_start(activity, input.evidence.dpia_register)
	msg := sprintf("high-risk processing activity %s (%s) started %s, before its DPIA was completed", [activity.id, activity.name, object.get(activity, "started", "on a date not recorded")])
}

_completed(id, registers) if {
	some dpia in _dpias(id, registers)
	dpia.completed
}

_before_start(activity, registers) if {
	some dpia in _dpias(activity.id, registers)
	dpia.completed <= activity.started
}

_dpias(id, registers) := [dpia |
	some register in registers
	some dpia in register.facts.dpias
	dpia.activity == id
	dpia.status == "completed"
]
