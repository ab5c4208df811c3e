"""Entries kept across runs, each one authenticated: the rule index and the parsed catalogue.

Entries live in ``$CHECKER_CACHE_DIR`` (default ``$XDG_CACHE_HOME/checker`` or
``~/.cache/checker``); ``CHECKER_CACHE_DIR=`` (empty) turns caching off. A cache directory is
not trusted: CI systems restore it from earlier runs (other branches, other pull requests),
and it may be shared. So every entry carries an HMAC-SHA256 of its name and payload under a
key that never lives in the cache: ``$XDG_STATE_HOME/checker/cache-key`` (default
``~/.local/state/checker/cache-key``), 32 random bytes made on first use, readable by its
owner only. An entry planted or altered without that key, a truncated one, a FIFO, a device
or a link to one, or one over ``MAX_ENTRY_BYTES`` is never believed: the caller computes the
value again and the entry is rewritten. Where the key cannot be made or is not private (a
read-only home, a key file others may write), nothing is cached.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from pathlib import Path

#: The largest entry read: the bundled catalogue's parsed documents are about 0.7 MB.
MAX_ENTRY_BYTES = 16 * 1024 * 1024
#: Entries kept of each prefix (one per policy or catalogue version recently run).
MAX_ENTRIES = 16

_MAGIC = b"checker-cache 1\n"
_KEY_BYTES = 32
_MAC_BYTES = hashlib.sha256().digest_size


def cache_dir() -> Path | None:
    """Where entries are kept, or None when caching is off."""
    configured = os.environ.get("CHECKER_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "checker"


def key_path() -> Path:
    """The file holding the key entries are authenticated with (never inside the cache)."""
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "checker" / "cache-key"


def read(name: str) -> bytes | None:
    """The payload stored as ``name``, or None when there is none this process can trust."""
    directory, key = cache_dir(), _key(create=False)
    if directory is None or key is None:
        return None
    data = _read_regular(directory / name, len(_MAGIC) + _MAC_BYTES + MAX_ENTRY_BYTES)
    if data is None or not data.startswith(_MAGIC):
        return None
    mac = data[len(_MAGIC):len(_MAGIC) + _MAC_BYTES]
    payload = data[len(_MAGIC) + _MAC_BYTES:]
    if not hmac.compare_digest(mac, _mac(key, name, payload)):
        return None
    return payload


def write(name: str, payload: bytes) -> None:
    """Store ``payload`` as ``name`` (atomically), then drop the oldest entries of its prefix.
    A cache that cannot be written is no reason to fail a run: errors are ignored."""
    directory, key = cache_dir(), _key(create=True)
    if directory is None or key is None or len(payload) > MAX_ENTRY_BYTES:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + _mac(key, name, payload) + payload)
        Path(temporary).replace(directory / name)
        _prune(directory, name)
    except OSError:
        pass


def _mac(key: bytes, name: str, payload: bytes) -> bytes:
    """Binds the payload to its name, so an entry cannot be passed off under another key."""
    return hmac.new(key, name.encode() + b"\0" + payload, hashlib.sha256).digest()


def _prune(directory: Path, kept: str) -> None:
    """Delete all but the ``MAX_ENTRIES`` most recently written entries sharing ``kept``'s
    prefix (the part before the first '-'); ``kept`` itself stays."""
    prefix = kept.split("-", 1)[0] + "-"
    entries = sorted((p for p in directory.iterdir()
                      if p.name.startswith(prefix) and p.name != kept and p.is_file()),
                     key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    for stale in entries[MAX_ENTRIES - 1:]:
        stale.unlink(missing_ok=True)


def _key(create: bool) -> bytes | None:
    """This user's cache key; made (when ``create``) if there is none yet. None when it is
    missing, malformed, or a file that others could read or replace."""
    path = key_path()
    key = _read_regular(path, _KEY_BYTES, private=True)
    if key is not None and len(key) == _KEY_BYTES:
        return key
    if key is not None or not create:
        return None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:  # mkstemp makes it 0600
            handle.write(secrets.token_bytes(_KEY_BYTES))
        try:
            os.link(temporary, path)  # never replaces a key another process just made
        finally:
            Path(temporary).unlink(missing_ok=True)
    except FileExistsError:
        pass
    except OSError:
        return None
    key = _read_regular(path, _KEY_BYTES, private=True)
    return key if key is not None and len(key) == _KEY_BYTES else None


def _read_regular(path: Path, limit: int, private: bool = False) -> bytes | None:
    """The bytes of ``path`` when it is a regular file of at most ``limit`` bytes (and, when
    ``private``, owned by this user and writable by nobody else); None otherwise."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
                return None
            if private and not _private(status):
                return None
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def _private(status: os.stat_result) -> bool:
    """Owned by this user, and no one else may read or write it (POSIX; elsewhere, True)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # pragma: no cover - Windows: the profile directory is private
        return True
    return status.st_uid == getuid() and not status.st_mode & 0o077
