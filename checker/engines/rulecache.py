"""A cache of rule indexes across runs, keyed by the exact policy texts.

Reading regorus's AST of the whole catalogue costs about 0.4 s a run (a 16 MB JSON
document); the rule index it yields is a few kilobytes. The cache lives in
``$CHECKER_CACHE_DIR`` (default ``$XDG_CACHE_HOME/checker`` or ``~/.cache/checker``); set
``CHECKER_CACHE_DIR=`` (empty) to disable it; the newest ``MAX_ENTRIES`` indexes are kept.
It can only speed up a load-time check: a bad or planted entry is ignored or, at worst, lets
a mistyped rule through to the runner, which type-checks every answer and reports the
control as an error.

Only a regular file of at most ``MAX_ENTRY_BYTES`` is read (a FIFO, a device or a link to
one is never opened for reading, so a planted entry cannot block or flood a run), and an
entry that is not a JSON object of rule path -> known kind is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.engines.base import RuleIndex, RuleKind
from checker.policies import PolicyModule

_VERSION = "1"
#: The largest entry read; the whole bundled catalogue's index is about 40 KB.
MAX_ENTRY_BYTES = 4 * 1024 * 1024


def cache_dir() -> Path | None:
    """Where indexes are kept, or None when caching is off."""
    configured = os.environ.get("CHECKER_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "checker"


def key(modules: Sequence[PolicyModule]) -> str:
    """sha256 over every module's name and text (the generated query module included)."""
    digest = hashlib.sha256(_VERSION.encode())
    for module in sorted(modules, key=lambda m: m.name):
        digest.update(f"\0{module.name}\0{len(module.text)}\0".encode())
        digest.update(module.text.encode())
    return digest.hexdigest()


def cached(modules: Sequence[PolicyModule], compute: Callable[[], RuleIndex]) -> RuleIndex:
    """The rule index for ``modules``, from the cache or computed and stored."""
    directory = cache_dir()
    if directory is None:
        return compute()
    path = directory / f"rules-{key(modules)}.json"
    stored = read_entry(path)
    if stored is not None:
        return stored
    index = compute()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({name: kind.value for name, kind in sorted(index.items())}, handle)
        Path(temporary).replace(path)
        _prune(directory, keep=path)
    except OSError:
        pass  # a read-only home is no reason to fail a run
    return index


#: Indexes kept: one per policy version recently run (each about 100 KB for the bundle).
MAX_ENTRIES = 16


def _prune(directory: Path, keep: Path) -> None:
    """Delete all but the ``MAX_ENTRIES`` most recently written indexes (``keep`` stays)."""
    entries = sorted((p for p in directory.glob("rules-*.json") if p != keep and p.is_file()),
                     key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    for stale in entries[MAX_ENTRIES - 1:]:
        stale.unlink(missing_ok=True)


def read_entry(path: Path) -> RuleIndex | None:
    """The index stored at ``path``; None when it is absent, not a regular file, larger
    than MAX_ENTRY_BYTES, unreadable, or not an object of rule path -> rule kind."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
                return None
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_ENTRY_BYTES:
        return None
    try:
        stored = json.loads(data.decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(stored, dict) or not all(
            isinstance(name, str) and isinstance(kind, str) for name, kind in stored.items()):
        return None
    try:
        return {name: RuleKind(kind) for name, kind in stored.items()}
    except ValueError:
        return None
