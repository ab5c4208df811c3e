package pci.failures_test

import future.keywords.not
import rego.v1

import data.pci.failures

_all := ["network_security_controls", "ids_ips", "change_detection", "anti_malware", "physical_access", "logical_access", "audit_logging", "segmentation", "audit_log_review", "security_testing_tools"]

_failure := {"id": "CF-1", "control": "anti_malware", "started": "2026-09-02T01:10:00Z", "detected": "2026-09-02T01:25:00Z", "alerted": "2026-09-02T01:26:00Z", "restored": "2026-09-02T03:00:00Z", "root_cause": "Agent update stalled", "risk_assessment": "No activity in the gap", "remediation": "Watchdog added", "monitoring_resumed": "2026-09-02T03:00:00Z"}

_failures_input(types, failures) := {"evidence": {"control_failures": [{"id": "cf", "facts": {"alerting": [{"control": t, "alerts": true} | some t in types], "failures": failures}}]}}

test_every_type_alerting_and_failure_alerted_passes if {
	count(failures.control_failure_unalerted) == 0 with input as _failures_input(_all, [_failure])
}

test_type_without_alerting_fails if {
	fs := failures.control_failure_unalerted with input as _failures_input(array.slice(_all, 0, 9), [_failure])
	[f.msg | some f in fs] == ["a failure of security_testing_tools raises no alert"]
}

test_service_provider_list_before_2025_is_shorter if {
	count(failures.control_failure_unalerted_sp) == 0 with input as _failures_input(array.slice(_all, 0, 8), [_failure])
}

test_failure_without_alert_fails if {
	count(failures.control_failure_unalerted) == 1 with input as _failures_input(_all, [object.remove(_failure, ["alerted"])])
}

test_failure_restored_and_root_caused_passes if {
	count(failures.control_failure_unresolved) == 0 with input as _failures_input(_all, [_failure])
}

test_open_failure_without_root_cause_fails if {
	fs := failures.control_failure_unresolved with input as _failures_input(_all, [object.remove(_failure, ["restored", "root_cause", "monitoring_resumed"])])
	[f.msg | some f in fs] == ["failure CF-1 (anti_malware, started 2026-09-02T01:10:00Z) records no restored, root_cause, monitoring_resumed"]
}

test_restored_before_started_fails if {
	count(failures.control_failure_unresolved) == 1 with input as _failures_input(_all, [object.union(_failure, {"restored": "2026-09-01T00:00:00Z"})])
}
