"""Evidence + catalogue -> one engine call -> a status for every selected control."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from checker import __version__
from checker.catalogue import Catalogue
from checker.engines import Engine
from checker.errors import EvaluationError, Location, Problem
from checker.evidence import ATTESTATION_KIND, EvidenceSet, draft_location, used_by
from checker.freshness import age_limit, describe_subject, not_current
from checker.levels import caf_profile, decide_level
from checker.model import Assessment, Control, Evidence, Finding, Level, Result, Status
from checker.parameters import effective
from checker.pci.scoping import scope_results
from checker.policies import PolicyModule
from checker.query import QUERY, aggregate_module, check_rules
from checker.timing import phase
from checker.waivers import WaiverSet, apply_waivers
from checker.yamlsource import parse_path

SAQ_ELIGIBILITY_KIND = "saq_eligibility"


@dataclass(frozen=True, slots=True)
class _Answer:
    """The engine's answer for every control, or why there is none."""

    results: Mapping[str, Any]
    applicable: Mapping[str, Any]
    error: str | None = None


def assess(catalogue: Catalogue, modules: Sequence[PolicyModule], evidence: EvidenceSet,
           engine: Engine, as_of: str, frameworks: tuple[str, ...] = (),
           waivers: WaiverSet | None = None, caf_profile_key: str | None = None) -> Assessment:
    """Evaluate the selected controls in one engine call, decide each status, apply waivers.

    Levelled (CAF) controls are judged against the CAF profile named by ``caf_profile_key``,
    else by the organisation profile's ``caf.profile``."""
    waivers = waivers or WaiverSet((), {})
    controls = catalogue.select(frameworks)
    targets = caf_profile(catalogue, evidence, caf_profile_key)
    runtime = [m for m in modules if not m.is_test]
    parameters = effective(catalogue.parameters, evidence.profile)  # a loosened one: exit 2
    with phase("policies"):
        engine.load([*runtime, aggregate_module(controls)], {})
        check_rules(controls, engine.rules())
    with phase("evaluate"):
        answer = _evaluate(engine, {**evidence.to_input(as_of), "parameters": parameters})
    with phase("statuses"):
        by_kind = evidence.by_kind()
        by_id = evidence.by_id()
        organisation = evidence.profile
        unfilled = (draft_location(organisation)
                    if organisation is not None and organisation.draft else None)
        results, notices = apply_waivers(
            scope_results(tuple(decide_level(_result(c, answer, by_kind, by_id, as_of, unfilled),
                                             targets) for c in controls),
                          evidence.organisation, catalogue.saq_lists,
                          by_kind.get(SAQ_ELIGIBILITY_KIND, ())),
            waivers.waivers, as_of)
    selected = tuple(f for f in catalogue.frameworks if not frameworks or f.key in frameworks)
    return Assessment(
        as_of=as_of,
        organisation=str(evidence.organisation.get("name", "")),
        profile=organisation.location if organisation is not None else None,
        frameworks=selected,
        results=results,
        inputs_digest=inputs_digest(catalogue.files,
                                    {m.digest_name or m.name: m.digest for m in runtime},
                                    evidence.files, waivers.files or {}),
        tool_version=__version__,
        notices=tuple(sorted((*notices, *evidence.skipped, *_draft_notices(evidence),
                              *_expired_notices(evidence, as_of)))),
        drafts=evidence.drafts,
        caf_profile=targets,
    )


def _draft_notices(evidence: EvidenceSet) -> tuple[Problem, ...]:
    return tuple(Problem(where, "template not filled in (checker init wrote it): every "
                         "control using it is a gap until it is filled in and this line "
                         "deleted") for where in evidence.drafts)


def _expired_notices(evidence: EvidenceSet, as_of: str) -> tuple[Problem, ...]:
    return tuple(Problem(item.location, f"{item.id} expired on {item.expires}: no rule reads "
                         "it; renew it, or remove it once nothing depends on it")
                 for item in evidence.expired(as_of))


def inputs_digest(*groups: Mapping[str, str]) -> str:
    """sha256 over every input file's name and sha256, so a report names exactly its inputs."""
    lines = sorted(f"{digest}  {name}" for group in groups for name, digest in group.items())
    return hashlib.sha256(("\n".join(lines) + "\n").encode()).hexdigest()


def _evaluate(engine: Engine, input_: Mapping[str, Any]) -> _Answer:
    try:
        value = engine.evaluate(QUERY, input_)
    except EvaluationError as exc:
        return _Answer({}, {}, error="; ".join(str(p) for p in exc.problems))
    if not isinstance(value, dict):
        return _Answer({}, {}, error=f"engine returned {type(value).__name__} for {QUERY}")
    return _Answer(value.get("results") or {}, value.get("applicable") or {})


def _result(control: Control, answer: _Answer, by_kind: Mapping[str, list[Evidence]],
            by_id: Mapping[str, Evidence], as_of: str, unfilled_profile: Location | None) -> Result:
    """The verdict, carrying what the scope rule answered so reports need not infer it."""
    applies = answer.applicable.get(control.id) if control.applies_rule else True
    verdict = _decide(control, answer, applies, by_kind, by_id, as_of, unfilled_profile)
    return replace(verdict, applicable=applies if isinstance(applies, bool) else None)


def _decide(control: Control, answer: _Answer, applies: Any,
            by_kind: Mapping[str, list[Evidence]], by_id: Mapping[str, Evidence],
            as_of: str, unfilled_profile: Location | None) -> Result:
    relevant = used_by(control, by_kind)
    if answer.error:
        return Result(control, Status.ERROR, f"evaluation failed: {answer.error}", (), relevant)
    findings, problem = _findings(control, answer.results, by_id, _anchor(relevant))
    if problem:
        return Result(control, Status.ERROR, problem, (), relevant)
    if control.effective_from and as_of < control.effective_from:
        return Result(control, Status.NOT_APPLICABLE, f"not yet required: effective from "
                      f"{control.effective_from}", (), relevant)
    if control.superseded_from and as_of >= control.superseded_from:
        return Result(control, Status.NOT_APPLICABLE, f"superseded by {control.superseded_by} "
                      f"from {control.superseded_from}", (), relevant)
    if control.applies_rule and not isinstance(applies, bool):
        return Result(control, Status.ERROR, f"applicability rule {control.applies_rule} "
                      f"gave {_describe(applies)}, expected true or false (is the "
                      "organisation profile complete?)", findings, relevant)
    if unfilled_profile is not None:  # a template's scope answers are examples, not facts
        return Result(control, Status.GAP, f"template not filled in: {unfilled_profile} (the "
                      "organisation profile, which decides scope)", findings, relevant)
    if control.applies_rule and not applies:
        return Result(control, Status.NOT_APPLICABLE, control.applies_reason or
                      "out of scope", (), relevant)
    gap = "; ".join(filter(None, (_unfilled(relevant), _gap(control, relevant, as_of))))
    if gap:
        return Result(control, Status.GAP, gap, findings, relevant)
    if findings:
        count = len(findings)
        return Result(control, Status.FAIL, f"{count} finding{'s' * (count != 1)}",
                      findings, relevant)
    return Result(control, Status.PASS, "evidence present and fresh; no findings", (), relevant)


def _unfilled(relevant: Sequence[Evidence]) -> str | None:
    """Why a control that reads an unfilled template is a gap (never a pass, never a fail)."""
    drafts = [str(draft_location(e)) for e in relevant if e.draft]
    return f"template not filled in: {', '.join(drafts)}" if drafts else None


def _anchor(relevant: Sequence[Evidence]) -> Location | None:
    """Where a finding that names no document points: the most recently collected document
    the control read (as lib.anchor does in Rego), so every finding has a file and line."""
    latest = max(relevant, key=lambda e: (e.collected, e.id), default=None)
    return latest.location if latest is not None else None


def _findings(control: Control, results: Mapping[str, Any], by_id: Mapping[str, Evidence],
              fallback: Location | None) -> tuple[tuple[Finding, ...], str | None]:
    if control.id not in results:
        return (), f"rule {control.policy} is undefined for this input"
    raw = results[control.id]
    if not isinstance(raw, list):
        return (), (f"rule {control.policy} gave {_describe(raw)}; expected a set of findings")
    findings = []
    for item in raw:
        finding = _finding(item, by_id, fallback)
        if finding is None:
            return (), (f"rule {control.policy} gave a finding of the wrong shape: {item!r}; "
                        "expected a string or {msg, evidence, path, denies}")
        findings.append(finding)
    return tuple(sorted(set(findings), key=_finding_order)), None


def _finding(item: Any, by_id: Mapping[str, Evidence],
             fallback: Location | None) -> Finding | None:
    if isinstance(item, str):
        return Finding(item, location=fallback)
    if not isinstance(item, dict) or not isinstance(item.get("msg"), str):
        return None
    evidence_id = item.get("evidence")
    path = item.get("path")
    if evidence_id is not None and not isinstance(evidence_id, str):
        return None
    if path is not None and not isinstance(path, str):
        return None
    denies = item.get("denies")
    if denies is not None and denies not in _DENIABLE:
        return None
    location: Location | None = None
    source = by_id.get(evidence_id) if evidence_id else None
    if source is not None:
        location = source.document.locate(parse_path(path)) if path else source.location
    return Finding(item["msg"], evidence_id, path, location or fallback,
                   Level(denies) if denies else None)


#: Levels a finding may deny (Not achieved is what is left when everything above is denied).
_DENIABLE = (Level.PARTIALLY_ACHIEVED.value, Level.ACHIEVED.value)


def _finding_order(finding: Finding) -> tuple[Any, ...]:
    where = finding.location or Location("")
    return (where.file, where.line, where.column, finding.message)


def _gap(control: Control, relevant: tuple[Evidence, ...], as_of: str) -> str | None:
    limit = age_limit(control)
    reasons = []
    for kind in control.evidence:
        items = [e for e in relevant if e.kind == kind]
        if not items:
            cited = " citing this control" if kind == ATTESTATION_KIND else ""
            reasons.append(f"no '{kind}' evidence{cited}")
            continue
        lapsed = not_current(items, limit, as_of)
        for item, why in lapsed:
            # the newest document about its subject is stale: what it describes is not
            # evidenced now, however fresh the documents about other subjects are
            alone = (f" (no newer '{kind}' document {describe_subject(item)} "
                     "supersedes it)".replace("  ", " ") if len(lapsed) < len(items) else "")
            reasons.append(f"'{kind}' evidence is not current: {item.id} ({item.location}) "
                           f"{why}{alone}")
    return "; ".join(reasons) or None


def _describe(value: Any) -> str:
    if value is None:
        return "no value (undefined)"
    return f"a {type(value).__name__} ({value!r:.60})"
