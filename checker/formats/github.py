"""GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message`` per finding.

Annotations are plain text (GitHub renders no Markdown or HTML in them), so evidence text is
only made ``text.visible`` (no terminal escapes reach the job log) and command-escaped (a
newline cannot start a command of its own)."""

from __future__ import annotations

from checker import report
from checker.errors import Location
from checker.model import Assessment, Status
from checker.report import View
from checker.text import visible

_LEVEL = {Status.FAIL: "error", Status.ERROR: "error", Status.GAP: "warning"}


def escape(text: str, property_: bool = False) -> str:
    """Escape data (and, for properties, also ``:`` and ``,``) as the runner expects; other
    control characters are shown as escape text."""
    text = visible(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def command(level: str, message: str, title: str, location: Location | None = None) -> str:
    """One workflow command; located at the file and line when known."""
    props = []
    if location is not None and location.file:
        props.append(f"file={escape(location.file, True)}")
        if location.line:
            props.append(f"line={location.line}")
    props.append(f"title={escape(title, True)}")
    return f"::{level} {','.join(props)}::{escape(message)}"


def render(assessment: Assessment, view: View = report.RUN) -> str:
    lines = []
    for gap in report.gaps(assessment):
        result = gap.result
        title = f"{result.control.id} {result.verdict}: {result.control.title}"
        level = _LEVEL[result.status]
        if result.findings:
            lines += [command(level, f.message, title, f.location) for f in result.findings]
        else:
            lines.append(command(level, result.reason, title, report.anchor(result, assessment)))
    for item in report.due(assessment, view):
        lines.append(command("warning", f"{item.evidence.id} {item.why}; renew by "
                             f"{item.last_day}", f"{item.control.id} evidence due",
                             item.evidence.location))
    lines += [command("warning", notice.message, "checker notice", notice.location)
              for notice in assessment.notices]
    lines.append(command("notice", report.provenance(assessment),
                         f"checker: {report.summary_line(assessment)}"))
    return "\n".join(lines) + "\n"
