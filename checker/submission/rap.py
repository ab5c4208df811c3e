"""The Remediation Action Plan of a PSN submission: one row per finding of the latest IT
Health Check, joined to its entry in the newest plan that lists it, in the template's columns
(CSV and xlsx). The PSN RAP template itself was not retrieved, so the columns follow the
fields the PSN team asks about (finding, severity, score, action, owner, date, status, retest)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from checker import workbook
from checker.formats.csv_ import write
from checker.model import Evidence
from checker.text import visible

COLUMNS = ("Ref", "ITHC finding", "Severity", "CVSS score", "CVSS version", "CVSS vector",
           "Remedial action", "Owner", "Target date", "Status", "Retest date", "Retested by",
           "Comment")

_STATE = {"open": "Open", "in_progress": "In progress", "done": "Closed",
          "risk_accepted": "Risk accepted"}
OPEN_STATES = frozenset({"open", "in_progress"})


@dataclass(frozen=True, slots=True)
class Row:
    """One ITHC finding and its plan entry (None: no entry)."""

    finding: dict[str, Any]
    entry: dict[str, Any] | None
    cvss_version: str

    @property
    def is_open(self) -> bool:
        return self.entry is None or self.entry.get("status") not in ("done", "risk_accepted")

    def overdue(self, as_of: str) -> bool:
        return (self.entry is not None and self.entry.get("status") in OPEN_STATES
                and str(self.entry.get("target_date", "9999")) < as_of)


def latest_report(reports: Iterable[Evidence]) -> Evidence | None:
    """The newest ITHC by completion date, then id (as the PSN-ITHC rules choose it)."""
    return max(reports, key=lambda d: (str(d.facts.get("completed", "")), d.id), default=None)


def rows(report: Evidence, plans: Sequence[Evidence]) -> list[Row]:
    out = []
    for finding in report.facts.get("findings", ()):
        version = str(finding.get("cvss_version", report.facts.get("cvss_version", "")))
        out.append(Row(finding, _entry(str(finding.get("id")), plans), version))
    return out


def _entry(finding_id: str, plans: Sequence[Evidence]) -> dict[str, Any] | None:
    """The first entry for the finding in the newest plan (collected, then id) listing it."""
    for plan in sorted(plans, key=lambda p: (p.collected, p.id), reverse=True):
        for entry in plan.facts.get("items", ()):
            if entry.get("finding") == finding_id:
                return dict(entry)
    return None


def cells(row: Row, as_of: str) -> tuple[str, ...]:
    finding, entry = row.finding, row.entry or {}
    score = finding.get("cvss")
    retest = entry.get("retest") or {}
    if row.entry is None:
        comment = "no Remediation Action Plan entry"
    elif row.overdue(as_of):
        comment = f"overdue: target date passed before {as_of}"
    else:
        comment = str(entry.get("comment", ""))
    return (str(finding.get("id", "")), str(finding.get("title", "")),
            str(finding.get("severity", "")).capitalize(),
            "" if score is None else f"{score:g}" if isinstance(score, float) else str(score),
            row.cvss_version, str(finding.get("cvss_vector", "")),
            str(entry.get("action", "")), str(entry.get("owner", "")),
            str(entry.get("target_date", "")),
            _STATE.get(str(entry.get("status")), "Open - no plan" if row.entry is None
                       else str(entry.get("status", ""))),
            str(retest.get("date", "")), str(retest.get("tester", "")), comment)


def csv_text(table: Sequence[Sequence[str]]) -> str:
    return write(COLUMNS, table)




def xlsx_bytes(table: Sequence[Sequence[str]], as_of: str, title: str) -> bytes:
    """One sheet, "RAP", with the same columns; document and entry dates pinned to ``as_of``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.properties.title = title
    sheet = book.active
    assert sheet is not None
    sheet.title = "RAP"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table:
        sheet.append([visible(value) for value in row])  # ESC in a finding: \x1b, no crash
    return workbook.save(book, as_of)


