package pci.logs_test

import future.keywords.not
import rego.v1

import data.pci.logs

_cfg(facts) := {"evidence": {"logging_config": [{"id": "lc", "facts": object.union({"platform": "Sentinel", "retention_months": 12, "immediately_available_months": 3}, facts)}]}}

test_log_access_by_role_with_need_passes if {
	count(logs.log_read_access_unlimited) == 0 with input as _cfg({"log_read_access": [{"role": "SOC analyst", "need": "Triage"}]})
}

test_log_access_unrecorded_or_open_to_all_fails if {
	count(logs.log_read_access_unlimited) == 1 with input as _cfg({})
	fs := logs.log_read_access_unlimited with input as _cfg({"log_read_access": [{"role": "All staff", "need": "Convenience"}]})
	[f.msg | some f in fs] == ["Sentinel: audit logs readable by All staff, not limited to a job-related need"]
}

test_log_tamper_protection if {
	count(logs.log_modifiable) == 0 with input as _cfg({"tamper_protection": "immutable_storage"})
	count(logs.log_modifiable) == 1 with input as _cfg({"tamper_protection": "none"})
	fs := logs.log_modifiable with input as _cfg({})
	[f.msg | some f in fs] == ["Sentinel: audit logs are protected from modification by no stated means"]
}

_time(facts) := {"evidence": {"time_sync": [{"id": "ts", "facts": object.union({"servers": [], "systems": []}, facts)}]}}

test_time_settings if {
	count(logs.time_settings_unprotected) == 0 with input as _time({"settings_change_restricted": true, "changes_logged": true})
	count(logs.time_settings_unprotected) == 1 with input as _time({"settings_change_restricted": true})
	count(logs.time_settings_unprotected) == 2 with input as _time({})
}

_ep(facts) := {"evidence": {"endpoint_protection": [{"id": "ep", "facts": object.union({"product": "Defender", "hosts": []}, facts)}]}}

test_antimalware_logs if {
	count(logs.antimalware_logs_missing) == 0 with input as _ep({"audit_logs_enabled": true, "audit_log_retention_months": 12})
	count(logs.antimalware_logs_missing) == 1 with input as _ep({"audit_logs_enabled": true, "audit_log_retention_months": 11})
	count(logs.antimalware_logs_missing) == 2 with input as _ep({})
}

_tls(facts) := {"evidence": {"tls_config": [{"id": "tls", "facts": object.union({"endpoint": "pay.example", "transmits_pan": true}, facts)}]}}

test_certificate_inventory if {
	count(logs.certificate_inventory_incomplete) == 0 with input as _tls({"certificate": {"subject": "CN=pay", "issuer": "CA", "expires": "2027-01-01"}})
	fs := logs.certificate_inventory_incomplete with input as _tls({"certificate": {"subject": "CN=pay"}})
	[f.msg | some f in fs] == ["pay.example transmits PAN and its certificate's issuer, expires is not recorded"]
	count(logs.certificate_inventory_incomplete) == 1 with input as _tls({"transmits_pan": false})
}
