"""One self-contained HTML page: no network references at all (inline CSS, script and SVG),
a coverage chart per framework, a sortable, filterable table, and a print stylesheet."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape as _html_escape
from typing import TYPE_CHECKING

from checker import report
from checker.model import Assessment, Status
from checker.report import View
from checker.text import visible

if TYPE_CHECKING:
    from checker.pci.drafts import AocDraft, SaqDraft

NAME = "html"
VIEWS = frozenset({"run", "matrix", "gaps", "due", "saq", "aoc"})
EXTENSIONS: tuple[str, ...] = (".html", ".htm")



def escape(text: str) -> str:
    """Text as HTML: control characters shown as escape text, markup characters escaped."""
    return _html_escape(visible(text))


_COLOUR = {Status.PASS: "#2e7d32", Status.FAIL: "#c62828", Status.GAP: "#ef6c00",
           Status.NOT_APPLICABLE: "#9e9e9e", Status.WAIVED: "#1565c0", Status.ERROR: "#6a1b9a"}

_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
.meta{color:#555;font-size:.9em;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
td{overflow-wrap:anywhere}
th{background:#f0f0f0;cursor:pointer;user-select:none}
th.sorted-asc::after{content:" \\25B2"}th.sorted-desc::after{content:" \\25BC"}
td.pre{white-space:pre-wrap;font-size:.9em}td.id{white-space:nowrap;overflow-wrap:normal}
.status{font-weight:bold;padding:1px 6px;border-radius:3px;color:#fff;white-space:nowrap}
.charts{display:flex;flex-wrap:wrap;gap:1em}
.chart{border:1px solid #ddd;padding:.5em;border-radius:4px}
.filters{margin:.5em 0}.filters input,.filters select{margin-right:1em}
.legend span{display:inline-block;margin-right:1em}
@page{size:A4 landscape;margin:10mm}
@media print{
 .filters{display:none}th{cursor:auto}body{margin:0;font-size:7.5px}
 th,td{padding:2px 3px}.charts{gap:.3em}
 tr{page-break-inside:avoid}.status{color:#000;border:1px solid #000}
 thead{display:table-header-group}
}
"""

_SCRIPT = """
(function(){
 function text(row,i){return row.cells[i].getAttribute('data-sort')||row.cells[i].textContent;}
 document.querySelectorAll('table.sortable').forEach(function(table){
  table.querySelectorAll('th').forEach(function(th,i){
   th.addEventListener('click',function(){
    var asc=!th.classList.contains('sorted-asc');
    table.querySelectorAll('th').forEach(function(h){h.classList.remove('sorted-asc','sorted-desc');});
    th.classList.add(asc?'sorted-asc':'sorted-desc');
    var body=table.tBodies[0];
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){var r=text(a,i).localeCompare(text(b,i),undefined,{numeric:true});
     return asc?r:-r;});
    rows.forEach(function(r){body.appendChild(r);});
   });
  });
 });
 document.querySelectorAll('.filters').forEach(function(box){
  var table=document.getElementById(box.getAttribute('data-table'));
  var q=box.querySelector('input'),s=box.querySelector('select');
  function apply(){
   var needle=q.value.toLowerCase(),status=s.value;
   Array.prototype.forEach.call(table.tBodies[0].rows,function(r){
    var ok=(!status||r.getAttribute('data-status')===status)&&
      (!needle||r.textContent.toLowerCase().indexOf(needle)>=0);
    r.style.display=ok?'':'none';
   });
  }
  q.addEventListener('input',apply);s.addEventListener('change',apply);
 });
})();
"""


def render(assessment: Assessment, view: View = report.RUN) -> str:
    titles = {"run": "Compliance report", "matrix": "Control matrix", "gaps": "Gap list"}
    title = f"{titles[view.name]}: {assessment.organisation or 'organisation'}"
    body = [f"<h1>{escape(title)}</h1>",
            f"<p class=\"meta\">{escape(report.provenance(assessment))}</p>",
            f"<p>{escape(report.summary_line(assessment))}</p>"]
    if view.due_within is not None:
        items = report.due(assessment, view)
        body += [f"<h2>Evidence due for renewal within {view.due_within} days "
                 f"({len(items)})</h2>",
                 _table("due", report.DUE_COLUMNS,
                        ((report.due_row(d), "") for d in items))]
    elif view.name != "gaps":
        body += ["<h2>Coverage</h2>", _charts(assessment), _pivot(assessment),
                 "<h2>Controls</h2>", _filters("matrix"), _table(
                     "matrix", report.MATRIX_COLUMNS,
                     ((report.matrix_row(r, links), r.status.value)
                      for links in [report.mapped(assessment)] for r in assessment.results))]
    gaps = report.gaps(assessment)
    body += [f"<h2>Gap list ({len(gaps)})</h2>", _filters("gaps"),
             _table("gaps", report.GAP_COLUMNS,
                    ((report.gap_row(g), g.result.status.value) for g in gaps))]
    if assessment.notices:
        body += ["<h2>Notices</h2><ul>",
                 *(f"<li>{escape(str(n))}</li>" for n in assessment.notices), "</ul>"]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            + "\n".join(body) + f"\n<script>{_SCRIPT}</script>\n</body>\n</html>\n")


def _filters(table_id: str) -> str:
    options = "".join(f"<option value=\"{s.value}\">{s.label}</option>" for s in report.PIVOT)
    return (f"<div class=\"filters\" data-table=\"{table_id}\">"
            f"<label>Filter <input type=\"search\" aria-label=\"filter {table_id}\"></label>"
            f"<label>Status <select><option value=\"\">all</option>{options}</select></label>"
            "</div>")


_SEVERITY_ORDER = {"critical": 1, "high": 2, "medium": 3, "low": 4}
_STATUS_ORDER = {"error": 1, "fail": 2, "gap": 3, "waived": 4, "not_applicable": 5, "pass": 6}


def _table(table_id: str, headers: Sequence[str],
           rows: Iterable[tuple[Sequence[str], str]]) -> str:
    head = "".join(f"<th scope=\"col\">{escape(h)}</th>" for h in headers)
    lines = [f"<table id=\"{table_id}\" class=\"sortable\"><thead><tr>{head}</tr></thead><tbody>"]
    for cells, status in rows:
        tds = []
        for header, value in zip(headers, cells, strict=True):
            if header == "status":
                colour = _COLOUR.get(Status(status), "#555") if status else "#555"
                order = _STATUS_ORDER.get(status, 9)
                tds.append(f"<td data-sort=\"{order}\"><span class=\"status\" "
                           f"style=\"background:{colour}\">{escape(value)}</span></td>")
            elif header == "severity":  # most severe first, not alphabetical
                tds.append(f"<td class=\"pre\" data-sort=\"{_SEVERITY_ORDER.get(value, 9)}\">"
                           f"{escape(value)}</td>")
            else:
                kind = "id" if header in ("id", "control") else "pre"
                tds.append(f"<td class=\"{kind}\">{escape(value)}</td>")
        lines.append(f"<tr data-status=\"{escape(status)}\">{''.join(tds)}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _pivot(assessment: Assessment) -> str:
    headers = ["framework", *(s.label for s in report.PIVOT), "total", "pass %"]
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in
                         [c.name, *(c.counts[s] for s in report.PIVOT), c.total,
                          report.percent(c)]) + "</tr>"
        for c in report.coverage(assessment))
    return f"<table id=\"pivot\"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _charts(assessment: Assessment) -> str:
    """A horizontal stacked bar per framework, one segment per status, as inline SVG."""
    width, bar = 320, 22
    charts = []
    for cov in report.coverage(assessment):
        x, segments = 0.0, []
        for status in report.PIVOT:
            count = cov.counts[status]
            if not count:
                continue
            part = width * count / cov.total
            segments.append(f"<rect x=\"{x:.2f}\" y=\"0\" width=\"{part:.2f}\" height=\"{bar}\""
                            f" fill=\"{_COLOUR[status]}\"><title>{status.label}: {count}"
                            "</title></rect>")
            x += part
        legend = "".join(f"<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect "
                         f"width=\"10\" height=\"10\" fill=\"{_COLOUR[s]}\"/></svg> "
                         f"{s.label} {cov.counts[s]}</span>" for s in report.PIVOT)
        charts.append(
            f"<figure class=\"chart\"><figcaption>{escape(cov.name)}: {_share(cov)}</figcaption>"
            f"<svg role=\"img\" aria-label=\"{escape(cov.name)} coverage\" width=\"{width}\" "
            f"height=\"{bar}\" viewBox=\"0 0 {width} {bar}\">{''.join(segments)}</svg>"
            f"<div class=\"legend\">{legend}</div></figure>")
    return f"<div class=\"charts\">{''.join(charts)}</div>"


def _share(cov: report.Coverage) -> str:
    if cov.percent is None:
        return "no applicable controls, so no pass percentage"
    return f"{cov.percent:.1f}% pass of {cov.applicable} applicable"

def render_saq(draft: SaqDraft) -> str:
    """The saq view: one payment channel's SAQ response draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.html_page(pci.saq_page(draft))


def render_aoc(aoc: AocDraft) -> str:
    """The aoc view: the Attestation of Compliance draft (laid out by checker.pci)."""
    from checker.pci import render as pci

    return pci.html_page(pci.aoc_page(aoc))
