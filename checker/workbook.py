"""Workbooks (openpyxl) written the same way everywhere: evidence as data, bytes reproducible.

The xlsx report, the PCI SAQ and AOC drafts and the PSN submission's RAP all build a workbook
and hand it here to be saved. Two things are done once, for all of them:
- a cell openpyxl took for a formula (evidence text starting with ``=``) is stored as text,
  so nothing an evidence author writes runs in a spreadsheet;
- the clock openpyxl stamps into the document properties and the zip entries is replaced by
  the assessment date, so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import TYPE_CHECKING

from checker.text import visible

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

_STAMP = rb"dcterms:(?:modified|created)"
_DATED = re.compile(rb"(<" + _STAMP + rb"[^>]*>)[^<]*(</" + _STAMP + rb">)")


def midnight(as_of: str) -> dt.datetime:
    """The assessment date as the time every workbook property and zip entry carries."""
    return dt.datetime.fromisoformat(f"{as_of}T00:00:00")


def as_data(sheet: Worksheet) -> None:
    """Evidence text is data, never a formula: a cell openpyxl took for one becomes text."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def save(book: Workbook, as_of: str) -> bytes:
    """The workbook's bytes: every sheet's cells as data, the document properties' text
    visible (``text.visible``: a control character there made the file unreadable), and
    every date it carries pinned to ``as_of`` (document properties and zip entries alike)."""
    when = midnight(as_of)
    book.properties.created = when
    book.properties.modified = when
    for name in ("title", "subject", "creator", "description", "keywords", "identifier"):
        value = getattr(book.properties, name)
        if isinstance(value, str):  # an organisation's name reaches the title
            setattr(book.properties, name, visible(value))
    for sheet in book.worksheets:
        as_data(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    out = io.BytesIO()
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _DATED.sub(rb"\g<1>" + f"{as_of}T00:00:00Z".encode() + rb"\g<2>",
                                     content)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()
