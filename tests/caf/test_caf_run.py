"""CAF on the example pack, end to end: levels from PSN/PCI/data-handling evidence and from
attestations, the profile from the organisation or --caf-profile, and errors located."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli

EXAMPLE = Path(__file__).parents[2] / "evidence" / "example"


def _run(*args: str):
    return CliRunner().invoke(cli, ["run", "--as-of", "2026-11-01", "--framework", "caf",
                                    *args], catch_exceptions=False)


def _levels(*args: str, pack: Path = EXAMPLE) -> dict[str, tuple[str, str | None, str | None]]:
    out = _run("--evidence", str(pack), "--format", "json", "--fail-on", "none", *args)
    return {c["id"]: (c["status"], c["level"], c["target"])
            for c in json.loads(out.stdout)["controls"]}


def test_psn_evidence_decides_vulnerability_management_level():
    # unsupported Windows Server 2012 R2 in the PSN software inventory: Not achieved
    assert _levels()["CAF-B4.d"] == ("fail", "not_achieved", "achieved")


def test_organisation_profile_sets_targets_and_flag_overrides_it():
    # the example council selects local-government: no published v4.0 targets, so Achieved
    assert _levels()["CAF-A2.a"] == ("fail", "partially_achieved", "achieved")
    baseline = _levels("--caf-profile", "govassure-baseline")
    assert baseline["CAF-A2.a"] == ("pass", "partially_achieved", "partially_achieved")
    enhanced = _levels("--caf-profile", "govassure-enhanced")
    assert enhanced["CAF-A2.a"] == ("fail", "partially_achieved", "achieved")


def test_table_shows_level_and_target():
    out = _run("--evidence", str(EXAMPLE))
    assert "fail (not achieved; target achieved)" in out.stdout
    assert out.exit_code == 1


def test_unknown_profile_in_organisation_is_an_input_error_at_its_line(tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    org = pack / "organisation.yaml"
    org.write_text(org.read_text().replace("profile: local-government", "profile: nhs-trust"))
    out = _run("--evidence", str(pack))
    assert out.exit_code == 2
    assert "organisation.yaml:" in out.output
    assert "unknown CAF profile 'nhs-trust'" in out.output


def test_missing_attestation_is_a_gap_not_a_level(tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    (pack / "caf" / "attestations.yaml").unlink()
    levels = _levels(pack=pack)
    assert levels["CAF-A1.a"] == ("gap", None, "achieved")
    assert levels["CAF-B4.d"] == ("fail", "not_achieved", "achieved")
