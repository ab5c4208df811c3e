package psn.ithc_vectors_test

import future.keywords.not
import rego.v1

import data.psn.ithc

test_complete_v3_and_v4_vectors_are_valid if {
	ithc.valid_cvss_vector("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N")
	ithc.valid_cvss_vector("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N/E:P/RL:O/RC:C")
	ithc.valid_cvss_vector("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
	ithc.valid_cvss_vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/U:Red")
}

test_garbage_after_a_valid_prefix_is_not_a_vector if {
	not ithc.valid_cvss_vector("CVSS:4.0/garbage")
	not ithc.valid_cvss_vector("CVSS:4.0/")
	not ithc.valid_cvss_vector("CVSS:4.0")
}

test_a_missing_base_metric_is_not_a_vector if {
	not ithc.valid_cvss_vector("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H")
	not ithc.valid_cvss_vector("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H")
}

test_a_value_or_metric_the_version_does_not_define_is_not_a_vector if {
	not ithc.valid_cvss_vector("CVSS:3.1/AV:X/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N")
	not ithc.valid_cvss_vector("CVSS:3.1/AV:N/AC:H/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:N")
	not ithc.valid_cvss_vector("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
}

test_a_repeated_metric_or_an_unknown_version_is_not_a_vector if {
	not ithc.valid_cvss_vector("CVSS:3.1/AV:N/AV:L/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N")
	not ithc.valid_cvss_vector("CVSS:3.2/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N")
	not ithc.valid_cvss_vector("AV:N/AC:L/Au:N/C:C/I:C/A:C")
}
