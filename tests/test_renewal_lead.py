"""`gaps --due-within` lists evidence a renewal lead time ahead: the PSN certificate 90 days
before it expires, the ITHC 90 days before it is a year old (catalogue renewal_lead_days)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli

EXAMPLE = Path(__file__).resolve().parents[1] / "evidence" / "example"


def _due(window: str) -> dict[str, tuple[str, str]]:
    result = CliRunner().invoke(cli, ["gaps", "--evidence", str(EXAMPLE), "--framework", "psn",
                                      "--as-of", "2026-11-01", "--due-within", window,
                                      "--format", "json", "--fail-on", "none"])
    # exit 1: something is due in every window below (the ITHC, from 2026-11-23)
    assert result.exit_code == 1, result.output
    return {f"{d['control']} {d['evidence']['id']}": (d["last_day"], d["why"])
            for d in json.loads(result.stdout)["due"]}


def test_certificate_is_due_90_days_before_it_expires():
    # expires 2027-03-27: listed once the window reaches 2026-12-27, 146 days early
    due = _due("60d")
    assert due["PSN-GOV-01 psn-certificate-2026"] == (
        "2027-03-27", "expires 2027-03-27; renewal takes 90 days: start by 2026-12-27")


def test_certificate_is_not_due_before_its_lead_time_starts():
    assert "PSN-GOV-01 psn-certificate-2026" not in _due("55d")  # window ends 2026-12-26


def test_ithc_is_due_90_days_before_it_is_a_year_old():
    due = _due("30d")
    assert due["PSN-ITHC-01 ithc-2026"] == (
        "2027-02-21", "reaches the 366-day limit (collected 2026-02-20); renewal takes 90 "
        "days: start by 2026-11-23")
    assert "PSN-GOV-01 psn-certificate-2026" not in due
