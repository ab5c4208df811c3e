"""Write a report to standard output or, atomically, to a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import click

from checker.errors import InputError, Location


def emit(content: str | bytes, output: Path | None) -> None:
    """Print ``content``, or replace ``output`` with it in one step (never a partial file)."""
    if output is None:
        if isinstance(content, bytes):
            click.get_binary_stream("stdout").write(content)
        else:
            click.echo(content, nl=False)
        return
    data = content.encode("utf-8") if isinstance(content, str) else content
    directory = output.parent if output.parent != Path() else Path()
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp",
                                         dir=directory)
    except OSError as exc:
        raise InputError.at(Location(str(output)), f"cannot write report: "
                            f"{exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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
