"""Hostile evidence text never breaks or forges a report (issue 12).

One evidence pack carries terminal escapes, control characters, HTML, Markdown, pipes and
newlines in titles, owners, the organisation name, a waiver reason, fact values that reach
finding messages, and an evidence file name. Every format renders it: machine formats stay
valid against their schemas, XML parses with a strict parser, the workbook opens, Markdown
renders (through GitHub's own cmark-gfm) to no tag, link or image of the evidence's making,
and the terminal sees no escape sequence and no line that evidence added.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import cmarkgfm
import pytest
from format_helpers import SCHEMAS, oscal_errors, sarif_errors
from jsonschema import Draft202012Validator

from checker.formats import names
from checker.schemas import validator

xmlschema = pytest.importorskip("xmlschema")

OSC8 = "\x1b]8;;http://evil\x07click\x1b]8;;\x07"
CLEAR = "\x1b[2J"
MARKUP = ("<script>alert(1)</script><img src=x onerror=alert(1)> ![x](http://evil/t.png) "
          "[click](javascript:alert(1)) | # `tick`")
#: YAML double-quoted escapes for: OSC 8 link, clear screen, C1 NEL and CSI, NUL, U+FFFE,
#: a bidi override, a newline that tries to start a line of its own.
HOSTILE_YAML = ('\\e]8;;http://evil\\aclick\\e]8;;\\a\\e[2J\\N\\x9b\\0\\uFFFE\\u202E'
                '<script>alert(1)</script><img src=x onerror=alert(1)> '
                '![x](http://evil/t.png) [click](javascript:alert(1)) | # `tick`'
                '\\nerror: forged line')
#: Raw characters no report may contain (as characters, rather than as escape text).
RAW = ("\x1b", "\x07", "\x00", "\x85", "\x9b", "\ufffe", "\u202e")
#: A file name with an ANSI escape, markup, a pipe, a backtick and a newline.
FILE_NAME = "auth\x1b[2J<img src=x onerror=alert(1)>|#`\nx.yaml"

ORGANISATION = f"""\
kind: organisation
id: org
title: Test council profile
owner: IG lead
collected: 2026-01-01
facts:
  name: "Council {HOSTILE_YAML}"
  psn_connected: true
  pecr_provider: false
  pci: {{merchant: true, service_provider: false, multi_tenant_provider: false,
        designated_entity: false, early_tls_poi: false, issuer: false,
        channels: [ecommerce]}}
"""

AUTH = f"""\
kind: auth_policy
id: auth-ad
title: "Password policy {HOSTILE_YAML}"
owner: "Owner {HOSTILE_YAML}"
collected: 2026-10-01
facts:
  system: "AD {HOSTILE_YAML}"
  min_length: 8
"""

DEVICES = f"""\
kind: device_inventory
id: devices
title: "Devices {HOSTILE_YAML}"
owner: "EUC {HOSTILE_YAML}"
collected: 2026-10-01
facts:
  devices:
    - name: "LT {HOSTILE_YAML}"
      type: laptop
      managed: true
      encrypted: false
"""

WAIVER = f"""\
waivers:
  - control: MINI-DEV-01
    reason: "Vendor fix {HOSTILE_YAML}"
    approved_by: "SIRO {HOSTILE_YAML}"
    approved_on: 2026-09-01
    expires: 2027-03-31
"""


@pytest.fixture
def hostile(mini):
    """MINI-PW-01 fails with a hostile finding in a hostile file; MINI-DEV-01 fails, waived."""
    (mini.evidence / "auth.yaml").unlink()
    (mini.evidence / FILE_NAME).write_text(AUTH, encoding="utf-8")
    mini.write("evidence/organisation.yaml", ORGANISATION)
    mini.write("evidence/devices.yaml", DEVICES)
    mini.write("evidence/waivers.yaml", WAIVER)
    return mini


def _render(mini, tmp_path: Path, command: str, name: str) -> bytes:
    target = tmp_path / f"{command}.{name}"
    result = mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--policies", str(mini.policies), "--as-of",
                         "2026-11-01", "--fail-on", "fail", "--format", name, "--output",
                         str(target))
    assert result.exit_code == 1, (name, result.output)  # MINI-PW-01 fails: never a crash
    return target.read_bytes()


def _names(command: str) -> list[str]:
    return names(command)


def _strings(value: object) -> str:
    """Every string in parsed JSON, keys included, one a line."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(_strings(k) + "\n" + _strings(v) for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(_strings(v) for v in value)
    return ""


def _text(data: bytes, name: str, path: Path) -> str:
    """What a reader of the report sees: strings as parsed, not as serialised."""
    if name == "xlsx":
        return _xlsx_text(path)
    if name in ("json", "sarif", "oscal"):
        return _strings(json.loads(data))
    if name == "markdown":
        return html.unescape(_gfm(data.decode()))
    return data.decode()


def _xlsx_text(path: Path) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return "\n".join(str(value) for sheet in book for row in sheet.iter_rows(values_only=True)
                     for value in row if value is not None)


@pytest.mark.parametrize("command", ["run", "matrix", "gaps"])
def test_no_format_carries_a_raw_control_character(hostile, tmp_path, command):
    for name in _names(command):
        data = _render(hostile, tmp_path, command, name)
        text = _text(data, name, tmp_path / f"{command}.{name}")
        leaked = [c for c in RAW if c in text]
        assert leaked == [], name
        assert "\\x1b]8;;http://evil\\x07click" in text, name  # replaced visibly, not dropped


def test_xlsx_opens_and_shows_the_replaced_text(hostile, tmp_path):
    """Today openpyxl refuses ESC outright (IllegalCharacterError, exit 3)."""
    import openpyxl

    _render(hostile, tmp_path, "matrix", "xlsx")
    book = openpyxl.load_workbook(tmp_path / "matrix.xlsx")
    rows = list(book["mini"].iter_rows(values_only=True))
    findings = next(r for r in rows if r[0] == "MINI-PW-01")[13]
    assert findings.startswith("AD \\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07\\x1b[2J"
                               "\\x85\\x9b\\x00\\ufffe\\u202e<script>")
    assert "\nerror: forged line: minimum length 8" in findings  # a line break in its cell


@pytest.mark.parametrize("xsd", ["JUnit.xsd", "jenkins-xunit-junit-10.xsd"])
def test_junit_stays_well_formed_and_valid(hostile, tmp_path, xsd):
    data = _render(hostile, tmp_path, "run", "junit")
    root = ET.fromstring(data)  # expat: a strict XML 1.0 parser
    schema = xmlschema.XMLSchema(str(SCHEMAS / xsd))
    assert [str(e) for e in schema.iter_errors(str(tmp_path / "run.junit"))] == []
    failure = next(c for c in root.iter("testcase")
                   if c.get("name", "").startswith("MINI-PW-01")).find("failure")
    assert failure is not None
    assert "AD \\x1b]8;;http://evil\\x07click" in (failure.text or "")


def test_sarif_oscal_and_json_stay_valid(hostile, tmp_path):
    sarif = json.loads(_render(hostile, tmp_path, "run", "sarif"))
    assert sarif_errors(sarif) == []
    oscal = json.loads(_render(hostile, tmp_path, "run", "oscal"))
    assert oscal_errors(oscal) == []
    document = json.loads(_render(hostile, tmp_path, "run", "json"))
    assert list(validator("results.schema.json").iter_errors(document)) == []
    Draft202012Validator.check_schema(json.loads(
        (Path(__file__).parents[2] / "checker" / "schemas" / "results.schema.json").read_text()))
    finding = next(c for c in document["controls"] if c["id"] == "MINI-PW-01")["findings"][0]
    assert finding["file"].endswith("auth\\x1b[2J<img src=x onerror=alert(1)>|#`\nx.yaml")


def _gfm(markdown: str) -> str:
    """The HTML GitHub would make of it (cmark-gfm: tables, autolinks, tag filter)."""
    return cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE)


@pytest.mark.parametrize("command", ["run", "matrix", "gaps"])
def test_markdown_renders_no_tag_link_or_image_from_evidence(hostile, tmp_path, command):
    html = _gfm(_render(hostile, tmp_path, command, "markdown").decode())
    for made in ("<script", "<img", "<a ", "href=", "<h1", "<h2", "<code>"):
        assert made not in html, (made, html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[click](javascript:alert(1))" in html
    for table in html.split("<table>")[1:]:  # every row keeps its header's cell count
        head, body = table.split("</thead>")
        width = head.count("</th>")
        rows = body.split("</table>")[0].split("<tr>")[1:]
        assert rows and all(row.count("</td>") == width for row in rows)


def test_markdown_escapes_evidence_but_not_its_own_layout():
    from checker.formats.markdown import cell

    assert cell("a | b") == "a \\| b"
    assert _gfm(f"| x |\n| --- |\n| {cell(MARKUP)} |\n").count("<td>") == 1
    assert _gfm(cell("see http://evil/x and www.evil.com, mail me@x.com, @org/team")) == (
        "<p>see http://evil/x and www.evil.com, mail me@\u200bx.com, @\u200borg/team</p>\n")


def test_github_annotations_carry_no_escape_and_no_extra_command(hostile, tmp_path):
    text = _render(hostile, tmp_path, "run", "github").decode()
    assert all(line.startswith("::") for line in text.splitlines())
    assert "forged line" in text and "\nerror: forged line" not in text
    assert not any(c in text for c in RAW)


@pytest.mark.parametrize("command", ["run", "matrix", "gaps"])
def test_terminal_table_has_no_escape_and_no_line_from_evidence(hostile, command):
    result = hostile.invoke(command, "--evidence", str(hostile.evidence), "--controls",
                            str(hostile.controls), "--policies", str(hostile.policies),
                            "--as-of", "2026-11-01", "--fail-on", "fail")
    assert result.exit_code == 1
    assert not any(c in result.stdout for c in RAW)
    assert not any(line.startswith("error: forged") for line in result.stdout.splitlines())
    assert "`tick`\\nerror:" in result.stdout  # no whitespace: never wrapped apart


def test_an_error_message_naming_a_hostile_file_stays_on_one_line(mini):
    name = "bad\x1b[2J\nerror: all controls pass\x1b]8;;evil\x07.yaml"
    (mini.evidence / name).write_text("kind: [unclosed\n", encoding="utf-8")
    result = mini.run()
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: ")
    assert "bad\\x1b[2J\\nerror: all controls pass\\x1b]8;;evil\\x07.yaml" in result.stderr
    assert not any(c in result.stderr for c in RAW)


def test_text_module_replaces_every_unsafe_character_visibly():
    from checker.text import for_terminal, visible

    assert for_terminal(OSC8 + CLEAR) == "\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07\\x1b[2J"
    assert for_terminal("a\nb\tc\r\x7f\x85\u2028\ud800") == (
        "a\\nb\\tc\\r\\x7f\\x85\\u2028\\ud800")
    assert visible("a\nb\tc\x1b") == "a\nb\tc\\x1b"
    assert visible("café ✅ ⚠️") == "café ✅ ⚠️"


def test_lines_of_terminal_text_are_escaped_line_by_line_and_clean_text_is_not_copied():
    from checker.text import for_terminal, for_terminal_lines

    hostile = "id\x1b[2J\tx\nnext\u202eline\r\n\x85last\n"
    assert for_terminal_lines(hostile) == "\n".join(
        for_terminal(line) for line in hostile.split("\n"))
    assert for_terminal_lines(hostile) == "id\\x1b[2J\\tx\nnext\\u202eline\\r\n\\x85last\n"
    clean = "a table\n-----\nrow  café\n"
    assert for_terminal_lines(clean) is clean


def test_explain_sends_the_terminal_no_escape(hostile):
    result = hostile.invoke("explain", "MINI-PW-01", "--evidence", str(hostile.evidence),
                            "--controls", str(hostile.controls), "--policies",
                            str(hostile.policies), "--as-of", "2026-11-01")
    assert result.exit_code == 0
    assert "AD \\x1b]8;;http://evil\\x07click" in result.stdout
    assert not any(c in result.stdout for c in RAW)


def _diff_report(name: str) -> str:
    from checker.diff import Change, Diff
    from checker.errors import Location
    from checker.formats import render
    from checker.model import Assessment

    head = Assessment("2026-11-01", "Test", (), (), "0" * 64, "0.1.0")
    change = Change("MINI-PW-01", "Passwords", "pass", "fail", f"AD {OSC8}\nerror: forged",
                    Location(FILE_NAME, 8, 3))
    return str(render(name, "diff", Diff("HEAD", head, (change,), ())))


@pytest.mark.parametrize("name", names("diff"))
def test_diff_reports_show_hostile_text_as_escape_text(name):
    shown = _text(_diff_report(name).encode(), name, Path())
    assert not any(c in shown for c in RAW)
    assert "\\x1b]8;;http://evil\\x07click" in shown
