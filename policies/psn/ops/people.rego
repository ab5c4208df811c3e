# PSN connection: people with PSN access (PSN-OPS-10, PSN-OPS-11).
package psn.ops

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.psn_scope

# BPSS is the baseline; every higher national security check includes it.
_bpss_or_higher := {"BPSS", "CTC", "SC", "eSC", "DV", "eDV"}

# PSN-OPS-10: acceptable use policy accepted before PSN access.
aup_not_accepted contains finding.of(doc, sprintf("facts.people[%d].aup_accepted", [i]), msg) if {
	some doc in input.evidence.personnel_screening
	some i, person in doc.facts.people
	psn_scope.judged(person, object.get(input, "as_of", ""))
	not dates.done_by(object.get(person, "aup_accepted", null), input.as_of)
	msg := concat("", [sprintf("%s (%s) has PSN access but no acceptance of the acceptable use policy on or before %s (recorded: %v)", [person.person, object.get(person, "role", "role not stated"), input.as_of, object.get(person, "aup_accepted", "none")]), psn_scope.note(person, object.get(input, "as_of", ""))])
}

# PSN-OPS-11: at least BPSS, completed, for everyone with PSN access.
screening_missing contains finding.of(doc, sprintf("facts.people[%d].vetting", [i]), msg) if {
	some doc in input.evidence.personnel_screening
	some i, person in doc.facts.people
	psn_scope.judged(person, object.get(input, "as_of", ""))
	not person.vetting in _bpss_or_higher
	msg := concat("", [sprintf("%s (%s) has PSN access with vetting %v; need at least BPSS", [person.person, object.get(person, "role", "role not stated"), object.get(person, "vetting", "not stated")]), psn_scope.note(person, object.get(input, "as_of", ""))])
}

screening_missing contains finding.of(doc, sprintf("facts.people[%d].vetting_completed", [i]), msg) if {
	some doc in input.evidence.personnel_screening
	some i, person in doc.facts.people
	psn_scope.judged(person, object.get(input, "as_of", ""))
	person.vetting in _bpss_or_higher
	not dates.done_by(object.get(person, "vetting_completed", null), input.as_of)
	msg := concat("", [sprintf("%s (%s): %s check has no completion date on or before %s", [person.person, object.get(person, "role", "role not stated"), person.vetting, input.as_of]), psn_scope.note(person, object.get(input, "as_of", ""))])
}
