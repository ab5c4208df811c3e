"""`checker ... | head`: a reader that leaves early ends the run with 141, never an internal error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "evidence" / "example"


@pytest.mark.parametrize("command", [
    ["validate", "--evidence", str(EXAMPLE), "--as-of", "2026-11-01"],
    ["run", "--evidence", str(EXAMPLE), "--as-of", "2026-11-01", "--format", "table"],
    ["gaps", "--evidence", str(EXAMPLE), "--as-of", "2026-11-01"],
])
def test_a_closed_standard_output_is_reported_not_a_crash(command) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first line is written
    try:
        completed = subprocess.run([sys.executable, "-m", "checker", *command],
                                   stdout=write_end, stderr=subprocess.PIPE, text=True,
                                   timeout=120, check=False)
    finally:
        os.close(write_end)
    assert "internal error" not in completed.stderr
    assert "Traceback" not in completed.stderr
    assert completed.returncode == 141, completed.stderr
    assert completed.stderr.endswith(
        "error: standard output was closed before the report was complete\n")
