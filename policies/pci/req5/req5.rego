# PCI DSS v4.0.1 Requirement 5: protect systems and networks from malicious software.
# Rules read endpoint_protection evidence (one entry per host). A host either runs
# anti-malware or carries a dated "not at risk" evaluation; a missing setting is a finding.
package pci.req5

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.pci_scope
import data.pci.tra

# Hosts in PCI DSS scope: all but those marked `in_cde: false` that the scope inventory lists
# out of scope with an approval that counts (absent, or false unlisted: in scope).
_hosts := [[doc, i, host] |
	some doc in input.evidence.endpoint_protection
	some i, host in doc.facts.hosts
	pci_scope.in_scope(host, object.get(host, "name", ""), _listed)
]

# Names listed out of PCI DSS scope with an approval that counts (data.lib.pci_scope), once.
_listed := pci_scope.listed(input.evidence, object.get(input, "as_of", ""))


# Hosts that claim to run anti-malware (the settings below are judged only on these).
_protected := [[doc, i, host] |
	some [doc, i, host] in _hosts
	host.anti_malware_installed == true
]

_path(i) := sprintf("facts.hosts[%d]", [i])

# A targeted risk analysis (12.3.1) reviewed in the 12 months before as_of.
_tra_current(doc) if dates.within_months(doc.facts.targeted_risk_analysis.reviewed, input.as_of, 12)

# PCI-5.2.1: anti-malware on every host, unless it has been evaluated as not at risk.
anti_malware_missing contains finding.of(doc, _path(i), msg) if {
	some [doc, i, host] in _hosts
	not host.anti_malware_installed == true
	not host.not_at_risk
	msg := sprintf("%s: no anti-malware and no 'not at risk' evaluation", [host.name])
}

# PCI-5.2.3: hosts judged not at risk are re-evaluated at the interval the entity defines.
not_at_risk_review_overdue contains finding.of(doc, sprintf("facts.hosts[%d].not_at_risk.evaluated", [i]), msg) if {
	some [doc, i, host] in _hosts
	host.not_at_risk
	not dates.within_months(host.not_at_risk.evaluated, input.as_of, doc.facts.not_at_risk_review_interval_months)
	msg := sprintf("%s: judged not at risk from malware, last evaluated %s; re-evaluation every %v months is overdue or no interval is defined", [host.name, host.not_at_risk.evaluated, object.get(doc.facts, "not_at_risk_review_interval_months", "(unset)")])
}

# PCI-5.2.3.1: the re-evaluation interval comes from a current targeted risk analysis.
not_at_risk_frequency_unjustified contains finding.of(doc, "facts.targeted_risk_analysis", msg) if {
	some [doc, _, host] in _hosts
	host.not_at_risk
	not _interval_from_tra(doc, "not_at_risk_review_interval_months")
	msg := sprintf("%s: not-at-risk re-evaluation interval not set by a targeted risk analysis reviewed in the last 12 months", [object.get(doc.facts, "product", doc.id)])
}

# The analysis cited matches one in the 12.3.1 register, at a sane frequency.
not_at_risk_frequency_unjustified contains f if some f in tra.findings(input.evidence, input.as_of, "5.2.3.1")

_interval_from_tra(doc, key) if {
	doc.facts[key] > 0
	_tra_current(doc)
}

# PCI-5.3.1: anti-malware updated automatically.
updates_not_automatic contains finding.of(doc, sprintf("facts.hosts[%d].automatic_updates", [i]), msg) if {
	some [doc, i, host] in _protected
	not host.automatic_updates == true
	msg := sprintf("%s: anti-malware updates are not automatic", [host.name])
}

# PCI-5.3.2: real-time plus periodic scanning, or continuous behavioural analysis.
scanning_incomplete contains finding.of(doc, _path(i), msg) if {
	some [doc, i, host] in _protected
	not _scanning_ok(host)
	msg := sprintf("%s: needs real-time and periodic scans, or continuous behavioural analysis", [host.name])
}

_scanning_ok(host) if host.behavioural_analysis == true

_scanning_ok(host) if {
	host.real_time_scanning == true
	host.last_scan
}

# PCI-5.3.2.1: periodic scans at the interval set by a current targeted risk analysis.
periodic_scan_overdue contains finding.of(doc, sprintf("facts.hosts[%d].last_scan", [i]), msg) if {
	some [doc, i, host] in _protected
	not host.behavioural_analysis == true
	not _scan_recent(doc, host)
	msg := sprintf("%s: last periodic scan %v, overdue against an interval of %v days", [host.name, object.get(host, "last_scan", "never"), object.get(doc.facts, "periodic_scan_interval_days", "(undefined)")])
}

periodic_scan_overdue contains finding.of(doc, "facts.targeted_risk_analysis", msg) if {
	some [doc, _, host] in _protected
	not host.behavioural_analysis == true
	not _interval_from_tra(doc, "periodic_scan_interval_days")
	msg := sprintf("%s: periodic scan interval not set by a targeted risk analysis reviewed in the last 12 months", [object.get(doc.facts, "product", doc.id)])
}

# The analysis cited matches one in the 12.3.1 register, at a sane frequency.
periodic_scan_overdue contains f if some f in tra.findings(input.evidence, input.as_of, "5.3.2.1")

_scan_recent(doc, host) if dates.days_between(host.last_scan, input.as_of) <= doc.facts.periodic_scan_interval_days

# PCI-5.3.3: removable media scanned when inserted, or behavioural analysis covers it.
removable_media_not_scanned contains finding.of(doc, sprintf("facts.hosts[%d].removable_media_scanning", [i]), msg) if {
	some [doc, i, host] in _protected
	not host.removable_media_scanning == true
	not host.behavioural_analysis == true
	msg := sprintf("%s: removable media are not scanned automatically on insertion", [host.name])
}

# PCI-5.3.5: users cannot switch anti-malware off (tamper protection).
tamper_protection_off contains finding.of(doc, sprintf("facts.hosts[%d].tamper_protection", [i]), msg) if {
	some [doc, i, host] in _protected
	not host.tamper_protection == true
	msg := sprintf("%s: anti-malware tamper protection is off or not stated", [host.name])
}
