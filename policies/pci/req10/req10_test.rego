package pci.req10_test

import future.keywords.not
import rego.v1

import data.pci.req10

_input(kept, online) := {"evidence": {"logging_config": [{"id": "log", "facts": {"retention_months": kept, "immediately_available_months": online}}]}}

test_twelve_and_three_months_pass if {
	count(req10.log_retention_too_short) == 0 with input as _input(12, 3)
}

test_eleven_months_fails if {
	count(req10.log_retention_too_short) == 1 with input as _input(11, 3)
}

test_two_months_online_fails if {
	count(req10.log_retention_too_short) == 1 with input as _input(12, 2)
}

test_missing_retention_facts_fail if {
	count(req10.log_retention_too_short) == 2 with input as {"evidence": {"logging_config": [{"id": "log", "facts": {}}]}}
}

test_review_without_frequency_fails if {
	facts := object.union(object.remove(_log, ["review"]), {"review": {"automated": true}})
	count(req10.critical_log_review_not_daily) == 1 with input as {"as_of": "2026-11-01", "evidence": {"logging_config": [{"id": "log", "facts": facts}]}}
}

_log := {
	"platform": "Sentinel",
	"retention_months": 12, "immediately_available_months": 3,
	"components": [{"name": "pay-web-01", "logging_enabled": true, "forwarded_to_central": true}],
	"events_captured": ["user_access_chd", "admin_actions", "audit_log_access", "invalid_access", "credential_changes", "log_start_stop", "object_create_delete"],
	"record_fields": ["user", "event_type", "time", "outcome", "origin", "resource"],
	"review": {"frequency": "daily", "automated": true},
	"other_components_review": {"frequency_days": 7, "targeted_risk_analysis": {"reference": "TRA-10", "performed": "2025-11-01"}},
}

_log_input(changes) := {"as_of": "2026-11-01", "evidence": {"logging_config": [{"id": "log", "facts": object.union(_log, changes)}], "targeted_risk_analysis": [_register]}}

_log_without(keys) := {"as_of": "2026-11-01", "evidence": {"logging_config": [{"id": "log", "facts": object.remove(_log, keys)}], "targeted_risk_analysis": [_register]}}

# The 12.3.1 register entry the citation TRA-10 matches (checked by data.pci.tra).
_register := {"id": "tra", "facts": {"analyses": [{"requirement": "10.4.2.1", "reference": "TRA-10", "approach": "flexible_frequency", "last_reviewed": "2025-11-01", "frequency_days": 7}]}}

test_complete_logging_config_passes_every_rule if {
	every rule in _rules {
		count(rule) == 0
	} with input as _log_input({})
}

_rules := [
	req10.logging_not_enabled, req10.user_access_not_logged, req10.admin_actions_not_logged,
	req10.log_access_not_logged, req10.invalid_access_not_logged, req10.credential_changes_not_logged,
	req10.log_start_stop_not_logged, req10.object_changes_not_logged, req10.log_record_fields_missing,
	req10.logs_not_centralised, req10.critical_log_review_not_daily, req10.log_review_not_automated,
	req10.other_log_review_missing, req10.other_log_review_unjustified,
]

test_logging_disabled_component_fails if {
	count(req10.logging_not_enabled) == 1 with input as _log_input({"components": [{"name": "pay-db", "logging_enabled": false}]})
}

test_no_components_fails_logging_and_forwarding if {
	count(req10.logging_not_enabled) == 1 with input as _log_without(["components"])
	count(req10.logs_not_centralised) == 1 with input as _log_without(["components"])
}

test_unforwarded_component_fails if {
	count(req10.logs_not_centralised) == 1 with input as _log_input({"components": [{"name": "pay-db", "logging_enabled": true}]})
}

test_each_missing_event_category_fails_its_rule if {
	count(req10.user_access_not_logged) == 1 with input as _log_without(["events_captured"])
	count(req10.admin_actions_not_logged) == 1 with input as _log_without(["events_captured"])
	count(req10.log_access_not_logged) == 1 with input as _log_without(["events_captured"])
	count(req10.invalid_access_not_logged) == 1 with input as _log_without(["events_captured"])
	count(req10.credential_changes_not_logged) == 1 with input as _log_without(["events_captured"])
	count(req10.log_start_stop_not_logged) == 1 with input as _log_without(["events_captured"])
	count(req10.object_changes_not_logged) == 1 with input as _log_without(["events_captured"])
}

test_one_missing_category_fails_only_its_rule if {
	events := ["user_access_chd", "admin_actions", "audit_log_access", "credential_changes", "log_start_stop", "object_create_delete"]
	count(req10.invalid_access_not_logged) == 1 with input as _log_input({"events_captured": events})
	count(req10.admin_actions_not_logged) == 0 with input as _log_input({"events_captured": events})
}

test_record_without_origin_fails if {
	count(req10.log_record_fields_missing) == 1 with input as _log_input({"record_fields": ["user", "event_type", "time", "outcome", "resource"]})
}

test_record_fields_missing_fails if {
	count(req10.log_record_fields_missing) == 1 with input as _log_without(["record_fields"])
}

test_weekly_review_fails if {
	count(req10.critical_log_review_not_daily) == 1 with input as _log_input({"review": {"frequency": "weekly", "automated": true}})
}

test_no_review_fails_daily_and_automated if {
	count(req10.critical_log_review_not_daily) == 1 with input as _log_without(["review"])
	count(req10.log_review_not_automated) == 1 with input as _log_without(["review"])
}

test_manual_review_fails if {
	count(req10.log_review_not_automated) == 1 with input as _log_input({"review": {"frequency": "daily", "automated": false}})
}

test_no_other_review_fails if {
	count(req10.other_log_review_missing) == 1 with input as _log_without(["other_components_review"])
	count(req10.other_log_review_unjustified) == 1 with input as _log_without(["other_components_review"])
}

test_other_review_tra_older_than_12_months_fails if {
	review := {"frequency_days": 7, "targeted_risk_analysis": {"reference": "TRA-10", "performed": "2025-10-31"}}
	count(req10.other_log_review_unjustified) == 1 with input as _log_input({"other_components_review": review})
}

test_fim_on_audit_logs_passes if {
	fim := {"id": "fim", "facts": {"tool": "Wazuh", "comparison_interval_days": 1, "monitored": [{"system": "siem", "alerts": true, "audit_logs": true}]}}
	count(req10.log_integrity_unmonitored) == 0 with input as {"evidence": {"change_detection": [fim]}}
}

test_fim_without_audit_logs_fails if {
	fim := {"id": "fim", "facts": {"tool": "Wazuh", "comparison_interval_days": 1, "monitored": [{"system": "web", "alerts": true}]}}
	count(req10.log_integrity_unmonitored) == 1 with input as {"evidence": {"change_detection": [fim]}}
}

test_no_fim_evidence_fails if {
	inp := {"evidence": {"change_detection": [{"id": "cd", "facts": {}}]}}
	count(req10.log_integrity_unmonitored) == 1 with input as inp
	found1 := req10.log_integrity_unmonitored with input as inp
	every f in found1 {
		f.evidence == "cd"
	}
}

_time(server, system) := {"evidence": {"time_sync": [{"id": "ts", "facts": {"servers": [object.union({"name": "ntp1", "reference": "UTC", "external_sources": ["ntp.example"]}, server)], "systems": [object.union({"name": "pay-web-01", "synchronised": true, "source": "ntp1"}, system)]}}]}}

test_synchronised_clocks_pass if {
	count(req10.clock_not_synchronised) == 0 with input as _time({}, {})
	count(req10.time_source_not_designated) == 0 with input as _time({}, {})
}

test_unsynchronised_clock_fails if {
	count(req10.clock_not_synchronised) == 1 with input as _time({}, {"synchronised": false})
}

test_local_time_scale_fails if {
	count(req10.time_source_not_designated) == 1 with input as _time({"reference": "local"}, {})
}

test_tai_time_scale_passes if {
	count(req10.time_source_not_designated) == 0 with input as _time({"reference": "TAI"}, {})
}

test_server_without_external_source_fails if {
	count(req10.time_source_not_designated) == 1 with input as _time({"external_sources": []}, {})
}

test_system_on_undesignated_source_fails if {
	count(req10.time_source_not_designated) == 1 with input as _time({}, {"source": "pool.ntp.org"})
}

test_system_without_source_fails if {
	ts := {"evidence": {"time_sync": [{"id": "ts", "facts": {"servers": [{"name": "ntp1", "reference": "UTC", "external_sources": ["x"]}], "systems": [{"name": "pay-db", "synchronised": true}]}}]}}
	count(req10.time_source_not_designated) == 1 with input as ts
}
