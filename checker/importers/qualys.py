"""Qualys VM scan results and scan reports exported as CSV."""

from __future__ import annotations

from collections.abc import Sequence

from checker.errors import InputError, Location
from checker.importers import scans, values
from checker.importers.base import Export, ImportOptions, Result
from checker.importers.tables import Columns, Row, key, rows

name = "qualys"
tool = "Qualys VMDR"
kinds = ("patch_status", "vulnerability_scan")
summary = "Qualys scan results / scan report CSV: missing updates per host, scan record"

COLUMNS = Columns(
    required={"ip": ["IP"], "qid": ["QID"], "title": ["Title"], "severity": ["Severity"]},
    optional={"dns": ["DNS", "DNS Name"], "netbios": ["NetBIOS"], "os": ["OS"],
              "type": ["Type"], "cvss2": ["CVSS Base", "CVSS"],
              "cvss3": ["CVSS3.1 Base", "CVSS3 Base", "CVSS3"], "cvss4": ["CVSS4 Base"],
              "first": ["First Detected"], "last": ["Last Detected"],
              "fixed": ["Date Last Fixed"], "status": ["Vuln Status", "Status"]},
)
_SEVERITY = {"5": "critical", "4": "high", "3": "medium", "2": "low", "1": "low"}
_INFORMATION = frozenset({"ig", "info", "information gathered"})


def read(exports: Sequence[Export], options: ImportOptions) -> Result:
    order = options.date_order or "mdy"  # Qualys writes US dates (MM/DD/YYYY)
    return scans.read(name, tool, exports, options,
                      lambda export, scan: _read(export, scan, order),
                      "no 'Launch Date' in the report header says when the scan ran")


def _read(export: Export, scan: scans.Scan, order: str) -> str | None:
    header: list[list[str]] = []
    launched: list[str] = []

    def preamble(record: list[str]) -> None:
        if header and any(key(c) == "launchdate" for c in header[-1]):
            column = [key(c) for c in header[-1]].index("launchdate")
            if column < len(record) and record[column].strip():
                launched.append(values.stamp(values.when(record[column], export.at(), order)))
        header.append(record)

    for row in rows(export, COLUMNS, is_header=("IP", "QID"), preamble=preamble):
        _row(export, row, scan, order, launched[-1][:10] if launched else None)
    return max(launched, default=None)


def _row(export: Export, row: Row, scan: scans.Scan, order: str, launched: str | None) -> None:
    def at(field: str) -> Location:
        return export.at(row.line, row.header.get(field, 0))

    if row.get("type").lower() in _INFORMATION:
        scan.informational += 1
        return
    for field in ("ip", "qid", "severity"):
        if not row.get(field):
            raise InputError.at(at(field), f"empty {COLUMNS.required[field][0]!r} cell")
    severity = _SEVERITY.get(row.get("severity"))
    if severity is None:
        raise InputError.at(at("severity"), f"severity {row.get('severity')!r} is not 1-5")
    scores: dict[str, float] = {}
    for field, version in (("cvss2", "2.0"), ("cvss3", "3.1"), ("cvss4", "4.0")):
        score = values.cvss(row.get(field).split(" ")[0], at(field))
        if score is not None:
            scores[version] = score
    dates = {field: values.date(row.get(field), at(field), order)
             for field in ("first", "last", "fixed") if row.get(field)}
    released = dates.get("first") or launched
    if released is None:
        raise InputError.at(at("qid"), "no 'First Detected' date and no launch date; pass "
                            "--exported DATE")
    fixed = None
    if row.get("status").lower() == "fixed":
        fixed = dates.get("fixed") or dates.get("last") or launched
    host = scan.host(row.get("dns") or row.get("ip"))
    host.os = host.os or row.get("os") or None
    host.add(scans.Finding(ref=f"qid:{row.get('qid')}", title=row.get("title") or "untitled",
                           severity=severity, released=released, scores=scores,
                           first_seen=dates.get("first"),
                           last_seen=dates.get("last") or launched, fixed=fixed))
