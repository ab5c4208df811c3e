"""Generate a large Nessus v2 export and time `checker import` on it (never a timed test).

    python bench/importers.py --hosts 20000 --items 40 --out /tmp/big.nessus
    python bench/importers.py --mb 100 --out /tmp/big.nessus    # hosts chosen for ~100 MB
    /usr/bin/time -v checker import nessus /tmp/big.nessus --output /tmp/big.yaml

It prints the size, the time, the throughput and the peak resident memory of the import
(run in a child process, so the generator's memory is not counted).
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

_ITEM = ('<ReportItem port="445" svc_name="cifs" protocol="tcp" severity="{sev}" '
         'pluginID="{plugin}" pluginName="Synthetic update {plugin}" pluginFamily="Windows">'
         '<cvss3_base_score>{score}</cvss3_base_score><risk_factor>{risk}</risk_factor>'
         '<patch_publication_date>2025/{month:02d}/14</patch_publication_date>'
         '<plugin_output>{padding}</plugin_output></ReportItem>\n')
_RISK = {1: "Low", 2: "Medium", 3: "High", 4: "Critical"}


def generate(path: Path, hosts: int, items: int, seed: int = 1) -> None:
    """Write a deterministic synthetic .nessus file, host by host (bounded memory)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" ?>\n<NessusClientData_v2>\n<Report name="bench">\n')
        for h in range(hosts):
            out.write(f'<ReportHost name="host-{h:06d}"><HostProperties>'
                      '<tag name="HOST_END">Sat Mar 14 10:52:02 2026</tag>'
                      '<tag name="Credentialed_Scan">true</tag></HostProperties>\n')
            for _ in range(items):
                sev = rng.randint(0, 4)
                out.write(_ITEM.format(sev=sev, plugin=rng.randint(10000, 99999),
                                       score=[0.0, 3.1, 5.3, 7.5, 9.8][sev],
                                       risk=_RISK.get(sev, "None"), month=rng.randint(1, 12),
                                       padding="x" * 400))
            out.write("</ReportHost>\n")
        out.write("</Report>\n</NessusClientData_v2>\n")


#: Bytes the generator writes per ReportItem and per host (for --mb).
ITEM_BYTES, HOST_BYTES = 719, 170


def hosts_for(megabytes: float, items: int) -> int:
    """How many hosts of ``items`` items make a file of about ``megabytes`` MB."""
    return max(1, round(megabytes * 1e6 / (items * ITEM_BYTES + HOST_BYTES)))


def measure(export: Path, output: Path) -> tuple[float, float]:
    """Import ``export`` into ``output`` in a child process: (seconds, peak RSS in MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "checker", "import", "nessus", str(export),
                    "--id-prefix", "bench", "--output", str(output)], check=True)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak <= before:  # pragma: no cover - an earlier child used more; not this one's peak
        print("note: an earlier child process peaked higher; run once per process")
    return took, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=2000)
    parser.add_argument("--mb", type=float, default=None, help="size instead of --hosts")
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--out", type=Path, default=Path("bench-scan.nessus"))
    args = parser.parse_args()
    hosts = hosts_for(args.mb, args.items) if args.mb else args.hosts
    generate(args.out, hosts, args.items)
    size = args.out.stat().st_size
    took, peak = measure(args.out, args.out.with_suffix(".yaml"))
    print(f"{size / 1e6:.1f} MB, {hosts} hosts: {took:.1f} s, {size / 1e6 / took:.1f} MB/s, "
          f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
