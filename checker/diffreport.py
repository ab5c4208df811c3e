"""Render a Diff for people (table, markdown) and for CI (json, github, sarif)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: `checker --help` stays fast
    from checker.diff import Change, Diff


def _headline(diff: Diff) -> str:
    count = len(diff.regressions)
    verdict = f"{count} regression{'s' * (count != 1)}" if count else "no regressions"
    return (f"checker diff against {diff.base} as of {diff.head.as_of}: {verdict}, "
            f"{len(diff.improvements)} improved (inputs sha256 {diff.head.inputs_digest[:16]})")


def _rows(changes: tuple[Change, ...]) -> list[list[str]]:
    """One line per value (``text.for_terminal``): evidence text sends the terminal nothing."""
    from checker.text import for_terminal

    return [[for_terminal(v) for v in (c.subject, c.before or "-", c.after or "-", c.detail,
                                       str(c.location or ""))] for c in changes]


_HEADERS = ["control", "before", "after", "why", "where"]


def table(diff: Diff) -> str:
    from tabulate import tabulate as _tabulate

    parts = [_headline(diff)]
    for label, changes in (("Regressions", diff.regressions), ("Improvements", diff.improvements)):
        if changes:
            parts += ["", label, _tabulate(_rows(changes), headers=_HEADERS, maxcolwidths=[None,
                                                                                         None, None,
                                                                                         60, None])]
    return "\n".join(parts) + "\n"


def markdown(diff: Diff) -> str:
    from checker.formats import markdown as md

    parts = [f"### {'❌' if diff.regressions else '✅'} {md.cell(_headline(diff))}"]
    for label, changes in (("Regressions", diff.regressions), ("Improvements", diff.improvements)):
        if changes:
            parts += ["", f"**{label}**", "", *md.table(_HEADERS, _rows(changes))]
    return "\n".join(parts) + "\n"


def _change(change: Change) -> dict[str, Any]:
    where = change.location
    return {"subject": change.subject, "title": change.title, "before": change.before,
            "after": change.after, "detail": change.detail,
            "file": where.file if where else None, "line": where.line if where else None}


def json_(diff: Diff) -> str:
    document = {"base": diff.base, "as_of": diff.head.as_of,
                "inputs_digest": diff.head.inputs_digest,
                "tool": {"name": "checker", "version": diff.head.tool_version},
                "regressions": [_change(c) for c in diff.regressions],
                "improvements": [_change(c) for c in diff.improvements]}
    from checker.text import in_data

    return json.dumps(in_data(document), indent=2, ensure_ascii=False) + "\n"


def github(diff: Diff) -> str:
    from checker.formats import github as gh

    """GitHub Actions workflow commands: one ::error per regression, on its YAML line."""
    lines = [gh.command("error", change.detail,
                        f"{change.subject} {change.before} -> {change.after}", change.location)
             for change in diff.regressions]
    lines.append(gh.command("notice", _headline(diff), "checker diff"))
    return "\n".join(lines) + "\n"


def sarif(diff: Diff) -> str:
    from checker.formats import sarif as sarif_

    """SARIF 2.1.0: one rule per regressed control, results on the YAML lines."""
    rules = sorted({c.subject: c.title for c in diff.regressions}.items())
    results = []
    for change in diff.regressions:
        result: dict[str, Any] = {"ruleId": change.subject, "level": "error",
                                  "message": {"text": f"{change.before} -> {change.after}: "
                                                      f"{change.detail}"}}
        if change.location:
            result["locations"] = [sarif_.location(change.location)]
        results.append(result)
    return sarif_.document(diff.head.tool_version,
                           [{"id": rule_id, "shortDescription": {"text": title}}
                            for rule_id, title in rules], results)


DIFF_FORMATS: dict[str, Callable[[Diff], str]] = {
    "github": github, "json": json_, "markdown": markdown, "sarif": sarif, "table": table}
