"""Compare two assessments (or an assessment and a saved baseline): what got worse, what better.

A regression is a control whose status got worse (pass to fail, gap or error), a new finding
on a control that was already failing, a control that disappeared, or evidence that was
removed without a successor of its kind. A control that left scope (in scope at the base, out
of scope by the organisation profile at head) is a *scope change*, never an improvement; it
counts as a regression unless an approved profile change explains it. CI exits 1 on any
regression and stays quiet otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checker.errors import ExitCode, Location
from checker.formats import json_
from checker.itemscope import PSN_FLAGS, Flip
from checker.model import Assessment, Status, control_sort_key

#: How bad each status is; a rise is a regression.
RANK = {"pass": 0, "not_applicable": 0, "waived": 1, "gap": 2, "fail": 2, "error": 3}
_OPEN = {"fail", "gap", "waived", "error"}
#: A control new since the base (a catalogue update, a baseline from an older version) is a
#: regression when it does not hold.
_NEW_REGRESSION = {"fail", "gap", "error"}


@dataclass(frozen=True, slots=True)
class Change:
    """One control (or evidence document) that got worse or better."""

    subject: str
    title: str
    before: str | None
    after: str | None
    detail: str
    location: Location | None = None
    approval: str | None = None  # scope changes only: the approved profile change behind it


@dataclass(frozen=True, slots=True)
class Diff:
    """The regressions, scope changes and improvements of ``head`` against a base."""

    base: str
    head: Assessment
    regressions: tuple[Change, ...]
    improvements: tuple[Change, ...]
    scope_changes: tuple[Change, ...] = ()
    notes: tuple[str, ...] = ()  # what a reader must know about the comparison itself
    compared: bool = True  # False when the base had no results (the commit adding evidence)

    @property
    def unapproved(self) -> tuple[Change, ...]:
        """Scope changes that no approved profile change explains: regressions too."""
        return tuple(c for c in self.scope_changes if c.approval is None)

    @property
    def exit_code(self) -> int:
        """3 when any control of the head could not be evaluated (whatever the base said:
        an engine failing on both sides must not read as "no change"), else 1 on any
        regression or unapproved scope change, else 0."""
        if any(r.status is Status.ERROR for r in self.head.results):
            return int(ExitCode.EVALUATION_ERROR)
        return int(ExitCode.FINDINGS) if self.regressions or self.unapproved else 0


def leaving_scope(base: Mapping[str, Any], head: Assessment) -> tuple[str, ...]:
    """Controls in scope at the base that the profile puts out of scope at head (not those
    out of scope by a catalogue date, ``effective_from`` or ``superseded_from``)."""
    was = {c["id"]: c["status"] for c in base["controls"]}
    return tuple(r.control.id for r in head.results
                 if r.status is Status.NOT_APPLICABLE and r.applicable is False
                 and was.get(r.control.id, "not_applicable") != "not_applicable")


def compare(base: Mapping[str, Any], head: Assessment, base_label: str, *,
            approved: Mapping[str, str] | None = None, notes: tuple[str, ...] = (),
            flips: tuple[Flip, ...] = ()) -> Diff:
    """Diff two results documents (the JSON format), ``head`` kept for locations.

    ``approved`` maps each control whose scope change an approved profile change explains
    to a description of that approval; every other scope change is unapproved. ``flips``
    are items whose own scope flag (``psn_access``, ``psn_data``, ``in_cde``) went to false:
    scope changes too, unapproved unless the flip carries its approval.
    """
    approved = approved or {}
    after = json_.document(head)
    scope = set(leaving_scope(base, head))
    scope_changes: list[Change] = []
    before_controls = {c["id"]: c for c in base["controls"]}
    after_controls = {c["id"]: c for c in after["controls"]}
    regressions: list[Change] = []
    improvements: list[Change] = []
    for control_id in sorted(before_controls.keys() | after_controls.keys(), key=control_sort_key):
        old, new = before_controls.get(control_id), after_controls.get(control_id)
        if new is None:
            assert old is not None
            regressions.append(Change(control_id, old["title"], old["status"], None,
                                      "control disappeared from the results"))
            continue
        if old is None:
            if base["controls"] and new["status"] in _NEW_REGRESSION:
                regressions.append(Change(control_id, new["title"], None, new["status"],
                                          f"new control, {new['status']}: {new['reason']}",
                                          _first_location(new["findings"], new)))
            continue  # with no base results at all, nothing can be compared
        if control_id in scope:
            scope_changes.append(_scope_change(old, new, approved.get(control_id), head))
            continue
        _compare_control(old, new, regressions, improvements)
    descoped = {c.subject for c in scope_changes if c.approval is not None}
    scope_changes += [_flip_change(flip) for flip in flips]
    regressions += _removed_evidence(base, after, descoped)
    scope_changes.sort(key=lambda c: c.approval is not None)  # unapproved first, stable
    return Diff(base_label, head, tuple(regressions), tuple(improvements),
                tuple(scope_changes), notes, bool(base["controls"]))


def _scope_change(old: dict[str, Any], new: dict[str, Any], approval: str | None,
                  head: Assessment) -> Change:
    why = f"left scope ({new['reason']})"
    detail = (f"{why}; approved: {approval}" if approval else
              f"{why}; no approved change in the organisation profile's scope_approvals "
              "explains it")
    return Change(new["id"], new["title"], old["status"], new["status"], detail,
                  head.profile, approval)


def _flip_change(flip: Flip) -> Change:
    after = flip.after
    was = "unstated" if flip.before is None or flip.before.value is None else "true"
    what = {"psn_access": "leaves the PSN checks",
            "psn_data": "is no longer judged as carried over the PSN"}.get(
                after.flag, "leaves PCI DSS scope")
    listing = "it" if after.listed_as == after.name else f"its system {after.listed_as}"
    needs = ("a psn_exclusion on the item that counts (reason, independent approver, "
             "approved within 12 months)" if after.flag in PSN_FLAGS else
             f"the pci_scope inventory listing {listing} under out_of_scope with an approval "
             "that counts (reason, independent approver, approved within 12 months)")
    detail = (f"{after.flag} {was} -> false: {after.name} {what}; "
              + (f"approved: {flip.approval}" if flip.approval else f"unapproved: needs {needs}"))
    return Change(after.name, f"{after.kind} item", f"{after.flag} {was}",
                  f"{after.flag} false", detail, after.location, flip.approval)


def _compare_control(old: dict[str, Any], new: dict[str, Any], regressions: list[Change],
                     improvements: list[Change]) -> None:
    was, now = old["status"], new["status"]
    new_findings = [f for f in new["findings"] if _key(f) not in {_key(o) for o in old["findings"]}]
    location = _first_location(new_findings or new["findings"], new)
    if RANK[now] > RANK[was]:
        regressions.append(Change(new["id"], new["title"], was, now, _why(new, new_findings),
                                  location))
    elif was in _OPEN and now in _OPEN and new_findings and RANK[now] >= RANK[was]:
        detail = "; ".join(f["message"] for f in new_findings)
        regressions.append(Change(new["id"], new["title"], was, now, f"new finding: {detail}",
                                  location))
    elif RANK[now] < RANK[was]:
        improvements.append(Change(new["id"], new["title"], was, now, new["reason"]))


def _why(control: dict[str, Any], new_findings: list[dict[str, Any]]) -> str:
    if new_findings:
        return "; ".join(f["message"] for f in new_findings)
    return str(control["reason"])


def _key(finding: dict[str, Any]) -> str:
    """A finding is the same finding when it says the same thing, whichever document said
    it: renewing the evidence under a new id must not make an old problem look new."""
    return str(finding["message"])


def _first_location(findings: list[dict[str, Any]], control: dict[str, Any]) -> Location | None:
    for finding in findings:
        if finding["file"] and finding["line"]:
            return Location(finding["file"], finding["line"], finding["column"] or 0)
    for evidence in control["evidence"]:
        return Location(evidence["file"], evidence["line"])
    return None


def _removed_evidence(base: Mapping[str, Any], after: Mapping[str, Any],
                      descoped: set[str]) -> list[Change]:
    """Evidence deleted without a successor. Replacing a document with a newer one of the
    same kind (next month's patch report under a new id) is routine and not a regression;
    deleting one that no new document of its kind replaces is, even when every control it
    backed still passes, and so is deleting one a finding cited at the base, whatever else
    is added (deleting the evidence of a failure must not read as a fix). Evidence that only
    ``descoped`` controls (an approved scope change) read may go."""
    def evidence(document: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for c in document["controls"] if c["id"] not in descoped
                for e in c["evidence"]}

    before, now = evidence(base), evidence(after)
    renewed = {item["kind"] for evidence_id, item in now.items() if evidence_id not in before}
    # A document a finding cited at the base is the evidence of a failure. If a control it
    # failed is better at head, a new document of its kind about something else (another
    # endpoint, another channel) must not stand in for it: only the same id renews it (as
    # `checker import` keeps ids stable). A failure carried into a renewal is no fix.
    status_now = {c["id"]: c["status"] for c in after["controls"]}
    cleared: dict[str, list[str]] = {}
    for control in base["controls"]:
        if control["id"] in descoped or \
                RANK.get(status_now.get(control["id"], ""), 3) >= RANK[control["status"]]:
            continue
        for finding in control["findings"]:
            if finding.get("evidence"):
                cleared.setdefault(finding["evidence"], []).append(control["id"])
    changes = []
    for evidence_id, item in sorted(before.items()):
        if evidence_id in now:
            continue
        where = f"evidence '{evidence_id}' ({item['file']}:{item['line']})"
        if evidence_id in cleared:
            controls = ", ".join(sorted(set(cleared[evidence_id]), key=control_sort_key))
            changes.append(Change(evidence_id, f"{item['kind']} evidence", "present", None,
                                  f"{where} was removed while a finding cited it, and "
                                  f"{controls} now reads better; renew it under the same id, "
                                  "or fix what it shows"))
        elif item["kind"] not in renewed:
            changes.append(Change(evidence_id, f"{item['kind']} evidence", "present", None,
                                  f"{where} was removed and no new {item['kind']} evidence "
                                  "replaces it"))
    return changes
