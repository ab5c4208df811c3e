"""The importers by SOURCE name, and which of them can supply a control's evidence."""

from __future__ import annotations

from checker.importers import entra, greenbone, intune, nessus, qualys, sslyze, testssl
from checker.importers.base import Importer

IMPORTERS: dict[str, Importer] = {module.name: module for module in  # type: ignore[misc]
                                  (entra, greenbone, intune, nessus, qualys, sslyze, testssl)}


def supplying(kinds: tuple[str, ...]) -> list[Importer]:
    """The importers that write at least one of ``kinds``, by name."""
    return [IMPORTERS[n] for n in sorted(IMPORTERS) if set(IMPORTERS[n].kinds) & set(kinds)]
