"""Output formats: each module renders an Assessment; adding one touches one file (plus a line
in ``FORMATS``)."""

from __future__ import annotations

from typing import Protocol

from checker.formats import (
    csv_,
    github,
    html,
    json_,
    junit,
    markdown,
    oscal,
    rap,
    sarif,
    table,
    xlsx,
)
from checker.model import Assessment
from checker.report import View


class Format(Protocol):
    """A pure renderer: an assessment and a view in, the document out (text, or bytes for
    binary formats). Same inputs, same bytes: no clock, no randomness, no machine paths.

    Formats with one document per assessment (sarif, junit, oscal) ignore the view.
    """

    def render(self, assessment: Assessment, view: View = ...) -> str | bytes: ...


FORMATS: dict[str, Format] = {
    "csv": csv_, "github": github, "html": html, "json": json_, "junit": junit,
    "markdown": markdown, "oscal": oscal, "sarif": sarif, "table": table, "xlsx": xlsx}

#: ``checker gaps`` also writes the PSN Remediation Action Plan.
GAP_FORMATS: dict[str, Format] = {**FORMATS, "rap": rap}

#: Formats that can list evidence due for renewal (``checker gaps --due-within``).
DUE_FORMATS = ("csv", "github", "html", "json", "markdown", "table")
