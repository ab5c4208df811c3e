"""Editor schemas and starter evidence packs (``checker schema export``, ``checker init``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from checker import schemas
from checker.errors import InputError, Location
from checker.evidence import ATTESTATION_KIND, ORGANISATION_KIND
from checker.model import Control

SCHEMA_DIR = ".schemas"
PCI_FRAMEWORK = "pci"
#: A template is a draft until someone fills it in: never evidence that a control passes.
DRAFT_LINE = "draft: true  # delete this line when filled in"
#: The profile of a pack made without PCI DSS: no cards taken, so no other PCI flag is needed.
NO_CARD_PAYMENTS = {"merchant": False, "service_provider": False}


def editor_schema(kind: str) -> dict[str, Any]:
    """One self-contained schema for a whole ``kind`` document: envelope plus its facts."""
    envelope = schemas.load("evidence.schema.json")
    facts = schemas.load(f"kinds/{kind}.schema.json")
    facts.pop("$schema", None)
    facts.pop("$id", None)
    facts.pop("examples", None)
    properties = dict(envelope["properties"], kind={"const": kind}, facts=facts)
    if "$defs" in facts:  # local references ("#/$defs/...") resolve from the document root
        envelope["$defs"] = facts.pop("$defs")
    return {**envelope, "$id": f"urn:checker:schema:document:{kind}:v1",
            "title": facts.get("title", kind), "properties": properties}


def export_schemas(directory: Path) -> list[Path]:
    """Write an editor schema per kind, plus the waivers and catalogue schemas."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    documents = {f"{kind}.schema.json": editor_schema(kind) for kind in schemas.evidence_kinds()}
    documents["waivers.schema.json"] = schemas.load("waivers.schema.json")
    documents["catalogue.schema.json"] = schemas.load("catalogue.schema.json")
    documents["results.schema.json"] = schemas.load("results.schema.json")
    for name, document in sorted(documents.items()):
        path = directory / name
        path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


def kinds_needed(controls: Iterable[Control]) -> list[str]:
    """Evidence kinds the controls need, plus the organisation profile that scopes them."""
    kinds = {kind for control in controls for kind in control.evidence}
    return sorted(kinds | {ORGANISATION_KIND})


def init_pack(directory: Path, controls: tuple[Control, ...], as_of: str) -> list[Path]:
    """Write one commented, schema-valid template per needed kind into a new directory, each
    marked ``draft: true`` so that no control passes on it until it is filled in."""
    if directory.exists() and any(directory.iterdir()):
        raise InputError.at(Location(directory.as_posix()), "directory is not empty; "
                            "choose a new one (checker init never overwrites files)")
    export_schemas(directory / SCHEMA_DIR)
    written = []
    for kind in kinds_needed(controls):
        path = directory / f"{kind}.yaml"
        path.write_text(_template(kind, controls, as_of), encoding="utf-8")
        written.append(path)
    return written


def _template(kind: str, controls: tuple[Control, ...], as_of: str) -> str:
    schema = schemas.load(f"kinds/{kind}.schema.json")
    users = [c.id for c in controls if kind in c.evidence]
    if kind == ATTESTATION_KIND:
        attested = [c.id for c in controls if c.attested]
        facts = dict(schema["examples"][0], controls=attested[:3] or users[:3])
    elif kind == ORGANISATION_KIND and PCI_FRAMEWORK not in {c.framework for c in controls}:
        facts = dict(schema["examples"][0], pci=NO_CARD_PAYMENTS)  # say so; don't guess
    else:
        facts = schema["examples"][0]
    document = {"kind": kind, "id": f"{kind.replace('_', '-')}-1",
                "title": f"TODO: what this {kind.replace('_', ' ')} is",
                "owner": "TODO: the post accountable for it", "collected": as_of,
                "facts": facts}
    needed = ", ".join(users) if users else "every control's applicability"
    lines = [f"# yaml-language-server: $schema={SCHEMA_DIR}/{kind}.schema.json",
             f"# {schema.get('title', kind)}",
             f"# Needed by: {needed}",
             "# Replace the example values with yours and delete the `draft: true` line, then",
             "# run `checker validate`. Until then every control using this file is a gap.",
             "# Every fact is described in docs/evidence.md and in the schema above."]
    if kind == ATTESTATION_KIND:
        lines.append("# One attestation may list many control ids; copy this document per "
                     "attesting role.")
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=96)
    kind_line, rest = body.split("\n", 1)
    return "\n".join([*lines, kind_line, DRAFT_LINE]) + "\n" + rest
