"""Tenable Nessus ``.nessus`` (NessusClientData_v2) scan exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from checker.errors import InputError
from checker.importers import scans, values
from checker.importers.base import Export, ImportOptions, Result
from checker.importers.xmlstream import child, children, column, line, records, text

name = "nessus"
tool = "Tenable Nessus"
kinds = ("patch_status", "vulnerability_scan")
summary = "Nessus .nessus (v2 XML) scan: missing updates per host, scan record"

#: The ``severity`` attribute (0 informational .. 4 critical) and ``<risk_factor>`` text; any
#: other value is refused, never read as informational.
_SEVERITY = {"0": None, "1": "low", "2": "medium", "3": "high", "4": "critical"}
_RISK = {"none": None, "low": "low", "medium": "medium", "high": "high", "critical": "critical"}
_ROOT = frozenset({"NessusClientData_v2"})


def read(exports: Sequence[Export], options: ImportOptions) -> Result:
    return scans.read(name, tool, exports, options,
                      lambda export, scan: _read(export, scan, options),
                      "no HOST_START or HOST_END tag says when the scan ran")


def _read(export: Export, scan: scans.Scan, options: ImportOptions) -> str | None:
    latest: str | None = None
    reports = 0
    for _path, element in records(export, frozenset({"ReportHost"}), _ROOT,
                                  frozenset({"Report"})):
        if element.tag.endswith("Report"):
            reports += 1
            scan.name = scan.name or element.get("name")
            continue
        ended = _host(export, element, scan, options)
        latest = max(filter(None, (latest, ended)), default=None)
    if reports == 0:
        raise InputError.at(export.at(), "no <Report> element: not a Nessus v2 export "
                            "(export the scan as .nessus)")
    return latest


def _host(export: Export, element: ET.Element, scan: scans.Scan,
          options: ImportOptions) -> str | None:
    where = export.at(line(element))
    host_name = element.get("name", "").strip()
    if not host_name:
        raise InputError.at(where, "<ReportHost> has no name attribute")
    tags = {tag.get("name", ""): text(tag) for tag in
            children(child(element, "HostProperties") or ET.Element("x"), "tag")}
    ended = None
    for key in ("HOST_END", "HOST_START"):
        if tags.get(key):
            ended = values.stamp(values.when(tags[key], where, options.date_order))
            break
    credentialed = values.flag(tags.get("Credentialed_Scan", ""))
    if credentialed is not None:
        scan.authenticated = credentialed if scan.authenticated is None \
            else scan.authenticated and credentialed
    host = scan.host(host_name)
    host.os = host.os or tags.get("operating-system") or None
    seen = (ended or options.exported or "")[:10] or None
    for item in children(element, "ReportItem"):
        _item(export, item, host, scan, seen, options)
    return ended


def _item(export: Export, item: ET.Element, host: scans.Host, scan: scans.Scan,
          seen: str | None, options: ImportOptions) -> None:
    where = export.at(line(item))
    plugin = item.get("pluginID", "").strip()
    if not plugin:
        raise InputError.at(where, "<ReportItem> has no pluginID attribute")
    if item.get("severity") is None:
        raise InputError.at(where, f"<ReportItem> for plugin {plugin} has no severity "
                            "attribute")
    severity = _severity(export, item, plugin)
    if severity is None:
        scan.informational += 1
        return
    scores: dict[str, float] = {}
    for tag, version in (("cvss_base_score", "2.0"), ("cvss3_base_score", "3.x"),
                         ("cvss4_base_score", "4.0")):
        element = child(item, tag)
        if element is None:
            continue
        score = values.cvss(text(element), export.at(line(element), column(element)),
                            f"<{tag}>")
        if score is not None:
            if version == "3.x":
                vector = text(child(item, "cvss3_vector"))
                version = "3.1" if vector.startswith("CVSS:3.1") else "3.0"
            scores[version] = score
    dates = [values.date(text(child(item, tag)), where, options.date_order)
             for tag in ("patch_publication_date", "vuln_publication_date")
             if text(child(item, tag))]
    released = dates[0] if dates else seen
    if released is None:
        raise InputError.at(where, f"plugin {plugin} on {host.name}: no publication date and "
                            "no scan time; pass --exported DATE")
    host.add(scans.Finding(ref=f"nessus:{plugin}", title=item.get("pluginName", plugin),
                           severity=severity, released=released, scores=scores,
                           last_seen=seen))


def _severity(export: Export, item: ET.Element, plugin: str) -> str | None:
    """The rating of a ReportItem: the more severe of its ``severity`` attribute and its
    ``<risk_factor>``; None when both say informational. A value outside Nessus's scales
    is refused with its place, never counted as informational."""
    raw = item.get("severity", "").strip()
    if raw not in _SEVERITY:
        raise InputError.at(export.at(line(item), column(item)), f"<ReportItem> for plugin "
                            f"{plugin}: severity {raw!r} is not 0-4")
    ratings = [_SEVERITY[raw]]
    risk = child(item, "risk_factor")
    if risk is not None and text(risk):
        if text(risk).lower() not in _RISK:
            raise InputError.at(export.at(line(risk), column(risk)), f"<risk_factor> "
                                f"{text(risk)!r} for plugin {plugin} is not None, Low, Medium, "
                                "High or Critical")
        ratings.append(_RISK[text(risk).lower()])
    rated = [r for r in ratings if r is not None]
    return min(rated, key=scans.SEVERITIES.index) if rated else None
