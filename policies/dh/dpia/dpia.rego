# Data handling: data protection impact assessments (ids DH-DPIA-*).
package dh.dpia

import future.keywords.not
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

# DH-DPIA-02: where a completed DPIA leaves a high residual risk, the ICO is consulted before
# processing starts (UK GDPR Article 36(1)). A completed DPIA that does not record its
# residual risk cannot show consultation was not needed: a finding.
prior_consultation_missing contains finding.of(register, sprintf("facts.dpias[%d].residual_risk", [i]), msg) if {
	some register in input.evidence.dpia_register
	some i, dpia in register.facts.dpias
	dpia.status == "completed"
	not object.get(dpia, "residual_risk", null) in {"low", "medium", "high"}
	msg := sprintf("DPIA %s (activity %s) does not record the residual risk, so the need to consult the ICO cannot be judged", [dpia.id, dpia.activity])
}

prior_consultation_missing contains finding.of(register, sprintf("facts.dpias[%d]", [i]), msg) if {
	some register in input.evidence.dpia_register
	some i, dpia in register.facts.dpias
	dpia.status == "completed"
	dpia.residual_risk == "high"
	not dpia.ico_consulted
	msg := sprintf("DPIA %s (activity %s) leaves a high residual risk and the ICO has not been consulted", [dpia.id, dpia.activity])
}

prior_consultation_missing contains finding.of(register, sprintf("facts.dpias[%d].ico_consulted", [i]), msg) if {
	some register in input.evidence.dpia_register
	some i, dpia in register.facts.dpias
	dpia.residual_risk == "high"
	some ropa in input.evidence.records_of_processing
	some activity in ropa.facts.activities
	activity.id == dpia.activity
	dpia.ico_consulted > activity.started
	msg := sprintf("DPIA %s: the ICO was consulted %s, after activity %s started %s; consultation must come first", [dpia.id, dpia.ico_consulted, activity.id, activity.started])
}
