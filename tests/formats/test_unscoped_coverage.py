"""A framework where no control applies shows no pass percentage, never 100% (issue 12).

The mixed mini pack (1 pass of 3 applicable: 33.3%) plus a framework whose only control is
not yet in force. Expected values are written by hand.
"""

from __future__ import annotations

import json

import pytest
from format_helpers import mix

from checker.schemas import validator

LATER = """\
framework: later
name: Later framework
version: "1"
controls:
  - id: LATER-01
    title: Required from 2030
    area: scope
    severity: low
    requirement: Not yet required.
    evidence: [auth_policy]
    policy: data.mini.pw.too_short
    mode: automated
    effective_from: "2030-01-01"
    remediation: Prepare.
"""


@pytest.fixture
def unscoped(mini):
    """The mixed pack, plus a framework whose only control is not yet in force."""
    mix(mini)
    mini.write("controls/later.yaml", LATER)
    return mini


def test_json_gives_no_pass_percentage_when_nothing_applies(unscoped):
    document = json.loads(unscoped.run("--format", "json").stdout)
    assert list(validator("results.schema.json").iter_errors(document)) == []
    shares = {f["key"]: f["pass_percent"] for f in document["frameworks"]}
    assert shares == {"later": None, "mini": 33.3}  # mini: 1 pass of 3 applicable


@pytest.mark.parametrize("name", ["table", "markdown"])
def test_text_coverage_shows_no_percentage_when_nothing_applies(unscoped, name):
    lines = unscoped.run("--format", name).stdout.splitlines()
    later = next(line for line in lines if "Later framework" in line)
    mini = next(line for line in lines if "Mini framework" in line)
    assert "100" not in later and later.rstrip(" |").endswith("n/a")
    assert mini.rstrip(" |").endswith("33.3%")


def test_html_shows_no_percentage_when_nothing_applies(unscoped):
    page = unscoped.run("--format", "html").stdout
    assert "Later framework: no applicable controls, so no pass percentage" in page
    assert "Mini framework: 33.3% pass of 3 applicable" in page
    assert "100.0%" not in page


def test_xlsx_shows_no_percentage_when_nothing_applies(unscoped, tmp_path):
    import openpyxl

    target = tmp_path / "r.xlsx"
    unscoped.run("--format", "xlsx", "--output", str(target))
    rows = list(openpyxl.load_workbook(target)["Summary"].iter_rows(values_only=True))
    header = next(row for row in rows if row[0] == "framework")
    shares = {row[1]: dict(zip(header, row, strict=True))["pass %"] for row in rows
              if row[1] in ("later", "mini")}
    assert shares == {"later": "n/a", "mini": 0.3333}  # a percentage cell: 1 of 3, shown 33.3%
