# PCI DSS 10.7.x and A3.3.1.x: failures of critical security controls are alerted, and each
# failure is restored, timed, root-caused, risk-assessed and remediated (control_failures).
package pci.failures

import future.keywords.not
import rego.v1

import data.lib.finding

# 10.7.1 (service providers, until 31 March 2025) names eight control types; 10.7.2 and
# A3.3.1 add the audit log review mechanisms and automated security testing tools.
_failure_types_10_7_1 := {
	"network_security_controls", "ids_ips", "change_detection", "anti_malware",
	"physical_access", "logical_access", "audit_logging", "segmentation",
}

_failure_types_10_7_2 := _failure_types_10_7_1 | {"audit_log_review", "security_testing_tools"}

# PCI-10.7.1
control_failure_unalerted_sp contains f if some f in _unalerted(_failure_types_10_7_1)

# PCI-10.7.2, PCI-A3.3.1
control_failure_unalerted contains f if some f in _unalerted(_failure_types_10_7_2)

_unalerted(types) := {finding.of(doc, "facts.alerting", msg) |
	some doc in input.evidence.control_failures
	some type in types
	not _alerts(doc, type)
	msg := sprintf("a failure of %s raises no alert", [type])
} | {finding.of(doc, sprintf("facts.failures[%d].alerted", [i]), msg) |
	some doc in input.evidence.control_failures
	some i, failure in doc.facts.failures
	failure.control in types
	not failure.alerted
	msg := sprintf("failure %s (%s) was detected %s but no alert is recorded", [failure.id, failure.control, failure.detected])
}

_alerts(doc, type) if {
	some entry in doc.facts.alerting
	entry.control == type
	entry.alerts == true
}

# PCI-10.7.3, PCI-A3.3.1.1
control_failure_unresolved contains finding.of(doc, sprintf("facts.failures[%d]", [i]), msg) if {
	some doc in input.evidence.control_failures
	some i, failure in doc.facts.failures
	absent := [key |
		some key in ["restored", "root_cause", "risk_assessment", "remediation", "monitoring_resumed"]
		not _recorded(failure, key)
	]
	count(absent) > 0
	msg := sprintf("failure %s (%s, started %s) records no %s", [failure.id, failure.control, failure.started, concat(", ", absent)])
}

control_failure_unresolved contains finding.of(doc, sprintf("facts.failures[%d].restored", [i]), msg) if {
	some doc in input.evidence.control_failures
	some i, failure in doc.facts.failures
	failure.restored < failure.started
	msg := sprintf("failure %s: restored %s, before it started %s", [failure.id, failure.restored, failure.started])
}

_recorded(obj, field) if trim_space(obj[field]) != ""
