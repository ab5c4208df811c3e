"""`psn_data: false` keeps an information asset off the PSN checks (PSN-DATA-01) only with an
approved `psn_exclusion`, as `psn_access: false` does for people, devices and hosts."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from example_pack import control_of, copy_example, run_pack

_run = partial(run_pack, framework="psn")
_control = partial(control_of, framework="psn")

REGISTER = "governance/asset-register.yaml"
#: A SECRET asset the register says is never carried over the PSN (line 43 of the copy).
LIAISON = """\
    - id: IA-004
      name: Police liaison intelligence
      owner: Head of Community Safety
      classification: SECRET
      psn_data: false
"""
APPROVED = """\
      psn_exclusion:
        reason: Held only on the accredited police liaison terminal, never on PSN systems (ISM-44)
        approved_by: {approver}
        approved_on: 2026-04-14
"""


def _pack(tmp_path: Path, exclusion: str = "", flag: str = "false") -> Path:
    pack = copy_example(tmp_path)
    path = pack / REGISTER
    path.write_text(path.read_text(encoding="utf-8") + LIAISON.replace(
        "psn_data: false", f"psn_data: {flag}") + exclusion, encoding="utf-8")
    return pack






def test_psn_data_false_without_an_approval_is_judged_as_carried_over_the_psn(tmp_path):
    control = _control(_pack(tmp_path), "PSN-DATA-01")
    assert control["status"] == "fail"
    [finding] = control["findings"]
    assert finding["message"] == (
        "IA-004 (Police liaison intelligence) is classified SECRET and not recorded as kept "
        "off the PSN (psn_data: false); the PSN ceiling is OFFICIAL [marked psn_data: false "
        "with no psn_exclusion approving it, so judged as carried over the PSN]")
    assert (Path(finding["file"]).name, finding["line"]) == ("asset-register.yaml", 46)


def test_an_approved_exclusion_keeps_the_asset_off_the_psn(tmp_path):
    pack = _pack(tmp_path, APPROVED.format(approver="Senior Information Risk Owner"))
    assert _control(pack, "PSN-DATA-01")["status"] == "pass"


def test_an_exclusion_older_than_12_months_no_longer_counts(tmp_path):
    pack = _pack(tmp_path, APPROVED.format(approver="Senior Information Risk Owner")
                 .replace("2026-04-14", "2025-10-31"))
    control = _control(pack, "PSN-DATA-01")
    assert control["status"] == "fail"
    assert "approved 2025-10-31, does not count at 2026-11-01" in control["findings"][0]["message"]


@pytest.mark.parametrize("approver", ["Head of Information Governance (acting)", "tbc",
                                      "head of community safety"])
def test_an_exclusion_approved_by_the_registers_or_the_assets_owner_or_nobody_is_refused(
        tmp_path, approver):
    result = _run(_pack(tmp_path, APPROVED.format(approver=approver)))
    assert result.exit_code == 2
    assert "asset-register.yaml:50:" in result.output
    assert "psn_exclusion of IA-004 is approved by" in result.output


def test_an_exclusion_on_an_asset_carried_over_the_psn_is_refused(tmp_path):
    pack = _pack(tmp_path, APPROVED.format(approver="Senior Information Risk Owner"), "true")
    result = _run(pack)
    assert result.exit_code == 2
    assert "asset-register.yaml:48:" in result.output
    assert "IA-004 has a psn_exclusion but psn_data is not false" in result.output
