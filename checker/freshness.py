"""When evidence stops counting: expiry, and the age limit of each control that needs it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.dates import parse_date
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
        for item in result.evidence:
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
