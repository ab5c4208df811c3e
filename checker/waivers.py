"""Waivers: approved, time-limited exceptions applied after evaluation (``waivers.yaml``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from checker import schemas
from checker.dates import add_months, parse_date
from checker.errors import InputError, Location, Problem
from checker.evidence import WAIVER_FILES
from checker.model import Result, Status, Waiver
from checker.yamlsource import load_documents, read_text

MAX_MONTHS = 12


@dataclass(frozen=True, slots=True)
class WaiverSet:
    """The waivers of one evidence pack and the digest of the file they came from."""

    waivers: tuple[Waiver, ...] = ()
    files: dict[str, str] | None = None


def waiver_file(evidence_dir: Path) -> Path | None:
    """The pack's waivers file, if any."""
    found = [evidence_dir / name for name in WAIVER_FILES if (evidence_dir / name).is_file()]
    if len(found) > 1:
        raise InputError.at(Location(found[1].as_posix()), "both waivers.yaml and waivers.yml "
                            "exist; keep one")
    return found[0] if found else None


def load_waivers(evidence_dir: Path, known_controls: Iterable[str], as_of: str,
                 display_root: str | None = None) -> WaiverSet:
    """Load and validate ``waivers.yaml``; a malformed waiver is an input error (exit 2)."""
    path = waiver_file(evidence_dir)
    if path is None:
        return WaiverSet((), {})
    display = f"{display_root or evidence_dir.as_posix()}/{path.name}"
    text, digest = read_text(path, display)
    documents = list(load_documents(text, display))
    if len(documents) != 1:
        raise InputError.at(Location(display), "waivers file must hold exactly one document")
    [document] = documents
    problems = schemas.problems("waivers.schema.json", document.value, document)
    if problems:
        raise InputError(problems)
    known = set(known_controls)
    waivers = []
    for index, raw in enumerate(document.value["waivers"]):
        where = document.locate(("waivers", index))
        waiver = Waiver(control=raw["control"], reason=raw["reason"],
                        approved_by=raw["approved_by"], approved_on=raw["approved_on"],
                        expires=raw["expires"], evidence=raw.get("evidence"),
                        compensating_control=raw.get("compensating_control"), location=where,
                        ccw=tuple((k, str(v)) for k, v in (raw.get("ccw") or {}).items()))
        problems += _problems(waiver, document.locate(("waivers", index, "expires")), known,
                              as_of)
        waivers.append(waiver)
    if problems:
        raise InputError(problems)
    return WaiverSet(tuple(waivers), {f"evidence/{path.name}": digest})


def _problems(waiver: Waiver, expires_at: Location, known: set[str],
              as_of: str) -> list[Problem]:
    found = []
    if waiver.control not in known:
        found.append(Problem(waiver.location, f"waiver names unknown control '{waiver.control}'"))
    approved, expires = parse_date(waiver.approved_on), parse_date(waiver.expires)
    limit = add_months(approved, MAX_MONTHS)
    if expires > limit:
        found.append(Problem(expires_at, f"waiver for {waiver.control} expires {waiver.expires}, "
                             f"more than {MAX_MONTHS} months after approval on "
                             f"{waiver.approved_on} (latest {limit.isoformat()})"))
    if expires < approved:
        found.append(Problem(expires_at, f"waiver for {waiver.control} expires before it was "
                             "approved"))
    if waiver.approved_on > as_of:
        found.append(Problem(waiver.location, f"waiver for {waiver.control} is approved on "
                             f"{waiver.approved_on}, after the assessment date {as_of}"))
    return found


def apply_waivers(results: tuple[Result, ...], waivers: tuple[Waiver, ...],
                  as_of: str) -> tuple[tuple[Result, ...], tuple[Problem, ...]]:
    """Turn waived fails and gaps into ``waived``; report waivers that no longer apply."""
    notices: list[Problem] = []
    by_control: dict[str, list[Waiver]] = {}
    for waiver in waivers:
        if waiver.expires < as_of:
            notices.append(Problem(waiver.location, f"waiver for {waiver.control} expired on "
                                   f"{waiver.expires}; not applied"))
            continue
        by_control.setdefault(waiver.control, []).append(waiver)
    out = []
    for result in results:
        covering = _covering(result, by_control.get(result.control.id, ()))
        if covering is not None:
            result = replace(result, status=Status.WAIVED, waiver=covering,
                             waived_status=result.status,
                             reason=f"waived until {covering.expires} ({result.status.value}: "
                                    f"{result.reason})")
        out.append(result)
    return tuple(out), tuple(sorted(notices))


def _covering(result: Result, waivers: Iterable[Waiver]) -> Waiver | None:
    """The waiver that covers every finding of a fail, or a whole-control waiver for a gap."""
    if result.status not in (Status.FAIL, Status.GAP):
        return None
    for waiver in waivers:
        if waiver.evidence is None:
            return waiver
        if result.status is Status.FAIL and all(f.evidence_id == waiver.evidence
                                                for f in result.findings):
            return waiver
    return None
