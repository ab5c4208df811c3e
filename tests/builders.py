"""Small constructors for model objects, for tests that call the verdict logic directly.

Each builder fills what the test does not care about with a fixed value, so a test states only
the facts its expectation depends on.
"""

from __future__ import annotations

from array import array
from typing import Any

from checker.errors import Location
from checker.model import Assessment, Control, Evidence, Finding, Result, Status, Waiver
from checker.yamlsource import Document


def control(cid: str = "C-01", **fields: Any) -> Control:
    values: dict[str, Any] = {
        "framework": "mini", "title": f"{cid} title", "area": "area", "severity": "high",
        "requirement": "A requirement.", "evidence": ("auth_policy",),
        "policy": "data.mini.rule", "mode": "automated", "remediation": "Fix it.",
        "source": Location("controls/mini.yaml", 1, 1)}
    values.update(fields)
    return Control(id=cid, **values)


def evidence(eid: str = "e-1", kind: str = "auth_policy", collected: str = "2026-10-01",
             expires: str | None = None, facts: dict[str, Any] | None = None,
             file: str = "evidence/e.yaml", line: int = 1,
             marks: dict[tuple[str | int, ...], tuple[int, int]] | None = None,
             draft: bool = False) -> Evidence:
    """A document; ``draft`` makes it an unfilled template with a ``draft: true`` key."""
    value: dict[str, Any] = {"draft": True} if draft else {}
    value["facts"] = facts or {}
    document = Document(value, Location(file, line, 1), _marks(value, marks or {}, (line, 1)))
    return Evidence(kind=kind, id=eid, title=f"{eid} title", owner="Owner",
                    collected=collected, facts=facts or {}, document=document, expires=expires,
                    file_digest="a" * 64, draft=draft)


def _marks(value: Any, given: dict[tuple[str | int, ...], tuple[int, int]],
           fallback: tuple[int, int]) -> array[int]:
    """Marks in the loader's order (every key and item, depth first), each taken from
    ``given`` or, for a path it does not name, from its nearest named ancestor."""
    marks = array("i")

    def walk(node: Any, path: tuple[str | int, ...], inherited: tuple[int, int]) -> None:
        children = (node.items() if isinstance(node, dict) else
                    enumerate(node) if isinstance(node, list) else ())
        for key, child in children:
            child_path = (*path, key)
            mark = given.get(child_path, inherited)
            marks.extend(mark)
            walk(child, child_path, mark)

    walk(value, (), fallback)
    return marks


def result(ctl: Control, status: Status, findings: tuple[Finding, ...] = (),
           items: tuple[Evidence, ...] = (), reason: str = "why") -> Result:
    return Result(ctl, status, reason, findings, items)


def waiver(control_id: str = "C-01", approved_on: str = "2026-09-01",
           expires: str = "2027-03-31", evidence_id: str | None = None,
           line: int = 2) -> Waiver:
    return Waiver(control=control_id, reason="Vendor fix due.", approved_by="SIRO",
                  approved_on=approved_on, expires=expires,
                  location=Location("evidence/waivers.yaml", line, 5), evidence=evidence_id)


def assessment(*results: Result, as_of: str = "2026-11-01") -> Assessment:
    return Assessment(as_of=as_of, organisation="Test Council", frameworks=(),
                      results=tuple(results), inputs_digest="0" * 64, tool_version="0")
