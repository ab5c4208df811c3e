"""Machine-readable results, versioned and described by ``schemas/results.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from checker.model import Assessment, Evidence, Finding, Result, Status, Waiver

SCHEMA_ID = "urn:checker:schema:results:v1"
SCHEMA_VERSION = 1


def render(assessment: Assessment) -> str:
    return json.dumps(document(assessment), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def document(assessment: Assessment) -> dict[str, Any]:
    """The results as plain JSON data (also what ``diff --baseline`` reads back)."""
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "checker", "version": assessment.tool_version},
        "as_of": assessment.as_of,
        "organisation": assessment.organisation,
        "inputs_digest": assessment.inputs_digest,
        "summary": summary(assessment),
        "frameworks": [
            {"key": f.key, "name": f.name, "version": f.version,
             "summary": summary(assessment, f.key)}
            for f in assessment.frameworks
        ],
        "controls": [_result(r) for r in assessment.results],
        "gaps": [r.control.id for r in assessment.gaps()],
        "notices": [{"file": n.location.file, "line": n.location.line, "message": n.message}
                    for n in assessment.notices],
    }


def summary(assessment: Assessment, framework: str | None = None) -> dict[str, int]:
    counts = assessment.counts(framework)
    return {"total": sum(counts.values()), **{s.value: counts.get(s, 0) for s in Status}}


def _result(result: Result) -> dict[str, Any]:
    control = result.control
    return {
        "id": control.id,
        "framework": control.framework,
        "title": control.title,
        "area": control.area,
        "severity": control.severity,
        "mode": control.mode,
        "status": result.status.value,
        "reason": result.reason,
        "policy": control.policy,
        "maps_to": list(control.maps_to),
        "remediation": control.remediation,
        "evidence": [_evidence(e) for e in result.evidence],
        "findings": [_finding(f) for f in result.findings],
        "waiver": _waiver(result.waiver) if result.waiver else None,
    }


def _waiver(waiver: Waiver) -> dict[str, Any]:
    return {
        "reason": waiver.reason,
        "approved_by": waiver.approved_by,
        "approved_on": waiver.approved_on,
        "expires": waiver.expires,
        "evidence": waiver.evidence,
        "compensating_control": waiver.compensating_control,
        "file": waiver.location.file,
        "line": waiver.location.line,
    }


def _evidence(item: Evidence) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "owner": item.owner,
        "file": item.location.file,
        "line": item.location.line,
        "collected": item.collected,
        "expires": item.expires,
        "sha256": item.file_digest,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    where = finding.location
    return {
        "message": finding.message,
        "evidence": finding.evidence_id,
        "path": finding.path,
        "file": where.file if where else None,
        "line": where.line if where else None,
        "column": where.column if where else None,
    }
