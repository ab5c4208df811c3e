"""The terminal view (tabulate): coverage per framework, then the matrix or the gap list.

Every value passes through ``text.for_terminal`` before it is laid out, so evidence text can
neither send escape sequences to the terminal nor add a line that looks like ours."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from checker import diffreport, report
from checker.model import Assessment, Result, Status
from checker.report import View
from checker.text import for_terminal as _t
from checker.text import for_terminal_lines

if TYPE_CHECKING:
    from checker.diff import Diff
    from checker.history.trend import Trend

NAME = "table"
VIEWS = frozenset({"run", "matrix", "gaps", "due", "diff", "history"})
EXTENSIONS: tuple[str, ...] = (".txt",)


def tabulate(rows: Any, **options: Any) -> str:
    """``tabulate.tabulate``, imported when a table is first drawn: importing it costs about
    15 ms, which a run in any other format need not pay."""
    from tabulate import tabulate as draw

    return str(draw(rows, **options))


_WIDTH = 60


def render(assessment: Assessment, view: View = report.RUN) -> str:
    """The run view: coverage, the controls not passing, the gap list and a closing summary
    line (``--all``: every control); matrix: every control with its evidence; gaps; due."""
    parts = [_t(report.provenance(assessment)),
             *(_t(line) for line in report.drafts_line(assessment))]
    if view.due_within is not None:
        return "\n".join([*parts, "", _due(assessment, view)]) + "\n"
    if view.name != "gaps":
        parts += ["", _summary(assessment), ""]
        if view.name == "matrix":
            parts.append(_matrix(assessment, True))
        elif view.every_control:
            parts.append(_matrix(assessment, False))
        else:
            parts.append(_not_passing(assessment))
    gaps = report.gaps(assessment)
    parts += ["", f"Gap list ({len(gaps)})", _gap_list(gaps) if gaps else "  none"]
    if assessment.notices:
        parts += ["", "Notices", *(f"  {notice}" for notice in assessment.notices)]
    if view.name == "run":
        parts += ["", f"{report.summary_line(assessment)}; as of {assessment.as_of}"]
    return for_terminal_lines("\n".join([*parts, ""]))


def _not_passing(assessment: Assessment) -> str:
    """Every control that is neither pass nor n/a, compactly; n/a and pass are counted."""
    shown = [r for r in assessment.results
             if r.status not in (Status.PASS, Status.NOT_APPLICABLE)]
    counts = assessment.counts()
    title = (f"Controls not passing ({len(shown)}; {counts.get(Status.PASS, 0)} pass and "
             f"{counts.get(Status.NOT_APPLICABLE, 0)} n/a not listed: --all lists every "
             "control)")
    if not shown:
        return f"{title}\n  none"
    rows = [[_t(r.control.id), _wrap(_t(r.control.title), 48), r.verdict] for r in shown]
    return f"{title}\n" + tabulate(rows, headers=["control", "title", "status"],
                                   tablefmt="simple")


def _summary(assessment: Assessment) -> str:
    rows = [[_t(c.name), *(c.counts[s] for s in report.PIVOT), c.total, report.percent(c)]
            for c in report.coverage(assessment)]
    headers = ["framework", *(s.label for s in report.PIVOT), "total", "pass %"]
    return tabulate(rows, headers=headers, tablefmt="simple")


def _matrix(assessment: Assessment, detailed: bool) -> str:
    if not detailed:
        rows = [[_t(r.control.id), _wrap(_t(r.control.title), 48), r.verdict]
                for r in assessment.results]
        return tabulate(rows, headers=["control", "title", "status"], tablefmt="simple")
    links = report.mapped(assessment)
    rows = []
    for result in assessment.results:
        evidence = "\n".join(f"{_t(e.id)}\n  {_t(str(e.location))}\n  collected "
                             f"{_t(e.collected)}\n  sha256 {e.file_digest}"
                             for e in result.evidence) or "-"
        detail = "\n".join([*(f"- {_t(f)}" for f in report.finding_ref(result)),
                            *([f"waived: {_t(report.waiver_ref(result))}"] if result.waiver
                              else [])])
        rows.append([_t(result.control.id), _wrap(_t(result.control.title), 30),
                     f"{_t(result.control.framework)}\n{_t(result.control.area)}",
                     result.verdict, evidence, _wrap(detail, 40) or "-",
                     _wrap(_t(", ".join(links.get(result.control.id, ()))), 20) or "-"])
    return tabulate(rows, headers=["control", "title", "framework/area", "status", "evidence",
                                   "findings", "maps to"], tablefmt="simple")


def _gap_list(gaps: tuple[report.Gap, ...]) -> str:
    rows = []
    for gap in gaps:
        result: Result = gap.result
        detail = [_t(result.reason), *(f"- {_t(f)}" for f in report.finding_ref(result))]
        rows.append([_t(result.control.severity), _t(result.control.id), result.verdict,
                     _wrap(_t(gap.owner), 20), gap.due, _wrap("\n".join(detail), _WIDTH),
                     _wrap(_t(result.control.remediation), 40)])
    return tabulate(rows, headers=["severity", "control", "status", "owner", "due", "why",
                                   "remediation"], tablefmt="simple")


def _due(assessment: Assessment, view: View) -> str:
    items = report.due(assessment, view)
    title = f"Evidence due for renewal within {view.due_within} days ({len(items)})"
    if not items:
        return f"{title}\n  none"
    return f"{title}\n" + tabulate([[_t(v) for v in report.due_row(d)] for d in items],
                                   headers=list(report.DUE_COLUMNS), tablefmt="simple")


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(line, width) for line in text.splitlines())

def render_diff(diff: Diff) -> str:
    """The diff view: the headline and notes, then regressions, scope changes, improvements."""
    parts = [diffreport.headline(diff), *(f"note: {n}" for n in diff.notes)]
    for label, changes in diffreport.sections(diff):
        if changes:
            parts += ["", label, tabulate(diffreport.rows(changes), headers=diffreport.HEADERS,
                                          maxcolwidths=[None, None, None, 60, None])]
    return "\n".join(parts) + "\n"

def render_history(trend: Trend) -> str:
    """The history view: one row per recorded run, oldest first."""
    from checker.history.trend import columns, rows

    runs = len(trend.points)
    title = f"History: {trend.organisation or 'organisation ?'} ({runs} run{'s' * (runs != 1)})"
    body = tabulate([[_t(v) for v in row] for row in rows(trend)], headers=columns(trend),
                    tablefmt="simple", disable_numparse=True) if trend.points else (
        "  no runs recorded")
    return f"{_t(title)}\n{body}\n"
