"""Cell values as exports write them: dates in several conventions, yes/no flags, lists
packed into one cell. Anything not understood is refused with its location or kept unknown."""

from __future__ import annotations

import datetime as dt
import math
import re

from checker.errors import InputError, Location

_SLASH = re.compile(r"^(\d{1,4})[/.](\d{1,2})[/.](\d{2,4})(?:[ T,]+(?:at\s+)?(\d{1,2}):(\d{2})"
                    r"(?::(\d{2}))?(?:\.\d+)?\s*(AM|PM)?)?")
_FORMATS = ("%a %b %d %H:%M:%S %Y",  # Nessus HOST_START: Sat Mar 14 10:22:31 2026
            "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%b %d, %Y", "%B %d, %Y")
_TRUE = frozenset({"true", "yes", "y", "1", "enabled", "on"})
_FALSE = frozenset({"false", "no", "n", "0", "disabled", "off"})


def when(text: str, where: Location, date_order: str | None = None) -> dt.datetime:
    """A timestamp (UTC when no zone is given) from ISO 8601, RFC 3339, ctime, day-month
    names or slash dates. A slash date whose day and month could be swapped needs
    ``date_order`` ("dmy" or "mdy"); guessing would move deadlines silently."""
    value = text.strip()
    iso = _iso(value)
    if iso is not None:
        return iso
    match = _SLASH.match(value)
    if match:
        return _slash(match, where, value, date_order)
    cleaned = re.sub(r"\s+", " ", value)
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).replace(tzinfo=dt.timezone.utc)
        except ValueError:
            continue
    raise InputError.at(where, f"{value!r} is not a date this importer understands")


def date(text: str, where: Location, date_order: str | None = None) -> str:
    """``when`` as YYYY-MM-DD."""
    return when(text, where, date_order).date().isoformat()


def stamp(moment: dt.datetime) -> str:
    """RFC 3339 in UTC, to the second: the form provenance records."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def flag(text: str) -> bool | None:
    """True or False for the usual spellings; None (unknown) for anything else, blank included."""
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


def many(text: str) -> list[str]:
    """The values packed in one cell (``a;b``, ``a, b``, ``[a, b]``, one per line), sorted."""
    inner = text.strip().strip("[]")
    parts = (p.strip().strip("'\"") for p in re.split(r"[;,|\n]", inner))
    return sorted({p for p in parts if p})


def number(text: str, where: Location) -> float | None:
    """A finite decimal number (a comma as decimal mark is accepted); blank is unknown.
    ``nan`` and ``inf`` are refused: no comparison with them means anything."""
    value = text.strip().replace(",", ".")
    if not value:
        return None
    try:
        result = float(value)
    except ValueError:
        raise InputError.at(where, f"{text.strip()!r} is not a number") from None
    if not math.isfinite(result):
        raise InputError.at(where, f"{text.strip()!r} is not a number")
    return result


def cvss(text: str, where: Location, label: str = "CVSS score") -> float | None:
    """A CVSS base score, 0.0 to 10.0; blank is unknown, anything else (``nan`` included)
    is refused."""
    value = text.strip().replace(",", ".")
    if not value:
        return None
    try:
        score = float(value)
    except ValueError:
        score = math.nan
    if not 0.0 <= score <= 10.0:
        raise InputError.at(where, f"{label} {text.strip()!r} is not a score from 0.0 to 10.0")
    return score


def _iso(value: str) -> dt.datetime | None:
    candidate = value.replace("Z", "+00:00").replace(" ", "T", 1)
    candidate = re.sub(r"(\.\d{6})\d+", r"\1", candidate)  # .NET writes 7 fraction digits
    try:
        moment = dt.datetime.fromisoformat(candidate)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _slash(match: re.Match[str], where: Location, value: str,
           date_order: str | None) -> dt.datetime:
    first, second, third, hour, minute, second_s, half = match.groups()
    if len(first) == 4:  # 2026/03/14: year first is never ambiguous
        year, month, day = int(first), int(second), int(third)
    else:
        year = int(third) + (2000 if len(third) == 2 else 0)
        a, b = int(first), int(second)
        order = date_order
        if order is None:
            if a > 12 >= b:
                order = "dmy"
            elif b > 12 >= a:
                order = "mdy"
            elif a == b:
                order = "dmy"
            else:
                raise InputError.at(where, f"{value!r} could be day/month or month/day; "
                                    "pass --date-order dmy or mdy")
        day, month = (a, b) if order == "dmy" else (b, a)
    hours = int(hour or 0) % 12 + (12 if half == "PM" else 0) if half else int(hour or 0)
    try:
        return dt.datetime(year, month, day, hours, int(minute or 0), int(second_s or 0),
                           tzinfo=dt.timezone.utc)
    except ValueError:
        raise InputError.at(where, f"{value!r} is not a valid date") from None
