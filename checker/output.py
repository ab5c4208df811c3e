"""Write a report to standard output or, atomically, to a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import click

from checker.errors import InputError, Location


def emit(text: str, output: Path | None) -> None:
    """Print ``text``, or replace ``output`` with it in one step (never a partial file)."""
    if output is None:
        click.echo(text, nl=False)
        return
    directory = output.parent if output.parent != Path() else Path()
    fd, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(output)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(exc, OSError):
            raise InputError.at(Location(str(output)), f"cannot write report: "
                                f"{exc.strerror or exc}") from exc
        raise
