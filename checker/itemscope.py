"""Item-level scope flags: ``psn_access`` on people, devices and hosts, ``psn_data`` on
information assets, ``in_cde`` on system components and accounts, and which of them a change
turned to ``false``.

A profile change that takes controls out of scope is a scope change (``checker.scopechange``);
so is an item that leaves the PSN or PCI DSS checks by its own flag. ``checker diff`` reports
every flag that went from ``true`` (or unstated: in scope) to ``false`` as a scope change,
approved only where the head records the decision: for ``psn_access`` and ``psn_data``, a
``psn_exclusion`` that counts on the item (``checker.descoping``); for ``in_cde``, the scope
inventory (``pci_scope``) listing the component (for an account, its system) under
``out_of_scope`` with an approval that counts (reason, approver, approved within 12 months).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from checker.descoping import EXCLUSION, LISTINGS, SCOPE_KIND, approval_counts
from checker.errors import Location
from checker.model import Evidence

#: kind -> (list of items under facts, or None for the document itself; naming fact; flag).
FLAGS: dict[str, tuple[tuple[str | None, str, str], ...]] = {
    "personnel_screening": (("people", "person", "psn_access"),),
    "device_inventory": (("devices", "name", "psn_access"),),
    "software_inventory": (("hosts", "name", "psn_access"),),
    "asset_register": (("assets", "id", "psn_data"),),
    "auth_policy": ((None, "system", "in_cde"),),
    "system_config": ((None, "system", "in_cde"),),
    "endpoint_protection": (("hosts", "name", "in_cde"),),
    "patch_status": (("hosts", "name", "in_cde"),),
    "bespoke_software": (("applications", "name", "in_cde"),),
    "user_accounts": (("accounts", "id", "in_cde"),),
}
#: Kinds whose items are named, and listed out of scope, by the document's own system: an
#: account ``j.smith (Corporate AD)`` leaves PCI DSS scope when ``Corporate AD`` is listed.
BY_SYSTEM = frozenset({"user_accounts"})

#: The flags a ``psn_exclusion`` approves.
PSN_FLAGS = ("psn_access", "psn_data")

Key = tuple[str, str, str]  # kind, flag, item name


@dataclass(frozen=True, slots=True)
class Flag:
    """One item's scope flag as the evidence states it (None: not stated, so in scope)."""

    kind: str
    flag: str
    name: str
    value: Any
    location: Location
    item: Mapping[str, Any]
    #: The name an ``out_of_scope`` listing must carry to approve an ``in_cde`` flip.
    listed_as: str


@dataclass(frozen=True, slots=True)
class Flip:
    """An item whose flag went to ``false``; ``approval`` says what approved it, if anything."""

    before: Flag | None
    after: Flag
    approval: str | None


def flags(documents: Iterable[Evidence]) -> dict[Key, Flag]:
    """Every item's scope flag, keyed by kind, flag and the item's name."""
    found: dict[Key, Flag] = {}
    for document in documents:
        for flag in _flags(document):
            found.setdefault((flag.kind, flag.flag, flag.name), flag)
    return found


def _flags(document: Evidence) -> Iterator[Flag]:
    for list_key, naming, flag in FLAGS.get(document.kind, ()):
        if list_key is None:
            items: list[tuple[tuple[str | int, ...], Any]] = [(("facts",), document.facts)]
        else:
            items = [(("facts", list_key, index), entry)
                     for index, entry in enumerate(document.facts.get(list_key) or ())]
        system = str(document.facts.get("system", ""))
        for path, entry in items:
            if not isinstance(entry, dict) or not isinstance(entry.get(naming), str):
                continue
            where = document.document.locate((*path, flag) if flag in entry else path)
            name, listed_as = entry[naming], entry[naming]
            if document.kind in BY_SYSTEM:
                name, listed_as = f"{name} ({system})", system
            yield Flag(document.kind, flag, name, entry.get(flag), where, entry, listed_as)


def flips(base: Mapping[Key, Flag], head: Iterable[Evidence], as_of: str) -> tuple[Flip, ...]:
    """Items in scope at the base (flag true or unstated) that the head marks ``false``."""
    documents = list(head)
    now = flags(documents)
    listed = _listed_out_of_scope(documents, as_of)
    found = []
    for key, after in sorted(now.items()):
        before = base.get(key)
        if after.value is not False or before is None or before.value is False:
            continue
        found.append(Flip(before, after, _approval(after, as_of, listed)))
    return tuple(found)


def _approval(flag: Flag, as_of: str, listed: Mapping[str, str]) -> str | None:
    if flag.flag in PSN_FLAGS:
        exclusion = flag.item.get(EXCLUSION)
        if isinstance(exclusion, dict) and approval_counts(exclusion, as_of):
            return (f"{EXCLUSION} approved by {exclusion['approved_by'].strip()} on "
                    f"{exclusion['approved_on']}: {exclusion['reason'].strip()}")
        return None
    return listed.get(flag.listed_as)


def _listed_out_of_scope(documents: Iterable[Evidence], as_of: str) -> dict[str, str]:
    """Name -> the scope inventory's approved reason for leaving it out of PCI DSS scope, for
    every ``out_of_scope`` listing that counts at ``as_of`` (as ``data.lib.pci_scope``)."""
    listed: dict[str, str] = {}
    for document in documents:
        if document.kind != SCOPE_KIND:
            continue
        for entry in document.facts.get(LISTINGS) or ():
            if isinstance(entry.get("name"), str) and approval_counts(entry, as_of):
                listed.setdefault(entry["name"], f"listed out of PCI DSS scope in "
                                  f"{document.id}, approved by {entry['approved_by'].strip()} "
                                  f"on {entry['approved_on']}: {entry['reason'].strip()}")
    return listed
