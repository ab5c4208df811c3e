"""The engine interface: load modules and data once, evaluate one query with an input."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from checker.policies import PolicyModule


class RuleKind(str, Enum):
    """What a rule produces, as far as its head tells."""

    SET = "set"  # `name contains x if ...`
    VALUE = "value"  # `name := x`, `name if ...`, `default name := x`
    OBJECT = "object"  # `name[key] := x`, `name[key] contains x`
    FUNCTION = "function"  # `name(x) := ...`


#: ``"pkg.sub.rule"`` -> what the rule produces.
RuleIndex = Mapping[str, RuleKind]


class Engine(Protocol):
    """A Rego evaluator. Errors are raised as ``EvaluationError`` naming the .rego file and line."""

    name: str

    def load(self, modules: Sequence[PolicyModule], data: Mapping[str, Any]) -> None:
        """Compile ``modules`` and set base ``data``; called once per run."""

    def rules(self) -> RuleIndex:
        """Every rule of the loaded modules, by dotted path without ``data.``."""

    def evaluate(self, query: str, input_: Mapping[str, Any]) -> Any:
        """The value of ``query`` (a ref such as ``data.x.y``) for ``input_``; None if undefined."""
