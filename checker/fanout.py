"""Many evidence packs (one per organisation) in one invocation, evaluated in parallel.

Each pack gets its own engine. regorus holds the GIL while it evaluates and its engines are
bound to one thread, so in-process evaluation fans out over processes; the OPA engine only
waits on the network, so it fans out over threads (each thread one HTTP session).

Worker processes are cheap to start and to feed: where the platform has ``forkserver``, each
is forked from a server that has already imported the pipeline, and each worker loads the
catalogue and policies once for all the packs it assesses (a small pack costs its evidence
and its evaluation, not an interpreter start and a catalogue parse).
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import (
    BrokenExecutor,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
)
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import CheckerError, ExitCode
from checker.model import Assessment, FailOn


@dataclass(frozen=True, slots=True)
class Outcome:
    """One pack's assessment, or the problems that stopped it and their exit code."""

    evidence: str
    assessment: Assessment | None = None
    problems: tuple[str, ...] = ()
    error_code: int = 0
    rendered: str | None = None  # the report, made in the worker where a renderer was given
    code: int | None = None  # the exit code, worked out in the worker with the report

    def exit_code(self, fail_on: FailOn) -> int:
        if self.assessment is not None:
            return int(self.assessment.exit_code(fail_on))
        return self.code if self.code is not None else self.error_code


def assess_many(evidence_dirs: Sequence[Path], jobs: int, options: Mapping[str, Any],
                assess: Callable[..., Assessment],
                render: Callable[[Assessment], str] | None = None,
                fail_on: FailOn | None = None) -> list[Outcome]:
    """Assess every directory with ``assess(dir, **options)``, at most ``jobs`` at a time,
    in the order given. With ``render`` (a module-level function) and ``fail_on``, each
    worker makes its pack's report and exit code and sends back only those: the parent
    joins text, and no Assessment crosses between processes."""
    pool: Executor
    if options.get("engine") == "opa":
        pool = ThreadPoolExecutor(max_workers=jobs)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_process_context(),
                                   initializer=_load_sources_once,
                                   initargs=(options.get("controls_dir"),
                                             options.get("policies_dir")))
    with pool:
        futures = [pool.submit(_one, assess, d, dict(options), render, fail_on)
                   for d in evidence_dirs]
        return [_collect(future, d) for future, d in zip(futures, evidence_dirs, strict=True)]


#: Modules every worker needs, imported once by the fork server instead of once per worker.
_PRELOAD = ["checker.inputs", "checker.engines.regorus", "checker.runner"]

#: The catalogue and policies a worker process loaded for every pack it assesses.
_worker_sources: Any = None


def _process_context() -> multiprocessing.context.BaseContext:
    """``forkserver`` with the pipeline preloaded where the platform has it, else ``spawn``
    (never plain ``fork``: the parent may hold threads or an engine's state)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _load_sources_once(controls_dir: Path | None, policies_dir: Path | None) -> None:
    """Worker initializer: load the catalogue and policies for all this worker's packs. A
    failure here is left to each pack, which loads them itself and reports the error."""
    global _worker_sources
    from checker.inputs import load_sources

    try:
        _worker_sources = load_sources(controls_dir, policies_dir)
    except CheckerError:
        _worker_sources = None


def _collect(future: Future[Outcome], evidence_dir: Path) -> Outcome:
    """The outcome of one pack; a worker that died (killed for memory, an engine abort) is
    an evaluation error for the packs it had, never a crash that loses the others."""
    try:
        return future.result()
    except BrokenExecutor as exc:
        return Outcome(evidence_dir.as_posix(), None,
                       (f"worker process died: {exc or type(exc).__name__}",),
                       int(ExitCode.EVALUATION_ERROR))


def _one(assess: Callable[..., Assessment], evidence_dir: Path, options: dict[str, Any],
         render: Callable[[Assessment], str] | None = None,
         fail_on: FailOn | None = None) -> Outcome:
    name = evidence_dir.as_posix()
    if _worker_sources is not None:
        options = {**options, "sources": _worker_sources}
    try:
        assessment = assess(evidence_dir, **options)
        if render is not None and fail_on is not None:
            return Outcome(name, rendered=render(assessment),
                           code=int(assessment.exit_code(fail_on)))
        return Outcome(name, assessment)
    except CheckerError as exc:
        return Outcome(name, None, tuple(str(p) for p in exc.problems), int(exc.exit_code))
    except Exception as exc:  # fail closed: a crash in one pack never reads as clean
        return Outcome(name, None, (f"internal error: {type(exc).__name__}: {exc}",),
                       int(ExitCode.EVALUATION_ERROR))


def json_results(assessment: Assessment) -> str:
    """One pack's results document as compact JSON text (a worker's renderer)."""
    from checker.formats import json_

    return json.dumps(json_.document(assessment), ensure_ascii=False, separators=(",", ":"))


def render_json(outcomes: Sequence[Outcome], fail_on: FailOn,
                document: Callable[[Assessment], Any]) -> str:
    """A JSON list, one pack a line: per directory its exit code and either the run's JSON
    or its errors (written by the C encoder; a worker's text is used as it came)."""
    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    lines = []
    for outcome in outcomes:
        head = f'{{"evidence":{compact(outcome.evidence)},"exit_code":{outcome.exit_code(fail_on)}'
        if outcome.rendered is not None:
            lines.append(f'{head},"results":{outcome.rendered}}}')
        elif outcome.assessment is not None:
            lines.append(f'{head},"results":{compact(document(outcome.assessment))}}}')
        else:
            lines.append(f'{head},"errors":{compact(list(outcome.problems))}}}')
    return "[\n" + ",\n".join(lines) + "\n]\n"


def render_sections(outcomes: Sequence[Outcome], fail_on: FailOn,
                    render: Callable[[Assessment], str]) -> str:
    """One section per directory, headed by its path and exit code."""
    parts = []
    for outcome in outcomes:
        head = f"== {outcome.evidence} (exit {outcome.exit_code(fail_on)}) =="
        if outcome.rendered is not None:
            body = outcome.rendered
        elif outcome.assessment is not None:
            body = render(outcome.assessment)
        else:
            body = "".join(f"error: {p}\n" for p in outcome.problems)
        parts.append(f"{head}\n{body}")
    return "\n".join(parts)


def worst(outcomes: Sequence[Outcome], fail_on: FailOn) -> int:
    """The highest exit code of any pack (3 evaluation error > 2 input > 1 findings > 0)."""
    return max((o.exit_code(fail_on) for o in outcomes), default=0)
