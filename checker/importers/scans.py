"""What the three vulnerability scanners have in common: hosts and their findings, turned
into a ``patch_status`` document (the open and fixed updates per host, for PSN-OPS-01 and
PCI 6.3.3) and a ``vulnerability_scan`` record of the scan itself (PCI 11.3.x)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.importers.base import Generated, ImportOptions

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


@dataclass(slots=True)
class Host:
    """A scanned host: its name, what it runs, its findings by scanner id."""

    name: str
    os: str | None = None
    findings: dict[str, Finding] = field(default_factory=dict)

    def add(self, finding: Finding) -> None:
        known = self.findings.get(finding.ref)
        if known is None:
            self.findings[finding.ref] = finding
        else:
            known.merge(finding)


@dataclass(slots=True)
class Scan:
    """A whole scan: its hosts, when it ran and whether it logged on to them."""

    tool: str
    name: str | None = None
    performed: str | None = None  # YYYY-MM-DD
    authenticated: bool | None = None
    hosts: dict[str, Host] = field(default_factory=dict)
    informational: int = 0  # findings with no severity, not written as patches

    def host(self, name: str) -> Host:
        return self.hosts.setdefault(name, Host(name))


def documents(source: str, scan: Scan, performed: str,
              options: ImportOptions) -> list[Generated]:
    """The patch_status and vulnerability_scan documents for ``scan``."""
    hosts = [_host_facts(scan.hosts[name]) for name in sorted(scan.hosts)]
    patches = [p for h in scan.hosts.values() for p in h.findings.values()]
    open_ = [p for p in patches if p.fixed is None]
    urgent = [p for p in open_ if p.severity in ("critical", "high")
              or (p.cvss() or (0.0, ""))[0] >= 7.0]
    highest = max(((p.cvss() or (0.0, ""))[0] for p in open_), default=0.0)
    threshold_failed = urgent if options.scope == "internal" else \
        [p for p in open_ if (p.cvss() or (10.0, ""))[0] >= 4.0]
    record: dict[str, Any] = {
        "scope": options.scope,
        "performed": performed,
        "result": "fail" if threshold_failed else "pass",
        "provider": options.provider or scan.tool,
    }
    if scan.authenticated is not None:
        record["authenticated"] = scan.authenticated
    record["highest_open_cvss"] = highest
    record["open_high_or_critical"] = len(urgent)
    label = f"{scan.tool} scan" + (f" '{scan.name}'" if scan.name else "")
    notes = (f"{len(scan.hosts)} hosts, {len(open_)} open and {len(patches) - len(open_)} "
             f"fixed findings; {scan.informational} informational results not recorded.")
    prefix = options.id_prefix or source
    return [
        Generated("patch_status", f"{prefix}-patches", f"Security updates missing or "
                  f"installed, from {label}", performed, {"hosts": hosts}, notes),
        Generated("vulnerability_scan", f"{prefix}-scan-{performed}",
                  f"{options.scope.capitalize()} vulnerability {label} of {performed}",
                  performed, record, notes),
    ]


def _host_facts(host: Host) -> dict[str, Any]:
    facts: dict[str, Any] = {"name": host.name}
    if host.os:
        facts["os"] = host.os
    facts["patches"] = [_patch(host.findings[ref]) for ref in sorted(host.findings)]
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
