# PCI DSS v4.0.1 Requirement 10: log and monitor all access.
package pci.req10

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.anchor
import data.pci.tra

# PCI-10.5.1: audit logs kept at least 12 months, the latest 3 immediately available.
log_retention_too_short contains finding.of(doc, "facts.retention_months", msg) if {
	some doc in input.evidence.logging_config
	not _at_least(doc.facts, "retention_months", 12)
	msg := sprintf("%s: audit logs kept %v months; need at least 12", [object.get(doc.facts, "platform", doc.id), object.get(doc.facts, "retention_months", "an unstated number of")])
}

log_retention_too_short contains finding.of(doc, "facts.immediately_available_months", msg) if {
	some doc in input.evidence.logging_config
	not _at_least(doc.facts, "immediately_available_months", 3)
	msg := sprintf("%s: %v months of audit logs immediately available; need at least 3", [object.get(doc.facts, "platform", doc.id), object.get(doc.facts, "immediately_available_months", "an unstated number of")])
}

_at_least(facts, field, minimum) if {
	is_number(facts[field])
	facts[field] >= minimum
}

# PCI-10.2.1: audit logging switched on for every listed system component.
logging_not_enabled contains finding.of(doc, "facts.components", "no system components are listed with their logging state") if {
	some doc in input.evidence.logging_config
	count(object.get(doc.facts, "components", [])) == 0
}

logging_not_enabled contains finding.of(doc, sprintf("facts.components[%d].logging_enabled", [i]), msg) if {
	some doc in input.evidence.logging_config
	some i, component in object.get(doc.facts, "components", [])
	object.get(component, "logging_enabled", false) != true
	msg := sprintf("%s: audit logging is not enabled", [component.name])
}

# PCI-10.2.1.1 .. 10.2.1.7: each category of event is captured by the logging standard.
user_access_not_logged contains f if some f in _event_missing(input.evidence, "user_access_chd", "individual user access to cardholder data")

admin_actions_not_logged contains f if some f in _event_missing(input.evidence, "admin_actions", "actions by administrators and interactive use of system accounts")

log_access_not_logged contains f if some f in _event_missing(input.evidence, "audit_log_access", "access to the audit logs")

invalid_access_not_logged contains f if some f in _event_missing(input.evidence, "invalid_access", "invalid logical access attempts")

credential_changes_not_logged contains f if some f in _event_missing(input.evidence, "credential_changes", "changes to identification and authentication credentials")

log_start_stop_not_logged contains f if some f in _event_missing(input.evidence, "log_start_stop", "initialising, stopping or pausing the audit logs")

object_changes_not_logged contains f if some f in _event_missing(input.evidence, "object_create_delete", "creation and deletion of system-level objects")

_event_missing(evidence, category, what) := {finding.of(doc, "facts.events_captured", msg) |
	some doc in object.get(evidence, "logging_config", [])
	not category in object.get(doc.facts, "events_captured", [])
	msg := sprintf("%s: logging does not capture %s", [object.get(doc.facts, "platform", doc.id), what])
}

# PCI-10.2.2: each log record carries user, event type, time, outcome, origin and resource.
log_record_fields_missing contains finding.of(doc, "facts.record_fields", msg) if {
	some doc in input.evidence.logging_config
	missing := _record_fields - {f | some f in object.get(doc.facts, "record_fields", [])}
	count(missing) > 0
	msg := sprintf("%s: log records lack %s", [object.get(doc.facts, "platform", doc.id), concat(", ", sort(missing))])
}

_record_fields := {"user", "event_type", "time", "outcome", "origin", "resource"}

# PCI-10.3.3: logs of every component promptly copied to the central log store.
logs_not_centralised contains finding.of(doc, "facts.components", "no system components are listed with their log forwarding") if {
	some doc in input.evidence.logging_config
	count(object.get(doc.facts, "components", [])) == 0
}

logs_not_centralised contains finding.of(doc, sprintf("facts.components[%d].forwarded_to_central", [i]), msg) if {
	some doc in input.evidence.logging_config
	some i, component in object.get(doc.facts, "components", [])
	object.get(component, "forwarded_to_central", false) != true
	msg := sprintf("%s: logs are not forwarded to the central log store", [component.name])
}

# PCI-10.3.4: file-integrity monitoring covers the stored audit logs and alerts on change.
log_integrity_unmonitored contains finding.of(doc, "facts.monitored", msg) if {
	not _audit_logs_monitored
	doc := anchor.latest(input.evidence.change_detection)
	msg := "no file-integrity monitoring with alerting covers the audit log store"
}

_audit_logs_monitored if {
	some doc in input.evidence.change_detection
	some entry in doc.facts.monitored
	entry.audit_logs == true
	entry.alerts == true
}

# PCI-10.4.1: security events and critical-component logs reviewed at least daily.
critical_log_review_not_daily contains finding.of(doc, "facts.review.frequency", msg) if {
	some doc in input.evidence.logging_config
	is_object(doc.facts.review)
	object.get(doc.facts.review, "frequency", "") != "daily"
	msg := sprintf("%s: critical logs reviewed %v; need daily", [object.get(doc.facts, "platform", doc.id), object.get(doc.facts.review, "frequency", "with no stated frequency")])
}

critical_log_review_not_daily contains finding.of(doc, "facts.review", msg) if {
	some doc in input.evidence.logging_config
	not doc.facts.review
	msg := sprintf("%s: no review of critical logs is recorded", [object.get(doc.facts, "platform", doc.id)])
}

# PCI-10.4.1.1: that review is done by automated mechanisms.
log_review_not_automated contains finding.of(doc, "facts.review.automated", msg) if {
	some doc in input.evidence.logging_config
	object.get(object.get(doc.facts, "review", {}), "automated", false) != true
	msg := sprintf("%s: log review is not automated", [object.get(doc.facts, "platform", doc.id)])
}

# PCI-10.4.2: logs of all other components reviewed at a stated interval.
other_log_review_missing contains finding.of(doc, "facts.other_components_review", msg) if {
	some doc in input.evidence.logging_config
	not is_number(object.get(doc.facts, ["other_components_review", "frequency_days"], null))
	msg := sprintf("%s: no periodic review of the logs of other system components is recorded", [object.get(doc.facts, "platform", doc.id)])
}

# PCI-10.4.2.1: that interval set by a targeted risk analysis no older than 12 months.
other_log_review_unjustified contains finding.of(doc, "facts.other_components_review.targeted_risk_analysis", msg) if {
	some doc in input.evidence.logging_config
	not _tra_current(object.get(object.get(doc.facts, "other_components_review", {}), "targeted_risk_analysis", {}), input.as_of)
	msg := sprintf("%s: no targeted risk analysis of the last 12 months sets the review frequency for other components", [object.get(doc.facts, "platform", doc.id)])
}

# The analysis cited matches one in the 12.3.1 register, at a sane frequency.
other_log_review_unjustified contains f if some f in tra.findings(input.evidence, input.as_of, "10.4.2.1")

_tra_current(tra, as_of) if dates.within_months(tra.performed, as_of, 12)

# PCI-10.6.1: every listed system synchronises its clock.
clock_not_synchronised contains finding.of(doc, sprintf("facts.systems[%d].synchronised", [i]), msg) if {
	some doc in input.evidence.time_sync
	some i, system in doc.facts.systems
	object.get(system, "synchronised", false) != true
	msg := sprintf("%s: clock is not synchronised", [system.name])
}

# PCI-10.6.2: designated time servers keep UTC or TAI from external sources; systems use only them.
time_source_not_designated contains finding.of(doc, sprintf("facts.servers[%d].reference", [i]), msg) if {
	some doc in input.evidence.time_sync
	some i, server in doc.facts.servers
	not server.reference in {"UTC", "TAI"}
	msg := sprintf("%s: time server keeps %v; need UTC or TAI", [server.name, object.get(server, "reference", "no stated time scale")])
}

time_source_not_designated contains finding.of(doc, sprintf("facts.servers[%d].external_sources", [i]), msg) if {
	some doc in input.evidence.time_sync
	some i, server in doc.facts.servers
	count(object.get(server, "external_sources", [])) == 0
	msg := sprintf("%s: time server takes time from no external source", [server.name])
}

time_source_not_designated contains finding.of(doc, sprintf("facts.systems[%d].source", [i]), msg) if {
	some doc in input.evidence.time_sync
	some i, system in doc.facts.systems
	not object.get(system, "source", "") in {server.name | some server in doc.facts.servers}
	msg := sprintf("%s: takes time from %v, not a designated time server", [system.name, object.get(system, "source", "no stated source")])
}
