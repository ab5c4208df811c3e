"""Every format: byte-identical reruns, provenance, self-contained HTML, xlsx counts."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess

import pytest
from format_helpers import WAIVER, mix

from checker.formats import FORMATS, names

COMMANDS = ("run", "matrix", "gaps")


def invoke(mini, command, *args):
    return mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                       str(mini.controls), "--policies", str(mini.policies),
                       "--as-of", "2026-11-01", "--fail-on", "none", *args)


@pytest.mark.parametrize(("command", "name"), [
    (command, name) for command in COMMANDS
    for name in names(command)])
def test_two_runs_give_identical_bytes(mini, tmp_path, command, name):
    mix(mini)
    mini.write("evidence/waivers.yaml", WAIVER.replace("MINI-PW-01", "MINI-ATT-01")
               .replace("M. Proudie (SIRO)", "Chief Executive"))  # the SIRO owns att-1
    outputs = []
    for attempt in range(2):
        target = tmp_path / f"{attempt}.out"
        result = invoke(mini, command, "--format", name, "--output", str(target))
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        assert result.stderr.startswith(f"wrote {target}: 5 controls")
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0]


@pytest.mark.parametrize(("command", "name"), [
    *(("matrix", name) for name in names("matrix") if name != "xlsx"),
    *(("gaps", name) for name in names("gaps") if name != "xlsx")])
def test_every_text_report_names_date_version_and_digest(mini, command, name):
    from checker import __version__

    mix(mini)
    document = json.loads(invoke(mini, "run", "--format", "json").stdout)
    text = invoke(mini, command, "--format", name).stdout
    assert document["inputs_digest"] in text
    assert "2026-11-01" in text
    assert __version__ in text


def test_html_is_self_contained(mini):
    mix(mini)
    page = invoke(mini, "matrix", "--format", "html").stdout
    assert not re.search(r"(src|href)\s*=", page, re.IGNORECASE)
    assert "url(" not in page
    assert "http:" not in page and "https:" not in page
    assert "//" not in page
    assert page.count("<svg role=\"img\"") == 1  # one chart per framework
    assert "@media print" in page
    assert 'class="sortable"' in page and 'class="filters"' in page


def test_html_renders_in_headless_chromium(mini, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("/usr/bin/chromium")
    if chromium is None:
        pytest.skip("chromium not installed")
    mix(mini)
    page = tmp_path / "matrix.html"
    invoke(mini, "matrix", "--format", "html", "--output", str(page))
    completed = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         # Chromium's own background services still try to reach the network: keep every
         # request on this machine (no DNS, a dead local proxy).
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr[-2000:]
    dom = completed.stdout
    assert 'id="matrix"' in dom and "MINI-PW-01" in dom and "<svg" in dom


def test_xlsx_counts_match_the_json(mini, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    mix(mini)
    document = json.loads(invoke(mini, "run", "--format", "json").stdout)
    target = tmp_path / "matrix.xlsx"
    invoke(mini, "matrix", "--format", "xlsx", "--output", str(target))
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Summary", *(f["key"] for f in document["frameworks"]), "Gaps"]
    summary = list(book["Summary"].iter_rows(values_only=True))
    header = next(i for i, row in enumerate(summary) if row[0] == "framework")
    labels = summary[header]
    for framework, row in zip(document["frameworks"], summary[header + 1:], strict=False):
        counts = dict(zip(labels, row, strict=True))
        expected = framework["summary"]
        assert counts["total"] == expected["total"]
        for status, label in (("pass", "pass"), ("fail", "fail"), ("gap", "gap"),
                              ("not_applicable", "n/a"), ("waived", "waived"),
                              ("error", "error")):
            assert counts[label] == expected[status]
        sheet = book[framework["key"]]
        statuses = [r[5] for r in sheet.iter_rows(min_row=2, values_only=True)]
        assert len(statuses) == expected["total"]
        assert statuses.count("fail") == expected["fail"]
    assert book["Gaps"].max_row - 1 == len(document["gaps"])


def test_binary_format_refuses_a_terminal(mini, monkeypatch):
    monkeypatch.setattr("checker.pipeline.stdout_is_tty", lambda: True)
    result = invoke(mini, "matrix", "--format", "xlsx")
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_output_leaves_no_file_when_rendering_fails(mini, tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(FORMATS["csv"], "render", broken)
    out = tmp_path / "out"
    out.mkdir()
    result = invoke(mini, "matrix", "--format", "csv", "--output", str(out / "m.csv"))
    assert result.exit_code == 3
    assert list(out.iterdir()) == []


def test_output_replaces_an_existing_file_whole(mini, tmp_path):
    target = tmp_path / "m.csv"
    target.write_text("old contents that are much longer than nothing\n" * 100)
    invoke(mini, "matrix", "--format", "csv", "--output", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert len(rows) == 5
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".m.csv")] == []


def test_csv_matrix_carries_evidence_digests(mini):
    mix(mini)
    document = json.loads(invoke(mini, "run", "--format", "json").stdout)
    digests = {c["id"]: [e["sha256"] for e in c["evidence"]] for c in document["controls"]}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(
        invoke(mini, "matrix", "--format", "csv").stdout))}
    assert set(rows) == set(digests)
    for control_id, row in rows.items():
        assert row["sha256"].split("\n") == (digests[control_id] or [""])
        assert row["inputs_sha256"] == document["inputs_digest"]
    assert "MINI-DEV-01" in rows["MINI-PW-01"]["maps to"]
    assert "MINI-PW-01" in rows["MINI-DEV-01"]["maps to"]  # reverse mapping


def test_markdown_fits_a_step_summary(mini):
    mix(mini)
    text = invoke(mini, "run", "--format", "markdown").stdout
    assert text.startswith("### ❌ checker:")
    assert "| pass | fail | gap | n/a | waived | error |" in text.replace("framework | ", "")
    assert len(text) < 65536


def test_github_commands_point_at_the_yaml_line(mini):
    mix(mini)
    lines = invoke(mini, "run", "--format", "github").stdout.splitlines()
    error = next(line for line in lines if line.startswith("::error"))
    assert re.match(r"::error file=[^,]*auth\.yaml,line=8,title=MINI-PW-01 fail%3A ",
                    error)
    assert any(line.startswith("::warning ") and "MINI-ATT-01" in line for line in lines)
    assert lines[-1].startswith("::notice ")


def test_progress_indicator_only_on_a_terminal():
    from checker.progress import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    quiet, loud = io.StringIO(), Terminal()
    with progress("working", quiet, delay=0):
        pass
    import time

    with progress("working", loud, delay=0):
        time.sleep(0.15)
    assert quiet.getvalue() == ""
    assert "working" in loud.getvalue()
    assert loud.getvalue().endswith("\r")


def test_markdown_tables_are_cut_to_fit_with_a_note():
    from checker.formats.markdown import fit, table

    lines = table(["a"], ([str(i) * 50] for i in range(100)))
    cut = fit(lines, 600)
    assert sum(len(line) + 1 for line in cut[:-2]) <= 600
    assert cut[-1].startswith("_…and ") and "more rows" in cut[-1]
    assert fit(lines, 10**6) == lines


def test_xlsx_carries_no_clock(mini, tmp_path):
    import zipfile

    target = tmp_path / "m.xlsx"
    invoke(mini, "matrix", "--format", "xlsx", "--output", str(target))
    with zipfile.ZipFile(target) as book:
        assert {info.date_time for info in book.infolist()} == {(2026, 11, 1, 0, 0, 0)}
        core = book.read("docProps/core.xml").decode()
    assert core.count("2026-11-01T00:00:00Z") == 2


def test_csv_never_hands_a_spreadsheet_a_formula(mini):
    """Evidence authors are not trusted: a system named like a formula stays text."""
    auth = (mini.evidence / "auth.yaml").read_text()
    mini.write("evidence/auth.yaml", auth.replace("min_length: 14", "min_length: 9"))
    text = (mini.evidence / "auth.yaml").read_text()
    system = re.search(r"system: (.+)", text).group(1)
    mini.write("evidence/auth.yaml", text.replace(f"system: {system}",
                                                  "system: '=HYPERLINK(\"http://x\")'"))
    for command in ("matrix", "gaps"):
        cells = [c for row in csv.reader(io.StringIO(
            invoke(mini, command, "--format", "csv").stdout)) for c in row]
        assert any("HYPERLINK" in c for c in cells), command
        assert not [c for c in cells if c[:1] in ("=", "+", "@")], command


def test_xlsx_never_hands_a_spreadsheet_a_formula(mini, tmp_path):
    import openpyxl

    org = (mini.evidence / "organisation.yaml").read_text()
    mini.write("evidence/organisation.yaml",
               org.replace("name: Test Council", "name: '=HYPERLINK(\"http://x\")'"))
    invoke(mini, "matrix", "--format", "xlsx", "--output", str(tmp_path / "m.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "m.xlsx")
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert any("HYPERLINK" in str(c.value) for c in cells)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []


def test_markdown_matrix_lists_open_items_before_passes(mini):
    mix(mini)
    text = invoke(mini, "matrix", "--format", "markdown").stdout
    matrix = text.split("**Control matrix**", 1)[1].split("**Gap list", 1)[0]
    rows = [line for line in matrix.splitlines() if line.startswith("| MINI-")]
    statuses = [row.split("|")[3] for row in rows]
    settled = [("pass" in s or "n/a" in s) for s in statuses]
    assert settled == sorted(settled), statuses  # every open item precedes every settled one
    assert not all(settled) and any(settled)


@pytest.mark.parametrize("name", ["table", "markdown", "html", "json", "github", "sarif",
                                  "junit", "xlsx"])
def test_an_expired_waiver_is_reported_in_every_format_that_can_say_so(mini, tmp_path, name):
    """csv (one table of controls) and oscal carry no free notices; every other format does."""
    mix(mini)
    mini.write("evidence/waivers.yaml", WAIVER.replace("2026-09-01", "2025-11-01")
               .replace("2027-03-31", "2026-10-31"))
    target = tmp_path / f"r.{name}"
    invoke(mini, "run", "--format", name, "--output", str(target))
    if name == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(target)
        text = "\n".join(str(c.value) for row in book["Summary"].iter_rows() for c in row)
    else:
        text = target.read_text()
    assert "waiver for MINI-PW-01 expired on 2026-10-31" in text


def test_a_binary_format_can_be_piped_to_standard_output(mini):
    """xlsx refuses a terminal but goes down a pipe as the workbook's bytes."""
    import zipfile

    result = invoke(mini, "matrix", "--format", "xlsx")
    assert result.exit_code == 0, result.stderr
    assert zipfile.is_zipfile(io.BytesIO(result.stdout_bytes))


def test_html_sorts_severity_and_status_by_rank_not_alphabet(mini):
    mix(mini)
    text = invoke(mini, "matrix", "--format", "html").stdout
    ranks = dict(re.findall(r'data-sort="(\d)">(critical|high|medium|low)<', text))
    assert {v: int(k) for k, v in ranks.items()} == {
        s: r for s, r in {"critical": 1, "high": 2, "medium": 3, "low": 4}.items()
        if s in ranks.values()}
    assert 'data-sort="2"><span class="status s-fail"' in text  # fail ranks before pass (6)
