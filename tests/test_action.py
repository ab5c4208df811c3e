"""The composite GitHub Action's diff step, run for real against a temporary repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import DEVICES

REPO = Path(__file__).resolve().parents[1]


def _diff_script() -> str:
    action = yaml.safe_load((REPO / "action.yml").read_text())
    [step] = [s for s in action["runs"]["steps"] if s.get("id") == "diff"]
    return step["run"]


def _run_step(mini, base: str) -> tuple[int, str, str]:
    git_env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
               "HOME": str(mini.root)}
    summary, output = mini.root / "summary.md", mini.root / "output.txt"
    env = {**os.environ, **git_env,
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "EVIDENCE": "evidence", "BASE": base, "AS_OF": "2026-11-01",
           "ARGS": f"--controls {mini.controls} --policies {mini.policies}",
           "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output)}
    done = subprocess.run(["bash", "-c", _diff_script()], cwd=mini.root, env=env,
                          capture_output=True, text=True, check=False)
    return done.returncode, summary.read_text() if summary.exists() else "", \
        output.read_text() if output.exists() else ""


def _commit(mini, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", message]):
        if args[0] == "init" and (mini.root / ".git").exists():
            continue
        subprocess.run(["git", *args], cwd=mini.root, env=env, check=True, capture_output=True)


def test_action_reports_a_regression_in_summary_and_output(mini):
    _commit(mini, "passing")
    mini.write("evidence/devices.yaml", DEVICES.format(encrypted="false"))
    _commit(mini, "breaks MINI-DEV-01")
    code, summary, output = _run_step(mini, "HEAD~1")
    assert code == 0, "the step records the result; a later step fails the job"
    assert "regressions=true" in output
    assert "MINI-DEV-01" in summary
    assert (mini.root / "checker-diff.sarif").exists()


def test_action_is_quiet_when_nothing_got_worse(mini):
    _commit(mini, "passing")
    code, summary, output = _run_step(mini, "HEAD")
    assert code == 0
    assert "regressions=false" in output
    assert "no regressions" in summary


def test_pre_commit_hook_runs_checker_validate():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["entry"] == "checker validate"
    assert hook["pass_filenames"] is False
