# Facts given as text: shared by every package that asks whether a reason, a name or a
# reference was written down (blank or absent is not an answer).
package lib.text

import future.keywords.not
import rego.v1

# True when obj[key] is a string with something other than spaces in it.
stated(obj, key) if {
	value := object.get(obj, key, null)
	is_string(value)
	trim_space(value) != ""
}
