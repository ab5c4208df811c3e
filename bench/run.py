"""Time `checker run` on synthetic estates of growing size, beside the floor, in one run.

    python bench/run.py                      # 100, 1,000, 10,000 and 50,000 items, 3 repeats
    python bench/run.py --sizes 1000 10000 --repeat 5 --markdown

For every size: a fresh evidence pack (bench/generate.py, fixed seed), then, each in a fresh
process and alternating so that machine noise falls on both alike:
- `checker run --format json` end to end (wall time and peak memory of the process);
- checker's pipeline in-process, phase by phase (bench/measure.py ours);
- the floor: PyYAML's C loader plus one regorus evaluation (bench/measure.py floor), timed as
  a whole process like `checker run`: the ratio to the floor is process to process,
  interpreter start included on both sides;
- where an OPA binary is found (CHECKER_OPA_BIN, or `opa` on PATH): `opa eval` of the same
  policies and query on the same input, given as JSON (its own process too).
Medians are reported. Also `checker --help` (the cost of starting the CLI).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
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
    """Wall seconds, peak RSS (MiB: ru_maxrss is in KiB on Linux) and stdout of one child,
    measured with wait4."""
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
        cli, ours, floor, opa = [], [], [], []
        opa_eval = _opa_command(python, pack, workdir / f"opa-{size}")
        for _ in range(repeat):
            wall, rss, _ = _run_child([*checker, "run", "--evidence", str(pack), "--as-of",
                                       generate.AS_OF.isoformat(), "--format", "json",
                                       "--fail-on", "none"])
            cli.append((wall, rss))
            _, rss, out = _run_child([python, str(HERE / "measure.py"), "ours", str(pack)])
            ours.append(json.loads(out))
            wall, rss, out = _run_child([python, str(HERE / "measure.py"), "floor", str(pack)])
            floor.append({**json.loads(out), "wall": wall})
            if opa_eval:
                opa.append(_run_child(opa_eval)[0])
        phases = {name: statistics.median(o["phases"].get(name, 0.0) for o in ours)
                  for name in ours[0]["phases"]}
        ours_s = statistics.median(o["seconds"] for o in ours)
        floor_s = statistics.median(f["seconds"] for f in floor)
        floor_wall = statistics.median(f["wall"] for f in floor)
        cli_wall = statistics.median(w for w, _ in cli)
        rows.append({
            "items": generate.item_count(files), "controls": ours[0]["controls"],
            "cli_wall_s": cli_wall,
            "cli_peak_mb": max(r for _, r in cli),
            "pipeline_s": ours_s, "phases_s": phases,
            "floor_s": floor_s, "floor_wall_s": floor_wall,
            "opa_eval_wall_s": statistics.median(opa) if opa else None,
            "floor_phases_s": {name: statistics.median(f["phases"][name] for f in floor)
                               for name in floor[0]["phases"]},
            "ratio_to_floor": cli_wall / floor_wall,
        })
    script = Path(python).parent / "checker"  # the console script a user runs
    help_command = [str(script), "--help"] if script.exists() else [*checker, "--help"]
    helps = [_run_child(help_command)[0] for _ in range(max(repeat, 5))]
    return {"machine": _machine(), "repeat": repeat, "seed": seed, "sizes": rows,
            "help_s": statistics.median(helps)}


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"


def _opa_command(python: str, pack: Path, out: Path) -> list[str] | None:
    """`opa eval` of the bundled policies and the run's query on ``pack``'s input, or None
    when no OPA binary is found. The input file is written once, before any timing."""
    binary = os.environ.get("CHECKER_OPA_BIN") or shutil.which("opa")
    if not binary:
        return None
    _, _, text = _run_child([python, str(HERE / "measure.py"), "opa-files", str(pack),
                             str(out)])
    files = json.loads(text)
    return [binary, "eval", "--format", "json", "--ignore", "*_test.rego",
            "-d", files["policies"], "-d", str(out / "aggregate.rego"),
            "-i", str(out / "input.json"), files["query"]]


def markdown(report: dict[str, Any]) -> str:
    """The tables docs/performance.md shows."""
    m = report["machine"]
    lines = [f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['os']}; Python "
             f"{m['python']}, regorus {m['regorus']}, checker {m['checker']}. "
             f"Medians of {report['repeat']} runs, seed {report['seed']}.", "",
             "| items | controls | `checker run` wall | peak memory | pipeline | load+validate "
             "| policies | evaluate | statuses | render | floor (process) | ratio to floor "
             "| `opa eval` (process) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in report["sizes"]:
        p = row["phases_s"]
        lines.append(
            f"| {row['items']:,} | {row['controls']} | {row['cli_wall_s']:.2f} s | "
            f"{row['cli_peak_mb']:.0f} MiB | {row['pipeline_s']:.2f} s | "
            f"{p.get('catalogue', 0) + p.get('evidence', 0):.2f} s | {p.get('policies', 0):.2f} s"
            f" | {p.get('evaluate', 0):.2f} s | {p.get('statuses', 0):.3f} s | "
            f"{p.get('render', 0):.3f} s | {row['floor_wall_s']:.2f} s | "
            f"{row['ratio_to_floor']:.2f} | {_seconds(row['opa_eval_wall_s'])} |")
    by_items = {r["items"]: r for r in report["sizes"]}
    lines.append("")
    for small, large in ((1000, 10000), (10000, 100000)):
        if small in by_items and large in by_items:
            growth = by_items[large]["cli_wall_s"] / by_items[small]["cli_wall_s"]
            floor = by_items[large]["floor_wall_s"] / by_items[small]["floor_wall_s"]
            lines.append(f"Growth from {small:,} to {large:,} items (`checker run` wall): "
                         f"{growth:.1f}x (the floor: {floor:.1f}x).")
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
