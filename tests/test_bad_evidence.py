"""Bad evidence never yields a pass: exit 2, one line naming file:line, no traceback."""

from __future__ import annotations

import hashlib

import pytest

BAD_FILES = {
    "malformed": ("x.yaml", "kind: [unclosed\n", "x.yaml:2:1: invalid YAML"),
    "unclosed_quote": ("x.yaml", "kind: 'oops\n", "x.yaml:2:1: invalid YAML"),
    "tabs": ("x.yaml", "kind: auth_policy\nfacts:\n\tsystem: x\n", "x.yaml:3:"),
    "list_document": ("x.yaml", "- a\n- b\n", "x.yaml:1:1: evidence document is a list"),
    "scalar_document": ("x.yaml", "just text\n", "x.yaml:1:1: evidence document is a scalar"),
    "empty_file": ("x.yaml", "", "x.yaml: file holds no YAML document"),
    "duplicate_key": ("x.yaml", "kind: auth_policy\nkind: auth_policy\n",
                      "x.yaml:2:1: duplicate key 'kind'"),
    "unknown_kind": ("x.yaml", "kind: hosts_typo\nid: a\ntitle: t\nowner: o\n"
                     "collected: 2026-01-01\nfacts: {}\n", "x.yaml:1:1: unknown evidence kind"),
    "impossible_bool": ("x.yaml", "kind: auth_policy\nfacts: {mfa: !!bool maybe}\n",
                        "x.yaml:2:14: 'maybe' is not a valid bool (tag !!bool)"),
    "impossible_int": ("x.yaml", "kind: auth_policy\nfacts:\n  min_length: !!int ''\n",
                       "x.yaml:3:15: '' is not a valid int (tag !!int)"),
    "impossible_timestamp": ("x.yaml", "kind: auth_policy\ncollected: !!timestamp x\n",
                             "x.yaml:2:12: 'x' is not a valid timestamp (tag !!timestamp)"),
    "impossible_float": ("x.yaml", "kind: auth_policy\nfacts: {score: !!float abc}\n",
                         "x.yaml:2:16: 'abc' is not a valid float (tag !!float)"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_exits_2_naming_the_file_and_line(mini, name):
    filename, text, expected = BAD_FILES[name]
    mini.write(f"evidence/{filename}", text)
    result = mini.run("--format", "json")
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == "", "no report, so no control can read as passing"


def test_schema_violation_names_the_key_and_its_line(mini):
    mini.write("evidence/auth.yaml", """\
        kind: auth_policy
        id: auth-ad
        title: AD
        owner: IT
        collected: 2026-10-01
        facts:
          system: AD
          min_lenght: 12
        """)
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert "auth.yaml:8:3: facts.min_lenght: unknown key 'min_lenght'; did you mean " \
           "'min_length'?" in result.stderr


def test_wrong_type_names_the_fact_path(mini):
    mini.write("evidence/auth.yaml", """\
        kind: auth_policy
        id: auth-ad
        title: AD
        owner: IT
        collected: 2026-10-01
        facts:
          system: AD
          min_length: twelve
        """)
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert "auth.yaml:8:3: facts.min_length: 'twelve' is not of type 'integer'" in result.stderr


def test_impossible_date_is_refused(mini):
    mini.write("evidence/auth.yaml", """\
        kind: auth_policy
        id: auth-ad
        title: AD
        owner: IT
        collected: "2026-02-30"
        facts: {system: AD}
        """)
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert "auth.yaml:5:1: collected: '2026-02-30' is not a 'date'" in result.stderr


def test_evidence_dated_after_the_assessment_is_refused(mini):
    text = (mini.evidence / "auth.yaml").read_text().replace("2026-10-01", "2026-12-01")
    mini.write("evidence/auth.yaml", text)
    result = mini.run()
    assert result.exit_code == 2
    assert "collected 2026-12-01 is after the assessment date 2026-11-01" in result.stderr


def test_duplicate_evidence_ids_across_files_are_refused(mini):
    mini.write("evidence/sub/copy.yaml", (mini.evidence / "auth.yaml").read_text())
    result = mini.run()
    assert result.exit_code == 2
    assert "duplicate evidence id 'auth-ad'" in result.stderr
    assert "sub/copy.yaml" in result.stderr


def test_every_problem_is_reported_not_just_the_first(mini):
    mini.write("evidence/a.yaml", "kind: [\n")
    mini.write("evidence/b.yaml", "- x\n")
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert "a.yaml" in result.stderr and "b.yaml" in result.stderr


def _with_attachment(mini, path: str, digest: str) -> None:
    text = (mini.evidence / "auth.yaml").read_text().replace(
        "facts:", f"attachments:\n  - path: {path}\n    sha256: {digest}\nfacts:")
    mini.write("evidence/auth.yaml", text)


def test_attachment_with_matching_digest_is_accepted(mini):
    policy = mini.write("evidence/docs/policy.txt", "the policy\n")
    _with_attachment(mini, "docs/policy.txt", hashlib.sha256(policy.read_bytes()).hexdigest())
    assert mini.run().exit_code == 0


def test_tampered_attachment_is_refused(mini):
    mini.write("evidence/docs/policy.txt", "the policy, edited later\n")
    _with_attachment(mini, "docs/policy.txt", hashlib.sha256(b"the policy\n").hexdigest())
    result = mini.run()
    assert result.exit_code == 2
    assert "has sha256" in result.stderr and "not the declared" in result.stderr


def test_unreadable_attachment_is_an_input_error_at_its_line(mini, monkeypatch):
    import errno
    import os
    from pathlib import Path

    mini.write("evidence/docs/policy.txt", "the policy\n")
    _with_attachment(mini, "docs/policy.txt", hashlib.sha256(b"the policy\n").hexdigest())
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "policy.txt":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = mini.run()
    assert result.exit_code == 2
    assert "auth.yaml:7:5: attachment 'docs/policy.txt' cannot be read: Permission denied" \
        in result.stderr


def test_attachment_path_traversal_is_refused(mini):
    mini.write("outside.txt", "secret\n")
    _with_attachment(mini, "../outside.txt", "a" * 64)
    result = mini.run()
    assert result.exit_code == 2
    assert "outside the evidence directory" in result.stderr


def test_symlink_leaving_the_evidence_directory_is_refused(mini):
    target = mini.write("elsewhere/other.yaml", (mini.evidence / "auth.yaml").read_text())
    (mini.evidence / "linked.yaml").symlink_to(target)
    result = mini.run()
    assert result.exit_code == 2
    assert "linked.yaml: symbolic link leaves the evidence directory" in result.stderr


def test_hidden_directories_are_not_evidence(mini):
    mini.write("evidence/.github/workflows/ci.yml", "on: push\njobs: {}\n")
    assert mini.run().exit_code == 0


def test_bad_input_leaves_the_users_files_untouched(mini):
    mini.write("evidence/x.yaml", "kind: [\n")
    before = {p: p.read_bytes() for p in mini.root.rglob("*") if p.is_file()}
    mini.run("--output", str(mini.root / "report.json"), "--format", "json")
    after = {p: p.read_bytes() for p in mini.root.rglob("*") if p.is_file()}
    assert after == before


def test_yaml_number_where_text_is_expected_says_to_quote_it(mini):
    mini.write("evidence/ithc.yaml", """\
        kind: ithc_report
        id: ithc-1
        title: ITHC
        owner: CISO
        collected: 2026-10-01
        facts:
          provider: Acme
          scheme: Tiger
          cvss_version: 3.1
        """)
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert "ithc.yaml:8:3: facts.scheme: 'Tiger' is not one of" in result.stderr
    assert "did you mean 'TIGER'? (values are case-sensitive)" in result.stderr
    assert ('ithc.yaml:9:3: facts.cvss_version: 3.1 is not one of "2.0", "3.0", "3.1", "4.0" '
            '(YAML read 3.1 as a number: write it in quotes, "3.1")') in result.stderr


def test_when_the_two_validators_disagree_the_rejection_stands(mini, monkeypatch):
    """The compiled validator says no, jsonschema finds nothing to explain: still refused."""
    from checker import schemas

    class Silent:
        def iter_errors(self, value):
            return iter(())

    monkeypatch.setattr(schemas, "validator", lambda name: Silent())
    auth = (mini.evidence / "auth.yaml").read_text()
    mini.write("evidence/auth.yaml", auth.replace("min_length: 14", "min_length: fourteen"))
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert "auth.yaml" in result.stderr and "facts.min_length" in result.stderr
