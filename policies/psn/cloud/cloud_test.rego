package psn.cloud_test

import future.keywords.not
import rego.v1

import data.psn.cloud

_service := {"name": "M365", "provider": "Microsoft", "assessed": "2026-04-01", "principles": numbers.range(1, 14), "outcome": "acceptable_with_mitigations"}

_cloud(s) := {"as_of": "2026-11-01", "evidence": {"cloud_services": [{"id": "cs", "facts": {"services": [s]}}]}}

test_fully_assessed_service_passes if {
	count(cloud.cloud_unassessed) == 0 with input as _cloud(_service)
}

test_principles_left_out_fail_naming_them if {
	fs := cloud.cloud_unassessed with input as _cloud(object.union(_service, {"principles": numbers.range(1, 12)}))
	[f.msg | some f in fs] == ["M365 (Microsoft): the assessment does not cover principle(s) 13, 14"]
}

test_unacceptable_or_unrecorded_outcome_fails if {
	count(cloud.cloud_unassessed) == 1 with input as _cloud(object.union(_service, {"outcome": "unacceptable"}))
	count(cloud.cloud_unassessed) == 1 with input as _cloud(object.remove(_service, ["outcome"]))
}

test_assessment_after_the_assessment_date_fails if {
	count(cloud.cloud_unassessed) == 1 with input as _cloud(object.union(_service, {"assessed": "2026-11-02"}))
}
