"""Find the Rego modules of a policy directory, and locate the bundled catalogue."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from checker.errors import InputError, Location
from checker.yamlsource import read_text

_PACKAGE = re.compile(r"^\s*package\s+([A-Za-z_][\w.]*)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class PolicyModule:
    """One Rego file: the name errors show, its text and its sha256."""

    name: str
    text: str
    digest: str
    digest_name: str = ""  # ``policies/<path in the directory>``: its name in inputs_digest

    @property
    def is_test(self) -> bool:
        return self.name.endswith("_test.rego")

    @property
    def package(self) -> str | None:
        """The module's package (``pci.req8``), read from its ``package`` line."""
        match = _PACKAGE.search(self.text)
        return match.group(1) if match else None


def load_policies(directory: Path, display_root: str | None = None) -> tuple[PolicyModule, ...]:
    """Every ``*.rego`` under ``directory`` (tests included), sorted by path."""
    display_root = display_root or directory.as_posix()
    if not directory.is_dir():
        raise InputError.at(Location(display_root), "policy directory does not exist")
    modules = []
    for path in sorted(directory.rglob("*.rego")):
        relative = path.relative_to(directory).as_posix()
        name = f"{display_root}/{relative}"
        text, digest = read_text(path, name)
        modules.append(PolicyModule(name, text, digest, f"policies/{relative}"))
    if not modules:
        raise InputError.at(Location(display_root), "no Rego policies (*.rego) found")
    return tuple(modules)


def bundled(name: str) -> Path:
    """The shipped ``controls`` or ``policies`` directory.

    An installed wheel carries them in ``checker/bundled/``; a source checkout (editable
    install) has them at the repository root.
    """
    packaged = Path(str(resources.files("checker"))) / "bundled" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name
