package lib.anchor_test

import future.keywords.not
import rego.v1

import data.lib.anchor

test_latest_picks_newest_then_greatest_id if {
	anchor.latest([{"id": "a", "collected": "2026-01-01"}, {"id": "b", "collected": "2026-03-01"}]).id == "b"
	anchor.latest([{"id": "c", "collected": "2026-03-01"}, {"id": "b", "collected": "2026-03-01"}, {"id": "z", "collected": "2025-01-01"}]).id == "c"
	anchor.latest([{"id": "x"}]).id == "x"
}

test_latest_undefined_without_documents if {
	not anchor.latest([])
}
