"""How a levelled (CAF) outcome's findings become a level, and the level a verdict."""

from __future__ import annotations

from checker.errors import Location
from checker.levels import decide_level, level_of
from checker.model import Control, Finding, Level, Profile, Result, Status

THREE = (Level.NOT_ACHIEVED, Level.PARTIALLY_ACHIEVED, Level.ACHIEVED)
TWO = (Level.NOT_ACHIEVED, Level.ACHIEVED)


def _control(levels=THREE) -> Control:
    return Control(id="CAF-B4.d", framework="caf", title="Vulnerability management",
                   area="B4", severity="high", requirement="r", evidence=("patch_status",),
                   policy="data.caf.b.vulnerability_management", mode="automated",
                   remediation="fix", source=Location("controls/caf/objective-b.yaml", 1),
                   levels=levels)


def _profile(target: Level) -> Profile:
    return Profile("p", "Test profile", "source", "high", {"CAF-B4.d": target})


def test_no_findings_is_achieved():
    assert level_of(_control(), ()) is Level.ACHIEVED


def test_finding_denying_achieved_leaves_partially_achieved():
    assert level_of(_control(), (Finding("late patch", denies=Level.ACHIEVED),)) is \
        Level.PARTIALLY_ACHIEVED


def test_worst_finding_wins():
    findings = (Finding("late patch", denies=Level.ACHIEVED),
                Finding("unsupported", denies=Level.PARTIALLY_ACHIEVED))
    assert level_of(_control(), findings) is Level.NOT_ACHIEVED


def test_finding_naming_no_level_is_not_achieved():
    assert level_of(_control(), (Finding("something wrong"),)) is Level.NOT_ACHIEVED


def test_binary_outcome_denied_achieved_is_not_achieved():
    finding = Finding("late patch", denies=Level.ACHIEVED)
    assert level_of(_control(TWO), (finding,)) is Level.NOT_ACHIEVED


def test_level_meeting_the_target_passes_with_its_findings():
    finding = Finding("late patch", denies=Level.ACHIEVED)
    result = decide_level(Result(_control(), Status.FAIL, "1 finding", (finding,)),
                          _profile(Level.PARTIALLY_ACHIEVED))
    assert (result.status, result.level, result.target) == (
        Status.PASS, Level.PARTIALLY_ACHIEVED, Level.PARTIALLY_ACHIEVED)
    assert result.findings == (finding,)
    assert result.verdict == "pass (partially achieved; target partially achieved)"


def test_level_below_the_target_is_a_shortfall():
    finding = Finding("late patch", denies=Level.ACHIEVED)
    result = decide_level(Result(_control(), Status.FAIL, "1 finding", (finding,)),
                          _profile(Level.ACHIEVED))
    assert result.status is Status.FAIL
    assert result.reason == ("shortfall: partially achieved, below the Test profile target "
                             "achieved")


def test_gap_stays_a_gap_without_a_level():
    result = decide_level(Result(_control(), Status.GAP, "no 'patch_status' evidence"),
                          _profile(Level.NOT_ACHIEVED))
    assert (result.status, result.level, result.target) == (
        Status.GAP, None, Level.NOT_ACHIEVED)


def test_no_profile_targets_the_highest_level():
    result = decide_level(Result(_control(), Status.FAIL, "1 finding",
                                 (Finding("late", denies=Level.ACHIEVED),)), None)
    assert (result.status, result.target) == (Status.FAIL, Level.ACHIEVED)


def test_pass_fail_controls_are_untouched():
    control = _control(levels=())
    result = Result(control, Status.FAIL, "1 finding", (Finding("x"),))
    assert decide_level(result, _profile(Level.ACHIEVED)) is result
