"""A cache of rule indexes across runs, keyed by the exact policy texts.

Reading regorus's AST of the whole catalogue costs about 0.4 s a run (a 16 MB JSON
document); the rule index it yields is a few kilobytes. Entries are kept and authenticated
by :mod:`checker.cache`. Even an entry that got past that could only speed up a load-time
check: at worst it would let a mistyped rule through to the runner, which type-checks every
answer and reports the control as an error. An entry that is not a JSON object of rule
path -> known kind is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence

from checker import cache
from checker.engines.base import RuleIndex, RuleKind
from checker.policies import PolicyModule

_VERSION = "1"


def key(modules: Sequence[PolicyModule]) -> str:
    """sha256 over every module's name and text (the generated query module included)."""
    digest = hashlib.sha256(_VERSION.encode())
    for module in sorted(modules, key=lambda m: m.name):
        digest.update(f"\0{module.name}\0{len(module.text)}\0".encode())
        digest.update(module.text.encode())
    return digest.hexdigest()


def entry_name(modules: Sequence[PolicyModule]) -> str:
    """The cache entry holding the index of ``modules``."""
    return f"rules-{key(modules)}.json"


def cached(modules: Sequence[PolicyModule], compute: Callable[[], RuleIndex]) -> RuleIndex:
    """The rule index for ``modules``, from the cache or computed and stored."""
    name = entry_name(modules)
    stored = _parse(cache.read(name))
    if stored is not None:
        return stored
    index = compute()
    cache.write(name, json.dumps({n: kind.value for n, kind in sorted(index.items())}).encode())
    return index


def _parse(data: bytes | None) -> RuleIndex | None:
    """The index in ``data``; None unless it is a JSON object of rule path -> rule kind."""
    if data is None:
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
