"""Edges of the CAF level decision (checker.levels) and of PCI channel scoping
(checker.pci.scoping), called directly with hand-written controls, channels and lists."""

from __future__ import annotations

from builders import control

from checker.levels import level_of
from checker.model import Finding, Level
from checker.pci.channels import Channel
from checker.pci.scoping import in_saq


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
