"""Python's cyclic garbage collector, held off while a run builds its evidence and results.

Loading evidence allocates one object per key, list item and location, none of them garbage;
every few hundred allocations the collector scans them all again, which made loading at
100,000 items several times slower than parsing. Reference counting still frees everything
as usual while the collector waits; it runs again, once, when the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Disable the cyclic collector for the block, restoring its previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
