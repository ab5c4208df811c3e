package dh.dpia_test

import future.keywords.not
import rego.v1

import data.dh.dpia

_activity := {"id": "PA-07", "name": "Care records sharing", "high_risk": true, "started": "2025-10-01"}

_dpia := {"id": "DPIA-1", "activity": "PA-07", "status": "completed", "completed": "2025-10-01"}

_input(activity, dpias) := {"evidence": {
	"records_of_processing": [{"id": "ropa", "facts": {"activities": [activity]}}],
	"dpia_register": [{"id": "dpias", "facts": {"dpias": dpias}}],
}}

test_dpia_completed_on_start_day_passes if {
	count(dpia.dpia_missing) == 0 with input as _input(_activity, [_dpia])
}

test_dpia_completed_day_after_start_fails if {
	count(dpia.dpia_missing) == 1 with input as _input(_activity, [object.union(_dpia, {"completed": "2025-10-02"})])
}

test_high_risk_without_dpia_fails if {
	count(dpia.dpia_missing) == 1 with input as _input(_activity, [])
	count(dpia.dpia_missing) == 1 with input as {"evidence": {"records_of_processing": [{"id": "ropa", "facts": {"activities": [_activity]}}]}}
}

test_dpia_in_progress_fails if {
	count(dpia.dpia_missing) == 1 with input as _input(_activity, [object.union(_dpia, {"status": "in_progress"})])
	count(dpia.dpia_missing) == 1 with input as _input(_activity, [object.remove(_dpia, ["completed"])])
}

test_unknown_start_date_fails if {
	count(dpia.dpia_missing) == 1 with input as _input(object.remove(_activity, ["started"]), [_dpia])
}

test_low_risk_activity_needs_no_dpia if {
	count(dpia.dpia_missing) == 0 with input as _input(object.union(_activity, {"high_risk": false}), [])
}

test_unscreened_activity_fails if {
	count(dpia.dpia_missing) == 1 with input as _input(object.remove(_activity, ["high_risk"]), [])
}

_consult(dpia, started) := {"evidence": {
	"dpia_register": [{"id": "reg", "facts": {"dpias": [object.union({"id": "DPIA-1", "activity": "PA-1", "status": "completed", "completed": "2026-01-10"}, dpia)]}}],
	"records_of_processing": [{"id": "ropa", "facts": {"activities": [{"id": "PA-1", "name": "Care records", "high_risk": true, "started": started}]}}],
}}

test_high_residual_risk_consulted_before_start_passes if {
	count(dpia.prior_consultation_missing) == 0 with input as _consult({"residual_risk": "high", "ico_consulted": "2026-02-01"}, "2026-02-01")
}

test_high_residual_risk_without_consultation_fails if {
	fs := dpia.prior_consultation_missing with input as _consult({"residual_risk": "high"}, "2026-03-01")
	[f.msg | some f in fs] == ["DPIA DPIA-1 (activity PA-1) leaves a high residual risk and the ICO has not been consulted"]
}

test_consultation_after_processing_started_fails if {
	count(dpia.prior_consultation_missing) == 1 with input as _consult({"residual_risk": "high", "ico_consulted": "2026-02-02"}, "2026-02-01")
}

test_medium_residual_risk_needs_no_consultation if {
	count(dpia.prior_consultation_missing) == 0 with input as _consult({"residual_risk": "medium"}, "2026-02-01")
}

test_residual_risk_not_recorded_fails if {
	count(dpia.prior_consultation_missing) == 1 with input as _consult({}, "2026-02-01")
}
