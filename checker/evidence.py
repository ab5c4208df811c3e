"""Load, locate and validate evidence declarations under an evidence directory."""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import schemas
from checker.errors import InputError, Location, Problem
from checker.limits import Limits
from checker.model import Evidence
from checker.yamlsource import Document, load_documents, read_text

YAML_SUFFIXES = (".yaml", ".yml")
WAIVER_FILES = ("waivers.yaml", "waivers.yml")
ORGANISATION_KIND = "organisation"
ATTESTATION_KIND = "attestation"


@dataclass(frozen=True, slots=True)
class EvidenceSet:
    """All evidence of one run, indexed the ways the runner needs."""

    documents: tuple[Evidence, ...]
    files: dict[str, str] = field(default_factory=dict)  # display path -> sha256

    @property
    def organisation(self) -> dict[str, Any]:
        orgs = [e for e in self.documents if e.kind == ORGANISATION_KIND]
        return orgs[0].facts if orgs else {}

    def by_kind(self) -> dict[str, list[Evidence]]:
        grouped: dict[str, list[Evidence]] = defaultdict(list)
        for item in self.documents:
            grouped[item.kind].append(item)
        return grouped

    def by_id(self) -> dict[str, Evidence]:
        return {e.id: e for e in self.documents}

    def to_input(self, as_of: str) -> dict[str, Any]:
        """The Rego input document: assessment date, organisation profile, evidence by kind."""
        evidence: dict[str, list[dict[str, Any]]] = {}
        for kind, items in sorted(self.by_kind().items()):
            evidence[kind] = [item.to_input() for item in items]
        return {"as_of": as_of, "organisation": self.organisation, "evidence": evidence}


def yaml_files(root: Path, display_root: str, limits: Limits) -> list[tuple[Path, str]]:
    """Every YAML file under ``root`` (sorted), refusing links that leave it.

    Hidden files and directories (``.git``, ``.github``) are not evidence and are skipped.
    """
    base = root.resolve()
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()

    def walk(directory: Path, display: str) -> None:
        real = directory.resolve()
        if real in seen:
            return
        seen.add(real)
        for entry in sorted(os.scandir(directory), key=lambda e: e.name):
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            shown = f"{display}/{entry.name}"
            if entry.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(base):
                    raise InputError.at(Location(shown), "symbolic link leaves the evidence "
                                        "directory; refusing to follow it")
            if entry.is_dir():
                walk(path, shown)
            elif directory == root and entry.name in WAIVER_FILES:
                continue  # waivers are not evidence; checker.waivers reads them
            elif entry.name.lower().endswith(YAML_SUFFIXES):
                if not entry.is_file():  # a FIFO, socket or device named like evidence
                    raise InputError.at(Location(shown), "not a regular file; evidence must "
                                        "be plain YAML files")
                found.append((path, shown))
                if len(found) > limits.max_files:
                    raise InputError.at(Location(display_root), f"more than {limits.max_files} "
                                        "YAML files; raise --max-files if this is intended")

    if not root.is_dir():
        raise InputError.at(Location(display_root), "evidence directory does not exist")
    walk(root, display_root)
    return found


def load_evidence(root: Path, as_of: str, *, display_root: str | None = None,
                  limits: Limits | None = None) -> EvidenceSet:
    """Load every evidence document under ``root``; raise one InputError listing every problem."""
    limits = limits or Limits()
    display_root = display_root or root.as_posix()
    documents: list[Evidence] = []
    files: dict[str, str] = {}
    problems: list[Problem] = []
    for path, display in yaml_files(root, display_root, limits):
        try:
            text, digest = read_text(path, display, limits.max_file_bytes)
            files[f"evidence/{path.relative_to(root).as_posix()}"] = digest  # not cwd-bound
            count = 0
            for document in load_documents(text, display):
                count += 1
                item, found = _evidence(document, digest, as_of, root, path)
                problems.extend(found)
                if item is not None:
                    documents.append(item)
            if count == 0:
                problems.append(Problem(Location(display), "file holds no YAML document; "
                                        "delete it or add evidence"))
        except InputError as exc:
            problems.extend(exc.problems)
    problems.extend(_cross_document_problems(documents))
    if not problems and not any(e.kind == ORGANISATION_KIND for e in documents):
        problems.append(Problem(Location(display_root), "no organisation profile (kind: "
                                "organisation): it decides which controls apply; add one"))
    if problems:
        raise InputError(problems)
    documents.sort(key=lambda e: (e.kind, e.location))
    return EvidenceSet(tuple(documents), dict(sorted(files.items())))


def _evidence(document: Document, digest: str, as_of: str, root: Path,
              path: Path) -> tuple[Evidence | None, list[Problem]]:
    value = document.value
    if not isinstance(value, dict):
        kind = "list" if isinstance(value, list) else "scalar"
        return None, [Problem(document.location, f"evidence document is a {kind}; "
                              "expected a mapping with kind, id, facts, ...")]
    found = schemas.problems("evidence.schema.json", value, document)
    declared = value.get("kind")
    if isinstance(declared, str) and declared not in schemas.evidence_kinds():
        known = ", ".join(schemas.evidence_kinds())
        found.append(Problem(document.locate(("kind",)), f"unknown evidence kind '{declared}' "
                             f"(known kinds: {known})"))
    elif isinstance(declared, str) and isinstance(value.get("facts"), dict):
        found += schemas.problems(f"kinds/{declared}.schema.json", value["facts"], document,
                                  ("facts",))
    if found:
        return None, found
    found += _date_problems(value, document, as_of)
    found += _attachment_problems(value, document, root, path)
    if found:
        return None, found
    item = Evidence(kind=value["kind"], id=value["id"], title=value["title"],
                    owner=value["owner"], collected=value["collected"], facts=value["facts"],
                    document=document, expires=value.get("expires"),
                    scope=tuple(value.get("scope", ())), file_digest=digest)
    return item, []


def _date_problems(value: dict[str, Any], document: Document, as_of: str) -> list[Problem]:
    found = []
    if value["collected"] > as_of:
        found.append(Problem(document.locate(("collected",)), f"collected {value['collected']} "
                             f"is after the assessment date {as_of}"))
    expires = value.get("expires")
    if expires is not None and expires < value["collected"]:
        found.append(Problem(document.locate(("expires",)), f"expires {expires} is before "
                             f"collected {value['collected']}"))
    return found


def _attachment_problems(value: dict[str, Any], document: Document, root: Path,
                         path: Path) -> list[Problem]:
    found = []
    base = root.resolve()
    for index, attachment in enumerate(value.get("attachments", ())):
        where = document.locate(("attachments", index, "path"))
        target = (path.parent / attachment["path"]).resolve()
        if not target.is_relative_to(base):
            found.append(Problem(where, f"attachment {attachment['path']!r} is outside the "
                                 "evidence directory"))
        elif not target.is_file():
            found.append(Problem(where, f"attachment {attachment['path']!r} does not exist"))
        else:
            try:
                actual = _sha256(target)
            except OSError as exc:
                found.append(Problem(where, f"attachment {attachment['path']!r} cannot be "
                                     f"read: {exc.strerror or exc}"))
                continue
            if actual != attachment["sha256"]:
                found.append(Problem(document.locate(("attachments", index, "sha256")),
                                     f"attachment {attachment['path']!r} has sha256 {actual}, "
                                     f"not the declared {attachment['sha256']}"))
    return found


def _sha256(path: Path) -> str:
    """A file's sha256, read in chunks: attachments may be far larger than evidence."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _cross_document_problems(documents: list[Evidence]) -> list[Problem]:
    found = []
    first: dict[str, Evidence] = {}
    for item in sorted(documents, key=lambda e: e.location):
        if item.id in first:
            found.append(Problem(item.document.locate(("id",)), f"duplicate evidence id "
                                 f"'{item.id}' (first declared at {first[item.id].location})"))
        else:
            first[item.id] = item
    orgs = [e for e in documents if e.kind == ORGANISATION_KIND]
    found += [Problem(o.location, "more than one organisation profile; keep exactly one")
              for o in orgs[1:]]
    return found
