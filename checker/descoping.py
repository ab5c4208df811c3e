"""Item-level descoping: an approved reason for taking one person, device, host or
information asset out of the PSN checks.

``psn_access: false`` on a person, device or host takes it out of PSN-OPS-02, 07, 10 to 12
and PSN-DATA-02, and ``psn_data: false`` on an information asset takes it out of PSN-DATA-01,
only beside a ``psn_exclusion`` (reason, approved_by, approved_on); the rules
(``data.lib.psn_scope``) judge an item without one as in the PSN checks. What Rego cannot
judge as a reader would is who approved it, so the loader refuses, with the file and line,
an exclusion that names nobody, that is approved by the document's owner or by the person,
user or role the item itself names, that is dated after the assessment date, or that sits
on an item whose flag is not false (it could only mislead).

A ``pci_scope`` inventory's ``out_of_scope`` listing is the same kind of decision for PCI DSS:
``in_cde: false`` on a component (or on an account of a listed system) counts only while the
listing does (``data.lib.pci_scope``). The loader refuses, at its line, a listing approved by
nobody or by the inventory's owner, with a blank reason, or dated after the assessment date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checker.approvers import names, placeholder
from checker.dates import add_months, parse_date
from checker.errors import Location, Problem
from checker.model import Evidence

EXCLUSION = "psn_exclusion"
#: The scope inventory's kind, and its list of components decided to be out of PCI DSS scope.
SCOPE_KIND, LISTINGS = "pci_scope", "out_of_scope"
#: An exclusion or listing counts for this long after its approval (as ``data.lib.psn_scope``
#: and ``data.lib.pci_scope`` judge).
MAX_MONTHS = 12
#: kind -> (the list of items, the flag that takes an item out, the item facts naming who
#: the item is or belongs to). An asset's own owner (its Information Asset Owner) may not
#: approve taking it out of the PSN checks: like a waiver, a descoping needs someone other
#: than whoever it relieves (the SIRO, say).
ITEMS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "personnel_screening": ("people", "psn_access", ("person", "role")),
    "device_inventory": ("devices", "psn_access", ("assigned_to",)),
    "software_inventory": ("hosts", "psn_access", ()),
    "asset_register": ("assets", "psn_data", ("owner",)),
}


def problems(item: Evidence, as_of: str) -> list[Problem]:
    """Every ``psn_exclusion`` or ``out_of_scope`` listing in ``item`` that cannot be right,
    located."""
    if item.kind == SCOPE_KIND:
        return _listing_problems(item, as_of)
    if item.kind not in ITEMS:
        return []
    key, flag, identities = ITEMS[item.kind]
    found = []
    for index, entry in enumerate(item.facts.get(key) or ()):
        exclusion = entry.get(EXCLUSION) if isinstance(entry, dict) else None
        if not isinstance(exclusion, dict):
            continue
        label = str(entry.get("person") or entry.get("id") or entry.get("name")
                    or f"{key}[{index}]")

        def at(*path: str, index: int = index) -> Location:
            return item.document.locate(("facts", key, index, EXCLUSION, *path))

        if entry.get(flag) is not False:
            found.append(Problem(at(), f"{label} has a {EXCLUSION} but {flag} is "
                                 "not false; remove the exclusion or record the decision "
                                 f"as {flag}: false"))
        owners = [("the document's owner", item.owner),
                  *((f"the item's own {fact}", str(entry[fact])) for fact in identities
                    if isinstance(entry.get(fact), str) and entry[fact].strip())]
        found += _approval_problems(exclusion, f"{EXCLUSION} of {label}", at, owners, as_of,
                                    "taking an item out of the PSN checks")
    return found


def _listing_problems(item: Evidence, as_of: str) -> list[Problem]:
    found = []
    for index, entry in enumerate(item.facts.get(LISTINGS) or ()):
        if not isinstance(entry, dict):
            continue

        def at(*path: str, index: int = index) -> Location:
            return item.document.locate(("facts", LISTINGS, index, *path))

        label = str(entry.get("name") or f"{LISTINGS}[{index}]")
        found += _approval_problems(entry, f"{LISTINGS} listing of {label}", at,
                                    [("the document's owner", item.owner)], as_of,
                                    "taking a component out of PCI DSS scope")
    return found


def _approval_problems(approval: dict[str, Any], what: str, at: Callable[..., Location],
                       owners: list[tuple[str, str]], as_of: str,
                       decision: str) -> list[Problem]:
    """What is wrong with one approval (``reason``, ``approved_by``, ``approved_on``): an
    approver who names nobody or one of ``owners``, a blank reason, a date after ``as_of``."""
    found = []
    approver = str(approval.get("approved_by", "")).strip()
    mine = [(role, name) for role, name in owners if names(approver, name)]
    if "approved_by" in approval and placeholder(approver):
        found.append(Problem(at("approved_by"), f"{what} is approved by {approver!r}, which "
                             "names nobody; name who approved it, and in what role"))
    elif mine:
        role, name = mine[0]
        found.append(Problem(at("approved_by"), f"{what} is approved by {role} ({name}); "
                             f"{decision} needs someone else's approval"))
    if "reason" in approval and not str(approval.get("reason", "")).strip():
        found.append(Problem(at("reason"), f"{what} has a blank reason"))
    approved_on = approval.get("approved_on")
    if isinstance(approved_on, str) and approved_on > as_of:
        found.append(Problem(at("approved_on"), f"{what} is dated {approved_on}, after the "
                             f"assessment date {as_of}"))
    return found


def approval_counts(approval: dict[str, Any], as_of: str) -> bool:
    """Whether a ``psn_exclusion`` or an ``out_of_scope`` listing counts at ``as_of``, as the
    rules (``data.lib.psn_scope``, ``data.lib.pci_scope``) decide: a reason and an approver
    stated, approved on or before ``as_of`` and within 12 months."""
    approved_on = approval.get("approved_on")
    oldest = add_months(parse_date(as_of), -MAX_MONTHS).isoformat()
    return (bool(str(approval.get("reason", "")).strip())
            and bool(str(approval.get("approved_by", "")).strip())
            and isinstance(approved_on, str) and oldest <= approved_on <= as_of)
