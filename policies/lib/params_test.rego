package lib.params_test

import future.keywords.not
import rego.v1

import data.lib.params

test_value_reads_the_run_parameters if {
	params.value("psn_patch_days") == 7 with input.parameters as {"psn_patch_days": 7}
}

test_missing_names_each_unset_parameter if {
	params.missing({"a", "b"}) == {"project parameter b is not set (controls/parameters.yaml): this control cannot be decided"} with input.parameters as {"a": 1}
}

test_nothing_missing_when_all_set if {
	count(params.missing({"a"})) == 0 with input.parameters as {"a": 1}
}

test_all_missing_without_parameters if {
	count(params.missing({"a", "b"})) == 2
}
