"""Project parameters (controls/parameters.yaml): an organisation may tighten them in its
profile and never loosen them; the rules judge with the values the run hands them."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

from click.testing import CliRunner, Result

from checker.catalogue import load_catalogue
from checker.cli import cli
from checker.policies import bundled

REPO = Path(__file__).resolve().parent.parent

# One critical update installed 10 days after release: inside 14 days, outside 7.
PATCHES = """\
kind: patch_status
id: patches
title: Patch status
owner: Infrastructure Manager
collected: 2026-10-28
facts:
  hosts:
    - name: file-01
      patches:
        - {id: KB1, severity: critical, released: 2026-10-01, installed: 2026-10-11}
"""


def _pack(tmp_path: Path, parameters: str = "") -> Path:
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    profile = (REPO / "evidence" / "example" / "organisation.yaml").read_text(encoding="utf-8")
    if parameters:
        profile = profile.replace("  pecr_provider: false\n", "  pecr_provider: false\n"
                                  "  parameters:\n" + textwrap.indent(parameters, "    "))
    (evidence / "organisation.yaml").write_text(profile, encoding="utf-8")
    (evidence / "patches.yaml").write_text(PATCHES, encoding="utf-8")
    return evidence


def _run(evidence: Path) -> Result:
    return CliRunner().invoke(cli, ["run", "--evidence", str(evidence), "--as-of",
                                    "2026-11-01", "--framework", "psn", "--format", "json"])


def _ops01(result: Result) -> dict[str, object]:
    controls = json.loads(result.stdout)["controls"]
    return next(c for c in controls if c["id"] == "PSN-OPS-01")


def test_patch_at_ten_days_passes_the_project_fourteen_day_window(tmp_path):
    control = _ops01(_run(_pack(tmp_path)))
    assert control["status"] == "pass"


def test_profile_tightening_the_window_to_seven_days_fails_the_same_patch(tmp_path):
    control = _ops01(_run(_pack(tmp_path, "psn_patch_days: 7\n")))
    assert control["status"] == "fail"
    assert [f["message"] for f in control["findings"]] == [
        "file-01: critical patch KB1 released 2026-10-01, installed after 10 days; due within 7"]


def test_profile_loosening_the_window_is_an_input_error_at_its_line(tmp_path):
    evidence = _pack(tmp_path, "psn_patch_days: 21\n")
    line = next(n for n, text in enumerate(
        (evidence / "organisation.yaml").read_text().splitlines(), 1)
        if "psn_patch_days" in text)
    result = _run(evidence)
    assert result.exit_code == 2
    assert f"organisation.yaml:{line}" in result.stderr
    assert "parameter 'psn_patch_days' 21 days is above the project value 14" in result.stderr


def test_profile_widening_accepted_cvss_versions_is_an_input_error(tmp_path):
    result = _run(_pack(tmp_path, "psn_cvss_versions: ['2.0', '3.1']\n"))
    assert result.exit_code == 2
    assert "parameter 'psn_cvss_versions'" in result.stderr


def test_profile_naming_an_unknown_parameter_is_an_input_error(tmp_path):
    result = _run(_pack(tmp_path, "psn_patch_dayz: 7\n"))
    assert result.exit_code == 2
    assert "unknown parameter 'psn_patch_dayz'" in result.stderr


def test_validate_rejects_a_loosened_parameter_too(tmp_path):
    evidence = _pack(tmp_path, "dh_training_refresher_months: 24\n")
    result = CliRunner().invoke(cli, ["validate", "--evidence", str(evidence),
                                      "--as-of", "2026-11-01"])
    assert result.exit_code == 2
    assert "dh_training_refresher_months" in result.stderr


def test_every_parameter_names_the_controls_that_use_it_and_they_exist():
    catalogue = load_catalogue(bundled("controls"))
    assert catalogue.parameters["psn_patch_days"].value == 14
    assert catalogue.parameters["psn_cvss_versions"].value == ("3.0", "3.1", "4.0")
    ids = {c.id for c in catalogue.controls}
    for parameter in catalogue.parameters.values():
        assert set(parameter.used_by) <= ids, parameter.key


def test_controls_without_a_parameter_file_fail_closed(tmp_path):
    controls = tmp_path / "controls"
    shutil.copytree(bundled("controls"), controls)
    (controls / "parameters.yaml").unlink()
    result = CliRunner().invoke(cli, ["run", "--evidence", str(_pack(tmp_path)), "--as-of",
                                      "2026-11-01", "--framework", "psn", "--format", "json",
                                      "--controls", str(controls)])
    control = _ops01(result)
    assert control["status"] == "fail"
    assert control["findings"][0]["message"].startswith(
        "project parameter psn_patch_days is not set")
