"""Parsed YAML of files that rarely change (the control catalogue), kept across runs.

Parsing the bundled catalogue's YAML with locations is most of what loading it costs; the
parsed documents (values, and the compact location marks) are stored as one JSON entry in
:mod:`checker.cache`, keyed by the digest of every file's bytes and of the parser itself, so
that any edit to a file, or to how YAML is read, parses again. Only a set of files that all
parsed cleanly is stored: a file with a problem is parsed, and reported, every time.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import yaml

import checker
from checker import cache, yamlsource
from checker.errors import InputError, Location
from checker.yamlsource import Document, load_documents


class Source(NamedTuple):
    """One file's text, as read: the name its locations carry, and the sha256 of its bytes."""

    display: str
    digest: str
    text: str


Parsed = list[Document] | InputError


def parse_all(sources: Sequence[Source]) -> list[Parsed]:
    """Each source's documents, or the InputError that refused it, in the order given."""
    name = _entry_name(sources)
    stored = _restore(cache.read(name), sources)
    if stored is not None:
        return stored
    parsed = [_parse(source) for source in sources]
    clean = [p for p in parsed if not isinstance(p, InputError)]
    if clean and len(clean) == len(parsed):
        cache.write(name, json.dumps(
            [[[d.value, d.location.line, d.location.column, d.marks.tolist()] for d in docs]
             for docs in clean], separators=(",", ":")).encode())
    return parsed


def _parse(source: Source) -> Parsed:
    try:
        return list(load_documents(source.text, source.display))
    except InputError as exc:
        return exc


def _parser_digest() -> str:
    """Changes whenever the way YAML becomes values does: our builder, or PyYAML (where the
    builder's source is not there to read, as in a frozen application, checker's version)."""
    try:
        builder = Path(yamlsource.__file__).read_bytes()
    except (OSError, TypeError):  # no source file, or no __file__ at all
        builder = f"checker {checker.__version__}".encode()
    return hashlib.sha256(builder + yaml.__version__.encode()).hexdigest()


def _entry_name(sources: Sequence[Source]) -> str:
    digest = hashlib.sha256(_parser_digest().encode())
    for source in sources:
        digest.update(f"\0{source.digest}".encode())
    return f"parsed-{digest.hexdigest()}.json"


def _restore(data: bytes | None, sources: Sequence[Source]) -> list[Parsed] | None:
    """The documents stored in ``data``, located in ``sources``; None when there are none or
    they do not have the shape written (the entry is then rebuilt)."""
    if data is None:
        return None
    try:
        stored: Any = json.loads(data)
        if len(stored) != len(sources):
            return None
        return [[Document(value, Location(source.display, line, column), array("i", marks))
                 for value, line, column, marks in documents]
                for source, documents in zip(sources, stored, strict=True)]
    except (ValueError, TypeError, OverflowError):
        return None
