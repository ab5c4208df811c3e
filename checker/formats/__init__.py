"""Output formats: each module renders an Assessment to text; adding one touches one file."""

from __future__ import annotations

from typing import Protocol

from checker.formats import json_, table
from checker.model import Assessment


class Format(Protocol):
    """A pure renderer: an assessment in, the document's text out."""

    def render(self, assessment: Assessment) -> str: ...


FORMATS: dict[str, Format] = {"json": json_, "table": table}
