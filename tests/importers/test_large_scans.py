"""Large scans: findings are aggregated while the export streams in, and a patch_status too
big for one evidence file is split in parts by a hash of the host name, with stable ids."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from checker.cli import cli
from checker.importers import scans
from importers.bench import generate

DATA = Path(__file__).resolve().parent.parent / "data" / "importers"


def _ids(path: Path) -> list[str]:
    return [d["id"] for d in yaml.safe_load_all(path.read_text()) if d]


def _import(export: Path, output: Path) -> None:
    result = CliRunner().invoke(cli, ["import", "nessus", str(export), "--id-prefix", "big",
                                      "--output", str(output)])
    assert result.exit_code == 0, result.output


def _peak_mib(export: Path, output: Path) -> float:
    """Peak resident memory of `checker import` on ``export``, in a fresh parent process so
    that no earlier child of the test run is counted (ru_maxrss is the largest child)."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run([sys.executable, '-m', 'checker', 'import', 'nessus', sys.argv[1],"
             " '--output', sys.argv[2]], check=True, capture_output=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    result = subprocess.run([sys.executable, "-c", probe, str(export), str(output)],
                            check=True, capture_output=True, text=True)
    return int(result.stdout) / 1024


def test_twenty_megabyte_export_imports_in_bounded_memory(tmp_path):
    small, big = tmp_path / "small.nessus", tmp_path / "big.nessus"
    generate(small, hosts=10, items=40)
    generate(big, hosts=700, items=40)
    size_mib = big.stat().st_size / (1 << 20)
    assert size_mib > 19
    baseline = _peak_mib(small, tmp_path / "small.yaml")
    peak = _peak_mib(big, tmp_path / "big.yaml")
    # Holding every finding took about 100 MiB more than the interpreter for this file;
    # aggregating while streaming keeps the growth below the file's own size (about 10 MiB
    # measured, with room for allocator noise).
    assert peak - baseline < size_mib, (baseline, peak)


def test_medium_and_low_findings_are_counted_not_listed(tmp_path):
    _import(DATA / "scan.nessus", tmp_path / "n.yaml")
    patches, scan = yaml.safe_load_all((tmp_path / "n.yaml").read_text())
    listed = [p["id"] for h in patches["facts"]["hosts"] for p in h["patches"]]
    assert listed == ["nessus:187901"]  # the critical one; SMB signing (medium) is counted
    assert "2 open and 0 fixed lower results (one per port) counted, not listed" in \
        patches["notes"]
    assert scan["facts"]["highest_open_cvss"] == 9.8


def test_large_patch_status_is_split_in_stable_parts(tmp_path, monkeypatch):
    export = tmp_path / "scan.nessus"
    generate(export, hosts=30, items=10)
    monkeypatch.setattr(scans, "PART_BYTES", 4000)
    output = tmp_path / "pack" / "nessus.yaml"
    output.parent.mkdir()
    shutil.copy(DATA / "organisation.yaml", output.parent)
    _import(export, output)
    parts = sorted(output.parent.glob("nessus-part-*.yaml"))
    count = len(parts)
    assert count in (2, 4, 8, 16, 32)  # the fewest power-of-two parts under the bound
    assert [p.name for p in parts] == [f"nessus-part-{k:03d}.yaml" for k in range(1, count + 1)]
    assert _ids(output) == ["big-scan-2026-03-14"]
    hosts: list[str] = []
    for k, part in enumerate(parts, start=1):
        (document,) = yaml.safe_load_all(part.read_text())
        assert document["id"] == f"big-patches-part-{k:03d}"
        names = [h["name"] for h in document["facts"]["hosts"]]
        assert names == sorted(names)
        assert all(scans.part_of(n, count) == k for n in names)
        hosts += names
    assert sorted(hosts) == [f"host-{h:06d}" for h in range(30)]
    valid = CliRunner().invoke(cli, ["validate", "--evidence", str(output.parent)])
    assert valid.exit_code == 0, valid.output

    first = {p.name: p.read_bytes() for p in parts}
    _import(export, output)  # re-import: same parts, byte for byte
    assert {p.name: p.read_bytes() for p in sorted(output.parent.glob("nessus-part-*"))} \
        == first


def test_reimport_that_fits_again_removes_the_old_parts(tmp_path, monkeypatch):
    export = tmp_path / "scan.nessus"
    generate(export, hosts=30, items=10)
    output = tmp_path / "nessus.yaml"
    keep = tmp_path / "nessus-part-002.yaml"
    monkeypatch.setattr(scans, "PART_BYTES", 4000)
    _import(export, output)
    keep.write_text(keep.read_text() + "---\nkind: tls_config\nid: typed-by-hand\ntitle: t\n"
                    "owner: me\ncollected: 2026-03-01\nfacts:\n  endpoint: a.example:443\n")
    monkeypatch.setattr(scans, "PART_BYTES", 4 << 20)
    _import(export, output)
    assert _ids(output) == ["big-scan-2026-03-14", "big-patches"]  # added after the kept one
    assert sorted(p.name for p in tmp_path.glob("nessus-part-*")) == ["nessus-part-002.yaml"]
    assert _ids(keep) == ["typed-by-hand"]  # hand-written documents in a part file stay
