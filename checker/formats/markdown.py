"""GitHub-flavoured Markdown, small enough for a PR comment or ``$GITHUB_STEP_SUMMARY``.

Every value goes through ``cell``, which escapes it with ``text.for_markdown``: evidence
text renders as the text it is, never as a tag, link, image, heading or broken table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from checker import diffreport, report
from checker.model import Assessment, Result, Status
from checker.report import View
from checker.text import for_markdown

if TYPE_CHECKING:
    from checker.diff import Diff
    from checker.history.trend import Trend
    from checker.pci.drafts import AocDraft, SaqDraft

NAME = "markdown"
VIEWS = frozenset({"run", "matrix", "gaps", "due", "diff", "saq", "aoc", "history"})
EXTENSIONS: tuple[str, ...] = (".md", ".markdown")


_ICON = {Status.PASS: "✅", Status.FAIL: "❌", Status.GAP: "⚠️", Status.ERROR: "🛑",
         Status.WAIVED: "🟦", Status.NOT_APPLICABLE: "⚪"}


def cell(text: str) -> str:
    """Text safe inside a table cell or a line: each line escaped for Markdown (pipes too),
    lines joined with <br>."""
    return "<br>".join(for_markdown(line) for line in text.strip().split("\n"))


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table as lines."""
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(cell(str(v)) for v in row) + " |" for row in rows]
    return lines


#: GitHub's limit on a pull-request comment; tables are cut to fit, saying what was left out.
LIMIT = 65_000


def fit(lines: list[str], budget: int) -> list[str]:
    """Table ``lines`` (header, rule, rows) cut to ``budget`` characters, noting the cut."""
    kept, used = lines[:2], sum(len(line) + 1 for line in lines[:2])
    for index, line in enumerate(lines[2:]):
        if used + len(line) + 1 > budget:
            left = len(lines) - 2 - index
            return [*kept, "", f"_…and {left} more rows: see the full report "
                               "(`--format html` or `csv`)._"]
        kept.append(line)
        used += len(line) + 1
    return kept


def _open_first(assessment: Assessment) -> list[Result]:
    """Error, fail, gap and waived before pass and n/a; catalogue order within each."""
    settled = (Status.PASS, Status.NOT_APPLICABLE)
    return sorted(assessment.results, key=lambda r: r.status in settled)


def render(assessment: Assessment, view: View = report.RUN) -> str:
    gaps = report.gaps(assessment)
    icon = "❌" if gaps else "✅"
    parts = [f"### {icon} checker: {report.summary_line(assessment)}", "",
             f"_{cell(report.provenance(assessment))}_"]
    parts += [text for line in report.drafts_line(assessment) for text in ("", f"**{line}**")]
    if assessment.notices:
        parts += ["", "**Notices**", "", *(f"- {cell(str(n))}" for n in assessment.notices)]
    if view.due_within is not None:
        items = report.due(assessment, view)
        parts += ["", f"**Evidence due for renewal within {view.due_within} days "
                      f"({len(items)})**", ""]
        parts += table(report.DUE_COLUMNS, (report.due_row(d) for d in items)) if items else [
            "None."]
        return "\n".join(parts) + "\n"
    if view.name != "gaps":
        parts += ["", "**Coverage**", ""]
        parts += table(["framework", *(s.label for s in report.PIVOT), "total", "pass %"],
                       ([c.name, *(str(c.counts[s]) for s in report.PIVOT), str(c.total),
                         report.percent(c)] for c in report.coverage(assessment)))
    if view.name == "matrix":
        links = report.mapped(assessment)
        parts += ["", "**Control matrix** (open items first, so a cut never hides them)", ""]
        parts += fit(table(["control", "title", "status", "evidence", "findings", "maps to"], (
            [r.control.id, r.control.title, f"{_ICON[r.status]} {r.verdict}",
             "\n".join(report.evidence_ref(e) for e in r.evidence),
             "\n".join([*report.finding_ref(r),
                        *([f"waived: {report.waiver_ref(r)}"] if r.waiver else [])]),
             ", ".join(links.get(r.control.id, ()))] for r in _open_first(assessment))),
            LIMIT // 2)
    parts += ["", f"**Gap list ({len(gaps)})**", ""]
    budget = LIMIT - sum(len(p) + 1 for p in parts)
    parts += fit(table(["severity", "control", "status", "owner", "due", "why"], (
        [g.result.control.severity, f"{g.result.control.id} {g.result.control.title}",
         f"{_ICON[g.result.status]} {g.result.verdict}", g.owner, g.due,
         "\n".join([g.result.reason, *report.finding_ref(g.result)])] for g in gaps)),
        budget) if gaps else ["None."]
    return "\n".join(parts) + "\n"

def render_diff(diff: Diff) -> str:
    """The diff view, for a pull-request comment or job summary."""
    parts = [f"### {'❌' if diffreport.failed(diff) else '✅'} {cell(diffreport.headline(diff))}"]
    parts += ["", *(f"> **Note:** {cell(n)}" for n in diff.notes)] if diff.notes else []
    for label, changes in diffreport.sections(diff):
        if changes:
            parts += ["", f"**{label}**", "", *table(diffreport.HEADERS, diffreport.rows(changes))]
    return "\n".join(parts) + "\n"

def render_saq(draft: SaqDraft) -> str:
    """The saq view: one payment channel's SAQ response draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.markdown(pci.saq_page(draft))


def render_aoc(aoc: AocDraft) -> str:
    """The aoc view: the Attestation of Compliance draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.markdown(pci.aoc_page(aoc))

def render_history(trend: Trend) -> str:
    """The history view: one row per recorded run, oldest first."""
    from checker.history.trend import columns, rows

    parts = [f"### checker history: {cell(trend.organisation or 'organisation')} "
             f"({len(trend.points)} run{'s' * (len(trend.points) != 1)})", ""]
    parts += table(columns(trend), rows(trend)) if trend.points else ["No runs recorded."]
    return "\n".join(parts) + "\n"
