"""Does `--jobs` pay? `checker run` over many small packs with --jobs 1 and --jobs 2, alternating.

    python bench/jobs.py                   # 8 and 64 copies of the example pack, 3 repeats
    python bench/jobs.py --packs 64 --repeat 5

Each pack is a copy of evidence/example (a small council: the case where starting workers
used to cost more than the work). Every command is a fresh process, interpreter start
included; runs alternate between the two settings so that machine noise falls on both alike.
Medians are reported with the speed-up of --jobs 2 over --jobs 1.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-01"


def _packs(root: Path, count: int) -> list[Path]:
    packs = []
    for index in range(count):
        pack = root / f"council-{index:03d}"
        shutil.copytree(ROOT / "evidence" / "example", pack)
        packs.append(pack)
    return packs


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, check=False)
    if completed.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {completed.returncode}:\n"
                         f"{completed.stderr.decode()}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--packs", type=int, nargs="+", default=[8, 64])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"# --jobs over copies of evidence/example; {os.cpu_count()} cores, "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; "
          f"median of {args.repeat}, each a fresh process")
    print(f"{'packs':>5} {'--jobs 1':>9} {'--jobs 2':>9} {'speed-up':>9}")
    for count in args.packs:
        with tempfile.TemporaryDirectory(prefix="checker-jobs-") as scratch:
            packs = _packs(Path(scratch), count)
            base = [sys.executable, "-m", "checker", "run", "--as-of", AS_OF,
                    "--format", "json", "--output", str(Path(scratch) / "out.json")]
            for pack in packs:
                base += ["--evidence", str(pack)]
            times: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(args.repeat):
                for jobs in (1, 2):
                    times[jobs].append(_time([*base, "--jobs", str(jobs)]))
            one, two = statistics.median(times[1]), statistics.median(times[2])
            print(f"{count:>5} {one:>8.2f}s {two:>8.2f}s {one / two:>8.2f}x")


if __name__ == "__main__":
    main()
