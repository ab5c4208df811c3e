"""Shared helpers for the format tests: a mixed-outcome mini pack, and schema validators."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
from conftest import AUTH
from jsonschema import Draft4Validator, Draft7Validator, validators

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "schemas"

OLD_ATTESTATION = """\
kind: attestation
id: att-1
title: SIRO attests the disposal policy
owner: SIRO
collected: 2025-01-01
facts:
  controls: [MINI-ATT-01]
  attested_by: A. Person
  role: SIRO
  statement: The policy is in force.
  outcome: met
  document: {title: Disposal policy, reference: IG-14}
"""

WAIVER = """\
waivers:
  - control: MINI-PW-01
    reason: Vendor upgrade due in March.
    approved_by: M. Proudie (SIRO)
    approved_on: 2026-09-01
    expires: 2027-03-31
"""


def mix(mini: Any) -> Any:
    """MINI-PW-01 fails (high), MINI-ATT-01 is a gap (stale attestation), MINI-DEV-01 passes,
    the scoped and future-dated controls are n/a."""
    mini.write("evidence/auth.yaml", AUTH.format(length=8))
    mini.write("evidence/attestation.yaml", OLD_ATTESTATION)
    return mini


def sarif_errors(document: dict[str, Any]) -> list[str]:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return [e.message for e in Draft4Validator(schema).iter_errors(document)]


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    """The ``pattern`` keyword with ``\\p{L}``/``\\p{N}`` (unsupported by ``re``) translated
    to their closest ``re`` equivalents; every other keyword is validated as published."""
    if not validator.is_type(instance, "string"):
        return
    translated = pattern.replace(r"\p{L}", r"[^\W\d_]").replace(r"\p{N}", r"\d")
    if not re.search(translated, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_OSCAL = validators.extend(Draft7Validator, {"pattern": _pattern})


def oscal_errors(document: dict[str, Any]) -> list[str]:
    schema = json.loads((SCHEMAS / "oscal_assessment-results_schema.json")
                        .read_text(encoding="utf-8"))
    validator = _OSCAL(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
