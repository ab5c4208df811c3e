"""What history keeps of one run: counts per framework and the open controls with their due
dates, taken from an Assessment or from a saved ``checker run --format json`` report."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def from_report(path: Path) -> Snapshot:
    """A saved results document (``checker run --format json``); anything else is refused
    with the file named. Due dates are the severity rule from the report's as-of (the
    document does not carry the evidence dates that may bring them forward)."""
    from checker.formats.json_ import SCHEMA_ID
    from checker.report import DUE_DAYS

    where = Location(str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError.at(where, f"cannot read a saved report: {exc}") from exc
    if not isinstance(data, dict) or data.get("$schema") != SCHEMA_ID:
        raise InputError.at(where, f"not a checker results document ($schema {SCHEMA_ID}); "
                                   "save one with `checker run --format json`")
    try:
        as_of = dt.date.fromisoformat(data["as_of"])
        frameworks = tuple(FrameworkCounts(f["key"], f["name"], {
            s.value: int(f["summary"][s.value]) for s in COUNTED}) for f in data["frameworks"])
        open_ = tuple(
            OpenControl(c["id"], c["framework"], c["severity"], c["status"],
                        (as_of + dt.timedelta(days=DUE_DAYS.get(c["severity"], 180)))
                        .isoformat())
            for c in data["controls"]
            if c["status"] in (Status.FAIL.value, Status.GAP.value, Status.ERROR.value))
        return Snapshot(str(data["organisation"]), as_of.isoformat(),
                        _text(data, "inputs_digest"), _text(data["tool"], "version"),
                        "import", frameworks, open_)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError.at(where, f"saved report is incomplete or malformed: {exc!r}") from exc


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value:
        raise ValueError(f"{key} is not a non-empty string")
    return value
