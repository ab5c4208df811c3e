"""CSV for spreadsheets: the matrix (one row per control), the gap list, or the renewal list.

One plain header row so any tool reads it; as_of, tool version and inputs digest are columns
on every row rather than comment lines."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from checker import report
from checker.model import Assessment
from checker.report import View
from checker.text import visible

NAME = "csv"
VIEWS = frozenset({"run", "matrix", "gaps", "due"})
EXTENSIONS: tuple[str, ...] = (".csv",)



def write(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """RFC 4180 CSV text (CRLF line ends, minimal quoting), safe to open in a spreadsheet:
    control characters shown as escape text (``text.visible``), no cell a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([inert(visible(cell)) for cell in row] for row in rows)
    return buffer.getvalue()


def inert(cell: str) -> str:
    """Text a spreadsheet will not run as a formula: evidence is written by people we do not
    trust, so a cell starting ``=``, ``+``, ``@``, a tab or CR, or ``-`` before anything but a
    number, gets a leading apostrophe (the usual CSV-injection defence)."""
    if not cell or cell[0] not in "=+-@\t\r":
        return cell
    if cell[0] == "-":
        try:
            float(cell)
            return cell
        except ValueError:
            if cell == "-":
                return cell
    return "'" + cell


def render(assessment: Assessment, view: View = report.RUN) -> str:
    stamp = (assessment.as_of, assessment.tool_version, assessment.inputs_digest)
    tail = ("as_of", "tool_version", "inputs_sha256")
    if view.due_within is not None:
        return write((*report.DUE_COLUMNS, *tail),
                     ((*report.due_row(d), *stamp) for d in report.due(assessment, view)))
    if view.name == "gaps":
        return write((*report.GAP_COLUMNS, *tail),
                     ((*report.gap_row(g), *stamp) for g in report.gaps(assessment)))
    links = report.mapped(assessment)
    return write((*report.MATRIX_COLUMNS, *tail),
                 ((*report.matrix_row(r, links), *stamp) for r in assessment.results))
