"""What the commands do between parsing options and exiting, callable without click: assess
an evidence directory, pick the format for a view, record the run in history, render and
write (refusing binary on a terminal), and report evaluation errors on stderr."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from checker.errors import ExitCode
from checker.model import Assessment, FailOn, Status
from checker.output import emit
from checker.progress import progress
from checker.text import for_terminal

if TYPE_CHECKING:
    from checker.history.trend import Trend
    from checker.report import View


def assess(evidence_dir: Path, as_of: str, settings: Mapping[str, Any]) -> Assessment:
    """``assess_directory`` with a progress indicator on a terminal's stderr."""
    from checker.inputs import assess_directory

    with progress("evaluating controls..."):
        return assess_directory(evidence_dir, as_of, **settings)


def choose_format(format_name: str | None, output: Path | None, view: str,
                  default: str) -> str:
    """``--format`` if given, else the format the --output extension names, else
    ``default``; refused (exit 2) when that format cannot render ``view``."""
    from checker.formats import entries, for_output, names

    name = format_name or (for_output(output) if output is not None else None) or default
    if view not in entries()[name].views:
        source = f"--format {name}" if format_name else f"--output {output} (format {name})"
        raise click.UsageError(f"{source} cannot render the {view} view; formats that can: "
                               f"{', '.join(names(view))}")
    return name


def stdout_is_tty() -> bool:
    """Whether standard output is a terminal (binary formats refuse to print there)."""
    return sys.stdout.isatty()


def write(content: str | bytes, output: Path | None) -> None:
    """Print or write a rendered document; bytes never go to a terminal."""
    if isinstance(content, bytes) and output is None and stdout_is_tty():
        raise click.UsageError("this format is binary: write it with --output FILE")
    emit(content, output)


def publish(assessment: Assessment, format_name: str, view: View, output: Path | None) -> None:
    """Render an assessment view and write it; with --output, one summary line still goes
    to the terminal."""
    from checker.formats import render
    from checker.report import summary_line

    write(render(format_name, view.kind, assessment, view), output)
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


#: ``--history off`` records nothing.
HISTORY_OFF = "off"


def history_store(option: str | None, evidence_dir: Path) -> Path | None:
    """The store a run records in: --history PATH, none for ``off``, else the default
    inside the evidence directory."""
    if option == HISTORY_OFF:
        return None
    from checker.history.store import DEFAULT

    return Path(option) if option else evidence_dir / DEFAULT


def record(assessment: Assessment, store: Path | None, explicit: bool) -> Trend | None:
    """Record the run and return the trend up to its as-of. A store named with --history
    that cannot be written is an input error; the default one is a warning (a read-only
    checkout still gets its report), never silent."""
    if store is None:
        return None
    from checker.errors import InputError
    from checker.history import snapshot
    from checker.history import store as history
    from checker.history.trend import trend

    try:
        history.record(store, snapshot.from_assessment(assessment))
        return trend(history.snapshots(store, up_to=assessment.as_of))
    except InputError as exc:
        if explicit:
            raise
        for problem in exc.problems:
            click.echo(f"warning: history not recorded: {problem}", err=True)
        return None


def recorded(option: str | None, evidence_dir: Path, as_of: str) -> Trend | None:
    """The recorded trend up to ``as_of`` when a store exists (read, never written): what
    ``matrix`` shows beside the report."""
    from checker.history.store import snapshots
    from checker.history.trend import trend

    store = history_store(option, evidence_dir)
    if store is None or (option is None and not store.is_file()):
        return None
    return trend(snapshots(store, up_to=as_of))


def due_exit_code(assessment: Assessment, due: int) -> ExitCode:
    """``gaps --due-within``: 3 when anything could not be evaluated, 1 when any evidence is
    due within the window, else 0."""
    from checker.freshness import due_within

    if any(r.status is Status.ERROR for r in assessment.results):
        return ExitCode.EVALUATION_ERROR
    return ExitCode.FINDINGS if due_within(assessment, due) else ExitCode.OK


def run_many(evidence_dirs: tuple[Path, ...], jobs: int, format_name: str,
             output: Path | None, fail_on: FailOn, options: dict[str, Any]) -> int:
    """Several evidence packs (one per organisation): json, a list of documents; table, one
    section each. Returns the worst exit code."""
    from checker import fanout
    from checker.formats import json_, table
    from checker.inputs import assess_directory

    if format_name not in ("json", "table"):
        raise click.UsageError("several --evidence directories need --format json or table")
    renderer = fanout.json_results if format_name == "json" else table.render
    outcomes = fanout.assess_many(evidence_dirs, jobs, options, assess_directory, renderer,
                                  fail_on)
    for outcome in outcomes:
        for problem in outcome.problems:
            click.echo(f"error: {problem}", err=True)
    if format_name == "json":
        emit(fanout.render_json(outcomes, fail_on, json_.document), output)
    else:
        emit(fanout.render_sections(outcomes, fail_on, table.render), output)
    return fanout.worst(outcomes, fail_on)
