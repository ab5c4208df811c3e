"""Edges of the CAF level decision (checker.levels) and of PCI channel scoping
(checker.pci.scoping), called directly with hand-written controls, channels and lists."""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import control, evidence, result

from checker.catalogue import Catalogue
from checker.engines.base import RuleKind
from checker.errors import InputError, Location
from checker.evidence import EvidenceSet
from checker.levels import caf_profile, decide_level, level_of
from checker.model import Finding, Framework, Level, Profile, Status
from checker.pci.channels import Channel
from checker.pci.saqlists import SaqList
from checker.pci.scoping import in_saq, scope_results
from checker.runner import assess


def channel(validation: str, effective: str | None = None) -> Channel:
    return Channel("web", validation, "PSP", (), "Online payments", effective or validation)


def test_an_outcome_without_not_achieved_still_falls_to_not_achieved():
    # the catalogue schema lets an outcome list only [partially_achieved, achieved]; a
    # finding naming no level denies both, which leaves Not achieved, never a crash or a pass
    outcome = control("CAF-X1.a", levels=(Level.PARTIALLY_ACHIEVED, Level.ACHIEVED))
    assert level_of(outcome, (Finding("no owner named"),)) is Level.NOT_ACHIEVED
    assert level_of(outcome, ()) is Level.ACHIEVED


def test_an_saq_with_no_list_loaded_covers_every_requirement():
    # a custom catalogue without controls/pci/saq lists: nothing is narrowed away
    assert in_saq(channel("C-VT"), "8.3.6", {}) is True
    assert in_saq(channel("ROC"), "1.1.1", {}) is True


def test_without_a_caf_profile_the_reason_says_none_was_selected():
    outcome = control("CAF-X1.a", levels=(Level.NOT_ACHIEVED, Level.ACHIEVED))
    decided = decide_level(result(outcome, Status.PASS, reason="evidence present"), None)
    assert (decided.status, decided.reason) == (
        Status.PASS, "achieved; meets the target (no CAF profile selected) achieved")


SAQ_B = SaqList("B", "SAQ B", "merchants", "SAQ B", "1.0", "2024-04", "high", "", "C", False,
                ("8.3.6",), Location("controls/pci/saq/b.yaml", 1))


def pci(cid: str, status: Status, *findings: str, framework: str = "pci"):
    return result(control(cid, framework=framework), status, tuple(map(Finding, findings)))


def test_a_requirement_in_no_channels_saq_leaves_scope_without_its_findings():
    organisation = {"pci": {"payment_channels": [{"name": "counter", "validation": "B"}]}}
    eligible = pci("PCI-SAQ-ELIGIBILITY", Status.PASS)
    asked = pci("PCI-8.3.6", Status.FAIL, "passwords of 8")
    not_asked = pci("PCI-1.1.1", Status.FAIL, "no network diagram")
    broken = pci("PCI-1.2.1", Status.ERROR)
    custom = pci("PCI-2.1.1", Status.FAIL, "custom", framework="local")
    scoped = scope_results((eligible, asked, not_asked, broken, custom), organisation,
                           {"B": SAQ_B}, ())
    assert scoped == (
        eligible,
        replace(asked, channels=("counter (SAQ B)",)),
        replace(not_asked, status=Status.NOT_APPLICABLE, reason="not in SAQ B", findings=(),
                applicable=False),
        replace(broken, channels=()),
        custom)


PROFILE = Profile("local-government", "Local government", "source", "high",
                  {"CAF-X1.a": Level.ACHIEVED})


def _catalogue(*controls):
    return Catalogue((Framework("caf", "CAF", "4.0", tuple(controls)),), {},
                     profiles={"local-government": PROFILE})


def _organisation(profile_name: str):
    return evidence("org", kind="organisation", facts={"caf": {"profile": profile_name}},
                    file="evidence/org.yaml", marks={("facts", "caf", "profile"): (7, 14)})


def test_the_assessment_carries_the_caf_profile_the_organisation_names():
    outcome = control("CAF-X1.a", framework="caf",
                      levels=(Level.NOT_ACHIEVED, Level.ACHIEVED))
    found = assess(_catalogue(outcome), (), EvidenceSet((_organisation("local-government"),)),
                   _Engine(), "2026-11-01")
    assert found.caf_profile == PROFILE


def test_an_unknown_caf_profile_in_the_organisation_is_refused_at_its_line():
    with pytest.raises(InputError) as caught:
        caf_profile(_catalogue(), EvidenceSet((_organisation("nhs-trust"),)), None)
    assert [p.location for p in caught.value.problems] == [Location("evidence/org.yaml", 7, 14)]
    assert caught.value.problems[0].message.startswith("unknown CAF profile 'nhs-trust'")


class _Engine:
    """Answers every control with no findings."""

    name = "stub"

    def load(self, modules, data):
        pass

    def rules(self):
        return {"mini.rule": RuleKind.SET}

    def evaluate(self, query, input_):
        return {"results": {"CAF-X1.a": []}, "applicable": {}}
