"""What the three vulnerability scanners have in common: hosts and their findings, turned
into a ``patch_status`` document (the open and fixed urgent updates per host, for PSN-OPS-01
and PCI 6.3.3; split into parts when large) and a ``vulnerability_scan`` record of the scan
itself (PCI 11.3.x). Findings are aggregated while the export streams in."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.errors import InputError
from checker.importers.base import Export, Generated, ImportOptions, Result

#: CVSS versions in the order a patch's single ``cvss`` score is chosen (the v3 base score,
#: which the PSN-OPS-01 threshold is written for, first).
CVSS_PREFERENCE = ("3.1", "3.0", "4.0", "2.0")


@dataclass(slots=True)
class Finding:
    """One vulnerability on one host, as a scanner reports it."""

    ref: str  # scanner's id: "nessus:19506", "qid:38173", "oid:1.3.6.1.4.1.25623.1.0.1"
    title: str
    severity: str  # critical, high, medium, low
    released: str  # date the 14-day clock starts (see docs/importers.md)
    scores: dict[str, float] = field(default_factory=dict)  # CVSS version -> base score
    first_seen: str | None = None
    last_seen: str | None = None
    fixed: str | None = None

    def cvss(self) -> tuple[float, str] | None:
        for version in CVSS_PREFERENCE:
            if version in self.scores:
                return self.scores[version], version
        return None

    def merge(self, other: Finding) -> None:
        """Fold a second report of the same vulnerability on the same host (another port)."""
        self.released = min(self.released, other.released)
        for version, score in other.scores.items():
            self.scores[version] = max(score, self.scores.get(version, score))
        self.severity = min(self.severity, other.severity, key=SEVERITIES.index)
        self.first_seen = _least(self.first_seen, other.first_seen)
        self.last_seen = max(filter(None, (self.last_seen, other.last_seen)), default=None)
        self.fixed = None if self.fixed is None or other.fixed is None \
            else max(self.fixed, other.fixed)


SEVERITIES = ("critical", "high", "medium", "low")


def severity_from_cvss(score: float) -> str | None:
    """The CVSS v3 qualitative rating; None for 0.0 (informational)."""
    if score >= 9.0:
        return "critical"
    if score >= 7.0:
        return "high"
    if score >= 4.0:
        return "medium"
    return "low" if score > 0 else None


#: Estimated YAML bytes of one patch entry besides its id and title, and of one host entry:
#: used to split a large patch_status into parts well under the 16 MB evidence-file limit.
_ENTRY_BYTES, _HOST_BYTES = 180, 40
#: Largest estimated size of one patch_status part (rendered YAML is usually smaller).
PART_BYTES = 4 << 20
MAX_PARTS = 1024


def urgent(finding: Finding) -> bool:
    """What the patch rules judge (PSN-OPS-01, PCI 6.3.3): rated critical or high, or CVSS
    7.0 or more. Only these are listed; the others are counted."""
    return finding.severity in ("critical", "high") or (finding.cvss() or (0.0, ""))[0] >= 7.0


@dataclass(slots=True)
class Host:
    """A scanned host: its name and what it runs. Its findings go to the scan's store."""

    name: str
    scan: Scan
    os: str | None = None

    def add(self, finding: Finding) -> None:
        self.scan.add(self.name, finding)


@dataclass(slots=True)
class Scan:
    """A whole scan: its hosts, when it ran and whether it logged on to them. Urgent findings
    are spilled to a temporary SQLite file (deleted when closed), so memory stays bounded by
    the number of hosts, not of findings; the others only update counters."""

    tool: str
    name: str | None = None
    authenticated: bool | None = None
    hosts: dict[str, Host] = field(default_factory=dict)
    informational: int = 0  # findings with no severity, not written as patches
    minor_open: int = 0  # open findings below high and CVSS 7.0: counted, not listed
    minor_fixed: int = 0
    minor_highest: float = 0.0  # highest CVSS among open minor findings
    minor_over_4: int = 0  # open minor findings with CVSS >= 4.0 or no score (external scans)
    minor_unscored: int = 0  # open minor findings with no CVSS score
    _db: sqlite3.Connection = field(default_factory=lambda: _open_store())
    _seq: int = 0

    def host(self, name: str) -> Host:
        host = self.hosts.get(name)
        if host is None:
            host = self.hosts[name] = Host(name, self)
        return host

    def add(self, host: str, finding: Finding) -> None:
        if not urgent(finding):
            score = finding.cvss()
            if finding.fixed is not None:
                self.minor_fixed += 1
                return
            self.minor_open += 1
            self.minor_highest = max(self.minor_highest, score[0] if score else 0.0)
            self.minor_over_4 += score is None or score[0] >= 4.0
            self.minor_unscored += score is None
            return
        self._seq += 1
        self._db.execute("INSERT INTO findings VALUES (?, ?, ?, ?)", (
            host, finding.ref, self._seq, json.dumps([
                finding.title, finding.severity, finding.released, finding.scores,
                finding.first_seen, finding.last_seen, finding.fixed])))

    def findings(self, host: str) -> list[Finding]:
        """The urgent findings on ``host``, reports of the same id merged, by id."""
        merged: dict[str, Finding] = {}
        for ref, data in self._db.execute("SELECT ref, data FROM findings WHERE host = ? "
                                          "ORDER BY ref, seq", (host,)):
            title, severity, released, scores, first, last, fixed = json.loads(data)
            finding = Finding(ref, title, severity, released, scores, first, last, fixed)
            if ref in merged:
                merged[ref].merge(finding)
            else:
                merged[ref] = finding
        return list(merged.values())

    def close(self) -> None:
        self._db.close()


def _open_store() -> sqlite3.Connection:
    db = sqlite3.connect("")  # a private temporary file, removed when the connection closes
    db.execute("CREATE TABLE findings (host TEXT, ref TEXT, seq INTEGER, data TEXT)")
    db.execute("CREATE INDEX by_host ON findings (host, ref, seq)")
    return db


def read(source: str, tool: str, exports: Sequence[Export], options: ImportOptions,
         read_one: Callable[[Export, Scan], str | None], no_time: str) -> Result:
    """Every export of one scanner into one scan, and its documents. ``read_one`` reads an
    export into the scan and returns when it ran (or None); the scan is dated by the latest
    of those, or by ``--exported``; with neither, the import is refused with ``no_time``."""
    scan = Scan(tool)
    stamps: dict[str, str] = {}
    for export in exports:
        latest = read_one(export, scan)
        if latest:
            stamps[export.display] = latest
    exported = options.exported or max(stamps.values(), default=None)
    if exported is None:
        raise InputError.at(exports[0].at(), f"{no_time}; pass --exported DATE")
    return Result(documents(source, scan, exported[:10], options), exported, stamps,
                  scan.close)


def part_of(host: str, parts: int) -> int:
    """The part (1-based) a host is written to: a stable hash of its name, so a host stays in
    the same part across re-imports while the number of parts is unchanged."""
    return zlib.crc32(host.encode("utf-8")) % parts + 1


def documents(source: str, scan: Scan, performed: str,
              options: ImportOptions) -> list[Generated]:
    """The patch_status document (in parts when large) and the vulnerability_scan record."""
    names = sorted(scan.hosts)
    sizes: dict[str, int] = {}
    open_urgent = fixed_urgent = 0
    highest = scan.minor_highest
    over_4 = scan.minor_over_4
    unscored = scan.minor_unscored
    for name in names:
        findings = scan.findings(name)
        sizes[name] = _HOST_BYTES + len(name) + sum(
            _ENTRY_BYTES + len(f.ref) + len(f.title) for f in findings)
        for finding in findings:
            if finding.fixed is not None:
                fixed_urgent += 1
                continue
            open_urgent += 1
            score = finding.cvss()
            highest = max(highest, score[0] if score else 0.0)
            over_4 += score is None or score[0] >= 4.0
            unscored += score is None
    threshold_failed = open_urgent if options.scope == "internal" else over_4
    record: dict[str, Any] = {
        "scope": options.scope,
        "performed": performed,
        "result": "fail" if threshold_failed else "pass",
        "provider": options.provider or scan.tool,
    }
    if scan.authenticated is not None:
        record["authenticated"] = scan.authenticated
    if not unscored:  # one open finding without a score: the highest is not known
        record["highest_open_cvss"] = highest
    record["open_high_or_critical"] = open_urgent
    label = f"{scan.tool} scan" + (f" '{scan.name}'" if scan.name else "")
    notes = (f"{len(names)} hosts, {open_urgent} open and {fixed_urgent} fixed findings rated "
             f"high or critical (or CVSS >= 7.0), listed; {scan.minor_open} open and "
             f"{scan.minor_fixed} fixed lower results (one per port) counted, not listed; "
             f"{scan.informational} informational results not recorded.")
    if unscored:
        notes += (f" {unscored} open findings have no CVSS score, so the highest open CVSS "
                  "is not stated.")
    prefix = options.id_prefix or source
    parts = _parts(sizes)
    title = f"Security updates missing or installed, from {label}"
    patches = []
    for part in range(1, parts + 1):
        members = [n for n in names if parts == 1 or part_of(n, parts) == part]
        ident, heading, note = f"{prefix}-patches", title, notes
        if parts > 1:
            ident, heading = f"{ident}-part-{part:03d}", f"{title} (part {part} of {parts})"
            note = (f"{notes} Part {part} of {parts}: {len(members)} hosts, chosen by a hash "
                    "of the host name.")
        patches.append(Generated("patch_status", ident, heading, performed, {"hosts": []},
                                 note, hosts=_stream(scan, members), part=part if parts > 1
                                 else 0))
    return [*patches, Generated("vulnerability_scan", f"{prefix}-scan-{performed}",
                                f"{options.scope.capitalize()} vulnerability {label} of "
                                f"{performed}", performed, record, notes)]


def _parts(sizes: dict[str, int]) -> int:
    """The fewest parts (a power of two) in which no part is estimated above PART_BYTES."""
    parts = 1
    while parts < MAX_PARTS:
        totals: dict[int, int] = {}
        for name, size in sizes.items():
            part = part_of(name, parts) if parts > 1 else 1
            totals[part] = totals.get(part, 0) + size
        if max(totals.values(), default=0) <= PART_BYTES:
            break
        parts *= 2
    return parts


def _stream(scan: Scan, names: list[str]) -> Callable[[], Iterator[dict[str, Any]]]:
    def hosts() -> Iterator[dict[str, Any]]:
        for name in names:
            yield _host_facts(scan.hosts[name], scan.findings(name))
    return hosts


def _host_facts(host: Host, findings: list[Finding]) -> dict[str, Any]:
    facts: dict[str, Any] = {"name": host.name}
    if host.os:
        facts["os"] = host.os
    facts["patches"] = [_patch(finding) for finding in findings]
    return facts


def _patch(finding: Finding) -> dict[str, Any]:
    patch: dict[str, Any] = {"id": finding.ref, "title": finding.title,
                             "severity": finding.severity, "released": finding.released}
    if finding.fixed is not None:
        patch["installed"] = finding.fixed
    scored = finding.cvss()
    if scored is not None:
        patch["cvss"], patch["cvss_version"] = scored
    if finding.first_seen:
        patch["first_seen"] = finding.first_seen
    if finding.last_seen:
        patch["last_seen"] = finding.last_seen
    return patch


def _least(a: str | None, b: str | None) -> str | None:
    return min(filter(None, (a, b)), default=None)
