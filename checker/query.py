"""The one query a run makes: a generated module that evaluates every selected control."""

from __future__ import annotations

import json
from collections.abc import Sequence

from checker.engines.base import RuleIndex, RuleKind
from checker.errors import InputError, Problem
from checker.model import Control
from checker.policies import PolicyModule

PACKAGE = "checker.aggregate"
QUERY = f"data.{PACKAGE}"
MODULE_NAME = "checker/aggregate.rego"


def aggregate_module(controls: Sequence[Control]) -> PolicyModule:
    """A module whose ``results[id]`` is each control's findings and ``applicable[id]`` its scope.

    Attested controls call their rule as a function of the control id and accepted roles.
    """
    lines = [f"package {PACKAGE}", "", "import rego.v1", ""]
    for control in controls:
        key = json.dumps(control.id)
        if control.attested:
            roles = json.dumps(list(control.attested_by))
            lines.append(f"results[{key}] := {control.policy}({key}, {roles})")
        else:
            lines.append(f"results[{key}] := {control.policy}")
        if control.applies_rule:
            lines.append(f"applicable[{key}] := {control.applies_rule}")
    text = "\n".join(lines) + "\n"
    return PolicyModule(MODULE_NAME, text, "")


def check_rules(controls: Sequence[Control], rules: RuleIndex) -> None:
    """Every control's rule exists and has the right shape; raise one InputError otherwise."""
    problems = []
    for control in controls:
        want = RuleKind.FUNCTION if control.attested else RuleKind.SET
        problems += _check(control, control.policy, want, rules)
        if control.applies_rule:
            problems += _check(control, control.applies_rule, RuleKind.VALUE, rules)
    if problems:
        raise InputError(problems)


def _check(control: Control, ref: str, want: RuleKind, rules: RuleIndex) -> list[Problem]:
    path = ref.removeprefix("data.")
    kind = rules.get(path)
    if kind is None:
        return [Problem(control.source, f"{control.id}: rule {ref} is not defined by any policy")]
    if kind is not want:
        return [Problem(control.source, f"{control.id}: rule {ref} is a {kind.value} rule; "
                        f"expected a {want.value} rule")]
    return []
