"""`checker diff`: pull-request CI fails when a change makes compliance worse, and only then."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import AUTH, DEVICES


def git(mini, *args: str) -> None:
    subprocess.run(["git", *args], cwd=mini.root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
                        "HOME": str(mini.root), "PATH": "/usr/bin:/bin:/usr/local/bin"})


@pytest.fixture
def repo(mini):
    git(mini, "init", "-q", "-b", "main")
    git(mini, "add", "-A")
    git(mini, "commit", "-qm", "passing pack")
    return mini


def diff(mini, *args: str):
    return mini.invoke("diff", "--evidence", str(mini.evidence), "--controls", str(mini.controls),
                       "--policies", str(mini.policies), "--as-of", "2026-11-01", *args)


def commit(mini, message: str) -> None:
    git(mini, "add", "-A")
    git(mini, "commit", "-qm", message)


def test_breaking_change_exits_1_naming_the_control_and_the_yaml_line(repo):
    text = DEVICES.format(encrypted="false")
    repo.write("evidence/devices.yaml", text)
    commit(repo, "LT-2 lost its encryption")
    result = diff(repo, "--base", "HEAD~1")
    assert result.exit_code == 1
    line = text.splitlines().index("      encrypted: false") + 1
    assert "MINI-DEV-01" in result.stdout
    assert f"devices.yaml:{line}" in result.stdout
    assert "LT-2 is not encrypted" in result.stdout


def test_uncommitted_working_tree_is_compared_with_the_ref(repo):
    repo.write("evidence/auth.yaml", AUTH.format(length=8))
    result = diff(repo, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 1
    [regression] = json.loads(result.stdout)["regressions"]
    assert (regression["subject"], regression["before"], regression["after"]) == (
        "MINI-PW-01", "pass", "fail")


def test_a_change_that_only_fixes_things_exits_0_and_lists_the_improvement(repo):
    repo.write("evidence/devices.yaml", DEVICES.format(encrypted="false"))
    commit(repo, "broken")
    repo.write("evidence/devices.yaml", DEVICES.format(encrypted="true"))
    commit(repo, "fixed")
    result = diff(repo, "--base", "HEAD~1", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["regressions"] == []
    assert [c["subject"] for c in document["improvements"]] == ["MINI-DEV-01"]


def test_known_gaps_do_not_block_unrelated_work(repo):
    (repo.evidence / "devices.yaml").unlink()
    commit(repo, "inventory overdue: a known gap")
    repo.write("evidence/notes.yaml", AUTH.format(length=14).replace("auth-ad", "auth-sso")
               .replace("AD password policy", "SSO policy"))
    commit(repo, "unrelated evidence added")
    assert diff(repo, "--base", "HEAD~1").exit_code == 0


def test_new_finding_on_an_already_failing_control_is_a_regression(repo):
    two_laptops_bad = DEVICES.format(encrypted="false")
    repo.write("evidence/devices.yaml", two_laptops_bad)
    commit(repo, "one bad laptop")
    repo.write("evidence/devices.yaml",
               two_laptops_bad.replace("encrypted: true", "encrypted: false"))
    result = diff(repo, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 1
    [regression] = json.loads(result.stdout)["regressions"]
    assert regression["detail"] == "new finding: LT-1 is not encrypted"


def test_removed_evidence_is_a_regression(repo):
    (repo.evidence / "devices.yaml").unlink()
    result = diff(repo, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 1
    subjects = [r["subject"] for r in json.loads(result.stdout)["regressions"]]
    assert subjects == ["MINI-DEV-01", "devices"]


def test_next_months_report_replacing_last_months_is_not_a_regression(repo):
    text = (repo.evidence / "devices.yaml").read_text()
    (repo.evidence / "devices.yaml").unlink()
    repo.write("evidence/devices-2026-10.yaml", text.replace("id: devices", "id: devices-2026-10")
               .replace("collected: 2026-10-01", "collected: 2026-10-30"))
    result = diff(repo, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["regressions"] == []


def test_a_known_finding_carried_into_renewed_evidence_is_not_new(repo):
    text = (repo.evidence / "devices.yaml").read_text().replace("encrypted: true",
                                                                 "encrypted: false", 1)
    repo.write("evidence/devices.yaml", text)
    commit(repo, "a known failure")
    (repo.evidence / "devices.yaml").unlink()
    repo.write("evidence/devices-2026-10.yaml", text.replace("id: devices", "id: devices-new"))
    result = diff(repo, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.stdout


def test_evidence_directory_new_since_the_ref_is_all_new(repo):
    repo.write("evidence2/organisation.yaml", (repo.evidence / "organisation.yaml").read_text())
    result = repo.invoke("diff", "--evidence", str(repo.root / "evidence2"), "--controls",
                         str(repo.controls), "--policies", str(repo.policies), "--as-of",
                         "2026-11-01", "--base", "HEAD")
    assert result.exit_code == 0


def test_unknown_ref_is_an_input_error(repo):
    result = diff(repo, "--base", "no-such-branch")
    assert result.exit_code == 2
    assert "git rev-parse" in result.stderr


def test_baseline_file_is_an_alternative_to_a_ref(repo):
    saved = repo.root / "baseline.json"
    saved.write_text(repo.run("--format", "json").stdout)
    repo.write("evidence/auth.yaml", AUTH.format(length=8))
    result = diff(repo, "--baseline", str(saved))
    assert result.exit_code == 1
    assert "MINI-PW-01" in result.stdout


def test_baseline_that_is_not_a_results_document_is_refused(repo):
    bogus = repo.root / "bogus.json"
    bogus.write_text('{"controls": 3}')
    result = diff(repo, "--baseline", str(bogus))
    assert result.exit_code == 2
    assert "not a checker results document" in result.stderr


def test_exactly_one_base_is_required(repo):
    assert diff(repo).exit_code == 2


def test_github_format_annotates_the_exact_line(repo):
    text = AUTH.format(length=8)
    repo.write("evidence/auth.yaml", text)
    result = diff(repo, "--base", "HEAD", "--format", "github")
    line = text.splitlines().index("  min_length: 8") + 1
    assert f"auth.yaml,line={line},title=MINI-PW-01 pass -> fail::AD%3A" not in result.stdout
    assert f"auth.yaml,line={line},title=MINI-PW-01 pass -> fail::AD: minimum length 8" \
        in result.stdout


def test_markdown_is_quiet_when_nothing_regressed(repo):
    result = diff(repo, "--base", "HEAD", "--format", "markdown")
    assert result.exit_code == 0
    assert "no regressions" in result.stdout
    assert "**Regressions**" not in result.stdout


def test_errors_at_head_exit_3_even_when_the_base_had_them_too(repo):
    repo.break_scope()
    commit(repo, "a catalogue whose scope rule cannot be evaluated")
    result = diff(repo, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 3
    assert "could not be evaluated; first, MINI-SP-01" in result.stderr


def test_a_new_control_that_fails_is_a_regression_against_a_baseline(repo, tmp_path):
    baseline = json.loads(repo.run("--format", "json", "--fail-on", "none").stdout)
    baseline["controls"] = [c for c in baseline["controls"] if c["id"] != "MINI-DEV-01"]
    (tmp_path / "baseline.json").write_text(json.dumps(baseline))
    repo.write("evidence/devices.yaml", DEVICES.format(encrypted="false"))
    result = diff(repo, "--baseline", str(tmp_path / "baseline.json"), "--format", "json")
    assert result.exit_code == 1
    regressions = json.loads(result.stdout)["regressions"]
    assert [r["subject"] for r in regressions] == ["MINI-DEV-01"]
