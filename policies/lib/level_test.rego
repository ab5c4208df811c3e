package lib.level_test

import future.keywords.not
import rego.v1

import data.lib.level

test_object_finding_keeps_its_fields_and_gains_the_level if {
	level.denies({"msg": "m", "evidence": "e", "path": "p"}, "achieved") == {"msg": "m", "evidence": "e", "path": "p", "denies": "achieved"}
}

test_string_finding_becomes_an_object if {
	level.denies("m", "partially_achieved") == {"msg": "m", "denies": "partially_achieved"}
}
