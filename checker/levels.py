"""Achievement levels (CAF): the level a levelled control's findings leave, and its verdict
against the target of the CAF profile in force.

A finding of a levelled control says which level it ``denies``; denying a level also denies
every level above it. The result's level is the highest level the control uses that no
finding denies. A finding that names no level denies everything above Not achieved (fail
closed). ``gap``, ``error`` and ``not_applicable`` keep their meaning and carry no level:
missing or stale evidence is never turned into a level, let alone a pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from checker.catalogue import Catalogue
from checker.errors import InputError, Location, Problem
from checker.evidence import ORGANISATION_KIND, EvidenceSet
from checker.model import Control, Finding, Level, Profile, Result, Status


def caf_profile(catalogue: Catalogue, evidence: EvidenceSet, key: str | None) -> Profile | None:
    """The profile named by ``key`` (``--caf-profile``), else by the organisation profile's
    ``caf.profile``; None when neither names one. An unknown name is an input error located
    where it was given."""
    if key is not None:
        return catalogue.profile(key)
    named = (evidence.organisation.get("caf") or {}).get("profile")
    if named is None:
        return None
    try:
        return catalogue.profile(str(named))
    except InputError as exc:
        where = next((e.document.locate(("facts", "caf", "profile")) for e in evidence.documents
                      if e.kind == ORGANISATION_KIND), Location("organisation"))
        raise InputError([Problem(where, p.message) for p in exc.problems]) from exc


def level_of(control: Control, findings: Sequence[Finding]) -> Level:
    """The highest level of ``control`` that no finding denies."""
    cap = min((_denied(f).rank for f in findings), default=len(Level)) - 1
    return max((v for v in control.levels if v.rank <= cap), key=lambda v: v.rank,
               default=Level.NOT_ACHIEVED)


def target_of(control: Control, profile: Profile | None) -> Level:
    """The profile's target for ``control``; with no profile, the highest level it uses."""
    if profile is not None and control.id in profile.targets:
        return profile.targets[control.id]
    return max(control.levels, key=lambda v: v.rank)


def decide_level(result: Result, profile: Profile | None) -> Result:
    """For a levelled control judged on its evidence (pass or fail so far): its level, and
    pass when the level meets the target, fail (a shortfall) when below."""
    control = result.control
    if not control.levels:
        return result
    target = target_of(control, profile)
    if result.status not in (Status.PASS, Status.FAIL):
        return replace(result, target=target)
    level = level_of(control, result.findings)
    against = f"{profile.name} target" if profile else "target (no CAF profile selected)"
    if level.rank >= target.rank:
        return replace(result, status=Status.PASS, level=level, target=target,
                       reason=f"{level.label}; meets the {against} {target.label}")
    return replace(result, status=Status.FAIL, level=level, target=target,
                   reason=f"shortfall: {level.label}, below the {against} {target.label}")


def _denied(finding: Finding) -> Level:
    return finding.denies or Level.PARTIALLY_ACHIEVED
