"""The crosswalk seen from one control: its own ``maps_to`` links and the links other controls
make to it, each with the relation read from this control's side.

A link ``PSN-OPS-01 -> CAF-B4.d (subset)`` says PSN-OPS-01 is a subset of CAF-B4.d; seen from
CAF-B4.d the same link reads ``PSN-OPS-01 (superset)``. The rationale or source is the link's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.catalogue import Catalogue
from checker.model import Control, Link, control_sort_key

#: The relation read from the other end of a link.
INVERSE = {"equal": "equal", "subset": "superset", "superset": "subset",
           "intersects": "intersects"}


@dataclass(frozen=True, slots=True)
class Related:
    """Another control linked to this one, and how this control relates to it."""

    other: str
    relation: str | None  # None: an untyped (legacy) link
    basis: str | None  # "source: ..." or the rationale; None when untyped
    outgoing: bool  # True: this control's own maps_to entry

    @property
    def label(self) -> str:
        return f"{self.other} ({self.relation})" if self.relation else self.other


def related(catalogue: Catalogue, control: Control) -> tuple[Related, ...]:
    """Every link to or from ``control``, in control-id order; an id named both ways (a link
    in each direction) appears once, preferring a typed link, then this control's own."""
    found: dict[str, Related] = {}
    for link in control.links:
        found[link.target] = Related(link.target, link.relation, _basis(link), True)
    for other in catalogue.mapped_from(control.id):
        link = next(k for k in other.links if k.target == control.id)
        mine = found.get(other.id)
        if mine is None or (mine.relation is None and link.relation is not None):
            relation = INVERSE[link.relation] if link.relation else None
            found[other.id] = Related(other.id, relation, _basis(link), False)
    return tuple(found[key] for key in sorted(found, key=control_sort_key))


def _basis(link: Link) -> str | None:
    if link.source:
        return f"source: {link.source}"
    return link.rationale
