"""The auditor's HTML report: one self-contained page (inline CSS, script and SVG; no network
reference at all), readable at 1366 px and printable on A4.

Summary cards per framework, the trend when a history store exists, a heat map of area x
status, the control matrix (short digests: the full value on hover and copied on click) with
filters by status, severity, framework, owner and text and sortable columns, a detail panel
per control (requirement, how decided, evidence with file:line, dates and digests, findings,
waiver, mapped controls), the gap list and the notices. Every piece of evidence text passes
through ``escape`` (``text.visible``, then HTML-escaped)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape as _html_escape
from typing import TYPE_CHECKING

from checker import report
from checker.formats._html_assets import CSS, SCRIPT
from checker.model import Assessment, Evidence, Result, Status
from checker.report import View
from checker.text import visible

if TYPE_CHECKING:
    from checker.history.trend import Trend
    from checker.pci.drafts import AocDraft, SaqDraft

NAME = "html"
VIEWS = frozenset({"run", "matrix", "gaps", "due", "saq", "aoc", "history"})
EXTENSIONS: tuple[str, ...] = (".html", ".htm")


def escape(text: str) -> str:
    """Text as HTML: control characters shown as escape text, markup characters escaped, and
    anything beyond ASCII written as a character reference. The page is then ASCII throughout:
    one curly quote in 100,000 items would otherwise make Python hold the whole report (tens
    of megabytes) at two or four bytes a character."""
    escaped = _html_escape(visible(text))
    if escaped.isascii():
        return escaped
    return escaped.encode("ascii", "xmlcharrefreplace").decode("ascii")


_COLOUR = {Status.PASS: "#00703c", Status.FAIL: "#d4351c", Status.GAP: "#b35200",
           Status.NOT_APPLICABLE: "#6f777b", Status.WAIVED: "#1d70b8", Status.ERROR: "#6b2c91"}
_SEVERITY_ORDER = {"critical": 1, "high": 2, "medium": 3, "low": 4}
_STATUS_ORDER = {"error": 1, "fail": 2, "gap": 3, "waived": 4, "not_applicable": 5, "pass": 6}
#: Digits of a sha256 shown in tables; the full value is on hover and copied on click.
SHORT = 12


def render(assessment: Assessment, view: View = report.RUN) -> str:
    titles = {"run": "Compliance report", "matrix": "Control matrix", "gaps": "Gap list"}
    title = f"{titles[view.name]}: {assessment.organisation or 'organisation'}"
    gaps = report.gaps(assessment)
    body = [_header(title, assessment)]
    if view.due_within is not None:
        items = report.due(assessment, view)
        body += [f"<h2>Evidence due for renewal within {view.due_within} days "
                 f"({len(items)})</h2>",
                 _table("due", report.DUE_COLUMNS, (report.due_row(d) for d in items))]
    elif view.name == "gaps":
        body += [_cards(assessment), _gap_section(gaps)]
    else:
        body += [_cards(assessment)]
        if view.trend is not None and view.trend.points:
            body.append(_trend_section(view.trend))
        body += [_heatmap(assessment), _matrix(assessment, gaps), _gap_section(gaps)]
    body.append(_notices(assessment))
    panel = ("" if view.name == "gaps" or view.due_within is not None
             else _details(assessment, gaps))
    return _page(title, body, panel)


def _page(title: str, body: Sequence[str] | str, panel: str = "") -> str:
    """The whole document, joined once (at 100,000 items a report is tens of megabytes, and
    every concatenation would copy it)."""
    parts = [body] if isinstance(body, str) else body
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        "<main id=\"main\" tabindex=\"-1\">\n", "\n".join(parts), "\n</main>\n", panel,
        f"\n<script>{SCRIPT}</script>\n</body>\n</html>\n"])


def _header(title: str, assessment: Assessment) -> str:
    digest = assessment.inputs_digest
    lines = [f"<h1>{escape(title)}</h1>",
             f"<p class=\"meta\">checker {escape(assessment.tool_version)} | as of "
             f"{escape(assessment.as_of)} | inputs sha256 {_digest(digest)}</p>",
             f"<p class=\"meta\">{escape(report.provenance(assessment))}</p>",
             f"<p><strong>{escape(report.summary_line(assessment))}</strong></p>"]
    lines += [f"<p class=\"notice\">{escape(line)}</p>"
              for line in report.drafts_line(assessment)]
    return "\n".join(lines)


def _digest(value: str) -> str:
    """A short digest that shows the full value on hover and copies it on click."""
    if not value:
        return "<span class=\"mono\">none</span>"
    full = escape(value)
    return (f"<button type=\"button\" class=\"digest\" data-full=\"{full}\" title=\"sha256 "
            f"{full} (click to copy)\" aria-label=\"copy sha256 {full}\">"
            f"{escape(value[:SHORT])}&hellip;</button>")


def _status(result: Result) -> str:
    return (f"<span class=\"status s-{result.status.value}\">{escape(result.verdict)}</span>")


def _cards(assessment: Assessment) -> str:
    cards = []
    for cov in report.coverage(assessment):
        chips = "".join(f"<span class=\"chip s-{s.value}\">{s.label} {cov.counts[s]}</span>"
                        for s in report.PIVOT if cov.counts[s])
        share = ("no applicable controls, so no pass percentage" if cov.percent is None
                 else f"{report.percent(cov)} pass of {cov.applicable} applicable")
        cards.append(f"<section class=\"card\" aria-label=\"{escape(cov.name)}: {share}\">"
                     f"<h3>{escape(cov.name)}</h3><div class=\"big\">{report.percent(cov)}"
                     f"</div><div class=\"sub\">{share}; {cov.total} controls</div>"
                     f"{_bar(cov)}<div class=\"chips\">{chips}</div></section>")
    return f"<h2>Summary</h2>\n<div class=\"cards\">{''.join(cards)}</div>"


def _bar(cov: report.Coverage) -> str:
    """A stacked bar of the framework's statuses, as inline SVG."""
    width, height, x, parts = 240, 12, 0.0, []
    for status in report.PIVOT:
        count = cov.counts[status]
        if count and cov.total:
            part = width * count / cov.total
            parts.append(f"<rect x=\"{x:.2f}\" width=\"{part:.2f}\" height=\"{height}\" "
                         f"fill=\"{_COLOUR[status]}\"><title>{status.label}: {count}</title>"
                         "</rect>")
            x += part
    return (f"<svg role=\"img\" aria-label=\"{escape(cov.name)} by status\" width=\"{width}\" "
            f"height=\"{height}\" viewBox=\"0 0 {width} {height}\">{''.join(parts)}</svg>")


def _heatmap(assessment: Assessment) -> str:
    """Areas (grouped by framework) x statuses: each cell's count, shaded by its share."""
    head = "".join(f"<th scope=\"col\">{s.label}</th>" for s in report.PIVOT)
    rows = []
    for framework in assessment.frameworks:
        results = [r for r in assessment.results if r.control.framework == framework.key]
        if not results:
            continue
        rows.append(f"<tr><th scope=\"rowgroup\" class=\"fw\" colspan=\"{len(report.PIVOT) + 2}"
                    f"\">{escape(framework.name)}</th></tr>")
        areas = sorted({r.control.area for r in results})
        for area in areas:
            in_area = [r for r in results if r.control.area == area]
            cells = []
            for status in report.PIVOT:
                count = sum(r.status is status for r in in_area)
                shade = f"{round(100 * count / len(in_area))}%"
                style = (f" style=\"background:color-mix(in srgb,{_COLOUR[status]} {shade},"
                         f"#fff);color:{'#fff' if count * 2 > len(in_area) else '#000'}\""
                         if count else "")
                cells.append(f"<td class=\"cell\"{style}>{count or ''}</td>")
            rows.append(f"<tr><th scope=\"row\">{escape(area)}</th>{''.join(cells)}"
                        f"<td class=\"num\">{len(in_area)}</td></tr>")
    return ("<h2>Heat map: area by status</h2>\n<table class=\"heat\" id=\"heatmap\"><thead>"
            f"<tr><th scope=\"col\">area</th>{head}<th scope=\"col\">total</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


_MATRIX = (("id", "c-id"), ("title", "c-title"), ("framework", "c-fw"), ("area", "c-area"),
           ("severity", "c-sev"), ("status", "c-status"), ("owner", "c-owner"),
           ("evidence (sha256)", "c-evidence"), ("due", "c-due"))


def _matrix(assessment: Assessment, gaps: tuple[report.Gap, ...]) -> str:
    due = {g.result.control.id: g.due for g in gaps}
    rows = []
    for result in assessment.results:
        control = result.control
        owners = sorted({e.owner for e in result.evidence}) or list(control.attested_by)
        text = " ".join([control.id, control.title, control.area, control.framework,
                         result.verdict, result.reason, report.owner(result),
                         *(e.id for e in result.evidence),
                         *(f.message for f in result.findings)]).lower()
        evidence = "".join(f"<span class=\"evidence-item\">{escape(e.id)} {_digest(e.file_digest)}"
                           "</span>" for e in result.evidence) or "none"
        rows.append(
            f"<tr data-detail=\"d-{escape(control.id)}\" data-status=\"{result.status.value}\" "
            f"data-severity=\"{escape(control.severity.lower())}\" "
            f"data-framework=\"{escape(control.framework.lower())}\" "
            f"data-owner=\"{escape('|'.join(o.lower() for o in owners))}\" "
            f"data-text=\"{escape(text)}\">"
            f"<td class=\"id\"><button type=\"button\" class=\"open\" "
            f"data-open=\"{escape(control.id)}\" aria-expanded=\"false\" "
            f"aria-controls=\"d-{escape(control.id)}\">{escape(control.id)}</button></td>"
            f"<td>{escape(control.title)}</td><td>{escape(control.framework)}</td>"
            f"<td>{escape(control.area)}</td>"
            f"<td data-sort=\"{_SEVERITY_ORDER.get(control.severity, 9)}\">"
            f"{escape(control.severity)}</td>"
            f"<td data-sort=\"{_STATUS_ORDER.get(result.status.value, 9)}\">{_status(result)}"
            f"</td><td>{escape(report.owner(result))}</td><td>{evidence}</td>"
            f"<td class=\"nowrap\">{escape(due.get(control.id, ''))}</td></tr>")
    cols = "".join(f"<col class=\"{c}\">" for _, c in _MATRIX)
    head = "".join(f"<th scope=\"col\"><button type=\"button\" class=\"sort\">{escape(h)}"
                   "</button></th>" for h, _ in _MATRIX)
    return ("<h2>Control matrix</h2>\n<p class=\"no-print\">Choose a control id for its "
            "requirement, evidence, findings and waiver; choose a digest to copy it.</p>\n"
            + _filters(assessment) +
            f"\n<table id=\"matrix\" class=\"sortable\"><colgroup>{cols}</colgroup><thead><tr>"
            f"{head}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>")


def _filters(assessment: Assessment) -> str:
    def select(name: str, label: str, values: Iterable[tuple[str, str]]) -> str:
        options = "".join(f"<option value=\"{escape(v.lower())}\">{escape(t)}</option>"
                          for v, t in values)
        return (f"<label>{label}<select data-filter=\"{name}\"><option value=\"\">all</option>"
                f"{options}</select></label>")

    owners = sorted({o for r in assessment.results
                     for o in ({e.owner for e in r.evidence} or set(r.control.attested_by))})
    severities = sorted({r.control.severity for r in assessment.results},
                        key=lambda s: _SEVERITY_ORDER.get(s, 9))
    return ("<div class=\"filters\" id=\"filters\" role=\"search\" aria-label=\"filter "
            "controls\"><label>Text<input type=\"search\" data-filter=\"text\"></label>"
            + select("status", "Status", ((s.value, s.label) for s in report.PIVOT))
            + select("severity", "Severity", ((s, s) for s in severities))
            + select("framework", "Framework", ((f.key, f.name) for f in assessment.frameworks))
            + select("owner", "Owner", ((o, o) for o in owners))
            + "<span class=\"count\" id=\"shown\" aria-live=\"polite\"></span></div>")


def _details(assessment: Assessment, gaps: tuple[report.Gap, ...]) -> str:
    """One panel per control, shown beside the matrix on demand and printed after it."""
    links = report.mapped(assessment)
    known = {r.control.id for r in assessment.results}
    due = {g.result.control.id: g for g in gaps}
    panels = [_detail(r, links.get(r.control.id, ()), known, due.get(r.control.id))
              for r in assessment.results]
    return ("<aside id=\"details\" class=\"details\" hidden aria-label=\"control detail\">\n"
            + "\n".join(panels) + "\n</aside>")


def _detail(result: Result, mapped: Sequence[str], known: set[str],
            gap: report.Gap | None) -> str:
    control = result.control
    rows = [("status", _status(result) + f" {escape(result.reason)}")]
    if gap is not None:
        rows.append(("due", f"{escape(gap.due)} ({escape(gap.due_rule)}); owner "
                            f"{escape(gap.owner)}"))
    rows += [("requirement", escape(control.requirement)),
             ("how decided", escape(report.decided_by(result)) + f" ({escape(control.mode)}"
              + (f"; source confidence {escape(control.confidence)}" if control.confidence
                 else "") + ")"),
             ("framework", f"{escape(control.framework)}, {escape(control.area)}, severity "
                           f"{escape(control.severity)}"),
             ("evidence", _evidence_list(result.evidence)),
             ("findings", "<ul>" + "".join(f"<li>{escape(f)}</li>"
                                          for f in report.finding_ref(result)) + "</ul>"
              if result.findings else "none"),
             ("waiver", escape(report.waiver_ref(result)) or "none"),
             ("mapped controls", ", ".join(
                 f"<button type=\"button\" class=\"link\" data-open=\"{escape(m)}\">"
                 f"{escape(m)}</button>" if m in known else escape(m) for m in mapped)
              or "none"),
             ("remediation", escape(control.remediation))]
    items = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return (f"<section class=\"detail\" id=\"d-{escape(control.id)}\" hidden "
            f"aria-label=\"{escape(control.id)} detail\">"
            "<button type=\"button\" class=\"close\" aria-label=\"close detail\">Close</button>"
            f"<h2 tabindex=\"-1\">{escape(control.id)} {escape(control.title)}</h2>"
            f"<dl>{items}</dl></section>")


def _evidence_list(items: Sequence[Evidence]) -> str:
    if not items:
        return "none"
    return "<ul>" + "".join(
        f"<li><strong>{escape(e.id)}</strong> ({escape(e.kind)}), owner {escape(e.owner)}<br>"
        f"{escape(str(e.location))}; collected {escape(e.collected)}"
        + (f"; expires {escape(e.expires)}" if e.expires else "")
        + f"<br>sha256 <code class=\"full\">{escape(e.file_digest)}</code></li>"
        for e in items) + "</ul>"


def _gap_section(gaps: tuple[report.Gap, ...]) -> str:
    return (f"<h2>Gap list ({len(gaps)})</h2>\n"
            + _table("gaps", report.GAP_COLUMNS, (report.gap_row(g) for g in gaps)))


def _notices(assessment: Assessment) -> str:
    if not assessment.notices:
        return ""
    return ("<h2>Notices</h2><ul>"
            + "".join(f"<li>{escape(str(n))}</li>" for n in assessment.notices) + "</ul>")


def _table(table_id: str, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A plain sortable table; status and severity sort by rank, not alphabet."""
    head = "".join(f"<th scope=\"col\"><button type=\"button\" class=\"sort\">{escape(h)}"
                   "</button></th>" for h in headers)
    lines = [f"<table id=\"{table_id}\" class=\"sortable\"><thead><tr>{head}</tr></thead>"
             "<tbody>"]
    for cells in rows:
        tds = []
        for header, value in zip(headers, cells, strict=True):
            if header == "status":
                status = value.split(" ", 1)[0]
                tds.append(f"<td data-sort=\"{_STATUS_ORDER.get(status, 9)}\"><span "
                           f"class=\"status s-{escape(status)}\">{escape(value)}</span></td>")
            elif header == "severity":  # most severe first, not alphabetical
                tds.append(f"<td data-sort=\"{_SEVERITY_ORDER.get(value, 9)}\">"
                           f"{escape(value)}</td>")
            else:
                kind = " class=\"id\"" if header in ("id", "control") else ""
                tds.append(f"<td{kind}>{_lines(value)}</td>")
        lines.append(f"<tr>{''.join(tds)}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _lines(value: str) -> str:
    return "<br>".join(escape(line) for line in value.split("\n"))


def _trend_section(trend: Trend) -> str:
    """Pass % per framework over the recorded runs (a line each), then open controls by
    severity and overdue actions, as inline SVG and a table."""
    from checker.history.trend import SEVERITIES, columns, rows

    palette = ("#1d70b8", "#d4351c", "#00703c", "#6b2c91", "#b35200", "#505a5f")
    points = trend.points
    width, height, pad = 720, 220, 36
    step = (width - 2 * pad) / max(len(points) - 1, 1)

    def xy(index: int, value: float, top: float) -> str:
        return f"{pad + index * step:.1f},{height - pad - (height - 2 * pad) * value / top:.1f}"

    lines, legend = [], []
    for number, (key, name) in enumerate(trend.frameworks):
        colour = palette[number % len(palette)]
        marks = [(i, p.percent[key]) for i, p in enumerate(points)
                 if p.percent.get(key) is not None]
        coords = [xy(i, v, 100) for i, v in marks if v is not None]
        if coords:
            lines.append(f"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" "
                         f"points=\"{' '.join(coords)}\"><title>{escape(name)} pass %</title>"
                         "</polyline>" + "".join(
                             f"<circle cx=\"{c.split(',')[0]}\" cy=\"{c.split(',')[1]}\" r=\"3.5\" "
                             f"fill=\"{colour}\"><title>{escape(name)} "
                             f"{escape(points[i].as_of)}: {v:.1f}%</title></circle>"
                             for (i, v), c in zip(marks, coords, strict=True) if v is not None))
        legend.append(f"<span><i style=\"background:{colour}\"></i>{escape(name)}</span>")
    grid = "".join(
        f"<line x1=\"{pad}\" x2=\"{width - pad}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#ddd\"/>"
        f"<text x=\"4\" y=\"{y + 4}\" font-size=\"11\">{label}%</text>"
        for label in (0, 50, 100) for y in [round(height - pad - (height - 2 * pad) * label / 100)])
    labels = "".join(f"<text x=\"{pad + i * step:.1f}\" y=\"{height - 10}\" font-size=\"11\" "
                     f"text-anchor=\"middle\">{escape(p.as_of)}</text>"
                     for i, p in enumerate(points))
    pass_chart = (f"<svg role=\"img\" aria-label=\"pass percentage per framework over time\" "
                  f"width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
                  f"{grid}{''.join(lines)}{labels}</svg>")
    top = max([sum(p.severities.values()) for p in points] + [1])
    bar = (width - 2 * pad) / max(len(points), 1) * 0.6
    shades = dict(zip(SEVERITIES, ("#6b0f0f", "#d4351c", "#f47738", "#ffbf47"), strict=True))
    bars = []
    for i, p in enumerate(points):
        x = pad + i * (width - 2 * pad) / max(len(points), 1)
        y = float(height - pad)
        for severity in SEVERITIES:
            size = (height - 2 * pad) * p.severities[severity] / top
            if size:
                y -= size
                bars.append(f"<rect x=\"{x:.1f}\" y=\"{y:.1f}\" width=\"{bar:.1f}\" "
                            f"height=\"{size:.1f}\" fill=\"{shades[severity]}\"><title>"
                            f"{escape(p.as_of)} {severity}: {p.severities[severity]}</title>"
                            "</rect>")
        bars.append(f"<text x=\"{x + bar / 2:.1f}\" y=\"{height - 10}\" font-size=\"11\" "
                    f"text-anchor=\"middle\">{escape(p.as_of)}</text>"
                    f"<text x=\"{x + bar / 2:.1f}\" y=\"{y - 4:.1f}\" font-size=\"11\" "
                    f"text-anchor=\"middle\">{sum(p.severities.values())}"
                    f"{f' ({len(p.overdue)} overdue)' if p.overdue else ''}</text>")
    open_chart = (f"<svg role=\"img\" aria-label=\"open controls by severity over time\" "
                  f"width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
                  f"{''.join(bars)}</svg>")
    sev_legend = "".join(f"<span><i style=\"background:{shades[s]}\"></i>{s}</span>"
                         for s in SEVERITIES)
    return (f"<section class=\"trend\" id=\"trend\"><h2>Trend ({len(points)} recorded run"
            f"{'s' * (len(points) != 1)})</h2>\n<h3>Pass % per framework</h3>"
            f"<div class=\"legend\">{''.join(legend)}</div>{pass_chart}\n"
            f"<h3>Open fails, gaps and errors by severity (overdue actions in brackets)</h3>"
            f"<div class=\"legend\">{sev_legend}</div>{open_chart}\n"
            + _table("history", columns(trend), rows(trend)) + "</section>")


def render_history(trend: Trend) -> str:
    """The history view: the trend charts and one row per recorded run."""
    title = f"Compliance history: {trend.organisation or 'organisation'}"
    body = (_trend_section(trend) if trend.points else "<p>No runs recorded.</p>")
    return _page(title, f"<h1>{escape(title)}</h1>\n{body}")


def render_saq(draft: SaqDraft) -> str:
    """The saq view: one payment channel's SAQ response draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.html_page(pci.saq_page(draft))


def render_aoc(aoc: AocDraft) -> str:
    """The aoc view: the Attestation of Compliance draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.html_page(pci.aoc_page(aoc))
