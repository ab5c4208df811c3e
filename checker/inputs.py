"""Resolve and load what a command evaluates: catalogue and policies (bundled unless given),
and the evidence; and the one function every reporting command calls to get an Assessment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import collector, engines
from checker.catalogue import Catalogue, load_catalogue
from checker.evidence import load_evidence
from checker.limits import Limits
from checker.model import Assessment
from checker.policies import PolicyModule, bundled, load_policies
from checker.runner import assess
from checker.timing import phase
from checker.waivers import load_waivers


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


@collector.paused()
def assess_directory(evidence_dir: Path, as_of: str, *, controls_dir: Path | None = None,
                     policies_dir: Path | None = None, frameworks: tuple[str, ...] = (),
                     engine: str = "regorus", display_root: str | None = None,
                     limits: Limits | None = None,
                     engine_options: Mapping[str, Any] | None = None,
                     sources: Sources | None = None,
                     caf_profile: str | None = None) -> Assessment:
    """Load everything and evaluate it: the pipeline behind run, matrix, gaps and explain.

    ``display_root`` names the evidence directory in reports (``diff`` reads a git ref into
    a temporary directory but reports the paths as they are in the repository). ``sources``,
    when given, are the catalogue and policies already loaded from ``controls_dir`` and
    ``policies_dir`` (a worker assessing many packs loads them once). ``caf_profile`` names
    the CAF profile (else the organisation profile's ``caf.profile`` decides).
    """
    with phase("catalogue"):
        if sources is None:
            sources = load_sources(controls_dir, policies_dir)
        sources.catalogue.select(frameworks)  # reject an unknown framework before evidence
    with phase("evidence"):
        evidence = load_evidence(evidence_dir, as_of, display_root=display_root, limits=limits)
        waivers = load_waivers(evidence_dir, (c.id for c in sources.catalogue.controls), as_of,
                               display_root)
    return assess(sources.catalogue, sources.modules, evidence,
                  engines.create(engine, **(engine_options or {})), as_of, frameworks, waivers,
                  caf_profile)
