"""Render a Diff for people (table, markdown) and for CI (json, github, sarif)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: `checker --help` stays fast
    from checker.diff import Change, Diff


def _headline(diff: Diff) -> str:
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


def _sections(diff: Diff) -> tuple[tuple[str, tuple[Change, ...]], ...]:
    """Every list a diff report shows, in order: scope changes have their own section."""
    return (("Regressions", diff.regressions), ("Scope changes", diff.scope_changes),
            ("Improvements", diff.improvements))


def _failed(diff: Diff) -> bool:
    return bool(diff.regressions or diff.unapproved)


def _rows(changes: tuple[Change, ...]) -> list[list[str]]:
    """One line per value (``text.for_terminal``): evidence text sends the terminal nothing."""
    from checker.text import for_terminal

    return [[for_terminal(v) for v in (c.subject, c.before or "-", c.after or "-", c.detail,
                                       str(c.location or ""))] for c in changes]


_HEADERS = ["control", "before", "after", "why", "where"]


def table(diff: Diff) -> str:
    from tabulate import tabulate as _tabulate

    parts = [_headline(diff), *(f"note: {n}" for n in diff.notes)]
    for label, changes in _sections(diff):
        if changes:
            parts += ["", label, _tabulate(_rows(changes), headers=_HEADERS, maxcolwidths=[None,
                                                                                         None, None,
                                                                                         60, None])]
    return "\n".join(parts) + "\n"


def markdown(diff: Diff) -> str:
    from checker.formats import markdown as md

    parts = [f"### {'❌' if _failed(diff) else '✅'} {md.cell(_headline(diff))}"]
    parts += ["", *(f"> **Note:** {md.cell(n)}" for n in diff.notes)] if diff.notes else []
    for label, changes in _sections(diff):
        if changes:
            parts += ["", f"**{label}**", "", *md.table(_HEADERS, _rows(changes))]
    return "\n".join(parts) + "\n"


def _change(change: Change) -> dict[str, Any]:
    where = change.location
    return {"subject": change.subject, "title": change.title, "before": change.before,
            "after": change.after, "detail": change.detail,
            "file": where.file if where else None, "line": where.line if where else None}


def _scope_change(change: Change) -> dict[str, Any]:
    return {**_change(change), "approved": change.approval is not None,
            "approval": change.approval}


def json_(diff: Diff) -> str:
    document = {"base": diff.base, "as_of": diff.head.as_of,
                "inputs_digest": diff.head.inputs_digest,
                "tool": {"name": "checker", "version": diff.head.tool_version},
                "notes": list(diff.notes),
                "regressions": [_change(c) for c in diff.regressions],
                "scope_changes": [_scope_change(c) for c in diff.scope_changes],
                "improvements": [_change(c) for c in diff.improvements]}
    from checker.text import in_data

    return json.dumps(in_data(document), indent=2, ensure_ascii=False) + "\n"


def github(diff: Diff) -> str:
    """GitHub Actions workflow commands: one ::error per regression and unapproved scope
    change, on its YAML line; a warning per approved scope change and per note."""
    from checker.formats import github as gh

    lines = [gh.command("error", change.detail,
                        f"{change.subject} {change.before} -> {change.after}", change.location)
             for change in diff.regressions]
    lines += [gh.command("warning" if change.approval else "error", change.detail,
                         f"{change.subject} scope change {change.before} -> {change.after}"
                         f"{' (approved)' if change.approval else ''}", change.location)
              for change in diff.scope_changes]
    lines += [gh.command("warning", note, "checker diff") for note in diff.notes]
    lines.append(gh.command("notice", _headline(diff), "checker diff"))
    return "\n".join(lines) + "\n"


def sarif(diff: Diff) -> str:
    """SARIF 2.1.0: one rule per regressed or descoped control, results on the YAML lines
    (an approved scope change is a note, an unapproved one an error)."""
    from checker.formats import sarif as sarif_

    changes = [*(("", c) for c in diff.regressions),
               *(("scope change ", c) for c in diff.scope_changes)]
    rules = sorted({c.subject: c.title for _, c in changes}.items())
    results = []
    for scope, change in changes:
        result: dict[str, Any] = {"ruleId": change.subject,
                                  "level": "note" if change.approval else "error",
                                  "message": {"text": f"{scope}{change.before} -> "
                                                      f"{change.after}: {change.detail}"}}
        if change.location:
            result["locations"] = [sarif_.location(change.location)]
        results.append(result)
    return sarif_.document(diff.head.tool_version,
                           [{"id": rule_id, "shortDescription": {"text": title}}
                            for rule_id, title in rules], results)


DIFF_FORMATS: dict[str, Callable[[Diff], str]] = {
    "github": github, "json": json_, "markdown": markdown, "sarif": sarif, "table": table}
