"""The SAQ requirement lists: which PCI DSS requirement ids each questionnaire asks about."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from checker.errors import InputError, Location, Problem
from checker.yamlsource import Document

#: Validation types a payment channel may declare (ROC: a full Report on Compliance).
VALIDATION_TYPES = ("A", "A-EP", "B", "B-IP", "C", "C-VT", "P2PE", "SPoC", "D-Merchant",
                    "D-Service Provider", "ROC")
ROC = "ROC"
SAQ_DIRECTORY = "saq"  # controls/<framework>/saq/*.yaml hold these lists, not catalogues

_FIELDS = {"saq", "title", "for", "document", "revision", "published", "publisher",
           "confidence", "confidence_note", "moves_to", "not_tested_allowed", "count",
           "requirements"}
_REQUIRED = _FIELDS - {"publisher"}
_ID = re.compile(r"^(?:[1-9]|1[0-2]|A[1-3])(?:\.\d+)+$")


@dataclass(frozen=True, slots=True)
class SaqList:
    """One questionnaire: its source document and the requirement ids it asks about."""

    saq: str
    title: str
    audience: str
    document: str
    revision: str
    published: str
    confidence: str
    confidence_note: str
    moves_to: str
    not_tested_allowed: bool
    requirements: tuple[str, ...]
    source: Location

    @property
    def citation(self) -> str:
        return f"{self.document}, revision {self.revision}, {self.published}"


def is_saq_path(relative: str) -> bool:
    """True for ``pci/saq/a.yaml``: a file of SAQ lists, not a control catalogue."""
    return SAQ_DIRECTORY in relative.split("/")[:-1]


def parse_saq_lists(documents: Iterable[Document]) -> dict[str, SaqList]:
    """Every SAQ list, keyed by validation type; one InputError naming file:line otherwise."""
    lists: dict[str, SaqList] = {}
    problems: list[Problem] = []
    for document in documents:
        found, item = _parse(document)
        problems += found
        if item is None:
            continue
        if item.saq in lists:
            problems.append(Problem(item.source, f"SAQ {item.saq} is listed twice (first at "
                                    f"{lists[item.saq].source})"))
        lists[item.saq] = item
    for item in lists.values():
        if item.moves_to not in lists and item.moves_to != ROC:
            problems.append(Problem(item.source, f"SAQ {item.saq}: moves_to names unknown "
                                    f"SAQ '{item.moves_to}'"))
    if problems:
        raise InputError(problems)
    return dict(sorted(lists.items(), key=lambda kv: VALIDATION_TYPES.index(kv[0])))


def _parse(document: Document) -> tuple[list[Problem], SaqList | None]:
    value = document.value
    where = document.location
    if not isinstance(value, Mapping):
        return [Problem(where, "an SAQ list must be a mapping")], None
    problems = [Problem(document.locate((key,)), f"unknown key '{key}' in SAQ list")
                for key in sorted(set(value) - _FIELDS)]
    problems += [Problem(where, f"SAQ list lacks '{key}'")
                 for key in sorted(_REQUIRED - set(value))]
    if problems:
        return problems, None
    saq = value["saq"]
    if saq not in VALIDATION_TYPES or saq == ROC:
        return [Problem(document.locate(("saq",)), f"unknown SAQ '{saq}' (known: "
                        f"{', '.join(VALIDATION_TYPES[:-1])})")], None
    raw = value["requirements"]
    ids = [str(r) for r in raw] if isinstance(raw, list) else []
    if not ids:
        problems.append(Problem(document.locate(("requirements",)), "requirements must be a "
                                "non-empty list of PCI DSS requirement ids"))
    for index, rid in enumerate(ids):
        if not _ID.match(rid):
            problems.append(Problem(document.locate(("requirements", index)),
                                    f"'{rid}' is not a PCI DSS requirement id"))
    for rid in sorted({r for r in ids if ids.count(r) > 1}):
        problems.append(Problem(document.locate(("requirements",)), f"'{rid}' listed twice"))
    if value["count"] != len(ids):
        problems.append(Problem(document.locate(("count",)), f"count says {value['count']} "
                                f"but {len(ids)} requirements are listed"))
    if value["confidence"] not in ("high", "medium", "low"):
        problems.append(Problem(document.locate(("confidence",)), "confidence must be high, "
                                "medium or low"))
    if problems:
        return problems, None
    return [], SaqList(
        saq=saq, title=str(value["title"]), audience=str(value["for"]),
        document=str(value["document"]), revision=str(value["revision"]),
        published=str(value["published"]), confidence=str(value["confidence"]),
        confidence_note=" ".join(str(value["confidence_note"]).split()),
        moves_to=str(value["moves_to"]), not_tested_allowed=bool(value["not_tested_allowed"]),
        requirements=tuple(ids), source=where)
