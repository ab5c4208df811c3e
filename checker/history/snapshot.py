"""What history keeps of one run: counts per framework and the open controls with their due
dates, taken from an Assessment or from a saved ``checker run --format json`` report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import resultsdoc
from checker.errors import InputError, Location
from checker.model import Assessment, Status

#: Statuses counted per framework, in column order.
COUNTED = tuple(Status)


@dataclass(frozen=True, slots=True)
class FrameworkCounts:
    key: str
    name: str
    counts: dict[str, int]

    @property
    def percent(self) -> float | None:
        """Pass / applicable (waived not counted); None when nothing applies."""
        applicable = sum(self.counts.values()) - self.counts.get("not_applicable", 0)
        return 100.0 * self.counts.get("pass", 0) / applicable if applicable else None


@dataclass(frozen=True, slots=True)
class OpenControl:
    """A control that was fail, gap or error at the run, and when it was due to be fixed."""

    control: str
    framework: str
    severity: str
    status: str
    due: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    organisation: str
    as_of: str
    inputs_digest: str
    tool_version: str
    source: str
    frameworks: tuple[FrameworkCounts, ...]
    open: tuple[OpenControl, ...]


def from_assessment(assessment: Assessment, source: str = "run") -> Snapshot:
    from checker import report

    frameworks = tuple(
        FrameworkCounts(f.key, f.name, {s.value: assessment.counts(f.key).get(s, 0)
                                        for s in COUNTED})
        for f in assessment.frameworks)
    open_ = tuple(OpenControl(g.result.control.id, g.result.control.framework,
                              g.result.control.severity, g.result.status.value, g.due)
                  for g in report.gaps(assessment))
    return Snapshot(assessment.organisation, assessment.as_of, assessment.inputs_digest,
                    assessment.tool_version, source, frameworks, open_)


def from_report(path: Path, today: dt.date | None = None) -> Snapshot:
    """A saved results document (``checker run --format json``), checked as ``diff
    --baseline`` checks one (``resultsdoc``) and for consistency (``_consistent``); the
    counts are recomputed from its controls, never taken from its summaries. Due dates are
    the severity rule from the report's as-of (the document does not carry the evidence
    dates that may bring them forward). An as-of after ``today`` (default: the clock's) is
    refused: a report cannot record a day that has not come."""
    from checker.report import DUE_DAYS

    text, data = resultsdoc.read(path, "saved report")
    where = Location(str(path))
    as_of = dt.date.fromisoformat(data["as_of"])
    today = today or dt.date.today()
    if as_of > today:
        raise InputError.at(where, f"saved report is as of {as_of}, after today ({today}): "
                            "only a run that has happened can be imported")
    counts = _consistent(path, text, data)
    frameworks = tuple(FrameworkCounts(f["key"], f["name"], counts[f["key"]])
                       for f in data["frameworks"])
    open_ = tuple(
        OpenControl(c["id"], c["framework"], c["severity"], c["status"],
                    (as_of + dt.timedelta(days=DUE_DAYS[c["severity"]])).isoformat())
        for c in data["controls"] if c["status"] in _OPEN)
    try:
        return Snapshot(data["organisation"], as_of.isoformat(), data["inputs_digest"],
                        _text(data["tool"], "version"), "import", frameworks, open_)
    except ValueError as exc:
        raise InputError.at(where, f"saved report is incomplete: {exc}") from exc


_OPEN = frozenset({Status.FAIL.value, Status.GAP.value, Status.ERROR.value})
_WAIVABLE = frozenset({Status.FAIL.value, Status.GAP.value})


def _consistent(path: Path, text: str, data: dict[str, Any]) -> dict[str, dict[str, int]]:
    """The statuses counted per framework from the controls, once the report is shown to
    agree with itself: each control once, in a framework the report lists, its waiver
    status coherent, no pass with findings; every summary, pass percentage and the gap list
    equal to what the controls give. Anything else is refused, naming the line where it can."""
    where = Location(str(path))
    keys = [f["key"] for f in data["frameworks"]]
    if len(set(keys)) != len(keys):
        raise InputError.at(where, f"saved report lists framework "
                            f"{next(k for k in keys if keys.count(k) > 1)!r} twice")
    counts = {key: {s.value: 0 for s in COUNTED} for key in keys}
    seen: dict[str, int] = {}
    for control in data["controls"]:
        ident, status = control["id"], control["status"]
        seen[ident] = seen.get(ident, 0) + 1
        at = Location(str(path), resultsdoc.line_of(text, ident, seen[ident]))
        if seen[ident] > 1:
            raise InputError.at(at, f"saved report lists control {ident} twice")
        if control["framework"] not in counts:
            raise InputError.at(at, f"control {ident} is in framework "
                                f"{control['framework']!r}, which the report does not list")
        underlying = control.get("underlying_status", status)
        if underlying not in (_WAIVABLE if status == Status.WAIVED.value else {status}):
            raise InputError.at(at, f"control {ident} is {status} with underlying status "
                                f"{underlying}: only a fail or gap can be waived")
        if status == Status.PASS.value and control["findings"]:
            raise InputError.at(at, f"control {ident} passes with "
                                f"{len(control['findings'])} findings")
        counts[control["framework"]][status] += 1
    for framework in data["frameworks"]:
        _same_counts(where, f"framework {framework['key']!r}", framework["summary"],
                     counts[framework["key"]])
        applicable = sum(counts[framework["key"]].values()) - \
            counts[framework["key"]][Status.NOT_APPLICABLE.value]
        percent = round(100.0 * counts[framework["key"]][Status.PASS.value] / applicable, 1) \
            if applicable else None
        if framework.get("pass_percent", percent) != percent:
            raise InputError.at(where, f"framework {framework['key']!r}: pass_percent "
                                f"{framework['pass_percent']} where its controls give "
                                f"{percent}")
    _same_counts(where, "the report", data["summary"],
                 {s.value: sum(c[s.value] for c in counts.values()) for s in COUNTED})
    open_ids = sorted(c["id"] for c in data["controls"] if c["status"] in _OPEN)
    if sorted(data["gaps"]) != open_ids:
        raise InputError.at(where, "the report's gap list is not its fail, gap and error "
                            "controls")
    return counts


def _same_counts(where: Location, what: str, summary: dict[str, int],
                 counts: dict[str, int]) -> None:
    expected = {**counts, "total": sum(counts.values())}
    wrong = sorted(k for k in expected if summary.get(k) != expected[k])
    if wrong:
        raise InputError.at(where, f"{what}: summary says "
                            + ", ".join(f"{k} {summary.get(k)}" for k in wrong)
                            + "; its controls give "
                            + ", ".join(f"{k} {expected[k]}" for k in wrong))


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value:
        raise ValueError(f"{key} is not a non-empty string")
    return value
