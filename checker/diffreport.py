"""Render a Diff for people (table, markdown) and for CI (json, github, sarif)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tabulate import tabulate

from checker.diff import Change, Diff

SARIF_SCHEMA = ("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/"
                "sarif-schema-2.1.0.json")


def _headline(diff: Diff) -> str:
    count = len(diff.regressions)
    verdict = f"{count} regression{'s' * (count != 1)}" if count else "no regressions"
    return (f"checker diff against {diff.base} as of {diff.head.as_of}: {verdict}, "
            f"{len(diff.improvements)} improved (inputs sha256 {diff.head.inputs_digest[:16]})")


def _rows(changes: tuple[Change, ...]) -> list[list[str]]:
    return [[c.subject, c.before or "-", c.after or "-", c.detail, str(c.location or "")]
            for c in changes]


_HEADERS = ["control", "before", "after", "why", "where"]


def table(diff: Diff) -> str:
    parts = [_headline(diff)]
    for label, changes in (("Regressions", diff.regressions), ("Improvements", diff.improvements)):
        if changes:
            parts += ["", label, tabulate(_rows(changes), headers=_HEADERS, maxcolwidths=[None,
                                                                                         None, None,
                                                                                         60, None])]
    return "\n".join(parts) + "\n"


def markdown(diff: Diff) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    parts = [f"### {'❌' if diff.regressions else '✅'} {cell(_headline(diff))}"]
    for label, changes in (("Regressions", diff.regressions), ("Improvements", diff.improvements)):
        if changes:
            parts += ["", f"**{label}**", "", "| control | before | after | why | where |",
                      "| --- | --- | --- | --- | --- |"]
            parts += ["| " + " | ".join(cell(v) for v in row) + " |" for row in _rows(changes)]
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
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape(text: str, property_: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def github(diff: Diff) -> str:
    """GitHub Actions workflow commands: one ::error per regression, on its YAML line."""
    lines = []
    for change in diff.regressions:
        props = [f"title={_escape(f'{change.subject} {change.before} -> {change.after}', True)}"]
        if change.location:
            props[:0] = [f"file={_escape(change.location.file, True)}",
                         f"line={change.location.line}"]
        lines.append(f"::error {','.join(props)}::{_escape(change.detail)}")
    lines.append(f"::notice title=checker diff::{_escape(_headline(diff))}")
    return "\n".join(lines) + "\n"


def sarif(diff: Diff) -> str:
    """SARIF 2.1.0: one rule per regressed control, results on the YAML lines."""
    rules = sorted({c.subject: c.title for c in diff.regressions}.items())
    results = []
    for change in diff.regressions:
        result: dict[str, Any] = {"ruleId": change.subject, "level": "error",
                                  "message": {"text": f"{change.before} -> {change.after}: "
                                                      f"{change.detail}"}}
        if change.location:
            region = {"startLine": change.location.line}
            if change.location.column:
                region["startColumn"] = change.location.column
            result["locations"] = [{"physicalLocation": {
                "artifactLocation": {"uri": change.location.file}, "region": region}}]
        results.append(result)
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "checker", "version": diff.head.tool_version,
                            "rules": [{"id": rule_id, "shortDescription": {"text": title}}
                                      for rule_id, title in rules]}},
        "results": results,
    }]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


DIFF_FORMATS: dict[str, Callable[[Diff], str]] = {
    "github": github, "json": json_, "markdown": markdown, "sarif": sarif, "table": table}
