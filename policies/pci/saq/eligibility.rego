# SAQ eligibility: each payment channel meets every eligibility criterion of the SAQ it
# declares (organisation profile pci.payment_channels, evidence kind saq_eligibility).
# A criterion that is false, or not stated, makes the channel ineligible: the finding names
# the SAQ the channel must move to. Criterion names paraphrase the PCI SSC SAQ documents.
package pci.saq.eligibility

import future.keywords.not
import rego.v1

import data.lib.finding

# The criteria each validation type needs; D and ROC have none beyond the profile.
criteria := {
	"A": [
		"card_not_present_only", "all_account_data_functions_outsourced",
		"provider_pci_dss_compliant", "no_electronic_account_data",
		"paper_records_only", "payment_page_entirely_from_provider",
		"site_protected_from_script_attacks",
	],
	"A-EP": [
		"ecommerce_only", "payment_page_elements_from_merchant_or_provider",
		"provider_pci_dss_compliant", "no_electronic_account_data", "paper_records_only",
	],
	"B": [
		"only_imprint_or_standalone_dial_out_terminals", "not_ecommerce",
		"no_electronic_account_data", "paper_records_only",
	],
	"B-IP": [
		"only_standalone_pts_approved_terminals", "terminals_not_connected_to_other_systems",
		"only_transmission_terminal_to_processor", "not_ecommerce",
		"no_electronic_account_data", "paper_records_only",
	],
	"C": [
		"payment_application_isolated_from_other_systems", "not_ecommerce",
		"no_electronic_account_data", "paper_records_only",
	],
	"C-VT": [
		"only_virtual_terminal_from_compliant_provider", "one_transaction_at_a_time_by_keyboard",
		"device_isolated_single_location", "no_software_storing_account_data",
		"no_attached_card_readers", "not_ecommerce", "no_electronic_account_data",
		"paper_records_only",
	],
	"P2PE": [
		"listed_p2pe_solution", "only_p2pe_terminals", "not_ecommerce",
		"no_electronic_account_data", "paper_records_only",
	],
	"SPoC": ["listed_spoc_solution", "not_ecommerce", "no_electronic_account_data", "paper_records_only"],
	"D-Merchant": [],
	"D-Service Provider": [],
	"ROC": [],
}

# Where an ineligible channel goes (kept equal to moves_to in controls/pci/saq/*.yaml).
moves_to := {
	"A": "A-EP", "A-EP": "D-Merchant", "B": "B-IP", "B-IP": "C", "C": "D-Merchant",
	"C-VT": "C", "P2PE": "B-IP", "SPoC": "D-Merchant", "D-Merchant": "ROC",
	"D-Service Provider": "ROC",
}

# A full redirect takes the payment page off the merchant's site: the script-attack
# criterion of SAQ A (January 2025) only matters for an embedded (iframe) form.
_not_needed(record, "site_protected_from_script_attacks") if record.facts.integration == "redirect"

ineligible contains f if {
	some i, channel in input.organisation.pci.payment_channels
	criteria[channel.validation] != []
	not _has_record(channel.name)
	f := finding.of(
		input.evidence.organisation[0], sprintf("facts.pci.payment_channels[%d]", [i]),
		sprintf("channel '%s' (SAQ %s): no saq_eligibility evidence confirms its eligibility; it must move to SAQ %s", [channel.name, channel.validation, moves_to[channel.validation]]),
	)
}

ineligible contains f if {
	some channel in input.organisation.pci.payment_channels
	some record in _records(channel.name)
	some criterion in criteria[channel.validation]
	not _not_needed(record, criterion)
	not record.facts.criteria[criterion] == true
	f := finding.of(
		record, sprintf("facts.criteria.%s", [criterion]),
		sprintf("channel '%s' (SAQ %s): eligibility criterion '%s' is %s; it must move to SAQ %s", [channel.name, channel.validation, criterion, _state(record, criterion), moves_to[channel.validation]]),
	)
}

ineligible contains f if {
	some channel in input.organisation.pci.payment_channels
	channel.validation == "A"
	some record in _records(channel.name)
	not record.facts.integration in {"redirect", "iframe"}
	f := finding.of(
		record, "facts.integration",
		sprintf("channel '%s' (SAQ A): the payment page must be a redirect or an iframe from the provider, not '%v'; it must move to SAQ A-EP", [channel.name, object.get(record.facts, "integration", "unstated")]),
	)
}

# A criterion the channel's SAQ does not define (a misspelling, or one left from another SAQ)
# is a mistake to show, not to ignore: what it was meant to answer is unknown.
ineligible contains f if {
	some channel in input.organisation.pci.payment_channels
	some record in _records(channel.name)
	some name, _ in record.facts.criteria
	not name in criteria[channel.validation]
	f := finding.of(
		record, sprintf("facts.criteria.%s", [name]),
		sprintf("channel '%s' (SAQ %s): '%s' is not an eligibility criterion of SAQ %s; correct its name or remove it", [channel.name, channel.validation, name, channel.validation]),
	)
}

# Answers that contradict the declared integration cannot both be true: a channel with an
# e-commerce payment page is not "not e-commerce", and one declared not e-commerce is not
# "e-commerce only". The channel is not shown eligible.
ineligible contains f if {
	some channel in input.organisation.pci.payment_channels
	some record in _records(channel.name)
	some criterion, integration in _contradicts(record)
	f := finding.of(
		record, "facts.integration",
		sprintf("channel '%s' (SAQ %s): criterion '%s' is confirmed but the integration is '%s'; the answers contradict each other, so it must move to SAQ %s", [channel.name, channel.validation, criterion, integration, moves_to[channel.validation]]),
	)
}

_contradicts(record) := {"not_ecommerce": record.facts.integration} if {
	record.facts.criteria.not_ecommerce == true
	is_string(record.facts.integration)
	record.facts.integration != "not-ecommerce"
}

_contradicts(record) := {"ecommerce_only": "not-ecommerce"} if {
	record.facts.criteria.ecommerce_only == true
	record.facts.integration == "not-ecommerce"
}

# A record naming no channel of the profile is a mistake to show, not to ignore.
ineligible contains f if {
	some record in input.evidence.saq_eligibility
	not record.facts.channel in {c.name | some c in input.organisation.pci.payment_channels}
	f := finding.of(record, "facts.channel", sprintf("saq_eligibility names channel '%s', which the organisation profile does not list", [record.facts.channel]))
}

_records(name) := [r | some r in input.evidence.saq_eligibility; r.facts.channel == name]

_has_record(name) if count(_records(name)) > 0

_state(record, criterion) := "not met" if criterion in object.keys(record.facts.criteria)

_state(record, criterion) := "not confirmed" if not criterion in object.keys(record.facts.criteria)
