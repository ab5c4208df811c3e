"""The in-process engine: regorus, Microsoft's Rust Rego interpreter."""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Mapping, Sequence
from typing import Any

# regorus allocates with its own mimalloc, which by default keeps freed pages for later
# Rust allocations; Python never reuses them. Returning them at once (read when the library
# loads, so set before the import; a value the user set is kept) lets the report reuse the
# memory of the engine's copy of the input: at 100,000 items every format then peaks at the
# evaluation (about 240 MB), not 40 to 60 MB above it.
os.environ.setdefault("MIMALLOC_PURGE_DELAY", "0")

import regorus

from checker.engines import rulecache
from checker.engines.base import RuleIndex, RuleKind
from checker.errors import EvaluationError, Location, Problem
from checker.policies import PolicyModule

_LOCATION = re.compile(r"-->\s*(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)")
_ERROR = re.compile(r"^error:\s*(?P<msg>.+)$", re.MULTILINE)


def engine_problem(message: str, fallback: str) -> Problem:
    """One located problem from a regorus error message (its Rust backtrace dropped)."""
    text = message.split("Stack backtrace:", 1)[0].strip()
    where = _LOCATION.search(text)
    what = _ERROR.search(text)
    summary = what.group("msg").strip() if what else (text.splitlines() or ["engine error"])[0]
    if where:
        location = Location(where["file"], int(where["line"]), int(where["col"]))
    else:
        location = Location(fallback)
    return Problem(location, summary)


def _is_engine_fault(exc: BaseException) -> bool:
    """A regorus error or a Rust panic (pyo3's PanicException derives from BaseException)."""
    return not isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError))


#: Policies and data loaded once in this thread, by what was loaded: a worker assessing many
#: packs with the same catalogue clones the parsed engine instead of parsing every module
#: again (a clone shares nothing mutable: each gets its own input). Per thread, because a
#: regorus engine may only be used by the thread that made it.
_local = threading.local()


def _prepared() -> dict[tuple[Any, ...], regorus.Engine]:
    if not hasattr(_local, "prepared"):
        _local.prepared = {}
    prepared: dict[tuple[Any, ...], regorus.Engine] = _local.prepared
    return prepared


class RegorusEngine:
    """Evaluates in-process; nothing to start."""

    name = "regorus"

    def __init__(self) -> None:
        self._engine = regorus.Engine()
        self._modules: tuple[PolicyModule, ...] = ()
        self._plain = True  # no engine setting changed: a prepared engine may stand in

    def load(self, modules: Sequence[PolicyModule], data: Mapping[str, Any]) -> None:
        key = (tuple((m.name, m.text) for m in modules), json.dumps(data, sort_keys=True))
        prepared = _prepared().get(key) if self._plain else None
        if prepared is not None:  # the same policies and data loaded before in this process
            self._engine = prepared.clone()
            self._modules = tuple(modules)
            return
        problems = []
        for module in modules:
            try:
                self._engine.add_policy(module.name, module.text)
            except BaseException as exc:
                if not _is_engine_fault(exc):
                    raise
                problems.append(engine_problem(str(exc), module.name))
        if problems:
            raise EvaluationError(problems)
        self._engine.add_data_json(json.dumps(data))
        self._modules = tuple(modules)
        if self._plain:
            _prepared().clear()  # one set of policies kept: a worker assesses its packs alike
            _prepared()[key] = self._engine.clone()

    def rules(self) -> RuleIndex:
        return rulecache.cached(
            self._modules, lambda: rule_index(json.loads(self._engine.get_ast_as_json())))

    def evaluate(self, query: str, input_: Mapping[str, Any]) -> Any:
        try:
            self._engine.set_input_json(json.dumps(input_))
            answer = json.loads(self._engine.eval_query_as_json(query))
        except BaseException as exc:
            if not _is_engine_fault(exc):
                raise
            raise EvaluationError(engine_problem(str(exc), "rego")) from exc
        finally:
            # A run evaluates once; the engine's copy of the input (about 90 MB at 100,000
            # items) is let go now, so that building the report can reuse that memory.
            self._engine.set_input_json("{}")
        results = answer.get("result") or []
        if not results:
            return None
        return results[0]["expressions"][0]["value"]

    def eval_rule(self, rule: str) -> Any:
        """The value of one rule with the current input; None if undefined (used by tests)."""
        try:
            value = json.loads(self._engine.eval_rule_as_json(rule))
        except BaseException as exc:
            if not _is_engine_fault(exc):
                raise
            raise EvaluationError(engine_problem(str(exc), "rego")) from exc
        return None if value == "<undefined>" else value

    def enable_coverage(self) -> None:
        self._plain = False
        self._engine.set_enable_coverage(True)

    def coverage(self) -> dict[str, Any]:
        return json.loads(self._engine.get_coverage_report_as_json())


def rule_index(ast: list[dict[str, Any]]) -> dict[str, RuleKind]:
    """Rules by dotted path, read from regorus's AST of every loaded module."""
    index: dict[str, RuleKind] = {}
    for module in ast:
        package = ".".join(_ref_parts(module["ast"]["package"]["refr"]))
        for rule in module["ast"].get("rules", ()):
            name, kind = _head(rule)
            if name:
                index[f"{package}.{name}"] = kind
    return index


def _head(rule: dict[str, Any]) -> tuple[str | None, RuleKind]:
    if "Default" in rule:
        parts = _ref_parts(rule["Default"]["refr"])
        return ".".join(parts), RuleKind.VALUE
    head = rule.get("Spec", {}).get("head", {})
    if "Func" in head:
        return ".".join(_ref_parts(head["Func"]["refr"])), RuleKind.FUNCTION
    if "Set" in head:
        parts = _ref_parts(head["Set"]["refr"])
        brackets = _has_bracket(head["Set"]["refr"])
        return ".".join(parts), RuleKind.OBJECT if brackets else RuleKind.SET
    if "Compr" in head:
        parts = _ref_parts(head["Compr"]["refr"])
        brackets = _has_bracket(head["Compr"]["refr"])
        return ".".join(parts), RuleKind.OBJECT if brackets else RuleKind.VALUE
    return None, RuleKind.VALUE


def _ref_parts(ref: dict[str, Any]) -> list[str]:
    """``a.b.c`` -> ["a", "b", "c"]; a bracketed suffix is dropped (``a.b[x]`` -> a, b)."""
    if "Var" in ref:
        return [ref["Var"]["value"]]
    if "RefDot" in ref:
        return [*_ref_parts(ref["RefDot"]["refr"]), ref["RefDot"]["field"][1]]
    if "RefBrack" in ref:
        return _ref_parts(ref["RefBrack"]["refr"])
    return []


def _has_bracket(ref: dict[str, Any]) -> bool:
    if "RefBrack" in ref:
        return True
    if "RefDot" in ref:
        return _has_bracket(ref["RefDot"]["refr"])
    return False
