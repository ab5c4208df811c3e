"""Assess the PCI framework once and build the drafts: what ``checker pci`` runs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from checker.errors import ExitCode
from checker.inputs import assess_directory, load_sources
from checker.model import Assessment, Status
from checker.pci.drafts import AocDraft, SaqDraft, build

FRAMEWORK = "pci"


def draft(evidence_dir: Path, as_of: str, *, controls_dir: Path | None = None,
          policies_dir: Path | None = None,
          engine: str = "regorus") -> tuple[Assessment, AocDraft]:
    """Load catalogue, policies, evidence and waivers once; assess PCI; lay out the drafts."""
    sources = load_sources(controls_dir, policies_dir)
    assessment = assess_directory(evidence_dir, as_of, frameworks=(FRAMEWORK,), engine=engine,
                                  sources=sources)
    return assessment, build(assessment, sources.catalogue.saq_lists)


def exit_code(assessment: Assessment, drafts: Sequence[SaqDraft]) -> ExitCode:
    """3 if anything could not be evaluated, 1 if a drafted channel is not compliant, else 0."""
    if any(r.status is Status.ERROR for r in assessment.results):
        return ExitCode.EVALUATION_ERROR
    return ExitCode.OK if all(d.compliant for d in drafts) else ExitCode.FINDINGS
