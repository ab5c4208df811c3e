"""The PSN Remediation Action Plan: the CSV a PSN submission attaches.

A real plan is first of all the IT Health Check's findings and what is being done about
each, then everything else still open. So: one row per finding of every ITHC report behind
the latest health check, joined to its Remediation Action Plan entry (by finding id); then one row
per open control, most severe first. Issue text carries no file paths: the plan leaves
the organisation, the evidence repository does not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker import report
from checker.formats.csv_ import write
from checker.model import Assessment, Evidence, Result, Status
from checker.report import View

NAME = "rap"
VIEWS = frozenset({"gaps"})
EXTENSIONS: tuple[str, ...] = ()


COLUMNS = ("issue", "risk rating", "owner", "action", "target date", "status")

#: Provenance, after the RAP's own columns so the plan pastes into a template unchanged.
PROVENANCE = ("as_of", "tool_version", "inputs_sha256")

_RISK = {"critical": "Critical", "high": "High", "medium": "Medium", "low": "Low"}
_STATE = {Status.FAIL: "Open", Status.GAP: "Open - evidence missing or stale",
          Status.ERROR: "Open - could not be assessed"}
_PLAN_STATE = {"open": "Open", "in_progress": "In progress", "done": "Closed",
               "risk_accepted": "Risk accepted"}


def render(assessment: Assessment, view: View = report.RUN) -> str:
    """ITHC findings with their plan entries, then open controls; the view changes nothing."""
    stamp = (assessment.as_of, assessment.tool_version, assessment.inputs_digest)
    rows = [(*row, *stamp) for row in _ithc_rows(assessment)]
    for gap in report.gaps(assessment):
        result = gap.result
        issue = "; ".join([f"{result.control.id} {result.control.title}: {_no_paths(result)}",
                           *(f.message for f in result.findings)])
        rows.append((issue, _RISK.get(result.control.severity, result.control.severity),
                     gap.owner, result.control.remediation, gap.due, _STATE[result.status],
                     *stamp))
    return write((*COLUMNS, *PROVENANCE), rows)


def _no_paths(result: Result) -> str:
    """The reason without the evidence locations a stale gap names (``(evidence/x.yaml:3:1)``):
    the document's id stays, the repository's paths do not leave the organisation."""
    reason = result.reason
    for item in result.evidence:
        reason = reason.replace(f" ({item.location})", "")
    return reason


def _ithc_rows(assessment: Assessment) -> Iterator[tuple[str, ...]]:
    if not any(f.key == "psn" for f in assessment.frameworks):
        return
    reports = _documents(assessment, "ithc_report")
    latest = max(reports, key=lambda d: (str(d.facts.get("completed", "")), d.id), default=None)
    plan = {str(item.get("finding")): item
            for doc in _documents(assessment, "remediation_plan")
            for item in doc.facts.get("items", ())}
    if latest is not None:  # the submission's plan answers the current health check
        for finding in latest.facts.get("findings", ()):
            yield _ithc_row(latest, finding, plan.get(str(finding.get("id"))))


def _ithc_row(doc: Evidence, finding: dict[str, Any],
              entry: dict[str, Any] | None) -> tuple[str, ...]:
    cvss = f", CVSS {finding['cvss']}" if "cvss" in finding else ""
    issue = (f"ITHC {doc.facts.get('completed', '')} ({doc.facts.get('provider', '')}) "
             f"finding {finding.get('id', '?')}: {finding.get('title', '')}{cvss}")
    risk = _RISK.get(str(finding.get("severity")), str(finding.get("severity", "")))
    if entry is None:
        return issue, risk, "unassigned", "no Remediation Action Plan entry", "", "Open - no plan"
    return (issue, risk, str(entry.get("owner", "unassigned")), str(entry.get("action", "")),
            str(entry.get("target_date", "")),
            _PLAN_STATE.get(str(entry.get("status")), str(entry.get("status", ""))))


def _documents(assessment: Assessment, kind: str) -> list[Evidence]:
    """Every document of ``kind`` behind any result, once each, in a stable order."""
    seen: dict[str, Evidence] = {}
    for result in assessment.results:
        for item in result.evidence:
            if item.kind == kind:
                seen.setdefault(item.id, item)
    return sorted(seen.values(), key=lambda e: (e.collected, e.id))
