"""The reporting commands (matrix, gaps, explain) and the one path every report takes to the
terminal or a file: render, refuse binary on a terminal, write atomically, summarise."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from checker.errors import InputError
from checker.formats import DUE_FORMATS, FORMATS, GAP_FORMATS, Format
from checker.model import Assessment, FailOn, Status
from checker.options import (
    as_of_option,
    assess_settings,
    catalogue_options,
    engine_option,
    evidence_option,
    framework_option,
    output_options,
    run_options,
    today,
)
from checker.output import emit
from checker.progress import progress
from checker.text import for_terminal, visible

if TYPE_CHECKING:
    from checker.report import View


def assess(evidence_dir: Path, as_of: str | None, *, controls_dir: Path | None,
           policies_dir: Path | None, frameworks: tuple[str, ...], engine: str) -> Assessment:
    """``assess_directory`` with a progress indicator on a terminal's stderr."""
    from checker.inputs import assess_directory

    settings = assess_settings(controls_dir, policies_dir, frameworks, engine)
    with progress("evaluating controls..."):
        return assess_directory(evidence_dir, as_of or today(), **settings)


def stdout_is_tty() -> bool:
    """Whether standard output is a terminal (binary formats refuse to print there)."""
    return sys.stdout.isatty()


def publish(assessment: Assessment, renderer: Format, view: View, output: Path | None) -> None:
    """Render and write; with --output, one summary line still goes to the terminal."""
    from checker.report import summary_line

    content = renderer.render(assessment, view)
    if isinstance(content, bytes) and output is None and stdout_is_tty():
        raise click.UsageError("this format is binary: write it with --output FILE")
    emit(content, output)
    if output is not None:
        click.echo(f"wrote {output}: {summary_line(assessment)}; as of {assessment.as_of}, "
                   f"inputs sha256 {assessment.inputs_digest[:16]}", err=True)
    explain_errors(assessment)


def explain_errors(assessment: Assessment) -> None:
    """When any control is an error the exit code says 3; say why on stderr too, whatever
    the format on stdout."""
    errors = [r for r in assessment.results if r.status is Status.ERROR]
    if errors:
        click.echo(f"error: {len(errors)} control{'s' * (len(errors) != 1)} could not be "
                   f"evaluated; first, {errors[0].control.id}: {for_terminal(errors[0].reason)}",
                   err=True)


class Days(click.ParamType):
    """A look-ahead window: ``30d`` or ``30`` (days)."""

    name = "DAYS"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"(\d{1,5})d?", str(value).strip())
        if not match:
            self.fail(f"{value!r} is not a number of days such as 30d", param, ctx)
        return int(match.group(1))


@click.command(epilog="""\b
Examples:
  checker matrix --evidence evidence/example
  checker matrix --format html --output matrix.html
  checker matrix --format xlsx --output matrix.xlsx""")
@evidence_option
@catalogue_options
@framework_option
@as_of_option
@run_options
@output_options(list(FORMATS), "table")
def matrix(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
           frameworks: tuple[str, ...], as_of: str | None, fail_on: str, engine: str,
           format_name: str, output: Path | None) -> None:
    """The auditor's control matrix: every control with the evidence (file:line, collected
    date, sha256) behind its verdict, findings, waiver and mapped controls, and coverage per
    framework."""
    assessment = assess(evidence_dir, as_of, controls_dir=controls_dir,
                        policies_dir=policies_dir, frameworks=frameworks, engine=engine)
    from checker.report import View

    publish(assessment, FORMATS[format_name], View("matrix"), output)
    click.get_current_context().exit(int(assessment.exit_code(FailOn(fail_on))))


@click.command(epilog="""\b
Examples:
  checker gaps --evidence evidence/example
  checker gaps --format rap --output rap.csv
  checker gaps --due-within 30d
\b
Due dates: critical 14 days, high 30, medium 90, low 180 from --as-of, or sooner when evidence
behind the control stops counting sooner (see docs/auditors.md).""")
@evidence_option
@catalogue_options
@framework_option
@as_of_option
@run_options
@output_options(list(GAP_FORMATS), "table")
@click.option("--due-within", type=Days(), default=None, metavar="DAYS",
              help="Instead, list evidence that stops counting within this many days (30d).")
def gaps(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
         frameworks: tuple[str, ...], as_of: str | None, fail_on: str, engine: str,
         format_name: str, output: Path | None, due_within: int | None) -> None:
    """Every fail, gap and error, most severe first, with owner, remediation and due date;
    `--format rap` writes the PSN Remediation Action Plan (CSV)."""
    if due_within is not None and format_name not in DUE_FORMATS:
        raise click.UsageError(f"--due-within works with --format {', '.join(DUE_FORMATS)}")
    assessment = assess(evidence_dir, as_of, controls_dir=controls_dir,
                        policies_dir=policies_dir, frameworks=frameworks, engine=engine)
    from checker.report import View

    publish(assessment, GAP_FORMATS[format_name], View("gaps", due_within), output)
    click.get_current_context().exit(int(assessment.exit_code(FailOn(fail_on))))


@click.command(epilog="""\b
Examples:
  checker explain PCI-8.3.6 --evidence evidence/example
  checker explain PSN-OPS-01 --as-of 2026-03-31""")
@evidence_option
@catalogue_options
@as_of_option
@engine_option
@click.argument("control_id")
def explain(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
            as_of: str | None, engine: str, control_id: str) -> None:
    """Why one control has its status: the rule queried, the evidence it saw (file:line), each
    finding, the freshness arithmetic, any waiver, and applicability."""
    assessment = assess(evidence_dir, as_of, controls_dir=controls_dir,
                        policies_dir=policies_dir, frameworks=(), engine=engine)
    if not any(r.control.id == control_id for r in assessment.results):
        raise InputError(f"no control '{control_id}' (see `checker controls list`)")
    from checker.explain import explain as explain_control

    click.echo(visible(explain_control(assessment, control_id), keep="\n"), nl=False)
