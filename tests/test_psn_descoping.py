"""`psn_access: false` takes a person, device or host out of the PSN checks only with an
approved `psn_exclusion`; anyone can write `false` (a false pass found by an outside review)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from example_pack import control_of, copy_example, run_pack

_run = partial(run_pack, framework="psn")
_control = partial(control_of, framework="psn")

SCREENING = "psn/personnel-screening.yaml"
E4120 = "    - {person: E4120, role: Highways Inspector, psn_access: false, vetting: none}\n"


def _pack(tmp_path: Path, exclusion: str | None) -> Path:
    pack = copy_example(tmp_path)
    path = pack / SCREENING
    text = path.read_text(encoding="utf-8")
    assert E4120 in text
    if exclusion is not None:
        text = text.replace(E4120, E4120.replace("vetting: none}", "vetting: none,\n"
                                                 f"       psn_exclusion: {exclusion}}}"))
    path.write_text(text, encoding="utf-8")
    return pack






APPROVED = ("{reason: No PSN-connected system in the role; access removed 2026-03-02 (SR-2231), "
            "approved_by: 'Gregory Slope, Head of ICT Security', approved_on: 2026-03-02}")


def test_psn_access_false_without_an_approval_is_judged_as_having_access(tmp_path):
    control = _control(_pack(tmp_path, None), "PSN-OPS-11")
    assert control["status"] == "fail"
    [finding] = control["findings"]
    assert finding["message"] == (
        "E4120 (Highways Inspector) has PSN access with vetting none; need at least BPSS "
        "[marked psn_access: false with no psn_exclusion approving it, so judged as having "
        "PSN access]")
    assert (Path(finding["file"]).name, finding["line"]) == ("personnel-screening.yaml", 14)


def test_an_approved_exclusion_takes_the_person_out(tmp_path):
    pack = _pack(tmp_path, APPROVED)
    assert _control(pack, "PSN-OPS-11")["status"] == "pass"
    messages = [f["message"] for f in _control(pack, "PSN-OPS-10")["findings"]]
    assert not [m for m in messages if "E4120" in m]


def test_an_exclusion_older_than_12_months_no_longer_counts(tmp_path):
    control = _control(_pack(tmp_path, APPROVED.replace("approved_on: 2026-03-02",
                                                        "approved_on: 2025-10-31")),
                       "PSN-OPS-11")
    assert control["status"] == "fail"
    assert "approved 2025-10-31, does not count at 2026-11-01" in control["findings"][0]["message"]


@pytest.mark.parametrize(("approver", "why"), [
    ("HR Vetting Officer (acting)", "approved by the document's owner (HR Vetting Officer)"),
    ("E4120", "approved by the item's own person (E4120)"),
    ("highways inspector", "approved by the item's own role (Highways Inspector)"),
    ("N/A", "approved by 'N/A', which names nobody"),
])
def test_an_exclusion_approved_by_whoever_it_concerns_is_refused(tmp_path, approver, why):
    result = _run(_pack(tmp_path, APPROVED.replace("'Gregory Slope, Head of ICT Security'",
                                                   f"'{approver}'")))
    assert result.exit_code == 2
    assert "personnel-screening.yaml:15:" in result.output
    assert f"psn_exclusion of E4120 is {why}" in result.output


def test_an_exclusion_dated_after_the_assessment_is_refused(tmp_path):
    result = _run(_pack(tmp_path, APPROVED.replace("approved_on: 2026-03-02",
                                                   "approved_on: 2026-11-02")))
    assert result.exit_code == 2
    assert ("psn_exclusion of E4120 is dated 2026-11-02, after the assessment date 2026-11-01"
            in result.output)


def test_an_exclusion_on_someone_with_psn_access_is_refused(tmp_path):
    pack = _pack(tmp_path, APPROVED)
    path = pack / SCREENING
    path.write_text(path.read_text(encoding="utf-8").replace(
        "role: Highways Inspector, psn_access: false", "role: Highways Inspector, psn_access: true"),
        encoding="utf-8")
    result = _run(pack)
    assert result.exit_code == 2
    assert "E4120 has a psn_exclusion but psn_access is not false" in result.output
