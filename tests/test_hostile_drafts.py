"""Hostile text in the organisation profile and an ITHC finding: the PCI drafts and the PSN
pack escape it as every other report does, and no workbook writer crashes on it."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import cmarkgfm
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from checker.cli import cli

EXAMPLE = Path(__file__).resolve().parent.parent / "evidence" / "example"
NAME = "Council <img src=x onerror=alert(1)> [x](http://evil) \x1b[31mRED \u202eRTL"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    copy = tmp_path / "pack"
    shutil.copytree(EXAMPLE, copy)
    profile = copy / "organisation.yaml"
    text = profile.read_text(encoding="utf-8")
    assert "name: Barsetshire County Council\n" in text
    profile.write_text(text.replace("name: Barsetshire County Council\n",
                                    f"name: {json.dumps(NAME)}\n", 1), encoding="utf-8")
    ithc = copy / "psn" / "ithc-2026.yaml"
    ithc.write_text(ithc.read_text(encoding="utf-8").replace(
        "title: TLS 1.0 enabled on legacy web server",
        'title: "=cmd|\' /C calc\'!A0 \\e]8;;http://evil\\aclick\\e]8;;\\a"'), encoding="utf-8")
    return copy


def _aoc(pack: Path, fmt: str, output: Path | None = None) -> bytes:
    args = ["pci", "aoc", "--evidence", str(pack), "--as-of", "2026-11-01", "--format", fmt]
    result = CliRunner().invoke(cli, [*args, *(["--output", str(output)] if output else [])])
    assert result.exit_code in (0, 1), result.output
    return output.read_bytes() if output else result.stdout_bytes


def test_markdown_draft_renders_evidence_as_text(pack: Path) -> None:
    text = _aoc(pack, "markdown").decode()
    assert "\x1b" not in text and "\u202e" not in text
    # as GitHub would show it: no tag, image or link made from evidence
    shown = cmarkgfm.github_flavored_markdown_to_html(
        text, options=cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE)
    assert "<img" not in shown and "<a " not in shown
    assert "Council &lt;img src=x onerror=alert(1)&gt; [x](http://evil) \\x1b[31mRED" in shown


def test_html_draft_escapes_markup_and_control_characters(pack: Path) -> None:
    text = _aoc(pack, "html").decode()
    assert "<img" not in text and "\x1b" not in text and "\u202e" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_json_draft_shows_control_characters_as_escape_text(pack: Path) -> None:
    document = json.loads(_aoc(pack, "json"))
    assert document["organisation"] == (
        "Council <img src=x onerror=alert(1)> [x](http://evil) \\x1b[31mRED \\u202eRTL")


def test_xlsx_draft_is_written_not_crashed(pack: Path, tmp_path: Path) -> None:
    data = _aoc(pack, "xlsx", tmp_path / "aoc.xlsx")
    values = [c.value for sheet in load_workbook(io.BytesIO(data)).worksheets
              for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("\\x1b[31mRED" in v for v in values)


def test_psn_pack_keeps_a_hostile_finding_title_as_visible_text(pack: Path,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "psn"
    result = CliRunner().invoke(cli, ["submission", "psn", "--evidence", str(pack),
                                      "--as-of", "2026-11-01", "--output", str(out)])
    assert result.exit_code == 0, result.output
    [rap] = [p for p in out.rglob("*.xlsx") if "rap" in p.name.lower()]
    cells = {c.value for row in load_workbook(rap).active.iter_rows() for c in row}
    assert "=cmd|' /C calc'!A0 \\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07" in cells
