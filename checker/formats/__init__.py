"""Output formats: each module renders an Assessment to text; adding one touches one file."""

from __future__ import annotations

from typing import Protocol

from checker.formats import json_, table
from checker.model import Assessment


class Format(Protocol):
    """A pure renderer: an assessment in, the document out (text, or bytes for binary formats).

    Same assessment, same bytes: no clock, no randomness, no machine paths.
    """

    def render(self, assessment: Assessment) -> str | bytes: ...


FORMATS: dict[str, Format] = {"json": json_, "table": table}
