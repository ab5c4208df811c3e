"""Keep a generated section of a Markdown file, between two marker lines, up to date."""

from __future__ import annotations

from pathlib import Path


def update_section(path: Path, begin: str, end: str, body: str) -> bool:
    """Replace what lies between ``begin`` and ``end`` in ``path`` with ``body``; True if changed.

    A file without the markers is refused rather than rewritten.
    """
    text = path.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        raise ValueError(f"{path}: needs the lines {begin!r} and {end!r}")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    new = f"{head}{begin}\n\n{body.rstrip()}\n\n{end}{tail}"
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
