"""What every rendering of a Diff shares: the headline, the sections in order, one row per
change and its JSON shape. Each format's ``render_diff`` (the diff view) lays these out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: `checker --help` stays fast
    from checker.diff import Change, Diff


def headline(diff: Diff) -> str:
    approved = len(diff.scope_changes) - len(diff.unapproved)
    counts = [_count(len(diff.regressions), "regression"),
              _count(len(diff.unapproved), "unapproved scope change"),
              _count(approved, "approved scope change")]
    verdict = ", ".join(c for c in counts if c)
    if not diff.regressions and not diff.unapproved:
        verdict = ", ".join(("no regressions", *(c for c in counts if c)))
    if not diff.compared:
        verdict = "nothing to compare (see note)"
    return (f"checker diff against {diff.base} as of {diff.head.as_of}: {verdict}, "
            f"{len(diff.improvements)} improved (inputs sha256 {diff.head.inputs_digest[:16]})")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}" if number else ""


def sections(diff: Diff) -> tuple[tuple[str, tuple[Change, ...]], ...]:
    """Every list a diff report shows, in order: scope changes have their own section."""
    return (("Regressions", diff.regressions), ("Scope changes", diff.scope_changes),
            ("Improvements", diff.improvements))


def failed(diff: Diff) -> bool:
    return bool(diff.regressions or diff.unapproved)


def rows(changes: tuple[Change, ...]) -> list[list[str]]:
    """One line per value (``text.for_terminal``): evidence text sends the terminal nothing."""
    from checker.text import for_terminal

    return [[for_terminal(v) for v in (c.subject, c.before or "-", c.after or "-", c.detail,
                                       str(c.location or ""))] for c in changes]


HEADERS = ["control", "before", "after", "why", "where"]


def change_data(change: Change) -> dict[str, Any]:
    where = change.location
    return {"subject": change.subject, "title": change.title, "before": change.before,
            "after": change.after, "detail": change.detail,
            "file": where.file if where else None, "line": where.line if where else None}


def document(diff: Diff) -> dict[str, Any]:
    """The diff as JSON data (the json format's diff view)."""
    return {"base": diff.base, "as_of": diff.head.as_of,
            "inputs_digest": diff.head.inputs_digest,
            "tool": {"name": "checker", "version": diff.head.tool_version},
            "notes": list(diff.notes),
            "regressions": [change_data(c) for c in diff.regressions],
            "scope_changes": [{**change_data(c), "approved": c.approval is not None,
                               "approval": c.approval} for c in diff.scope_changes],
            "improvements": [change_data(c) for c in diff.improvements]}
