"""Project parameters (``controls/parameters.yaml``): limits that are the project's reading of
a standard. An organisation's profile may tighten them (``facts.parameters``), never loosen
them; the values a run uses reach Rego as ``input.parameters``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker import schemas
from checker.errors import InputError, Location, Problem
from checker.model import Evidence
from checker.yamlsource import Document

#: The parameter file, at the root of a controls directory.
PARAMETERS_FILE = "parameters.yaml"

#: Where Rego reads the values: ``input.parameters``.
DATA_PATH = ("checker", "parameters")

Value = float | int | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Parameter:
    """One project reading: its value, which way is stricter, and why it is ours."""

    key: str
    value: Value
    stricter: str  # lower | higher | subset
    unit: str
    used_by: tuple[str, ...]
    description: str
    reading: str
    source: str
    location: Location

    def allows(self, proposed: Value) -> bool:
        """Whether ``proposed`` is at least as strict as the project value."""
        if isinstance(self.value, tuple):
            return isinstance(proposed, tuple) and set(proposed) <= set(self.value)
        if isinstance(proposed, tuple):
            return False
        return proposed <= self.value if self.stricter == "lower" else proposed >= self.value

    def show(self, value: Value | None = None) -> str:
        shown = self.value if value is None else value
        return ", ".join(shown) if isinstance(shown, tuple) else f"{shown:g}"


def parse_parameters(documents: Sequence[Document]) -> tuple[dict[str, Parameter], list[Problem]]:
    """The parameters of ``parameters.yaml`` (one document), or the problems found in it."""
    found: list[Problem] = []
    parameters: dict[str, Parameter] = {}
    for document in documents[1:]:
        found.append(Problem(document.location, "parameters.yaml holds one document"))
    for document in documents[:1]:
        found += schemas.problems("parameters.schema.json", document.value, document)
        if found:
            break
        for key, raw in document.value["parameters"].items():
            value = raw["value"]
            parameters[key] = Parameter(
                key=key, value=tuple(value) if isinstance(value, list) else value,
                stricter=raw["stricter"], unit=raw["unit"], used_by=tuple(raw["used_by"]),
                description=raw["description"].strip(), reading=raw["reading"].strip(),
                source=raw["source"].strip(),
                location=document.locate(("parameters", key)))
    return parameters, found


def effective(parameters: Mapping[str, Parameter], profile: Evidence | None) -> dict[str, Any]:
    """The values a run uses: the project's, tightened by the organisation profile.

    A key the project does not define, a value of the wrong type, or a value looser than the
    project's is an InputError at the profile's line: nothing an organisation writes there
    is dropped in silence, and nothing can weaken a rule.
    """
    values: dict[str, Any] = {k: _plain(p.value) for k, p in sorted(parameters.items())}
    overrides = (profile.facts.get("parameters") or {}) if profile is not None else {}
    problems: list[Problem] = []
    for key, raw in sorted(overrides.items()):
        assert profile is not None
        where = profile.document.locate(("facts", "parameters", key))
        parameter = parameters.get(key)
        if parameter is None:
            known = ", ".join(sorted(parameters)) or "none"
            problems.append(Problem(where, f"unknown parameter '{key}' (known: {known})"))
            continue
        proposed: Value = tuple(raw) if isinstance(raw, list) else raw
        if isinstance(proposed, tuple) != isinstance(parameter.value, tuple):
            want = "a list" if isinstance(parameter.value, tuple) else "a number"
            problems.append(Problem(where, f"parameter '{key}' must be {want}"))
        elif not parameter.allows(proposed):
            problems.append(Problem(where, _loosened(parameter, proposed)))
        else:
            values[key] = _plain(proposed)
    if problems:
        raise InputError(problems)
    return values


def _loosened(parameter: Parameter, proposed: Value) -> str:
    way = {"lower": "above", "higher": "below", "subset": "beyond"}[parameter.stricter]
    return (f"parameter '{parameter.key}' {parameter.show(proposed)} {parameter.unit} is "
            f"{way} the project value {parameter.show()} ({parameter.source}); a profile may "
            "tighten a parameter, never loosen it")


def _plain(value: Value) -> Any:
    return list(value) if isinstance(value, tuple) else value
