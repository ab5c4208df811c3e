"""``checker explain ID``: why one control has its status, step by step."""

from __future__ import annotations

import datetime as dt

from checker import report
from checker.dates import parse_date
from checker.errors import InputError
from checker.freshness import age_limit, describe_subject, last_day, stale, superseded
from checker.model import Assessment, Evidence, Result, Status


def explain(assessment: Assessment, control_id: str) -> str:
    """The explanation as text; InputError when the control was not assessed."""
    result = next((r for r in assessment.results if r.control.id == control_id), None)
    if result is None:  # the explain command checks the catalogue first; this guards other callers
        raise InputError(f"no control '{control_id}' in this assessment "
                         "(see `checker controls list`)")
    control = result.control
    links = report.mapped(assessment).get(control.id, ())
    lines = [
        f"{control.id}: {control.title}",
        f"status: {result.status.label} ({result.reason})",
        f"framework: {control.framework}, area {control.area}, severity {control.severity}",
        f"assessed as of {assessment.as_of} by checker {assessment.tool_version}; "
        f"inputs sha256 {assessment.inputs_digest}",
        "",
        f"requirement: {control.requirement}",
        f"rule queried: {control.policy} ({control.mode})",
        f"defined at: {control.source}",
        f"maps to: {', '.join(links) or '-'}",
        "",
        "applicability:",
        *_applicability(result, assessment.as_of),
        "",
        f"evidence needed: {', '.join(control.evidence)}; " + _limit_text(result),
        *_evidence(result, assessment.as_of),
        "",
        f"findings ({len(result.findings)}):",
        *([f"  - {f.message}" + (f"\n    at {f.location}" if f.location else "")
           + (f" ({f.evidence_id}: {f.path})" if f.path else "") for f in result.findings]
          or ["  none"]),
        "",
        "waiver: " + (report.waiver_ref(result) if result.waiver else "none"),
    ]
    if result.waiver and result.waiver.compensating_control:
        lines.append(f"  compensating control: {result.waiver.compensating_control}")
    if result.status in (Status.FAIL, Status.GAP, Status.ERROR, Status.WAIVED):
        lines += ["", f"remediation: {control.remediation}"]
    return "\n".join(lines) + "\n"


def _applicability(result: Result, as_of: str) -> list[str]:
    control = result.control
    lines = []
    if control.effective_from:
        verdict = "not yet in force" if as_of < control.effective_from else "in force"
        lines.append(f"  effective from {control.effective_from}: {verdict} on {as_of}")
    if control.superseded_from:
        verdict = ("superseded" if as_of >= control.superseded_from else "not yet superseded")
        lines.append(f"  superseded by {control.superseded_by} from {control.superseded_from}: "
                     f"{verdict} on {as_of}")
    if control.applies_rule:
        verdict = {True: "true, so the control applies",
                   False: f"false, so not applicable: {control.applies_reason or 'out of scope'}",
                   None: "undecided (no answer from the engine; see status)"}[result.applicable]
        lines.append(f"  rule {control.applies_rule}: {verdict}")
    return lines or ["  always applies"]


def _limit_text(result: Result) -> str:
    limit = age_limit(result.control)
    return (f"each must be at most {limit} days old, unless a newer one about the same "
            "subject supersedes it" if limit is not None else "no age limit")


def _evidence(result: Result, as_of: str) -> list[str]:
    if not result.evidence:
        return ["  none found"]
    limit = age_limit(result.control)
    replaced = superseded(result.evidence)
    return [line for item in result.evidence
            for line in _one(item, limit, as_of, replaced.get(item.id))]


def _one(item: Evidence, limit: int | None, as_of: str,
         newer: Evidence | None = None) -> list[str]:
    lines = [f"  - {item.id} ({item.kind}) at {item.location}, owner {item.owner}",
             f"    file sha256 {item.file_digest}"]
    age = (parse_date(as_of) - parse_date(item.collected)).days
    arithmetic = f"    collected {item.collected}, {age} days before {as_of}"
    if limit is not None:
        end = (parse_date(item.collected) + dt.timedelta(days=limit)).isoformat()
        arithmetic += f"; {item.collected} + {limit} days = {end}"
    if item.expires:
        arithmetic += f"; expires {item.expires}"
    counts_until = last_day(item, limit)
    if counts_until is not None:
        arithmetic += f"; last day it counts: {counts_until}"
    why = stale(item, limit, as_of)
    if newer is not None:
        verdict = (f"superseded by {newer.id} (collected {newer.collected}, "
                   f"{describe_subject(item) or 'same kind'}): history, not judged for "
                   "freshness")
    else:
        verdict = "STALE: " + why if why else "current on " + as_of
    lines += [arithmetic, f"    => {verdict}"]
    return lines
