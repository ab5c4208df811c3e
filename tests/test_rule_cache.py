"""The rule index cache: used when the policies are byte-identical and the entry is ours,
ignored otherwise."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from checker import cache as entries
from checker.engines import rulecache
from checker.engines.base import RuleKind
from checker.policies import PolicyModule


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_second_run_reads_the_index_from_the_cache(mini, cache, statuses, monkeypatch):
    first = statuses(mini.run("--format", "json"))
    assert len(list(cache.glob("rules-*.json"))) == 1
    calls = []
    original = rulecache.cached

    def spy(modules, compute):
        return original(modules, lambda: calls.append(1) or compute())

    monkeypatch.setattr(rulecache, "cached", spy)
    assert statuses(mini.run("--format", "json")) == first
    assert calls == []  # answered from the cache


def test_a_changed_policy_is_not_answered_from_the_cache(mini, cache):
    mini.run("--format", "json")
    text = (mini.policies / "mini" / "pw" / "pw.rego").read_text()
    mini.write("policies/mini/pw/pw.rego", text.replace("too_short contains", "too_short :="
                                                        ).replace(" if {", " if {", 1))
    result = mini.run("--format", "json")
    assert result.exit_code == 2  # the value rule is caught at load time, not cached away
    assert "too_short" in result.stderr


def test_a_corrupt_cache_entry_is_ignored(mini, cache, statuses):
    first = statuses(mini.run("--format", "json"))
    for entry in cache.glob("rules-*.json"):
        entry.write_text("{not json")
    assert statuses(mini.run("--format", "json")) == first
    assert all(json.loads(entries.read(p.name) or b"") for p in cache.glob("rules-*.json"))


def test_an_empty_cache_dir_setting_turns_caching_off(mini, monkeypatch, tmp_path):
    monkeypatch.setenv("CHECKER_CACHE_DIR", "")
    assert entries.cache_dir() is None
    assert mini.run("--format", "json").exit_code == 0


_MODULES = [PolicyModule("p/x.rego", "package x\n\nimport rego.v1\n\ny contains 1\n", "")]
_INDEX = {"x.y": RuleKind.SET}


def _cached_within(seconds: float) -> tuple[object, list[int]]:
    """rulecache.cached on _MODULES, run in a thread: (its answer, compute calls), or a
    failure when it is still blocked after ``seconds``."""
    calls: list[int] = []
    answer: list[object] = []
    worker = threading.Thread(target=lambda: answer.append(rulecache.cached(
        _MODULES, lambda: calls.append(1) or _INDEX)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading the cache entry blocked"
    return answer[0], calls


def _entry(cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    return cache / rulecache.entry_name(_MODULES)


def _stored(cache: Path) -> object:
    """The index the cache now holds for _MODULES, read as a run would (authenticated)."""
    payload = entries.read(_entry(cache).name)
    return None if payload is None else json.loads(payload)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_planted_as_an_entry_is_not_read(cache):
    os.mkfifo(_entry(cache))
    answer, calls = _cached_within(5)
    assert (answer, calls) == (_INDEX, [1])
    assert _stored(cache) == {"x.y": "set"}  # rebuilt as a file


def test_a_link_to_a_device_is_not_read(cache):
    _entry(cache).symlink_to("/dev/zero")
    answer, calls = _cached_within(5)
    assert (answer, calls) == (_INDEX, [1])


def test_an_oversized_entry_is_ignored(cache, monkeypatch):
    entries.write(_entry(cache).name, b'{"x.y": "object"}' + b" " * 200)  # ours, but large
    monkeypatch.setattr(entries, "MAX_ENTRY_BYTES", 64)
    answer, calls = _cached_within(5)
    assert (answer, calls) == (_INDEX, [1])


@pytest.mark.parametrize("stored", ['["x.y", "set"]', '{"x.y": "sett"}', '{"x.y": 1}',
                                    '{"x.y": ["set"]}', '"set"', "\xff\xfe"])
def test_an_entry_of_the_wrong_shape_is_rebuilt(cache, stored):
    entries.write(_entry(cache).name, stored.encode("latin-1"))
    answer, calls = _cached_within(5)
    assert (answer, calls) == (_INDEX, [1])
    assert _stored(cache) == {"x.y": "set"}


def test_a_well_formed_entry_of_ours_is_used(cache):
    entries.write(_entry(cache).name, b'{"x.y": "object"}')
    assert _cached_within(5) == ({"x.y": RuleKind.OBJECT}, [])


def test_a_well_formed_entry_planted_without_the_key_is_not_believed(cache):
    _entry(cache).write_text('{"x.y": "object"}')
    assert _cached_within(5) == (_INDEX, [1])
    assert _stored(cache) == {"x.y": "set"}


def test_the_cache_keeps_the_newest_indexes_and_deletes_older_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    for n in range(20):
        old = tmp_path / f"rules-{n:064x}.json"
        old.write_text("{}")
        os.utime(old, ns=(n * 10**9, n * 10**9))
    modules = _MODULES
    rulecache.cached(modules, lambda: _INDEX)
    left = sorted(p.name for p in tmp_path.glob("rules-*.json"))
    assert len(left) == entries.MAX_ENTRIES
    assert rulecache.entry_name(modules) in left
    assert f"rules-{19:064x}.json" in left and f"rules-{4:064x}.json" not in left
