"""A result's answer in the SAQ's own vocabulary (PCI DSS v4.0.1 SAQ response options)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from checker.model import Result, Status


class Response(str, Enum):
    IN_PLACE = "In Place"
    IN_PLACE_CCW = "In Place with CCW"
    NOT_APPLICABLE = "Not Applicable"
    NOT_TESTED = "Not Tested"
    NOT_IN_PLACE = "Not in Place"


#: The Appendix B compensating controls worksheet, in the worksheet's order.
CCW_FIELDS = ("constraints", "objective", "identified_risk", "definition", "validation",
              "maintenance")


@dataclass(frozen=True, slots=True)
class Answer:
    response: Response
    explanation: str  # Appendix C (Not Applicable) / Part 4 (Not in Place) / CCW summary
    ccw: tuple[tuple[str, str], ...] = ()


def answer(result: Result) -> Answer:
    """Map a status to a response. Fail closed: anything not shown to be in place, and not
    out of scope, is Not in Place. ``Not Tested`` is never produced: only an assessor can
    decide that a requirement was left untested."""
    status = result.status
    if status is Status.PASS:
        return Answer(Response.IN_PLACE, "")
    if status is Status.NOT_APPLICABLE:
        return Answer(Response.NOT_APPLICABLE, result.reason)
    if status is Status.WAIVED and result.waiver is not None:
        waiver = result.waiver
        fields = dict(waiver.ccw)
        missing = [f for f in CCW_FIELDS if not fields.get(f)]
        if waiver.compensating_control and not missing:
            return Answer(Response.IN_PLACE_CCW, waiver.compensating_control,
                          tuple((f, fields[f]) for f in CCW_FIELDS))
        if waiver.compensating_control:
            return Answer(Response.NOT_IN_PLACE, "compensating control without a complete "
                          f"Appendix B worksheet (missing: {', '.join(missing)}); "
                          f"waived until {waiver.expires}: {waiver.reason}")
        return Answer(Response.NOT_IN_PLACE, f"risk accepted by waiver until "
                      f"{waiver.expires}, with no compensating control: {waiver.reason}")
    if status is Status.ERROR:
        return Answer(Response.NOT_IN_PLACE, f"could not be evaluated: {result.reason}")
    findings = "; ".join(f.message + (f" ({f.location})" if f.location else "")
                         for f in result.findings)
    return Answer(Response.NOT_IN_PLACE, f"{result.reason}: {findings}" if findings
                  else result.reason)
