"""The regression gate behind ``checker diff``: evaluate the working tree and the base, refuse
a base that cannot vouch for anything, judge scope changes against their approvals, compare.

Fail closed: a base that cannot be read (exit 2) or evaluated (exit 3), a baseline file that
is not a clean results document of this organisation (exit 2): each names the base side and
says how to proceed. Only a base ref where the evidence directory did not exist yet (the
commit that adds it) has nothing to compare, and the report says so.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checker import engines, itemscope, resultsdoc, runner, scopechange
from checker.diff import Diff, compare, leaving_scope
from checker.errors import CheckerError, EvaluationError, InputError, Location, Problem
from checker.evidence import ORGANISATION_KIND, EvidenceSet, load_evidence
from checker.formats import json_
from checker.gitref import export_at
from checker.inputs import Sources, load_sources
from checker.model import Assessment, Evidence, Status
from checker.waivers import WaiverSet, load_waivers

_HOW = ("fix the evidence there, or compare with --baseline FILE (a saved "
        "`checker run --format json`)")


@dataclass(frozen=True, slots=True)
class _Pack:
    """One side's loaded evidence and waivers, kept so it can be evaluated again."""

    evidence: EvidenceSet
    waivers: WaiverSet


@dataclass(frozen=True, slots=True)
class _Base:
    label: str
    document: dict[str, Any]
    note: str | None = None
    #: The organisation profile's owner at the base; None where the base does not say.
    owners: tuple[str, ...] | None = ()
    #: Each item's scope flag at the base; None where the base holds no evidence (a baseline).
    flags: dict[itemscope.Key, itemscope.Flag] | None = None


def gate(evidence_dir: Path, as_of: str, settings: Mapping[str, Any], *,
         base_ref: str | None = None, baseline: Path | None = None) -> Diff:
    """Diff the evidence in ``evidence_dir`` against ``base_ref`` or a ``baseline`` file.

    ``settings`` are the keyword arguments of ``inputs.assess_directory`` (from
    ``options.assess_settings``).
    """
    sources = load_sources(settings.get("controls_dir"), settings.get("policies_dir"))
    sources.catalogue.select(settings.get("frameworks", ()))  # an unknown framework: exit 2
    pack = _load(sources, evidence_dir, as_of, settings)
    profile = next(e for e in pack.evidence.documents if e.kind == ORGANISATION_KIND)
    head = _assess(sources, pack, as_of, settings)
    if baseline is not None:
        base = read_baseline(baseline, head)
    else:
        assert base_ref is not None
        base = _base_at_ref(sources, evidence_dir, base_ref, as_of, settings)
    approvals = _approvals(profile, as_of, base)
    approved: dict[str, str] = {}
    leaving = leaving_scope(base.document, head)
    if leaving and approvals.usable:
        undone = scopechange.counterfactual(profile.facts, approvals.usable)
        documents = tuple(replace(e, facts=undone) if e is profile else e
                          for e in pack.evidence.documents)
        restored = _assess(sources, _Pack(replace(pack.evidence, documents=documents),
                                          pack.waivers), as_of, settings)
        back = {r.control.id for r in restored.results if r.applicable is True}
        description = "; ".join(a.describe() for a in approvals.usable)
        approved = {control_id: description for control_id in leaving if control_id in back}
    notes = tuple(n for n in (base.note,) if n) + tuple(str(n) for n in approvals.notices)
    if base.flags is None:
        flips: tuple[itemscope.Flip, ...] = ()
        if base.document["controls"]:
            notes += ("a baseline file holds no evidence facts, so items that left the PSN or "
                      "PCI DSS checks by their own psn_access, psn_data or in_cde flag cannot be "
                      "seen; compare with --base REF",)
    else:
        flips = itemscope.flips(base.flags, pack.evidence.documents, as_of)
    return compare(base.document, head, base.label, approved=approved, notes=notes,
                   flips=flips)


def _approvals(profile: Evidence, as_of: str, base: _Base) -> scopechange.Approvals:
    """The head profile's scope approvals, none of them given by the profile's owner at head
    or at the base (whoever owned the profile before the change cannot approve it either)."""
    owners = [(f"the profile's owner at {base.label}", name) for name in base.owners or ()]
    approvals = scopechange.approvals(profile, as_of, owners)
    if base.owners is not None or not approvals.usable:
        return approvals
    unknown = Problem(Location(base.label), "the baseline names no organisation profile, so "
                      "whether its owner approved a scope change cannot be checked; scope "
                      "approvals not applied: compare with --base REF")
    return scopechange.Approvals((), tuple(sorted((*approvals.notices, unknown))))


def _load(sources: Sources, evidence_dir: Path, as_of: str, settings: Mapping[str, Any],
          display_root: str | None = None) -> _Pack:
    evidence = load_evidence(evidence_dir, as_of, display_root=display_root,
                             limits=settings.get("limits"))
    waivers = load_waivers(evidence_dir, sources.catalogue.controls, as_of, display_root,
                           evidence)
    return _Pack(evidence, waivers)


def _assess(sources: Sources, pack: _Pack, as_of: str,
            settings: Mapping[str, Any]) -> Assessment:
    engine = engines.create(settings.get("engine", "regorus"),
                            **(settings.get("engine_options") or {}))
    return runner.assess(sources.catalogue, sources.modules, pack.evidence, engine, as_of,
                         settings.get("frameworks", ()), pack.waivers,
                         settings.get("caf_profile"))


def _base_at_ref(sources: Sources, evidence_dir: Path, ref: str, as_of: str,
                 settings: Mapping[str, Any]) -> _Base:
    """The evidence as committed at ``ref``, judged like the working tree."""
    with tempfile.TemporaryDirectory(prefix="checker-base-") as scratch:
        try:
            exported = export_at(evidence_dir, ref, Path(scratch))
            if exported is None:
                return _Base(ref, {"controls": []},
                             f"{evidence_dir.as_posix()} does not exist at {ref}: this is the "
                             "commit that adds the evidence, so nothing can be compared and "
                             "no control can regress; every control is new")
            pack = _load(sources, exported, as_of, settings, evidence_dir.as_posix())
            assessment = _assess(sources, pack, as_of, settings)
            profile = pack.evidence.profile
            flags = itemscope.flags(pack.evidence.documents)
        except CheckerError as exc:
            raise _at_base(exc, ref) from exc
    errors = [r for r in assessment.results if r.status is Status.ERROR]
    if errors:
        first, count = errors[0], len(errors)
        problem = EvaluationError.at(Location(evidence_dir.as_posix()),
                                     f"{count} control{'s' * (count != 1)} could not be "
                                     f"evaluated; first, {first.control.id}: {first.reason}")
        raise _at_base(problem, ref)
    return _Base(ref, json_.document(assessment), owners=(profile.owner,) if profile else (),
                 flags=flags)


def _at_base(exc: CheckerError, ref: str) -> CheckerError:
    """``exc`` as a problem of the base side, with a first line that says how to proceed."""
    verb = "evaluated" if isinstance(exc, EvaluationError) else "read"
    header = Problem(Location(f"--base {ref}"), f"the evidence at {ref} (the base) cannot be "
                     f"{verb}, so nothing can be compared; {_HOW}")
    return type(exc)([header, *(Problem(p.location, f"at {ref}: {p.message}")
                                for p in exc.problems)])


def read_baseline(path: Path, head: Assessment) -> _Base:
    """A saved ``checker run --format json`` that can vouch for a comparison: a results
    document, of this organisation, with controls and none of them in error."""
    where = Location(str(path))
    text, document = resultsdoc.read(path, "baseline")
    controls = document["controls"]
    if not controls:
        raise InputError.at(where, "baseline holds no controls, so it cannot vouch for any; "
                            "save a `checker run --format json` of the base")
    failed = [c for c in controls if c["status"] == Status.ERROR.value]
    if failed:
        raise InputError.at(Location(str(path), resultsdoc.line_of(text, failed[0]["id"])),
                            f"baseline records {len(failed)} control"
                            f"{'s' * (len(failed) != 1)} that could not be evaluated (first, "
                            f"{failed[0]['id']}); a run with errors cannot vouch for a "
                            "comparison: save a clean run, or compare with --base REF")
    if document["organisation"] != head.organisation:
        raise InputError.at(where, f"baseline is for '{document['organisation']}', the evidence "
                            f"is for '{head.organisation}'; compare with a baseline of this "
                            "organisation")
    owners = sorted({item["owner"] for control in controls for item in control["evidence"]
                     if item["kind"] == ORGANISATION_KIND})
    return _Base(str(path), document, owners=tuple(owners) or None)

