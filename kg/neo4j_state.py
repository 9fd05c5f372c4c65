"""What kg push last sent to each Neo4j database: a digest per node and relationship, in SQLite.

A delta push compares every row it would send with the digest recorded for that target and
sends only new or changed rows; what the target holds from an earlier push but the store no
longer has (an entity merged into another, a fact gone) is deleted.  The file lives beside the
store by default (``DIR/push-state.sqlite``); SQLite keeps it on disk, so memory stays bounded
however many elements were pushed.  A target is the Bolt URI plus the database name.

It also keeps, per target and store folder, the store's change marker as of the last complete
push: the next push asks the store what changed since (GraphStore.changes_since) and reads only that.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FILE = "push-state.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS element (
    target TEXT NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL, digest BLOB NOT NULL, run INTEGER NOT NULL,
    root TEXT, id TEXT, start TEXT, start_root TEXT, "end" TEXT, end_root TEXT, type TEXT, rkey TEXT,
    PRIMARY KEY (target, key));
CREATE INDEX IF NOT EXISTS element_run ON element (target, kind, run);
CREATE TABLE IF NOT EXISTS target (name TEXT PRIMARY KEY, run INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS marker (target TEXT NOT NULL, store TEXT NOT NULL, marker INTEGER NOT NULL,
    PRIMARY KEY (target, store));
"""


class PushStateError(Exception):
    """The push-state file cannot be opened or written."""


@dataclass(frozen=True)
class Entry:
    """One element as the state records it: its key, the digest of its row, and how to find it again."""

    kind: str
    key: str
    digest: bytes
    root: str | None = None
    id: str | None = None
    start: str | None = None
    start_root: str | None = None
    end: str | None = None
    end_root: str | None = None
    type: str | None = None
    rkey: str | None = None

    def delete_row(self) -> dict:
        if self.kind == "nodes":
            return {"root": self.root, "id": self.id}
        return {"start": self.start, "start_root": self.start_root, "end": self.end, "end_root": self.end_root,
                "type": self.type, "key": self.rkey}


def _digest(row: dict) -> bytes:
    return hashlib.blake2b(json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8"), digest_size=16).digest()


class PushState:
    """The recorded digests of one target (URI + database) in a SQLite file."""

    def __init__(self, path: Path, target: str) -> None:
        self.path, self.target = Path(path), target
        try:
            self._db = sqlite3.connect(self.path)
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as error:
            raise PushStateError(f"{self.path}: cannot keep the push state there: {error}") from None

    @staticmethod
    def target_name(uri: str, database: str | None) -> str:
        return f"{uri} {database or '(default database)'}"

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PushState:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def entry(self, kind: str, row: dict) -> Entry:
        if kind == "nodes":
            return Entry(kind, "n " + row["props"]["id"], _digest(row), root=row["root"], id=row["props"]["id"])
        key = json.dumps([row["start"], row["type"], row["end"], row["props"]["key"]], ensure_ascii=False)
        return Entry(kind, "r " + key, _digest(row), start=row["start"], start_root=row["start_root"], end=row["end"],
                     end_root=row["end_root"], type=row["type"], rkey=row["props"]["key"])

    def begin(self) -> int:
        """A new run number for this target (rows recorded in it count as seen by this push)."""
        found = self._db.execute("SELECT run FROM target WHERE name = ?", (self.target,)).fetchone()
        run = (found[0] if found else 0) + 1
        self._db.execute("INSERT INTO target (name, run) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET run = ?",
                         (self.target, run, run))
        self._db.commit()
        return run

    def counts(self) -> tuple[int, int]:
        """(nodes, relationships) the state says the target holds."""
        rows = dict(self._db.execute("SELECT kind, count(*) FROM element WHERE target = ? GROUP BY kind",
                                     (self.target,)).fetchall())
        return rows.get("nodes", 0), rows.get("relationships", 0)

    def digests(self, keys: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), 500):  # SQLite bounds the number of parameters
            part = keys[start:start + 500]
            marks = ",".join("?" * len(part))
            found.update(self._db.execute(f"SELECT key, digest FROM element WHERE target = ? AND key IN ({marks})",
                                          (self.target, *part)).fetchall())
        return found

    def record(self, entries: list[Entry], run: int) -> None:
        self._db.executemany(
            'INSERT INTO element (target, key, kind, digest, run, root, id, start, start_root, "end", end_root, type, rkey) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(target, key) DO UPDATE SET digest = excluded.digest, run = excluded.run",
            [(self.target, e.key, e.kind, e.digest, run, e.root, e.id, e.start, e.start_root, e.end, e.end_root, e.type,
              e.rkey) for e in entries])
        self._db.commit()

    def obsolete(self, kind: str, run: int, touching: set[str] | None = None) -> Iterator[Entry]:
        """Elements recorded before ``run`` and not seen in it (only those at ``touching`` ids, when given).

        With ``touching``, SQLite selects them a block of ids at a time, so a delta push after a small
        build does not load the whole state.
        """
        columns = 'SELECT kind, key, digest, root, id, start, start_root, "end", end_root, type, rkey FROM element ' \
                  "WHERE target = ? AND kind = ? AND run < ?"
        if touching is None:
            yield from (Entry(*row) for row in
                        self._db.execute(columns + " ORDER BY key", (self.target, kind, run)).fetchall())
            return
        ids, seen = sorted(touching), set()
        for start in range(0, len(ids), 300):  # SQLite bounds the number of parameters (3 lists per query)
            part = ids[start:start + 300]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(f'{columns} AND (id IN ({marks}) OR start IN ({marks}) OR "end" IN ({marks})) '
                                    "ORDER BY key", (self.target, kind, run, *part, *part, *part)).fetchall()
            for row in rows:
                if row[1] not in seen:
                    seen.add(row[1])
                    yield Entry(*row)

    def marker(self, store: str) -> int | None:
        """The store's change marker (GraphStore.change_marker) when the target last received all of it."""
        found = self._db.execute("SELECT marker FROM marker WHERE target = ? AND store = ?",
                                 (self.target, store)).fetchone()
        return found[0] if found else None

    def set_marker(self, store: str, marker: int) -> None:
        self._db.execute("INSERT INTO marker VALUES (?, ?, ?) ON CONFLICT(target, store) DO UPDATE SET marker = ?",
                         (self.target, store, marker, marker))
        self._db.commit()

    def forget(self, keys: list[str]) -> None:
        self._db.executemany("DELETE FROM element WHERE target = ? AND key = ?", [(self.target, k) for k in keys])
        self._db.commit()
