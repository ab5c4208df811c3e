"""bench/importers.py loaded by path (bench/ is not a package, and its name clashes with
this test package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "importers.py"
_SPEC = importlib.util.spec_from_file_location("bench_importers", _SCRIPT)
assert _SPEC is not None and _SPEC.loader is not None
bench_importers = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_importers)
generate = bench_importers.generate
hosts_for = bench_importers.hosts_for
