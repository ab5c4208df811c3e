"""The history store: one SQLite file (stdlib ``sqlite3``, embedded, nothing to run), one row
per run keyed by as-of and inputs digest, so recording the same inputs twice changes nothing.

A store holds one organisation's runs: recording another organisation's run into it is
refused rather than mixed into its trend."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.errors import InputError, Location
from checker.history.snapshot import COUNTED, FrameworkCounts, OpenControl, Snapshot

#: Where ``checker run`` records by default, inside the evidence directory (a hidden
#: directory: never read as evidence, never part of the inputs digest).
DEFAULT = Path(".checker") / "history.sqlite"

SCHEMA_VERSION = 1

_COLUMNS = ", ".join(s.value for s in COUNTED)

_SCHEMA = f"""
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  as_of TEXT NOT NULL,
  inputs_digest TEXT NOT NULL,
  organisation TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  source TEXT NOT NULL,
  UNIQUE (as_of, inputs_digest)
);
CREATE TABLE frameworks (
  run_id INTEGER NOT NULL REFERENCES runs (id),
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  {", ".join(f"{s.value} INTEGER NOT NULL" for s in COUNTED)},
  PRIMARY KEY (run_id, key)
);
CREATE TABLE open_controls (
  run_id INTEGER NOT NULL REFERENCES runs (id),
  control TEXT NOT NULL,
  framework TEXT NOT NULL,
  severity TEXT NOT NULL,
  status TEXT NOT NULL,
  due TEXT NOT NULL,
  PRIMARY KEY (run_id, control)
);
PRAGMA user_version = {SCHEMA_VERSION};
"""


@contextlib.contextmanager
def _connect(path: Path, create: bool) -> Iterator[sqlite3.Connection]:
    where = Location(str(path))
    if not create and not path.is_file():
        raise InputError.at(where, "no history store here (record runs with `checker run`, "
                                   "or name one with --history)")
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=30)
    except (OSError, sqlite3.Error) as exc:
        raise InputError.at(where, f"cannot open the history store: {exc}") from exc
    try:
        with connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if version == 0 and tables == 0 and create:
                connection.executescript(_SCHEMA)
            elif version != SCHEMA_VERSION:
                raise InputError.at(where, f"not a checker history store (schema version "
                                           f"{version}, this checker reads {SCHEMA_VERSION})")
            yield connection
    except sqlite3.Error as exc:
        raise InputError.at(where, f"history store unreadable: {exc}") from exc
    finally:
        connection.close()


def record(path: Path, snapshot: Snapshot) -> bool:
    """Add ``snapshot``; False when a run with its as-of and inputs digest is already there."""
    return record_all(path, (snapshot,))[0]


def record_all(path: Path, taken: Sequence[Snapshot]) -> list[bool]:
    """Add every snapshot or none (one transaction); for each, False when a run with its
    as-of and inputs digest is already there.

    An imported report (source ``import``) may only fill in history before the first run
    that ``checker run`` recorded: set among recorded runs, or after them, it would change
    their trend (an all-pass import between two runs would end the streak that makes an
    open action overdue), and a saved file vouches for less than a run the store saw."""
    with _connect(path, create=True) as db:
        return [_insert(db, path, snapshot) for snapshot in taken]


def _insert(db: sqlite3.Connection, path: Path, snapshot: Snapshot) -> bool:
    others = {row[0] for row in db.execute("SELECT DISTINCT organisation FROM runs")}
    if others and others != {snapshot.organisation}:
        raise InputError.at(Location(str(path)), f"this history store holds the runs of "
                            f"{', '.join(sorted(others))!r}, not {snapshot.organisation!r}: "
                            "give another with --history")
    if db.execute("SELECT 1 FROM runs WHERE as_of = ? AND inputs_digest = ?",
                  (snapshot.as_of, snapshot.inputs_digest)).fetchone():
        return False
    first_run = db.execute("SELECT min(as_of) FROM runs WHERE source = 'run'").fetchone()[0]
    if snapshot.source == "import" and first_run is not None and snapshot.as_of >= first_run:
        raise InputError.at(Location(str(path)), f"a report as of {snapshot.as_of} cannot be "
                            f"imported: this store has runs recorded by `checker run` from "
                            f"{first_run}, and an imported report may only fill in history "
                            "before them")
    cursor = db.execute(
        "INSERT INTO runs (as_of, inputs_digest, organisation, tool_version, source) "
        "VALUES (?, ?, ?, ?, ?)",
        (snapshot.as_of, snapshot.inputs_digest, snapshot.organisation,
         snapshot.tool_version, snapshot.source))
    run_id = cursor.lastrowid
    marks = ", ".join("?" * len(COUNTED))
    db.executemany(
        f"INSERT INTO frameworks (run_id, position, key, name, {_COLUMNS}) "
        f"VALUES (?, ?, ?, ?, {marks})",
        [(run_id, i, f.key, f.name, *(f.counts.get(s.value, 0) for s in COUNTED))
         for i, f in enumerate(snapshot.frameworks)])
    db.executemany(
        "INSERT INTO open_controls (run_id, control, framework, severity, status, due) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(run_id, o.control, o.framework, o.severity, o.status, o.due)
         for o in snapshot.open])
    return True


def snapshots(path: Path, up_to: str | None = None) -> tuple[Snapshot, ...]:
    """Every recorded run (up to and including as-of ``up_to``), oldest first; runs on the
    same day in inputs-digest order, so the same store always reads the same."""
    with _connect(path, create=False) as db:
        runs = db.execute(
            "SELECT id, organisation, as_of, inputs_digest, tool_version, source FROM runs "
            "WHERE ? IS NULL OR as_of <= ? ORDER BY as_of, inputs_digest",
            (up_to, up_to)).fetchall()
        return tuple(_snapshot(db, row) for row in runs)


def _snapshot(db: sqlite3.Connection, row: tuple[int, str, str, str, str, str]) -> Snapshot:
    run_id, organisation, as_of, digest, version, source = row
    frameworks = tuple(
        FrameworkCounts(key, name, dict(zip((s.value for s in COUNTED), counts, strict=True)))
        for key, name, *counts in db.execute(
            f"SELECT key, name, {_COLUMNS} FROM frameworks WHERE run_id = ? ORDER BY position",
            (run_id,)))
    open_ = tuple(OpenControl(*item) for item in db.execute(
        "SELECT control, framework, severity, status, due FROM open_controls WHERE run_id = ? "
        "ORDER BY control", (run_id,)))
    return Snapshot(organisation, as_of, digest, version, source, frameworks, open_)
