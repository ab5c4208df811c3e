package lib.text_test

import future.keywords.not
import rego.v1

import data.lib.text

test_stated_needs_non_blank_text if {
	text.stated({"reason": "Recovered unopened"}, "reason")
	not text.stated({"reason": "  "}, "reason")
	not text.stated({}, "reason")
	not text.stated({"reason": 3}, "reason")
}
