package lib.finding_test

import future.keywords.not
import rego.v1

import data.lib.finding

test_of_names_evidence_and_path if {
	finding.of({"id": "ev-1"}, "facts.x", "bad") == {"msg": "bad", "evidence": "ev-1", "path": "facts.x"}
}
