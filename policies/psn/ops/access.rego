# PSN connection: people are screened and accept the acceptable use policy before they are
# given PSN access (PSN-OPS-12). Every person with PSN access needs the date access was
# granted; without it the order cannot be shown, which is a finding, never a pass.
package psn.ops

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.psn_scope

cleared_after_access contains finding.of(doc, sprintf("facts.people[%d].access_granted", [i]), msg) if {
	some doc in input.evidence.personnel_screening
	some i, person in doc.facts.people
	psn_scope.judged(person, object.get(input, "as_of", ""))
	not is_string(object.get(person, "access_granted", null))
	msg := concat("", [sprintf("%s (%s) has PSN access with no access granted date, so screening and AUP acceptance cannot be shown to come first", [person.person, _role(person)]), psn_scope.note(person, object.get(input, "as_of", ""))])
}

# Access "granted" after the assessment date is not the date the person was given the access
# they hold now, so it cannot show that screening came first.
cleared_after_access contains finding.of(doc, sprintf("facts.people[%d].access_granted", [i]), msg) if {
	some doc in input.evidence.personnel_screening
	some i, person in doc.facts.people
	psn_scope.judged(person, object.get(input, "as_of", ""))
	dates.after(person.access_granted, input.as_of)
	msg := concat("", [sprintf("%s (%s) has PSN access granted %s, after the assessment date %s; a later date does not count, so screening and AUP acceptance cannot be shown to come first", [person.person, _role(person), person.access_granted, input.as_of]), psn_scope.note(person, object.get(input, "as_of", ""))])
}

cleared_after_access contains finding.of(doc, sprintf("facts.people[%d].vetting_completed", [i]), msg) if {
	some doc in input.evidence.personnel_screening
	some i, person in doc.facts.people
	psn_scope.judged(person, object.get(input, "as_of", ""))
	is_string(person.access_granted)
	not _on_or_before(person.vetting_completed, person.access_granted)
	msg := concat("", [sprintf("%s (%s): %v check completed %v, not on or before PSN access was granted on %s", [person.person, _role(person), object.get(person, "vetting", "vetting"), object.get(person, "vetting_completed", "(no date)"), person.access_granted]), psn_scope.note(person, object.get(input, "as_of", ""))])
}

cleared_after_access contains finding.of(doc, sprintf("facts.people[%d].%s", [i, _aup_field(person)]), msg) if {
	some doc in input.evidence.personnel_screening
	some i, person in doc.facts.people
	psn_scope.judged(person, object.get(input, "as_of", ""))
	is_string(person.access_granted)
	not _on_or_before(_first_aup(person), person.access_granted)
	msg := concat("", [sprintf("%s (%s): acceptable use policy first accepted %v, not on or before PSN access was granted on %s", [person.person, _role(person), object.get(person, _aup_field(person), "(never)"), person.access_granted]), psn_scope.note(person, object.get(input, "as_of", ""))])
}

# The first acceptance when recorded, else the (only) acceptance date.
_first_aup(person) := person.aup_first_accepted if is_string(person.aup_first_accepted)

_first_aup(person) := person.aup_accepted if not is_string(object.get(person, "aup_first_accepted", null))

_aup_field(person) := "aup_first_accepted" if is_string(person.aup_first_accepted)

_aup_field(person) := "aup_accepted" if not is_string(object.get(person, "aup_first_accepted", null))

_on_or_before(date, limit) if {
	is_string(date)
	date <= limit
}

_role(person) := object.get(person, "role", "role not stated")
