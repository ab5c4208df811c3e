"""The terminal view: a coverage summary per framework, then the gap list."""

from __future__ import annotations

import textwrap

from tabulate import tabulate

from checker.model import Assessment, Result, Status

_WIDTH = 60


def render(assessment: Assessment) -> str:
    header = (f"checker {assessment.tool_version} | {assessment.organisation or 'organisation ?'}"
              f" | as of {assessment.as_of} | inputs sha256 {assessment.inputs_digest[:16]}")
    parts = [header, "", _summary(assessment), "", _matrix(assessment)]
    gaps = assessment.gaps()
    parts += ["", f"Gap list ({len(gaps)})", _gap_list(gaps) if gaps else "  none"]
    if assessment.notices:
        parts += ["", "Notices", *(f"  {notice}" for notice in assessment.notices)]
    return "\n".join(parts) + "\n"


def _summary(assessment: Assessment) -> str:
    statuses = list(Status)
    rows = []
    for framework in assessment.frameworks:
        counts = assessment.counts(framework.key)
        rows.append([framework.name, *(counts.get(s, 0) for s in statuses),
                     sum(counts.values())])
    headers = ["framework", *(s.label for s in statuses), "total"]
    return tabulate(rows, headers=headers, tablefmt="simple")


def _matrix(assessment: Assessment) -> str:
    rows = [[r.control.id, _wrap(r.control.title, 48), r.status.label]
            for r in assessment.results]
    return tabulate(rows, headers=["control", "title", "status"], tablefmt="simple")


def _gap_list(gaps: tuple[Result, ...]) -> str:
    rows = []
    for result in gaps:
        owners = sorted({e.owner for e in result.evidence}) or ["(no evidence owner)"]
        detail = [result.reason, *(_where(f.message, f.location) for f in result.findings)]
        rows.append([result.control.severity, result.control.id, result.status.label,
                     ", ".join(owners), _wrap("\n".join(detail), _WIDTH),
                     _wrap(result.control.remediation, 40)])
    return tabulate(rows, headers=["severity", "control", "status", "owner", "why",
                                   "remediation"], tablefmt="simple")


def _where(message: str, location: object) -> str:
    return f"- {message}" + (f" ({location})" if location else "")


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(line, width) for line in text.splitlines())
