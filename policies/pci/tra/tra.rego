# Targeted risk analyses behind flexible frequencies (PCI DSS 12.3.1). Evidence that runs an
# activity at an interval of its own choosing cites the analysis by reference; here that
# citation is matched, by reference and requirement, against the register
# (`targeted_risk_analysis` evidence), and the frequencies are held to sane bounds. The entry
# rule of each requirement (5.2.3.1, 5.3.2.1, 7.2.5.1, 8.6.3, 9.5.1.2.1, 10.4.2.1, 11.3.1.1,
# 12.10.4.1) adds `findings(input.evidence, input.as_of, "<id>")` to its own.
package pci.tra

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding

# Sane bounds for a frequency: at least one day, and never longer than the 12 months after
# which 12.3.1 has the analysis itself reviewed. A month counts as 31 days where a frequency
# in months is compared with one in days (acting every 31 days is acting every month).
max_months := 12

max_days := 366

_days_per_month := 31

# Findings for `requirement`: each citation of an analysis checked against the register, and
# the register's own entries for the requirement.
findings(evidence, as_of, requirement) := _citation_findings(evidence, as_of, requirement) | _entry_findings(evidence, requirement)

# --- the register ----------------------------------------------------------------------------

_register(evidence) := [[doc, i, a] |
	some doc in object.get(evidence, "targeted_risk_analysis", [])
	some i, a in object.get(doc.facts, "analyses", [])
]

_entries(evidence, requirement) := [[doc, i, a] |
	some [doc, i, a] in _register(evidence)
	a.requirement == requirement
	a.approach == "flexible_frequency"
]

_entry_path(i, key) := sprintf("facts.analyses[%d].%s", [i, key])

_name(a) := object.get(a, "reference", sprintf("(no reference) for %s", [a.requirement]))

# The frequency an entry sets, as {value, unit}; undefined when it states none, or both.
_frequency(a) := {"value": a.frequency_days, "unit": "days"} if {
	_stated(a, "frequency_days")
	not _stated(a, "frequency_months")
}

_frequency(a) := {"value": a.frequency_months, "unit": "months"} if {
	_stated(a, "frequency_months")
	not _stated(a, "frequency_days")
}

_stated(a, key) if is_number(object.get(a, key, null))

_entry_findings(evidence, requirement) := {f |
	some [doc, i, a] in _entries(evidence, requirement)
	some f in _entry_problems(doc, i, a)
}

_entry_problems(doc, i, a) := ({finding.of(doc, sprintf("facts.analyses[%d]", [i]), msg) |
	not _stated(a, "frequency_days")
	not _stated(a, "frequency_months")
	msg := sprintf("analysis %s for %s sets no frequency (frequency_days or frequency_months)", [_name(a), a.requirement])
} | {finding.of(doc, sprintf("facts.analyses[%d]", [i]), msg) |
	_stated(a, "frequency_days")
	_stated(a, "frequency_months")
	msg := sprintf("analysis %s for %s states both frequency_days and frequency_months; give one", [_name(a), a.requirement])
}) | {finding.of(doc, _entry_path(i, key), msg) |
	frequency := _frequency(a)
	not _sane(frequency)
	key := sprintf("frequency_%s", [frequency.unit])
	msg := sprintf("analysis %s for %s sets a frequency of %s; it must be every 1 to %v %s", [_name(a), a.requirement, _text(frequency), _bound(frequency.unit).value, frequency.unit])
}

_bound("days") := {"value": max_days, "unit": "days"}

_bound("months") := {"value": max_months, "unit": "months"}

_sane(frequency) if {
	frequency.value >= 1
	frequency.value <= _bound(frequency.unit).value
}

_text(frequency) := sprintf("every %v %s", [frequency.value, frequency.unit]) if frequency.value != 1

_text(frequency) := sprintf("every %s", [_singular[frequency.unit]]) if frequency.value == 1

_singular := {"days": "day", "months": "month"}

# --- citations -------------------------------------------------------------------------------

# The citations for a requirement, one per citing document: the document, the path of its targeted_risk_analysis
# object, the reference it cites and the intervals it runs at ([{path, value, unit, what}]).
_citation(doc, path, tra, intervals) := {"doc": doc, "path": path, "reference": tra.reference, "intervals": intervals}

# 5.2.3.1: endpoint protection with hosts judged not at risk re-evaluates them every N months.
_citations(evidence, "5.2.3.1") := {_citation(doc, "facts.targeted_risk_analysis", doc.facts.targeted_risk_analysis, intervals) |
	some doc in object.get(evidence, "endpoint_protection", [])
	_has_not_at_risk_host(doc)
	intervals := _interval(doc.facts, "not_at_risk_review_interval_months", "facts", "months", sprintf("%s: not-at-risk re-evaluation", [_label(doc, "product")]))
}

# 5.3.2.1: endpoint protection running periodic scans every N days.
_citations(evidence, "5.3.2.1") := {_citation(doc, "facts.targeted_risk_analysis", doc.facts.targeted_risk_analysis, intervals) |
	some doc in object.get(evidence, "endpoint_protection", [])
	_has_periodically_scanned_host(doc)
	intervals := _interval(doc.facts, "periodic_scan_interval_days", "facts", "days", sprintf("%s: periodic scans", [_label(doc, "product")]))
}

# Whether any host qualifies is asked once per document: a citation (which holds the whole
# document) built once per qualifying host would be hashed into the set once per host.
_has_not_at_risk_host(doc) if {
	some host in doc.facts.hosts
	host.not_at_risk
}

_has_periodically_scanned_host(doc) if {
	some host in doc.facts.hosts
	host.anti_malware_installed == true
	not host.behavioural_analysis == true
}

# 7.2.5.1: application and system accounts reviewed every N months.
_citations(evidence, "7.2.5.1") := {_citation(doc, "facts.targeted_risk_analysis", doc.facts.targeted_risk_analysis, intervals) |
	some doc in object.get(evidence, "access_review", [])
	intervals := _interval(doc.facts, "service_account_review_interval_months", "facts", "months", "review of application and system accounts")
}

# 8.6.3: each active service account's password changed every N days.
_citations(evidence, "8.6.3") := {_citation(doc, "facts.targeted_risk_analysis", doc.facts.targeted_risk_analysis, intervals) |
	some doc in object.get(evidence, "user_accounts", [])
	intervals := [interval |
		some i, account in doc.facts.accounts
		account.type == "service"
		not account.disabled == true
		some interval in _interval(account, "password_rotation_days", sprintf("facts.accounts[%d]", [i]), "days", sprintf("%s (%s): password change", [account.id, _label(doc, "system")]))
	]
	count(intervals) > 0
}

# 9.5.1.2.1: each POI device inspected every N days.
_citations(evidence, "9.5.1.2.1") := {_citation(doc, "facts.targeted_risk_analysis", doc.facts.targeted_risk_analysis, intervals) |
	some doc in object.get(evidence, "poi_devices", [])
	intervals := [interval |
		some i, device in doc.facts.devices
		some interval in _interval(device, "inspection_frequency_days", sprintf("facts.devices[%d]", [i]), "days", sprintf("POI device %v: inspection", [object.get(device, "serial", i)]))
	]
}

# 10.4.2.1: logs of all other components reviewed every N days.
_citations(evidence, "10.4.2.1") := {_citation(doc, "facts.other_components_review.targeted_risk_analysis", review.targeted_risk_analysis, intervals) |
	some doc in object.get(evidence, "logging_config", [])
	review := doc.facts.other_components_review
	intervals := _interval(review, "frequency_days", "facts.other_components_review", "days", sprintf("%s: review of other components' logs", [_label(doc, "platform")]))
}

# 11.3.1.1: the latest internal scans, whose lower-ranked vulnerabilities the analysis times.
_citations(evidence, "11.3.1.1") := {_citation(doc, "facts.targeted_risk_analysis", doc.facts.targeted_risk_analysis, []) |
	internal := [doc | some doc in object.get(evidence, "vulnerability_scan", []); doc.facts.scope == "internal"]
	count(internal) > 0
	latest := max({doc.facts.performed | some doc in internal})
	some doc in internal
	doc.facts.performed == latest
}

# 12.10.4.1: the incident response plan cites no analysis; the register entry is judged alone
# (data.pci.req12 compares its frequency with the plan's).
_citations(_, "12.10.4.1") := set()

_interval(obj, key, path, unit, what) := [{"path": sprintf("%s.%s", [path, key]), "value": obj[key], "unit": unit, "what": what}] if is_number(object.get(obj, key, null))

_interval(obj, key, _, _, _) := [] if not is_number(object.get(obj, key, null))

_label(doc, key) := object.get(doc.facts, key, doc.id)

# Each citation is judged against the register entries with the reference it cites. The
# register is read once, and the entries of each reference cited are gathered once: judging
# every citation against the whole register grew with citations times analyses.
_citation_findings(evidence, as_of, requirement) := {f |
	register := _register(evidence)
	citations := _citations(evidence, requirement)
	by_reference := {reference: [e | some e in register; e[2].reference == reference] |
		some reference in {c.reference | some c in citations}
	}
	some c in citations
	some f in _citation_problems(count(register), by_reference[c.reference], as_of, requirement, c)
}

_citation_problems(registered, _, _, _, c) := {finding.of(c.doc, sprintf("%s.reference", [c.path]), msg)} if {
	registered == 0
	msg := sprintf("cites targeted risk analysis %s, but no targeted risk analysis register (12.3.1) records any analysis", [c.reference])
}

_citation_problems(registered, same, _, _, c) := {finding.of(c.doc, sprintf("%s.reference", [c.path]), msg)} if {
	registered > 0
	count(same) == 0
	msg := sprintf("cites targeted risk analysis %s, which is not in the register (12.3.1)", [c.reference])
}

_citation_problems(_, same, _, requirement, c) := {finding.of(c.doc, sprintf("%s.reference", [c.path]), msg)} if {
	count(same) > 0
	not requirement in {a.requirement | some [_, _, a] in same}
	msg := sprintf("cites targeted risk analysis %s, which the register records for %s, not %s", [c.reference, concat(", ", sort({a.requirement | some [_, _, a] in same})), requirement])
}

_citation_problems(_, same, as_of, requirement, c) := problems if {
	some [_, _, a] in same
	a.requirement == requirement
	problems := _matched_problems(as_of, requirement, c, [e | some e in same; e[2].requirement == requirement])
}

# The citation names a registered analysis for this requirement: it must be a current
# flexible-frequency analysis, and no interval the evidence runs at may be longer than the
# frequency the analysis sets.
_matched_problems(as_of, requirement, c, matches) := {f |
	some f in _match_problems(as_of, requirement, c, matches)
} | {f |
	some [_, _, a] in matches
	frequency := _frequency(a)
	some interval in c.intervals
	_longer(interval, frequency)
	msg := sprintf("%s %s, less often than targeted risk analysis %s sets (%s)", [interval.what, _text(interval), c.reference, _text(frequency)])
	f := finding.of(c.doc, interval.path, msg)
}

_match_problems(_, requirement, c, matches) := {finding.of(c.doc, sprintf("%s.reference", [c.path]), msg)} if {
	count([a | some [_, _, a] in matches; a.approach == "flexible_frequency"]) == 0
	msg := sprintf("targeted risk analysis %s is registered for %s, but not as a flexible-frequency analysis", [c.reference, requirement])
}

_match_problems(as_of, _, c, matches) := {finding.of(c.doc, sprintf("%s.reference", [c.path]), msg) |
	some [_, _, a] in matches
	a.approach == "flexible_frequency"
	not _current(a, as_of)
	msg := sprintf("targeted risk analysis %s was last reviewed %v; the register needs a review within 12 months", [c.reference, object.get(a, "last_reviewed", object.get(a, "performed", "never"))])
} if {
	count([a | some [_, _, a] in matches; a.approach == "flexible_frequency"]) > 0
}

_current(a, as_of) if {
	date := object.get(a, "last_reviewed", object.get(a, "performed", ""))
	regex.match(`^\d{4}-\d{2}-\d{2}$`, date)
	dates.within_months(date, as_of, 12)
}

_longer(interval, frequency) if {
	interval.unit == frequency.unit
	interval.value > frequency.value
}

_longer(interval, frequency) if {
	interval.unit == "days"
	frequency.unit == "months"
	interval.value > frequency.value * _days_per_month
}

_longer(interval, frequency) if {
	interval.unit == "months"
	frequency.unit == "days"
	interval.value * _days_per_month > frequency.value
}
