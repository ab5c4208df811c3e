"""The example pack copied to a temporary directory, to change one thing at a time."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from checker.cli import cli

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "evidence" / "example"
AS_OF = "2026-11-01"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "evidence"
    shutil.copytree(EXAMPLE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def pci_run() -> Callable[[Path], dict[str, dict[str, Any]]]:
    """``checker run --framework pci --format json``: control id -> its JSON entry."""
    def run(evidence: Path) -> dict[str, dict[str, Any]]:
        result = CliRunner().invoke(cli, ["run", "--evidence", str(evidence), "--as-of", AS_OF,
                                          "--framework", "pci", "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        return {c["id"]: c for c in json.loads(result.stdout)["controls"]}
    return run
