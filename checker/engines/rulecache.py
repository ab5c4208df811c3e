"""A cache of rule indexes across runs, keyed by the exact policy texts.

Reading regorus's AST of the whole catalogue costs about 0.4 s a run (a 16 MB JSON
document); the rule index it yields is a few kilobytes. The cache lives in
``$CHECKER_CACHE_DIR`` (default ``$XDG_CACHE_HOME/checker`` or ``~/.cache/checker``); set
``CHECKER_CACHE_DIR=`` (empty) to disable it. It can only speed up a load-time check: a bad
or planted entry is ignored or, at worst, lets a mistyped rule through to the runner, which
type-checks every answer and reports the control as an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.engines.base import RuleIndex, RuleKind
from checker.policies import PolicyModule

_VERSION = "1"


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
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return {str(name): RuleKind(kind) for name, kind in stored.items()}
    except (OSError, ValueError, AttributeError):
        pass  # absent, unreadable or malformed: compute afresh
    index = compute()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({name: kind.value for name, kind in sorted(index.items())}, handle)
        Path(temporary).replace(path)
    except OSError:
        pass  # a read-only home is no reason to fail a run
    return index
