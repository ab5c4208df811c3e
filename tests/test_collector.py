"""The cyclic collector waits while a run loads and evaluates, and is always given back."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from checker import inputs
from checker.errors import InputError

EXAMPLE = Path(__file__).resolve().parent.parent / "evidence" / "example"


def test_collector_is_paused_while_evidence_loads_and_restored_after(monkeypatch) -> None:
    seen: list[bool] = []
    real = inputs.load_evidence

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(inputs, "load_evidence", spy)
    assert gc.isenabled()
    inputs.assess_directory(EXAMPLE, "2026-11-01")
    assert seen == [False]
    assert gc.isenabled()


def test_collector_is_restored_when_loading_fails(tmp_path) -> None:
    (tmp_path / "bad.yaml").write_text("kind: [unclosed\n")
    with pytest.raises(InputError):
        inputs.assess_directory(tmp_path, "2026-11-01")
    assert gc.isenabled()


def test_a_caller_that_disabled_the_collector_keeps_it_disabled() -> None:
    gc.disable()
    try:
        inputs.assess_directory(EXAMPLE, "2026-11-01")
        assert not gc.isenabled()
    finally:
        gc.enable()
