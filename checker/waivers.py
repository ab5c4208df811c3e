"""Waivers: approved, time-limited exceptions applied after evaluation (``waivers.yaml``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from checker import schemas
from checker.dates import add_months, parse_date
from checker.errors import InputError, Location, Problem
from checker.evidence import WAIVER_FILES, EvidenceSet, used_by
from checker.model import Control, Result, Status, Waiver
from checker.text import visible
from checker.yamlsource import Document, load_documents, read_text

MAX_MONTHS = 12


@dataclass(frozen=True, slots=True)
class WaiverSet:
    """The waivers of one evidence pack and the digest of the file they came from."""

    waivers: tuple[Waiver, ...] = ()
    files: dict[str, str] | None = None


def waiver_file(evidence_dir: Path) -> Path | None:
    """The pack's waivers file, if any (``waivers.yaml`` or ``.yml``, in any case)."""
    found = sorted(path for path in evidence_dir.iterdir()
                   if path.name.lower() in WAIVER_FILES and path.is_file()) \
        if evidence_dir.is_dir() else []
    if len(found) > 1:
        raise InputError.at(Location(found[1].as_posix()), f"both {found[0].name} and "
                            f"{found[1].name} exist; keep one")
    return found[0] if found else None


def load_waivers(evidence_dir: Path, controls: Iterable[Control], as_of: str,
                 display_root: str | None = None,
                 evidence: EvidenceSet | None = None) -> WaiverSet:
    """Load and validate ``waivers.yaml``; a malformed waiver is an input error (exit 2).

    With the pack's ``evidence``, a waiver approved by the owner of the control or of any
    document the control reads is refused: whoever accepts a risk must not be its owner.
    """
    path = waiver_file(evidence_dir)
    if path is None:
        return WaiverSet((), {})
    display = visible(f"{display_root or evidence_dir.as_posix()}/{path.name}")
    text, digest = read_text(path, display)
    documents = list(load_documents(text, display))
    if len(documents) != 1:
        raise InputError.at(Location(display), "waivers file must hold exactly one document")
    [document] = documents
    problems = schemas.problems("waivers.schema.json", document.value, document)
    if problems:
        raise InputError(problems)
    by_id = {control.id: control for control in controls}
    waivers = []
    for index, raw in enumerate(document.value["waivers"]):
        where = document.locate(("waivers", index))
        waiver = Waiver(control=raw["control"], reason=raw["reason"],
                        approved_by=raw["approved_by"], approved_on=raw["approved_on"],
                        expires=raw["expires"], evidence=raw.get("evidence"),
                        compensating_control=raw.get("compensating_control"), location=where,
                        ccw=tuple((k, str(v)) for k, v in (raw.get("ccw") or {}).items()))
        problems += _problems(waiver, document.locate(("waivers", index, "expires")),
                              set(by_id), as_of)
        problems += _approver_problems(waiver, document, index, by_id.get(waiver.control),
                                       evidence)
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


def _approver_problems(waiver: Waiver, document: Document, index: int,
                       control: Control | None, evidence: EvidenceSet | None) -> list[Problem]:
    """A blank reason or approver, or an approver who owns what is waived (separation of
    duties)."""
    found = []
    if not waiver.reason.strip():
        found.append(Problem(document.locate(("waivers", index, "reason")),
                             f"waiver for {waiver.control} gives no reason"))
    where = document.locate(("waivers", index, "approved_by"))
    if not waiver.approved_by.strip():
        return [*found, Problem(where, f"waiver for {waiver.control} has a blank approved_by; "
                                "name who accepted the risk, and in what role")]
    if control is None:
        return found
    approver = same_person(waiver.approved_by)
    return found + [Problem(where, f"waiver for {waiver.control} is approved by "
                            f"{waiver.approved_by!r}, {role}: a waiver needs an approver "
                            "independent of what it waives")
                    for role, owner in owners(control, evidence)
                    if same_person(owner) == approver]


def owners(control: Control, evidence: EvidenceSet | None) -> list[tuple[str, str]]:
    """Who owns a control and what it reads: (as what, name) for the catalogue's and the
    profile's owner of the control and the owner of every evidence document it uses."""
    found = [(f"the owner of {control.id} in the catalogue", control.owner)]
    if evidence is not None:
        named = evidence.organisation.get("control_owners")
        if isinstance(named, dict):
            found.append((f"the owner of {control.id} in the organisation profile",
                          named.get(control.id)))
        found += [(f"the owner of evidence {item.id} ({item.location})", item.owner)
                  for item in used_by(control, evidence.by_kind())]
    return [(role, name) for role, name in found if isinstance(name, str) and name.strip()]


def same_person(name: str) -> str:
    """A name as compared for separation of duties: case and spacing ignored."""
    return " ".join(name.split()).casefold()


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
