"""A progress indicator on standard error, shown only on a terminal and only once a run has
taken longer than a moment; never written to standard output."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator
from typing import TextIO

#: Seconds before the indicator appears (short runs print nothing).
DELAY = 0.5
_FRAMES = "|/-\\"


@contextlib.contextmanager
def progress(label: str, stream: TextIO | None = None, delay: float = DELAY) -> Iterator[None]:
    """Spin ``label`` on ``stream`` (default stderr) while the block runs, if it is a TTY."""
    stream = stream or sys.stderr
    if not _is_tty(stream):
        yield
        return
    done = threading.Event()
    shown = threading.Event()

    def spin() -> None:
        if done.wait(delay):
            return
        frame = 0
        while not done.is_set():
            shown.set()
            stream.write(f"\r{_FRAMES[frame % len(_FRAMES)]} {label}")
            stream.flush()
            frame += 1
            done.wait(0.1)

    worker = threading.Thread(target=spin, daemon=True)
    worker.start()
    try:
        yield
    finally:
        done.set()
        worker.join()
        if shown.is_set():
            stream.write("\r" + " " * (len(label) + 2) + "\r")
            stream.flush()


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
