# Findings of levelled (CAF) controls: each says the lowest achievement level it rules out.
# Ruling out a level rules out every level above it (see checker/levels.py).
package lib.level

import future.keywords.not
import rego.v1

# `f` (a finding object or message) ruling out `level` ("achieved" or "partially_achieved").
denies(f, level) := object.union(f, {"denies": level}) if is_object(f)

denies(f, level) := {"msg": f, "denies": level} if is_string(f)
