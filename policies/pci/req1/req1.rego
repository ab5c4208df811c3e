# PCI DSS v4.0.1 Requirement 1: install and maintain network security controls (NSCs).
# Rules are sets of findings over network_security_config (one document per NSC) and
# network_diagram evidence. A missing setting is a finding, never a pass.
package pci.req1

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.anchor

# Services treated as insecure: cleartext credentials or data, or known-weak versions.
insecure_services := {
	"telnet", "ftp", "tftp", "http", "rlogin", "rsh", "rexec", "snmpv1", "snmpv2c",
	"smbv1", "ldap", "pop3", "imap", "vnc", "netbios",
}

# PCI-1.2.3: a current network diagram marks the CDE boundary and every wireless network.
network_diagram_incomplete contains finding.of(doc, "facts.shows.cde_boundary", msg) if {
	not _diagram_shows("cde_boundary")
	doc := anchor.latest(input.evidence.network_diagram)
	msg := "no network diagram marks the cardholder data environment boundary and its connections"
}

network_diagram_incomplete contains f if {
	some f in _cde_diagram_lacks("wireless_networks", "does not include the wireless networks and their links to the cardholder data environment")
}

# PCI-1.2.4: a current diagram traces every flow of account data.
data_flow_diagram_missing contains f if {
	some f in _cde_diagram_lacks("account_data_flows", "does not trace the flows of account data across systems and networks")
}

# When no diagram shows `what`: a finding on each CDE diagram (naming it), or on the latest
# diagram when none marks the CDE.
_cde_diagram_lacks(what, problem) := {finding.of(doc, sprintf("facts.shows.%s", [what]), msg) |
	some doc in input.evidence.network_diagram
	doc.facts.shows.cde_boundary == true
	msg := sprintf("CDE diagram %s (dated %s) %s", [doc.id, doc.facts.dated, problem])
} if {
	not _diagram_shows(what)
	_diagram_shows("cde_boundary")
}

_cde_diagram_lacks(what, problem) := {finding.of(doc, sprintf("facts.shows.%s", [what]), msg) |
	doc := anchor.latest(input.evidence.network_diagram)
	msg := sprintf("no network diagram %s", [problem])
} if {
	not _diagram_shows(what)
	not _diagram_shows("cde_boundary")
}

_diagram_shows(what) if {
	some doc in input.evidence.network_diagram
	doc.facts.shows[what] == true
}

# PCI-1.2.5: every allowed service, protocol and port has a business justification and an approver.
rule_not_justified contains finding.of(doc, sprintf("facts.rules[%d]", [i]), msg) if {
	some doc in input.evidence.network_security_config
	some i, rule in doc.facts.rules
	rule.action == "allow"
	not _justified(rule)
	msg := sprintf("%s: rule %s allows traffic without a recorded business justification and approver", [doc.facts.device, rule.id])
}

_justified(rule) if {
	count(trim_space(rule.justification)) > 0
	count(trim_space(rule.approved_by)) > 0
}

# PCI-1.2.6: an insecure service that is allowed has security features defined for it.
insecure_service_unprotected contains finding.of(doc, sprintf("facts.rules[%d]", [i]), msg) if {
	some doc in input.evidence.network_security_config
	some i, rule in doc.facts.rules
	rule.action == "allow"
	not _service_known(rule)
	msg := sprintf("%s: rule %s allows traffic without naming the service or protocol", [doc.facts.device, rule.id])
}

insecure_service_unprotected contains finding.of(doc, sprintf("facts.rules[%d]", [i]), msg) if {
	some doc in input.evidence.network_security_config
	some i, rule in doc.facts.rules
	rule.action == "allow"
	lower(rule.service) in insecure_services
	not count(object.get(rule, "security_features", [])) > 0
	msg := sprintf("%s: rule %s allows insecure %s with no security features defined", [doc.facts.device, rule.id, rule.service])
}

_service_known(rule) if count(trim_space(rule.service)) > 0

# PCI-1.2.7: each NSC configuration reviewed within the last 6 months.
nsc_review_overdue contains finding.of(doc, "facts.last_reviewed", msg) if {
	some doc in input.evidence.network_security_config
	not _reviewed_within(doc.facts, input.as_of, 6)
	msg := sprintf("%s: ruleset last reviewed %v; must be reviewed at least every 6 months", [doc.facts.device, object.get(doc.facts, "last_reviewed", "never")])
}

_reviewed_within(facts, as_of, months) if dates.within_months(facts.last_reviewed, as_of, months)

# PCI-1.2.8: stored NSC configuration protected and consistent with the running one.
nsc_config_unsecured contains finding.of(doc, "facts.config_access_restricted", msg) if {
	some doc in input.evidence.network_security_config
	not doc.facts.config_access_restricted == true
	msg := sprintf("%s: stored configuration files are not shown to be protected from unauthorised access", [doc.facts.device])
}

nsc_config_unsecured contains finding.of(doc, "facts.running_matches_stored", msg) if {
	some doc in input.evidence.network_security_config
	not doc.facts.running_matches_stored == true
	msg := sprintf("%s: running configuration is not shown to match the stored configuration", [doc.facts.device])
}

# PCI-1.3.1: inbound traffic to the CDE denied unless a rule allows it.
cde_inbound_not_denied contains finding.of(doc, "facts.default_inbound", msg) if {
	some doc in _cde_nscs
	not doc.facts.default_inbound == "deny"
	msg := sprintf("%s: default inbound action is %v; need deny", [doc.facts.device, object.get(doc.facts, "default_inbound", "not stated")])
}

# PCI-1.3.2: outbound traffic from the CDE denied unless a rule allows it.
cde_outbound_not_denied contains finding.of(doc, "facts.default_outbound", msg) if {
	some doc in _cde_nscs
	not doc.facts.default_outbound == "deny"
	msg := sprintf("%s: default outbound action is %v; need deny", [doc.facts.device, object.get(doc.facts, "default_outbound", "not stated")])
}

_cde_nscs contains doc if {
	some doc in input.evidence.network_security_config
	not doc.facts.protects_cde == false
}

# PCI-1.3.3: wireless-to-CDE traffic denied by default at every NSC between them.
wireless_not_denied contains finding.of(doc, "facts.wireless_default", msg) if {
	some doc in input.evidence.network_security_config
	doc.facts.separates_wireless == true
	not doc.facts.wireless_default == "deny"
	msg := sprintf("%s: default action for wireless traffic into the CDE is %v; need deny", [doc.facts.device, object.get(doc.facts, "wireless_default", "not stated")])
}

wireless_not_denied contains finding.of(doc, "facts.separates_wireless", msg) if {
	some doc in input.evidence.network_security_config
	not is_boolean(object.get(doc.facts, "separates_wireless", null))
	msg := sprintf("%s: does not state whether it separates wireless networks from the CDE", [doc.facts.device])
}

# PCI-1.4.2: inbound traffic from untrusted networks reaches only public services (DMZ), and
# only replies to established sessions come back in.
untrusted_inbound_too_broad contains finding.of(doc, "facts.stateful", msg) if {
	some doc in _boundary_nscs
	not doc.facts.stateful == true
	msg := sprintf("%s: not stateful; replies cannot be limited to established connections", [doc.facts.device])
}

untrusted_inbound_too_broad contains finding.of(doc, sprintf("facts.rules[%d]", [i]), msg) if {
	some doc in input.evidence.network_security_config
	some i, rule in doc.facts.rules
	rule.action == "allow"
	not _from_trusted_zone(rule)
	not rule.destination_zone == "dmz"
	msg := sprintf("%s: rule %s lets traffic from zone %v reach zone %v; untrusted traffic may reach only public services in the DMZ", [doc.facts.device, rule.id, object.get(rule, "source_zone", "unstated"), object.get(rule, "destination_zone", "unstated")])
}

# A rule whose source zone is not stated is treated as coming from an untrusted network.
_from_trusted_zone(rule) if rule.source_zone in {"dmz", "trusted", "cde", "wireless"}

# PCI-1.4.3: anti-spoofing at every untrusted boundary.
anti_spoofing_missing contains finding.of(doc, "facts.anti_spoofing", msg) if {
	some doc in _boundary_nscs
	not doc.facts.anti_spoofing == true
	msg := sprintf("%s: faces an untrusted network without anti-spoofing (ingress filtering)", [doc.facts.device])
}

_boundary_nscs contains doc if {
	some doc in input.evidence.network_security_config
	not doc.facts.untrusted_boundary == false
}

# PCI-1.4.4: no store of cardholder data is directly reachable from untrusted networks.
chd_store_exposed contains finding.of(doc, "facts.reachable_from_untrusted", msg) if {
	some doc in input.evidence.cardholder_data_store
	not doc.facts.reachable_from_untrusted == false
	msg := sprintf("%s: reachable from untrusted networks is %v; must be false", [doc.facts.store, object.get(doc.facts, "reachable_from_untrusted", "not stated")])
}
