"""Payment channels as the organisation profile declares them, and which are eligible."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker.model import Evidence, Result, Status

#: The control whose findings say which channels fail their SAQ's eligibility criteria.
ELIGIBILITY_CONTROL = "PCI-SAQ-ELIGIBILITY"
_PROFILE_PATH = re.compile(r"^facts\.pci\.payment_channels\[(\d+)\]")


@dataclass(frozen=True, slots=True)
class Channel:
    """One way of taking cards, validated on its own."""

    name: str
    validation: str  # the declared SAQ (or ROC)
    provider: str
    systems: tuple[str, ...]
    description: str
    effective: str  # the SAQ it is assessed against: ``validation``, or where it must move
    ineligible: tuple[str, ...] = ()  # why it may not use ``validation``

    @property
    def label(self) -> str:
        moved = f" -> {self.effective}" if self.effective != self.validation else ""
        return f"{self.name} (SAQ {self.validation}{moved})"


def declared(organisation: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The profile's ``pci.payment_channels`` (schema-checked), or none."""
    pci = organisation.get("pci")
    channels = pci.get("payment_channels") if isinstance(pci, Mapping) else None
    return list(channels) if isinstance(channels, list) else []


def resolve(organisation: Mapping[str, Any], results: Sequence[Result],
            eligibility_records: Iterable[Evidence], moves_to: Mapping[str, str]) -> tuple[
        Channel, ...]:
    """Each declared channel with the SAQ it is assessed against.

    Fail closed: a channel with an eligibility finding moves to the SAQ its list names, and
    if the eligibility control could not decide (error, or no evidence at all) every channel
    with eligibility criteria moves.
    """
    raw = declared(organisation)
    reasons: dict[str, list[str]] = {str(c["name"]): [] for c in raw}
    verdict = next((r for r in results if r.control.id == ELIGIBILITY_CONTROL), None)
    by_record = {e.id: str(e.facts.get("channel", "")) for e in eligibility_records}
    if verdict is None or verdict.status in (Status.ERROR, Status.GAP):
        undecided = verdict.reason if verdict is not None else "eligibility was not assessed"
        for each in reasons.values():
            each.append(f"eligibility undecided: {undecided}")
    else:
        for finding in verdict.findings:
            name = by_record.get(finding.evidence_id or "")
            match = _PROFILE_PATH.match(finding.path or "")
            if name is None and match and int(match.group(1)) < len(raw):
                name = str(raw[int(match.group(1))]["name"])
            if name in reasons:
                reasons[name].append(finding.message)
    channels = []
    for entry in raw:
        key, validation = str(entry["name"]), str(entry["validation"])
        why = tuple(reasons[key]) if validation in moves_to else ()
        channels.append(Channel(
            name=key, validation=validation, provider=str(entry.get("provider", "")),
            systems=tuple(str(s) for s in entry.get("systems", ())),
            description=" ".join(str(entry.get("description", "")).split()),
            effective=moves_to.get(validation, validation) if why else validation,
            ineligible=why))
    return tuple(channels)
