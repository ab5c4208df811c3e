"""Approved scope changes: the organisation profile's record of a fact that changed.

A control that leaves scope because the profile changed is not an improvement. The profile
may carry ``facts.scope_approvals``: for each changed fact, its value before and after, why,
who approved it and when. ``checker diff`` puts every approved fact back to its ``from``
value and asks the policies again: a control that comes back into scope left it by an
approved change; one that stays out left it for a reason no approval covers.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from checker.approvers import names, placeholder
from checker.dates import add_months, parse_date
from checker.errors import InputError, Location, Problem
from checker.model import Evidence

APPROVALS = "scope_approvals"
#: An approval covers a diff for this long after it was given.
MAX_MONTHS = 12


@dataclass(frozen=True, slots=True)
class ScopeApproval:
    """One approved change of one profile fact (a dotted path under ``facts``)."""

    fact: str
    before: Any
    after: Any
    reason: str
    approved_by: str
    approved_on: str
    location: Location

    def describe(self) -> str:
        return (f"{self.fact} {_show(self.before)} -> {_show(self.after)}, approved by "
                f"{self.approved_by} on {self.approved_on}: {self.reason}")


@dataclass(frozen=True, slots=True)
class Approvals:
    """The approvals a diff may use, and those too old to use (reported, not applied)."""

    usable: tuple[ScopeApproval, ...] = ()
    notices: tuple[Problem, ...] = ()


def approvals(profile: Evidence, as_of: str,
              owners: Sequence[tuple[str, str]] = ()) -> Approvals:
    """Read and check the profile's approvals; raise InputError (exit 2, file:line) for one
    that cannot be right: approved by nobody (a placeholder), by the profile's owner or by
    one of the other ``owners`` (as what, name: the profile's owner at the base), dated
    after ``as_of``, or describing a fact whose value in the profile is not its ``to``."""
    owners = [("the profile's owner", profile.owner), *owners]
    usable: list[ScopeApproval] = []
    notices: list[Problem] = []
    problems: list[Problem] = []
    oldest = add_months(parse_date(as_of), -MAX_MONTHS).isoformat()
    for index, raw in enumerate(profile.facts.get(APPROVALS) or ()):
        def at(*key: str | int, index: int = index) -> Location:
            return profile.document.locate(("facts", APPROVALS, index, *key))

        approval = ScopeApproval(raw["fact"], raw["from"], raw["to"], raw["reason"].strip(),
                                 raw["approved_by"].strip(), raw["approved_on"], at())
        found = _problems(approval, profile, as_of, at, owners)
        problems += found
        if found:
            continue
        if approval.approved_on < oldest:
            notices.append(Problem(approval.location, f"scope approval for {approval.fact} was "
                                   f"given on {approval.approved_on}, more than {MAX_MONTHS} "
                                   f"months before {as_of}; not applied"))
        else:
            usable.append(approval)
    if problems:
        raise InputError(problems)
    return Approvals(tuple(usable), tuple(sorted(notices)))


def _problems(approval: ScopeApproval, profile: Evidence, as_of: str, at: Any,
              owners: Sequence[tuple[str, str]]) -> list[Problem]:
    found = []
    mine = [(role, name) for role, name in owners if names(approval.approved_by, name)]
    if not approval.approved_by:
        found.append(Problem(at("approved_by"), f"scope approval for {approval.fact} has a "
                             "blank approved_by"))
    elif placeholder(approval.approved_by):
        found.append(Problem(at("approved_by"), f"scope approval for {approval.fact} is "
                             f"approved by {approval.approved_by!r}, which names nobody; name "
                             "who approved the change, and in what role"))
    elif mine:
        role, name = mine[0]
        found.append(Problem(at("approved_by"), f"scope approval for {approval.fact} is "
                             f"approved by {role} ({name}); a change of scope needs someone "
                             "else's approval"))
    if not approval.reason:
        found.append(Problem(at("reason"), f"scope approval for {approval.fact} has a blank "
                             "reason"))
    if approval.approved_on > as_of:
        found.append(Problem(at("approved_on"), f"scope approval for {approval.fact} is dated "
                             f"{approval.approved_on}, after the assessment date {as_of}"))
    path = approval.fact.split(".")
    if path[0] == APPROVALS:
        found.append(Problem(at("fact"), f"{APPROVALS} cannot approve itself"))
        return found
    present, value = _get(profile.facts, path)
    if not present or value != approval.after:
        now = _show(value) if present else "nothing"
        found.append(Problem(at("to"), f"scope approval says {approval.fact} is now "
                             f"{_show(approval.after)}, but the profile says {now}"))
    return found


def counterfactual(facts: dict[str, Any], usable: tuple[ScopeApproval, ...]) -> dict[str, Any]:
    """The profile facts with every approved change undone (each fact at its ``from``)."""
    undone = copy.deepcopy(facts)
    for approval in usable:
        *parents, leaf = approval.fact.split(".")
        node = undone
        for key in parents:
            node = node[key]
        node[leaf] = copy.deepcopy(approval.before)
    return undone


def _get(facts: dict[str, Any], path: list[str]) -> tuple[bool, Any]:
    node: Any = facts
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return False, None
        node = node[key]
    return True, node


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return "null" if value is None else str(value)
