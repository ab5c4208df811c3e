"""When evidence stops counting: expiry, the age limit of each control that needs it, and
which older documents a newer one about the same subject supersedes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from checker import schemas
from checker.dates import parse_date
from checker.errors import Location
from checker.model import Assessment, Control, Evidence, Status

#: How fresh an attestation must be when its control sets no ``max_age_days``.
DEFAULT_ATTESTATION_AGE_DAYS = 365


def age_limit(control: Control) -> int | None:
    """The control's ``max_age_days``, defaulting to a year for attested controls."""
    if control.max_age_days is None and control.attested:
        return DEFAULT_ATTESTATION_AGE_DAYS
    return control.max_age_days


def last_day(item: Evidence, limit: int | None) -> str | None:
    """The last assessment date on which ``item`` still counts (None: no end)."""
    ends = []
    if item.expires is not None:
        ends.append(item.expires)
    if limit is not None:
        ends.append((parse_date(item.collected) + dt.timedelta(days=limit)).isoformat())
    return min(ends) if ends else None


def stale(item: Evidence, limit: int | None, as_of: str) -> str | None:
    """Why ``item`` cannot count at ``as_of`` (expired, or older than ``limit`` days), or None."""
    if item.expired(as_of):
        return f"expired on {item.expires}"
    if limit is not None:
        age = (parse_date(as_of) - parse_date(item.collected)).days
        if age > limit:
            return f"collected {item.collected}, {age} days before {as_of}; limit {limit} days"
    return None


Subject = tuple[str, ...]


def subject(item: Evidence) -> Subject:
    """What ``item`` is about, as far as freshness is concerned.

    A kind whose schema names its subject facts (``x-subject``: ``system`` for
    ``system_config``, ``scope`` for ``vulnerability_scan``) is about those facts' values and
    the envelope's ``scope``; a kind with one subject per pack (``x-subject: []``: the
    organisation profile, the attestations citing one control) is about itself; any other
    kind (or a document lacking its subject facts) is about whatever its file and ``scope``
    cover, so two documents count as one subject only when they share a file and a scope."""
    names = schemas.subject_facts(item.kind)
    if names == ():
        return (item.kind,)
    scope = tuple(sorted(item.scope))
    if names and all(name in item.facts for name in names):
        values = tuple(json.dumps(item.facts[name], sort_keys=True) for name in names)
        return (item.kind, "facts", *values, "scope", *scope)
    return (item.kind, "file", item.location.file, "scope", *scope)


def describe_subject(item: Evidence) -> str:
    """Which documents would supersede ``item``, in words: ``about system "X"``, ``in the
    same file``, or ``''`` for a kind with one subject per pack."""
    names = schemas.subject_facts(item.kind)
    if names == ():
        return ""
    if names and all(name in item.facts for name in names):
        scope = f" with scope {list(item.scope)}" if item.scope else ""
        return "about " + " and ".join(f"{name} {json.dumps(item.facts[name])}"
                                       for name in names) + scope
    return "in the same file" + (" with the same scope" if item.scope else "")


def superseded(items: Iterable[Evidence]) -> dict[str, Evidence]:
    """Each document that a more recently collected document of the same kind and subject
    supersedes (by id), with the newest one. A superseded document is history: it does not
    decide freshness (rules still read it: a quarterly scan's history is evidence too)."""
    newest: dict[Subject, Evidence] = {}
    grouped: dict[Subject, list[Evidence]] = {}
    for item in items:
        key = subject(item)
        grouped.setdefault(key, []).append(item)
        best = newest.get(key)
        if best is None or _recency(item) > _recency(best):
            newest[key] = item
    return {item.id: newest[key] for key, group in grouped.items() for item in group
            if item is not newest[key]}


def _recency(item: Evidence) -> tuple[str, Location]:
    return (item.collected, item.location)


def not_current(items: Iterable[Evidence], limit: int | None,
                as_of: str) -> list[tuple[Evidence, str]]:
    """Every document of ``items`` that no newer document about its subject supersedes and
    that cannot count at ``as_of`` (expired, or older than ``limit`` days), with why, in
    file order. Any one of them leaves what it describes unevidenced: the control is a gap."""
    items = list(items)
    replaced = superseded(items)
    found = []
    for item in items:
        if item.id in replaced:
            continue
        why = stale(item, limit, as_of)
        if why is not None:
            found.append((item, why))
    return sorted(found, key=lambda pair: pair[0].location)


@dataclass(frozen=True, slots=True)
class Due:
    """Evidence that stops counting for a control within the look-ahead window."""

    control: Control
    evidence: Evidence
    last_day: str
    why: str


def due_within(assessment: Assessment, days: int) -> tuple[Due, ...]:
    """Evidence behind currently passing, failing or waived controls that lapses within
    ``days`` of the assessment date, or within the control's ``renewal_lead_days`` of the
    window's end (a certificate whose renewal takes 90 days is listed 90 days earlier):
    renew it before the control turns into a gap."""
    horizon = (parse_date(assessment.as_of) + dt.timedelta(days=days)).isoformat()
    found = []
    for result in assessment.results:
        if result.status in (Status.NOT_APPLICABLE, Status.ERROR, Status.GAP):
            continue
        limit, lead = age_limit(result.control), result.control.renewal_lead_days
        replaced = superseded(result.evidence)  # history: its lapsing changes nothing
        for item in result.evidence:
            if item.id in replaced:
                continue
            end = last_day(item, limit)
            if end is None or end < assessment.as_of:
                continue
            start = (parse_date(end) - dt.timedelta(days=lead)).isoformat()
            if start <= horizon:
                why = (f"expires {item.expires}" if item.expires == end else
                       f"reaches the {limit}-day limit (collected {item.collected})")
                if lead:
                    why += f"; renewal takes {lead} days: start by {start}"
                found.append(Due(result.control, item, end, why))
    return tuple(sorted(found, key=lambda d: (d.last_day, d.control.id, d.evidence.id)))
