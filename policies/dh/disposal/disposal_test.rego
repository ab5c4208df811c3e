package dh.disposal_test

import future.keywords.not
import rego.v1

import data.dh.disposal

_batch := {"id": "DB-1", "date": "2026-09-30", "media": "paper", "supplier": "Shredall Ltd", "certificate_id": "SA-1", "standard": "BS EN 15713"}

_input(batch) := {"as_of": "2026-11-01", "evidence": {"disposal_certificates": [{"id": "dc", "facts": {"approved_suppliers": ["Shredall Ltd"], "batches": [batch]}}]}}

test_certified_batch_passes if {
	count(disposal.certificate_inadequate) == 0 with input as _input(_batch)
}

test_processor_batch_with_certificate_passes if {
	count(disposal.certificate_inadequate) == 0 with input as _input(object.union(_batch, {"processor": "Barset Care Ltd"}))
}

test_batch_without_certificate_fails if {
	fs := disposal.certificate_inadequate with input as _input(object.remove(_batch, ["certificate_id", "standard"]))
	count(fs) == 1
	some f in fs
	contains(f.msg, "certificate_id, standard")
}

test_batch_without_supplier_fails if {
	count(disposal.certificate_inadequate) == 1 with input as _input(object.union(_batch, {"supplier": " "}))
}

test_unapproved_supplier_fails if {
	count(disposal.certificate_inadequate) == 1 with input as _input(object.union(_batch, {"supplier": "Man with a van"}))
}

test_no_approved_supplier_list_fails if {
	count(disposal.certificate_inadequate) == 1 with input as {"as_of": "2026-11-01", "evidence": {"disposal_certificates": [{"id": "dc", "facts": {"batches": [_batch]}}]}}
}

test_batch_on_assessment_date_passes if {
	count(disposal.certificate_inadequate) == 0 with input as _input(object.union(_batch, {"date": "2026-11-01"}))
}

test_future_batch_fails if {
	count(disposal.certificate_inadequate) == 1 with input as _input(object.union(_batch, {"date": "2026-11-02"}))
}

_with_processor(p) := object.union(_input(_batch), {"evidence": {"processor_contracts": [{"id": "pc", "facts": {"processors": [p]}}]}})

test_disposing_processor_on_approved_list_passes if {
	count(disposal.certificate_inadequate) == 0 with input as _with_processor({"name": "Shredall Ltd", "service": "Shredding", "disposal": true})
	count(disposal.certificate_inadequate) == 0 with input as _with_processor({"name": "Barset Print", "service": "Printing"})
}

test_disposing_processor_not_approved_fails if {
	fs := disposal.certificate_inadequate with input as _with_processor({"name": "Skip Hire Co", "service": "Waste", "disposal": true})
	count(fs) == 1
	some f in fs
	contains(f.msg, "Skip Hire Co")
}
