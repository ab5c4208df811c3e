"""What the history tests share: history switched on, a JSON run of the mini pack, and a
failing password rule. (A conftest.py here would shadow the suite's own ``conftest``.)"""

from __future__ import annotations

import pytest

AUTH_FAILING = ("min_length: 14", "min_length: 8")


def run(mini, as_of, *args):
    return mini.invoke("run", "--evidence", str(mini.evidence), "--controls", str(mini.controls),
                       "--policies", str(mini.policies), "--as-of", as_of, "--fail-on", "none",
                       "--format", "json", *args)


def break_passwords(mini):
    auth = (mini.evidence / "auth.yaml").read_text()
    mini.write("evidence/auth.yaml", auth.replace(*AUTH_FAILING))


@pytest.fixture(autouse=True)
def history_on(monkeypatch):
    """The suite turns history off by default; these tests are about it (imported by each)."""
    monkeypatch.delenv("CHECKER_HISTORY", raising=False)
