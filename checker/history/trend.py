"""Trends over recorded runs: pass % per framework, open fails and gaps by severity, and
overdue actions (a control still open after the due date set when it was first found open,
in an unbroken run of recorded runs)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checker.history.snapshot import Snapshot

SEVERITIES = ("critical", "high", "medium", "low")


@dataclass(frozen=True, slots=True)
class Point:
    """One recorded run as the trend shows it."""

    as_of: str
    inputs_digest: str
    source: str
    percent: dict[str, float | None]  # framework key -> pass %, None when nothing applies
    statuses: dict[str, int]  # fail, gap, error -> open controls
    severities: dict[str, int]  # critical..low -> open controls
    overdue: tuple[str, ...]  # control ids past their first due date


@dataclass(frozen=True, slots=True)
class Trend:
    organisation: str
    frameworks: tuple[tuple[str, str], ...]  # (key, name), in first-seen order
    points: tuple[Point, ...]


def trend(snapshots: tuple[Snapshot, ...]) -> Trend:
    frameworks: dict[str, str] = {}
    points = []
    for index, snap in enumerate(snapshots):
        for f in snap.frameworks:
            frameworks.setdefault(f.key, f.name)
        statuses = Counter(o.status for o in snap.open)
        severities = Counter(o.severity for o in snap.open)
        points.append(Point(
            snap.as_of, snap.inputs_digest, snap.source,
            {f.key: f.percent for f in snap.frameworks},
            {s: statuses.get(s, 0) for s in ("fail", "gap", "error")},
            {s: severities.get(s, 0) for s in SEVERITIES},
            _overdue(snapshots[:index + 1])))
    organisation = snapshots[-1].organisation if snapshots else ""
    return Trend(organisation, tuple(frameworks.items()), tuple(points))


def _overdue(runs: tuple[Snapshot, ...]) -> tuple[str, ...]:
    """Controls open at the last run whose earliest due date, over the unbroken streak of
    runs in which they were open, is before the last run's as-of."""
    last = runs[-1]
    late = []
    for item in last.open:
        due = item.due
        for earlier in reversed(runs[:-1]):
            match = next((o for o in earlier.open if o.control == item.control), None)
            if match is None:
                break
            due = min(due, match.due)
        if due < last.as_of:
            late.append(item.control)
    return tuple(sorted(late))


def columns(trend: Trend) -> list[str]:
    """The history table's columns: run, pass % per framework, open by status and
    severity, overdue."""
    return ["as of", "inputs sha256", "source", *(f"{key} pass %" for key, _ in
                                                   trend.frameworks),
            "fail", "gap", "error", *SEVERITIES, "overdue"]


def rows(trend: Trend) -> list[list[str]]:
    """One row per run, as text (pass % to one decimal; '-' where the framework was not
    assessed, 'n/a' where none of its controls applied)."""
    return [[p.as_of, p.inputs_digest[:16], p.source,
             *(_percent(p, key) for key, _ in trend.frameworks),
             *(str(v) for v in p.statuses.values()), *(str(v) for v in p.severities.values()),
             str(len(p.overdue))] for p in trend.points]


def _percent(point: Point, key: str) -> str:
    if key not in point.percent:
        return "-"
    value = point.percent[key]
    return "n/a" if value is None else f"{value:.1f}"
