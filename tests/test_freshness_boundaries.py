"""Freshness at its edges: the day evidence stops counting, and what `gaps --due-within` lists.

Every expected date here is worked out by hand from the collected date and the limit.
"""

from __future__ import annotations

import pytest
from builders import assessment, control, evidence, result

from checker.freshness import DEFAULT_ATTESTATION_AGE_DAYS, age_limit, due_within, last_day, stale
from checker.model import Status


def test_an_attested_control_without_a_limit_gets_a_year():
    assert DEFAULT_ATTESTATION_AGE_DAYS == 365
    assert age_limit(control(mode="attested")) == 365
    assert age_limit(control(mode="attested", max_age_days=30)) == 30


def test_an_automated_control_without_a_limit_has_none():
    assert age_limit(control(mode="automated")) is None
    assert age_limit(control(mode="automated", max_age_days=90)) == 90


def test_evidence_counts_on_its_expiry_day_and_not_the_day_after():
    item = evidence(collected="2026-01-01", expires="2026-11-01")
    assert stale(item, None, "2026-11-01") is None
    assert stale(item, None, "2026-11-02") == "expired on 2026-11-01"


def test_evidence_counts_on_the_last_day_of_its_age_limit_and_not_the_day_after():
    item = evidence(collected="2026-08-03")  # 90 days before 2026-11-01
    assert stale(item, 90, "2026-11-01") is None
    assert stale(item, 90, "2026-11-02") == ("collected 2026-08-03, 91 days before 2026-11-02; "
                                             "limit 90 days")


def test_expiry_is_reported_before_age():
    item = evidence(collected="2020-01-01", expires="2020-06-30")
    assert stale(item, 30, "2026-11-01") == "expired on 2020-06-30"


def test_without_a_limit_or_expiry_evidence_never_goes_stale():
    assert stale(evidence(collected="2000-01-01"), None, "2026-11-01") is None


def test_last_day_of_a_limit_counts_calendar_days():
    assert last_day(evidence(collected="2026-12-01"), 31) == "2027-01-01"
    assert last_day(evidence(collected="2028-02-01"), 29) == "2028-03-01"  # leap year
    assert last_day(evidence(collected="2026-10-01", expires="2026-10-31"), 30) == "2026-10-31"


def _due(*results, days=30):
    return [(d.control.id, d.evidence.id, d.last_day, d.why)
            for d in due_within(assessment(*results), days)]


def test_evidence_whose_last_day_is_the_assessment_date_is_due():
    item = evidence(collected="2026-08-03")  # last day 2026-11-01 with a 90-day limit
    assert _due(result(control(max_age_days=90), Status.PASS, items=(item,))) == [
        ("C-01", "e-1", "2026-11-01", "reaches the 90-day limit (collected 2026-08-03)")]


def test_evidence_lapsing_on_the_last_day_of_the_window_is_due_and_the_day_after_is_not():
    on_horizon = evidence("on", collected="2026-09-01", expires="2026-12-01")  # 2026-11-01 + 30
    after = evidence("after", collected="2026-09-01", expires="2026-12-02")
    ctl = control(max_age_days=None)
    assert _due(result(ctl, Status.PASS, items=(on_horizon, after))) == [
        ("C-01", "on", "2026-12-01", "expires 2026-12-01")]


def test_evidence_that_already_lapsed_is_not_due_but_a_gap():
    lapsed = evidence(collected="2026-01-01", expires="2026-10-31")
    assert _due(result(control(), Status.PASS, items=(lapsed,))) == []


@pytest.mark.parametrize(("status", "listed"), [
    (Status.PASS, True), (Status.FAIL, True), (Status.WAIVED, True),
    (Status.GAP, False), (Status.ERROR, False), (Status.NOT_APPLICABLE, False)])
def test_due_lists_evidence_of_controls_that_still_stand(status, listed):
    item = evidence(collected="2026-10-01", expires="2026-11-15")
    expected = [("C-01", "e-1", "2026-11-15", "expires 2026-11-15")] if listed else []
    assert _due(result(control(), status, items=(item,))) == expected


def test_due_is_ordered_by_last_day_then_control_then_evidence():
    # three subjects (three files): none supersedes another
    soon = evidence("z-soon", expires="2026-11-05", file="evidence/z.yaml")
    later_b = evidence("b-later", expires="2026-11-20", file="evidence/b.yaml")
    later_a = evidence("a-later", expires="2026-11-20", file="evidence/a.yaml")
    found = _due(result(control("C-02"), Status.PASS, items=(later_b, later_a)),
                 result(control("C-01"), Status.FAIL, items=(later_b, soon)))
    assert [(cid, eid, day) for cid, eid, day, _ in found] == [
        ("C-01", "z-soon", "2026-11-05"),
        ("C-01", "b-later", "2026-11-20"),
        ("C-02", "a-later", "2026-11-20"),
        ("C-02", "b-later", "2026-11-20"),
    ]


def test_an_expiry_on_the_same_day_as_the_age_limit_is_named_as_the_expiry():
    item = evidence(collected="2026-10-01", expires="2026-11-10")  # 40-day limit: 2026-11-10
    assert _due(result(control(max_age_days=40), Status.PASS, items=(item,))) == [
        ("C-01", "e-1", "2026-11-10", "expires 2026-11-10")]


def test_an_attested_control_is_due_a_year_after_its_attestation():
    item = evidence("att", kind="attestation", collected="2025-11-20")
    ctl = control(mode="attested", evidence=("attestation",))
    assert _due(result(ctl, Status.PASS, items=(item,))) == [
        ("C-01", "att", "2026-11-20", "reaches the 365-day limit (collected 2025-11-20)")]


def test_evidence_with_a_renewal_lead_is_due_that_many_days_before_it_lapses():
    # window ends 2026-12-01; 90 days before 2027-03-01 is 2026-12-01, before 2027-03-02 is 12-02
    on_time = evidence("on", collected="2026-10-01", expires="2027-03-01")
    later = evidence("later", collected="2026-10-01", expires="2027-03-02")
    ctl = control(max_age_days=None, renewal_lead_days=90)
    assert _due(result(ctl, Status.PASS, items=(on_time, later))) == [
        ("C-01", "on", "2027-03-01", "expires 2027-03-01; renewal takes 90 days: start by "
                                     "2026-12-01")]


def test_evidence_that_never_lapses_or_already_lapsed_does_not_hide_the_next_document():
    forever = evidence("forever", collected="2020-01-01")  # no expiry, no limit: no last day
    lapsed = evidence("lapsed", collected="2026-01-01", expires="2026-10-31")
    due = evidence("due", collected="2026-10-01", expires="2026-11-15")
    assert _due(result(control(max_age_days=None), Status.PASS,
                       items=(forever, lapsed, due))) == [
        ("C-01", "due", "2026-11-15", "expires 2026-11-15")]


def test_a_superseded_document_is_never_due():
    # the same system twice: the older document is history, its lapsing changes nothing
    old = evidence("old", collected="2026-08-01", facts={"system": "AD"}, file="evidence/a.yaml")
    new = evidence("new", collected="2026-10-20", facts={"system": "AD"}, file="evidence/b.yaml")
    assert _due(result(control(max_age_days=100), Status.PASS, items=(old, new))) == []
    other = evidence("other", collected="2026-08-01", facts={"system": "Portal"},
                     file="evidence/a.yaml")
    assert _due(result(control(max_age_days=100), Status.PASS, items=(other, new))) == [
        ("C-01", "other", "2026-11-09", "reaches the 100-day limit (collected 2026-08-01)")]
