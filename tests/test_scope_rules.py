"""Approved scope changes at their edges (checker.scopechange), called directly: which
approvals a diff may use, each way one can be wrong, and how a profile is put back.

tests/test_diff.py covers the same rules through `checker diff` in a git repository.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import evidence

from checker.errors import InputError, Location
from checker.scopechange import ScopeApproval, approvals, counterfactual

AT = Location("evidence/organisation.yaml", 0)


def approval(**fields: Any) -> dict[str, Any]:
    values = {"fact": "pci.takes_cards", "from": True, "to": False,
              "reason": "Card payments moved to GOV.UK Pay.", "approved_by": "SIRO",
              "approved_on": "2026-10-01"}
    values.update(fields)
    return values


def profile(*entries: dict[str, Any], takes_cards: Any = False):
    """An organisation profile (owned by "Owner") whose entry i sits at line 10 + 10 * i,
    its keys on the lines after it in the order fact, from, to, reason, approved_by,
    approved_on."""
    facts = {"name": "Barchester", "pci": {"takes_cards": takes_cards},
             "scope_approvals": list(entries)}
    marks: dict[tuple[str | int, ...], tuple[int, int]] = {}
    for index, _ in enumerate(entries):
        base = ("facts", "scope_approvals", index)
        marks[base] = (10 + 10 * index, 5)
        for offset, key in enumerate(("fact", "from", "to", "reason", "approved_by",
                                      "approved_on"), 1):
            marks[(*base, key)] = (10 + 10 * index + offset, 7)
    return evidence("org", kind="organisation", facts=facts,
                    file="evidence/organisation.yaml", marks=marks)


def refused(org, as_of: str = "2026-11-01") -> list[str]:
    with pytest.raises(InputError) as caught:
        approvals(org, as_of)
    return [str(p) for p in caught.value.problems]


def test_an_approval_given_on_the_assessment_date_is_usable():
    [usable] = approvals(profile(approval(approved_on="2026-11-01")), "2026-11-01").usable
    assert (usable.fact, usable.approved_on) == ("pci.takes_cards", "2026-11-01")


def test_an_approval_dated_after_the_assessment_is_refused_at_its_date():
    assert refused(profile(approval(approved_on="2026-11-02"))) == [
        "evidence/organisation.yaml:16:7: scope approval for pci.takes_cards is dated "
        "2026-11-02, after the assessment date 2026-11-01"]


def test_a_blank_reason_is_refused_at_its_line():
    assert refused(profile(approval(reason="  "))) == [
        "evidence/organisation.yaml:14:7: scope approval for pci.takes_cards has a blank reason"]


def test_the_profile_owner_cannot_approve_a_change_of_its_scope():
    assert refused(profile(approval(approved_by="owner (Head of IG)"))) == [
        "evidence/organisation.yaml:15:7: scope approval for pci.takes_cards is approved by "
        "the profile's owner (Owner); a change of scope needs someone else's approval"]


def test_the_approvals_cannot_approve_themselves():
    assert refused(profile(approval(fact="scope_approvals", to=[]))) == [
        "evidence/organisation.yaml:11:7: scope_approvals cannot approve itself"]


@pytest.mark.parametrize("fact", ["pci.moto", "name.a", "retired.system"])
def test_an_approval_of_a_fact_the_profile_does_not_hold_is_refused(fact):
    # "name" holds the string "Barchester", which contains "a" but has no keys
    assert refused(profile(approval(fact=fact))) == [
        f"evidence/organisation.yaml:13:7: scope approval says {fact} is now false, but the "
        "profile says nothing"]


def test_an_approval_is_described_with_yaml_spellings_of_its_values():
    change = ScopeApproval("pci.channels", None, ["moto", True], "Moved.", "SIRO", "2026-10-01",
                           AT)
    assert change.describe() == ("pci.channels null -> [moto, true], approved by SIRO on "
                                 "2026-10-01: Moved.")
    renamed = ScopeApproval("name", "Barchester", "Plumstead", "Merged.", "SIRO",
                            "2026-10-01", AT)
    assert renamed.describe() == ("name Barchester -> Plumstead, approved by SIRO on "
                                  "2026-10-01: Merged.")


def test_putting_a_change_back_leaves_the_profile_it_was_given_alone():
    org = profile(approval())
    [usable] = approvals(org, "2026-11-01").usable
    undone = counterfactual(org.facts, (usable,))
    assert (undone["pci"], org.facts["pci"]) == ({"takes_cards": True}, {"takes_cards": False})


def test_an_approval_counts_for_twelve_months_to_the_day():
    usable = approvals(profile(approval(approved_on="2025-11-01")), "2026-11-01")
    assert ([a.approved_on for a in usable.usable], usable.notices) == (["2025-11-01"], ())
    old = approvals(profile(approval(approved_on="2025-10-31")), "2026-11-01")
    assert old.usable == ()
    assert [str(n) for n in old.notices] == [
        "evidence/organisation.yaml:10:5: scope approval for pci.takes_cards was given on "
        "2025-10-31, more than 12 months before 2026-11-01; not applied"]


def test_every_wrong_approval_is_reported_not_only_the_first_or_last():
    assert refused(profile(approval(reason=""), approval(approved_by=""),
                           approval(approved_on="2026-12-01"))) == [
        "evidence/organisation.yaml:14:7: scope approval for pci.takes_cards has a blank reason",
        "evidence/organisation.yaml:25:7: scope approval for pci.takes_cards has a blank "
        "approved_by",
        "evidence/organisation.yaml:36:7: scope approval for pci.takes_cards is dated "
        "2026-12-01, after the assessment date 2026-11-01"]
