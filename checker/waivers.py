"""Waivers: approved, time-limited exceptions applied after evaluation (``waivers.yaml``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checker import schemas
from checker.approvers import names, placeholder, same_person
from checker.dates import add_months, parse_date
from checker.errors import InputError, Location, Problem
from checker.evidence import ATTESTATION_KIND, WAIVER_FILES, EvidenceSet, used_by
from checker.model import Control, Evidence, Result, Status, Waiver
from checker.text import visible
from checker.yamlsource import Document, load_documents, read_text

MAX_MONTHS = 12
ROLES_KIND = "governance_roles"
#: The titles a ``governance_roles`` appointment holds besides its ``post``.
_TITLES = {"dpo": "DPO", "siro": "SIRO"}


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
    """A blank reason or approver, a placeholder approver, an approver who owns what is
    waived (separation of duties), or a waiver scoped to evidence the control does not read."""
    found = []
    if not waiver.reason.strip():
        found.append(Problem(document.locate(("waivers", index, "reason")),
                             f"waiver for {waiver.control} gives no reason"))
    if control is not None and evidence is not None and waiver.evidence is not None:
        found += _scope_problems(waiver, document.locate(("waivers", index, "evidence")),
                                 control, evidence)
    where = document.locate(("waivers", index, "approved_by"))
    if not waiver.approved_by.strip():
        return [*found, Problem(where, f"waiver for {waiver.control} has a blank approved_by; "
                                "name who accepted the risk, and in what role")]
    if placeholder(waiver.approved_by):
        return [*found, Problem(where, f"waiver for {waiver.control} is approved by "
                                f"{waiver.approved_by!r}, which names nobody; name who "
                                "accepted the risk, and in what role")]
    if control is None:
        return found
    roles = [role for role, owner in owners(control, evidence)
             if names(waiver.approved_by, owner)]
    if not roles:
        return found
    more = f" (and {len(roles) - 1} more)" if len(roles) > 1 else ""
    return [*found, Problem(where, f"waiver for {waiver.control} is approved by "
                            f"{waiver.approved_by!r}, {roles[0]}{more}: a waiver needs an "
                            "approver independent of what it waives")]


def _scope_problems(waiver: Waiver, where: Location, control: Control,
                    evidence: EvidenceSet) -> list[Problem]:
    """A waiver scoped to an evidence id the control does not read could never apply."""
    read = [item.id for item in used_by(control, evidence.by_kind())]
    if waiver.evidence in read:
        return []
    known = "no evidence document has that id" if waiver.evidence not in evidence.by_id() \
        else f"{control.id} does not read it"
    return [Problem(where, f"waiver for {waiver.control} is scoped to evidence "
                    f"'{waiver.evidence}', but {known}, so it could never apply (it reads: "
                    f"{', '.join(read) or 'nothing'})")]


def owners(control: Control, evidence: EvidenceSet | None) -> list[tuple[str, str]]:
    """Whoever answers for a control or what it reads, as (as what, name): the catalogue's
    and the profile's owner of the control, the owner of every document it reads and of
    every item in one, who attests to it and in what role, and whoever the pack says holds
    one of those roles (an attestation's ``attested_by`` and ``role``, a governance
    appointment's ``name`` and ``post``)."""
    found: list[tuple[str, str | None]] = [
        (f"the owner of {control.id} in the catalogue", control.owner)]
    if evidence is not None:
        named = evidence.organisation.get("control_owners")
        if isinstance(named, dict):
            found.append((f"the owner of {control.id} in the organisation profile",
                          named.get(control.id)))
        for item in used_by(control, evidence.by_kind()):
            found.append((f"the owner of evidence {item.id} ({item.location})", item.owner))
            found += [(f"the owner of an item of evidence {item.id} ({where})", name)
                      for where, name in _item_owners(item, item.facts, ("facts",))]
        for item in evidence.documents:
            if item.kind == ATTESTATION_KIND and control.id in item.facts["controls"]:
                where = item.document.locate(("facts", "attested_by"))
                found += [(f"who attests to {control.id} in {item.id} ({where})",
                           item.facts["attested_by"]),
                          (f"the role attesting to {control.id} in {item.id} ({where})",
                           item.facts["role"])]
    direct = [(role, name) for role, name in found if isinstance(name, str) and name.strip()]
    held = _holders(evidence) if evidence is not None else []
    aliases = []
    for role, name in direct:
        for person, post, source in held:
            if same_person(post, name):
                aliases.append((f"who is {post} ({source}), {role}", person))
            elif same_person(person, name):
                aliases.append((f"the post of {person} ({source}), {role}", post))
    return direct + aliases


def _item_owners(item: Evidence, value: Any,
                 path: tuple[str | int, ...]) -> list[tuple[Location, str]]:
    """Every ``owner`` string inside ``value`` (part of a document's facts), located."""
    found: list[tuple[Location, str]] = []
    children = value.items() if isinstance(value, dict) else \
        enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        if key == "owner" and isinstance(child, str):
            found.append((item.document.locate((*path, key)), child))
        else:
            found += _item_owners(item, child, (*path, key))
    return found


def _holders(evidence: EvidenceSet) -> list[tuple[str, str, str]]:
    """Who holds which role, as the pack records it: (person, role, where it says so)."""
    held: list[tuple[str, str, str]] = []
    for item in evidence.documents:
        if item.kind == ATTESTATION_KIND:
            at = item.document.locate(("facts", "attested_by"))
            held.append((item.facts["attested_by"], item.facts["role"],
                         f"attestation {item.id} at {at}"))
        elif item.kind == ROLES_KIND:
            appointments: list[tuple[tuple[str | int, ...], dict[str, Any], str | None]] = [
                ((title,), item.facts[title], _TITLES[title])
                for title in sorted(_TITLES) if title in item.facts]
            appointments += [(("information_asset_owners", n), a, None) for n, a
                             in enumerate(item.facts.get("information_asset_owners", ()))]
            for path, appointment, title in appointments:
                where = f"{item.id} at {item.document.locate(('facts', *path))}"
                held += [(appointment["name"], post, where)
                         for post in (appointment["post"], title) if post]
    return held


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
