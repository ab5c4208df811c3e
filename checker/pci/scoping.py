"""Narrow the PCI framework to the union of the payment channels' SAQ requirement lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from checker.model import Evidence, Result, Status
from checker.pci.channels import Channel, resolve
from checker.pci.saqlists import ROC, SaqList

_REQUIREMENT = re.compile(r"^PCI-((?:[1-9]|1[0-2]|A[1-3])(?:\.\d+)+)$")


def requirement_id(control_id: str) -> str | None:
    """``PCI-8.3.6`` -> ``8.3.6``; None for a control that is no PCI DSS requirement."""
    match = _REQUIREMENT.match(control_id)
    return match.group(1) if match else None


def in_saq(channel: Channel, requirement: str, saq_lists: Mapping[str, SaqList]) -> bool:
    """True if the SAQ the channel is assessed against asks about ``requirement``.

    ROC, or an SAQ with no list loaded (a custom catalogue), covers every requirement:
    an unknown list never narrows the assessment.
    """
    saq = saq_lists.get(channel.effective)
    return channel.effective == ROC or saq is None or requirement in saq.requirements


def scope_results(results: Sequence[Result], organisation: Mapping[str, Any],
                  saq_lists: Mapping[str, SaqList],
                  eligibility_records: Iterable[Evidence]) -> tuple[Result, ...]:
    """Each PCI requirement's result names the channels whose SAQ holds it; one in no
    channel's SAQ is not applicable ("not in SAQ C-VT, A"). Errors stay errors.

    Without ``pci.payment_channels`` in the profile nothing changes: every requirement is
    judged, as for a Report on Compliance.
    """
    moves_to = {k: v.moves_to for k, v in saq_lists.items()}
    channels = resolve(organisation, results, eligibility_records, moves_to)
    if not channels:
        return tuple(results)
    saqs = ", ".join(dict.fromkeys(c.effective for c in channels))
    scoped = []
    for result in results:
        requirement = requirement_id(result.control.id)
        if requirement is None or result.control.framework != "pci":
            scoped.append(result)
            continue
        members = tuple(c.label for c in channels if in_saq(c, requirement, saq_lists))
        if members or result.status is Status.ERROR:
            scoped.append(replace(result, channels=members))
        else:
            scoped.append(replace(result, status=Status.NOT_APPLICABLE,
                                  reason=f"not in SAQ {saqs}", findings=(), applicable=False))
    return tuple(scoped)
