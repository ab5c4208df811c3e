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
    rendered: Any = None  # the report, made in the worker where a renderer was given

    def exit_code(self, fail_on: FailOn) -> int:
        if self.assessment is None:
            return self.error_code
        return int(self.assessment.exit_code(fail_on))


def assess_many(evidence_dirs: Sequence[Path], jobs: int, options: Mapping[str, Any],
                assess: Callable[..., Assessment],
                render: Callable[[Assessment], Any] | None = None) -> list[Outcome]:
    """Assess every directory with ``assess(dir, **options)``, at most ``jobs`` at a time,
    in the order given; ``render`` (a module-level function) makes each report in the
    worker too, so that the parent only joins them."""
    pool: Executor
    if options.get("engine") == "opa":
        pool = ThreadPoolExecutor(max_workers=jobs)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_process_context(),
                                   initializer=_load_sources_once,
                                   initargs=(options.get("controls_dir"),
                                             options.get("policies_dir")))
    with pool:
        futures = [pool.submit(_one, assess, d, dict(options), render) for d in evidence_dirs]
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
         render: Callable[[Assessment], Any] | None = None) -> Outcome:
    name = evidence_dir.as_posix()
    if _worker_sources is not None:
        options = {**options, "sources": _worker_sources}
    try:
        assessment = assess(evidence_dir, **options)
        return Outcome(name, assessment, rendered=render(assessment) if render else None)
    except CheckerError as exc:
        return Outcome(name, None, tuple(str(p) for p in exc.problems), int(exc.exit_code))
    except Exception as exc:  # fail closed: a crash in one pack never reads as clean
        return Outcome(name, None, (f"internal error: {type(exc).__name__}: {exc}",),
                       int(ExitCode.EVALUATION_ERROR))


def render_json(outcomes: Sequence[Outcome], fail_on: FailOn,
                document: Callable[[Assessment], Any]) -> str:
    """A JSON list: per directory its exit code and either the run's JSON or its errors."""
    items = []
    for outcome in outcomes:
        item: dict[str, Any] = {"evidence": outcome.evidence,
                                "exit_code": outcome.exit_code(fail_on)}
        if outcome.assessment is not None:
            item["results"] = (outcome.rendered if outcome.rendered is not None
                               else document(outcome.assessment))
        else:
            item["errors"] = list(outcome.problems)
        items.append(item)
    # One pack a line, by the C encoder: indenting 64 packs' reports in pure Python took
    # longer than the parent's share of the whole run.
    return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False, separators=(",", ":"))
                               for item in items) + "\n]\n"


def render_sections(outcomes: Sequence[Outcome], fail_on: FailOn,
                    render: Callable[[Assessment], str]) -> str:
    """One section per directory, headed by its path and exit code."""
    parts = []
    for outcome in outcomes:
        head = f"== {outcome.evidence} (exit {outcome.exit_code(fail_on)}) =="
        body = ("".join(f"error: {p}\n" for p in outcome.problems)
                if outcome.assessment is None else outcome.rendered
                if outcome.rendered is not None else render(outcome.assessment))
        parts.append(f"{head}\n{body}")
    return "\n".join(parts)


def worst(outcomes: Sequence[Outcome], fail_on: FailOn) -> int:
    """The highest exit code of any pack (3 evaluation error > 2 input > 1 findings > 0)."""
    return max((o.exit_code(fail_on) for o in outcomes), default=0)
