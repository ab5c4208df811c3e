"""The JSON Schemas shipped in the package, compiled once, with located validation errors."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from checker.errors import Problem
from checker.yamlsource import Document, PathKey

if TYPE_CHECKING:  # jsonschema (pure Python, ~50 ms to import) only explains rejections
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

_ROOT = resources.files("checker") / "schemas"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", re.ASCII)


def _is_date(instance: object) -> bool:
    """Calendar dates, YYYY-MM-DD, as jsonschema's own check reads them."""
    if not isinstance(instance, str):
        return True
    if not _DATE.fullmatch(instance):
        return False
    try:
        dt.date.fromisoformat(instance)
    except ValueError:
        return False
    return True


def _is_rfc3339(instance: object) -> bool:
    """RFC 3339 timestamps (jsonschema checks them only with an optional extra installed)."""
    if not isinstance(instance, str):
        return True
    if not _RFC3339.fullmatch(instance):
        return False
    try:
        dt.datetime.fromisoformat(instance.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


#: The format checks both validators apply, so that they agree on every date.
_FORMAT_CHECKS = {"date": _is_date, "date-time": _is_rfc3339}


def load(name: str) -> dict[str, Any]:
    """A shipped schema by name, e.g. ``kinds/auth_policy.schema.json``."""
    return json.loads((_ROOT / name).read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    """A compiled validator for a shipped schema (compiled once per process)."""
    from jsonschema import Draft202012Validator, FormatChecker

    formats = FormatChecker()
    for format_name, check in _FORMAT_CHECKS.items():
        formats.checks(format_name)(check)
    schema = load(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=formats)


@cache
def subject_facts(kind: str) -> tuple[str, ...] | None:
    """The facts that name what one document of ``kind`` is about (the kind schema's
    ``x-subject``): ``("system",)`` for ``system_config``; ``()`` for a kind with one subject
    per pack (the organisation profile; the attestations citing one control); None for a
    kind that names no subject (an unknown kind too), so freshness falls back to the file."""
    if kind not in evidence_kinds():
        return None
    names = load(f"kinds/{kind}.schema.json").get("x-subject")
    return None if names is None else tuple(names)


@cache
def evidence_kinds() -> tuple[str, ...]:
    """Every evidence kind with a facts schema, sorted."""
    kinds = _ROOT / "kinds"
    return tuple(sorted(p.name.removesuffix(".schema.json") for p in kinds.iterdir()
                        if p.name.endswith(".schema.json")))


@cache
def _fast_validator(name: str) -> Any:
    """The same schema compiled by jsonschema-rs, with our format checks (about 25x faster)."""
    return jsonschema_rs.validator_for(
        load(name), validate_formats=True, ignore_unknown_formats=False,
        formats=dict(_FORMAT_CHECKS))


def problems(name: str, value: Any, document: Document, prefix: PathKey = ()) -> list[Problem]:
    """Validate ``value`` (found at ``prefix`` in ``document``) against a shipped schema.

    The compiled validator answers "valid?"; jsonschema explains anything it rejects. Should
    the two disagree, the rejection stands (fail closed) with the compiled validator's words.
    """
    try:
        if _fast_validator(name).is_valid(value):
            return []
    except Exception:  # any doubt falls through to the full validator
        pass
    found = []
    for error in validator(name).iter_errors(value):
        path = (*prefix, *error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            found += [Problem(document.locate((*path, key)), _unexpected(path, key, error))
                      for key in _extra_keys(error)]
            continue
        found.append(Problem(document.locate(path), _message(path, error)))
    if not found:
        found = _fast_problems(name, value, document, prefix)
    return sorted(found)


def _fast_problems(name: str, value: Any, document: Document, prefix: PathKey) -> list[Problem]:
    try:
        errors = list(_fast_validator(name).iter_errors(value))
    except Exception as exc:  # the value itself cannot be validated
        return [Problem(document.locate(prefix), f"cannot validate: {exc}")]
    return [Problem(document.locate((*prefix, *error.instance_path)),
                    f"{'.'.join(str(p) for p in (*prefix, *error.instance_path))}: "
                    f"{error.message}") for error in errors]


def _extra_keys(error: ValidationError) -> list[str]:
    known = error.schema.get("properties", {})
    patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
    return sorted(str(k) for k in error.instance
                  if k not in known and not any(p.search(str(k)) for p in patterns))


def _unexpected(path: PathKey, key: str, error: ValidationError) -> str:
    where = ".".join(str(p) for p in (*path, key))
    known = sorted(error.schema.get("properties", {}))
    near = difflib.get_close_matches(key, known, n=1)
    hint = f"; did you mean '{near[0]}'?" if near else f"; expected one of {', '.join(known)}"
    return f"{where}: unknown key '{key}'{hint}"


def _message(path: PathKey, error: ValidationError) -> str:
    where = ".".join(str(p) for p in path)
    prefix = f"{where}: " if where else ""
    if error.validator == "enum":
        allowed = ", ".join(json.dumps(v) for v in error.validator_value)
        return f"{prefix}{error.instance!r} is not one of {allowed}{_enum_hint(error)}"
    if error.validator == "type" and "string" in _as_list(error.validator_value) and \
            isinstance(error.instance, (int, float, bool)):
        return f"{prefix}{error.message} ({_quote_hint(error.instance)})"
    return f"{prefix}{error.message}"


def _enum_hint(error: ValidationError) -> str:
    allowed = [v for v in error.validator_value if isinstance(v, str)]
    instance = error.instance
    if isinstance(instance, (int, float, bool)) and _yaml_text(instance) in allowed:
        return f" ({_quote_hint(instance)})"
    if isinstance(instance, str):
        same = [v for v in allowed if v.casefold() == instance.strip().casefold()]
        if same:
            return f"; did you mean '{same[0]}'? (values are case-sensitive)"
    return ""


def _quote_hint(instance: object) -> str:
    return (f"YAML read {_yaml_text(instance)} as a "
            f"{'boolean' if isinstance(instance, bool) else 'number'}: "
            f"write it in quotes, \"{_yaml_text(instance)}\"")


def _yaml_text(instance: object) -> str:
    if isinstance(instance, bool):
        return "true" if instance else "false"
    return str(instance)


def _as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]
