package pci.req9_test

import future.keywords.not
import rego.v1

import data.pci.req9

_facility := {
	"name": "Contact centre", "cde": true, "entry_control": "badge_and_pin",
	"monitoring": "cctv", "monitoring_retention_months": 3,
	"visitor_log_retention_months": 3,
	"visitor_log_fields": ["name", "organisation", "date_time", "authorised_by"],
}

_physical(changes) := {"as_of": "2026-11-01", "evidence": {"physical_access": [{"id": "pa", "facts": {"facilities": [object.union(_facility, changes)]}}]}}

_physical_without(key) := {"as_of": "2026-11-01", "evidence": {"physical_access": [{"id": "pa", "facts": {"facilities": [object.remove(_facility, [key])]}}]}}

test_entry_control_passes if {
	count(req9.facility_entry_uncontrolled) == 0 with input as _physical({})
}

test_no_entry_control_fails if {
	count(req9.facility_entry_uncontrolled) == 1 with input as _physical({"entry_control": "none"})
}

test_missing_entry_control_fails if {
	count(req9.facility_entry_uncontrolled) == 1 with input as _physical_without("entry_control")
}

test_non_cde_facility_is_not_judged if {
	count(req9.facility_entry_uncontrolled) == 0 with input as _physical({"cde": false, "entry_control": "none"})
}

test_monitoring_three_months_passes if {
	count(req9.sensitive_area_monitoring_weak) == 0 with input as _physical({})
}

test_monitoring_two_months_fails if {
	count(req9.sensitive_area_monitoring_weak) == 1 with input as _physical({"monitoring_retention_months": 2})
}

test_no_monitoring_fails if {
	count(req9.sensitive_area_monitoring_weak) == 1 with input as _physical({"monitoring": "none"})
}

test_missing_monitoring_facts_fail if {
	count(req9.sensitive_area_monitoring_weak) == 2 with input as {"evidence": {"physical_access": [{"id": "pa", "facts": {"facilities": [{"name": "x", "cde": true, "entry_control": "key"}]}}]}}
}

test_visitor_log_three_months_passes if {
	count(req9.visitor_log_inadequate) == 0 with input as _physical({})
}

test_visitor_log_two_months_fails if {
	count(req9.visitor_log_inadequate) == 1 with input as _physical({"visitor_log_retention_months": 2})
}

test_visitor_log_missing_authoriser_fails if {
	count(req9.visitor_log_inadequate) == 1 with input as _physical({"visitor_log_fields": ["name", "organisation", "date_time"]})
}

test_visitor_log_missing_facts_fail if {
	count(req9.visitor_log_inadequate) == 2 with input as _physical_without("visitor_log_retention_months") with input.evidence.physical_access as [{"id": "pa", "facts": {"facilities": [{"name": "x", "cde": true}]}}]
}

_media(changes) := {"as_of": "2026-11-01", "evidence": {"media_inventory": [{"id": "mi", "facts": object.union(_media_facts, changes)}]}}

_media_facts := {
	"last_inventory": "2025-11-01",
	"media": [{"label": "Tape 1", "type": "backup_tape", "classification": "OFFICIAL-SENSITIVE", "location": "Vault", "offline_backup": true}],
	"backup_locations": [{"name": "Vault", "last_security_review": "2025-11-01"}],
	"hard_copy_destruction_methods": ["cross-cut shred", "pulp"],
}

test_backup_review_exactly_12_months_passes if {
	count(req9.backup_location_review_overdue) == 0 with input as _media({})
}

test_backup_review_12_months_and_a_day_fails if {
	count(req9.backup_location_review_overdue) == 1 with input as _media({"backup_locations": [{"name": "Vault", "last_security_review": "2025-10-31"}]})
}

test_backup_review_missing_date_fails if {
	count(req9.backup_location_review_overdue) == 1 with input as _media({"backup_locations": [{"name": "Vault"}]})
}

test_offline_backup_without_location_fails if {
	count(req9.backup_location_review_overdue) == 1 with input as _media({"backup_locations": []})
}

test_classified_media_passes if {
	count(req9.media_unclassified) == 0 with input as _media({})
}

test_unclassified_media_fails if {
	count(req9.media_unclassified) == 1 with input as _media({"media": [{"label": "USB 3", "type": "removable_disk", "location": "Safe"}]})
}

test_blank_classification_fails if {
	count(req9.media_unclassified) == 1 with input as _media({"media": [{"label": "USB 3", "type": "removable_disk", "location": "Safe", "classification": " "}]})
}

test_located_media_passes if {
	count(req9.media_inventory_incomplete) == 0 with input as _media({})
}

test_unlocated_electronic_media_fails if {
	count(req9.media_inventory_incomplete) == 1 with input as _media({"media": [{"label": "USB 3", "type": "removable_disk", "location": ""}]})
}

test_missing_inventory_fails if {
	count(req9.media_inventory_incomplete) == 1 with input as {"evidence": {"media_inventory": [{"id": "mi", "facts": {}}]}}
}

test_inventory_exactly_12_months_passes if {
	count(req9.media_inventory_overdue) == 0 with input as _media({})
}

test_inventory_12_months_and_a_day_fails if {
	count(req9.media_inventory_overdue) == 1 with input as _media({"last_inventory": "2025-10-31"})
}

test_inventory_date_missing_fails if {
	count(req9.media_inventory_overdue) == 1 with input as {"as_of": "2026-11-01", "evidence": {"media_inventory": [{"id": "mi", "facts": {"media": []}}]}}
}

test_approved_destruction_passes if {
	count(req9.hard_copy_destruction_weak) == 0 with input as _media({})
}

test_strip_shredding_fails if {
	count(req9.hard_copy_destruction_weak) == 1 with input as _media({"hard_copy_destruction_methods": ["cross-cut shred", "strip shred"]})
}

test_no_destruction_method_fails if {
	count(req9.hard_copy_destruction_weak) == 1 with input as {"evidence": {"media_inventory": [{"id": "mi", "facts": {"media": []}}]}}
}

_device := {"make": "Ingenico", "model": "Move/5000", "serial": "S1", "location": "Till 1", "last_inspected": "2026-10-25", "inspection_frequency_days": 7}

_poi(changes, tra) := {"as_of": "2026-11-01", "evidence": {"poi_devices": [{"id": "poi", "facts": {"targeted_risk_analysis": tra, "devices": [object.union(_device, changes)]}}], "targeted_risk_analysis": [{"id": "tra", "facts": {"analyses": [{"requirement": "9.5.1.2.1", "reference": "TRA-9", "approach": "flexible_frequency", "last_reviewed": "2025-11-01", "frequency_days": 7}]}}]}}

_tra := {"reference": "TRA-9", "performed": "2025-11-01"}

test_complete_poi_list_passes if {
	count(req9.poi_list_incomplete) == 0 with input as _poi({}, _tra)
}

test_poi_without_serial_fails if {
	count(req9.poi_list_incomplete) == 1 with input as {"evidence": {"poi_devices": [{"id": "poi", "facts": {"devices": [object.remove(_device, ["serial"])]}}]}}
}

test_poi_blank_location_fails if {
	count(req9.poi_list_incomplete) == 1 with input as _poi({"location": " "}, _tra)
}

test_poi_inspected_on_the_last_day_passes if {
	count(req9.poi_inspection_overdue) == 0 with input as _poi({}, _tra)
}

test_poi_inspected_a_day_late_fails if {
	count(req9.poi_inspection_overdue) == 1 with input as _poi({"last_inspected": "2026-10-24"}, _tra)
}

test_poi_never_inspected_fails if {
	count(req9.poi_inspection_overdue) == 1 with input as {"as_of": "2026-11-01", "evidence": {"poi_devices": [{"id": "poi", "facts": {"devices": [object.remove(_device, ["last_inspected"])]}}]}}
}

test_poi_tra_exactly_12_months_passes if {
	count(req9.poi_inspection_frequency_unjustified) == 0 with input as _poi({}, _tra)
}

test_poi_tra_older_than_12_months_fails if {
	count(req9.poi_inspection_frequency_unjustified) == 1 with input as _poi({}, {"reference": "TRA-9", "performed": "2025-10-31"})
}

test_poi_without_tra_or_frequency_fails if {
	count(req9.poi_inspection_frequency_unjustified) == 2 with input as {"as_of": "2026-11-01", "evidence": {"poi_devices": [{"id": "poi", "facts": {"devices": [object.remove(_device, ["inspection_frequency_days"])]}}]}}
}

test_facility_without_cde_fact_is_judged if {
	bare := {"as_of": "2026-11-01", "evidence": {"physical_access": [{"id": "pa", "facts": {"facilities": [{"name": "Annexe"}]}}]}}
	count(req9.facility_entry_uncontrolled) == 1 with input as bare
	count(req9.sensitive_area_monitoring_weak) == 2 with input as bare
	count(req9.visitor_log_inadequate) == 2 with input as bare
}
