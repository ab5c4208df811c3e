"""Machine-readable results, versioned and described by ``schemas/results.schema.json``.

Every string passes through ``text.in_data``: a control character in evidence shows as
escape text (``\\x1b``), and a file name that is not UTF-8 still gives valid JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from checker import diffreport, report
from checker.freshness import Due
from checker.model import Assessment, Evidence, Finding, Result, Status, Waiver
from checker.report import View
from checker.text import in_data

if TYPE_CHECKING:
    from checker.diff import Diff
    from checker.history.trend import Trend
    from checker.pci.drafts import AocDraft, SaqDraft

NAME = "json"
VIEWS = frozenset({"run", "matrix", "gaps", "due", "diff", "saq", "aoc", "history"})
EXTENSIONS: tuple[str, ...] = (".json",)


SCHEMA_ID = "urn:checker:schema:results:v1"
SCHEMA_VERSION = 1


GAPS_SCHEMA_ID = "urn:checker:schema:gaps:v1"


def render(assessment: Assessment, view: View = report.RUN) -> str:
    """The results document; for ``checker gaps``, the gap list (or renewal list) document."""
    data = gaps_document(assessment, view) if view.name == "gaps" else document(assessment)
    return text(data)


def text(data: Mapping[str, Any]) -> str:
    """A document as JSON: one top-level key a line, and each entry of a list of objects (a
    control, a gap, a framework) on a line of its own, written compactly by the C encoder.
    Line-oriented, so a saved report diffs by control and an error can name a control's
    line; indenting everything in pure Python cost more time and memory than the rest of
    the render at 100,000 items."""
    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    lines = ["{"]
    for index, (key, value) in enumerate(data.items()):
        comma = "," if index < len(data) - 1 else ""
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"  {compact(key)}: [")
            lines += [f"    {compact(v)}{',' if i < len(value) - 1 else ''}"
                      for i, v in enumerate(value)]
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {compact(key)}: {compact(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def gaps_document(assessment: Assessment, view: View) -> dict[str, Any]:
    """Open controls with owner and due date, and any evidence due within the window."""
    data: dict[str, Any] = {
        "$schema": GAPS_SCHEMA_ID,
        "tool": {"name": "checker", "version": assessment.tool_version},
        "as_of": assessment.as_of,
        "organisation": assessment.organisation,
        "inputs_digest": assessment.inputs_digest,
        "gaps": [{**_result(g.result), "owner": g.owner, "due": g.due, "due_rule": g.due_rule}
                 for g in report.gaps(assessment)],
    }
    if view.due_within is not None:
        data["due_within_days"] = view.due_within
        data["due"] = [_due(d) for d in report.due(assessment, view)]
    return in_data(data)


def _due(item: Due) -> dict[str, Any]:
    return {"control": item.control.id, "last_day": item.last_day, "why": item.why,
            "evidence": _evidence(item.evidence)}


def document(assessment: Assessment) -> dict[str, Any]:
    """The results as plain JSON data (also what ``diff --baseline`` reads back)."""
    links = report.mapped(assessment)
    return in_data({
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "checker", "version": assessment.tool_version},
        "as_of": assessment.as_of,
        "organisation": assessment.organisation,
        "inputs_digest": assessment.inputs_digest,
        "summary": summary(assessment),
        "frameworks": [
            {"key": f.key, "name": f.name, "version": f.version,
             "summary": summary(assessment, f.key), "pass_percent": _percent(cov)}
            for f, cov in zip(assessment.frameworks, report.coverage(assessment), strict=True)
        ],
        "controls": [{**_result(r), "mapped_from": _mapped_from(r, links)}
                     for r in assessment.results],
        "gaps": [r.control.id for r in assessment.gaps()],
        "notices": [{"file": n.location.file, "line": n.location.line, "message": n.message}
                    for n in assessment.notices],
    })


def _percent(cov: report.Coverage) -> float | None:
    """Pass % to one decimal place; null when no control of the framework applies."""
    return None if cov.percent is None else round(cov.percent, 1)


def summary(assessment: Assessment, framework: str | None = None) -> dict[str, int]:
    counts = assessment.counts(framework)
    return {"total": sum(counts.values()), **{s.value: counts.get(s, 0) for s in Status}}


def _result(result: Result) -> dict[str, Any]:
    control = result.control
    return {
        "id": control.id,
        "framework": control.framework,
        "title": control.title,
        "area": control.area,
        "severity": control.severity,
        "mode": control.mode,
        "status": result.status.value,
        "underlying_status": result.underlying_status.value,
        "level": result.level.value if result.level else None,
        "target": result.target.value if result.target else None,
        "reason": result.reason,
        "policy": control.policy,
        "maps_to": list(control.maps_to),
        "links": [{"id": k.target, "relation": k.relation, "source": k.source,
                   "rationale": k.rationale} for k in control.links if k.relation],
        "remediation": control.remediation,
        "evidence": [_evidence(e) for e in result.evidence],
        "findings": [_finding(f) for f in result.findings],
        "waiver": _waiver(result.waiver) if result.waiver else None,
        "channels": list(result.channels),
    }


def _mapped_from(result: Result, links: dict[str, tuple[str, ...]]) -> list[str]:
    return [c for c in links.get(result.control.id, ()) if c not in result.control.maps_to]


def _waiver(waiver: Waiver) -> dict[str, Any]:
    return {
        "reason": waiver.reason,
        "approved_by": waiver.approved_by,
        "approved_on": waiver.approved_on,
        "expires": waiver.expires,
        "evidence": waiver.evidence,
        "compensating_control": waiver.compensating_control,
        "file": waiver.location.file,
        "line": waiver.location.line,
    }


def _evidence(item: Evidence) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "owner": item.owner,
        "file": item.location.file,
        "line": item.location.line,
        "collected": item.collected,
        "expires": item.expires,
        "sha256": item.file_digest,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    where = finding.location
    return {
        "message": finding.message,
        "evidence": finding.evidence_id,
        "path": finding.path,
        "file": where.file if where else None,
        "line": where.line if where else None,
        "column": where.column if where else None,
    }

def render_diff(diff: Diff) -> str:
    """The diff view: regressions, scope changes and improvements as data."""
    return text(in_data(diffreport.document(diff)))

def render_saq(draft: SaqDraft) -> str:
    """The saq view: the SAQ response draft's fields."""
    from checker.pci import render as pci

    return text(pci.saq_json(draft))


def render_aoc(aoc: AocDraft) -> str:
    """The aoc view: the Attestation of Compliance draft's fields."""
    from checker.pci import render as pci

    return text(pci.aoc_json(aoc))

HISTORY_SCHEMA_ID = "urn:checker:schema:history:v1"


def render_history(trend: Trend) -> str:
    """The history view: every recorded run with pass % per framework, open controls by
    status and severity, and the overdue control ids."""
    data = {"$schema": HISTORY_SCHEMA_ID, "organisation": trend.organisation,
            "frameworks": [{"key": k, "name": n} for k, n in trend.frameworks],
            "runs": [{"as_of": p.as_of, "inputs_digest": p.inputs_digest, "source": p.source,
                      "pass_percent": {k: None if v is None else round(v, 1)
                                       for k, v in p.percent.items()},
                      "open": p.statuses, "open_by_severity": p.severities,
                      "overdue": list(p.overdue)} for p in trend.points]}
    return text(in_data(data))
