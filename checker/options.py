"""Options shared by several commands, declared once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from checker.engines import ENGINES
from checker.limits import DEFAULT_MAX_BYTES, Limits
from checker.model import FailOn

F = TypeVar("F", bound=Callable[..., Any])


def today() -> str:
    """The default assessment date: today, as ``YYYY-MM-DD``."""
    return dt.date.today().isoformat()


#: The assessment dates checker accepts: workbooks and zip packs cannot carry a date before
#: 1980 or after 2107, and due dates are computed years past the assessment date.
EARLIEST_AS_OF, LATEST_AS_OF = dt.date(1980, 1, 1), dt.date(2099, 12, 31)


class IsoDate(click.ParamType):
    """A ``YYYY-MM-DD`` assessment date from 1980 to 2099, returned as that string."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in YYYY-MM-DD form", param, ctx)
        if not EARLIEST_AS_OF <= day <= LATEST_AS_OF:
            self.fail(f"{value!r} is outside {EARLIEST_AS_OF} to {LATEST_AS_OF} (a typo in "
                      "the year?)", param, ctx)
        return day.isoformat()


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta[f"checker.{param.name}"] = value
    return value


def limits() -> Limits:
    """The evidence limits set by --max-file-size and --max-files for this command."""
    meta = click.get_current_context().meta
    default = Limits()
    return Limits(max_file_bytes=meta.get("checker.max_file_bytes", default.max_file_bytes),
                  max_files=meta.get("checker.max_files", default.max_files))


def evidence_option(func: F) -> F:
    """--evidence DIR, and the limits on what is read from it (see ``limits()``)."""
    return _evidence(func, multiple=False)


def evidence_dirs_option(func: F) -> F:
    """--evidence DIR, repeatable (one pack per organisation), as ``evidence_dirs``."""
    return _evidence(func, multiple=True)


def _evidence(func: F, multiple: bool) -> F:
    func = click.option("--max-file-size", "max_file_bytes", type=click.IntRange(1),
                        default=DEFAULT_MAX_BYTES, show_default=True, metavar="BYTES",
                        envvar="CHECKER_MAX_FILE_SIZE", expose_value=False, callback=_remember,
                        help="Refuse an evidence file larger than this.")(func)
    func = click.option("--max-files", type=click.IntRange(1), default=Limits().max_files,
                        show_default=True, envvar="CHECKER_MAX_FILES", expose_value=False,
                        callback=_remember,
                        help="Refuse an evidence directory with more YAML files.")(func)
    return click.option("--evidence", "evidence_dirs" if multiple else "evidence_dir",
                        type=click.Path(path_type=Path), multiple=multiple,
                        default=(Path("evidence"),) if multiple else Path("evidence"),
                        show_default=True,
                        help="Directory of YAML evidence declarations.")(func)


def as_of_option(func: F) -> F:
    return click.option("--as-of", type=IsoDate(), default=None,
                        help="Assessment date; freshness is judged against it. "
                             "[default: today]")(func)


def catalogue_options(func: F) -> F:
    func = click.option("--controls", "controls_dir", type=click.Path(path_type=Path),
                        default=None, help="Control catalogue directory. [default: bundled]")(func)
    func = click.option("--policies", "policies_dir", type=click.Path(path_type=Path),
                        default=None, help="Rego policy directory. [default: bundled]")(func)
    return func


def framework_option(func: F) -> F:
    """--framework, and --caf-profile (read back by ``assess_settings``)."""
    func = click.option("--caf-profile", metavar="KEY", envvar="CHECKER_CAF_PROFILE",
                        expose_value=False, callback=_remember,
                        help="CAF profile whose targets CAF outcomes must meet (local-government, "
                             "govassure-baseline, govassure-enhanced). [default: the "
                             "organisation profile's caf.profile]")(func)
    return click.option("--framework", "frameworks", multiple=True, metavar="KEY",
                        help="Only this framework (psn, pci, data-handling, caf); "
                             "repeatable.")(func)


def run_options(func: F) -> F:
    """--fail-on (default fail) and --engine."""
    return fail_on_option(FailOn.FAIL)(engine_option(func))


def fail_on_option(default: FailOn) -> Callable[[F], F]:
    return click.option("--fail-on", type=click.Choice([f.value for f in FailOn]),
                        default=default.value, show_default=True,
                        help="Exit 1 when a control is at or above this status (none: report "
                        "only). A control that could not be evaluated always exits 3.")


def engine_option(func: F) -> F:
    """--engine, with the OPA server options it may need."""
    func = click.option("--engine", type=click.Choice(ENGINES), default="regorus",
                        show_default=True, help="Rego engine.")(func)
    return opa_options(func)


def opa_options(func: F) -> F:
    """--opa-url and --opa-timeout, for ``--engine opa`` (read back by ``engine_settings()``)."""
    func = click.option("--opa-timeout", type=click.FloatRange(0.1), default=30.0,
                        show_default=True, metavar="SECONDS", envvar="CHECKER_OPA_TIMEOUT",
                        expose_value=False, callback=_remember,
                        help="Deadline of each request to the OPA server: connecting, sending and "
                             "reading the whole answer.")(func)
    return click.option("--opa-url", metavar="URL", envvar="CHECKER_OPA_URL",
                        expose_value=False, callback=_remember,
                        help="OPA server root for --engine opa; a bearer token is read from "
                             "CHECKER_OPA_TOKEN.")(func)


def engine_settings(engine: str) -> dict[str, Any]:
    """The options of ``engine`` given on this command; --engine opa needs --opa-url."""
    if engine != "opa":
        return {}
    meta = click.get_current_context().meta
    url = meta.get("checker.opa_url")
    if not url:
        raise click.UsageError("--engine opa needs --opa-url URL (or CHECKER_OPA_URL)")
    return {"url": url, "timeout": meta.get("checker.opa_timeout", 30.0)}


def assess_settings(controls_dir: Path | None, policies_dir: Path | None,
                    frameworks: tuple[str, ...], engine: str) -> dict[str, Any]:
    """The keyword arguments of ``assess_directory`` that this command's options decide:
    built in one place for run, diff, matrix, gaps and explain."""
    return {"controls_dir": controls_dir, "policies_dir": policies_dir,
            "frameworks": frameworks, "engine": engine, "limits": limits(),
            "engine_options": engine_settings(engine),
            "caf_profile": click.get_current_context().meta.get("checker.caf_profile")}


class FormatChoice(click.Choice):
    """The formats of the registry that render ``view``: looked up when first needed, so
    that ``checker --help`` imports no format."""

    def __init__(self, view: str) -> None:
        super().__init__((), case_sensitive=True)
        self.view = view
        self._names: tuple[str, ...] | None = None

    @property  # type: ignore[override]
    def choices(self) -> tuple[str, ...]:
        if self._names is None:
            from checker.formats import names

            self._names = tuple(names(self.view))
        return self._names

    @choices.setter
    def choices(self, value: Any) -> None:
        self._names = tuple(value) or None


def output_options(view: str, default: str) -> Callable[[F], F]:
    """--format (the registry's formats for ``view``; when not given, inferred from the
    --output file's extension, else ``default``) and --output."""
    def decorate(func: F) -> F:
        func = click.option("--format", "format_name", type=FormatChoice(view), default=None,
                            help=f"Output format. [default: from the --output extension, "
                                 f"else {default}]")(func)
        func = click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
                            default=None, help="Write the report here (atomically) instead "
                                               "of standard output.")(func)
        return func

    return decorate


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


def history_option(func: F) -> F:
    """--history PATH or off (``history``: None means the default store)."""
    return click.option("--history", "history", metavar="PATH|off", envvar="CHECKER_HISTORY",
                        default=None,
                        help="Record this run in this history store (SQLite), or 'off'. "
                             "[default: .checker/history.sqlite in the evidence "
                             "directory]")(func)


def import_options(func: F) -> F:
    """The settings of ``checker import`` that exports cannot supply themselves."""
    func = click.option("--transmits-pan/--no-transmits-pan", default=None,
                        help="TLS: the endpoints carry card numbers over public networks. "
                             "[default: not stated, judged as carrying them]")(func)
    func = click.option("--date-order", type=click.Choice(["dmy", "mdy"]), default=None,
                        help="How to read slash dates such as 03/04/2026 (refused when "
                             "ambiguous and not given; Qualys defaults to mdy).")(func)
    func = click.option("--system", default=None,
                        help="Directory: the system the accounts belong to.")(func)
    func = click.option("--provider", default=None,
                        help="Scans: who ran the scan. [default: the scanner's name]")(func)
    func = click.option("--scope", type=click.Choice(["internal", "external"]),
                        default="internal", show_default=True,
                        help="Scans: internal or external vulnerability scan.")(func)
    func = click.option("--exported", default=None, metavar="DATE[THH:MM:SSZ]",
                        help="When the export was made, where the export does not say (or "
                             "says wrongly). [default: from the export]")(func)
    func = click.option("--id-prefix", default=None, metavar="PREFIX",
                        help="Start of the generated evidence ids. [default: the source]")(func)
    return click.option("--owner", default="unassigned", show_default=True,
                        help="Person or post accountable for the imported evidence.")(func)
