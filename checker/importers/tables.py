"""CSV exports read row by row: byte-order marks, semicolon or tab separators, header names
matched loosely, required columns refused by name and line, extra columns tolerated."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from checker.errors import InputError
from checker.importers.base import Export

csv.field_size_limit(1 << 24)  # a scanner's "Results" cell can hold a long plugin output


def key(name: str) -> str:
    """A header name reduced for matching: ``Primary user UPN`` -> ``primaryuserupn``."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


@dataclass(frozen=True, slots=True)
class Columns:
    """Fields an importer reads, each with the header spellings exports use for it."""

    required: Mapping[str, Sequence[str]]
    optional: Mapping[str, Sequence[str]]


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its line in the file and the fields found in it (absent: no column)."""

    line: int
    cells: dict[str, str]
    header: dict[str, int]  # field -> 1-based column

    def get(self, name: str) -> str:
        return self.cells.get(name, "").strip()


def open_text(export: Export) -> io.TextIOWrapper:
    """The export as text: UTF-8 (with or without BOM) or UTF-16 with BOM."""
    try:
        raw = export.path.open("rb")
    except OSError as exc:
        raise InputError.at(export.at(), f"cannot read export: {exc.strerror or exc}") from exc
    head = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
    encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
        else "utf-8-sig"
    return io.TextIOWrapper(raw, encoding=encoding, newline="")


Preamble = Callable[[list[str]], None]


def rows(export: Export, columns: Columns, is_header: Sequence[str] = (),
         preamble: Preamble | None = None) -> Iterator[Row]:
    """Stream the data rows of ``export``. The header is the first row, or (for exports with
    a preamble, such as Qualys) the first row holding every field of ``is_header``; rows
    before it go to ``preamble``."""
    handle = open_text(export)
    try:
        yield from _rows(export, handle, columns, is_header, preamble)
    except UnicodeDecodeError as exc:
        raise InputError.at(export.at(), f"export is not UTF-8 or UTF-16 text: {exc.reason}") \
            from exc
    except csv.Error as exc:
        raise InputError.at(export.at(), f"malformed CSV: {exc}") from exc
    finally:
        handle.close()


def _rows(export: Export, handle: io.TextIOWrapper, columns: Columns,
          is_header: Sequence[str], preamble: Preamble | None) -> Iterator[Row]:
    sample = handle.read(8192)
    handle.seek(0)
    delimiter = _delimiter(sample)
    reader = csv.reader(handle, delimiter=delimiter)
    header: dict[str, int] | None = None
    wanted = {**columns.required, **columns.optional}
    for record in reader:
        line = reader.line_num
        if header is None:
            names = {key(cell): i for i, cell in reversed(list(enumerate(record)))}
            if is_header and not all(key(h) in names for h in is_header):
                if preamble is not None:
                    preamble(record)
                continue
            header = _match(export, line, names, columns, wanted)
            continue
        if not any(cell.strip() for cell in record):
            continue
        cells = {name: record[i] for name, i in header.items() if i < len(record)}
        yield Row(line, cells, {name: i + 1 for name, i in header.items()})
    if header is None:
        what = ", ".join(is_header) if is_header else "a header row"
        raise InputError.at(export.at(1), f"no header row found (looked for {what})")


def _match(export: Export, line: int, names: dict[str, int], columns: Columns,
           wanted: Mapping[str, Sequence[str]]) -> dict[str, int]:
    header: dict[str, int] = {}
    for name, spellings in wanted.items():
        for spelling in spellings:
            if key(spelling) in names:
                header[name] = names[key(spelling)]
                break
    missing = [spellings[0] for name, spellings in columns.required.items()
               if name not in header]
    if missing:
        raise InputError.at(export.at(line), "missing required column" +
                            ("s " if len(missing) > 1 else " ") +
                            ", ".join(repr(m) for m in missing))
    return header


def _delimiter(sample: str) -> str:
    first = next((ln for ln in sample.splitlines() if ln.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))
