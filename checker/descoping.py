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
"""

from __future__ import annotations

from typing import Any

from checker.approvers import names, placeholder
from checker.dates import add_months, parse_date
from checker.errors import Location, Problem
from checker.model import Evidence

EXCLUSION = "psn_exclusion"
#: An exclusion counts for this long after its approval (as ``data.lib.psn_scope`` judges).
MAX_MONTHS = 12
#: kind -> (the list of items, the flag that takes an item out, the item facts naming who
#: the item is or belongs to). An asset's own owner (its Information Asset Owner) is the
#: natural approver of where its data may travel, so only the register's owner is refused.
ITEMS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "personnel_screening": ("people", "psn_access", ("person", "role")),
    "device_inventory": ("devices", "psn_access", ("assigned_to",)),
    "software_inventory": ("hosts", "psn_access", ()),
    "asset_register": ("assets", "psn_data", ()),
}


def problems(item: Evidence, as_of: str) -> list[Problem]:
    """Every ``psn_exclusion`` in ``item`` that cannot be right, located."""
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
            return item.document.locate(("facts", key, index, *path))

        if entry.get(flag) is not False:
            found.append(Problem(at(EXCLUSION), f"{label} has a {EXCLUSION} but {flag} is "
                                 "not false; remove the exclusion or record the decision "
                                 f"as {flag}: false"))
        approver = str(exclusion.get("approved_by", "")).strip()
        owners = [("the document's owner", item.owner),
                  *((f"the item's own {fact}", str(entry[fact])) for fact in identities
                    if isinstance(entry.get(fact), str) and entry[fact].strip())]
        mine = [(role, name) for role, name in owners if names(approver, name)]
        if placeholder(approver):
            found.append(Problem(at(EXCLUSION, "approved_by"), f"{EXCLUSION} of {label} is "
                                 f"approved by {approver!r}, which names nobody; name who "
                                 "approved it, and in what role"))
        elif mine:
            role, name = mine[0]
            found.append(Problem(at(EXCLUSION, "approved_by"), f"{EXCLUSION} of {label} is "
                                 f"approved by {role} ({name}); taking an item out of the PSN "
                                 "checks needs someone else's approval"))
        if not str(exclusion.get("reason", "")).strip():
            found.append(Problem(at(EXCLUSION, "reason"), f"{EXCLUSION} of {label} has a "
                                 "blank reason"))
        approved_on = exclusion.get("approved_on")
        if isinstance(approved_on, str) and approved_on > as_of:
            found.append(Problem(at(EXCLUSION, "approved_on"), f"{EXCLUSION} of {label} is "
                                 f"dated {approved_on}, after the assessment date {as_of}"))
    return found


def exclusion_counts(exclusion: dict[str, Any], as_of: str) -> bool:
    """Whether a ``psn_exclusion`` takes its item out at ``as_of``, as the rules decide: a
    reason and an approver stated, approved on or before ``as_of`` and within 12 months."""
    approved_on = exclusion.get("approved_on")
    oldest = add_months(parse_date(as_of), -MAX_MONTHS).isoformat()
    return (bool(str(exclusion.get("reason", "")).strip())
            and bool(str(exclusion.get("approved_by", "")).strip())
            and isinstance(approved_on, str) and oldest <= approved_on <= as_of)
