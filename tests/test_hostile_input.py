"""Fail closed under bad input, faults and hostile files (issue 7).

Every file in tests/data/bad/ ends `checker run` and `checker validate` with exit 2, a
message naming the file and the expected problem, no traceback, and no report.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import AUTH, ORGANISATION
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.evidence import load_evidence

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED: dict[str, str] = yaml.safe_load((BAD / "EXPECTED.yaml").read_text())


def test_corpus_and_expectations_match():
    files = {p.name for p in BAD.iterdir() if p.name != "EXPECTED.yaml"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("command", ["run", "validate"])
def test_bad_file_is_refused_with_its_name_and_problem(mini, name, command):
    shutil.copy(BAD / name, mini.evidence / name)
    before = (BAD / name).read_bytes()
    if command == "run":
        result = mini.run("--format", "json")
    else:
        result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of",
                             "2026-11-01")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert f"{name}:" in result.stderr
    assert EXPECTED[name] in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert (mini.evidence / name).read_bytes() == before


def test_file_over_the_size_limit_is_refused(mini):
    result = mini.run("--max-file-size", "100")
    assert result.exit_code == 2
    assert "over the 100-byte limit" in result.stderr


def test_size_limit_can_come_from_the_environment(mini, monkeypatch):
    monkeypatch.setenv("CHECKER_MAX_FILE_SIZE", "100")
    assert mini.run().exit_code == 2


def test_too_many_files_are_refused(mini):
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--max-files", "2",
                         "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert "more than 2 YAML files" in result.stderr


def test_engine_panic_is_an_evaluation_error_not_a_crash(mini, monkeypatch):
    class PanicException(BaseException):  # what pyo3 raises when Rust panics
        pass

    import regorus

    def panic(self, query):
        raise PanicException("thread panicked at 'index out of bounds'")

    monkeypatch.setattr(regorus.Engine, "eval_query_as_json", panic)
    result = mini.run("--format", "json")
    assert result.exit_code == 3
    assert '"status": "pass"' not in result.stdout
    assert "index out of bounds" in result.stdout


def test_full_disk_while_writing_leaves_no_partial_report(mini, monkeypatch):
    target = mini.root / "report.json"
    target.write_text("previous report\n")

    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    result = mini.run("--format", "json", "--output", str(target))
    assert result.exit_code == 2
    assert "cannot write report: No space left on device" in result.stderr
    assert target.read_text() == "previous report\n", "the old report is untouched"
    assert [p.name for p in mini.root.iterdir() if p.name.startswith(".report")] == []


def _mutate(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            break
        at = data.draw(st.integers(0, len(text) - 1))
        action = data.draw(st.sampled_from(["delete", "insert", "duplicate_line"]))
        if action == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 8)):]
        elif action == "insert":
            junk = data.draw(st.text(alphabet=list(":-[]{}&*!|>'\"#\t\n ?,%@`\\0aZ"), max_size=6))
            text = text[:at] + junk + text[at:]
        else:
            lines = text.splitlines(keepends=True)
            index = data.draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            text = "".join(lines)
    return text


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_evidence_loads_cleanly_or_fails_naming_the_file(tmp_path_factory, data):
    directory = tmp_path_factory.mktemp("mutated")
    text = _mutate(AUTH.format(length=14), data)
    (directory / "auth.yaml").write_text(text, encoding="utf-8")
    (directory / "organisation.yaml").write_text(ORGANISATION, encoding="utf-8")
    try:
        evidence = load_evidence(directory, "2026-11-01")
    except InputError as exc:
        assert exc.problems
        assert all(p.location.file.endswith("auth.yaml") for p in exc.problems)
        return
    # whatever survived the mutation is a complete, schema-valid document
    for item in (e for e in evidence.documents if e.kind != "organisation"):
        assert item.kind == "auth_policy" and item.owner and item.collected <= "2026-11-01"


def test_a_fifo_named_like_evidence_is_refused_not_skipped(mini):
    os.mkfifo(mini.evidence / "pipe.yaml")
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert "pipe.yaml: not a regular file" in result.stderr


def test_upper_case_suffix_is_evidence_too(mini):
    (mini.evidence / "auth.yaml").rename(mini.evidence / "AUTH.YAML")
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert result.exit_code == 0
    assert "in 4 files" in result.stdout


def test_output_never_replaces_a_device_node(mini):
    result = mini.run("--format", "json", "--output", os.devnull)
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr
    assert Path(os.devnull).is_char_device()


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(mini, tmp_path):
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    assert mini.run("--format", "json", "--output", str(tmp_path / "link.json")).exit_code == 0
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_text().startswith("{")


def test_a_new_report_gets_the_usual_permissions(mini, tmp_path):
    previous = os.umask(0o022)
    try:
        mini.run("--format", "json", "--output", str(tmp_path / "r.json"))
    finally:
        os.umask(previous)
    assert (tmp_path / "r.json").stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_full_standard_output_is_an_input_error_not_a_crash(mini):
    import subprocess
    import sys

    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device, not a path we own
        result = subprocess.run(
            [sys.executable, "-m", "checker", "run", "--evidence", str(mini.evidence),
             "--controls", str(mini.controls), "--policies", str(mini.policies),
             "--as-of", "2026-11-01", "--format", "json"],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert result.returncode == 2, result.stderr
    assert "standard output: cannot write report: No space left on device" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_checks_waivers_too(mini):
    mini.write("evidence/waivers.yaml", """\
        waivers:
          - control: MINI-NOPE-01
            reason: pending
            approved_by: SIRO
            approved_on: 2026-10-01
            expires: 2027-03-01
        """)
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert "waivers.yaml" in result.stderr and "MINI-NOPE-01" in result.stderr


SKIPPED = {
    "auth.yaml ": "skipped: the name ends in whitespace; rename it to 'auth.yaml' to load it",
    "auth.yml~": "skipped: not named *.yaml or *.yml (a backup or a copy?)",
    "auth.yaml.bak": "skipped: not named *.yaml or *.yml (a backup or a copy?)",
    ".auth.yaml": "skipped: hidden files are not evidence",
}


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_a_yaml_look_alike_that_is_not_loaded_is_named_by_validate(mini, name):
    (mini.evidence / name).write_text(AUTH.format(length=8))
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert result.exit_code == 0, result.stderr
    assert f"warning: {mini.evidence}/{name}: {SKIPPED[name]}" in result.stderr
    assert "in 4 files" in result.stdout


def test_a_skipped_look_alike_is_warned_on_stderr_and_noted_in_the_report(mini):
    (mini.evidence / "auth.yaml.bak").write_text(AUTH.format(length=8))
    result = mini.run("--format", "json")
    assert result.exit_code == 0
    where = f"{mini.evidence}/auth.yaml.bak"
    assert f"warning: {where}: skipped: not named *.yaml or *.yml" in result.stderr
    notices = json.loads(result.stdout)["notices"]
    assert [(n["file"], n["message"].split(";")[0]) for n in notices] == [
        (where, "skipped: not named *.yaml or *.yml (a backup or a copy?)")]


def test_mixed_case_suffix_is_loaded_not_skipped(mini):
    (mini.evidence / "auth.yaml").rename(mini.evidence / "Auth.Yml")
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--as-of", "2026-11-01")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "in 4 files" in result.stdout


@pytest.mark.parametrize(("link", "target", "expected"), [
    ("loop.yaml", "loop.yaml", "loop.yaml: symbolic link loop; refusing to follow it"),
    ("a", "b", "a: symbolic link loop; refusing to follow it"),
    ("gone.yaml", "nothing-here.yaml", "gone.yaml: symbolic link points at nothing"),
])
@pytest.mark.parametrize("command", ["run", "validate"])
def test_a_looping_or_dangling_link_is_an_input_error_naming_it(mini, link, target, expected,
                                                               command):
    (mini.evidence / link).symlink_to(target)
    if link == "a":
        (mini.evidence / "b").symlink_to("a")
    args = ("--evidence", str(mini.evidence), "--controls", str(mini.controls), "--policies",
            str(mini.policies), "--as-of", "2026-11-01")
    result = mini.invoke(command, *(args if command == "run" else args[:4] + args[-2:]))
    assert result.exit_code == 2, result.stderr
    assert f"{mini.evidence}/{expected}" in result.stderr
    assert "internal error" not in result.stderr


def test_an_unreadable_directory_is_an_input_error_naming_it(mini, monkeypatch):
    """Tests run as root, which reads any directory: the refusal is simulated."""
    secret = mini.evidence / "secret"
    secret.mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == secret:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = mini.run()
    assert result.exit_code == 2, result.stderr
    assert f"error: {secret}: cannot read directory: Permission denied" in result.stderr


def test_a_waivers_file_in_upper_case_is_read_as_waivers(mini):
    mini.write("evidence/Waivers.YAML", "waivers:\n  - control: MINI-NOPE-01\n    reason: r\n"
               "    approved_by: Chief Executive\n    approved_on: 2026-10-01\n"
               "    expires: 2027-03-01\n")
    result = mini.invoke("validate", "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--as-of", "2026-11-01")
    assert result.exit_code == 2
    assert f"{mini.evidence}/Waivers.YAML:2:5: waiver names unknown control 'MINI-NOPE-01'" \
        in result.stderr
