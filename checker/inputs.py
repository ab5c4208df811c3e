"""Resolve and load what a command evaluates: catalogue and policies (bundled unless given),
and the evidence; and the one function every reporting command calls to get an Assessment."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from checker import collector, engines
from checker.catalogue import Catalogue, load_catalogue
from checker.errors import ExitCode, InputError, Problem
from checker.evidence import EvidenceSet, load_evidence
from checker.limits import Limits
from checker.model import Assessment
from checker.parameters import effective
from checker.policies import PolicyModule, bundled, load_policies
from checker.runner import assess
from checker.timing import phase
from checker.waivers import WaiverSet, load_waivers


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


@dataclass(frozen=True, slots=True)
class Validation:
    """What ``checker validate`` found in a structurally valid pack."""

    evidence: EvidenceSet
    waivers: WaiverSet

    @property
    def exit_code(self) -> ExitCode:
        """1 while any template is unfilled: valid YAML, but not yet evidence of anything."""
        return ExitCode.FINDINGS if self.evidence.drafts else ExitCode.OK

    def lines(self) -> list[str]:
        waived = f" and {len(self.waivers.waivers)} waivers" if self.waivers.waivers else ""
        lines = [f"{len(self.evidence.documents)} evidence documents in "
                 f"{len(self.evidence.files)} files{waived} are valid"]
        drafts = self.evidence.drafts
        if drafts:
            lines.append(f"{len(drafts)} draft{'s' * (len(drafts) != 1)} not filled in "
                         "(delete each `draft: true` line once the file holds real evidence):")
            lines += [f"  {where}" for where in drafts]
        return lines


def validate_directory(evidence_dir: Path, as_of: str, controls_dir: Path | None,
                       limits: Limits | None = None) -> Validation:
    """Load evidence and waivers as a run would, without evaluating: every problem at once."""
    problems: list[Problem] = []
    evidence: EvidenceSet | None = None
    try:
        evidence = load_evidence(evidence_dir, as_of, limits=limits)
        warn(evidence.skipped)
    except InputError as exc:
        problems += exc.problems
    try:
        catalogue = load_catalogue(controls_dir or bundled("controls"),
                                   None if controls_dir else "controls")
        waivers = load_waivers(evidence_dir, catalogue.controls, as_of, None, evidence)
        if evidence is not None:
            effective(catalogue.parameters, evidence.profile)  # a loosened parameter
    except InputError as exc:
        problems += exc.problems
    if problems or evidence is None:
        raise InputError(problems)
    return Validation(evidence, waivers)


def warn(problems: Iterable[Problem]) -> None:
    """Name on standard error what was skipped, so that nothing is left out in silence."""
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)


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
        warn(evidence.skipped)
        waivers = load_waivers(evidence_dir, sources.catalogue.controls, as_of, display_root,
                               evidence)
    return assess(sources.catalogue, sources.modules, evidence,
                  engines.create(engine, **(engine_options or {})), as_of, frameworks, waivers,
                  caf_profile)
