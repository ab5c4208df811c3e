# PCI DSS v4.0.1 Appendix A2: card-present POS POI terminals that still use SSL or early TLS.
package pci.appendix_a2

import future.keywords.not
import rego.v1

import data.lib.finding

# PCI-A2.1.1: each POI terminal still on SSL or early TLS has a documented confirmation that
# it is not susceptible to known exploits of those protocols.
early_tls_poi_unassessed contains finding.of(doc, sprintf("facts.devices[%d].early_tls_assessment", [i]), msg) if {
	some doc in input.evidence.poi_devices
	some i, device in doc.facts.devices
	not object.get(device, "tls_version", "not stated") in {"TLS 1.2", "TLS 1.3"}
	not _assessed(device)
	msg := sprintf("POI device %s at %s uses %v without a documented confirmation that it resists known SSL/early TLS exploits", [device.serial, device.location, object.get(device, "tls_version", "an unstated protocol")])
}

_assessed(device) if count(trim_space(device.early_tls_assessment)) > 0
