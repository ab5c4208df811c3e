"""JUnit XML for CI test reports: one testsuite per framework, one testcase per control.

Fail and gap are failures carrying the findings, error is an error, n/a and waived are
skipped (with the reason). A waived control's skipped message starts ``waived fail:`` or
``waived gap:`` and its text carries the findings; the suite also has a property
``underlying_status:<control id>`` for each, so a CI dashboard can filter on it.
Every string is ``text.visible``: characters illegal in XML 1.0 show as escape text.

Valid against the strict Ant schema (windyroad JUnit.xsd) and Jenkins xUnit's: every suite
has timestamp (as_of at midnight), hostname, properties, system-out and system-err; times
are 0 so that reruns give the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker import report
from checker.model import Assessment, Result, Status
from checker.report import View
from checker.text import visible

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

NAME = "junit"
VIEWS = frozenset({"run"})
EXTENSIONS: tuple[str, ...] = (".xml",)


_FAILURE = {Status.FAIL: "failure", Status.GAP: "failure", Status.ERROR: "error",
            Status.NOT_APPLICABLE: "skipped", Status.WAIVED: "skipped"}


def render(assessment: Assessment, view: View = report.RUN) -> str:
    import xml.etree.ElementTree as ET  # only when JUnit is asked for

    root = ET.Element("testsuites")
    for index, framework in enumerate(assessment.frameworks):
        results = [r for r in assessment.results if r.control.framework == framework.key]
        counts = assessment.counts(framework.key)
        suite = ET.SubElement(root, "testsuite", {
            "name": framework.name, "package": f"checker.{framework.key}", "id": str(index),
            "timestamp": f"{assessment.as_of}T00:00:00", "hostname": "checker",
            "tests": str(len(results)),
            "failures": str(counts.get(Status.FAIL, 0) + counts.get(Status.GAP, 0)),
            "errors": str(counts.get(Status.ERROR, 0)),
            "skipped": str(counts.get(Status.NOT_APPLICABLE, 0) + counts.get(Status.WAIVED, 0)),
            "time": "0"})
        properties = ET.SubElement(suite, "properties")
        for name, value in (("as_of", assessment.as_of),
                            ("tool_version", assessment.tool_version),
                            ("inputs_sha256", assessment.inputs_digest),
                            ("organisation", assessment.organisation),
                            ("framework_version", framework.version),
                            *((f"underlying_status:{r.control.id}", r.underlying_status.value)
                              for r in results if r.waived_status is not None)):
            ET.SubElement(properties, "property", {"name": name, "value": value})
        for result in results:
            _testcase(suite, result)
        ET.SubElement(suite, "system-out").text = report.provenance(assessment)
        ET.SubElement(suite, "system-err").text = "\n".join(
            f"notice: {n}" for n in assessment.notices) or None
    _visible(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _testcase(suite: ET.Element, result: Result) -> None:
    import xml.etree.ElementTree as ET

    control = result.control
    case = ET.SubElement(suite, "testcase", {
        "name": f"{control.id} {control.title}", "classname": f"{control.framework}.{control.area}",
        "time": "0"})
    if result.target is not None:  # a levelled (CAF) outcome: the level beside any verdict
        ET.SubElement(case, "system-out").text = (
            f"level: {result.level.label if result.level else 'none'}; "
            f"target: {result.target.label}")
    tag = _FAILURE.get(result.status)
    if tag is None:
        return
    message = result.reason
    if result.status is Status.WAIVED:
        message = f"waived {result.underlying_status.value}: {report.waiver_ref(result)}"
    child = ET.SubElement(case, tag, {"message": message, **({"type": result.status.value}
                                                            if tag != "skipped" else {})})
    if tag != "skipped" or result.status is Status.WAIVED:
        child.text = "\n".join([result.reason, *report.finding_ref(result),
                                *(f"evidence: {report.evidence_ref(e)}" for e in result.evidence),
                                f"remediation: {control.remediation}"])


def _visible(root: ET.Element) -> None:
    """Every attribute and text made ``text.visible``, so the document is XML 1.0."""
    for element in root.iter():
        element.attrib.update({k: visible(v) for k, v in element.attrib.items()})
        if element.text:
            element.text = visible(element.text)
