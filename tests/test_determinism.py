"""Same inputs, same bytes: separate processes with different hash seeds agree in every format.

One process compared with itself proves nothing: set and dict iteration order is fixed within
a process by its hash seed, so an ordering bug only shows across processes with different seeds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from checker.formats import names

REPO = Path(__file__).resolve().parents[1]
SEEDS = ("0", "12345")
#: Every format each command offers for the example pack, written out so that a new one must
#: be added here (the registry is compared with this list below).
OFFERED = {
    "run": ("csv", "github", "html", "json", "junit", "markdown", "oscal", "sarif", "table",
            "xlsx"),
    "matrix": ("csv", "html", "json", "markdown", "oscal", "table", "xlsx"),
    "gaps": ("csv", "github", "html", "json", "markdown", "rap", "table", "xlsx"),
    "pci aoc": ("html", "json", "markdown", "xlsx"),
}
REPORTS = [(command, fmt) for command, formats in OFFERED.items() for fmt in formats]
#: matrix is an auditor's view: it exits 0 unless --fail-on is given; the others see failures.
EXIT = {"run": 1, "matrix": 0, "gaps": 1, "pci aoc": 1}


def _run(command: str, fmt: str, seed: str) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "checker", *command.split(), "--evidence",
                           "evidence/example", "--as-of", "2026-11-01", "--format", fmt],
                          cwd=REPO, env=env, capture_output=True, check=False)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def outputs() -> dict[tuple[str, str, str], tuple[int, bytes, bytes]]:
    jobs = [(command, fmt, seed) for command, fmt in REPORTS for seed in SEEDS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(jobs, pool.map(lambda job: _run(*job), jobs), strict=True))


def test_the_list_covers_every_format_each_command_offers():
    views = {"run": "run", "matrix": "matrix", "gaps": "gaps", "pci aoc": "aoc"}
    assert {command: tuple(names(view)) for command, view in views.items()} == OFFERED


@pytest.mark.parametrize(("command", "fmt"), REPORTS, ids=[f"{c}-{f}" for c, f in REPORTS])
def test_two_hash_seeds_give_byte_identical_output(outputs, command, fmt):
    (code_a, out_a, err_a), (code_b, out_b, err_b) = (outputs[command, fmt, seed]
                                                      for seed in SEEDS)
    assert code_a == code_b == EXIT[command], err_a.decode()
    assert len(out_a) > 100
    assert out_a == out_b
    assert err_a == err_b
