"""The parsed-catalogue cache, and the key that makes every cache entry trustworthy.

A cache directory is restored by CI systems and may be shared: an entry is believed only when
it was written under this user's key, which lives outside the cache.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

import pytest

from checker import cache, parsedcache


@pytest.fixture
def cache_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "cache"


@pytest.fixture
def parses(monkeypatch):
    """How many files the runs parsed (rather than read from the cache)."""
    calls: list[str] = []
    original = parsedcache._parse

    def spy(source):
        calls.append(source.display)
        return original(source)

    monkeypatch.setattr(parsedcache, "_parse", spy)
    return calls


def _titles(result) -> dict[str, str]:
    assert result.exit_code in (0, 1), result.output
    return {c["id"]: c["title"] for c in json.loads(result.stdout)["controls"]}


def _entry(cache_dirs: Path) -> Path:
    (entry,) = cache_dirs.glob("parsed-*.json")
    return entry


def _replant(entry: Path, key: bytes, change: str) -> None:
    """Rewrite the catalogue entry with MINI-DEV-01's title changed, authenticated by ``key``."""
    payload = cache.read(entry.name)
    assert payload is not None
    altered = payload.replace(b"Laptops encrypted", change.encode())
    assert altered != payload
    mac = hmac.new(key, entry.name.encode() + b"\0" + altered, hashlib.sha256).digest()
    entry.write_bytes(b"checker-cache 1\n" + mac + altered)


def test_a_second_run_reads_the_parsed_catalogue_from_the_cache(mini, cache_dirs, parses):
    first = _titles(mini.run("--format", "json"))
    assert parses == [f"{mini.controls.as_posix()}/mini.yaml"]
    assert _titles(mini.run("--format", "json")) == first
    assert len(parses) == 1  # the second run parsed nothing
    assert first["MINI-DEV-01"] == "Laptops encrypted"


def test_an_entry_planted_without_the_key_is_not_believed(mini, cache_dirs, parses):
    mini.run("--format", "json")
    _replant(_entry(cache_dirs), b"not the key" * 3, "PLANTED")
    assert _titles(mini.run("--format", "json"))["MINI-DEV-01"] == "Laptops encrypted"
    assert len(parses) == 2  # parsed again, and the entry rewritten as ours
    assert b"PLANTED" not in (cache.read(_entry(cache_dirs).name) or b"PLANTED")


def test_the_same_entry_under_the_key_is_believed(mini, cache_dirs):
    """The converse of the test above: the altered entry is a real attack when authentic."""
    mini.run("--format", "json")
    _replant(_entry(cache_dirs), cache.key_path().read_bytes(), "PLANTED")
    assert _titles(mini.run("--format", "json"))["MINI-DEV-01"] == "PLANTED"


def test_an_entry_made_under_another_key_is_parsed_again(mini, cache_dirs, parses, tmp_path,
                                                         monkeypatch):
    mini.run("--format", "json")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "another-user"))
    mini.run("--format", "json")
    assert len(parses) == 2


def test_an_edited_catalogue_is_parsed_again(mini, cache_dirs):
    mini.run("--format", "json")
    path = mini.controls / "mini.yaml"
    path.write_text(path.read_text().replace("Laptops encrypted", "Every laptop encrypted"))
    assert _titles(mini.run("--format", "json"))["MINI-DEV-01"] == "Every laptop encrypted"
    assert len(list(cache_dirs.glob("parsed-*.json"))) == 2


def test_a_catalogue_with_a_problem_is_reported_every_time_and_never_cached(mini, cache_dirs):
    mini.write("controls/broken.yaml", "framework: mini\ncontrols: [\n")
    for _ in range(2):
        result = mini.run("--format", "json")
        assert result.exit_code == 2
        assert "broken.yaml:3" in result.stderr and "invalid YAML" in result.stderr
    assert not list(cache_dirs.glob("parsed-*.json"))


def test_a_key_others_can_read_turns_caching_off(mini, cache_dirs, parses):
    mini.run("--format", "json")
    cache.key_path().chmod(0o644)
    mini.run("--format", "json")
    assert len(parses) == 2
    assert cache.read(_entry(cache_dirs).name) is None


def test_a_key_is_made_private_and_never_replaced(cache_dirs):
    cache.write("parsed-x.json", b"[]")
    key = cache.key_path()
    assert key.stat().st_mode & 0o777 == 0o600
    assert key.parent.stat().st_mode & 0o777 == 0o700
    made = key.read_bytes()
    cache.write("parsed-y.json", b"[]")
    assert key.read_bytes() == made and len(made) == 32
    assert cache.read("parsed-x.json") == b"[]"
    assert cache.read("parsed-y.json") == b"[]"
    assert cache.read("parsed-z.json") is None
    # an entry cannot be passed off under another entry's name
    (cache_dirs / "parsed-z.json").write_bytes((cache_dirs / "parsed-x.json").read_bytes())
    assert cache.read("parsed-z.json") is None


def test_no_state_directory_leaves_runs_working_and_uncached(mini, cache_dirs, tmp_path,
                                                             monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    assert mini.run("--format", "json").exit_code == 0
    assert not cache_dirs.exists() or not list(cache_dirs.iterdir())


def test_the_bundled_catalogue_reads_the_same_from_the_cache(cache_dirs):
    from checker.catalogue import load_catalogue
    from checker.policies import bundled

    parsed = load_catalogue(bundled("controls"), "controls")
    assert list(cache_dirs.glob("parsed-*.json"))
    cached = load_catalogue(bundled("controls"), "controls")
    assert cached == parsed
    assert [c.source for c in cached.controls] == [c.source for c in parsed.controls]


def test_without_the_readers_source_the_catalogue_still_loads_and_caches(cache_dirs,
                                                                         monkeypatch):
    """A frozen application ships no .py files: the key falls back to checker's version."""
    from checker import yamlsource
    from checker.catalogue import load_catalogue
    from checker.policies import bundled

    monkeypatch.setattr(yamlsource, "__file__", "/nonexistent/yamlsource.py")
    first = load_catalogue(bundled("controls"), "controls")
    assert list(cache_dirs.glob("parsed-*.json"))
    assert load_catalogue(bundled("controls"), "controls") == first
