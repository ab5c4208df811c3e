"""An Excel workbook (openpyxl): a Summary sheet, one sheet per framework, and the gap list.

Every text cell is ``text.visible``: a control character in evidence (which openpyxl refuses
outright) shows as escape text such as ``\\x1b``.

Binary: ``render`` returns bytes. Deterministic: document dates are the assessment date and
every zip entry carries that date, so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from checker import report
from checker.model import Assessment
from checker.report import View
from checker.text import visible

NAME = "xlsx"
VIEWS = frozenset({"run", "matrix", "gaps", "saq", "aoc"})
EXTENSIONS: tuple[str, ...] = (".xlsx",)


if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from checker.pci.drafts import AocDraft, SaqDraft

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def render(assessment: Assessment, view: View = report.RUN) -> bytes:
    from openpyxl import Workbook  # imported here: it is slow to load and rarely needed

    when = dt.datetime.fromisoformat(f"{assessment.as_of}T00:00:00")
    book = Workbook()
    book.properties.creator = f"checker {assessment.tool_version}"
    book.properties.created = when
    book.properties.modified = when
    book.properties.identifier = assessment.inputs_digest
    summary = book.active
    assert summary is not None
    summary.title = "Summary"
    _summary(summary, assessment)
    links = report.mapped(assessment)
    for framework in assessment.frameworks:
        _sheet(book.create_sheet(framework.key[:31]), report.MATRIX_COLUMNS,
               (report.matrix_row(r, links) for r in assessment.results
                if r.control.framework == framework.key))
    _sheet(book.create_sheet("Gaps"), report.GAP_COLUMNS,
           (report.gap_row(g) for g in report.gaps(assessment)))
    buffer = io.BytesIO()
    book.save(buffer)
    return _pin_dates(buffer.getvalue(), when, assessment.as_of)


def _summary(sheet: Worksheet, assessment: Assessment) -> None:
    from openpyxl.styles import Font

    for label, value in (("organisation", assessment.organisation),
                         ("as of", assessment.as_of),
                         ("tool version", assessment.tool_version),
                         ("inputs sha256", assessment.inputs_digest),
                         ("controls", report.summary_line(assessment)),
                         *(("notice", str(n)) for n in assessment.notices)):
        sheet.append([label, visible(value)])
    sheet.append([])
    headers = ["framework", "key", *(s.label for s in report.PIVOT), "total", "pass %"]
    sheet.append(headers)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for cov in report.coverage(assessment):  # no applicable control: "n/a", never 100%
        share = report.NO_PERCENT if cov.percent is None else round(cov.percent, 1)
        sheet.append([visible(cov.name), visible(cov.key),
                      *(cov.counts[s] for s in report.PIVOT), cov.total, share])
        sheet.cell(row=sheet.max_row, column=len(headers)).number_format = '0.0"%"'
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 20
    _as_data(sheet)


def _as_data(sheet: Worksheet) -> None:
    """Evidence text is data, never a formula: a cell openpyxl took for one becomes text."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _sheet(sheet: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([visible(value) for value in row])
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
    _as_data(sheet)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _pin_dates(data: bytes, when: dt.datetime, as_of: str) -> bytes:
    """Rewrite the zip with every entry dated ``when`` and the core properties' modified date
    set to the assessment date (openpyxl stamps the clock on save)."""
    out = io.BytesIO()
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + f"{as_of}T00:00:00Z".encode() + rb"\g<2>",
                                        content)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()

def render_saq(draft: SaqDraft) -> bytes:
    """The saq view: one payment channel's SAQ response draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.xlsx(pci.saq_page(draft))


def render_aoc(aoc: AocDraft) -> bytes:
    """The aoc view: the Attestation of Compliance draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.xlsx(pci.aoc_page(aoc))
