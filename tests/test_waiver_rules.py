"""Waiver rules at their edges: the 12-month limit, dates, scope and what a waiver may cover.

Calls checker.waivers directly; tests/test_waivers.py covers the same rules through the CLI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import control, result, waiver

from checker.errors import InputError, Location, Problem
from checker.model import Finding, Status
from checker.waivers import (
    MAX_MONTHS,
    WaiverSet,
    apply_waivers,
    load_waivers,
    same_person,
    waiver_file,
)

KNOWN = (control("PCI-8.3.6"), control("PCI-8.3.9"))


def write(directory: Path, approved: str = "2026-09-01", expires: str = "2027-03-31",
          control_id: str = "PCI-8.3.6", name: str = "waivers.yaml") -> Path:
    path = directory / name
    path.write_text("waivers:\n"
                    f"  - control: {control_id}\n"
                    "    reason: Vendor fix due in March.\n"
                    "    approved_by: M. Proudie (SIRO)\n"
                    f"    approved_on: {approved}\n"
                    f"    expires: {expires}\n", encoding="utf-8")
    return path


def problems(directory: Path, as_of: str = "2026-11-01") -> list[str]:
    with pytest.raises(InputError) as caught:
        load_waivers(directory, KNOWN, as_of, display_root="evidence")
    return [str(p) for p in caught.value.problems]


def test_the_limit_is_twelve_months():
    assert MAX_MONTHS == 12


def test_a_waiver_may_run_exactly_twelve_months(tmp_path):
    write(tmp_path, approved="2026-09-01", expires="2027-09-01")
    [loaded] = load_waivers(tmp_path, KNOWN, "2026-11-01").waivers
    assert (loaded.control, loaded.approved_on, loaded.expires) == (
        "PCI-8.3.6", "2026-09-01", "2027-09-01")
    assert loaded.location == Location(f"{tmp_path.as_posix()}/waivers.yaml", 2, 5)


def test_a_waiver_one_day_longer_than_twelve_months_is_refused_at_its_expiry(tmp_path):
    write(tmp_path, approved="2026-09-01", expires="2027-09-02")
    assert problems(tmp_path) == [
        "evidence/waivers.yaml:6:5: waiver for PCI-8.3.6 expires 2027-09-02, more than 12 "
        "months after approval on 2026-09-01 (latest 2027-09-01)"]


def test_twelve_months_from_a_leap_day_ends_on_the_last_day_of_february(tmp_path):
    write(tmp_path, approved="2024-02-29", expires="2025-03-01")
    assert problems(tmp_path, as_of="2024-03-01") == [
        "evidence/waivers.yaml:6:5: waiver for PCI-8.3.6 expires 2025-03-01, more than 12 "
        "months after approval on 2024-02-29 (latest 2025-02-28)"]


def test_a_waiver_may_expire_on_its_approval_day_but_not_before(tmp_path):
    write(tmp_path, approved="2026-10-01", expires="2026-10-01")
    assert len(load_waivers(tmp_path, KNOWN, "2026-11-01").waivers) == 1
    write(tmp_path, approved="2026-10-01", expires="2026-09-30")
    assert problems(tmp_path) == [
        "evidence/waivers.yaml:6:5: waiver for PCI-8.3.6 expires before it was approved"]


def test_a_waiver_approved_on_the_assessment_date_counts_but_not_one_approved_later(tmp_path):
    write(tmp_path, approved="2026-11-01", expires="2027-01-31")
    assert len(load_waivers(tmp_path, KNOWN, "2026-11-01").waivers) == 1
    write(tmp_path, approved="2026-11-02", expires="2027-01-31")
    assert problems(tmp_path) == [
        "evidence/waivers.yaml:2:5: waiver for PCI-8.3.6 is approved on 2026-11-02, after the "
        "assessment date 2026-11-01"]


def test_a_waiver_for_an_unknown_control_is_refused_at_its_entry(tmp_path):
    write(tmp_path, control_id="PCI-99.1")
    assert problems(tmp_path) == [
        "evidence/waivers.yaml:2:5: waiver names unknown control 'PCI-99.1'"]


def test_no_waivers_file_is_no_waivers(tmp_path):
    assert load_waivers(tmp_path, KNOWN, "2026-11-01") == WaiverSet((), {})
    assert waiver_file(tmp_path) is None
    assert waiver_file(tmp_path / "no-such-pack") is None


def test_the_waivers_file_is_part_of_the_inputs_digest(tmp_path):
    import hashlib

    path = write(tmp_path)
    loaded = load_waivers(tmp_path, KNOWN, "2026-11-01")
    assert loaded.files == {"evidence/waivers.yaml": hashlib.sha256(path.read_bytes()).hexdigest()}


def test_both_yaml_and_yml_waiver_files_are_refused(tmp_path):
    write(tmp_path)
    write(tmp_path, name="waivers.yml")
    with pytest.raises(InputError) as caught:
        waiver_file(tmp_path)
    assert [p.message for p in caught.value.problems] == [
        "both waivers.yaml and waivers.yml exist; keep one"]
    assert caught.value.problems[0].location.file.endswith("waivers.yml")


def test_a_waivers_file_with_two_documents_is_refused(tmp_path):
    text = write(tmp_path).read_text()
    (tmp_path / "waivers.yaml").write_text(text + "---\n" + text, encoding="utf-8")
    assert problems(tmp_path) == ["evidence/waivers.yaml: waivers file must hold exactly one "
                                  "document"]


# apply_waivers: what a valid waiver turns into "waived", and what it leaves alone

FINDING_A = Finding("portal: length 10", "portal", "facts.min_length")
FINDING_B = Finding("AD: length 8", "ad", "facts.min_length")


def applied(status, findings=(), waivers=(), as_of="2026-11-01"):
    results, notices = apply_waivers((result(control("PCI-8.3.6"), status, findings),),
                                     tuple(waivers), as_of)
    return results[0], notices


def test_a_waiver_turns_a_fail_into_waived_naming_what_it_was():
    out, notices = applied(Status.FAIL, (FINDING_A,), [waiver("PCI-8.3.6")])
    assert (out.status, out.waived_status) == (Status.WAIVED, Status.FAIL)
    assert out.reason == "waived until 2027-03-31 (fail: why)"
    assert out.findings == (FINDING_A,)
    assert out.waiver == waiver("PCI-8.3.6")
    assert notices == ()


def test_a_waiver_applies_on_its_expiry_day():
    out, notices = applied(Status.GAP, waivers=[waiver("PCI-8.3.6", expires="2026-11-01")])
    assert (out.status, out.reason) == (Status.WAIVED, "waived until 2026-11-01 (gap: why)")
    assert out.waived_status is Status.GAP
    assert notices == ()


def test_an_expired_waiver_is_not_applied_and_is_reported():
    out, notices = applied(Status.FAIL, (FINDING_A,),
                           [waiver("PCI-8.3.6", expires="2026-10-31", line=7)])
    assert out.status is Status.FAIL
    assert out.waiver is None
    assert notices == (Problem(Location("evidence/waivers.yaml", 7, 5),
                               "waiver for PCI-8.3.6 expired on 2026-10-31; not applied"),)


def test_expired_waiver_notices_are_in_file_order():
    _, notices = applied(Status.PASS, waivers=[waiver("PCI-8.3.9", expires="2026-01-01", line=9),
                                               waiver("PCI-8.3.6", expires="2026-02-01", line=3)])
    assert [n.location.line for n in notices] == [3, 9]


@pytest.mark.parametrize("status", [Status.PASS, Status.NOT_APPLICABLE, Status.ERROR])
def test_a_waiver_never_touches_a_pass_an_out_of_scope_control_or_an_error(status):
    out, _ = applied(status, waivers=[waiver("PCI-8.3.6")])
    assert (out.status, out.waiver, out.reason) == (status, None, "why")


def test_a_waiver_for_another_control_does_not_apply():
    out, _ = applied(Status.FAIL, (FINDING_A,), [waiver("PCI-8.3.9")])
    assert out.status is Status.FAIL


def test_an_evidence_waiver_covers_a_fail_only_when_every_finding_is_on_that_evidence():
    only_portal, _ = applied(Status.FAIL, (FINDING_A,), [waiver("PCI-8.3.6", evidence_id="portal")])
    assert only_portal.status is Status.WAIVED
    both, _ = applied(Status.FAIL, (FINDING_A, FINDING_B),
                      [waiver("PCI-8.3.6", evidence_id="portal")])
    assert both.status is Status.FAIL


def test_an_evidence_waiver_does_not_cover_a_gap():
    out, _ = applied(Status.GAP, waivers=[waiver("PCI-8.3.6", evidence_id="portal")])
    assert out.status is Status.GAP


def test_a_later_waiver_applies_when_an_earlier_one_does_not_cover():
    other = waiver("PCI-8.3.6", evidence_id="ad", line=2)
    whole = waiver("PCI-8.3.6", expires="2027-01-31", line=9)
    out, _ = applied(Status.FAIL, (FINDING_A,), [other, whole])
    assert out.waiver == whole
    assert out.reason == "waived until 2027-01-31 (fail: why)"


def test_a_loaded_waiver_keeps_every_field(tmp_path):
    write(tmp_path)
    [loaded] = load_waivers(tmp_path, KNOWN, "2026-11-01").waivers
    assert (loaded.reason, loaded.approved_by, loaded.evidence, loaded.compensating_control) == (
        "Vendor fix due in March.", "M. Proudie (SIRO)", None, None)


def test_a_bad_waiver_is_reported_even_when_a_later_one_is_fine(tmp_path):
    text = write(tmp_path, control_id="PCI-99.1").read_text()
    good = text.replace("waivers:\n", "").replace("PCI-99.1", "PCI-8.3.9")
    (tmp_path / "waivers.yaml").write_text(text + good, encoding="utf-8")
    assert problems(tmp_path) == [
        "evidence/waivers.yaml:2:5: waiver names unknown control 'PCI-99.1'"]


def test_an_unreadable_waivers_file_is_named_as_the_pack_shows_it(tmp_path):
    (tmp_path / "waivers.yaml").write_bytes(b"waivers:\n  - control: PCI-8.3.6\xff\n")
    assert problems(tmp_path) == ["evidence/waivers.yaml:2: file is not valid UTF-8"]


def test_a_blank_reason_and_a_blank_approver_are_each_refused_at_their_line(tmp_path):
    text = write(tmp_path).read_text()
    (tmp_path / "waivers.yaml").write_text(
        text.replace("Vendor fix due in March.", "' '").replace("M. Proudie (SIRO)", "'  '"),
        encoding="utf-8")
    assert problems(tmp_path) == [
        "evidence/waivers.yaml:3:5: waiver for PCI-8.3.6 gives no reason",
        "evidence/waivers.yaml:4:5: waiver for PCI-8.3.6 has a blank approved_by; name who "
        "accepted the risk, and in what role"]


def test_names_are_compared_ignoring_case_and_spacing():
    assert same_person("  Margaret\tPROUDIE  (SIRO) ", "margaret proudie")
    assert not same_person("Margaret Proudie", "Mary Thorne")


def test_a_compensating_controls_worksheet_is_loaded_in_its_order(tmp_path):
    path = write(tmp_path)
    path.write_text(path.read_text() +
                    "    compensating_control: Portal reachable only over the VPN with MFA.\n"
                    "    ccw:\n"
                    "      constraints: Vendor supports 10 characters until 5.2.\n"
                    "      objective: Stop password guessing.\n"
                    "      identified_risk: Short passwords guessed.\n"
                    "      definition: VPN with MFA in front of the portal.\n"
                    "      validation: QSA reviewed the VPN policy.\n"
                    "      maintenance: Reviewed each quarter.\n", encoding="utf-8")
    [loaded] = load_waivers(tmp_path, KNOWN, "2026-11-01").waivers
    assert loaded.compensating_control == "Portal reachable only over the VPN with MFA."
    assert loaded.ccw == (("constraints", "Vendor supports 10 characters until 5.2."),
                          ("objective", "Stop password guessing."),
                          ("identified_risk", "Short passwords guessed."),
                          ("definition", "VPN with MFA in front of the portal."),
                          ("validation", "QSA reviewed the VPN policy."),
                          ("maintenance", "Reviewed each quarter."))
