"""SARIF 2.1.0 for code scanning: one rule per control, results on the evidence YAML lines.

A waived control keeps the level of the verdict under the waiver (a waived gap is a warning)
and says so twice: an accepted external ``suppression`` whose justification is the waiver,
and ``properties.underlying_status``. Every string is ``text.visible``."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from checker import report
from checker.errors import Location, Problem
from checker.model import Assessment, Result, Status
from checker.report import View
from checker.text import in_data

if TYPE_CHECKING:
    from checker.diff import Diff

NAME = "sarif"
VIEWS = frozenset({"run", "diff"})
EXTENSIONS: tuple[str, ...] = (".sarif",)


SARIF_SCHEMA = ("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/"
                "sarif-schema-2.1.0.json")

#: Paths in reports are relative to the repository root the command ran in.
SRCROOT = "%SRCROOT%"

_LEVEL = {Status.FAIL: "error", Status.ERROR: "error", Status.GAP: "warning"}


def location(where: Location) -> dict[str, Any]:
    """A SARIF location for a file (and line/column when known): relative to %SRCROOT% (the
    repository root) as reports name files, or a file URI for an absolute path."""
    path = PurePosixPath(where.file)
    artifact = ({"uri": Path(where.file).as_uri()} if path.is_absolute() else
                {"uri": quote(where.file), "uriBaseId": SRCROOT})
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if where.line:
        region = {"startLine": where.line}
        if where.column:
            region["startColumn"] = where.column
        physical["region"] = region
    return {"physicalLocation": physical}


def document(version: str, rules: list[dict[str, Any]], results: list[dict[str, Any]],
             properties: dict[str, Any] | None = None,
             notices: tuple[Problem, ...] = ()) -> str:
    """A one-run SARIF log as JSON text; notices (an expired waiver, say) are the run's
    tool execution notifications."""
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "checker", "version": version, "rules": rules}},
        "results": results,
    }
    if notices:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [
            {"level": "warning", "message": {"text": n.message},
             "locations": [location(n.location)]} for n in notices]}]
    if properties:
        run["properties"] = properties
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    # Compact, so that the C encoder writes it: indenting a log of tens of thousands of
    # results in pure Python cost seconds and more memory than the log itself.
    return json.dumps(in_data(log), ensure_ascii=False, separators=(",", ":")) + "\n"


def render(assessment: Assessment, view: View = report.RUN) -> str:
    rules = [_rule(r) for r in assessment.results]
    index = {r.control.id: i for i, r in enumerate(assessment.results)}
    results = []
    for result in assessment.results:
        if result.underlying_status in _LEVEL:
            results += _results(result, index[result.control.id],
                                report.anchor(result, assessment))
    properties = {"as_of": assessment.as_of, "inputs_digest": assessment.inputs_digest,
                  "organisation": assessment.organisation}
    return document(assessment.tool_version, rules, results, properties, assessment.notices)


def _rule(result: Result) -> dict[str, Any]:
    control = result.control
    return {
        "id": control.id,
        "name": control.id.replace("-", "").replace(".", "_"),
        "shortDescription": {"text": control.title},
        "fullDescription": {"text": control.requirement},
        "help": {"text": control.remediation},
        "defaultConfiguration": {"level": "error" if control.severity in ("critical", "high")
                                 else "warning"},
        "properties": {"framework": control.framework, "area": control.area,
                       "severity": control.severity, "policy": control.policy,
                       "tags": [control.framework, control.area, control.severity]},
    }


def _results(result: Result, rule_index: int, where: Location) -> list[dict[str, Any]]:
    control = result.control
    base: dict[str, Any] = {"ruleId": control.id, "ruleIndex": rule_index,
                            "level": _LEVEL[result.underlying_status]}
    if result.waiver is not None:
        base["suppressions"] = [{"kind": "external", "status": "accepted",
                                 "justification": report.waiver_ref(result),
                                 "location": location(result.waiver.location)}]
    base["properties"] = {"status": result.status.value,
                          "underlying_status": result.underlying_status.value}
    if result.findings:
        return [{**base, "message": {"text": f"{control.id}: {f.message}"},
                 "locations": [location(f.location or where)]}
                for f in result.findings]
    return [{**base, "message": {"text": f"{control.id} {result.verdict}: {result.reason}"},
             "locations": [location(where)]}]

def render_diff(diff: Diff) -> str:
    """The diff view: one rule per regressed or descoped control, results on the YAML lines
    (an approved scope change is a note, an unapproved one an error)."""
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
            result["locations"] = [location(change.location)]
        results.append(result)
    return document(diff.head.tool_version,
                    [{"id": rule_id, "shortDescription": {"text": title}}
                     for rule_id, title in rules], results)
