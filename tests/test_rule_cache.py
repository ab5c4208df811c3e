"""The rule index cache: used when the policies are byte-identical, ignored otherwise."""

from __future__ import annotations

import json

import pytest

from checker.engines import rulecache


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
    assert all(json.loads(p.read_text()) for p in cache.glob("rules-*.json"))


def test_an_empty_cache_dir_setting_turns_caching_off(mini, monkeypatch, tmp_path):
    monkeypatch.setenv("CHECKER_CACHE_DIR", "")
    assert rulecache.cache_dir() is None
    assert mini.run("--format", "json").exit_code == 0
