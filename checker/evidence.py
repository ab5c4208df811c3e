"""Load, locate and validate evidence declarations under an evidence directory."""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import descoping, schemas
from checker.errors import InputError, Location, Problem
from checker.limits import Limits
from checker.model import Control, Evidence
from checker.text import visible
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
    skipped: tuple[Problem, ...] = ()  # files that look like YAML but are not loaded, and why

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

    @property
    def profile(self) -> Evidence | None:
        """The organisation profile, which decides every control's scope."""
        return next((e for e in self.documents if e.kind == ORGANISATION_KIND), None)

    @property
    def drafts(self) -> tuple[Location, ...]:
        """Where each unfilled template (``draft: true``, as ``checker init`` writes) is."""
        return tuple(sorted(draft_location(e) for e in self.documents if e.draft))

    def to_input(self, as_of: str) -> dict[str, Any]:
        """The Rego input document: assessment date, organisation profile, evidence by kind.

        A document past its ``expires`` date is left out: it no longer counts, so a rule sees
        its subject (a payment channel, an endpoint, a system) as unevidenced, never as
        vouched for by what has expired. Freshness still reports it (see ``expired``).
        """
        evidence: dict[str, list[dict[str, Any]]] = {}
        for kind, items in sorted(self.by_kind().items()):
            evidence[kind] = [item.to_input() for item in items if not item.expired(as_of)]
        return {"as_of": as_of, "organisation": self.organisation, "evidence": evidence}

    def expired(self, as_of: str) -> tuple[Evidence, ...]:
        """The documents past their ``expires`` date at ``as_of``, which no rule reads."""
        return tuple(item for item in self.documents if item.expired(as_of))


_YAML_LIKE = re.compile(r"\.ya?ml", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Files:
    """The YAML files to load (path, display name), and every look-alike skipped, with why."""

    found: list[tuple[Path, str]]
    skipped: list[Problem]


def is_yaml(name: str) -> bool:
    """Whether a file is loaded as YAML: ``.yaml`` or ``.yml``, in any case."""
    return name.lower().endswith(YAML_SUFFIXES)


def skip_reason(name: str) -> str | None:
    """Why a file that looks like YAML is not loaded, or None when it is not skipped."""
    if not _YAML_LIKE.search(name):
        return None
    if name.startswith("."):
        return "skipped: hidden files are not evidence"
    if is_yaml(name):
        return None
    if is_yaml(name.rstrip()):
        return (f"skipped: the name ends in whitespace; rename it to '{name.rstrip()}' "
                "to load it")
    return ("skipped: not named *.yaml or *.yml (a backup or a copy?); rename it to load it, "
            "or move it out of the evidence directory")


def used_by(control: Control, by_kind: Mapping[str, list[Evidence]]) -> tuple[Evidence, ...]:
    """The documents a control reads: its evidence kinds (attestations only if they cite it)."""
    items = []
    for kind in control.evidence:
        for item in by_kind.get(kind, ()):
            if kind == ATTESTATION_KIND and control.id not in item.facts.get("controls", ()):
                continue
            items.append(item)
    return tuple(sorted(items, key=lambda e: e.location))


def draft_location(item: Evidence) -> Location:
    """The line of a template's ``draft: true`` (the line to delete once it is filled in)."""
    return item.document.locate(("draft",))


def yaml_files(root: Path, display_root: str, limits: Limits) -> Files:
    """Every YAML file under ``root`` (sorted), refusing links that leave it or loop.

    Hidden directories (``.git``, ``.github``) are not evidence and are not read; a file
    that looks like YAML but is not loaded is named in ``skipped`` with the reason.
    """
    base = root.resolve()
    files = Files([], [])
    seen: set[Path] = set()

    def walk(directory: Path, display: str) -> None:
        real = directory.resolve()
        if real in seen:
            files.skipped.append(Problem(Location(display), "skipped: links to a directory "
                                         "already read; its files are read once"))
            return
        seen.add(real)
        for entry in _entries(directory, display):
            path = Path(entry.path)
            shown = f"{display}/{visible(entry.name)}"  # a name that is not UTF-8: \udcff
            reason = skip_reason(entry.name)
            if entry.name.startswith("."):  # never followed, and named if it looks like YAML
                if reason is not None and not _is_dir(entry, shown, quiet=True):
                    files.skipped.append(Problem(Location(shown), reason))
                continue
            if entry.is_symlink() and not _link_target(path, shown, entry.name).is_relative_to(
                    base):
                raise InputError.at(Location(shown), "symbolic link leaves the evidence "
                                    "directory; refusing to follow it")
            if _is_dir(entry, shown):
                walk(path, shown)
            elif directory == root and entry.name.lower() in WAIVER_FILES:
                continue  # waivers are not evidence; checker.waivers reads them
            elif reason is not None:
                files.skipped.append(Problem(Location(shown), reason))
            elif is_yaml(entry.name):
                if not entry.is_file():  # a FIFO, socket or device named like evidence
                    raise InputError.at(Location(shown), "not a regular file; evidence must "
                                        "be plain YAML files")
                files.found.append((path, shown))
                if len(files.found) > limits.max_files:
                    raise InputError.at(Location(display_root), f"more than {limits.max_files} "
                                        "YAML files; raise --max-files if this is intended")

    if not root.is_dir():
        raise InputError.at(Location(display_root), "evidence directory does not exist")
    walk(root, display_root)
    return files


def _entries(directory: Path, display: str) -> list[os.DirEntry[str]]:
    """A directory's entries by name; an unreadable directory is an input error."""
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        raise InputError.at(Location(display), f"cannot read directory: "
                            f"{exc.strerror or exc}") from exc


def _is_dir(entry: os.DirEntry[str], shown: str, quiet: bool = False) -> bool:
    try:
        return entry.is_dir()
    except OSError as exc:
        if quiet:
            return False
        raise InputError.at(Location(shown), f"cannot read: {exc.strerror or exc}") from exc


def _link_target(path: Path, shown: str, name: str) -> Path:
    """Where a symbolic link ends; a loop, or a dangling link named like YAML, is an error."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError as exc:
        if is_yaml(name):
            raise InputError.at(Location(shown), "symbolic link points at nothing") from exc
        return path.resolve()
    except (OSError, RuntimeError) as exc:  # ELOOP
        raise InputError.at(Location(shown), "symbolic link loop; refusing to follow "
                            "it") from exc


def load_evidence(root: Path, as_of: str, *, display_root: str | None = None,
                  limits: Limits | None = None) -> EvidenceSet:
    """Load every evidence document under ``root``; raise one InputError listing every problem."""
    limits = limits or Limits()
    display_root = visible(display_root or root.as_posix())
    documents: list[Evidence] = []
    files: dict[str, str] = {}
    problems: list[Problem] = []
    listing = yaml_files(root, display_root, limits)
    for path, display in listing.found:
        try:
            text, digest = read_text(path, display, limits.max_file_bytes)
            # named from the pack's root, not the working directory; \udcff for a non-UTF-8 byte
            files[f"evidence/{visible(path.relative_to(root).as_posix())}"] = digest
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
    return EvidenceSet(tuple(documents), dict(sorted(files.items())),
                       tuple(sorted(listing.skipped)))


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
                    scope=tuple(value.get("scope", ())), file_digest=digest,
                    draft=value.get("draft") is True)
    found = descoping.problems(item, as_of)
    return (None, found) if found else (item, [])


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
