"""`checker diff`: pull-request CI fails when a change makes compliance worse, and only then."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import AUTH, DEVICES, ORGANISATION


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


# The base side fails closed: a base that cannot vouch for anything never reads as green.

def test_unreadable_evidence_at_the_base_exits_2_naming_the_base_side(repo):
    good = (repo.evidence / "devices.yaml").read_text()
    repo.write("evidence/devices.yaml", good.replace("    - name: LT-2", "    - name: [LT-2"))
    commit(repo, "a typo that breaks the YAML")
    repo.write("evidence/devices.yaml", good)
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 2
    assert "no regressions" not in result.stdout
    first, *rest = result.stderr.splitlines()
    assert first == ("error: --base HEAD: the evidence at HEAD (the base) cannot be read, so "
                     "nothing can be compared; fix the evidence there, or compare with "
                     "--baseline FILE (a saved `checker run --format json`)")
    assert any(f"{repo.evidence}/devices.yaml:" in line and ": at HEAD: " in line
               for line in rest), result.stderr


def test_engine_error_at_the_base_exits_3_naming_the_base_side(repo):
    repo.write("policies/mini/pw/system.rego", """\
        package mini.pw

        import rego.v1

        # one value per evaluation: two systems make this a conflict, a runtime error
        _system := doc.facts.system if {
        	some doc in input.evidence.auth_policy
        }

        too_short contains "no system" if _system == ""
        """)
    sso = AUTH.format(length=14).replace("auth-ad", "auth-sso").replace("system: AD",
                                                                         "system: SSO")
    repo.write("evidence/sso.yaml", sso)
    commit(repo, "two systems: the policy cannot be evaluated")
    repo.write("evidence/sso.yaml", sso.replace("system: SSO", "system: AD"))
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 3
    assert "no regressions" not in result.stdout
    assert result.stderr.startswith("error: --base HEAD: the evidence at HEAD (the base) "
                                    "cannot be evaluated, so nothing can be compared")
    assert (f"error: {repo.evidence}: at HEAD: 5 controls could not be evaluated; first, "
            "MINI-ATT-01: evaluation failed: ") in result.stderr
    assert "rules must not produce multiple outputs" in result.stderr


def test_evidence_directory_new_since_the_ref_says_there_is_nothing_to_compare(repo):
    repo.write("evidence2/organisation.yaml", (repo.evidence / "organisation.yaml").read_text())
    result = repo.invoke("diff", "--evidence", str(repo.root / "evidence2"), "--controls",
                         str(repo.controls), "--policies", str(repo.policies), "--as-of",
                         "2026-11-01", "--base", "HEAD", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["notes"] == [
        f"{repo.root}/evidence2 does not exist at HEAD: this is the commit that adds the "
        "evidence, so nothing can be compared and no control can regress; every control is new"]
    table = repo.invoke("diff", "--evidence", str(repo.root / "evidence2"), "--controls",
                        str(repo.controls), "--policies", str(repo.policies), "--as-of",
                        "2026-11-01", "--base", "HEAD").stdout
    assert "no regressions" not in table
    assert "nothing to compare" in table


def _saved_run(repo, tmp_path, edit):
    document = json.loads(repo.run("--format", "json").stdout)
    edit(document)
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(document, indent=2))
    return path


def test_baseline_that_records_errors_is_refused_at_its_line(repo, tmp_path):
    def one_error(document):
        document["controls"][1]["status"] = "error"

    path = _saved_run(repo, tmp_path, one_error)
    line = path.read_text().splitlines().index('      "id": "MINI-DEV-01",') + 1
    result = diff(repo, "--baseline", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (f"error: {path}:{line}: baseline records 1 control that could not be evaluated "
            "(first, MINI-DEV-01)") in result.stderr


def test_baseline_without_controls_is_refused(repo, tmp_path):
    path = _saved_run(repo, tmp_path, lambda document: document.update(controls=[]))
    result = diff(repo, "--baseline", str(path))
    assert result.exit_code == 2
    assert f"error: {path}: baseline holds no controls" in result.stderr


def test_baseline_of_another_organisation_is_refused(repo, tmp_path):
    path = _saved_run(repo, tmp_path, lambda document: document.update(
        organisation="Another Council"))
    result = diff(repo, "--baseline", str(path))
    assert result.exit_code == 2
    assert (f"error: {path}: baseline is for 'Another Council', the evidence is for "
            "'Test Council'") in result.stderr


def test_baseline_that_is_not_json_is_refused_at_its_line(repo, tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text('{\n  "controls": [\n')
    result = diff(repo, "--baseline", str(path))
    assert result.exit_code == 2
    assert f"error: {path}:3:1: baseline is not JSON" in result.stderr


# Scope changes: a control the profile takes out of scope is not an improvement.

SCOPED_CONTROLS = """\
  - id: MINI-CARD-01
    title: Card systems use long passwords
    area: scope
    severity: high
    requirement: Systems that take card payments use long passwords.
    evidence: [auth_policy]
    max_age_days: 365
    policy: data.mini.pw.too_short
    mode: automated
    applies: {rule: data.scope.pci_in_scope, reason: does not take card payments}
    remediation: Raise the minimum length.
  - id: MINI-PSN-01
    title: PSN-connected systems use long passwords
    area: scope
    severity: high
    requirement: PSN-connected systems use long passwords.
    evidence: [auth_policy]
    max_age_days: 365
    policy: data.mini.pw.too_short
    mode: automated
    applies: {rule: data.scope.psn_connected, reason: not connected to the PSN}
    remediation: Raise the minimum length.
"""

APPROVAL = """\
  scope_approvals:
    - fact: pci.merchant
      from: true
      to: false
      reason: Card payments moved to an outsourced provider under contract C-22.
      approved_by: {approver}
      approved_on: {approved_on}
"""


@pytest.fixture
def scoped(repo):
    """The passing pack plus two controls the profile scopes, failing at the base."""
    repo.write("controls/mini.yaml", (repo.controls / "mini.yaml").read_text() + SCOPED_CONTROLS)
    repo.write("evidence/auth.yaml", AUTH.format(length=8))
    commit(repo, "short passwords: PW, CARD and PSN controls fail")
    return repo


def descope(repo, approval: str = "", psn: bool = True) -> str:
    """Stop taking cards (and leave the PSN when ``psn`` is false); return the profile."""
    text = ORGANISATION.replace("merchant: true", "merchant: false")
    if not psn:
        text = text.replace("psn_connected: true", "psn_connected: false")
    repo.write("evidence/organisation.yaml", text + approval)
    return text + approval


def test_descoping_a_failing_control_without_approval_is_a_regression(scoped):
    descope(scoped)
    result = diff(scoped, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["regressions"] == []
    assert document["improvements"] == []
    [change] = document["scope_changes"]
    assert (change["subject"], change["before"], change["after"], change["approved"]) == (
        "MINI-CARD-01", "fail", "not_applicable", False)
    assert change["detail"] == ("left scope (does not take card payments); no approved change "
                                "in the organisation profile's scope_approvals explains it")
    assert (change["file"], change["line"]) == (f"{scoped.evidence}/organisation.yaml", 1)


def test_descoping_a_passing_control_without_approval_is_a_regression(repo):
    repo.write("controls/mini.yaml", (repo.controls / "mini.yaml").read_text() + SCOPED_CONTROLS)
    commit(repo, "scoped controls, passing")
    descope(repo)
    result = diff(repo, "--base", "HEAD")
    assert result.exit_code == 1
    assert "1 unapproved scope change" in result.stdout
    assert "no regressions" not in result.stdout


SECTION = {"github": "title=MINI-CARD-01 scope change fail -> not_applicable::",
           "json": '"scope_changes": [',
           "markdown": "**Scope changes**",
           "sarif": '"text":"scope change fail -> not_applicable: left scope',
           "table": "\nScope changes\n"}


@pytest.mark.parametrize("format_name", sorted(SECTION))
def test_every_diff_format_lists_scope_changes_in_their_own_section(scoped, format_name):
    from checker.formats import names

    assert names("diff") == sorted(SECTION)  # a new format must show them too
    descope(scoped)
    result = diff(scoped, "--base", "HEAD", "--format", format_name)
    assert result.exit_code == 1
    assert SECTION[format_name] in result.stdout


def test_approved_descoping_exits_0_and_is_still_listed(scoped):
    descope(scoped, APPROVAL.format(approver="A. Person (SIRO)", approved_on="2026-10-15"))
    result = diff(scoped, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.stdout
    [change] = json.loads(result.stdout)["scope_changes"]
    assert (change["subject"], change["approved"]) == ("MINI-CARD-01", True)
    assert change["approval"] == ("pci.merchant true -> false, approved by A. Person (SIRO) on "
                                  "2026-10-15: Card payments moved to an outsourced provider "
                                  "under contract C-22.")
    table = diff(scoped, "--base", "HEAD").stdout
    assert "no regressions, 1 approved scope change" in table
    assert "MINI-CARD-01" in table


def test_an_approval_covers_only_the_fact_it_names(scoped):
    """Leaving the PSN as well as card payments, with only the card change approved."""
    descope(scoped, APPROVAL.format(approver="A. Person (SIRO)", approved_on="2026-10-15"),
            psn=False)
    result = diff(scoped, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 1
    changes = {c["subject"]: c["approved"] for c in json.loads(result.stdout)["scope_changes"]}
    assert changes == {"MINI-PSN-01": False, "MINI-CARD-01": True}


def test_an_approval_older_than_12_months_is_not_applied(scoped):
    text = descope(scoped, APPROVAL.format(approver="A. Person (SIRO)", approved_on="2025-10-31"))
    result = diff(scoped, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert [c["approved"] for c in document["scope_changes"]] == [False]
    line = text.splitlines().index("    - fact: pci.merchant") + 1
    assert document["notes"] == [
        f"{scoped.evidence}/organisation.yaml:{line}:7: scope approval for pci.merchant was "
        "given on 2025-10-31, more than 12 months before 2026-11-01; not applied"]


@pytest.mark.parametrize(("approver", "approved_on", "key", "message"), [
    ("' '", "2026-10-15", "approved_by", "scope approval for pci.merchant has a blank approved_by"),
    ("IG lead", "2026-10-15", "approved_by",
     "scope approval for pci.merchant is approved by the profile's owner (IG lead)"),
    ("J. Bloggs (ig lead)", "2026-10-15", "approved_by",
     "scope approval for pci.merchant is approved by the profile's owner (IG lead)"),
    ('"\u0399G lead"', "2026-10-15", "approved_by",  # a Greek capital Iota
     "scope approval for pci.merchant is approved by the profile's owner (IG lead)"),
    ('"IG\u200b lead (acting)"', "2026-10-15", "approved_by",  # a zero-width space
     "scope approval for pci.merchant is approved by the profile's owner (IG lead)"),
    ("'-'", "2026-10-15", "approved_by",
     "scope approval for pci.merchant is approved by '-', which names nobody"),
    ("N/A", "2026-10-15", "approved_by",
     "scope approval for pci.merchant is approved by 'N/A', which names nobody"),
    ("x", "2026-10-15", "approved_by",
     "scope approval for pci.merchant is approved by 'x', which names nobody"),
    ("A. Person (SIRO)", "2026-11-02", "approved_on",
     "scope approval for pci.merchant is dated 2026-11-02, after the assessment date "
     "2026-11-01"),
])
def test_an_approval_that_cannot_be_right_is_an_input_error_at_its_line(
        scoped, approver, approved_on, key, message):
    text = descope(scoped, APPROVAL.format(approver=approver, approved_on=approved_on))
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith(key))
    result = diff(scoped, "--base", "HEAD")
    assert result.exit_code == 2
    assert result.stdout == ""
    [error] = [e for e in result.stderr.splitlines() if e.startswith("error: ")]
    assert error.startswith(f"error: {scoped.evidence}/organisation.yaml:{line}:")
    assert message in error


def test_an_approval_that_does_not_describe_the_profile_is_an_input_error(scoped):
    text = descope(scoped, APPROVAL.format(approver="A. Person (SIRO)", approved_on="2026-10-15")
                   .replace("to: false", "to: [false]"))
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith("to:"))
    result = diff(scoped, "--base", "HEAD")
    assert result.exit_code == 2
    assert (f"error: {scoped.evidence}/organisation.yaml:{line}:7: scope approval says "
            "pci.merchant is now [false], but the profile says false") in result.stderr


LOGGING_CONTROL = """\
  - id: MINI-LOG-01
    title: Card systems keep logs
    area: scope
    severity: medium
    requirement: Systems that take card payments keep a year of logs.
    evidence: [logging_config]
    policy: data.mini.pw.too_short
    mode: automated
    applies: {rule: data.scope.pci_in_scope, reason: does not take card payments}
    remediation: Keep the logs.
"""

LOGGING = """\
kind: logging_config
id: card-logs
title: Card system logging
owner: Payments Manager
collected: 2026-10-01
facts:
  retention_months: 12
  immediately_available_months: 3
"""


def test_evidence_only_descoped_controls_read_may_go_with_an_approval(scoped):
    scoped.write("controls/mini.yaml",
                 (scoped.controls / "mini.yaml").read_text() + LOGGING_CONTROL)
    scoped.write("evidence/logging.yaml", LOGGING)
    commit(scoped, "card logging evidence")
    (scoped.evidence / "logging.yaml").unlink()
    descope(scoped)
    unapproved = json.loads(diff(scoped, "--base", "HEAD", "--format", "json").stdout)
    assert [r["subject"] for r in unapproved["regressions"]] == ["card-logs"]
    descope(scoped, APPROVAL.format(approver="A. Person (SIRO)", approved_on="2026-10-15"))
    result = diff(scoped, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.stdout
    document = json.loads(result.stdout)
    assert document["regressions"] == []
    assert [(c["subject"], c["approved"]) for c in document["scope_changes"]] == [
        ("MINI-CARD-01", True), ("MINI-LOG-01", True)]


def test_leaving_card_payments_and_the_psn_does_not_turn_the_example_green(mini):
    """The example council's failing PCI and PSN controls, descoped by two profile flips
    with no approval: every one of them is an unapproved scope change, none an improvement."""
    import shutil
    from pathlib import Path

    shutil.copytree(Path(__file__).parent.parent / "evidence" / "example",
                    mini.root / "council")
    git(mini, "init", "-q", "-b", "main")
    git(mini, "add", "council")
    git(mini, "commit", "-qm", "the example council")
    profile = mini.root / "council" / "organisation.yaml"
    text = profile.read_text()
    profile.write_text(text.replace("psn_connected: true", "psn_connected: false")
                       .replace("merchant: true", "merchant: false"))
    result = mini.invoke("diff", "--evidence", str(mini.root / "council"), "--as-of",
                         "2026-11-01", "--base", "HEAD", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["improvements"] == []
    changes = document["scope_changes"]
    assert {c["subject"].split("-")[0] for c in changes} == {"PCI", "PSN"}
    assert [c for c in changes if c["approved"]] == []
    assert {"fail", "gap"} <= {c["before"] for c in changes}


def test_deleting_failing_evidence_behind_an_unrelated_new_document_is_a_regression(repo):
    failing = (repo.evidence / "devices.yaml").read_text().replace("encrypted: true",
                                                                    "encrypted: false", 1)
    repo.write("evidence/devices.yaml", failing)
    commit(repo, "a known failure")
    clean = (repo.evidence / "devices.yaml").read_text().replace("encrypted: false",
                                                                  "encrypted: true")
    (repo.evidence / "devices.yaml").unlink()
    repo.write("evidence/other-devices.yaml", clean.replace("id: devices", "id: other-devices"))
    result = diff(repo, "--base", "HEAD", "--format", "json")
    assert result.exit_code == 1, result.stdout
    [removed] = [r for r in json.loads(result.stdout)["regressions"] if r["subject"] == "devices"]
    assert "was removed while a finding cited it" in removed["detail"]


def test_the_profiles_owner_at_the_base_cannot_approve_by_handing_the_profile_on(scoped):
    """The IG lead makes someone else the profile's owner in the same commit as the change
    they approve: the owner at the base is still not independent of it."""
    text = descope(scoped, APPROVAL.format(approver="J. Bloggs, IG Lead", approved_on="2026-10-15"))
    scoped.write("evidence/organisation.yaml", text.replace("owner: IG lead",
                                                            "owner: Records Manager"))
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "approved_by" in t)
    result = diff(scoped, "--base", "HEAD")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (f"error: {scoped.evidence}/organisation.yaml:{line}:7: scope approval for "
            "pci.merchant is approved by the profile's owner at HEAD (IG lead); a change of "
            "scope needs someone else's approval") in result.stderr


def test_the_profiles_owner_in_a_baseline_cannot_approve_by_handing_the_profile_on(scoped):
    """A baseline names the profile's owner where a control reads the profile."""
    scoped.write("controls/mini.yaml", (scoped.controls / "mini.yaml").read_text().replace(
        "    evidence: [auth_policy]\n    max_age_days: 365\n    policy: data.mini.pw.too_short"
        "\n    mode: automated\n    applies: {rule: data.scope.pci_in_scope",
        "    evidence: [auth_policy, organisation]\n    max_age_days: 365\n    policy: "
        "data.mini.pw.too_short\n    mode: automated\n    applies: {rule: "
        "data.scope.pci_in_scope"))
    saved = scoped.root / "baseline.json"
    saved.write_text(scoped.run("--format", "json").stdout)
    text = descope(scoped, APPROVAL.format(approver="IG lead", approved_on="2026-10-15"))
    scoped.write("evidence/organisation.yaml", text.replace("owner: IG lead",
                                                            "owner: Records Manager"))
    result = diff(scoped, "--baseline", str(saved))
    assert result.exit_code == 2
    assert (f"scope approval for pci.merchant is approved by the profile's owner at {saved} "
            "(IG lead)") in result.stderr


def test_approvals_are_not_applied_against_a_baseline_that_names_no_profile_owner(scoped):
    saved = scoped.root / "baseline.json"
    saved.write_text(scoped.run("--format", "json").stdout)
    descope(scoped, APPROVAL.format(approver="A. Person (SIRO)", approved_on="2026-10-15"))
    result = diff(scoped, "--baseline", str(saved), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert [(c["subject"], c["approved"]) for c in document["scope_changes"]] == [
        ("MINI-CARD-01", False)]
    assert document["notes"] == [
        f"{saved}: the baseline names no organisation profile, so whether its owner approved "
        "a scope change cannot be checked; scope approvals not applied: compare with "
        "--base REF",
        "a baseline file holds no evidence facts, so items that left the PSN or PCI DSS "
        "checks by their own psn_access, psn_data or in_cde flag cannot be seen; compare with --base REF"]
