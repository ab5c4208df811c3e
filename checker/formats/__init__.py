"""The one format registry: every module in this package is a format, and declares the views
it renders. Commands take their ``--format`` choices from ``names(view)`` and refuse a format
that lacks the view, so adding a format is adding one file here.

A format module declares::

    NAME = "csv"                       # what --format takes
    VIEWS = frozenset({"run", ...})    # the views below it renders
    EXTENSIONS = (".csv",)             # what --output FILE.ext means when --format is not given

and, per view, the renderer named in ``RENDERERS`` (pure: a model in, text or bytes out; same
inputs, same bytes). Modules are imported the first time a command asks for formats, never
by ``checker --help``.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from checker.model import Assessment
    from checker.report import View

#: Every view a command can ask for, and the function a format module renders it with.
#: run, matrix, gaps and due render an Assessment with ``render(assessment, view)``.
RENDERERS: Mapping[str, str] = {
    "run": "render", "matrix": "render", "gaps": "render", "due": "render",
    "diff": "render_diff", "saq": "render_saq", "aoc": "render_aoc",
    "submission": "render_submission", "history": "render_history"}


class Format(Protocol):
    """An assessment renderer (the run, matrix, gaps and due views)."""

    def render(self, assessment: Assessment, view: View = ...) -> str | bytes: ...


@dataclass(frozen=True, slots=True)
class Entry:
    """One format: its name, the views it renders and the file extensions that mean it."""

    name: str
    module: ModuleType
    views: frozenset[str]
    extensions: tuple[str, ...]

    def renderer(self, view: str) -> Callable[..., str | bytes]:
        """The function rendering ``view``; KeyError when this format lacks it."""
        if view not in self.views:
            raise KeyError(f"format {self.name} does not render the {view} view")
        return cast("Callable[..., str | bytes]", getattr(self.module, RENDERERS[view]))


class FormatError(Exception):
    """A format module that does not declare itself correctly (a programming error)."""


@functools.cache
def entries() -> dict[str, Entry]:
    """Every format in this package, by name; checked once, on first use."""
    found: dict[str, Entry] = {}
    extensions: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        entry = Entry(module.NAME, module, frozenset(module.VIEWS),
                      tuple(getattr(module, "EXTENSIONS", ())))
        unknown = entry.views - set(RENDERERS)
        missing = [v for v in entry.views if not callable(getattr(module, RENDERERS[v], None))]
        if unknown or missing or entry.name in found:
            raise FormatError(f"format module {info.name}: unknown views {sorted(unknown)}, "
                              f"missing renderers for {sorted(missing)}, or a duplicate name")
        for extension in entry.extensions:
            if extensions.setdefault(extension, entry.name) != entry.name:
                raise FormatError(f"extension {extension} claimed by {extensions[extension]} "
                                  f"and {entry.name}")
        found[entry.name] = entry
    return found


def names(view: str) -> list[str]:
    """The formats that render ``view``, sorted: a command's ``--format`` choices."""
    return sorted(name for name, entry in entries().items() if view in entry.views)


def for_output(path: Path) -> str | None:
    """The format a file name asks for by its extension (``report.html``: html), if any."""
    suffix = path.suffix.lower()
    return next((e.name for e in entries().values() if suffix in e.extensions), None)


def render(name: str, view: str, subject: Any, *args: Any) -> str | bytes:
    """Render ``subject`` (an Assessment, Diff, draft or History) as ``view`` in format
    ``name``; KeyError when that format lacks the view (commands refuse it first)."""
    return entries()[name].renderer(view)(subject, *args)


class _Assessments(Mapping[str, Format]):
    """Format name -> module, for the formats that render an assessment (the run view)."""

    def __getitem__(self, name: str) -> Format:
        entry = entries()[name]
        if "run" not in entry.views and "gaps" not in entry.views:
            raise KeyError(name)
        return cast("Format", entry.module)

    def __iter__(self) -> Iterator[str]:
        return iter(n for n, e in entries().items() if "run" in e.views or "gaps" in e.views)

    def __len__(self) -> int:
        return sum(1 for _ in self)


#: Formats that render an assessment, for callers outside the command line (the submission
#: pack, catalogue docs, benchmarks).
FORMATS: Mapping[str, Format] = _Assessments()
