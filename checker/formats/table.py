"""The terminal view (tabulate): coverage per framework, then the matrix or the gap list."""

from __future__ import annotations

import textwrap

from tabulate import tabulate

from checker import report
from checker.model import Assessment, Result
from checker.report import View

_WIDTH = 60


def render(assessment: Assessment, view: View = report.RUN) -> str:
    parts = [report.provenance(assessment)]
    if view.due_within is not None:
        return "\n".join([*parts, "", _due(assessment, view)]) + "\n"
    if view.name != "gaps":
        parts += ["", _summary(assessment), "", _matrix(assessment, view.name == "matrix")]
    gaps = report.gaps(assessment)
    parts += ["", f"Gap list ({len(gaps)})", _gap_list(gaps) if gaps else "  none"]
    if assessment.notices:
        parts += ["", "Notices", *(f"  {notice}" for notice in assessment.notices)]
    return "\n".join(parts) + "\n"


def _summary(assessment: Assessment) -> str:
    rows = [[c.name, *(c.counts[s] for s in report.PIVOT), c.total, f"{c.percent:.1f}%"]
            for c in report.coverage(assessment)]
    headers = ["framework", *(s.label for s in report.PIVOT), "total", "pass %"]
    return tabulate(rows, headers=headers, tablefmt="simple")


def _matrix(assessment: Assessment, detailed: bool) -> str:
    if not detailed:
        rows = [[r.control.id, _wrap(r.control.title, 48), r.verdict]
                for r in assessment.results]
        return tabulate(rows, headers=["control", "title", "status"], tablefmt="simple")
    links = report.mapped(assessment)
    rows = []
    for result in assessment.results:
        evidence = "\n".join(f"{e.id}\n  {e.location}\n  collected {e.collected}\n"
                             f"  sha256 {e.file_digest}" for e in result.evidence) or "-"
        detail = "\n".join([*(f"- {f}" for f in report.finding_ref(result)),
                            *([f"waived: {report.waiver_ref(result)}"] if result.waiver else [])])
        rows.append([result.control.id, _wrap(result.control.title, 30),
                     f"{result.control.framework}\n{result.control.area}", result.verdict,
                     evidence, _wrap(detail, 40) or "-",
                     _wrap(", ".join(links.get(result.control.id, ())), 20) or "-"])
    return tabulate(rows, headers=["control", "title", "framework/area", "status", "evidence",
                                   "findings", "maps to"], tablefmt="simple")


def _gap_list(gaps: tuple[report.Gap, ...]) -> str:
    rows = []
    for gap in gaps:
        result: Result = gap.result
        detail = [result.reason, *(f"- {f}" for f in report.finding_ref(result))]
        rows.append([result.control.severity, result.control.id, result.verdict,
                     _wrap(gap.owner, 20), gap.due, _wrap("\n".join(detail), _WIDTH),
                     _wrap(result.control.remediation, 40)])
    return tabulate(rows, headers=["severity", "control", "status", "owner", "due", "why",
                                   "remediation"], tablefmt="simple")


def _due(assessment: Assessment, view: View) -> str:
    items = report.due(assessment, view)
    title = f"Evidence due for renewal within {view.due_within} days ({len(items)})"
    if not items:
        return f"{title}\n  none"
    return f"{title}\n" + tabulate([report.due_row(d) for d in items],
                                   headers=list(report.DUE_COLUMNS), tablefmt="simple")


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(line, width) for line in text.splitlines())
