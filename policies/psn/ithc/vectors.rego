# CVSS vector strings (PSN-ITHC-05): a vector counts only when every metric is one its version
# defines, with a value that metric allows, none repeated, and every base metric present.
# Metric tables: CVSS v3.0 and v3.1 specifications (FIRST, June 2015 and June 2019), CVSS v4.0
# specification (FIRST, 1 November 2023). Order is not checked; content is.
package psn.ithc

import future.keywords.not
import rego.v1

_cia3 := {"N", "L", "H"}

_v3_base := {"AV": {"N", "A", "L", "P"}, "AC": {"L", "H"}, "PR": {"N", "L", "H"}, "UI": {"N", "R"}, "S": {"U", "C"}, "C": _cia3, "I": _cia3, "A": _cia3}

_v3_other := {
	"E": {"X", "H", "F", "P", "U"}, "RL": {"X", "U", "W", "T", "O"}, "RC": {"X", "C", "R", "U"},
	"CR": {"X", "H", "M", "L"}, "IR": {"X", "H", "M", "L"}, "AR": {"X", "H", "M", "L"},
	"MAV": {"X", "N", "A", "L", "P"}, "MAC": {"X", "L", "H"}, "MPR": {"X", "N", "L", "H"},
	"MUI": {"X", "N", "R"}, "MS": {"X", "U", "C"},
	"MC": {"X", "N", "L", "H"}, "MI": {"X", "N", "L", "H"}, "MA": {"X", "N", "L", "H"},
}

_v4_base := {
	"AV": {"N", "A", "L", "P"}, "AC": {"L", "H"}, "AT": {"N", "P"}, "PR": {"N", "L", "H"},
	"UI": {"N", "P", "A"}, "VC": _cia3, "VI": _cia3, "VA": _cia3, "SC": _cia3, "SI": _cia3, "SA": _cia3,
}

_v4_other := {
	"E": {"X", "A", "P", "U"},
	"CR": {"X", "H", "M", "L"}, "IR": {"X", "H", "M", "L"}, "AR": {"X", "H", "M", "L"},
	"MAV": {"X", "N", "A", "L", "P"}, "MAC": {"X", "L", "H"}, "MAT": {"X", "N", "P"},
	"MPR": {"X", "N", "L", "H"}, "MUI": {"X", "N", "P", "A"},
	"MVC": {"X", "H", "L", "N"}, "MVI": {"X", "H", "L", "N"}, "MVA": {"X", "H", "L", "N"},
	"MSC": {"X", "H", "L", "N"}, "MSI": {"X", "S", "H", "L", "N"}, "MSA": {"X", "S", "H", "L", "N"},
	"S": {"X", "N", "P"}, "AU": {"X", "N", "Y"}, "R": {"X", "A", "U", "I"}, "V": {"X", "D", "C"},
	"RE": {"X", "L", "M", "H"}, "U": {"X", "Clear", "Green", "Amber", "Red"},
}

# Vector prefix -> [base metrics, other metrics].
_cvss_metrics := {
	"CVSS:3.0": [_v3_base, _v3_other],
	"CVSS:3.1": [_v3_base, _v3_other],
	"CVSS:4.0": [_v4_base, _v4_other],
}

# True when `vector` is a well-formed CVSS v3.0, v3.1 or v4.0 vector string.
valid_cvss_vector(vector) if {
	is_string(vector)
	parts := split(vector, "/")
	count(parts) > 1
	[base, other] := _cvss_metrics[parts[0]]
	pairs := [split(p, ":") | some p in array.slice(parts, 1, count(parts))]
	every pair in pairs {
		count(pair) == 2
		pair[1] in object.union(other, base)[pair[0]]
	}
	names := [pair[0] | some pair in pairs]
	count(names) == count({n | some n in names})
	every name in object.keys(base) {
		name in names
	}
}
