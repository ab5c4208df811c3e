"""The PSN Remediation Action Plan: the gap list as the CSV a PSN submission attaches."""

from __future__ import annotations

from checker import report
from checker.formats.csv_ import write
from checker.model import Assessment, Status
from checker.report import View

COLUMNS = ("issue", "risk rating", "owner", "action", "target date", "status")

#: Provenance, after the RAP's own columns so the plan pastes into a template unchanged.
PROVENANCE = ("as_of", "tool_version", "inputs_sha256")

_RISK = {"critical": "Critical", "high": "High", "medium": "Medium", "low": "Low"}
_STATE = {Status.FAIL: "Open", Status.GAP: "Open - evidence missing or stale",
          Status.ERROR: "Open - could not be assessed"}


def render(assessment: Assessment, view: View = report.RUN) -> str:
    """One row per open control, most severe first; the view does not change the plan."""
    stamp = (assessment.as_of, assessment.tool_version, assessment.inputs_digest)
    rows = []
    for gap in report.gaps(assessment):
        result = gap.result
        issue = "; ".join([f"{result.control.id} {result.control.title}: {result.reason}",
                           *report.finding_ref(result)])
        rows.append((issue, _RISK.get(result.control.severity, result.control.severity),
                     gap.owner, result.control.remediation, gap.due, _STATE[result.status],
                     *stamp))
    return write((*COLUMNS, *PROVENANCE), rows)
