"""Write a report to standard output or, atomically, to a file."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click

from checker.errors import InputError, Location


def emit(content: str | bytes, output: Path | None) -> None:
    """Print ``content``, or replace ``output`` with it in one step (never a partial file)."""
    if output is None:
        _to_stdout(content)
        return
    target = _regular_target(output)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
    except OSError as exc:
        raise InputError.at(Location(str(output)), f"cannot write report: "
                            f"{exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(content, bytes):
                handle.write(content)
            else:
                for piece in _pieces(content):
                    handle.write(piece.encode("utf-8"))
            handle.flush()
            os.fchmod(handle.fileno(), _mode(target))
            os.fsync(handle.fileno())
        Path(temporary).replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(exc, OSError):
            raise InputError.at(Location(str(output)), f"cannot write report: "
                                f"{exc.strerror or exc}") from exc
        raise


def _to_stdout(content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            sys.stdout.flush()  # text already written must come first
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            for piece in _pieces(content):
                click.echo(piece, nl=False)
            sys.stdout.flush()
    except BrokenPipeError:  # the reader left (`| head`): the command line reports it
        raise
    except OSError as exc:  # a full disk behind a redirect
        raise InputError.at(Location("standard output"), f"cannot write report: "
                            f"{exc.strerror or exc}") from exc


#: Text is encoded and written this many characters at a time, so that a large report (50 MB
#: of table at 100,000 items) is never held twice, as text and as bytes.
_PIECE = 1 << 20


def _pieces(content: str) -> Iterator[str]:
    """``content`` in consecutive slices of at most ``_PIECE`` characters."""
    for start in range(0, len(content), _PIECE):
        yield content[start:start + _PIECE]


def _regular_target(output: Path) -> Path:
    """The file to replace: a symbolic link's target (the link stays), never a device, FIFO
    or directory (``--output /dev/full`` must not swap a device node for a file)."""
    target = output.resolve() if output.is_symlink() else output.absolute()
    if target.exists() and not target.is_file():
        raise InputError.at(Location(str(output)), "cannot write report: not a regular "
                            "file (leave out --output to write to standard output)")
    return target


def _mode(target: Path) -> int:
    """Keep an existing report's permissions; a new one gets the usual umask default."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
