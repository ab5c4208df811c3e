"""Copies of the bundled example pack that a test edits, run as a user would run them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from checker.cli import cli

EXAMPLE = Path(__file__).resolve().parent.parent / "evidence" / "example"
AS_OF = "2026-11-01"


def copy_example(tmp_path: Path) -> Path:
    """A fresh copy of the example pack under ``tmp_path``."""
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    return pack


def run_pack(pack: Path, framework: str) -> Result:
    """``checker run`` of one framework on ``pack``, as JSON, never failing on findings."""
    return CliRunner().invoke(cli, ["run", "--evidence", str(pack), "--as-of", AS_OF,
                                    "--framework", framework, "--format", "json", "--history",
                                    "off", "--fail-on", "none"])


def control_of(pack: Path, control_id: str, framework: str) -> dict[str, Any]:
    """One control of that run, as the JSON report gives it (the run must succeed)."""
    result = run_pack(pack, framework)
    assert result.exit_code == 0, result.output
    return {c["id"]: c for c in json.loads(result.stdout)["controls"]}[control_id]
