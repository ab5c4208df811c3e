"""The ``checker`` command line: bind options, call the runner, render, return an exit code."""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from pathlib import Path

import click

from checker import __version__
from checker.errors import CheckerError, ExitCode, InputError
from checker.importers.names import IMPORTER_NAMES
from checker.model import FailOn
from checker.options import (
    Days,
    as_of_option,
    assess_settings,
    catalogue_options,
    engine_option,
    evidence_dirs_option,
    evidence_option,
    fail_on_option,
    framework_option,
    history_option,
    import_options,
    limits,
    output_options,
    run_options,
    today,
)
from checker.output import emit
from checker.pipeline import (
    assess,
    choose_format,
    due_exit_code,
    explain_errors,
    history_store,
    publish,
    record,
    recorded,
    run_many,
    write,
)
from checker.text import for_terminal, visible

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
        except BrokenPipeError:  # `checker ... | head`: the reader left; the output is partial
            _silence_stdout()
            click.echo("error: standard output was closed before the report was complete",
                       err=True)
            ctx.exit(BROKEN_PIPE)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:  # an unexpected crash must never read as a clean run
            if (ctx.obj or {}).get("debug"):
                traceback.print_exc()
            click.echo(f"error: internal error: {type(exc).__name__}: {for_terminal(str(exc))} "
                       "(rerun with --debug for a traceback)", err=True)
            ctx.exit(int(ExitCode.EVALUATION_ERROR))
        return None  # pragma: no cover - ctx.exit raises


#: Exit status after Ctrl-C, as shells report a process ended by SIGINT.
INTERRUPTED = 130
#: Exit status when the reader of standard output goes away, as shells report SIGPIPE.
BROKEN_PIPE = 141


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail too."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


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
  checker run --output results.json
  checker run --all --history off
  checker run --evidence orgs/a --evidence orgs/b --jobs 4 --format json""")
@evidence_dirs_option
@catalogue_options
@framework_option
@as_of_option
@run_options
@output_options("run", "table")
@click.option("--all", "every_control", is_flag=True,
              help="Terminal table: list every control, not only those that are not pass.")
@history_option
@click.option("--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Evaluate this many --evidence directories at a time.")
def run(evidence_dirs: tuple[Path, ...], controls_dir: Path | None, policies_dir: Path | None,
        frameworks: tuple[str, ...], as_of: str | None, fail_on: str, engine: str,
        format_name: str | None, output: Path | None, every_control: bool,
        history: str | None, jobs: int) -> None:
    """Evaluate every control: the summary per framework, the controls that are not pass,
    and the gap list (--all: every control). The run is recorded in the history store.

    Several --evidence directories (one per organisation) give one report each: json, a
    list of {evidence, exit_code, results | errors}; table, one section each; the exit code
    is the worst. They are not recorded in history.
    """
    name = choose_format(format_name, output, "run", "table")
    settings = assess_settings(controls_dir, policies_dir, frameworks, engine)
    ctx = click.get_current_context()
    if len(evidence_dirs) > 1:
        ctx.exit(run_many(evidence_dirs, jobs, name, output, FailOn(fail_on),
                          {"as_of": as_of or today(), **settings}))
    from checker.report import View

    assessment = assess(evidence_dirs[0], as_of or today(), settings)
    trend = record(assessment, history_store(history, evidence_dirs[0]), history is not None)
    publish(assessment, name, View("run", every_control=every_control, trend=trend), output)
    ctx.exit(int(assessment.exit_code(FailOn(fail_on))))


@cli.command(epilog="""\b
Examples:
  checker matrix --evidence evidence/example
  checker matrix --output matrix.html
  checker matrix --format xlsx --output matrix.xlsx
\b
Exit codes: 0 (an auditor's view: failing controls are content, not an error) unless
--fail-on is given; 3 when a control could not be evaluated.""")
@evidence_option
@catalogue_options
@framework_option
@as_of_option
@fail_on_option(FailOn.NONE)
@engine_option
@output_options("matrix", "table")
@history_option
def matrix(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
           frameworks: tuple[str, ...], as_of: str | None, fail_on: str, engine: str,
           format_name: str | None, output: Path | None, history: str | None) -> None:
    """The auditor's control matrix: every control with the evidence (file:line, collected
    date, sha256) behind its verdict, findings, waiver and mapped controls, and coverage per
    framework. The html report shows the recorded trend (read only; `run` records)."""
    from checker.report import View

    name = choose_format(format_name, output, "matrix", "table")
    settings = assess_settings(controls_dir, policies_dir, frameworks, engine)
    assessment = assess(evidence_dir, as_of or today(), settings)
    publish(assessment, name, View("matrix", trend=recorded(history, evidence_dir,
                                                            assessment.as_of)), output)
    click.get_current_context().exit(int(assessment.exit_code(FailOn(fail_on))))


@cli.command(epilog="""\b
Examples:
  checker gaps --evidence evidence/example
  checker gaps --format rap --output rap.csv
  checker gaps --due-within 30d
\b
Due dates: critical 14 days, high 30, medium 90, low 180 from --as-of, or sooner when evidence
behind the control stops counting sooner (see docs/auditors.md). With --due-within the exit
code is 1 only when some evidence is due (3 when a control could not be evaluated).""")
@evidence_option
@catalogue_options
@framework_option
@as_of_option
@run_options
@output_options("gaps", "table")
@click.option("--due-within", type=Days(), default=None, metavar="DAYS",
              help="Instead, list evidence that stops counting within this many days (30d).")
def gaps(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
         frameworks: tuple[str, ...], as_of: str | None, fail_on: str, engine: str,
         format_name: str | None, output: Path | None, due_within: int | None) -> None:
    """Every fail, gap and error, most severe first, with owner, remediation and due date;
    `--format rap` writes the PSN Remediation Action Plan (CSV)."""
    from checker.report import View

    view = View("gaps", due_within)
    name = choose_format(format_name, output, view.kind, "table")
    settings = assess_settings(controls_dir, policies_dir, frameworks, engine)
    assessment = assess(evidence_dir, as_of or today(), settings)
    publish(assessment, name, view, output)
    code = (assessment.exit_code(FailOn(fail_on)) if due_within is None
            else due_exit_code(assessment, due_within))
    click.get_current_context().exit(int(code))


@cli.command(epilog="""\b
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
    settings = assess_settings(controls_dir, policies_dir, (), engine)
    assessment = assess(evidence_dir, as_of or today(), settings)
    if not any(r.control.id == control_id for r in assessment.results):
        raise InputError(f"no control '{control_id}' (see `checker controls list`)")
    from checker.explain import explain as explain_control

    click.echo(visible(explain_control(assessment, control_id), keep="\n"), nl=False)


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
@output_options("diff", "table")
def diff(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
         frameworks: tuple[str, ...], as_of: str | None, base_ref: str | None,
         baseline: Path | None, engine: str, format_name: str | None,
         output: Path | None) -> None:
    """Fail when a change makes compliance worse; list what improved.

    A regression is a control whose status got worse (pass to fail, gap or error), a new
    finding on a control already failing, a control that disappeared, or evidence removed.
    A control the organisation profile takes out of scope is a scope change: a regression
    too, unless the profile's scope_approvals explain it. Both sides are judged with the
    current catalogue and the same --as-of; a base that cannot be read or evaluated fails.
    """
    if (base_ref is None) == (baseline is None):
        raise click.UsageError("give exactly one of --base REF or --baseline FILE")
    from checker.diffgate import gate
    from checker.formats import render

    name = choose_format(format_name, output, "diff", "table")
    settings = assess_settings(controls_dir, policies_dir, frameworks, engine)
    result = gate(evidence_dir, as_of or today(), settings, base_ref=base_ref,
                  baseline=baseline)
    write(render(name, "diff", result), output)
    explain_errors(result.head)
    click.get_current_context().exit(result.exit_code)


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


@cli.command("import", epilog="""\b
Examples:
  checker import nessus scan.nessus --output evidence/scans/nessus.yaml
  checker import qualys q3.csv --scope external --output evidence/scans/asv.yaml
  checker import entra registration.csv users.json --output evidence/entra.yaml
  checker import testssl pay.json --transmits-pan --output evidence/tls.yaml""")
@click.argument("source", type=click.Choice(sorted(IMPORTER_NAMES)))
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Evidence YAML file to write or update.")
@import_options
def import_(source: str, files: tuple[Path, ...], output: Path, owner: str,
            id_prefix: str | None, exported: str | None, scope: str, provider: str | None,
            system: str | None, date_order: str | None, transmits_pan: bool | None) -> None:
    """Write evidence documents from exports: scanners, Intune, Entra ID, testssl.sh.

    Documents get a stable id and provenance (tool, file, sha256, export time). Re-importing
    a newer export replaces the generated documents with the same ids in --output; other
    documents in the file are kept as they are. See docs/importers.md.
    """
    from checker.importers.base import ImportOptions
    from checker.importers.run import import_exports

    if exported is not None:
        exported = _export_time(exported)
    options = ImportOptions(id_prefix=id_prefix or source, owner=owner, exported=exported,
                            scope=scope, provider=provider, system=system,
                            date_order=date_order, transmits_pan=transmits_pan)
    written = import_exports(source, files, output, options)
    click.echo(f"wrote {output}: {written.added} new and {written.replaced} replaced "
               f"documents, {written.kept} others kept", err=True)


def _export_time(text: str) -> str:
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{text!r} is not YYYY-MM-DD or an RFC 3339 time",
                                 param_hint="--exported") from None
    if len(text) == 10:
        return text
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


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
    """Show one control: requirement, evidence, rule, remediation and mapped controls, with
    each typed link's relation (read from this control's side) and its rationale or source."""
    from checker.crosswalk import related
    from checker.importers.registry import supplying
    from checker.inputs import load_sources

    catalogue = load_sources(controls_dir, policies_dir).catalogue
    control = catalogue.control(control_id)
    if control is None:
        raise InputError(f"no control '{control_id}' (see `checker controls list`)")
    links = related(catalogue, control)
    rows = [
        ("id", control.id), ("title", control.title), ("framework", control.framework),
        ("area", control.area), ("severity", control.severity), ("mode", control.mode),
        ("requirement", control.requirement), ("evidence kinds", ", ".join(control.evidence)),
        ("max age (days)", control.max_age_days or "-"), ("rule", control.policy),
        ("applies", f"{control.applies_rule} ({control.applies_reason})"
         if control.applies_rule else "always"),
        ("effective from", control.effective_from or "-"),
        ("attested by", ", ".join(control.attested_by) or "-"),
        ("maps to", ", ".join(r.label for r in links) or "-"),
        *((f"  {r.other}", f"{r.relation}: {r.basis}") for r in links if r.relation),
        ("remediation", control.remediation),
        ("importers", ", ".join(i.name for i in supplying(control.evidence)) or "-"),
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


@cli.group()
def submission() -> None:
    """Assemble the documents a compliance submission sends."""


@submission.command("psn", epilog="""\b
Examples:
  checker submission psn --evidence evidence/example --output psn-2027
  checker submission psn --as-of 2027-02-28 --output psn-2027.zip
\b
Exit codes: 0 pack written (its index says READY or NOT READY), 1 refused (a PSN control is an
error, or PSN does not apply), 2 input error, 3 evaluation error.""")
@evidence_option
@catalogue_options
@as_of_option
@engine_option
@click.option("--output", type=click.Path(path_type=Path), required=True,
              help="A new or empty directory, or a path ending .zip.")
def submission_psn(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
                   as_of: str | None, engine: str, output: Path) -> None:
    """Build the annual PSN compliance submission pack: index, CoCo self-assessment, RAP (csv,
    xlsx), ITHC summary, contacts, attachments, PSN control matrix and a sha256 manifest.
    Byte-reproducible; refuses while any PSN control is an error (see docs/psn-submission.md)."""
    from checker.submission import pack, psn

    assessment = assess(evidence_dir, as_of or today(),
                        assess_settings(controls_dir, policies_dir, (psn.FRAMEWORK,), engine))
    built, readiness = psn.build(assessment, evidence_dir)
    pack.write(built, output, assessment.as_of)
    state = "READY" if readiness.ready else f"NOT READY ({len(readiness.blockers)} to resolve)"
    click.echo(f"wrote {output}: {len(built.files) + 1} files; {state}; as of "
               f"{assessment.as_of}, inputs sha256 {assessment.inputs_digest[:16]}", err=True)
    for blocker in readiness.blockers:
        click.echo(f"  not ready: {blocker}", err=True)


@cli.group(invoke_without_command=True, epilog="""\b
Examples:
  checker history --evidence evidence/example
  checker history --format html --output history.html
  checker history import last-year.json --evidence evidence/example""")
@evidence_option
@history_option
@as_of_option
@output_options("history", "table")
@click.pass_context
def history(ctx: click.Context, evidence_dir: Path, history: str | None, as_of: str | None,
            format_name: str | None, output: Path | None) -> None:
    """Recorded runs and their trend: pass % per framework, open fails and gaps by
    severity, overdue actions (still open after the due date first set for them).

    `checker run` records each run (keyed by as-of and inputs digest; the same inputs are
    recorded once) in .checker/history.sqlite inside the evidence directory, or --history.
    """
    if ctx.invoked_subcommand is not None:
        return
    from checker.formats import render
    from checker.history.store import snapshots
    from checker.history.trend import trend

    name = choose_format(format_name, output, "history", "table")
    store = history_store(history, evidence_dir)
    if store is None:
        raise click.UsageError("--history off: there is no store to read")
    write(render(name, "history", trend(snapshots(store, up_to=as_of))), output)


@history.command("import", epilog="""\b
Examples:
  checker history import 2026-10.json 2026-11.json --evidence evidence/example""")
@click.argument("reports", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@evidence_option
@history_option
def history_import(reports: tuple[Path, ...], evidence_dir: Path, history: str | None) -> None:
    """Record saved `checker run --format json` reports, as if each had been run then."""
    from checker.history import snapshot
    from checker.history import store as history_store_

    store = history_store(history, evidence_dir)
    if store is None:
        raise click.UsageError("--history off: there is no store to record in")
    taken = [snapshot.from_report(path) for path in reports]  # all read before any is written
    added_each = history_store_.record_all(store, taken)  # all recorded, or none
    for path, item, added in zip(reports, taken, added_each, strict=True):
        click.echo(f"{path}: as of {item.as_of}, inputs sha256 {item.inputs_digest[:16]} "
                   f"{'recorded' if added else 'already recorded'} in {store}", err=True)


@cli.group()
def pci() -> None:
    """PCI DSS by payment channel: SAQ response drafts and the Attestation of Compliance."""


@pci.command("saq", epilog="""\b
Examples:
  checker pci saq --evidence evidence/example --channel contact-centre
  checker pci saq --channel online-payments --format xlsx --output saq-a.xlsx""")
@evidence_option
@catalogue_options
@as_of_option
@engine_option
@click.option("--channel", required=True, metavar="NAME",
              help="The payment channel (pci.payment_channels[].name in the profile).")
@output_options("saq", "markdown")
def pci_saq(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
            as_of: str | None, engine: str, channel: str, format_name: str | None,
            output: Path | None) -> None:
    """Draft one channel's SAQ: each requirement, its response, evidence and explanation.

    Exit 0 when the channel is eligible and every answer is In Place, In Place with CCW or
    Not Applicable; 1 otherwise; 3 when anything could not be evaluated.
    """
    from checker.formats import render
    from checker.pci import pipeline
    from checker.pci.drafts import channel_draft

    name = choose_format(format_name, output, "saq", "markdown")
    assessment, aoc = pipeline.draft(evidence_dir, as_of or today(), controls_dir=controls_dir,
                                     policies_dir=policies_dir, engine=engine)
    draft = channel_draft(aoc, channel, assessment.profile)
    write(render(name, "saq", draft), output)
    click.get_current_context().exit(int(pipeline.exit_code(assessment, [draft])))


@pci.command("aoc", epilog="""\b
Examples:
  checker pci aoc --evidence evidence/example --format html --output aoc.html""")
@evidence_option
@catalogue_options
@as_of_option
@engine_option
@output_options("aoc", "markdown")
def pci_aoc(evidence_dir: Path, controls_dir: Path | None, policies_dir: Path | None,
            as_of: str | None, engine: str, format_name: str | None,
            output: Path | None) -> None:
    """Draft the Attestation of Compliance: contacts, channels, result per channel, action plan.

    Exit 0 when every channel is compliant; 1 otherwise; 3 when anything could not be
    evaluated.
    """
    from checker.formats import render
    from checker.pci import pipeline

    name = choose_format(format_name, output, "aoc", "markdown")
    assessment, aoc = pipeline.draft(evidence_dir, as_of or today(), controls_dir=controls_dir,
                                     policies_dir=policies_dir, engine=engine)
    write(render(name, "aoc", aoc), output)
    click.get_current_context().exit(int(pipeline.exit_code(assessment, aoc.saqs)))


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="checker")
    finally:
        # Past this point the work is done (or refused); a Ctrl-C during interpreter
        # shutdown must end the process quietly, not print a traceback from threading.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
