"""The ``checker`` command line: bind options, call the runner, render, return an exit code."""

from __future__ import annotations

import json
import signal
import tempfile
import traceback
from pathlib import Path
from typing import Any

import click

from checker import __version__
from checker.diffreport import DIFF_FORMATS
from checker.errors import CheckerError, ExitCode, InputError
from checker.formats import FORMATS
from checker.model import FailOn, control_sort_key
from checker.options import (
    as_of_option,
    assess_settings,
    catalogue_options,
    engine_option,
    evidence_dirs_option,
    evidence_option,
    framework_option,
    limits,
    output_options,
    run_options,
    today,
)
from checker.output import emit
from checker.reportcli import assess, explain, explain_errors, gaps, matrix, publish

# Modules that pull in YAML, JSON Schema, tabulate or an engine are imported inside the
# commands that use them, so that `checker --help` and option errors answer at once.


class CheckerGroup(click.Group):
    """The one place exceptions become messages and exit codes (fail closed)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CheckerError as exc:
            for problem in exc.problems:
                click.echo(f"error: {problem}", err=True)
            ctx.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("interrupted; no report written", err=True)
            ctx.exit(INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:  # an unexpected crash must never read as a clean run
            if (ctx.obj or {}).get("debug"):
                traceback.print_exc()
            click.echo(f"error: internal error: {type(exc).__name__}: {exc} "
                       "(rerun with --debug for a traceback)", err=True)
            ctx.exit(int(ExitCode.EVALUATION_ERROR))
        return None  # pragma: no cover - ctx.exit raises


#: Exit status after Ctrl-C, as shells report a process ended by SIGINT.
INTERRUPTED = 130


@click.group(cls=CheckerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Policy-as-code compliance for UK public services: PSN, PCI DSS v4.0.1, data handling.

    Controls (controls/*.yaml) are judged by Rego policies (policies/**.rego) against YAML
    evidence declarations. Exit codes: 0 clean, 1 controls failing, 2 input or usage error,
    3 evaluation error.
    """
    ctx.obj = {"debug": debug}


@cli.command(epilog="""\b
Examples:
  checker run --evidence evidence/example
  checker run --framework psn --as-of 2026-03-31 --fail-on gap
  checker run --format json --output results.json
  checker run --evidence orgs/a --evidence orgs/b --jobs 4 --format json""")
@evidence_dirs_option
@catalogue_options
@framework_option
@as_of_option
@run_options
@output_options(list(FORMATS), "table")
@click.option("--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Evaluate this many --evidence directories at a time.")
def run(evidence_dirs: tuple[Path, ...], controls_dir: Path | None, policies_dir: Path | None,
        frameworks: tuple[str, ...], as_of: str | None, fail_on: str, engine: str,
        format_name: str, output: Path | None, jobs: int) -> None:
    """Evaluate every control and print the control matrix and gap list.

    Several --evidence directories (one per organisation) give one report each: json, a
    list of {evidence, exit_code, results | errors}; table, one section each; the exit code
    is the worst.
    """
    if len(evidence_dirs) > 1:
        _run_many(evidence_dirs, jobs, format_name, output, FailOn(fail_on), {
            "as_of": as_of or today(),
            **assess_settings(controls_dir, policies_dir, frameworks, engine)})
    from checker.report import RUN

    assessment = assess(evidence_dirs[0], as_of, controls_dir=controls_dir,
                        policies_dir=policies_dir, frameworks=frameworks, engine=engine)
    publish(assessment, FORMATS[format_name], RUN, output)
    code = assessment.exit_code(FailOn(fail_on))
    click.get_current_context().exit(int(code))


def _run_many(evidence_dirs: tuple[Path, ...], jobs: int, format_name: str,
              output: Path | None, fail_on: FailOn, options: dict[str, Any]) -> None:
    from checker import fanout
    from checker.formats import json_, table
    from checker.inputs import assess_directory

    if format_name not in ("json", "table"):
        raise click.UsageError("several --evidence directories need --format json or table")
    outcomes = fanout.assess_many(evidence_dirs, jobs, options, assess_directory)
    for outcome in outcomes:
        for problem in outcome.problems:
            click.echo(f"error: {problem}", err=True)
    if format_name == "json":
        emit(fanout.render_json(outcomes, fail_on, json_.document), output)
    else:
        emit(fanout.render_sections(outcomes, fail_on, table.render), output)
    click.get_current_context().exit(fanout.worst(outcomes, fail_on))


@cli.group()
def bundle() -> None:
    """Package the catalogue for a fleet of OPA servers."""


@bundle.command("build", epilog="""\b
Examples:
  checker bundle build --output bundle.tar.gz
  checker bundle build --framework pci --revision 2026.11 --output pci.tar.gz""")
@catalogue_options
@framework_option
@click.option("--revision", default=None, help="Manifest revision. [default: sha256 of the "
              "catalogue and policies]")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the .tar.gz bundle.")
def bundle_build(controls_dir: Path | None, policies_dir: Path | None,
                 frameworks: tuple[str, ...], revision: str | None, output: Path) -> None:
    """Write an OPA bundle: .manifest, the policies, the query module, control metadata as
    data (data.checker.catalogue). Byte-identical for the same inputs; see docs/scale.md."""
    from checker.bundle import build_bundle
    from checker.catalogue import load_catalogue
    from checker.policies import bundled, load_policies

    catalogue = load_catalogue(controls_dir or bundled("controls"), "controls")
    modules = load_policies(policies_dir or bundled("policies"), "policies")
    emit(build_bundle(catalogue, modules, frameworks, revision), output)
    click.echo(f"wrote {output}: {sum(not m.is_test for m in modules)} policies, "
               f"{len(catalogue.select(frameworks))} controls", err=True)


@cli.command(epilog="""\b
Examples:
  checker diff --base origin/main
  checker diff --base HEAD~1 --format github
  checker diff --baseline last-submission.json --format markdown >> "$GITHUB_STEP_SUMMARY"
\b
Exit codes: 0 no regression, 1 regressions, 2 input error, 3 evaluation error.""")
@evidence_option
@catalogue_options
@framework_option
@as_of_option
@click.option("--base", "base_ref", metavar="REF",
              help="Compare with the evidence as committed at this git ref.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Compare with a saved `checker run --format json`.")
@engine_option
@click.option("--format", "format_name", type=click.Choice(sorted(DIFF_FORMATS)),
              default="table", show_default=True, help="Output format.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report here (atomically) instead of standard output.")
def diff(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
         frameworks: tuple[str, ...], as_of: str | None, base_ref: str | None,
         baseline: Path | None, engine: str, format_name: str, output: Path | None) -> None:
    """Fail when a change makes compliance worse; list what improved.

    A regression is a control whose status got worse (pass to fail, gap or error), a new
    finding on a control already failing, a control that disappeared, or evidence removed.
    Both sides are judged with the current catalogue and the same --as-of.
    """
    if (base_ref is None) == (baseline is None):
        raise click.UsageError("give exactly one of --base REF or --baseline FILE")
    from checker.diff import compare, load_baseline
    from checker.inputs import assess_directory

    as_of = as_of or today()
    options = assess_settings(controls_dir, policies_dir, frameworks, engine)
    head = assess_directory(evidence_dir, as_of, **options)
    if baseline is not None:
        base, label = load_baseline(baseline), str(baseline)
    else:
        assert base_ref is not None
        base, label = _assess_at_ref(evidence_dir, base_ref, as_of, options), base_ref
    result = compare(base, head, label)
    emit(DIFF_FORMATS[format_name](result), output)
    explain_errors(head)
    click.get_current_context().exit(result.exit_code)


def _assess_at_ref(evidence_dir: Path, ref: str, as_of: str,
                   options: dict[str, Any]) -> dict[str, Any]:
    from checker.formats import json_
    from checker.gitref import export_at
    from checker.inputs import assess_directory

    with tempfile.TemporaryDirectory(prefix="checker-base-") as scratch:
        base_dir = export_at(evidence_dir, ref, Path(scratch))
        try:
            assessment = assess_directory(base_dir, as_of, display_root=evidence_dir.as_posix(),
                                          **options)
        except InputError as exc:  # bad evidence at the base; an engine failure still raises
            click.echo(f"warning: the evidence at {ref} cannot be read "
                       f"({exc.problems[0]}); nothing to compare against", err=True)
            return {"controls": []}
    return json_.document(assessment)


@cli.command(epilog="""\b
Examples:
  checker validate --evidence evidence/example
  checker validate --evidence . --as-of 2026-03-31""")
@evidence_option
@catalogue_options
@as_of_option
def validate(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
             as_of: str | None) -> None:
    """Check evidence files (YAML, schemas, dates, attachments) and waivers.yaml without
    evaluating controls. Exits 1 while any `checker init` template is still a draft."""
    from checker.inputs import validate_directory

    validation = validate_directory(evidence_dir, as_of or today(), controls_dir, limits())
    for line in validation.lines():
        click.echo(line)
    click.get_current_context().exit(int(validation.exit_code))


@cli.command(epilog="""\b
Examples:
  checker init --framework psn evidence
  checker init --framework pci --framework data-handling new-pack""")
@catalogue_options
@click.option("--framework", "frameworks", multiple=True, required=True, metavar="KEY",
              help="Framework the pack is for (psn, pci, data-handling); repeatable.")
@as_of_option
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(controls_dir: Path | None, policies_dir: Path | None, frameworks: tuple[str, ...],
         as_of: str | None, directory: Path) -> None:
    """Start an evidence pack: one commented template per evidence kind the frameworks need.

    Each template is valid against its schema and names the schema for editors
    (yaml-language-server), so mistakes show as you type. DIRECTORY must be new or empty.
    """
    from checker.inputs import load_sources
    from checker.scaffold import init_pack

    selected = load_sources(controls_dir, policies_dir).catalogue.select(frameworks)
    written = init_pack(directory, selected, as_of or today())
    click.echo(f"wrote {len(written)} templates to {directory}; fill them in, then run "
               f"`checker validate --evidence {directory}`")


@cli.group()
def schema() -> None:
    """The JSON Schemas checker validates against."""


@schema.command("export", epilog="""\b
Examples:
  checker schema export .schemas""")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def schema_export(directory: Path) -> None:
    """Write one schema per evidence kind (envelope included), and the waivers, catalogue and
    results schemas, for editors and other tools."""
    from checker.scaffold import export_schemas

    written = export_schemas(directory)
    click.echo(f"wrote {len(written)} schemas to {directory}")


@cli.group()
def controls() -> None:
    """Browse the control catalogue."""


@controls.command("list", epilog="""\b
Examples:
  checker controls list
  checker controls list --framework pci --format json""")
@catalogue_options
@framework_option
@click.option("--format", "format_name", type=click.Choice(["json", "table"]), default="table",
              show_default=True)
def controls_list(controls_dir: Path | None, policies_dir: Path | None,
                  frameworks: tuple[str, ...], format_name: str) -> None:
    """List controls: id, framework, severity, mode, title."""
    from tabulate import tabulate

    from checker.inputs import load_sources

    catalogue = load_sources(controls_dir, policies_dir).catalogue
    selected = catalogue.select(frameworks)
    if format_name == "json":
        rows = [{"id": c.id, "framework": c.framework, "area": c.area, "severity": c.severity,
                 "mode": c.mode, "title": c.title} for c in selected]
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(tabulate([[c.id, c.framework, c.severity, c.mode, c.title] for c in selected],
                        headers=["id", "framework", "severity", "mode", "title"]))


@controls.command("show", epilog="""\b
Examples:
  checker controls show PCI-8.3.6""")
@catalogue_options
@click.argument("control_id")
def controls_show(controls_dir: Path | None, policies_dir: Path | None, control_id: str) -> None:
    """Show one control: requirement, evidence, rule, remediation and mapped controls."""
    from checker.inputs import load_sources

    catalogue = load_sources(controls_dir, policies_dir).catalogue
    control = catalogue.control(control_id)
    if control is None:
        raise InputError(f"no control '{control_id}' (see `checker controls list`)")
    mapped = sorted({*control.maps_to, *(c.id for c in catalogue.mapped_from(control.id))},
                    key=control_sort_key)
    rows = [
        ("id", control.id), ("title", control.title), ("framework", control.framework),
        ("area", control.area), ("severity", control.severity), ("mode", control.mode),
        ("requirement", control.requirement), ("evidence kinds", ", ".join(control.evidence)),
        ("max age (days)", control.max_age_days or "-"), ("rule", control.policy),
        ("applies", f"{control.applies_rule} ({control.applies_reason})"
         if control.applies_rule else "always"),
        ("effective from", control.effective_from or "-"),
        ("attested by", ", ".join(control.attested_by) or "-"),
        ("maps to", ", ".join(mapped) or "-"), ("remediation", control.remediation),
        ("reference", control.reference or "-"), ("confidence", control.confidence or "-"),
        ("defined at", str(control.source)),
    ]
    for label, value in rows:
        click.echo(f"{label + ':':<16} {value}")


@cli.group()
def policy() -> None:
    """Work with the Rego policies."""


@policy.command("test", epilog="""\b
Examples:
  checker policy test
  checker policy test --coverage --min-coverage 90
  checker policy test --policies my-policies --run pci""")
@click.option("--policies", "policies_dir", type=click.Path(path_type=Path), default=None,
              help="Rego policy directory. [default: bundled]")
@click.option("--run", "match", default="", help="Only tests whose name contains this text.")
@click.option("--coverage", is_flag=True, help="Report line coverage of the policies.")
@click.option("--min-coverage", type=click.FloatRange(0, 100), default=None,
              help="Fail when total coverage is below this percentage.")
@click.option("-v", "--verbose", is_flag=True, help="List every test, not only failures.")
def policy_test(policies_dir: Path | None, match: str, coverage: bool,
                min_coverage: float | None, verbose: bool) -> None:
    """Run the Rego unit tests beside the policies; a failing test fails the command."""
    from tabulate import tabulate

    from checker.policies import bundled, load_policies
    from checker.policytest import run_tests

    modules = load_policies(policies_dir or bundled("policies"),
                            None if policies_dir else "policies")
    report = run_tests(modules, match)
    for outcome in report.outcomes:
        if verbose or not outcome.passed:
            mark = "PASS" if outcome.passed else "FAIL"
            click.echo(f"{mark} data.{outcome.rule}" + (f": {outcome.detail}"
                                                        if outcome.detail else ""))
    if coverage or min_coverage is not None:
        rows = [[f.name, f"{f.percent:.1f}%", ",".join(map(str, sorted(f.not_covered)))]
                for f in report.coverage]
        click.echo(tabulate(rows, headers=["policy", "coverage", "lines not covered"]))
        click.echo(f"total coverage: {report.coverage_percent:.1f}%")
    failed = len(report.failed)
    click.echo(f"{len(report.outcomes) - failed} passed, {failed} failed")
    if not report.outcomes:
        raise InputError("no Rego tests found (test_* rules in *_test packages)")
    ctx = click.get_current_context()
    if failed:
        ctx.exit(int(ExitCode.FINDINGS))
    if min_coverage is not None and report.coverage_percent < min_coverage:
        click.echo(f"coverage {report.coverage_percent:.1f}% is below {min_coverage:.1f}%",
                   err=True)
        ctx.exit(int(ExitCode.FINDINGS))


cli.add_command(matrix)
cli.add_command(gaps)
cli.add_command(explain)


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="checker")
    finally:
        # Past this point the work is done (or refused); a Ctrl-C during interpreter
        # shutdown must end the process quietly, not print a traceback from threading.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
