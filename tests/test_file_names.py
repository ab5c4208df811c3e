"""A file name that is not UTF-8 is named visibly everywhere, never a crash."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "evidence" / "example"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    copy = tmp_path / "pack"
    shutil.copytree(EXAMPLE, copy)
    source = copy / "psn" / "personnel-screening.yaml"
    source.rename(copy / "psn" / os.fsdecode(b"personnel\xff.yaml"))
    return copy


def _checker(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True,
                          text=True, timeout=300, check=False)


def test_a_run_names_the_file_with_its_byte_escaped(pack: Path) -> None:
    done = _checker("run", "--evidence", str(pack), "--as-of", "2026-11-01", "--format",
                    "json", "--history", "off")
    assert done.returncode == 1, done.stderr  # the example's failures, not a crash
    files = {e["file"] for c in json.loads(done.stdout)["controls"] for e in c["evidence"]}
    assert f"{pack}/psn/personnel\\udcff.yaml" in files


def test_the_psn_submission_builds_with_such_a_file(pack: Path, tmp_path: Path) -> None:
    done = _checker("submission", "psn", "--evidence", str(pack), "--as-of", "2026-11-01",
                    "--output", str(tmp_path / "pack.zip"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "pack.zip").stat().st_size > 0
