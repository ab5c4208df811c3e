# PCI DSS v4.0.1 Requirement 9: restrict physical access to cardholder data.
package pci.req9

import future.keywords.not
import rego.v1

import data.lib.dates
import data.lib.finding
import data.lib.text
import data.pci.tra

# Facilities are judged unless marked `cde: false` (absent: judged, fail closed).

# PCI-9.2.1: every facility housing CDE systems controls who can enter it.
facility_entry_uncontrolled contains finding.of(doc, sprintf("facts.facilities[%d].entry_control", [i]), msg) if {
	some doc in input.evidence.physical_access
	some i, facility in doc.facts.facilities
	not facility.cde == false
	not _entry_controlled(facility)
	msg := sprintf("%s: no entry control to the facility (%v)", [facility.name, object.get(facility, "entry_control", "not stated")])
}

_entry_controlled(facility) if {
	is_string(facility.entry_control)
	facility.entry_control != "none"
}

# PCI-9.2.1.1: entry to sensitive areas watched by CCTV or access control, data kept 3 months.
sensitive_area_monitoring_weak contains finding.of(doc, sprintf("facts.facilities[%d].monitoring", [i]), msg) if {
	some doc in input.evidence.physical_access
	some i, facility in doc.facts.facilities
	not facility.cde == false
	not object.get(facility, "monitoring", "none") in {"cctv", "access_control", "cctv_and_access_control"}
	msg := sprintf("%s: entry and exit of the sensitive area are not monitored by CCTV or access control", [facility.name])
}

sensitive_area_monitoring_weak contains finding.of(doc, sprintf("facts.facilities[%d].monitoring_retention_months", [i]), msg) if {
	some doc in input.evidence.physical_access
	some i, facility in doc.facts.facilities
	not facility.cde == false
	not object.get(facility, "monitoring_retention_months", 0) >= 3
	msg := sprintf("%s: monitoring data kept %v months; need at least 3", [facility.name, object.get(facility, "monitoring_retention_months", "not stated")])
}

# PCI-9.3.4: a visitor log recording name, organisation, date/time and authoriser, kept 3 months.
visitor_log_inadequate contains finding.of(doc, sprintf("facts.facilities[%d].visitor_log_retention_months", [i]), msg) if {
	some doc in input.evidence.physical_access
	some i, facility in doc.facts.facilities
	not facility.cde == false
	not object.get(facility, "visitor_log_retention_months", 0) >= 3
	msg := sprintf("%s: visitor log kept %v months; need at least 3", [facility.name, object.get(facility, "visitor_log_retention_months", "not stated")])
}

visitor_log_inadequate contains finding.of(doc, sprintf("facts.facilities[%d].visitor_log_fields", [i]), msg) if {
	some doc in input.evidence.physical_access
	some i, facility in doc.facts.facilities
	not facility.cde == false
	missing := _visitor_fields - {f | some f in object.get(facility, "visitor_log_fields", [])}
	count(missing) > 0
	msg := sprintf("%s: visitor log does not record %s", [facility.name, concat(", ", sort(missing))])
}

_visitor_fields := {"name", "organisation", "date_time", "authorised_by"}

# PCI-9.4.1.2: each offline backup location's security reviewed within the last 12 months.
backup_location_review_overdue contains finding.of(doc, sprintf("facts.backup_locations[%d].last_security_review", [i]), msg) if {
	some doc in input.evidence.media_inventory
	some i, location in object.get(doc.facts, "backup_locations", [])
	not _reviewed_within_12_months(location, input.as_of)
	msg := sprintf("%s: security of the backup location last reviewed %v; need within 12 months", [location.name, object.get(location, "last_security_review", "never")])
}

backup_location_review_overdue contains finding.of(doc, "facts.backup_locations", msg) if {
	some doc in input.evidence.media_inventory
	some item in doc.facts.media
	item.offline_backup == true
	count(object.get(doc.facts, "backup_locations", [])) == 0
	msg := sprintf("%s: offline backup media but no backup storage location is recorded", [item.label])
}

_reviewed_within_12_months(location, as_of) if dates.within_months(location.last_security_review, as_of, 12)

# PCI-9.4.2: every item of media with cardholder data carries a sensitivity classification.
media_unclassified contains finding.of(doc, sprintf("facts.media[%d].classification", [i]), msg) if {
	some doc in input.evidence.media_inventory
	some i, item in doc.facts.media
	not _classified(item)
	msg := sprintf("%s: media has no sensitivity classification", [item.label])
}

_classified(item) if count(trim_space(item.classification)) > 0

# PCI-9.4.5: the inventory names each item of electronic media and where it is.
media_inventory_incomplete contains finding.of(doc, "facts.media", "no media inventory is recorded") if {
	some doc in input.evidence.media_inventory
	not is_array(object.get(doc.facts, "media", null))
}

media_inventory_incomplete contains finding.of(doc, sprintf("facts.media[%d].location", [i]), msg) if {
	some doc in input.evidence.media_inventory
	some i, item in doc.facts.media
	item.type != "paper"
	not _located(item)
	msg := sprintf("%s: electronic media has no recorded location", [item.label])
}

_located(item) if count(trim_space(item.location)) > 0

# PCI-9.4.5.1: the electronic media inventory checked within the last 12 months.
media_inventory_overdue contains finding.of(doc, "facts.last_inventory", msg) if {
	some doc in input.evidence.media_inventory
	not dates.within_months(object.get(doc.facts, "last_inventory", "0001-01-01"), input.as_of, 12)
	msg := sprintf("media inventory last conducted %v; need within 12 months", [object.get(doc.facts, "last_inventory", "never")])
}

# PCI-9.4.6: hard copy destroyed only by cross-cut shredding, incineration or pulping.
hard_copy_destruction_weak contains finding.of(doc, "facts.hard_copy_destruction_methods", msg) if {
	some doc in input.evidence.media_inventory
	methods := object.get(doc.facts, "hard_copy_destruction_methods", [])
	count(methods) == 0
	msg := "no destruction method is recorded for hard-copy media"
}

hard_copy_destruction_weak contains finding.of(doc, sprintf("facts.hard_copy_destruction_methods[%d]", [i]), msg) if {
	some doc in input.evidence.media_inventory
	some i, method in object.get(doc.facts, "hard_copy_destruction_methods", [])
	not method in _destruction_methods
	msg := sprintf("hard copy destroyed by %q; only cross-cut shred, incinerate or pulp make it unrecoverable", [method])
}

_destruction_methods := {"cross-cut shred", "incinerate", "pulp"}

# PCI-9.5.1.1: the POI device list gives make, model, serial number and location of each device.
poi_list_incomplete contains finding.of(doc, sprintf("facts.devices[%d]", [i]), msg) if {
	some doc in input.evidence.poi_devices
	some i, device in doc.facts.devices
	missing := {field | some field in ["make", "model", "serial", "location"]; not text.stated(device, field)}
	count(missing) > 0
	msg := sprintf("POI device %v: list lacks %s", [object.get(device, "serial", i), concat(", ", sort(missing))])
}

# PCI-9.5.1.2: each POI device inspected within its inspection interval before as_of.
poi_inspection_overdue contains finding.of(doc, sprintf("facts.devices[%d].last_inspected", [i]), msg) if {
	some doc in input.evidence.poi_devices
	some i, device in doc.facts.devices
	not _inspected_in_time(device, input.as_of)
	msg := sprintf("POI device %s at %s: last inspected %v, interval %v days", [device.serial, device.location, object.get(device, "last_inspected", "never"), object.get(device, "inspection_frequency_days", "not set")])
}

_inspected_in_time(device, as_of) if dates.within_days(device.last_inspected, as_of, device.inspection_frequency_days)

# PCI-9.5.1.2.1: inspection frequency set per device by a targeted risk analysis no older than 12 months.
poi_inspection_frequency_unjustified contains finding.of(doc, "facts.targeted_risk_analysis", msg) if {
	some doc in input.evidence.poi_devices
	not dates.within_months(object.get(doc.facts, "targeted_risk_analysis", {}).performed, input.as_of, 12)
	msg := "no targeted risk analysis of the last 12 months sets the POI inspection frequency"
}

poi_inspection_frequency_unjustified contains finding.of(doc, sprintf("facts.devices[%d].inspection_frequency_days", [i]), msg) if {
	some doc in input.evidence.poi_devices
	some i, device in doc.facts.devices
	not is_number(object.get(device, "inspection_frequency_days", null))
	msg := sprintf("POI device %s: no inspection frequency set", [device.serial])
}

# The analysis cited matches one in the 12.3.1 register, at a sane frequency.
poi_inspection_frequency_unjustified contains f if some f in tra.findings(input.evidence, input.as_of, "9.5.1.2.1")
