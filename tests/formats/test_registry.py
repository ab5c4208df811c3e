"""The one format registry: every format is one module declaring its views; every command
takes its --format choices from it, refuses a format lacking its view, and infers the
format from the --output extension. Plus what the terminal prints and the exit codes of the
auditor's and the renewal views."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from format_helpers import mix

from checker.formats import entries, for_output, names


def _invoke(mini, command, *args):
    return mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                       str(mini.controls), "--policies", str(mini.policies), "--as-of",
                       "2026-11-01", *args)


def test_every_module_in_the_package_is_a_format():
    """Adding a format is adding a file: the registry is the package's modules."""
    package = Path(__file__).resolve().parents[2] / "checker" / "formats"
    modules = sorted(p.stem for p in package.glob("*.py") if not p.name.startswith("_"))
    assert sorted(e.module.__name__.rsplit(".", 1)[1] for e in entries().values()) == modules


def test_the_views_each_command_offers():
    assert names("run") == ["csv", "github", "html", "json", "junit", "markdown", "oscal",
                            "sarif", "table", "xlsx"]
    assert names("matrix") == ["csv", "html", "json", "markdown", "oscal", "table", "xlsx"]
    assert names("gaps") == ["csv", "github", "html", "json", "markdown", "rap", "table",
                             "xlsx"]
    assert names("due") == ["csv", "github", "html", "json", "markdown", "table"]
    assert names("diff") == ["github", "json", "markdown", "sarif", "table"]
    assert names("saq") == names("aoc") == ["html", "json", "markdown", "xlsx"]


@pytest.mark.parametrize(("command", "name"), [("gaps", "sarif"), ("gaps", "junit"),
                                               ("gaps", "oscal"), ("matrix", "sarif"),
                                               ("matrix", "github"), ("run", "rap")])
def test_a_format_lacking_the_view_is_refused(mini, command, name):
    result = _invoke(mini, command, "--format", name)
    assert result.exit_code == 2
    assert f"'{name}' is not one of" in result.stderr
    assert result.stdout == ""


def test_due_within_refuses_a_format_without_the_due_view(mini):
    result = _invoke(mini, "gaps", "--due-within", "30", "--format", "xlsx")
    assert result.exit_code == 2
    assert "--format xlsx cannot render the due view; formats that can: csv, github" in \
        result.stderr


@pytest.mark.parametrize(("file_name", "expected"), [
    ("report.html", "<!DOCTYPE html>"), ("report.HTM", "<!DOCTYPE html>"),
    ("results.json", '"$schema": "urn:checker:schema:results:v1"'),
    ("report.md", "### "), ("report.sarif", '"version":"2.1.0"'),
    ("report.xml", "<testsuites>"), ("matrix.csv", "id,title,framework")])
def test_the_output_extension_picks_the_format(mini, tmp_path, file_name, expected):
    target = tmp_path / file_name
    result = _invoke(mini, "run", "--fail-on", "none", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert expected in target.read_text()


def test_an_explicit_format_wins_over_the_extension(mini, tmp_path):
    target = tmp_path / "report.html"
    _invoke(mini, "run", "--format", "json", "--output", str(target))
    assert json.loads(target.read_text())["as_of"] == "2026-11-01"


def test_an_unknown_extension_keeps_the_default_format(mini, tmp_path):
    target = tmp_path / "report.out"
    _invoke(mini, "run", "--output", str(target))
    assert target.read_text().startswith("checker ")  # the terminal table


def test_an_extension_whose_format_lacks_the_view_is_refused(mini, tmp_path):
    result = _invoke(mini, "gaps", "--output", str(tmp_path / "gaps.sarif"))
    assert result.exit_code == 2
    assert "(format sarif) cannot render the gaps view" in result.stderr
    assert not (tmp_path / "gaps.sarif").exists()


def test_extensions_are_claimed_once():
    assert for_output(Path("x.xlsx")) == "xlsx"
    assert for_output(Path("x.yaml")) is None


def test_pci_drafts_take_their_formats_from_the_registry():
    from checker.cli import pci_aoc, pci_saq

    for command in (pci_saq, pci_aoc):
        option = next(p for p in command.params if p.name == "format_name")
        assert list(option.type.choices) == ["html", "json", "markdown", "xlsx"]


def test_run_prints_the_summary_what_is_not_passing_and_the_gaps(mini):
    mix(mini)
    lines = _invoke(mini, "run", "--fail-on", "none").stdout.splitlines()
    listed = [line.split()[0] for line in lines if line.startswith("MINI-")]
    # not passing, in id order: ATT-01 (gap), PW-01 (fail); the gap list's lines start with
    # the severity instead, and no passing or n/a control is listed
    assert listed == ["MINI-ATT-01", "MINI-PW-01"]
    assert "Controls not passing (2; 1 pass and 2 n/a not listed: --all lists every " \
           "control)" in lines
    assert lines[-1] == "5 controls (2 n/a, 1 gap, 1 fail, 1 pass); as of 2026-11-01"


def test_run_all_prints_every_control(mini):
    mix(mini)
    text = _invoke(mini, "run", "--fail-on", "none", "--all").stdout
    listed = [line.split()[0] for line in text.splitlines() if line.startswith("MINI-")]
    assert listed == ["MINI-ATT-01", "MINI-DEV-01", "MINI-FUT-01", "MINI-PW-01", "MINI-SP-01"]


def test_matrix_is_an_auditors_view_and_exits_0_unless_asked(mini):
    mix(mini)
    assert _invoke(mini, "matrix").exit_code == 0
    assert _invoke(mini, "matrix", "--fail-on", "fail").exit_code == 1


def test_gaps_due_within_exits_1_only_when_something_is_due(mini):
    mix(mini)  # PW-01 fails, but nothing lapses within a week of 2026-11-01
    assert _invoke(mini, "gaps", "--due-within", "7").exit_code == 0
    due = _invoke(mini, "gaps", "--due-within", "365", "--format", "json")
    assert json.loads(due.stdout)["due"] != []
    assert due.exit_code == 1
