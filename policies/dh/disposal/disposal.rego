# Data handling: certified disposal (ids DH-DISPOSAL-*).
package dh.disposal

import future.keywords.not
import rego.v1

import data.lib.finding
import data.lib.text

_fields := ["supplier", "certificate_id", "standard"]

# DH-DISPOSAL-02 (insecure disposal): every disposal batch, including those destroyed for a
# processor, has a certificate of destruction from an approved supplier naming the standard.
certificate_inadequate contains finding.of(doc, sprintf("facts.batches[%d]", [i]), msg) if {
	some doc in input.evidence.disposal_certificates
	some i, batch in doc.facts.batches
	missing := [field | some field in _fields; not text.stated(batch, field)]
	count(missing) > 0
	msg := sprintf("disposal batch %s (%s) has no %s", [batch.id, batch.date, concat(", ", missing)])
}

certificate_inadequate contains finding.of(doc, sprintf("facts.batches[%d].supplier", [i]), msg) if {
	some doc in input.evidence.disposal_certificates
	some i, batch in doc.facts.batches
	text.stated(batch, "supplier")
	not batch.supplier in object.get(doc.facts, "approved_suppliers", [])
	msg := sprintf("disposal batch %s (%s) was destroyed by %s, which is not an approved supplier", [batch.id, batch.date, batch.supplier])
}

certificate_inadequate contains finding.of(doc, sprintf("facts.batches[%d].date", [i]), msg) if {
	some doc in input.evidence.disposal_certificates
	some i, batch in doc.facts.batches
	batch.date > input.as_of
	msg := sprintf("disposal batch %s is dated %s, after the assessment date", [batch.id, batch.date])
}

# A processor that destroys records for the organisation (processor_contracts, disposal: true)
# must be one of the approved disposal suppliers, so that its batches carry certificates.
certificate_inadequate contains finding.of(doc, sprintf("facts.processors[%d].disposal", [i]), msg) if {
	some doc in input.evidence.processor_contracts
	some i, processor in doc.facts.processors
	processor.disposal == true
	not _approved_supplier(processor.name)
	msg := sprintf("processor %s disposes of records for the organisation but is not an approved disposal supplier", [processor.name])
}

_approved_supplier(name) if {
	some certificates in input.evidence.disposal_certificates
	name in object.get(certificates.facts, "approved_suppliers", [])
}
