"""GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message`` per finding.

Annotations are plain text (GitHub renders no Markdown or HTML in them), so evidence text is
only made ``text.visible`` (no terminal escapes reach the job log) and command-escaped (a
newline cannot start a command of its own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker import diffreport, report
from checker.errors import Location
from checker.model import Assessment, Status
from checker.report import View
from checker.text import visible

if TYPE_CHECKING:
    from checker.diff import Diff

NAME = "github"
VIEWS = frozenset({"run", "gaps", "due", "diff"})
EXTENSIONS: tuple[str, ...] = ()


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

def render_diff(diff: Diff) -> str:
    """The diff view: one ::error per regression and unapproved scope change, on its YAML
    line; a warning per approved scope change and per note."""
    lines = [command("error", change.detail,
                     f"{change.subject} {change.before} -> {change.after}", change.location)
             for change in diff.regressions]
    lines += [command("warning" if change.approval else "error", change.detail,
                      f"{change.subject} scope change {change.before} -> {change.after}"
                      f"{' (approved)' if change.approval else ''}", change.location)
              for change in diff.scope_changes]
    lines += [command("warning", note, "checker diff") for note in diff.notes]
    lines.append(command("notice", diffreport.headline(diff), "checker diff"))
    return "\n".join(lines) + "\n"
