"""What every importer shares: the export it reads, the options it takes, the documents it
returns, and the protocol a source module implements."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from checker.errors import InputError, Location


@dataclass(frozen=True, slots=True)
class Export:
    """One export file given to ``checker import``: where it is, how it is shown, its digest."""

    path: Path
    display: str
    sha256: str

    @classmethod
    def open(cls, path: Path) -> Export:
        """Digest ``path`` in chunks (a scan may be a gigabyte); refuse what cannot be read."""
        digest = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        except OSError as exc:
            raise InputError.at(Location(str(path)), f"cannot read export: "
                                f"{exc.strerror or exc}") from exc
        return cls(path, str(path), digest.hexdigest())

    def at(self, line: int = 0, column: int = 0) -> Location:
        return Location(self.display, line, column)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Settings a user gives on the command line; every importer reads the ones it needs."""

    id_prefix: str
    owner: str
    exported: str | None = None  # YYYY-MM-DD or RFC 3339; overrides what the export says
    scope: str = "internal"  # vulnerability scans: internal or external
    provider: str | None = None  # who ran the scan (default: the tool's name)
    system: str | None = None  # directory imports: the system the accounts belong to
    date_order: str | None = None  # "dmy" or "mdy" for slash dates such as 03/04/2026
    transmits_pan: bool | None = None  # TLS imports: the endpoints carry card numbers


@dataclass(frozen=True, slots=True)
class Generated:
    """One evidence document an importer produced, before provenance is added."""

    kind: str
    id: str
    title: str
    collected: str  # YYYY-MM-DD
    facts: dict[str, Any]
    notes: str | None = None
    #: Large documents: ``facts.hosts`` produced host by host when written (facts holds the
    #: rest), and the part file it goes to (0: the --output file itself).
    hosts: Callable[[], Iterator[dict[str, Any]]] | None = None
    part: int = 0


@dataclass(frozen=True, slots=True)
class Result:
    """What one import produced: documents, and when the exports say they were made."""

    documents: list[Generated]
    exported: str  # RFC 3339 or YYYY-MM-DD: the newest export time found
    exports: dict[str, str] = field(default_factory=dict)  # display -> export time
    close: Callable[[], None] = lambda: None  # release what the documents still read from


class Importer(Protocol):
    """A source of evidence: reads export files, returns documents of existing kinds."""

    name: str  # the SOURCE argument of `checker import`
    tool: str  # the product whose export is read
    kinds: tuple[str, ...]  # evidence kinds it writes
    summary: str  # one line for help and `controls show`

    def read(self, exports: Sequence[Export], options: ImportOptions) -> Result: ...


def export_time(exports: Sequence[Export], times: dict[str, str],
                options: ImportOptions) -> str:
    """When the exports were made: ``--exported``, else the newest time they record. A file's
    modification time is never used (a copy would change the output): refused instead."""
    if options.exported:
        return options.exported
    undated = [e for e in exports if e.display not in times]
    if undated:
        raise InputError.at(undated[0].at(), "the export does not say when it was made; pass "
                            "--exported DATE (YYYY-MM-DD or RFC 3339)")
    return max(times.values())


def slug(text: str) -> str:
    """``pay.example.gov.uk:443`` -> ``pay.example.gov.uk-443``: an evidence-id-safe form."""
    import re

    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "unnamed"
