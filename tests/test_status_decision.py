"""The status decision (checker.runner.assess, Assessment.exit_code) against a stub engine.

The stub returns hand-written engine answers, so each test states the exact answer, the
evidence and the expected verdict; tests/test_statuses.py covers the same precedence through
the CLI and the real engine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from builders import assessment, control, evidence, result

from checker.catalogue import Catalogue
from checker.engines.base import RuleIndex, RuleKind
from checker.errors import EvaluationError, ExitCode, Location, Problem
from checker.evidence import EvidenceSet
from checker.model import FailOn, Finding, Framework, Result, Status, control_sort_key
from checker.policies import PolicyModule
from checker.query import QUERY
from checker.runner import assess, inputs_digest

AS_OF = "2026-11-01"
ORG = evidence("org", kind="organisation", collected="2026-01-01",
               facts={"name": "Test Council"}, file="evidence/org.yaml")
AUTH = evidence("auth", collected="2026-10-01", file="evidence/auth.yaml",
                facts={"min_length": 10}, marks={("facts",): (6, 1), ("facts", "min_length"): (8, 3)})


class StubEngine:
    """An engine whose answer to the run's one query is written by the test."""

    name = "stub"

    def __init__(self, answer: Any = None, error: str | None = None) -> None:
        self.answer, self.error = answer, error
        self.queries: list[str] = []
        self.inputs: list[Mapping[str, Any]] = []

    def load(self, modules: Sequence[PolicyModule], data: Mapping[str, Any]) -> None:
        self.modules = modules

    def rules(self) -> RuleIndex:
        return {"mini.rule": RuleKind.SET, "mini.scope": RuleKind.VALUE,
                "lib.attested": RuleKind.FUNCTION}

    def evaluate(self, query: str, input_: Mapping[str, Any]) -> Any:
        self.queries.append(query)
        self.inputs.append(input_)
        if self.error:
            raise EvaluationError(Problem(Location("policies/x.rego", 3, 1), self.error))
        return self.answer


def run(controls: Sequence[Any], answer: Any = None, items: Sequence[Any] = (AUTH,),
        as_of: str = AS_OF, error: str | None = None) -> dict[str, Result]:
    catalogue = Catalogue((Framework("mini", "Mini", "1", tuple(controls)),),
                          {"controls/mini.yaml": "c" * 64})
    engine = StubEngine(answer, error)
    found = assess(catalogue, (), EvidenceSet((ORG, *items)), engine, as_of)
    assert engine.queries == [QUERY]  # one engine call for the whole run
    return {r.control.id: r for r in found.results}


def answer(results: dict[str, Any], applicable: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"results": results, "applicable": applicable or {}}


def one(ctl=None, findings: Any = (), items=(AUTH,), as_of=AS_OF, applicable=None) -> Result:
    ctl = ctl or control()
    return run([ctl], answer({ctl.id: list(findings)}, applicable), items, as_of)[ctl.id]


# pass, fail, gap


def test_fresh_evidence_and_no_findings_is_a_pass():
    verdict = one()
    assert (verdict.status, verdict.reason) == (Status.PASS,
                                                "evidence present and fresh; no findings")
    assert verdict.findings == ()
    assert verdict.evidence == (AUTH,)
    assert verdict.applicable is True


def test_findings_make_a_fail_counting_them():
    assert one(findings=["too short"]).reason == "1 finding"
    two = one(findings=["too short", {"msg": "no digits", "evidence": "auth"}])
    assert (two.status, two.reason) == (Status.FAIL, "2 findings")


def test_the_same_finding_twice_is_one_finding():
    verdict = one(findings=["too short", "too short"])
    assert (verdict.reason, len(verdict.findings)) == ("1 finding", 1)


def test_missing_evidence_is_a_gap_even_when_the_rule_found_nothing():
    verdict = one(items=())
    assert (verdict.status, verdict.reason) == (Status.GAP, "no 'auth_policy' evidence")
    assert verdict.evidence == ()


def test_a_gap_keeps_the_findings_visible():
    stale_auth = evidence("auth", collected="2025-01-01")
    verdict = one(control(max_age_days=90), findings=["too short"], items=(stale_auth,))
    assert verdict.status is Status.GAP
    assert verdict.reason == ("'auth_policy' evidence is not current: auth (evidence/e.yaml:1:1) "
                              "collected 2025-01-01, 669 days before 2026-11-01; limit 90 days")
    assert [f.message for f in verdict.findings] == ["too short"]


def test_a_newer_document_about_the_same_subject_supersedes_a_stale_one():
    old = evidence("old", collected="2025-01-01", facts={"system": "AD"}, file="evidence/a.yaml")
    new = evidence("new", collected="2026-10-01", facts={"system": "AD"}, file="evidence/b.yaml")
    assert one(control(max_age_days=90), items=(old, new)).status is Status.PASS


def test_a_stale_document_about_another_subject_is_a_gap_though_a_newer_one_is_fresh():
    # system X described in 2025, system Y this month: X's facts are not current
    x = evidence("sys-x", collected="2025-01-01", facts={"system": "X"}, file="evidence/a.yaml",
                 line=7)
    y = evidence("sys-y", collected="2026-10-01", facts={"system": "Y"}, file="evidence/a.yaml",
                 line=20)
    verdict = one(control(max_age_days=90), items=(x, y))
    assert verdict.status is Status.GAP
    assert verdict.reason == (
        "'auth_policy' evidence is not current: sys-x (evidence/a.yaml:7:1) collected "
        "2025-01-01, 669 days before 2026-11-01; limit 90 days (no newer 'auth_policy' "
        'document about system "X" supersedes it)')


def test_an_expired_document_about_one_subject_is_a_gap_though_another_is_current():
    x = evidence("sys-x", collected="2026-10-01", expires="2026-10-15", facts={"system": "X"},
                 file="evidence/a.yaml")
    y = evidence("sys-y", collected="2026-10-01", facts={"system": "Y"}, file="evidence/b.yaml")
    verdict = one(control(max_age_days=90), items=(x, y))
    assert verdict.status is Status.GAP
    assert verdict.reason.startswith("'auth_policy' evidence is not current: sys-x "
                                     "(evidence/a.yaml:1:1) expired on 2026-10-15")


def test_an_older_document_lacking_its_subject_is_superseded_only_within_its_file():
    # no subject fact: a later document in the same file is its successor (a history kept in
    # one file); a fresh document in another file says nothing about it
    old = evidence("old", collected="2025-01-01", file="evidence/a.yaml", line=1)
    same_file = evidence("new", collected="2026-10-01", file="evidence/a.yaml", line=9)
    other_file = evidence("elsewhere", collected="2026-10-01", file="evidence/b.yaml")
    assert one(control(max_age_days=90), items=(old, same_file)).status is Status.PASS
    verdict = one(control(max_age_days=90), items=(old, other_file))
    assert verdict.status is Status.GAP
    assert verdict.reason.startswith("'auth_policy' evidence is not current: old "
                                     "(evidence/a.yaml:1:1) collected 2025-01-01")
    assert verdict.reason.endswith("(no newer 'auth_policy' document in the same file "
                                   "supersedes it)")


def test_every_stale_subject_is_named_and_a_superseded_document_is_not():
    older = evidence("older", collected="2025-01-01", facts={"system": "AD"},
                     file="evidence/a.yaml")
    newer = evidence("newer", collected="2025-03-01", facts={"system": "AD"},
                     file="evidence/b.yaml")
    portal = evidence("portal", collected="2025-02-01", facts={"system": "Portal"},
                      file="evidence/c.yaml")
    verdict = one(control(max_age_days=90), items=(newer, portal, older))
    assert verdict.status is Status.GAP
    assert verdict.reason.startswith("'auth_policy' evidence is not current: newer "
                                     "(evidence/b.yaml:1:1) collected 2025-03-01")
    assert "; 'auth_policy' evidence is not current: portal (evidence/c.yaml:1:1)" in \
        verdict.reason
    assert "older" not in verdict.reason


def test_a_newer_attestation_citing_the_control_supersedes_an_old_one():
    ctl = control(mode="attested", evidence=("attestation",), policy="data.lib.attested")
    old = evidence("att-old", kind="attestation", collected="2024-06-01",
                   facts={"controls": ["C-01"]}, file="evidence/a.yaml")
    new = evidence("att-new", kind="attestation", collected="2026-06-01",
                   facts={"controls": ["C-01", "C-02"]}, file="evidence/b.yaml")
    assert one(ctl, items=(old, new)).status is Status.PASS
    assert one(ctl, items=(old,)).status is Status.GAP


def test_every_missing_kind_is_named():
    ctl = control(evidence=("auth_policy", "device_inventory", "patch_status"))
    assert one(ctl).reason == "no 'device_inventory' evidence; no 'patch_status' evidence"


def test_an_attestation_counts_only_for_the_controls_it_cites():
    cites = evidence("att-1", kind="attestation", facts={"controls": ["C-01"]})
    other = evidence("att-2", kind="attestation", facts={"controls": ["C-02"]})
    ctl = control(mode="attested", evidence=("attestation",), policy="data.lib.attested")
    assert one(ctl, items=(other,)).reason == "no 'attestation' evidence citing this control"
    verdict = one(ctl, items=(other, cites))
    assert (verdict.status, verdict.evidence) == (Status.PASS, (cites,))


def test_relevant_evidence_is_listed_in_file_order():
    second = evidence("b", file="evidence/b.yaml")
    first = evidence("a", file="evidence/a.yaml")
    assert [e.id for e in one(items=(second, first)).evidence] == ["a", "b"]


# dates in the catalogue: effective_from and superseded


def test_a_control_is_not_applicable_before_its_effective_date_and_judged_from_it():
    ctl = control(effective_from="2026-11-02")
    verdict = one(ctl, findings=["too short"])
    assert (verdict.status, verdict.reason) == (Status.NOT_APPLICABLE,
                                                "not yet required: effective from 2026-11-02")
    assert verdict.findings == ()
    assert one(control(effective_from=AS_OF), findings=["too short"]).status is Status.FAIL


def test_a_superseded_control_is_not_applicable_from_the_date_and_judged_the_day_before():
    ctl = control(superseded_by="C-02", superseded_from="2026-11-01")
    verdict = one(ctl, findings=["too short"])
    assert (verdict.status, verdict.reason) == (Status.NOT_APPLICABLE,
                                                "superseded by C-02 from 2026-11-01")
    later = control(superseded_by="C-02", superseded_from="2026-11-02")
    assert one(later, findings=["too short"]).status is Status.FAIL


# applicability


def test_out_of_scope_is_not_applicable_with_the_catalogue_reason():
    ctl = control(applies_rule="data.mini.scope", applies_reason="not a service provider")
    verdict = one(ctl, findings=["too short"], applicable={"C-01": False})
    assert (verdict.status, verdict.reason) == (Status.NOT_APPLICABLE, "not a service provider")
    assert (verdict.findings, verdict.applicable) == ((), False)


def test_out_of_scope_without_a_reason_says_so():
    ctl = control(applies_rule="data.mini.scope")
    assert one(ctl, applicable={"C-01": False}).reason == "out of scope"


def test_in_scope_is_judged():
    ctl = control(applies_rule="data.mini.scope")
    verdict = one(ctl, findings=["too short"], applicable={"C-01": True})
    assert (verdict.status, verdict.applicable) == (Status.FAIL, True)


@pytest.mark.parametrize(("value", "described"), [
    (None, "no value (undefined)"), ("yes", "a str ('yes')"), (1, "a int (1)")])
def test_an_undecided_scope_is_an_error_never_out_of_scope(value, described):
    ctl = control(applies_rule="data.mini.scope")
    applicable = {} if value is None else {"C-01": value}
    verdict = one(ctl, findings=["too short"], applicable=applicable)
    assert verdict.status is Status.ERROR
    assert verdict.reason == (f"applicability rule data.mini.scope gave {described}, expected "
                              "true or false (is the organisation profile complete?)")
    assert [f.message for f in verdict.findings] == ["too short"]
    assert verdict.applicable is None


# errors: the engine, and rules returning the wrong thing


def test_an_engine_error_makes_every_control_an_error_naming_it():
    not_yet = control("C-02", effective_from="2030-01-01")  # even a control not yet in force
    verdicts = run([control("C-01"), not_yet], error="divide by zero")
    assert {cid: (v.status, v.reason) for cid, v in verdicts.items()} == {
        "C-01": (Status.ERROR, "evaluation failed: policies/x.rego:3:1: divide by zero"),
        "C-02": (Status.ERROR, "evaluation failed: policies/x.rego:3:1: divide by zero")}
    assert verdicts["C-01"].evidence == (AUTH,)


@pytest.mark.parametrize(("value", "described"), [
    (None, "engine returned NoneType for data.checker.aggregate"),
    ([1], "engine returned list for data.checker.aggregate")])
def test_an_engine_answer_that_is_not_an_object_is_an_error(value, described):
    [verdict] = run([control()], value).values()
    assert (verdict.status, verdict.reason) == (Status.ERROR, f"evaluation failed: {described}")


def test_a_control_missing_from_the_answer_is_an_error():
    [verdict] = run([control()], answer({})).values()
    assert (verdict.status, verdict.reason) == (
        Status.ERROR, "rule data.mini.rule is undefined for this input")


def test_an_answer_without_results_is_an_error_for_every_control():
    [verdict] = run([control()], {"applicable": {}}).values()
    assert verdict.reason == "rule data.mini.rule is undefined for this input"


@pytest.mark.parametrize(("raw", "reason"), [
    ({"a": 1}, "rule data.mini.rule gave a dict ({'a': 1}); expected a set of findings"),
    (True, "rule data.mini.rule gave a bool (True); expected a set of findings"),
    ("x" * 100, "rule data.mini.rule gave a str ('" + "x" * 59 + "); expected a set of findings"),
])
def test_a_rule_that_is_not_a_set_is_an_error(raw, reason):
    [verdict] = run([control()], answer({"C-01": raw})).values()
    assert (verdict.status, verdict.reason, verdict.findings) == (Status.ERROR, reason, ())


@pytest.mark.parametrize("item", [
    42, None, ["list"], {"message": "wrong key"}, {"msg": 7}, {"msg": "m", "evidence": 3},
    {"msg": "m", "path": ["facts"]}])
def test_a_finding_of_the_wrong_shape_is_an_error_not_a_pass(item):
    verdict = one(findings=["fine", item])
    assert verdict.status is Status.ERROR
    assert verdict.reason == (f"rule data.mini.rule gave a finding of the wrong shape: {item!r}; "
                              "expected a string or {msg, evidence, path, denies}")
    assert verdict.findings == ()


def test_a_wrong_shape_is_an_error_even_for_a_control_out_of_scope():
    ctl = control(applies_rule="data.mini.scope")
    assert one(ctl, findings=[42], applicable={"C-01": False}).status is Status.ERROR


# where findings point


def test_a_finding_with_evidence_and_path_points_at_that_key():
    [finding] = one(findings=[{"msg": "short", "evidence": "auth",
                               "path": "facts.min_length"}]).findings
    assert finding == Finding("short", "auth", "facts.min_length",
                              Location("evidence/auth.yaml", 8, 3))


def test_a_finding_with_evidence_and_no_path_points_at_the_document():
    [finding] = one(findings=[{"msg": "short", "evidence": "auth"}]).findings
    assert finding == Finding("short", "auth", None, Location("evidence/auth.yaml", 1, 1))


def test_a_finding_naming_unknown_evidence_points_at_the_latest_document_read():
    older = evidence("older", collected="2026-09-01", file="evidence/a.yaml")
    [finding] = one(findings=[{"msg": "m", "evidence": "nope", "path": "facts.x"}],
                    items=(older, AUTH)).findings
    assert finding == Finding("m", "nope", "facts.x", Location("evidence/auth.yaml", 1, 1))


def test_a_string_finding_points_at_the_latest_document_and_ties_go_to_the_last_id():
    a = evidence("a", collected="2026-10-01", file="evidence/a.yaml")
    b = evidence("b", collected="2026-10-01", file="evidence/b.yaml")
    old = evidence("c", collected="2026-09-01", file="evidence/c.yaml")
    [finding] = one(findings=["short"], items=(b, old, a)).findings
    assert finding == Finding("short", None, None, Location("evidence/b.yaml", 1, 1))


def test_a_finding_without_any_evidence_has_no_location():
    [finding] = one(findings=["short"], items=()).findings
    assert finding.location is None


def test_findings_are_ordered_by_file_line_column_then_message():
    a = evidence("a", file="evidence/a.yaml", marks={("facts", "x"): (5, 3)})
    b = evidence("b", file="evidence/b.yaml")
    verdict = one(findings=[{"msg": "z", "evidence": "b"}, {"msg": "y", "evidence": "a",
                                                            "path": "facts.x"},
                            {"msg": "b", "evidence": "a"}, {"msg": "a", "evidence": "a"}],
                  items=(a, b))
    assert [f.message for f in verdict.findings] == ["a", "b", "y", "z"]


# the assessment as a whole


def test_the_assessment_names_the_organisation_profile_and_the_date():
    catalogue = Catalogue((Framework("mini", "Mini", "1", (control(),)),), {"c.yaml": "1" * 64})
    found = assess(catalogue, (), EvidenceSet((ORG, AUTH), {"evidence/auth.yaml": "2" * 64}),
                   StubEngine(answer({"C-01": []})), AS_OF)
    assert (found.as_of, found.organisation, found.profile) == (
        AS_OF, "Test Council", Location("evidence/org.yaml", 1, 1))
    assert [f.key for f in found.frameworks] == ["mini"]
    assert found.inputs_digest == inputs_digest({"c.yaml": "1" * 64},
                                                {"evidence/auth.yaml": "2" * 64})


def test_inputs_digest_is_sha256_over_sorted_name_and_digest_lines():
    import hashlib

    text = "1111  controls/a.yaml\n2222  evidence/b.yaml\n"
    assert inputs_digest({"evidence/b.yaml": "2222"}, {"controls/a.yaml": "1111"}) == \
        hashlib.sha256(text.encode()).hexdigest()


PASSING, FAILING = result(control("C-1"), Status.PASS), result(control("C-2"), Status.FAIL)
GAP, ERROR = result(control("C-3"), Status.GAP), result(control("C-4"), Status.ERROR)
WAIVED, NA = result(control("C-5"), Status.WAIVED), result(control("C-6"),
                                                            Status.NOT_APPLICABLE)


@pytest.mark.parametrize(("results", "fail_on", "code"), [
    ((PASSING, WAIVED, NA), FailOn.GAP, ExitCode.OK),
    ((PASSING, GAP), FailOn.GAP, ExitCode.FINDINGS),
    ((PASSING, GAP), FailOn.FAIL, ExitCode.OK),
    ((PASSING, FAILING), FailOn.FAIL, ExitCode.FINDINGS),
    ((PASSING, FAILING), FailOn.GAP, ExitCode.FINDINGS),
    ((FAILING, GAP), FailOn.ERROR, ExitCode.OK),
    ((FAILING, GAP), FailOn.NONE, ExitCode.OK),
    ((PASSING, ERROR), FailOn.NONE, ExitCode.EVALUATION_ERROR),
    ((FAILING, ERROR), FailOn.GAP, ExitCode.EVALUATION_ERROR),
])
def test_exit_code_follows_the_threshold_and_errors_always_exit_3(results, fail_on, code):
    assert assessment(*results).exit_code(fail_on) is code


def test_exit_code_numbers_are_the_documented_ones():
    assert [int(c) for c in (ExitCode.OK, ExitCode.FINDINGS, ExitCode.INPUT_ERROR,
                             ExitCode.EVALUATION_ERROR)] == [0, 1, 2, 3]


def test_counts_are_per_status_and_per_framework():
    other = result(control("X-1", framework="other"), Status.FAIL)
    found = assessment(PASSING, FAILING, GAP, other)
    assert found.counts() == {Status.PASS: 1, Status.FAIL: 2, Status.GAP: 1}
    assert found.counts("other") == {Status.FAIL: 1}


def test_the_gap_list_is_every_open_control_most_severe_first_then_by_id():
    rows = [result(control("C-10", severity="high"), Status.FAIL),
            result(control("C-9", severity="high"), Status.GAP),
            result(control("C-2", severity="low"), Status.ERROR),
            result(control("C-3", severity="critical"), Status.FAIL),
            result(control("C-4", severity="odd"), Status.FAIL),
            result(control("C-1", severity="critical"), Status.PASS),
            result(control("C-5", severity="critical"), Status.WAIVED),
            result(control("C-6", severity="medium"), Status.NOT_APPLICABLE)]
    assert [r.control.id for r in assessment(*rows).gaps()] == ["C-3", "C-9", "C-10", "C-2",
                                                                "C-4"]


def test_control_ids_sort_naturally():
    ids = ["PCI-8.3.10", "PCI-A1.1", "PCI-8.3.9", "PCI-12.1", "PCI-8.3", "PSN-OPS-02"]
    assert sorted(ids, key=control_sort_key) == ["PCI-8.3", "PCI-8.3.9", "PCI-8.3.10",
                                                 "PCI-12.1", "PCI-A1.1", "PSN-OPS-02"]


def test_status_labels():
    assert [s.label for s in Status] == ["error", "n/a", "gap", "fail", "waived", "pass"]


# what the engine is given, and what the assessment records


def test_the_engine_gets_the_date_profile_and_evidence_by_kind():
    from dataclasses import replace

    engine = StubEngine(answer({"C-01": []}))
    catalogue = Catalogue((Framework("mini", "Mini", "1", (control(),)),), {})
    auth = replace(evidence("auth", collected="2026-10-01", expires="2027-01-31",
                            facts={"min_length": 14}, file="evidence/auth.yaml", line=3),
                   scope=("corporate",))
    assess(catalogue, (), EvidenceSet((ORG, auth)), engine, AS_OF)
    [given] = engine.inputs
    assert given == {
        "as_of": AS_OF,
        "organisation": {"name": "Test Council"},
        "evidence": {
            "auth_policy": [{"id": "auth", "title": "auth title", "owner": "Owner",
                             "collected": "2026-10-01", "expires": "2027-01-31",
                             "scope": ["corporate"], "facts": {"min_length": 14},
                             "source": {"file": "evidence/auth.yaml", "line": 3}}],
            "organisation": [{"id": "org", "title": "org title", "owner": "Owner",
                              "collected": "2026-01-01", "expires": None, "scope": [],
                              "facts": {"name": "Test Council"},
                              "source": {"file": "evidence/org.yaml", "line": 1}}]},
        "parameters": {}}  # this catalogue sets none (controls/parameters.yaml is the bundle's)


def test_only_the_selected_frameworks_are_assessed_and_reported():
    other = Framework("other", "Other", "2", (control("X-01", framework="other"),))
    mini = Framework("mini", "Mini", "1", (control(),))
    found = assess(Catalogue((other, mini), {}), (), EvidenceSet((ORG, AUTH)),
                   StubEngine(answer({"C-01": []})), AS_OF, frameworks=("mini",))
    assert [f.key for f in found.frameworks] == ["mini"]
    assert [r.control.id for r in found.results] == ["C-01"]


def test_without_a_profile_the_organisation_is_blank_and_no_profile_is_named():
    catalogue = Catalogue((Framework("mini", "Mini", "1", (control(),)),), {})
    nameless = evidence("org", kind="organisation", facts={"region": "south"})
    for items in ((AUTH,), (nameless, AUTH)):
        found = assess(catalogue, (), EvidenceSet(items), StubEngine(answer({"C-01": []})),
                       AS_OF)
        assert found.organisation == ""
    assert assess(catalogue, (), EvidenceSet((AUTH,)), StubEngine(answer({"C-01": []})),
                  AS_OF).profile is None


def test_the_digest_names_runtime_policies_by_their_path_and_leaves_tests_out():
    catalogue = Catalogue((Framework("mini", "Mini", "1", (control(),)),), {})
    modules = (PolicyModule("/abs/pw.rego", "package mini", "d1", "policies/mini/pw.rego"),
               PolicyModule("/abs/pw_test.rego", "package mini_test", "d2",
                            "policies/mini/pw_test.rego"),
               PolicyModule("custom.rego", "package custom", "d3"))
    found = assess(catalogue, modules, EvidenceSet((ORG,)), StubEngine(answer({"C-01": []})),
                   AS_OF)
    assert found.inputs_digest == inputs_digest({"policies/mini/pw.rego": "d1",
                                                 "custom.rego": "d3"})


def test_each_phase_is_timed_under_its_name_for_the_benchmark():
    from checker.timing import recording

    with recording() as times:
        run([control()], answer({"C-01": []}))
    assert sorted(times) == ["evaluate", "policies", "statuses"]


def test_every_problem_of_an_engine_error_is_kept():
    class TwoProblems(StubEngine):
        def evaluate(self, query: str, input_: Mapping[str, Any]) -> Any:
            self.queries.append(query)
            raise EvaluationError([Problem(Location("a.rego", 1, 1), "one"),
                                   Problem(Location("b.rego", 2, 1), "two")])

    catalogue = Catalogue((Framework("mini", "Mini", "1", (control(),)),), {})
    [verdict] = assess(catalogue, (), EvidenceSet((ORG, AUTH)), TwoProblems(), AS_OF).results
    assert verdict.reason == "evaluation failed: a.rego:1:1: one; b.rego:2:1: two"


def test_a_bad_engine_answer_is_an_error_for_a_scoped_control_too():
    ctl = control(applies_rule="data.mini.scope")
    [verdict] = run([ctl], ["not", "an", "object"]).values()
    assert (verdict.status, verdict.reason) == (
        Status.ERROR, "evaluation failed: engine returned list for data.checker.aggregate")


def test_every_verdict_keeps_the_evidence_it_read():
    """Reports trace every verdict to its evidence, whatever the verdict."""
    scoped = control(applies_rule="data.mini.scope")
    cases = [
        one(control(effective_from="2030-01-01")),
        one(control(superseded_by="C-02", superseded_from="2026-01-01")),
        one(scoped, applicable={"C-01": False}),
        one(scoped, applicable={}),
        one(findings=[42]),
        one(findings=["short"]),
        one(control(evidence=("auth_policy", "patch_status"))),
    ]
    assert [(v.status, v.evidence) for v in cases] == [
        (Status.NOT_APPLICABLE, (AUTH,)), (Status.NOT_APPLICABLE, (AUTH,)),
        (Status.NOT_APPLICABLE, (AUTH,)), (Status.ERROR, (AUTH,)), (Status.ERROR, (AUTH,)),
        (Status.FAIL, (AUTH,)), (Status.GAP, (AUTH,))]


def test_an_attestation_that_cites_no_controls_counts_for_none():
    bare = evidence("att", kind="attestation", facts={"outcome": "met"})
    ctl = control(mode="attested", evidence=("attestation",), policy="data.lib.attested")
    assert one(ctl, items=(bare,)).reason == "no 'attestation' evidence citing this control"


def test_an_unlocated_finding_sorts_before_located_ones():
    devices = evidence("devices", kind="device_inventory", file="/abs/devices.yaml")
    verdict = one(findings=[{"msg": "b", "evidence": "devices"}, "a"], items=(devices,))
    assert [(f.message, f.location) for f in verdict.findings] == [
        ("a", None), ("b", Location("/abs/devices.yaml", 1, 1))]


# unfilled templates (draft: true, as `checker init` writes them)

DRAFT_NOTICE = ("template not filled in (checker init wrote it): every control using it is a "
                "gap until it is filled in and this line deleted")


def _draft(eid: str, file: str) -> Any:
    return evidence(eid, collected="2026-10-01", file=file, draft=True,
                    marks={("draft",): (3, 1), ("facts",): (4, 1)})


def test_a_control_reading_unfilled_templates_is_a_gap_naming_each_draft_line():
    verdict = one(items=(_draft("auth-a", "evidence/a.yaml"), _draft("auth-b", "evidence/b.yaml")))
    assert (verdict.status, verdict.reason) == (
        Status.GAP, "template not filled in: evidence/a.yaml:3:1, evidence/b.yaml:3:1")


def test_an_unfilled_template_is_a_gap_even_beside_filled_in_evidence_and_findings():
    verdict = one(findings=["too short"], items=(AUTH, _draft("auth-t", "evidence/t.yaml")))
    assert (verdict.status, verdict.reason) == (
        Status.GAP, "template not filled in: evidence/t.yaml:3:1")
    assert [f.message for f in verdict.findings] == ["too short"]


def test_each_unfilled_template_is_a_notice_at_its_draft_line():
    catalogue = Catalogue((Framework("mini", "Mini", "1", (control(),)),), {"c.yaml": "1" * 64})
    found = assess(catalogue, (), EvidenceSet((ORG, _draft("auth-t", "evidence/t.yaml"))),
                   StubEngine(answer({"C-01": []})), AS_OF)
    assert found.notices == (Problem(Location("evidence/t.yaml", 3, 1), DRAFT_NOTICE),)
    assert found.drafts == (Location("evidence/t.yaml", 3, 1),)


def test_an_unfilled_organisation_profile_makes_every_judged_control_a_gap_not_out_of_scope():
    draft_org = evidence("org", kind="organisation", collected="2026-01-01", draft=True,
                         facts={"name": "Test Council"}, file="evidence/org.yaml",
                         marks={("draft",): (3, 1)})
    scoped = control("C-01", applies_rule="data.mini.scope", applies_reason="no cards")
    plain = control("C-02")
    catalogue = Catalogue((Framework("mini", "Mini", "1", (scoped, plain)),), {})
    found = assess(catalogue, (), EvidenceSet((draft_org, AUTH)),
                   StubEngine(answer({"C-01": [], "C-02": ["too short"]}, {"C-01": False})),
                   AS_OF)
    why = ("template not filled in: evidence/org.yaml:3:1 (the organisation profile, which "
           "decides scope)")
    assert [(r.control.id, r.status, r.reason) for r in found.results] == [
        ("C-01", Status.GAP, why), ("C-02", Status.GAP, why)]
    # the findings stay visible, and each verdict names the evidence it read
    assert [([f.message for f in r.findings], r.evidence) for r in found.results] == [
        ([], (AUTH,)), (["too short"], (AUTH,))]


def test_an_unfilled_template_and_a_missing_kind_are_both_named():
    ctl = control(evidence=("auth_policy", "device_inventory"))
    verdict = one(ctl, items=(_draft("auth-t", "evidence/t.yaml"),))
    assert (verdict.status, verdict.reason) == (
        Status.GAP, "template not filled in: evidence/t.yaml:3:1; no 'device_inventory' evidence")
