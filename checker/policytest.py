"""Run the Rego unit tests (``test_*`` rules in ``*_test`` packages) and measure coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.engines.base import RuleKind
from checker.engines.regorus import RegorusEngine
from checker.errors import EvaluationError
from checker.policies import PolicyModule


@dataclass(frozen=True, slots=True)
class TestOutcome:
    """One Rego test: its rule, whether it passed and, if not, why."""

    rule: str
    passed: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class FileCoverage:
    """Lines of one policy file that tests reached and did not reach."""

    name: str
    covered: frozenset[int]
    not_covered: frozenset[int]

    @property
    def percent(self) -> float:
        total = len(self.covered) + len(self.not_covered)
        return 100.0 * len(self.covered) / total if total else 100.0


@dataclass(frozen=True, slots=True)
class TestReport:
    outcomes: tuple[TestOutcome, ...]
    coverage: tuple[FileCoverage, ...]

    @property
    def failed(self) -> tuple[TestOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.passed)

    @property
    def coverage_percent(self) -> float:
        covered = sum(len(f.covered) for f in self.coverage)
        total = covered + sum(len(f.not_covered) for f in self.coverage)
        return 100.0 * covered / total if total else 100.0


def run_tests(modules: Sequence[PolicyModule], match: str = "") -> TestReport:
    """Evaluate every test rule (a rule that is true passes; false, undefined or an error fails)."""
    engine = RegorusEngine()
    engine.enable_coverage()
    engine.load(modules, {})
    tests = sorted(name for name, kind in engine.rules().items()
                   if kind is RuleKind.VALUE and name.rsplit(".", 1)[-1].startswith("test_")
                   and name.rsplit(".", 1)[0].endswith("_test") and match in name)
    outcomes = []
    for name in tests:
        try:
            value = engine.eval_rule(f"data.{name}")
        except EvaluationError as exc:
            outcomes.append(TestOutcome(name, False, f"error: {exc.problems[0]}"))
            continue
        if value is True:
            outcomes.append(TestOutcome(name, True))
        else:
            got = "undefined" if value is None else repr(value)
            outcomes.append(TestOutcome(name, False, f"result {got}"))
    tested = {m.name for m in modules if not m.is_test}
    coverage = tuple(
        FileCoverage(f["path"], frozenset(f["covered"]), frozenset(f["not_covered"]))
        for f in engine.coverage().get("files", ()) if f["path"] in tested)
    return TestReport(tuple(outcomes), tuple(sorted(coverage, key=lambda c: c.name)))
