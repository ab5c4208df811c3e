"""Greenbone / OpenVAS report XML (GMP ``get_reports``, the "XML" report format)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from checker.errors import InputError
from checker.importers import scans, values
from checker.importers.base import Export, ImportOptions, Result
from checker.importers.xmlstream import child, line, local, records, text

name = "greenbone"
tool = "Greenbone OpenVAS"
kinds = ("patch_status", "vulnerability_scan")
summary = "Greenbone/OpenVAS report XML: missing updates per host, scan record"

_ROOTS = frozenset({"report", "get_reports_response"})
_TIMES = frozenset({"scan_end", "scan_start", "timestamp"})


def read(exports: Sequence[Export], options: ImportOptions) -> Result:
    return scans.read(name, tool, exports, options,
                      lambda export, scan: _read(export, scan, options),
                      "no <scan_end>, <scan_start> or <timestamp> says when the scan ran")


def _read(export: Export, scan: scans.Scan, options: ImportOptions) -> str | None:
    times: dict[str, str] = {}
    found_report = False
    for path, element in records(export, frozenset({"result", "host"}), _ROOTS, _TIMES):
        tag = local(element.tag)
        found_report = found_report or "report" in path
        if tag in _TIMES:
            if text(element) and path.count("report") >= 1:
                times[tag] = values.stamp(values.when(text(element), export.at(line(element)),
                                                      options.date_order))
        elif tag == "host" and "results" not in path:
            _host(export, element, scan)
        elif tag == "result":
            _result(export, element, scan, options)
    if not found_report:
        raise InputError.at(export.at(), "no <report> element: not a Greenbone report")
    return times.get("scan_end") or times.get("scan_start") or times.get("timestamp")


def _host(export: Export, element: ET.Element, scan: scans.Scan) -> None:
    address = text(child(element, "ip")) or (element.text or "").strip()
    if not address:
        raise InputError.at(export.at(line(element)), "report <host> has no <ip>")
    host = scan.host(address)
    for detail in element:
        if local(detail.tag) == "detail" and text(child(detail, "name")) == "best_os_txt":
            host.os = host.os or text(child(detail, "value")) or None


def _result(export: Export, element: ET.Element, scan: scans.Scan,
            options: ImportOptions) -> None:
    where = export.at(line(element))
    host_element = child(element, "host")
    address = (host_element.text or "").strip() if host_element is not None else ""
    if not address:
        raise InputError.at(where, "<result> has no <host>")
    nvt = child(element, "nvt")
    oid = nvt.get("oid", "").strip() if nvt is not None else ""
    if nvt is None or not oid:
        raise InputError.at(where, f"<result> on {address} has no <nvt oid=...>")
    severity_text = text(child(element, "severity"))
    if not severity_text:
        raise InputError.at(where, f"<result> for {oid} on {address} has no <severity>")
    score = values.number(severity_text, where)
    if score is not None and score > 10.0:
        raise InputError.at(where, f"<severity> {severity_text!r} for {oid} on {address} is "
                            "above 10.0")
    rating = scans.severity_from_cvss(score or 0.0)
    host = scan.host(address)
    if rating is None:  # Log (0.0) or false positive (-1.0)
        scan.informational += 1
        return
    scores, dated = _scores(export, nvt, options)
    if not scores:
        scores["3.1"] = score or 0.0
    seen = text(child(element, "creation_time"))
    first = values.date(seen, where, options.date_order) if seen else options.exported
    released = dated or first
    if released is None:
        raise InputError.at(where, f"<result> for {oid} on {address} has no date; pass "
                            "--exported DATE")
    title = text(child(element, "name")) or text(child(nvt, "name")) or oid
    host.add(scans.Finding(ref=f"oid:{oid}", title=title, severity=rating,
                           released=min(released, first or released), scores=scores,
                           first_seen=first, last_seen=first))


def _scores(export: Export, nvt: ET.Element,
            options: ImportOptions) -> tuple[dict[str, float], str | None]:
    """CVSS scores by version from ``<severities>``, and the earliest date they were set."""
    scores: dict[str, float] = {}
    dates: list[str] = []
    severities = child(nvt, "severities")
    for item in severities if severities is not None else ():
        where = export.at(line(item))
        kind = item.get("type", "")
        score = values.cvss(text(child(item, "score")), where)
        vector = text(child(item, "value"))
        version = "4.0" if "v4" in kind or vector.startswith("CVSS:4") else \
            "3.1" if vector.startswith("CVSS:3.1") else \
            "3.0" if "v3" in kind or vector.startswith("CVSS:3") else "2.0"
        if score is not None:
            scores[version] = score
        if text(child(item, "date")):
            dates.append(values.date(text(child(item, "date")), where, options.date_order))
    if not scores:
        legacy = values.cvss(text(child(nvt, "cvss_base")), export.at(line(nvt)))
        if legacy is not None:
            scores["2.0"] = legacy
    return scores, min(dates, default=None)
