"""Evidence about to lapse: what `checker gaps --due-within` lists."""

from __future__ import annotations

from checker.freshness import due_within, last_day
from checker.inputs import assess_directory


def assess(mini, as_of="2026-11-01"):
    return assess_directory(mini.evidence, as_of, controls_dir=mini.controls,
                            policies_dir=mini.policies)


def test_evidence_reaching_its_age_limit_inside_the_window_is_listed(mini):
    # devices.yaml collected 2026-10-01, MINI-DEV-01 allows 90 days: last day 2026-12-30
    found = due_within(assess(mini), 60)
    assert [(d.control.id, d.evidence.id, d.last_day) for d in found] == [
        ("MINI-DEV-01", "devices", "2026-12-30")]
    assert found[0].why == "reaches the 90-day limit (collected 2026-10-01)"


def test_nothing_is_due_in_a_short_window(mini):
    assert due_within(assess(mini), 30) == ()


def test_expiry_is_a_last_day_too(mini):
    text = (mini.evidence / "auth.yaml").read_text().replace("facts:", "expires: 2026-11-20\nfacts:")
    mini.write("evidence/auth.yaml", text)
    found = due_within(assess(mini), 30)
    assert [(d.control.id, d.last_day, d.why) for d in found] == [
        ("MINI-PW-01", "2026-11-20", "expires 2026-11-20")]


def test_last_day_is_the_earlier_of_expiry_and_age_limit(mini):
    text = (mini.evidence / "auth.yaml").read_text().replace("facts:", "expires: 2026-11-20\nfacts:")
    mini.write("evidence/auth.yaml", text)
    expiring = next(e for r in assess(mini).results for e in r.evidence if e.id == "auth-ad")
    # collected 2026-10-01: a 30-day limit ends before the expiry, a 365-day one after it
    assert last_day(expiring, None) == "2026-11-20"
    assert last_day(expiring, 30) == "2026-10-31"
    assert last_day(expiring, 365) == "2026-11-20"


def test_evidence_without_expiry_or_limit_has_no_last_day(mini):
    devices = next(e for r in assess(mini).results for e in r.evidence if e.id == "devices")
    assert last_day(devices, None) is None
    assert last_day(devices, 90) == "2026-12-30"
