"""Compare two assessments (or an assessment and a saved baseline): what got worse, what better.

A regression is a control whose status got worse (pass to fail, gap or error), a new finding
on a control that was already failing, a control that disappeared, or evidence that was
removed without a successor of its kind. CI exits 1 on any regression and stays quiet otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import schemas
from checker.errors import ExitCode, InputError, Location
from checker.formats import json_
from checker.model import Assessment, Status, control_sort_key

#: How bad each status is; a rise is a regression.
RANK = {"pass": 0, "not_applicable": 0, "waived": 1, "gap": 2, "fail": 2, "error": 3}
_OPEN = {"fail", "gap", "waived", "error"}
#: A control new since the base (a catalogue update, a baseline from an older version) is a
#: regression when it does not hold.
_NEW_REGRESSION = {"fail", "gap", "error"}


@dataclass(frozen=True, slots=True)
class Change:
    """One control (or evidence document) that got worse or better."""

    subject: str
    title: str
    before: str | None
    after: str | None
    detail: str
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Diff:
    """The regressions and improvements of ``head`` against a base."""

    base: str
    head: Assessment
    regressions: tuple[Change, ...]
    improvements: tuple[Change, ...]

    @property
    def exit_code(self) -> int:
        """3 when any control of the head could not be evaluated (whatever the base said:
        an engine failing on both sides must not read as "no change"), else 1 on any
        regression, else 0."""
        if any(r.status is Status.ERROR for r in self.head.results):
            return int(ExitCode.EVALUATION_ERROR)
        return 1 if self.regressions else 0


def compare(base: Mapping[str, Any], head: Assessment, base_label: str) -> Diff:
    """Diff two results documents (the JSON format), ``head`` kept for locations."""
    after = json_.document(head)
    before_controls = {c["id"]: c for c in base["controls"]}
    after_controls = {c["id"]: c for c in after["controls"]}
    regressions: list[Change] = []
    improvements: list[Change] = []
    for control_id in sorted(before_controls.keys() | after_controls.keys(), key=control_sort_key):
        old, new = before_controls.get(control_id), after_controls.get(control_id)
        if new is None:
            assert old is not None
            regressions.append(Change(control_id, old["title"], old["status"], None,
                                      "control disappeared from the results"))
            continue
        if old is None:
            if base["controls"] and new["status"] in _NEW_REGRESSION:
                regressions.append(Change(control_id, new["title"], None, new["status"],
                                          f"new control, {new['status']}: {new['reason']}",
                                          _first_location(new["findings"], new)))
            continue  # with no base results at all, nothing can be compared
        _compare_control(old, new, regressions, improvements)
    regressions += _removed_evidence(base, after)
    return Diff(base_label, head, tuple(regressions), tuple(improvements))


def _compare_control(old: dict[str, Any], new: dict[str, Any], regressions: list[Change],
                     improvements: list[Change]) -> None:
    was, now = old["status"], new["status"]
    new_findings = [f for f in new["findings"] if _key(f) not in {_key(o) for o in old["findings"]}]
    location = _first_location(new_findings or new["findings"], new)
    if RANK[now] > RANK[was]:
        regressions.append(Change(new["id"], new["title"], was, now, _why(new, new_findings),
                                  location))
    elif was in _OPEN and now in _OPEN and new_findings and RANK[now] >= RANK[was]:
        detail = "; ".join(f["message"] for f in new_findings)
        regressions.append(Change(new["id"], new["title"], was, now, f"new finding: {detail}",
                                  location))
    elif RANK[now] < RANK[was]:
        improvements.append(Change(new["id"], new["title"], was, now, new["reason"]))


def _why(control: dict[str, Any], new_findings: list[dict[str, Any]]) -> str:
    if new_findings:
        return "; ".join(f["message"] for f in new_findings)
    return str(control["reason"])


def _key(finding: dict[str, Any]) -> str:
    """A finding is the same finding when it says the same thing, whichever document said
    it: renewing the evidence under a new id must not make an old problem look new."""
    return str(finding["message"])


def _first_location(findings: list[dict[str, Any]], control: dict[str, Any]) -> Location | None:
    for finding in findings:
        if finding["file"] and finding["line"]:
            return Location(finding["file"], finding["line"], finding["column"] or 0)
    for evidence in control["evidence"]:
        return Location(evidence["file"], evidence["line"])
    return None


def _removed_evidence(base: Mapping[str, Any], after: Mapping[str, Any]) -> list[Change]:
    """Evidence deleted without a successor. Replacing a document with a newer one of the
    same kind (next month's patch report under a new id) is routine and not a regression;
    deleting one that no new document of its kind replaces is, even when every control it
    backed still passes (deleting the evidence of a failure must not read as a fix)."""
    def evidence(document: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for c in document["controls"] for e in c["evidence"]}

    before, now = evidence(base), evidence(after)
    renewed = {item["kind"] for evidence_id, item in now.items() if evidence_id not in before}
    return [Change(evidence_id, f"{item['kind']} evidence", "present", None,
                   f"evidence '{evidence_id}' ({item['file']}:{item['line']}) was removed "
                   f"and no new {item['kind']} evidence replaces it")
            for evidence_id, item in sorted(before.items())
            if evidence_id not in now and item["kind"] not in renewed]


def load_baseline(path: Path) -> dict[str, Any]:
    """A saved ``checker run --format json``, checked against the results schema."""
    where = Location(str(path))
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError.at(where, f"cannot read baseline: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError.at(Location(str(path), exc.lineno, exc.colno),
                            f"baseline is not JSON: {exc.msg}") from exc
    errors = sorted(schemas.validator("results.schema.json").iter_errors(document),
                    key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        first = errors[0]
        path_text = ".".join(str(p) for p in first.absolute_path) or "(top level)"
        raise InputError.at(where, f"baseline is not a checker results document: {path_text}: "
                            f"{first.message}")
    return document
