package psn.conditions_test

import future.keywords.not
import rego.v1

import data.psn.cloud
import data.psn.conditions
import data.psn.net
import data.psn.segregation

_cert(answer) := {"as_of": "2026-11-01", "evidence": {"psn_certificate": [{"id": "cert", "collected": "2026-03-15", "facts": {"environment_name": "Corp", "issued": "2026-03-15", "expires": "2027-03-14", "coco": {"ia_conditions": [answer]}}}]}}

_met := {"condition": "Boundary protection and interfaces", "status": "met"}

_finding := {"msg": "rule 12 allows any", "evidence": "fw", "path": "facts.rules[12]"}

test_answered_condition_with_clean_constituents_holds if {
	count(conditions.boundary_protection_unmet) == 0 with input as _cert(_met)
		with net.diagram_inadequate as set()
		with net.boundary_weak as set()
		with segregation.psn_not_segregated as set()
}

test_a_constituent_finding_breaks_the_condition_naming_its_control if {
	fs := conditions.boundary_protection_unmet with input as _cert(_met)
		with net.diagram_inadequate as set()
		with net.boundary_weak as {_finding}
		with segregation.psn_not_segregated as set()
	fs == {{"msg": "PSN-NET-02: rule 12 allows any", "evidence": "fw", "path": "facts.rules[12]"}}
}

test_agreed_exception_decides_alone if {
	excepted := {"condition": "PSN-IA-02", "status": "exception_agreed", "exception_reference": "PSN-EX-9"}
	count(conditions.boundary_protection_unmet) == 0 with input as _cert(excepted)
		with net.diagram_inadequate as set()
		with net.boundary_weak as {_finding}
		with segregation.psn_not_segregated as set()
}

test_unanswered_or_not_met_condition_fails if {
	fs := conditions.boundary_protection_unmet with input as _cert({"condition": "Protecting data", "status": "met"})
		with net.diagram_inadequate as set()
		with net.boundary_weak as set()
		with segregation.psn_not_segregated as set()
	fs == {"PSN-IA-02 is not answered in the latest CoCo"}
	count(conditions.boundary_protection_unmet) == 1 with input as _cert(object.union(_met, {"status": "not_met"}))
		with net.diagram_inadequate as set()
		with net.boundary_weak as set()
		with segregation.psn_not_segregated as set()
}

test_each_condition_reports_when_unanswered if {
	empty := _cert({"condition": "Nothing", "status": "met"})
	"PSN-IA-01 is not answered in the latest CoCo" in conditions.operational_security_unmet with input as empty
	"PSN-IA-03 is not answered in the latest CoCo" in conditions.data_protection_unmet with input as empty
	"PSN-IA-04 is not answered in the latest CoCo" in conditions.security_testing_unmet with input as empty
	"PSN-IA-05 is not answered in the latest CoCo" in conditions.people_and_access_unmet with input as empty
	"PSN-IA-06 is not answered in the latest CoCo" in conditions.cloud_services_unmet with input as empty
}

_cloud_met := {"condition": "Cloud services", "status": "met"}

_cloud_finding := {"msg": "Mail (Acme): assessment outcome is unacceptable", "evidence": "cloud", "path": "facts.services[0].outcome"}

test_cloud_condition_answered_met_with_assessed_services_holds if {
	count(conditions.cloud_services_unmet) == 0 with input as _cert(_cloud_met)
		with cloud.cloud_unassessed as set()
}

test_cloud_condition_answered_not_met_fails_even_with_assessed_services if {
	fs := conditions.cloud_services_unmet with input as _cert(object.union(_cloud_met, {"status": "not_met"}))
		with cloud.cloud_unassessed as set()
	fs == {"PSN-IA-06 is answered not_met in the CoCo"}
}

test_cloud_condition_left_out_of_the_coco_fails if {
	fs := conditions.cloud_services_unmet with input as _cert(_met)
		with cloud.cloud_unassessed as set()
	fs == {"PSN-IA-06 is not answered in the latest CoCo"}
}

test_cloud_condition_breaks_on_an_unassessed_service if {
	fs := conditions.cloud_services_unmet with input as _cert(_cloud_met)
		with cloud.cloud_unassessed as {_cloud_finding}
	fs == {object.union(_cloud_finding, {"msg": "PSN-GOV-07: Mail (Acme): assessment outcome is unacceptable"})}
}
