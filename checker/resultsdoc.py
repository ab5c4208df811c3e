"""A saved results document (``checker run --format json``) read back: decoded and checked
against ``results.schema.json``, refusals naming the file (and line where JSON says). Both
``diff --baseline`` and ``history import`` read saved reports through here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker import schemas
from checker.errors import InputError, Location


def read(path: Path, noun: str) -> tuple[str, dict[str, Any]]:
    """The text and the document of ``path``; ``noun`` ("baseline", "saved report") names
    what it was given as in every refusal."""
    where = Location(str(path))
    try:
        text = path.read_text(encoding="utf-8")
        document = json.loads(text)
    except OSError as exc:
        raise InputError.at(where, f"cannot read {noun}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError.at(where, f"{noun} is not UTF-8 text: {exc.reason}") from exc
    except json.JSONDecodeError as exc:
        raise InputError.at(Location(str(path), exc.lineno, exc.colno),
                            f"{noun} is not JSON: {exc.msg}") from exc
    errors = sorted(schemas.validator("results.schema.json").iter_errors(document),
                    key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        first = errors[0]
        path_text = ".".join(str(p) for p in first.absolute_path) or "(top level)"
        raise InputError.at(where, f"{noun} is not a checker results document: {path_text}: "
                            f"{first.message}")
    return text, document


def line_of(text: str, control_id: str, occurrence: int = 1) -> int:
    """The line of a control's entry (its ``occurrence``-th) in a saved results document as
    ``checker run --format json`` writes it (0 when not found)."""
    needle = json.dumps(control_id)
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if '"id":' in line and needle in line:
            seen += 1
            if seen == occurrence:
                return number
    return 0
