"""What every report shares: the view asked for, coverage per framework, mapped controls,
the gap list with owners and due dates, and the provenance line (as_of, version, digest)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from checker.dates import parse_date
from checker.errors import Location
from checker.freshness import Due, age_limit, due_within, last_day, superseded
from checker.model import Assessment, Evidence, Result, Status, control_sort_key

if TYPE_CHECKING:
    from checker.history.trend import Trend

#: Days from the assessment date to fix an open control, by severity (see docs/auditors.md).
DUE_DAYS = {"critical": 14, "high": 30, "medium": 90, "low": 180}

#: Statuses counted in the coverage pivot, in column order.
PIVOT = (Status.PASS, Status.FAIL, Status.GAP, Status.NOT_APPLICABLE, Status.WAIVED, Status.ERROR)


@dataclass(frozen=True, slots=True)
class View:
    """Which document a command asks a format for: the run summary, the auditor's matrix, or
    the gap list (or, with ``due_within``, the evidence that lapses within that many days).

    ``every_control``: the run view lists passing controls too (``run --all``); ``trend``:
    the recorded history up to this run, for the formats that show it beside the report."""

    name: Literal["run", "matrix", "gaps"] = "run"
    due_within: int | None = None
    every_control: bool = False
    trend: Trend | None = None

    @property
    def kind(self) -> str:
        """The registry's name for this view: run, matrix, gaps or due."""
        return "due" if self.due_within is not None else self.name


#: The default view: what ``checker run`` prints.
RUN = View()


@dataclass(frozen=True, slots=True)
class Coverage:
    """One framework's counts; ``percent`` is pass / (total - n/a), waived not counted, and
    None when no control applies (nothing passed: 100% would read as compliance)."""

    key: str
    name: str
    counts: dict[Status, int]
    total: int

    @property
    def applicable(self) -> int:
        return self.total - self.counts[Status.NOT_APPLICABLE]

    @property
    def percent(self) -> float | None:
        return 100.0 * self.counts[Status.PASS] / self.applicable if self.applicable else None


#: What a report shows for the pass percentage of a framework where no control applies.
NO_PERCENT = "n/a"


def percent(cov: Coverage) -> str:
    """``87.5%``, or ``n/a`` when no control of the framework applies."""
    return NO_PERCENT if cov.percent is None else f"{cov.percent:.1f}%"


@dataclass(frozen=True, slots=True)
class Gap:
    """An open control (fail, gap or error) with who fixes it and by when."""

    result: Result
    owner: str
    due: str
    due_rule: str


def provenance(assessment: Assessment) -> str:
    """The line every human report starts with: who, when, which inputs."""
    return (f"checker {assessment.tool_version} | {assessment.organisation or 'organisation ?'}"
            f" | as of {assessment.as_of} | inputs sha256 {assessment.inputs_digest}")


def drafts_line(assessment: Assessment) -> list[str]:
    """The header line counting unfilled templates (none: no line)."""
    count = len(assessment.drafts)
    if not count:
        return []
    return [f"{count} template{'s' * (count != 1)} not filled in: every control using "
            f"{'them' if count != 1 else 'it'} is a gap (see the notices)"]


def coverage(assessment: Assessment) -> tuple[Coverage, ...]:
    rows = []
    for framework in assessment.frameworks:
        counts = assessment.counts(framework.key)
        rows.append(Coverage(framework.key, framework.name, {s: counts.get(s, 0) for s in PIVOT},
                             sum(counts.values())))
    return tuple(rows)


def mapped(assessment: Assessment) -> dict[str, tuple[str, ...]]:
    """Control id -> its ``maps_to`` plus every assessed control that maps to it."""
    links: dict[str, set[str]] = {r.control.id: set(r.control.maps_to)
                                  for r in assessment.results}
    for framework in assessment.frameworks:
        for control in framework.controls:
            for target in control.maps_to:
                if target in links:
                    links[target].add(control.id)
    return {key: tuple(sorted(value, key=control_sort_key)) for key, value in links.items()}


def owner(result: Result) -> str:
    """Evidence owners, else the roles that attest the control, else 'unassigned'."""
    owners = sorted({e.owner for e in result.evidence}) or list(result.control.attested_by)
    return ", ".join(owners) or "unassigned"


def gaps(assessment: Assessment) -> tuple[Gap, ...]:
    """``Assessment.gaps()`` (severity, then id) with owner and due date."""
    return tuple(_gap(r, assessment.as_of) for r in assessment.gaps())


def _gap(result: Result, as_of: str) -> Gap:
    days = DUE_DAYS.get(result.control.severity, DUE_DAYS["low"])
    due = (parse_date(as_of) + dt.timedelta(days=days)).isoformat()
    rule = f"{result.control.severity}: {days} days from {as_of}"
    limit = age_limit(result.control)
    replaced = superseded(result.evidence)
    for item in result.evidence:
        end = last_day(item, limit)
        if item.id not in replaced and end is not None and as_of <= end < due:
            due, rule = end, f"evidence {item.id} stops counting after {end}"
    return Gap(result, owner(result), due, rule)


def due(assessment: Assessment, view: View) -> tuple[Due, ...]:
    """Evidence lapsing within the view's window (empty when no window was asked for)."""
    return due_within(assessment, view.due_within) if view.due_within is not None else ()


def evidence_ref(item: Evidence) -> str:
    """``id (file:line, collected DATE, sha256 DIGEST)``: one evidence document, traceably."""
    return (f"{item.id} ({item.location}, collected {item.collected}, "
            f"sha256 {item.file_digest})")


def finding_ref(result: Result) -> list[str]:
    return [f.message + (f" ({f.location})" if f.location else "") for f in result.findings]


def waiver_ref(result: Result) -> str:
    waiver = result.waiver
    if waiver is None:
        return ""
    text = (f"{waiver.reason} (approved by {waiver.approved_by} on {waiver.approved_on}, "
            f"expires {waiver.expires}; {waiver.location})")
    if waiver.compensating_control:
        text += f"; compensating control: {waiver.compensating_control}"
    return text


def anchor(result: Result, assessment: Assessment) -> Location:
    """Where an annotation for ``result`` goes when no finding names a line: its first
    evidence; for missing evidence, the organisation profile (in the evidence repository,
    unlike a shipped catalogue file); else the control's own definition."""
    if result.evidence:
        return result.evidence[0].location
    return assessment.profile or result.control.source


def decided_by(result: Result) -> str:
    """How the verdict is reached: a rule over evidence, or a named role's attestation."""
    control = result.control
    if control.attested:
        roles = ", ".join(control.attested_by) or "any role"
        return f"attestation by {roles}"
    return f"rule {control.policy}"


def summary_line(assessment: Assessment) -> str:
    """``N controls (a pass, b fail, ...)`` for the terminal when the report goes to a file."""
    counts = assessment.counts()
    parts = ", ".join(f"{counts[s]} {s.label}" for s in Status if counts.get(s))
    return f"{len(assessment.results)} controls ({parts or 'none'})"


#: Columns of the auditor's matrix in the tabular formats (csv, xlsx, html).
MATRIX_COLUMNS = ("id", "title", "framework", "area", "severity", "status", "reason",
                  "decided by", "source confidence", "evidence", "evidence location",
                  "collected", "sha256", "findings", "waiver", "maps to")

#: Columns of the gap list in the tabular formats.
GAP_COLUMNS = ("severity", "id", "title", "framework", "status", "owner", "due", "due rule",
               "why", "remediation")

#: Columns of the renewal list (``gaps --due-within``).
DUE_COLUMNS = ("last day", "control", "evidence", "location", "owner", "why")


def matrix_row(result: Result, links: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """One control's matrix row; multi-valued cells are joined with newlines."""
    control, items = result.control, result.evidence
    return (control.id, control.title, control.framework, control.area, control.severity,
            result.verdict, result.reason, decided_by(result), control.confidence or "",
            "\n".join(e.id for e in items), "\n".join(str(e.location) for e in items),
            "\n".join(e.collected for e in items), "\n".join(e.file_digest for e in items),
            "\n".join(finding_ref(result)), waiver_ref(result),
            ", ".join(links.get(control.id, ())))


def gap_row(gap: Gap) -> tuple[str, ...]:
    result = gap.result
    why = "\n".join([result.reason, *finding_ref(result)])
    return (result.control.severity, result.control.id, result.control.title,
            result.control.framework, result.verdict, gap.owner, gap.due, gap.due_rule,
            why, result.control.remediation)


def due_row(item: Due) -> tuple[str, ...]:
    return (item.last_day, item.control.id, item.evidence.id, str(item.evidence.location),
            item.evidence.owner, item.why)
