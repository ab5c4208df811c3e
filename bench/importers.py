"""Generate a large Nessus v2 export and time `checker import` on it (never a timed test).

    python bench/importers.py --hosts 20000 --items 40 --out /tmp/big.nessus
    /usr/bin/time -v checker import nessus /tmp/big.nessus --output /tmp/big.yaml
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from checker.importers.base import ImportOptions
from checker.importers.run import import_exports

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hosts", type=int, default=2000)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--out", type=Path, default=Path("bench-scan.nessus"))
    args = parser.parse_args()
    generate(args.out, args.hosts, args.items)
    size = args.out.stat().st_size
    start = time.perf_counter()
    import_exports("nessus", [args.out], args.out.with_suffix(".yaml"),
                   ImportOptions(id_prefix="bench", owner="bench"))
    took = time.perf_counter() - start
    print(f"{size / 1e6:.1f} MB, {args.hosts} hosts: {took:.1f} s, "
          f"{size / 1e6 / took:.1f} MB/s")


if __name__ == "__main__":
    main()
