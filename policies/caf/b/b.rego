# CAF objective B outcomes decided by evidence, judged by the rules that judge the same
# evidence for PSN and data handling (accounts, builds, patches, software, training).
package caf.b

import future.keywords.not
import rego.v1

import data.dh.training
import data.lib.level
import data.psn.ops

# CAF-B2.a: unattributed or unapproved accounts, admin without separate accounts or MFA,
# leavers still active.
identity_and_access contains level.denies(f, "achieved") if {
	some f in ops.access_control_weak
}

# CAF-B4.b: default passwords, unneeded services or no documented build standard.
secure_configuration contains level.denies(f, "achieved") if {
	some f in ops.insecure_configuration
}

# CAF-B4.d: late critical or high patches rule out Achieved; unsupported software in use
# rules out even Partially achieved.
vulnerability_management contains level.denies(f, "achieved") if {
	some f in ops.patch_late
}

vulnerability_management contains level.denies(f, "partially_achieved") if {
	some f in ops.unsupported_software
}

# CAF-B6.b: refresher training overdue rules out Achieved; people with no cyber security
# training at all rule out Partially achieved.
cyber_training contains level.denies(f, "achieved") if {
	some f in training.training_overdue
}

cyber_training contains level.denies(f, "partially_achieved") if {
	some f in training.cyber_training_missing
}
