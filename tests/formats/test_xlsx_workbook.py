"""The workbook prints: widths, wrapped text, date and percentage cells, status fills, frozen
header, autofilter, A4 landscape fit to width with the header repeated, a chart on the
summary; and LibreOffice prints it to PDF (kept in out/xlsx/, gitignored)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from format_helpers import mix

ARTEFACTS = Path(__file__).resolve().parents[2] / "out" / "xlsx"


def _workbook(mini, tmp_path, command="matrix"):
    mix(mini)
    target = tmp_path / f"{command}.xlsx"
    result = mini.invoke(command, "--evidence", str(mini.evidence), "--controls",
                         str(mini.controls), "--policies", str(mini.policies), "--as-of",
                         "2026-11-01", "--fail-on", "none", "--output", str(target))
    assert result.exit_code == 0, result.output
    return target


def _row(sheet, control_id):
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == control_id)
    return dict(zip(headers, row, strict=True))


def test_matrix_sheet_has_widths_wrapping_dates_and_status_fills(mini, tmp_path):
    book = openpyxl.load_workbook(_workbook(mini, tmp_path))
    sheet = book["mini"]
    assert sheet.column_dimensions["B"].width == 34  # title
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == sheet.dimensions
    failing = _row(sheet, "MINI-PW-01")
    assert failing["status"].value == "fail"
    assert failing["status"].fill.start_color.rgb == "00FFC7CE"
    assert failing["title"].alignment.wrap_text
    assert failing["collected"].value == dt.datetime(2026, 10, 1)  # a date, not text
    assert failing["collected"].number_format == "yyyy-mm-dd"
    assert _row(sheet, "MINI-DEV-01")["status"].fill.start_color.rgb == "00C6EFCE"


def test_summary_has_a_real_percentage_and_a_status_chart(mini, tmp_path):
    book = openpyxl.load_workbook(_workbook(mini, tmp_path))
    summary = book["Summary"]
    row = next(r for r in summary.iter_rows() if r[0].value == "Mini framework")
    percent = row[-1]
    assert percent.value == pytest.approx(1 / 3, abs=1e-4)  # 1 pass of 3 applicable
    assert percent.number_format == "0.0%"
    assert summary["B2"].value == dt.datetime(2026, 11, 1)
    charts = summary._charts
    assert len(charts) == 1
    assert [s.tx.strRef.f for s in charts[0].series] == ["'Summary'!C7", "'Summary'!D7",
                                                         "'Summary'!E7"]


def test_every_sheet_prints_a4_landscape_fit_to_width_with_its_header(mini, tmp_path):
    book = openpyxl.load_workbook(_workbook(mini, tmp_path))
    for sheet in book:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert book["mini"].print_title_rows == "$1:$1"
    assert book["Gaps"].print_title_rows == "$1:$1"
    due = _row(book["Gaps"], "high")  # the gap list starts with severity
    assert due["due"].value == dt.datetime(2026, 12, 1)


def test_the_gaps_view_is_the_summary_and_the_gap_list(mini, tmp_path):
    book = openpyxl.load_workbook(_workbook(mini, tmp_path, "gaps"))
    assert book.sheetnames == ["Summary", "Gaps"]


def test_libreoffice_prints_the_workbook(mini, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (.ci/run installs libreoffice-calc-nogui)")
    workbook = _workbook(mini, tmp_path)
    completed = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(workbook)],
        capture_output=True, text=True, timeout=180, check=False)
    pdf = tmp_path / "matrix.pdf"
    assert completed.returncode == 0 and pdf.is_file(), completed.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, ARTEFACTS / "matrix.pdf")
