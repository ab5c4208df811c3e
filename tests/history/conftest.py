"""History tests record runs: the suite's CHECKER_HISTORY=off is lifted here."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def history_on(monkeypatch):
    """The suite turns history off by default; these tests are about it."""
    monkeypatch.delenv("CHECKER_HISTORY", raising=False)
