"""The regression gate (checker.diffgate) honours every setting a run does: the engine and
its options, the frameworks, the pack's waivers and the CAF profile, and labels each base.

Each test would pass if the setting were dropped only when the gate ignored it on both sides
alike, so each compares the working tree with a saved baseline made by `checker run`.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import AUTH, Mini
from opa_server import serving

from checker.cli import cli
from checker.diffgate import gate
from checker.errors import InputError
from checker.limits import Limits

AS_OF = "2026-11-01"
EXAMPLE = Path(__file__).resolve().parents[1] / "evidence" / "example"


def baseline(mini: Mini, *args: str) -> Path:
    """A saved `checker run --format json` of the pack as it is now."""
    saved = mini.run("--format", "json", "--fail-on", "none", *args)
    assert saved.exit_code == 0, saved.output
    path = mini.root / "base.json"
    path.write_text(saved.stdout, encoding="utf-8")
    return path


def diff(mini: Mini, *args: str):
    return mini.invoke("diff", "--evidence", str(mini.evidence), "--controls", str(mini.controls),
                       "--policies", str(mini.policies), "--as-of", AS_OF, *args)


def settings(mini: Mini) -> dict[str, object]:
    return {"controls_dir": mini.controls, "policies_dir": mini.policies}


def test_diff_evaluates_on_the_engine_it_is_given(mini: Mini):
    path = baseline(mini)
    with serving() as server:
        result = diff(mini, "--engine", "opa", "--opa-url", server.url, "--baseline", str(path))
        posts = [p for m, p in server.log if m == "POST"]
    assert result.exit_code == 0, result.output
    assert len(posts) == 1  # the head's one query went to that server, not to regorus


def test_diff_on_an_unreachable_engine_is_an_evaluation_error(mini: Mini):
    path = baseline(mini)
    result = diff(mini, "--engine", "opa", "--opa-url", "http://127.0.0.1:9",
                  "--opa-timeout", "2", "--baseline", str(path))
    assert result.exit_code == 3, result.output


def test_without_engine_settings_the_gate_uses_regorus(mini: Mini):
    path = baseline(mini)
    found = gate(mini.evidence, AS_OF, settings(mini), baseline=path)
    assert (found.base, found.regressions, found.improvements, found.exit_code) == (
        str(path), (), (), 0)


def test_the_gate_reads_within_the_limits_it_is_given(mini: Mini):
    path = baseline(mini)
    with pytest.raises(InputError) as caught:
        gate(mini.evidence, AS_OF, {**settings(mini), "limits": Limits(max_file_bytes=50)},
             baseline=path)
    assert caught.value.problems[0].message.endswith("bytes, over the 50-byte limit")


def test_diff_applies_the_packs_waivers(mini: Mini):
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    mini.write("evidence/waivers.yaml", """\
        waivers:
          - control: MINI-PW-01
            reason: Vendor upgrade due in March.
            approved_by: M. Proudie (SIRO)
            approved_on: 2026-09-01
            expires: 2027-03-31
        """)
    path = baseline(mini)
    assert {c["id"]: c["status"] for c in json.loads(path.read_text())["controls"]}[
        "MINI-PW-01"] == "waived"
    result = diff(mini, "--baseline", str(path))
    assert result.exit_code == 0, result.output


WAIVER = """\
    waivers:
      - control: {control}
        reason: Vendor upgrade due in March.
        approved_by: {approver}
        approved_on: 2026-09-01
        expires: 2027-03-31
    """


def test_diff_refuses_a_waiver_approved_by_the_owner_of_its_evidence(mini: Mini):
    path = baseline(mini)
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    mini.write("evidence/waivers.yaml", WAIVER.format(control="MINI-PW-01",
                                                      approver="Identity Manager"))
    result = diff(mini, "--baseline", str(path))
    assert result.exit_code == 2
    assert (f"{mini.evidence}/waivers.yaml:4:5: waiver for MINI-PW-01 is approved by "
            "'Identity Manager', the owner of evidence auth-ad") in result.stderr


def test_a_bad_waiver_at_the_base_is_named_at_the_evidence_path(mini: Mini):
    mini.write("evidence/waivers.yaml", WAIVER.format(control="MINI-XX-99", approver="SIRO"))
    _commit(mini)
    (mini.evidence / "waivers.yaml").unlink()
    result = diff(mini, "--base", "main")
    assert result.exit_code == 2
    assert (f"{mini.evidence}/waivers.yaml:2:5: at main: waiver names unknown control "
            "'MINI-XX-99'") in result.stderr


def test_a_mistyped_framework_is_named_before_the_evidence_is_read(mini: Mini):
    mini.write("evidence/auth.yaml", "kind: auth_policy\nid: [broken\n")
    result = diff(mini, "--framework", "minni", "--baseline", str(mini.root / "none.json"))
    assert result.exit_code == 2
    assert "unknown framework minni (known: mini)" in result.stderr
    assert "auth.yaml" not in result.stderr


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
                        "HOME": str(root), "PATH": "/usr/bin:/bin:/usr/local/bin"})


def _commit(mini: Mini) -> None:
    _git(mini.root, "init", "-q", "-b", "main")
    _git(mini.root, "add", "-A")
    _git(mini.root, "commit", "-qm", "the base")


def test_a_base_ref_labels_the_comparison(mini: Mini):
    _commit(mini)
    assert gate(mini.evidence, AS_OF, settings(mini), base_ref="main").base == "main"
    mini.write("evidence2/organisation.yaml", (mini.evidence / "organisation.yaml").read_text())
    new = gate(mini.root / "evidence2", AS_OF, settings(mini), base_ref="main")
    assert (new.base, new.compared) == ("main", False)


@pytest.mark.parametrize(("profile", "a2a"), [("govassure-baseline", "pass"),
                                              ("govassure-enhanced", "fail")])
def test_diff_judges_caf_outcomes_against_the_caf_profile_given(tmp_path: Path, profile, a2a):
    # the example's profile selects local-government (every outcome at Achieved); a diff
    # that ignored --caf-profile judged the head against it and reported false regressions
    # (or, against a lower profile than the one asked for, false passes)
    runner = CliRunner()
    common = ["--evidence", str(EXAMPLE), "--as-of", AS_OF, "--framework", "caf",
              "--caf-profile", profile]
    saved = runner.invoke(cli, ["run", *common, "--format", "json", "--fail-on", "none"])
    statuses = {c["id"]: c["status"] for c in json.loads(saved.stdout)["controls"]}
    assert statuses["CAF-A2.a"] == a2a  # partially achieved, against each profile's target
    path = tmp_path / "base.json"
    path.write_text(saved.stdout, encoding="utf-8")
    result = runner.invoke(cli, ["diff", *common, "--baseline", str(path)])
    assert result.exit_code == 0, result.output
    assert ": no regressions, 0 improved" in result.output


def test_controls_back_in_scope_name_every_approval_used(mini: Mini):
    from conftest import ORGANISATION
    from test_diff import SCOPED_CONTROLS

    # a control that reads the profile, so that the baseline names the profile's owner (an
    # approval can only be checked against an owner the base names)
    catalogue = (mini.controls / "mini.yaml").read_text().replace(
        "    evidence: [auth_policy]\n    max_age_days: 365\n    policy: data.mini.pw.too_short",
        "    evidence: [auth_policy, organisation]\n    max_age_days: 365\n    policy: "
        "data.mini.pw.too_short", 1)
    mini.write("controls/mini.yaml", catalogue + SCOPED_CONTROLS)
    path = baseline(mini)
    approvals = "".join(f"""\
    - fact: {fact}
      from: true
      to: false
      reason: {why}
      approved_by: A. Person (SIRO)
      approved_on: 2026-10-15
""" for fact, why in (("pci.merchant", "Cards outsourced."), ("psn_connected", "Left the PSN.")))
    mini.write("evidence/organisation.yaml",
               ORGANISATION.replace("merchant: true", "merchant: false")
               .replace("psn_connected: true", "psn_connected: false")
               + "  scope_approvals:\n" + approvals)
    found = gate(mini.evidence, AS_OF, settings(mini), baseline=path)
    both = ("pci.merchant true -> false, approved by A. Person (SIRO) on 2026-10-15: Cards "
            "outsourced.; psn_connected true -> false, approved by A. Person (SIRO) on "
            "2026-10-15: Left the PSN.")
    assert [(c.subject, c.approval) for c in found.scope_changes] == [
        ("MINI-CARD-01", both), ("MINI-PSN-01", both)]
    assert found.exit_code == 0
