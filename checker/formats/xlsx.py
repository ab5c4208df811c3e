"""An Excel workbook (openpyxl): a Summary sheet, one sheet per framework, and the gap list.

Every text cell is ``text.visible``: a control character in evidence (which openpyxl refuses
outright) shows as escape text such as ``\\x1b``.

Binary: ``render`` returns bytes. Deterministic: document dates are the assessment date and
every zip entry carries that date, so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from checker import report, workbook
from checker.model import Assessment
from checker.report import View
from checker.text import visible

NAME = "xlsx"
VIEWS = frozenset({"run", "matrix", "gaps", "saq", "aoc"})
EXTENSIONS: tuple[str, ...] = (".xlsx",)


if TYPE_CHECKING:
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.worksheet import Worksheet

    from checker.pci.drafts import AocDraft, SaqDraft



def render(assessment: Assessment, view: View = report.RUN) -> bytes:
    """Summary (with a pass/fail/gap chart), then one matrix sheet per framework (not for
    the gaps view), then the gap list; every sheet set up to print."""
    from openpyxl import Workbook  # imported here: it is slow to load and rarely needed

    book = Workbook()
    book.properties.creator = f"checker {assessment.tool_version}"
    book.properties.identifier = assessment.inputs_digest
    summary = book.active
    assert summary is not None
    summary.title = "Summary"
    _summary(summary, assessment)
    footer = f"{assessment.organisation} | as of {assessment.as_of} | inputs sha256 " \
             f"{assessment.inputs_digest[:16]}"
    _print_setup(summary, footer, title_rows=None)
    links = report.mapped(assessment)
    if view.name != "gaps":
        for framework in assessment.frameworks:
            sheet = book.create_sheet(framework.key[:31])
            _sheet(sheet, report.MATRIX_COLUMNS,
                   (report.matrix_row(r, links) for r in assessment.results
                    if r.control.framework == framework.key))
            _print_setup(sheet, footer)
    gaps = book.create_sheet("Gaps")
    _sheet(gaps, report.GAP_COLUMNS, (report.gap_row(g) for g in report.gaps(assessment)))
    _print_setup(gaps, footer)
    return workbook.save(book, assessment.as_of)


#: Column widths (characters) by header; a header not listed gets 14.
WIDTHS = {"id": 14, "title": 34, "framework": 11, "area": 20, "severity": 9, "status": 14,
          "reason": 36, "decided by": 26, "source confidence": 10, "evidence": 22,
          "evidence location": 32, "collected": 11, "sha256": 24, "findings": 44,
          "waiver": 30, "maps to": 18, "owner": 20, "due": 11, "due rule": 24, "why": 44,
          "remediation": 40}

#: Status cell fills: light, so that black text stays legible in print.
FILLS = {"pass": "C6EFCE", "fail": "FFC7CE", "gap": "FFEB9C", "n/a": "EDEDED",
         "waived": "DDEBF7", "error": "E4DFEC"}

#: Columns whose single values are dates (written as date cells, shown YYYY-MM-DD).
DATES = ("collected", "due")


def _summary(sheet: Worksheet, assessment: Assessment) -> None:
    from openpyxl.styles import Alignment, Font

    for label, value in (("organisation", assessment.organisation),
                         ("as of", assessment.as_of),
                         ("tool version", assessment.tool_version),
                         ("inputs sha256", assessment.inputs_digest),
                         ("controls", report.summary_line(assessment)),
                         *(("notice", str(n)) for n in assessment.notices)):
        sheet.append([label, _date(value) if label == "as of" else visible(value)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        sheet.cell(row=sheet.max_row, column=2).alignment = Alignment(wrap_text=True,
                                                                      vertical="top")
    sheet.cell(row=2, column=2).number_format = "yyyy-mm-dd"
    sheet.append([])
    headers = ["framework", "key", *(s.label for s in report.PIVOT), "total", "pass %"]
    sheet.append(headers)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for cov in report.coverage(assessment):  # no applicable control: "n/a", never 100%
        share = report.NO_PERCENT if cov.percent is None else round(cov.percent / 100, 4)
        sheet.append([visible(cov.name), visible(cov.key),
                      *(cov.counts[s] for s in report.PIVOT), cov.total, share])
        sheet.cell(row=sheet.max_row, column=len(headers)).number_format = "0.0%"
    for status, column in zip(report.PIVOT, range(3, 3 + len(report.PIVOT)), strict=True):
        sheet.cell(row=header_row, column=column).fill = _fill(status.label)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 70
    for letter in "CDEFGHIJ":
        sheet.column_dimensions[letter].width = 9
    _chart(sheet, header_row, len(assessment.frameworks))


def _chart(sheet: Worksheet, header_row: int, frameworks: int) -> None:
    """A stacked bar of pass, fail and gap per framework, below the coverage table."""
    from openpyxl.chart import BarChart, Reference

    if not frameworks:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "Controls by status per framework"
    chart.y_axis.title = "controls"
    first, last = header_row + 1, header_row + frameworks
    for column, colour in ((3, "00703C"), (4, "D4351C"), (5, "B35200")):  # pass, fail, gap
        chart.add_data(Reference(sheet, min_col=column, min_row=header_row, max_row=last),
                       titles_from_data=True)
        chart.series[-1].graphicalProperties.solidFill = colour
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    chart.height, chart.width = 3 + 1.2 * frameworks, 22
    sheet.add_chart(chart, f"A{last + 3}")


def _fill(label: str) -> PatternFill:
    from openpyxl.styles import PatternFill

    colour = FILLS.get(label, "FFFFFF")
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def _date(value: str) -> dt.date | str:
    """A ``YYYY-MM-DD`` value as a date cell; anything else stays text."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return visible(value)




def _sheet(sheet: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Bold header, frozen and filtered; wrapped text; widths by column; dates as date
    cells; the status cell filled by status."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    status_column = headers.index("status") if "status" in headers else None
    for row in rows:
        sheet.append([_date(value) if header in DATES else visible(value)
                      for header, value in zip(headers, row, strict=True)])
        for index, cell in enumerate(sheet[sheet.max_row]):
            cell.alignment = wrap
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            if index == status_column:
                cell.fill = _fill(str(cell.value).split(" ", 1)[0])
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(header, 14)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions


def _print_setup(sheet: Worksheet, footer: str, title_rows: str | None = "1:1") -> None:
    """A4 landscape, every column on one page width, the header row repeated on each page,
    the provenance and page number in the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddFooter.left.text = visible(footer).replace("&", "&&")
    sheet.oddFooter.left.size = 8
    sheet.oddFooter.right.text = "page &P of &N"
    sheet.oddFooter.right.size = 8



def render_saq(draft: SaqDraft) -> bytes:
    """The saq view: one payment channel's SAQ response draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.xlsx(pci.saq_page(draft))


def render_aoc(aoc: AocDraft) -> bytes:
    """The aoc view: the Attestation of Compliance draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.xlsx(pci.aoc_page(aoc))
