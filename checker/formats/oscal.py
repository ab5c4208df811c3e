"""OSCAL 1.1.2 assessment-results: observations from evidence, a finding per control.

Every uuid is a uuid5 of the inputs digest, the assessment date and the thing it names, so
the same inputs give the same document. Evidence files are back-matter resources carrying
their sha256; observations cite them; findings cite the observations behind them.

A waived control's finding carries a ``underlying-status`` prop (fail or gap) beside its
``status`` prop (waived). Every string is ``text.visible``; titles, which OSCAL keeps to one
line, are ``text.for_terminal``, and file names in links are percent-encoded.
"""

from __future__ import annotations

import json
import uuid
from typing import Any
from urllib.parse import quote

from checker import report
from checker.model import Assessment, Evidence, Result, Status
from checker.report import View
from checker.text import for_terminal, in_data

NAME = "oscal"
VIEWS = frozenset({"run", "matrix"})
EXTENSIONS: tuple[str, ...] = ()


OSCAL_VERSION = "1.1.2"
NS = "urn:checker:oscal"


def render(assessment: Assessment, view: View = report.RUN) -> str:
    return json.dumps(in_data(document(assessment)), indent=2, ensure_ascii=False) + "\n"


def document(assessment: Assessment) -> dict[str, Any]:
    ids = _Ids(assessment)
    timestamp = f"{assessment.as_of}T00:00:00Z"
    evidence = _unique_evidence(assessment)
    files = sorted({e.location.file: e.file_digest for e in evidence}.items())
    observations = [_observation(e, ids, timestamp) for e in evidence]
    findings = [_finding(r, ids) for r in assessment.results]
    resources = [{
        "uuid": ids("catalogue"), "title": "Control catalogue and policies assessed",
        "description": "The checker catalogue, Rego policies, evidence and waivers; their "
                       f"combined sha256 is {assessment.inputs_digest}.",
        "props": [_prop("inputs-sha256", assessment.inputs_digest)],
    }] + [{
        "uuid": ids("file", name), "title": for_terminal(name),
        "rlinks": [{"href": quote(name), "media-type": "application/yaml",
                    "hashes": [{"algorithm": "SHA-256", "value": digest}]}],
    } for name, digest in files]
    return {"assessment-results": {
        "uuid": ids("assessment-results"),
        "metadata": {
            "title": for_terminal(f"checker assessment of "
                                  f"{assessment.organisation or 'the organisation'}"
                                  f" as of {assessment.as_of}"),
            "last-modified": timestamp,
            "version": assessment.tool_version,
            "oscal-version": OSCAL_VERSION,
            "props": [_prop("inputs-sha256", assessment.inputs_digest),
                      _prop("tool-version", assessment.tool_version)],
        },
        "import-ap": {"href": f"#{ids('catalogue')}",
                      "remarks": "No separate assessment plan: the plan is the catalogue."},
        "results": [{
            "uuid": ids("result"),
            "title": f"Assessment as of {assessment.as_of}",
            "description": report.provenance(assessment),
            "start": timestamp,
            "end": timestamp,
            "reviewed-controls": {"control-selections": [{"include-all": {}}]},
            **({"observations": observations} if observations else {}),
            **({"findings": findings} if findings else {}),
        }],
        "back-matter": {"resources": resources},
    }}


class _Ids:
    """uuid5 names under a namespace fixed by the inputs digest and the assessment date."""

    def __init__(self, assessment: Assessment) -> None:
        self._namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:checker:assessment:"
                                                         f"{assessment.inputs_digest}:"
                                                         f"{assessment.as_of}")

    def __call__(self, *parts: str) -> str:
        return str(uuid.uuid5(self._namespace, "/".join(parts)))


def _prop(name: str, value: str) -> dict[str, str]:
    return {"name": name, "ns": NS, "value": value}


def _unique_evidence(assessment: Assessment) -> list[Evidence]:
    seen: dict[tuple[str, str], Evidence] = {}
    for result in assessment.results:
        for item in result.evidence:
            seen.setdefault((item.location.file, item.id), item)
    return sorted(seen.values(), key=lambda e: (e.location, e.id))


def _observation(item: Evidence, ids: _Ids, timestamp: str) -> dict[str, Any]:
    observation: dict[str, Any] = {
        "uuid": ids("observation", item.location.file, item.id),
        "title": for_terminal(item.title),
        "description": f"Evidence {item.id} ({item.kind}) owned by {item.owner}, declared at "
                       f"{item.location}.",
        "props": [_prop("evidence-id", item.id), _prop("evidence-kind", item.kind),
                  _prop("file-sha256", item.file_digest)],
        "methods": ["EXAMINE"],
        "relevant-evidence": [{"href": f"#{ids('file', item.location.file)}",
                               "description": f"{item.location}"}],
        "collected": f"{item.collected[:10]}T00:00:00Z",
    }
    if item.expires:
        observation["expires"] = f"{item.expires[:10]}T00:00:00Z"
    return observation


def _target_status(result: Result, satisfied: bool) -> dict[str, Any]:
    """OSCAL knows only satisfied / not-satisfied with reason pass, fail or other: n/a, a
    waiver and an evaluation error are 'other', with the reason in the remarks, so nothing
    out of scope or unevaluated reads as a plain pass or fail."""
    state = "satisfied" if satisfied else "not-satisfied"
    if result.status in (Status.PASS, Status.FAIL, Status.GAP):
        return {"state": state, "reason": "pass" if satisfied else "fail"}
    return {"state": state, "reason": "other",
            "remarks": f"{result.status.label}: {result.reason}"}


def _finding(result: Result, ids: _Ids) -> dict[str, Any]:
    control = result.control
    satisfied = result.status in (Status.PASS, Status.NOT_APPLICABLE)
    lines = [f"{result.verdict}: {result.reason}", *report.finding_ref(result)]
    if result.waiver:
        lines.append(f"waived: {report.waiver_ref(result)}")
    finding: dict[str, Any] = {
        "uuid": ids("finding", control.id),
        "title": for_terminal(f"{control.id} {control.title}"),
        "description": "\n".join(lines),
        "props": [_prop("status", result.status.value), _prop("severity", control.severity),
                  _prop("framework", control.framework), _prop("policy", control.policy),
                  *([_prop("underlying-status", result.underlying_status.value)]
                    if result.waived_status is not None else []),
                  *([_prop("level", result.level.value)] if result.level else []),
                  *([_prop("target-level", result.target.value)] if result.target else [])],
        "target": {
            "type": "objective-id", "target-id": control.id,
            "status": _target_status(result, satisfied),
        },
    }
    if result.evidence:
        finding["related-observations"] = [
            {"observation-uuid": ids("observation", e.location.file, e.id)}
            for e in result.evidence]
    return finding
