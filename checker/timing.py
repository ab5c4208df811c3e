"""Wall-clock time per pipeline phase, recorded only when someone asks (the benchmark)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

_recorded: dict[str, float] | None = None


@contextmanager
def recording() -> Iterator[dict[str, float]]:
    """Collect phase times (seconds, summed by name) for the code run inside this block."""
    global _recorded
    previous, _recorded = _recorded, {}
    try:
        yield _recorded
    finally:
        _recorded = previous


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Time the enclosed block as ``name``; costs one branch when nothing is recording."""
    if _recorded is None:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        if _recorded is not None:
            _recorded[name] = _recorded.get(name, 0.0) + time.perf_counter() - start
