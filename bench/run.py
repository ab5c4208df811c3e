"""Time `checker run` on synthetic estates of growing size, beside the floor, in one run.

    python bench/run.py                      # 100, 1,000, 10,000 and 50,000 items, 3 repeats
    python bench/run.py --sizes 1000 10000 --repeat 5 --markdown

For every size: a fresh evidence pack (bench/generate.py, fixed seed), then, each in a fresh
process and alternating so that machine noise falls on both alike:
- `checker run --format json` end to end (wall time and peak memory of the process);
- checker's pipeline in-process, phase by phase (bench/measure.py ours);
- the floor: PyYAML's C loader plus one regorus evaluation (bench/measure.py floor).
Medians are reported. Also `checker --help` (the cost of starting the CLI).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)


def _run_child(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of one child, measured with wait4."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_chunks = process.stdout.read() if process.stdout else b""
    err_chunks = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}:\n{err_chunks.decode()}")
    return wall, usage.ru_maxrss / 1024, out_chunks.decode()


def _machine() -> dict[str, str]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": memory,
            "os": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(),
            "regorus": metadata.version("gordon-to-regorus"),
            "checker": metadata.version("checker")}


def measure(sizes: list[int], repeat: int, seed: int, workdir: Path) -> dict[str, Any]:
    python = sys.executable
    checker = [python, "-m", "checker"]
    rows = []
    for size in sizes:
        pack = workdir / f"estate-{size}"
        files = generate.build(size, seed)
        generate.write(files, pack)
        cli, ours, floor = [], [], []
        for _ in range(repeat):
            wall, rss, _ = _run_child([*checker, "run", "--evidence", str(pack), "--as-of",
                                       generate.AS_OF.isoformat(), "--format", "json",
                                       "--fail-on", "none"])
            cli.append((wall, rss))
            _, rss, out = _run_child([python, str(HERE / "measure.py"), "ours", str(pack)])
            ours.append(json.loads(out))
            _, rss, out = _run_child([python, str(HERE / "measure.py"), "floor", str(pack)])
            floor.append(json.loads(out))
        phases = {name: statistics.median(o["phases"].get(name, 0.0) for o in ours)
                  for name in ours[0]["phases"]}
        ours_s = statistics.median(o["seconds"] for o in ours)
        floor_s = statistics.median(f["seconds"] for f in floor)
        rows.append({
            "items": generate.item_count(files), "controls": ours[0]["controls"],
            "cli_wall_s": statistics.median(w for w, _ in cli),
            "cli_peak_mb": max(r for _, r in cli),
            "pipeline_s": ours_s, "phases_s": phases,
            "floor_s": floor_s,
            "floor_phases_s": {name: statistics.median(f["phases"][name] for f in floor)
                               for name in floor[0]["phases"]},
            "ratio_to_floor": ours_s / floor_s,
        })
    script = Path(python).parent / "checker"  # the console script a user runs
    help_command = [str(script), "--help"] if script.exists() else [*checker, "--help"]
    helps = [_run_child(help_command)[0] for _ in range(max(repeat, 5))]
    return {"machine": _machine(), "repeat": repeat, "seed": seed, "sizes": rows,
            "help_s": statistics.median(helps)}


def markdown(report: dict[str, Any]) -> str:
    """The tables docs/performance.md shows."""
    m = report["machine"]
    lines = [f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['os']}; Python "
             f"{m['python']}, regorus {m['regorus']}, checker {m['checker']}. "
             f"Medians of {report['repeat']} runs, seed {report['seed']}.", "",
             "| items | controls | `checker run` wall | peak memory | pipeline | load+validate "
             "| policies | evaluate | statuses | render | floor | ratio to floor |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in report["sizes"]:
        p = row["phases_s"]
        lines.append(
            f"| {row['items']:,} | {row['controls']} | {row['cli_wall_s']:.2f} s | "
            f"{row['cli_peak_mb']:.0f} MB | {row['pipeline_s']:.2f} s | "
            f"{p.get('catalogue', 0) + p.get('evidence', 0):.2f} s | {p.get('policies', 0):.2f} s"
            f" | {p.get('evaluate', 0):.2f} s | {p.get('statuses', 0):.3f} s | "
            f"{p.get('render', 0):.3f} s | {row['floor_s']:.2f} s | {row['ratio_to_floor']:.2f} |")
    by_items = {r["items"]: r for r in report["sizes"]}
    if 1000 in by_items and 10000 in by_items:
        growth = by_items[10000]["cli_wall_s"] / by_items[1000]["cli_wall_s"]
        lines += ["", f"Growth from 1,000 to 10,000 items (`checker run` wall): {growth:.1f}x."]
    lines += [f"`checker --help`: {report['help_s']:.2f} s."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000, 50000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--markdown", action="store_true", help="Print the docs table.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as workdir:
        report = measure(args.sizes, args.repeat, args.seed, Path(workdir))
    print(markdown(report) if args.markdown else json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
