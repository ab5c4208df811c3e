# PSN IA conditions PSN-IA-01..06 decided from the facts, not a signature: a condition holds
# when the CoCo answers it and the rules of the controls that make it up find nothing, or the
# PSN team has agreed an exception that is on record (then the answer alone decides).
package psn.conditions

import future.keywords.not
import rego.v1

import data.psn.cloud
import data.psn.coverage
import data.psn.gov
import data.psn.handling
import data.psn.ithc
import data.psn.monitoring
import data.psn.net
import data.psn.ops
import data.psn.segregation

# PSN-IA-01: operational security (PSN-OPS-01..04, PSN-OPS-08).
operational_security_unmet contains f if some f in _condition("PSN-IA-01", {
	"PSN-OPS-01": ops.patch_late, "PSN-OPS-02": ops.unsupported_software,
	"PSN-OPS-03": ops.insecure_configuration, "PSN-OPS-04": ops.malware_protection_missing,
	"PSN-OPS-08": monitoring.monitoring_inadequate,
})

# PSN-IA-02: boundary protection and interfaces (PSN-NET-01..03).
boundary_protection_unmet contains f if some f in _condition("PSN-IA-02", {
	"PSN-NET-01": net.diagram_inadequate, "PSN-NET-02": net.boundary_weak,
	"PSN-NET-03": segregation.psn_not_segregated,
})

# PSN-IA-03: protecting data (PSN-DATA-01, PSN-DATA-02, PSN-OPS-06).
data_protection_unmet contains f if some f in _condition("PSN-IA-03", {
	"PSN-DATA-01": handling.above_official, "PSN-DATA-02": handling.device_data_unprotected,
	"PSN-OPS-06": ops.removable_media_unprotected,
})

# PSN-IA-04: security testing (PSN-ITHC-01, 06, 07, 09).
security_testing_unmet contains f if some f in _condition("PSN-IA-04", {
	"PSN-ITHC-01": ithc.ithc_not_current, "PSN-ITHC-06": ithc.rap_incomplete,
	"PSN-ITHC-07": ithc.rap_overdue, "PSN-ITHC-09": coverage.scope_misses_environment,
})

# PSN-IA-05: people and access (PSN-OPS-05, 07, 10, 11, 12).
people_and_access_unmet contains f if some f in _condition("PSN-IA-05", {
	"PSN-OPS-05": ops.access_control_weak, "PSN-OPS-07": ops.unmanaged_device,
	"PSN-OPS-10": ops.aup_not_accepted, "PSN-OPS-11": ops.screening_missing,
	"PSN-OPS-12": ops.cleared_after_access,
})

# PSN-IA-06: cloud services (PSN-GOV-07).
cloud_services_unmet contains f if some f in _condition("PSN-IA-06", {"PSN-GOV-07": cloud.cloud_unassessed})

_condition(id, rules) := _answer(id) if _excepted(id)

_condition(id, rules) := _answer(id) | {_tag(f, control) |
	some control, findings in rules
	some f in findings
} if not _excepted(id)

_excepted(id) if {
	some item in gov.ia_condition_answers(id)
	item.status == "exception_agreed"
	trim_space(object.get(item, "exception_reference", "")) != ""
}

_answer(id) := {msg |
	count(gov.ia_condition_answers(id)) == 0
	msg := sprintf("%s is not answered in the latest CoCo", [id])
} | {msg |
	some item in gov.ia_condition_answers(id)
	not item.status in {"met", "exception_agreed"}
	msg := sprintf("%s is answered %s in the CoCo", [id, item.status])
}

# A finding of a constituent control, named by that control.
_tag(f, control) := object.union(f, {"msg": sprintf("%s: %s", [control, f.msg])}) if is_object(f)

_tag(f, control) := sprintf("%s: %s", [control, f]) if is_string(f)
