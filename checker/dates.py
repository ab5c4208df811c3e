"""Calendar arithmetic on ISO dates, matching ``policies/lib/dates.rego``."""

from __future__ import annotations

import calendar
import datetime as dt


def parse_date(text: str) -> dt.date:
    """An ISO date, or the date part of an RFC 3339 timestamp."""
    return dt.date.fromisoformat(text[:10])


def add_months(day: dt.date, months: int) -> dt.date:
    """``months`` calendar months later (earlier if negative), clamped to the month's end."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
