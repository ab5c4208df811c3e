"""Resolve and load the catalogue and policies a command uses (bundled unless given)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.catalogue import Catalogue, load_catalogue
from checker.policies import PolicyModule, bundled, load_policies


@dataclass(frozen=True, slots=True)
class Sources:
    catalogue: Catalogue
    modules: tuple[PolicyModule, ...]


def load_sources(controls_dir: Path | None, policies_dir: Path | None) -> Sources:
    """The catalogue and policy modules; bundled ones are shown as ``controls/``, ``policies/``."""
    catalogue = load_catalogue(controls_dir or bundled("controls"),
                               None if controls_dir else "controls")
    modules = load_policies(policies_dir or bundled("policies"),
                            None if policies_dir else "policies")
    return Sources(catalogue, modules)
