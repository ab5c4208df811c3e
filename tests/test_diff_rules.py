"""What `checker diff` calls a regression or an improvement, rule by rule (checker.diff).

The base is the JSON results document of an earlier assessment, as a saved baseline is; each
test writes both sides by hand and the exact changes it expects.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from builders import assessment, control, evidence, result

from checker.diff import Change, compare, leaving_scope
from checker.diffgate import read_baseline
from checker.errors import InputError, Location
from checker.formats import json_
from checker.model import Finding, Status

DEV = evidence("devices", kind="device_inventory", file="evidence/devices.yaml", line=4)
AT_LT1 = Location("evidence/devices.yaml", 12, 7)
AT_LT2 = Location("evidence/devices.yaml", 17, 9)


def side(*rows: tuple[str, Status, tuple[Finding, ...]], items=(DEV,), reason="why"):
    return assessment(*(result(control(cid, evidence=("device_inventory",)), status, findings,
                               items, reason=reason) for cid, status, findings in rows))


def changes(base, head):
    found = compare(json_.document(base), head, "origin/main")
    return list(found.regressions), list(found.improvements)


def fail(*messages_at: tuple[str, Location | None]) -> tuple[Finding, ...]:
    return tuple(Finding(m, "devices", "facts.devices", at) for m, at in messages_at)


def test_pass_to_fail_is_a_regression_at_the_first_new_finding():
    base = side(("C-01", Status.PASS, ()))
    head = side(("C-01", Status.FAIL, fail(("LT-1 unencrypted", AT_LT1),
                                           ("LT-2 unencrypted", AT_LT2))), reason="2 findings")
    assert changes(base, head) == ([Change("C-01", "C-01 title", "pass", "fail",
                                           "LT-1 unencrypted; LT-2 unencrypted", AT_LT1)], [])


def test_pass_to_gap_names_the_reason_and_points_at_the_evidence():
    base = side(("C-01", Status.PASS, ()))
    head = side(("C-01", Status.GAP, ()), reason="'device_inventory' evidence is not current")
    assert changes(base, head) == ([Change(
        "C-01", "C-01 title", "pass", "gap", "'device_inventory' evidence is not current",
        Location("evidence/devices.yaml", 4, 0))], [])


def test_a_regression_without_findings_or_evidence_has_no_location():
    base = side(("C-01", Status.PASS, ()), items=())
    head = side(("C-01", Status.ERROR, ()), items=(), reason="engine failed")
    [regression], _ = changes(base, head)
    assert (regression.detail, regression.location) == ("engine failed", None)


def test_a_finding_without_a_line_is_skipped_for_the_location():
    no_line = Location("evidence/devices.yaml", 0, 0)
    head = side(("C-01", Status.FAIL, fail(("a", no_line), ("b", Location("evidence/x.yaml", 3)))))
    [regression], _ = changes(side(("C-01", Status.PASS, ())), head)
    assert regression.location == Location("evidence/x.yaml", 3, 0)


def test_a_new_finding_on_an_already_failing_control_is_a_regression():
    base = side(("C-01", Status.FAIL, fail(("LT-1 unencrypted", AT_LT1))))
    head = side(("C-01", Status.FAIL, fail(("LT-1 unencrypted", AT_LT1), ("LT-2 a", AT_LT2),
                                           ("LT-2 b", AT_LT2))))
    assert changes(base, head) == ([Change("C-01", "C-01 title", "fail", "fail",
                                           "new finding: LT-2 a; LT-2 b", AT_LT2)], [])


def test_a_new_finding_under_a_waiver_is_a_regression_too():
    base = side(("C-01", Status.WAIVED, fail(("LT-1 unencrypted", AT_LT1))))
    head = side(("C-01", Status.WAIVED, fail(("LT-1 unencrypted", AT_LT1), ("LT-2", AT_LT2))))
    [regression], _ = changes(base, head)
    assert (regression.before, regression.after, regression.detail) == (
        "waived", "waived", "new finding: LT-2")


def test_the_same_findings_are_no_change_and_a_waiver_lapsing_is_a_regression():
    findings = fail(("LT-1 unencrypted", AT_LT1))
    assert changes(side(("C-01", Status.FAIL, findings)),
                   side(("C-01", Status.FAIL, findings))) == ([], [])
    [lapsed], _ = changes(side(("C-01", Status.WAIVED, findings)),
                          side(("C-01", Status.FAIL, findings), reason="1 finding"))
    assert (lapsed.before, lapsed.after, lapsed.detail, lapsed.location) == (
        "waived", "fail", "1 finding", AT_LT1)


def test_fail_to_gap_is_not_an_improvement_nor_a_regression_without_new_findings():
    findings = fail(("LT-1 unencrypted", AT_LT1))
    assert changes(side(("C-01", Status.FAIL, findings)),
                   side(("C-01", Status.GAP, findings))) == ([], [])


def test_a_new_finding_on_a_control_that_improved_is_not_a_regression():
    base = side(("C-01", Status.ERROR, ()))
    head = side(("C-01", Status.FAIL, fail(("LT-2", AT_LT2))), reason="1 finding")
    assert changes(base, head) == ([], [Change("C-01", "C-01 title", "error", "fail",
                                               "1 finding")])


def test_fail_to_pass_is_an_improvement_with_the_new_reason():
    base = side(("C-01", Status.FAIL, fail(("LT-1", AT_LT1))))
    head = side(("C-01", Status.PASS, ()), reason="evidence present and fresh; no findings")
    assert changes(base, head) == ([], [Change("C-01", "C-01 title", "fail", "pass",
                                               "evidence present and fresh; no findings")])


def test_a_control_missing_from_the_head_is_a_regression():
    base = side(("C-01", Status.PASS, ()), ("C-02", Status.FAIL, ()))
    head = side(("C-01", Status.PASS, ()))
    assert changes(base, head) == ([Change("C-02", "C-02 title", "fail", None,
                                           "control disappeared from the results")], [])


def test_a_new_control_is_a_regression_only_when_it_does_not_hold():
    base = side(("C-01", Status.PASS, ()))
    head = side(("C-01", Status.PASS, ()), ("C-02", Status.FAIL, fail(("LT-2", AT_LT2))),
                ("C-03", Status.PASS, ()), ("C-04", Status.NOT_APPLICABLE, ()),
                ("C-05", Status.WAIVED, ()), ("C-06", Status.GAP, ()), reason="r")
    assert changes(base, head) == ([
        Change("C-02", "C-02 title", None, "fail", "new control, fail: r", AT_LT2),
        Change("C-06", "C-06 title", None, "gap", "new control, gap: r",
               Location("evidence/devices.yaml", 4, 0))], [])


def test_against_an_empty_base_nothing_is_a_regression():
    head = side(("C-01", Status.FAIL, fail(("LT-2", AT_LT2))))
    assert changes(assessment(), head) == ([], [])


def test_changes_are_in_natural_control_order():
    base = side(("C-10", Status.PASS, ()), ("C-9", Status.PASS, ()), ("C-1", Status.PASS, ()))
    head = side(("C-10", Status.GAP, ()), ("C-9", Status.GAP, ()), ("C-1", Status.GAP, ()))
    regressions, _ = changes(base, head)
    assert [c.subject for c in regressions] == ["C-1", "C-9", "C-10"]


def test_removed_evidence_without_a_successor_is_a_regression_after_the_controls():
    patch = evidence("patch-09", kind="patch_status", file="evidence/patch.yaml", line=2)
    base = side(("C-01", Status.PASS, ()), items=(DEV, patch))
    head = side(("C-01", Status.PASS, ()), items=(DEV,))
    assert changes(base, head) == ([Change(
        "patch-09", "patch_status evidence", "present", None,
        "evidence 'patch-09' (evidence/patch.yaml:2) was removed and no new patch_status "
        "evidence replaces it")], [])


def test_removed_evidence_replaced_by_a_new_document_of_its_kind_is_routine():
    old = evidence("patch-09", kind="patch_status", file="evidence/patch.yaml")
    new = evidence("patch-10", kind="patch_status", file="evidence/patch.yaml")
    assert changes(side(("C-01", Status.PASS, ()), items=(old,)),
                   side(("C-01", Status.PASS, ()), items=(new,))) == ([], [])


@pytest.mark.parametrize(("head_status", "code"), [
    (Status.PASS, 0), (Status.FAIL, 1), (Status.ERROR, 3)])
def test_diff_exit_code(head_status, code):
    found = compare(json_.document(side(("C-01", Status.PASS, ()))),
                    side(("C-01", head_status, ())), "base")
    assert found.exit_code == code


def test_an_error_on_both_sides_still_exits_3():
    base = side(("C-01", Status.ERROR, ()))
    found = compare(json_.document(base), side(("C-01", Status.ERROR, ())), "base")
    assert (found.regressions, found.exit_code) == ((), 3)


# reading a saved baseline


def test_a_saved_baseline_reads_back(tmp_path):
    document = json_.document(side(("C-01", Status.PASS, ())))
    path = tmp_path / "base.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert read_baseline(path, side(("C-01", Status.PASS, ()))).document == document


def test_a_missing_baseline_is_an_input_error_naming_it(tmp_path):
    path = tmp_path / "nope.json"
    with pytest.raises(InputError) as caught:
        read_baseline(path, side(("C-01", Status.PASS, ())))
    assert [str(p) for p in caught.value.problems] == [
        f"{path}: cannot read baseline: No such file or directory"]


def test_a_baseline_that_is_not_json_is_refused_at_its_line_and_column(tmp_path):
    path = tmp_path / "base.json"
    path.write_text('{\n  "as_of": oops\n}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_baseline(path, side(("C-01", Status.PASS, ())))
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2:12: baseline is not JSON: Expecting value"]


def test_a_baseline_that_is_not_a_results_document_names_the_first_bad_field(tmp_path):
    document = json_.document(side(("C-01", Status.PASS, ())))
    document["controls"][0]["status"] = "maybe"
    path = tmp_path / "base.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_baseline(path, side(("C-01", Status.PASS, ())))
    [problem] = caught.value.problems
    assert problem.location == Location(str(path))
    assert problem.message.startswith("baseline is not a checker results document: "
                                      "controls.0.status: 'maybe' is not one of ")


def test_a_baseline_missing_a_top_level_field_says_top_level(tmp_path):
    document = json_.document(side(("C-01", Status.PASS, ())))
    del document["controls"]
    path = tmp_path / "base.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_baseline(path, side(("C-01", Status.PASS, ())))
    assert [p.message for p in caught.value.problems] == [
        "baseline is not a checker results document: (top level): 'controls' is a required "
        "property"]


def test_a_disappeared_control_does_not_hide_the_changes_after_it():
    base = side(("C-1", Status.PASS, ()), ("C-2", Status.PASS, ()))
    head = side(("C-2", Status.GAP, ()))
    found = compare(json_.document(base), head, "origin/main")
    assert found.base == "origin/main"
    assert [(c.subject, c.after) for c in found.regressions] == [("C-1", None), ("C-2", "gap")]


def _refused(path) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_baseline(path, side(("C-01", Status.PASS, ())))
    return [str(p) for p in caught.value.problems]


def test_a_saved_baseline_is_labelled_with_its_path(tmp_path):
    path = tmp_path / "base.json"
    path.write_text(json.dumps(json_.document(side(("C-01", Status.PASS, ())))), encoding="utf-8")
    assert read_baseline(path, side(("C-01", Status.PASS, ()))).label == str(path)


def test_a_baseline_that_is_not_utf8_is_refused_naming_it(tmp_path):
    path = tmp_path / "base.json"
    path.write_bytes(b'{"as_of": "\xff"}\n')
    assert _refused(path) == [f"{path}: baseline is not UTF-8 text: invalid start byte"]


def test_a_baseline_without_controls_says_what_to_save_instead(tmp_path):
    document = json_.document(side(("C-01", Status.PASS, ())))
    document["controls"] = []
    path = tmp_path / "base.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert _refused(path) == [
        f"{path}: baseline holds no controls, so it cannot vouch for any; save a "
        "`checker run --format json` of the base"]


def test_a_baseline_with_errors_counts_them_and_points_at_the_first(tmp_path):
    document = json_.document(side(("C-01", Status.PASS, ()), ("C-02", Status.ERROR, ()),
                                   ("C-03", Status.ERROR, ())))
    path = tmp_path / "base.json"
    path.write_text(json.dumps(document), encoding="utf-8")  # one line: the first error is on 1
    assert _refused(path) == [
        f"{path}:1: baseline records 2 controls that could not be evaluated (first, C-02); a "
        "run with errors cannot vouch for a comparison: save a clean run, or compare with "
        "--base REF"]


def test_a_baseline_error_whose_id_is_escaped_is_refused_at_the_file(tmp_path):
    # JSON may spell C-02 as "C\u002d02": the line cannot be found, the file is still named
    document = json_.document(side(("C-01", Status.PASS, ()), ("C-02", Status.ERROR, ())))
    path = tmp_path / "base.json"
    path.write_text(json.dumps(document).replace('"C-02"', '"C\\u002d02"'), encoding="utf-8")
    assert _refused(path) == [
        f"{path}: baseline records 1 control that could not be evaluated (first, C-02); a "
        "run with errors cannot vouch for a comparison: save a clean run, or compare with "
        "--base REF"]


def test_a_baseline_of_another_organisation_names_both(tmp_path):
    document = json_.document(side(("C-01", Status.PASS, ())))
    document["organisation"] = "Plumstead Council"
    path = tmp_path / "base.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert _refused(path) == [
        f"{path}: baseline is for 'Plumstead Council', the evidence is for 'Test Council'; "
        "compare with a baseline of this organisation"]


# scope changes: a control the organisation profile puts out of scope at head

PROFILE = Location("evidence/organisation.yaml", 1, 1)
APPROVAL = "pci.takes_cards true -> false, approved by SIRO on 2026-10-01: moved to GOV.UK Pay"


def out_of_scope(cid: str):
    return replace(result(control(cid, evidence=("device_inventory",)), Status.NOT_APPLICABLE,
                          items=(DEV,), reason="no card payments"), applicable=False)


def test_scope_changes_are_listed_unapproved_first_and_only_those_are_regressions():
    base = side(("C-01", Status.PASS, ()), ("C-02", Status.FAIL, fail(("LT-1", AT_LT1))))
    head = replace(assessment(out_of_scope("C-01"), out_of_scope("C-02")), profile=PROFILE)
    found = compare(json_.document(base), head, "origin/main", approved={"C-01": APPROVAL})
    assert found.scope_changes == (
        Change("C-02", "C-02 title", "fail", "not_applicable",
               "left scope (no card payments); no approved change in the organisation "
               "profile's scope_approvals explains it", PROFILE),
        Change("C-01", "C-01 title", "pass", "not_applicable",
               f"left scope (no card payments); approved: {APPROVAL}", PROFILE, APPROVAL))
    assert (found.regressions, found.improvements, found.exit_code) == ((), (), 1)


def test_a_new_control_that_starts_out_of_scope_is_no_scope_change():
    base = side(("C-01", Status.PASS, ()))
    head = replace(assessment(result(control("C-01", evidence=("device_inventory",)),
                                     Status.PASS, items=(DEV,)), out_of_scope("C-02")),
                   profile=PROFILE)
    found = compare(json_.document(base), head, "origin/main")
    assert (found.scope_changes, found.regressions, found.exit_code) == ((), (), 0)


def test_a_control_absent_from_the_base_is_not_leaving_scope():
    base = side(("C-01", Status.PASS, ()))
    head = assessment(out_of_scope("C-01"), out_of_scope("C-02"))
    assert leaving_scope(json_.document(base), head) == ("C-01",)
