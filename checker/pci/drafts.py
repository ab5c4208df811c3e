"""SAQ and AOC drafts: views of one PCI assessment, per channel, as an acquirer reads them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker import report
from checker.errors import InputError, Location
from checker.model import Assessment, Result
from checker.pci.channels import ELIGIBILITY_CONTROL, Channel, resolve
from checker.pci.responses import Answer, Response, answer
from checker.pci.saqlists import ROC, SaqList

ORGANISATION_KIND = "organisation"
ELIGIBILITY_KIND = "saq_eligibility"


@dataclass(frozen=True, slots=True)
class Row:
    """One requirement of the SAQ and the organisation's answer to it."""

    requirement: str
    control: str
    title: str
    answer: Answer
    evidence: tuple[str, ...]  # "id file:line sha256 DIGEST"
    owner: str
    target: str  # for Not in Place: the date it is due to be in place


@dataclass(frozen=True, slots=True)
class Provenance:
    organisation: str
    as_of: str
    inputs_digest: str
    tool_version: str


@dataclass(frozen=True, slots=True)
class SaqDraft:
    provenance: Provenance
    channel: Channel
    saq: SaqList | None  # None for ROC: every requirement
    rows: tuple[Row, ...]

    @property
    def counts(self) -> Counter[str]:
        return Counter(r.answer.response.value for r in self.rows)

    @property
    def compliant(self) -> bool:
        """In Place, In Place with CCW or Not Applicable throughout, and eligible."""
        return not self.channel.ineligible and all(
            r.answer.response in (Response.IN_PLACE, Response.IN_PLACE_CCW,
                                  Response.NOT_APPLICABLE) for r in self.rows)


@dataclass(frozen=True, slots=True)
class AocDraft:
    provenance: Provenance
    contacts: Mapping[str, str]
    business_description: str
    saqs: tuple[SaqDraft, ...]
    eligibility: Result | None

    def actions(self) -> list[tuple[Row, tuple[str, ...]]]:
        """Part 4: each requirement Not in Place, once, with the channels it affects."""
        seen: dict[str, tuple[Row, list[str]]] = {}
        for draft in self.saqs:
            for row in draft.rows:
                if row.answer.response is Response.NOT_IN_PLACE:
                    seen.setdefault(row.requirement, (row, []))[1].append(draft.channel.name)
        return [(row, tuple(names)) for row, names in seen.values()]


def build(assessment: Assessment, saq_lists: Mapping[str, SaqList]) -> AocDraft:
    """Every channel's SAQ draft and the AOC around them; InputError without channels."""
    eligibility = next((r for r in assessment.results if r.control.id == ELIGIBILITY_CONTROL),
                       None)
    organisation = _profile(assessment)
    pci = organisation.get("pci") if isinstance(organisation.get("pci"), Mapping) else {}
    if not isinstance(pci, Mapping) or not pci.get("payment_channels"):
        raise InputError.at(assessment.profile or Location("organisation profile"),
                            "no pci.payment_channels: list each payment channel and its SAQ "
                            "before drafting an SAQ or AOC (docs/pci.md)")
    records = [e for e in (eligibility.evidence if eligibility else ())
               if e.kind == ELIGIBILITY_KIND]
    moves_to = {k: v.moves_to for k, v in saq_lists.items()}
    channels = resolve(organisation, assessment.results, records, moves_to)
    provenance = Provenance(assessment.organisation, assessment.as_of,
                            assessment.inputs_digest, assessment.tool_version)
    by_requirement = {r.control.id.removeprefix("PCI-"): r for r in assessment.results
                      if r.control.framework == "pci"}
    due = {g.result.control.id: g for g in report.gaps(assessment)}
    saqs = tuple(_saq(provenance, c, saq_lists, by_requirement, due) for c in channels)
    contacts = pci.get("contacts") or organisation.get("contacts") or {}
    return AocDraft(provenance, {k: str(v) for k, v in contacts.items()},
                    " ".join(str(organisation.get("business_description", "")).split()),
                    saqs, eligibility)


def _profile(assessment: Assessment) -> Mapping[str, Any]:
    for result in assessment.results:
        for item in result.evidence:
            if item.kind == ORGANISATION_KIND:
                return item.facts
    raise InputError.at(assessment.profile or Location("evidence"), "no organisation profile "
                        "was read by the PCI controls (run with --framework pci)")


def _saq(provenance: Provenance, channel: Channel, saq_lists: Mapping[str, SaqList],
         by_requirement: Mapping[str, Result], due: Mapping[str, report.Gap]) -> SaqDraft:
    saq = None if channel.effective == ROC else saq_lists.get(channel.effective)
    ids: Sequence[str] = saq.requirements if saq else tuple(by_requirement)
    rows = []
    for requirement in ids:
        result = by_requirement.get(requirement)
        if result is None:  # fail closed: a listed requirement nothing judged
            rows.append(Row(requirement, f"PCI-{requirement}", "(no control in the catalogue)",
                            Answer(Response.NOT_IN_PLACE, "no control in the catalogue "
                                   "judges this requirement"), (), "unassigned", ""))
            continue
        gap = due.get(result.control.id)
        reply = answer(result)
        target = (gap.due if gap else result.waiver.expires if result.waiver else "")
        rows.append(Row(
            requirement, result.control.id, result.control.title, reply,
            tuple(f"{e.id} {e.location} sha256 {e.file_digest}" for e in result.evidence),
            report.owner(result) if reply.response is Response.NOT_IN_PLACE else "",
            target if reply.response is Response.NOT_IN_PLACE else ""))
    return SaqDraft(provenance, channel, saq, tuple(rows))


def channel_draft(aoc: AocDraft, name: str, profile: Location | None = None) -> SaqDraft:
    """The named channel's SAQ draft; InputError at the organisation ``profile`` listing the
    channels otherwise."""
    for draft in aoc.saqs:
        if draft.channel.name == name:
            return draft
    known = ", ".join(d.channel.name for d in aoc.saqs) or "none"
    raise InputError.at(profile or Location("organisation profile"),
                        f"no payment channel '{name}' in the organisation profile (channels: "
                        f"{known})")


def status_word(draft: SaqDraft) -> str:
    """Part 3's validation result for one channel."""
    if draft.channel.ineligible:
        return (f"Non-Compliant: not eligible for SAQ {draft.channel.validation}; assessed "
                f"against SAQ {draft.channel.effective}")
    return "Compliant" if draft.compliant else "Non-Compliant"


