"""The engine gives back the memory of its copy of the input once it has evaluated, so that
the report (built by Python afterwards) can reuse it. Measured in bench/; here only whether
the memory returns at all, in a fresh process with the allocator as a run sets it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from checker.engines.regorus import RegorusEngine

def resident():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096

engine = RegorusEngine()
engine.load([], {})
items = [{"name": f"host-{i}", "patched": i % 3 == 0, "tags": ["a", "b"]} for i in range(200_000)]
before = resident()
engine.evaluate("count(input.items)", {"items": items})
after = resident()
print(json.dumps([before, after]))
"""


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux /proc")
def test_the_engines_copy_of_the_input_is_returned_after_evaluation():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MIMALLOC_")}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True, env=environment).stdout
    before, after = json.loads(out)
    # The input is about 15 MB as JSON; the engine's tree of it several times that. Kept,
    # it would stay resident; returned, what is left is noise.
    assert after - before < 16 * 2**20, f"{(after - before) / 2**20:.0f} MiB still resident"
