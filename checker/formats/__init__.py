"""Output formats: each module renders an Assessment; adding one touches one file (plus a line
in ``FORMATS``). Modules are imported when first used, so `checker --help` stays fast."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from checker.model import Assessment
    from checker.report import View


class Format(Protocol):
    """A pure renderer: an assessment and a view in, the document out (text, or bytes for
    binary formats). Same inputs, same bytes: no clock, no randomness, no machine paths.

    Formats with one document per assessment (sarif, junit, oscal) ignore the view.
    """

    def render(self, assessment: Assessment, view: View = ...) -> str | bytes: ...


class Registry(Mapping[str, Format]):
    """Format name -> renderer module, imported on first lookup."""

    def __init__(self, modules: Mapping[str, str]) -> None:
        self._modules = dict(modules)

    def __getitem__(self, name: str) -> Format:
        module = self._modules[name]  # KeyError for an unknown format, as a dict would
        return importlib.import_module(f"checker.formats.{module}")  # type: ignore[return-value]

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


_MODULES = {
    "csv": "csv_", "github": "github", "html": "html", "json": "json_", "junit": "junit",
    "markdown": "markdown", "oscal": "oscal", "sarif": "sarif", "table": "table",
    "xlsx": "xlsx"}

FORMATS: Mapping[str, Format] = Registry(_MODULES)

#: ``checker gaps`` also writes the PSN Remediation Action Plan.
GAP_FORMATS: Mapping[str, Format] = Registry({**_MODULES, "rap": "rap"})

#: Formats that can list evidence due for renewal (``checker gaps --due-within``).
DUE_FORMATS = ("csv", "github", "html", "json", "markdown", "table")
