"""The embedded persistent store: Oxigraph (pyoxigraph) on disk, a new generation on every build.

Layout of a store folder::

    DIR/kg-store.json        marker and pointer: {"format": "kg-store", "version": 1, "generation": "gen-000002"}
    DIR/.lock                flock: shared while a GraphStore is open; exclusive to delete old generations
    DIR/.build.lock          flock: exclusive while a build runs (one build at a time)
    DIR/gen-000002/oxigraph/ the Oxigraph database of the current generation (the graph, and the
                             zone-event index derived from it in its own named graph: kg.store_index)
    DIR/gen-000002/articles.jsonl  every loaded article
    DIR/rejects.jsonl        what the last build did not build, with reasons (kg.build writes it)
    DIR/build.sqlite         the build's own index (SQLite): the extraction cache (kg.cache), the
                             resolution index (kg.incremental), the projection's units (name, nodes,
                             digest, compressed N-Quads text, digest of the unit's inputs: kg.rdf), per
                             generation a digest of every node's quads, the nodes that changed, the number
                             of quads and kg stats' counts by class and predicate (term_counts)

A build writes the next generation beside the current one (a full build bulk-loads the whole
projection; an incremental one starts from an Oxigraph backup of the current generation, hard
links to its immutable files, and replaces the quads of the units that changed) and then replaces
the marker with ``os.replace`` (atomic), so a build killed at any point leaves the previous generation current
and the store opens; the next build removes the leftovers.  Published generations are never
written again, so readers open them read-only, and a build running meanwhile does not disturb them:
it deletes an old generation only when no reader holds the store.  A build refuses to start while
another process has the store open or is building it.

Changes, for delta consumers (a delta ``kg push``)::

    with GraphStore.open(DIR) as store:
        marker = store.change_marker            # remember this after a full push
    ...                                         # builds run
    with GraphStore.open(DIR) as store:
        store.changes_since(marker)             # IRIs of entity/article nodes whose quads changed
                                                # (added, edited or removed), or None: unknown
        store.change_marker                     # the marker to remember now

A build projects the graph node by node (an article, an entity with its evidence; a fact counts for
its subject and its object), keeps a digest of each node's quads per generation, and records the
nodes whose digest differs from the previous generation's (or that appeared or went).  A generation
written without digests (``publish`` of raw N-Quads, a SPARQL update) makes ``changes_since`` answer
None for every marker before it: a consumer then falls back to a full push.  The records of a build
killed before its generation was published are dropped by the next build.

Readers never write: ``GraphStore.open`` on a folder the user may only read takes its shared lock
through a read-only descriptor and opens Oxigraph and the index read-only.
"""

from __future__ import annotations

import dataclasses
import errno
import fcntl
import hashlib
import heapq
import json
import os
import re
import shutil
import sqlite3
import threading
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.identity import article_id_to_entity_id, iri
from kg.model import Article, KnowledgeGraph, RelatedLink
from kg.ontology import load_ontology
from kg.rdf import from_graph, unit_key
from kg.store_index import drop_indexes, is_index_quad, update_indexes, write_indexes

MARKER = "kg-store.json"
REJECTS = "rejects.jsonl"
LOCK = ".lock"
BUILD_LOCK = ".build.lock"
INDEX = "build.sqlite"
UNIT_SPOOL = INDEX + ".units"  # a full build's projection units on their way into the index (NodeDigests)
BULK_CHUNK = 100_000  # quads per Oxigraph bulk load of an incremental build's lines
BULK_BYTES = 20_000_000  # N-Quads text per Oxigraph bulk load of a full build (~100,000 quads), whatever the graph's size
LOADERS = 2  # threads loading a full build's chunks beside the projection (NodeDigests.load)
FORMAT = "kg-store"
VERSION = 1


class StoreError(Exception):
    """A store folder cannot be used; the message names the folder and the reason."""


class StoreLockedError(StoreError):
    """Another process has the store open (or is building it)."""


# ------------------------------------------------------------------ articles on disk

def article_to_json(article: Article) -> str:
    return json.dumps(dataclasses.asdict(article), ensure_ascii=False, sort_keys=True)


def article_from_json(line: str) -> Article:
    record = json.loads(line)
    record["body"] = tuple(record["body"])
    record["related"] = tuple(RelatedLink(**link) for link in record.get("related", ()))
    return Article(**record)


_ARTICLE_ID = re.compile(r'"id": ("(?:[^"\\]|\\.)*")')


def _read_articles(path: Path) -> list[Article]:
    if not path.exists():
        return []
    return [article_from_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _article_lines(path: Path) -> Iterator[tuple[str, str]]:
    """(id, line) of every stored article, in the file's (id) order; only the id is parsed (records are
    written with sorted keys, so a quick look finds it)."""
    if path.exists():
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                match = _ARTICLE_ID.search(line)
                if match:
                    yield json.loads(match.group(1)), line


def _find_articles(path: Path, ids: Iterable[str]) -> dict[str, Article]:
    """The stored articles with these ids, by id (one pass over the file, parsing only those)."""
    wanted = set(ids)
    if not wanted:
        return {}
    return {article_id: article_from_json(line) for article_id, line in _article_lines(path) if article_id in wanted}


def _write_articles(path: Path, articles: list[Article], added_to: Path | None = None) -> None:
    """Write the articles file of a generation: ``articles``, or with ``added_to`` those of that file with
    ``articles`` added (replacing any with the same id), merged in id order line by line."""
    latest = {a.id: a for a in articles}  # the last of one id wins, as where a build merges its input
    new = sorted((article_id, article_to_json(a) + "\n") for article_id, a in latest.items())
    replaced = latest.keys()
    old = (item for item in _article_lines(added_to) if item[0] not in replaced) if added_to else ()
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(line for _, line in heapq.merge(old, new, key=lambda item: item[0]))
        out.flush()
        os.fsync(out.fileno())


# ------------------------------------------------------------------ folder checks and locks

def _is_ours(name: str) -> bool:
    return name in (LOCK, BUILD_LOCK, f"{MARKER}.tmp", REJECTS) or name.startswith(("gen-", INDEX))


def _marker(root: Path) -> dict | None:
    """The store marker, None for a folder that does not exist yet or is empty; else StoreError."""
    if not root.exists():
        return None
    if not root.is_dir():
        raise StoreError(f"{root}: not a kg store (it is a file, not a folder)")
    marker = root / MARKER
    if not marker.exists():
        # Only our own leftovers (the lock, a first build killed half-way) may be there already.
        if any(not _is_ours(entry.name) for entry in root.iterdir()):
            raise StoreError(f"{root}: not a kg store (no {MARKER}); refusing to touch a folder with other content")
        return None
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{marker}: unreadable store marker: {error}") from None
    if data.get("format") != FORMAT or not (root / str(data.get("generation"))).is_dir():
        raise StoreError(f"{marker}: not a kg store marker, or its generation folder is missing")
    return data


def _lock(root: Path, exclusive: bool, name: str = LOCK) -> int:
    try:
        fd = os.open(root / name, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS) or exclusive or not (root / name).exists():
            raise StoreError(f"{root}: cannot open the store lock: {error.strerror}") from None
        # A reader without write access: flock works on a read-only descriptor too, so the
        # shared lock still keeps builds from deleting the generation being read.
        fd = os.open(root / name, os.O_RDONLY)
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        doing = "building it" if name == BUILD_LOCK else "reading it"
        raise StoreLockedError(f"{root}: the store is locked: another process has it open ({doing}); "
                               "try again when it has finished") from None
    return fd


def _unlock(fd: int) -> None:
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ------------------------------------------------------------------ the build index (build.sqlite)

def open_index(root: Path, read_only: bool = False) -> sqlite3.Connection | None:
    """The store's SQLite index; read-only gives None when there is none yet."""
    path = Path(root) / INDEX
    if read_only:
        if not path.exists():
            return None
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection = sqlite3.connect(path)
    connection.executescript("""
        CREATE TABLE IF NOT EXISTS nodes (generation INTEGER, node TEXT, digest BLOB, PRIMARY KEY (generation, node));
        CREATE TABLE IF NOT EXISTS changes (generation INTEGER, node TEXT);
        CREATE INDEX IF NOT EXISTS changes_by_generation ON changes (generation);
        CREATE TABLE IF NOT EXISTS generations (generation INTEGER PRIMARY KEY, tracked INTEGER);
        CREATE TABLE IF NOT EXISTS units (unit TEXT PRIMARY KEY, node1 TEXT, node2 TEXT, digest BLOB, quads BLOB,
                                          inputs BLOB);
        CREATE TABLE IF NOT EXISTS quad_counts (generation INTEGER PRIMARY KEY, quads INTEGER);
        CREATE TABLE IF NOT EXISTS term_counts (generation INTEGER, kind TEXT, term TEXT, n INTEGER,
                                                PRIMARY KEY (generation, kind, term));
        CREATE INDEX IF NOT EXISTS units_by_node1 ON units (node1);
        CREATE INDEX IF NOT EXISTS units_by_node2 ON units (node2);
    """)
    if "inputs" not in {column for _, column, *_ in connection.execute("PRAGMA table_info(units)")}:
        # An index written before units kept their inputs: those units are projected again when rewritten.
        connection.execute("ALTER TABLE units ADD COLUMN inputs BLOB")
    return connection


def stored_inputs(index: sqlite3.Connection) -> Callable[[str], bytes | None]:
    """The recorded units' inputs (kg.rdf.to_nquads ``stored``): given a unit's name, its inputs (None when there is
    no such unit, or it was recorded without them).  One lookup per unit: a node's units at once would read all of
    a hub's (a zone named by every article) for each of its facts."""
    def inputs(unit: str) -> bytes | None:
        row = index.execute("SELECT inputs FROM units WHERE unit = ?", (unit,)).fetchone()
        return row[0] if row else None
    return inputs


def generation_number(name: str) -> int:
    return int(name.split("-")[1])


def _recorded(root: Path, sql: str, generation: str) -> list[tuple] | None:
    """The rows ``sql`` finds among a generation's build records (None without an index, or for an index written
    before builds kept that record).  Read-only: readers (kg stats) ask for them too."""
    index = open_index(root, read_only=True)
    if index is None:
        return None
    with closing(index):
        try:
            return index.execute(sql, (generation_number(generation),)).fetchall()
        except sqlite3.OperationalError:  # no such table yet
            return None


def recorded_quad_count(root: Path, generation: str) -> int | None:
    """A generation's quads as its build counted them (the graph's own, without the derived index; None when no
    build counted them), where counting would walk every quad."""
    rows = _recorded(root, "SELECT quads FROM quad_counts WHERE generation = ?", generation)
    return rows[0][0] if rows else None


#: What kg stats counts in the default graph: a class's members, a predicate's triples.  A graph holds each triple
#: once, so COUNT(*) of (?s a C) counts C's distinct members from the index, without a DISTINCT's hash set.
#: pyoxigraph substitutes only variables of the projection, hence the GROUP BY on the bound variable.
COUNT_CLASS = "SELECT ?term (COUNT(*) AS ?n) WHERE { ?s a ?term } GROUP BY ?term"
COUNT_PREDICATE = "SELECT ?term (COUNT(*) AS ?n) WHERE { ?s ?term ?o } GROUP BY ?term"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: A term count: ("class" or "predicate", the term's IRI) -> how many.
TermCounts = dict[tuple[str, str], int]


def counted_terms(ontology=None) -> list[tuple[str, str]]:
    """The terms kg stats reports: the ontology's classes and kg:Evidence, its predicates."""
    ontology = ontology or load_ontology()
    return ([("class", c.iri) for c in ontology.classes] + [("class", ontology.term("Evidence"))]
            + [("predicate", p.iri) for p in ontology.predicates])


def count_terms(store: ox.Store, terms: Iterable[tuple[str, str]]) -> TermCounts:
    """The terms' counts in the store's default graph, each from its own query (an index range)."""
    counts = {}
    for kind, term in terms:
        rows = list(store.query(COUNT_CLASS if kind == "class" else COUNT_PREDICATE,
                                substitutions={ox.Variable("term"): ox.NamedNode(term)}))
        counts[(kind, term)] = int(rows[0]["n"].value) if rows else 0
    return counts


def _adjusted(counts: TermCounts, removed: Iterable[bytes], added: Iterable[bytes]) -> TermCounts:
    """``counts`` after ``removed`` left the default graph and ``added`` joined it (N-Quads lines of the default
    graph, each was, or was not, there)."""
    counts = dict(counts)
    for lines, step in ((removed, -1), (added, 1)):
        for line in lines:
            # Subjects, predicates and classes are IRIs: no spaces in them.
            _, predicate, rest = line.split(b" ", 2)
            predicate = predicate[1:-1].decode()
            if ("predicate", predicate) in counts:
                counts[("predicate", predicate)] += step
            if predicate == _RDF_TYPE and rest.startswith(b"<"):
                kind = ("class", rest.split(b" ", 1)[0][1:-1].decode())
                if kind in counts:
                    counts[kind] += step
    return counts


#: The start of the named graph of an article (kg.rdf.graph_iri) in an N-Quads line.
_ARTICLE_GRAPH = f"<{iri('graph/')}".encode()


def _in_default_graph(line: bytes) -> bool:
    """Whether a line of the projection (kg.rdf.to_nquads) is in the default graph: the only named graphs are the
    articles', and no article graph is ever an object, so the last term but the dot tells."""
    return not line.rsplit(b" ", 2)[-2].startswith(_ARTICLE_GRAPH)


_EVIDENCE = f"<{iri('evidence/')}".encode()


def _shareable(unit: str, lines: list[bytes], honor_nodes: tuple[bytes, ...]) -> Iterator[bytes]:
    """The lines of a unit that another unit may give too, so that they may be in the store already: a fact's
    triple, which every title of the fact states (its relation units, and its statement units in the article's
    graph), and an honour's description, which every entity holding it gives.  Every other line of a unit names a
    node only that unit describes (its entity, its article, an evidence record: kg.rdf)."""
    kind = unit[2:unit.index('"', 2)]
    if kind == "relation":
        yield from lines
    elif kind == "statement":
        yield from (line for line in lines if not line.startswith(_EVIDENCE))
    elif kind == "entity":
        yield from (line for line in lines if line.startswith(honor_nodes))


def recorded_term_counts(root: Path, generation: str) -> TermCounts | None:
    """A generation's term counts as its build recorded them (None when it did not, or after an edit).  Read-only:
    kg stats reads them instead of counting a big store."""
    rows = _recorded(root, "SELECT kind, term, n FROM term_counts WHERE generation = ?", generation)
    return {(kind, term): n for kind, term, n in rows} if rows else None


class NodeDigests:
    """N-Quads text in, unit by unit; N-Quads text out in chunks (``__iter__``) or loaded into a store (``load``),
    keeping a digest of each unit and one order-independent digest per node id (see the module docstring).  Wraps a
    projection given as (unit name, node ids, text, inputs) units (kg.rdf.to_nquads); ``units`` and ``digests`` are
    complete once it is consumed.  A unit given without text is unchanged (its stored quads stay): it is only named
    in ``unchanged``.  With ``spool`` (a file path) the units' rows are written there as they pass instead of kept in
    ``units``: a whole store's units (evidence per article) would not fit in memory; ``StoreWriter.publish`` takes
    them from the file."""

    def __init__(self, units: Iterable[tuple[str, tuple[str, ...], str | None, bytes | None]],
                 spool: Path | None = None) -> None:
        self._units = units
        # name -> (node ids, digest, zlib'd text, inputs)
        self.units: dict[str, tuple[tuple[str, ...], int, bytes, bytes | None]] = {}
        self.unchanged: set[str] = set()
        self.digests: dict[str, int] = {}
        self.spool = spool
        self._spool_lock = threading.Lock()

    def __iter__(self) -> Iterator[bytes]:
        spool = self._open_spool() if self.spool else None
        try:
            for batch in self._batches():
                text, sums = self._digested(batch, spool)
                self._add(sums)
                yield text
        finally:
            self._close_spool(spool)

    def load(self, store: ox.Store) -> None:
        """Bulk-load the projection into ``store``: the projection runs in this thread, the digests, compression and
        Oxigraph bulk load of each chunk in LOADERS worker threads.  hashlib, zlib, SQLite and Oxigraph let go of
        Python's GIL, so the projection (Python) and the loading (mostly Oxigraph) use two cores at once; at most
        LOADERS chunks wait, so memory stays a few chunks whatever the graph's size."""
        spool = self._open_spool() if self.spool else None

        def load_chunk(batch: list[tuple[str, tuple[str, ...], bytes, bytes | None]]) -> list[tuple[tuple[str, ...], int]]:
            text, sums = self._digested(batch, spool)
            store.bulk_load(text, ox.RdfFormat.N_QUADS)
            return sums

        try:
            with ThreadPoolExecutor(LOADERS, thread_name_prefix="kg-load") as pool:
                pending: deque[Future] = deque()
                for batch in self._batches():
                    if len(pending) >= LOADERS:
                        self._add(pending.popleft().result())
                    pending.append(pool.submit(load_chunk, batch))
                while pending:
                    self._add(pending.popleft().result())
        finally:
            self._close_spool(spool)

    def _batches(self) -> Iterator[list[tuple[str, tuple[str, ...], bytes, bytes | None]]]:
        """The projected units (name, node ids, UTF-8 text, inputs) in batches of about BULK_BYTES of text; an
        unchanged unit is only named in ``unchanged``."""
        batch, size = [], 0
        for key, ids, text, inputs in self._units:
            if text is None:
                self.unchanged.add(key)
                continue
            text = text.encode("utf-8")
            batch.append((key, ids, text, inputs))
            size += len(text)
            if size >= BULK_BYTES:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    def _digested(self, batch: list[tuple[str, tuple[str, ...], bytes, bytes | None]],
                  spool: sqlite3.Connection | None) -> tuple[bytes, list[tuple[tuple[str, ...], int]]]:
        """The batch's N-Quads text and each unit's (node ids, digest), once each unit's digest and compressed text
        are kept (in the spool, or in ``units``)."""
        rows, sums = [], []
        for key, ids, text, inputs in batch:
            unit = int.from_bytes(hashlib.blake2b(text, digest_size=16).digest())
            # The text is kept (compressed) so that a later incremental build knows exactly which quads to remove.
            if spool is None:
                self.units[key] = (ids, unit, zlib.compress(text, 1), inputs)
            else:
                rows.append(_unit_row(key, ids, unit, zlib.compress(text, 1), inputs))
            sums.append((ids, unit))
        if rows:
            with self._spool_lock:
                spool.executemany("INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?, ?, ?)", rows)
        return b"".join(text for _, _, text, _ in batch), sums

    def _add(self, sums: list[tuple[tuple[str, ...], int]]) -> None:
        digests = self.digests
        for ids, unit in sums:
            for node in ids:
                digests[node] = (digests.get(node, 0) + unit) % _DIGEST_MODULUS  # a sum: unit order does not matter

    def _open_spool(self) -> sqlite3.Connection:
        self.spool.unlink(missing_ok=True)  # a killed build's
        spool = sqlite3.connect(self.spool, check_same_thread=False)  # written by the loader threads, one at a time
        spool.execute("PRAGMA journal_mode = OFF")
        spool.execute("CREATE TABLE units (unit TEXT PRIMARY KEY, node1 TEXT, node2 TEXT, digest BLOB, quads BLOB, "
                      "inputs BLOB)")
        return spool

    @staticmethod
    def _close_spool(spool: sqlite3.Connection | None) -> None:
        if spool is not None:
            spool.commit()
            spool.close()

    def rows(self) -> Iterator[tuple[str, str, str | None, bytes, bytes, bytes | None]]:
        """The units' rows (name, first node, second node, digest, compressed text, inputs)."""
        if self.spool is None:
            for key, (ids, digest, text, inputs) in self.units.items():
                yield _unit_row(key, ids, digest, text, inputs)
            return
        spool = sqlite3.connect(self.spool)
        try:
            yield from spool.execute("SELECT unit, node1, node2, digest, quads, inputs FROM units")
        finally:
            spool.close()


def _unit_row(key: str, ids: tuple[str, ...], digest: int, text: bytes, inputs: bytes | None
              ) -> tuple[str, str, str | None, bytes, bytes, bytes | None]:
    return key, ids[0], ids[1] if len(ids) > 1 else None, digest.to_bytes(16), text, inputs


@dataclasses.dataclass
class Rewrite:
    """What an incremental build replaces in the current generation: the quads of these entity nodes
    (with their evidence, roles and facts) and of these article nodes (with their named graph's bundle).
    Besides, every unit the build projects replaces the stored unit of the same name (kg.rdf.unit_key): an
    extended group's header and the facts new articles state about stored nodes."""

    entities: set[str]
    articles: set[str]


_DIGEST_MODULUS = 1 << 128


def _fact(unit: str) -> tuple[str, str, str] | None:
    """The subject, predicate and object of a fact's unit (kg.rdf.unit_key), None for another unit."""
    kind, *parts = json.loads(unit)
    return tuple(parts[:3]) if kind in ("relation", "statement") else None


def _unit_range(kind: str, *parts: str) -> tuple[str, str]:
    """Bounds of the names of the units of ``kind`` whose key starts with ``parts`` (kg.rdf.unit_key), for a range
    of the units table's own index."""
    prefix = unit_key(kind, *parts)[:-1] + ","
    return prefix, prefix + "\U0010ffff"


# ------------------------------------------------------------------ writing

class StoreWriter:
    """Exclusive access for one build: read the stored articles, then publish a new generation."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._fd: int | None = None
        self._marker: dict | None = None
        self.changed_nodes = 0  # nodes whose quads the last publish changed (all of them when not tracked)

    def __enter__(self) -> StoreWriter:
        _marker(self.root)  # refuse a foreign folder before creating anything in it
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{self.root}: cannot create the store folder: {error.strerror or error}") from None
        if not os.access(self.root, os.W_OK):
            raise StoreError(f"{self.root}: the store folder is not writable")
        self._fd = _lock(self.root, exclusive=True, name=BUILD_LOCK)
        try:
            _unlock(_lock(self.root, exclusive=True))  # refuse to start while a reader has the store open
        except StoreError:
            self.__exit__()
            raise
        self._marker = _marker(self.root)
        return self

    def __exit__(self, *exc_info) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            self._fd = None

    def stored_articles(self) -> list[Article]:
        if self._marker is None:
            return []
        return _read_articles(self._articles_file())

    def stored_ids(self) -> set[str]:
        """The ids of the stored articles (without parsing the articles)."""
        return {article_id for article_id, _ in _article_lines(self._articles_file())} if self._marker else set()

    def find_articles(self, ids: Iterable[str]) -> dict[str, Article]:
        """The stored articles with these ids, by id."""
        return _find_articles(self._articles_file(), ids) if self._marker else {}

    def _articles_file(self) -> Path:
        return self.root / self._marker["generation"] / "articles.jsonl"

    @property
    def generation(self) -> str | None:
        """The current generation's name (None for a new store)."""
        return self._marker["generation"] if self._marker else None

    def quad_count(self) -> int | None:
        """The quads of the current generation, as its build counted them (None when it did not)."""
        return recorded_quad_count(self.root, self.generation) if self.generation else None

    def forget_quad_count(self) -> None:
        """The current generation was edited in place (kg.query.sparql.update_store): its build's counts (quads,
        terms) no longer hold."""
        if self.generation:
            with closing(open_index(self.root)) as index, index:
                for table in ("quad_counts", "term_counts"):
                    index.execute(f"DELETE FROM {table} WHERE generation = ?",  # noqa: S608 (fixed names)
                                  (generation_number(self.generation),))

    def unit_counts(self) -> tuple[int, int]:
        """The entities and facts the current projection holds (from the recorded units)."""
        index = open_index(self.root)
        try:
            # A range of the unit names' own index (kg.rdf.unit_key: '["entity", ...'), not a scan of every unit.
            return tuple(index.execute("SELECT COUNT(*) FROM units WHERE unit > ? AND unit < ?",
                                       (f'["{kind}",', f'["{kind}",\U0010ffff')).fetchone()[0]
                         for kind in ("entity", "relation"))
        finally:
            index.close()

    def current_nquads(self) -> bytes:
        """The current generation's quads (empty for a new store)."""
        if self._marker is None:
            return b""
        store = ox.Store.read_only(str(self.root / self._marker["generation"] / "oxigraph"))
        return store.dump(format=ox.RdfFormat.N_QUADS)

    def publish(self, quads: bytes | Iterable[bytes], articles: list[Article], update: str | None = None,
                digests: NodeDigests | None = None, rewrite: Rewrite | None = None,
                record: Callable[[sqlite3.Connection, int], None] | None = None, articles_added: bool = False) -> Path:
        """Write a new generation (Oxigraph bulk load + articles), then switch the marker atomically.

        ``quads`` is N-Quads text, or an iterable of N-Quads chunks streamed into the store (a build
        gives ``NodeDigests`` over its projection, as both ``quads`` and ``digests``, so that the nodes
        whose quads changed are recorded for ``GraphStore.changes_since``).
        ``update`` (SPARQL Update) is applied to the new generation before it is published; to edit
        the current graph: ``writer.publish(writer.current_nquads(), writer.stored_articles(), update)``.
        With ``rewrite`` the new generation starts as a copy of the current one (an Oxigraph backup:
        hard links to its immutable files), loses the nodes ``rewrite`` names and gains ``quads``.
        ``record`` writes the build's own index rows in the transaction that records the changes.
        ``articles`` are the new generation's articles, or with ``articles_added`` those added to the current
        generation's (replacing any with the same id; the stored ones are copied without being parsed).
        """
        previous = generation_number(self._marker["generation"]) if self._marker else 0
        generation = f"gen-{previous + 1:06d}"
        staging = self.root / f"{generation}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            staging.mkdir()
            if rewrite is not None:
                ox.Store.read_only(str(self.root / self._marker["generation"] / "oxigraph")).backup(
                    str(staging / "oxigraph"))
                store = ox.Store(str(staging / "oxigraph"))
                count, removed, added = self._rewrite(store, quads, digests, rewrite)
                # The derived index follows what changed, unless it is recomputed below (after an update, or
                # to count the graph's own quads).
                indexed = not (update or count is None)
                if indexed:
                    update_indexes(store, removed, added)
                else:
                    drop_indexes(store)
                before = recorded_term_counts(self.root, self._marker["generation"])
                terms = _adjusted(before, removed, added) if before is not None and not update else None
            else:
                store = ox.Store(str(staging / "oxigraph"))
                if isinstance(quads, NodeDigests):
                    quads.load(store)
                else:
                    # Chunk by chunk: the bulk loader buffers what it is given, a whole big projection would not fit.
                    for chunk in [quads] if isinstance(quads, bytes) else quads:
                        store.bulk_load(chunk, ox.RdfFormat.N_QUADS)
                drop_indexes(store)  # current_nquads() (an update of the current graph) carries the old index
                count, indexed, terms = None, False, None
            if update:
                store.update(update, prefixes=load_ontology().prefixes)
                count = None
            if count is None:
                count = len(store)  # the graph's quads, before the derived index joins them
            if terms is None:
                terms = count_terms(store, counted_terms())  # the default graph: the derived index is not in it
            if not indexed:
                write_indexes(store)  # derived from the default graph just written (and edited)
            store.flush()
            del store  # releases the RocksDB lock before the folder is renamed
            _write_articles(staging / "articles.jsonl", articles, self._articles_file() if articles_added else None)
            self._record_changes(previous, previous + 1, None if update else digests, rewrite, record, count, terms)
            if digests is not None and digests.spool is not None:
                digests.spool.unlink(missing_ok=True)
            # A build killed between this rename and the marker switch left this (never current) generation.
            shutil.rmtree(self.root / generation, ignore_errors=True)
            staging.rename(self.root / generation)
            marker_tmp = self.root / f"{MARKER}.tmp"
            marker_tmp.write_text(json.dumps({"format": FORMAT, "version": VERSION, "generation": generation}),
                                  encoding="utf-8")
            os.replace(marker_tmp, self.root / MARKER)
            _fsync_dir(self.root)
        except (OSError, sqlite3.Error) as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreError(f"{self.root}: cannot write the store: {getattr(error, 'strerror', None) or error}") from None
        self._marker = {"format": FORMAT, "version": VERSION, "generation": generation}
        with open_index(self.root) as index:
            index.execute("DELETE FROM nodes WHERE generation < ?", (previous + 1,))
        self._remove_stale(keep=generation)
        return self.root / generation

    def _rewrite(self, store: ox.Store, quads: Iterable[bytes], digests: NodeDigests, rewrite: Rewrite
                 ) -> tuple[int | None, list[bytes], list[bytes]]:
        """Turn a copy of the current generation into the next: the units (kg.rdf) of the rewritten nodes
        whose text changed lose the quads no new unit has, and the new or changed units' quads are added.
        Gives the new number of quads (None when the current one's is not known), and the default graph's lines
        removed and added (for the indexes and the term counts)."""
        count = self.quad_count()
        for _ in quads:  # the projection, unit by unit: NodeDigests keeps each unit's digest and text
            pass
        unchanged = digests.unchanged  # their stored quads stay: neither read nor compared
        index = open_index(self.root)
        try:
            nodes = [*rewrite.entities, *(article_id_to_entity_id(a) for a in rewrite.articles)]
            old = {unit: digest for node in nodes for unit, digest in index.execute(
                "SELECT unit, digest FROM units WHERE node1 = ? UNION "
                "SELECT unit, digest FROM units WHERE node2 = ?", (node, node)) if unit not in unchanged}
            # A unit projected again replaces its stored namesake (an extended group's header, a fact's).
            old.update({unit: digest for unit in digests.units.keys() - old.keys()
                        for (digest,) in index.execute("SELECT digest FROM units WHERE unit = ?", (unit,))})
            new = {unit: (digest.to_bytes(16), text) for unit, (_, digest, text, _) in digests.units.items()}
            changed_old = [unit for unit, digest in old.items() if new.get(unit, (None,))[0] != digest]
            changed_new = {unit for unit, (digest, _) in new.items() if old.get(unit) != digest}
            old_lines = {line for unit in changed_old
                         for (text,) in index.execute("SELECT quads FROM units WHERE unit = ?", (unit,))
                         for line in zlib.decompress(text).splitlines()}
            # Units share quads in one way besides honours: two titles of one fact (roleAt) give one triple, so
            # the lines of a unit that stays (unchanged, or projected again to the same text) stating the fact of
            # a changed one stay.
            shared = {fact for fact in map(_fact, changed_old) if fact is not None}
            going = set(changed_old)
            kept = {line for fact in shared for kind in ("relation", "statement")
                    for unit, text in index.execute("SELECT unit, quads FROM units WHERE unit > ? AND unit < ?",
                                                    _unit_range(kind, *fact)) if unit not in going
                    for line in zlib.decompress(text).splitlines()}
        finally:
            index.close()
        ontology = load_ontology()
        honor_nodes = tuple(f"<{h}> ".encode() for h in ontology.honors.values())
        new_lines: set[bytes] = set()
        maybe_stored: set[bytes] = set()  # new lines that another unit may have given already
        for unit in changed_new:
            lines = zlib.decompress(new[unit][1]).splitlines()
            new_lines.update(lines)
            maybe_stored.update(_shareable(unit, lines, honor_nodes))
        gone_lines = old_lines - new_lines - kept
        # A changed unit (a zone gaining evidence) mostly repeats its old quads: only the new lines are added.
        added_lines = new_lines - old_lines
        del new_lines
        checked = sorted(maybe_stored & added_lines)
        if checked:
            parsed = ox.parse(b"".join(line + b"\n" for line in checked), ox.RdfFormat.N_QUADS)
            added_lines.difference_update(line for line, quad in zip(checked, parsed) if quad in store)
        has_honor_node = ox.NamedNode(ontology.term("hasHonor"))
        has_honor = f" {has_honor_node} ".encode()
        # An honour's description is shared by every entity holding it: kept while one does.
        honors = {ox.NamedNode(line.split(b" ")[2][1:-1].decode()) for line in gone_lines if has_honor in line}
        gone_lines = [line for line in gone_lines if not line.startswith(honor_nodes)]
        for quad in ox.parse(b"".join(line + b"\n" for line in gone_lines), ox.RdfFormat.N_QUADS):
            store.remove(quad)
        # Every other added line names a node of its own unit's (its entity, article or evidence record): it is new
        # to the store, so the lines are loaded as text, without a Python object per quad.
        ordered = sorted(added_lines)
        for start in range(0, len(ordered), BULK_CHUNK):
            # The copy is not published yet: no transaction needed.
            store.bulk_load(b"".join(line + b"\n" for line in ordered[start:start + BULK_CHUNK]),
                            ox.RdfFormat.N_QUADS)
        count = None if count is None else count - len(gone_lines) + len(ordered)
        gone = [line for line in gone_lines if _in_default_graph(line)]
        for honor in honors:
            if next(store.quads_for_pattern(None, has_honor_node, honor, None), None) is None:
                described = list(store.quads_for_pattern(honor, None, None, None))
                for quad in described:
                    store.remove(quad)
                count = None if count is None else count - len(described)
                gone += [f"{quad.subject} {quad.predicate} {quad.object} .".encode() for quad in described
                         if isinstance(quad.graph_name, ox.DefaultGraph)]
        return count, gone, [line for line in ordered if _in_default_graph(line)]

    def _record_changes(self, previous: int, generation: int, digests: NodeDigests | None,
                        rewrite: Rewrite | None = None,
                        record: Callable[[sqlite3.Connection, int], None] | None = None, count: int = 0,
                        terms: TermCounts | None = None) -> None:
        """Unit and node digests of the new generation and the nodes that differ from the previous one (one
        transaction; rows of a build killed before it published are replaced here)."""
        index = open_index(self.root)
        try:
            if digests is not None and rewrite is None and digests.spool is not None:
                # Before the transaction (SQLite attaches outside one): _record_all copies the spooled units from it.
                index.execute("ATTACH DATABASE ? AS spool", (str(digests.spool),))
            with index:
                for table in ("nodes", "changes", "generations"):
                    index.execute(f"DELETE FROM {table} WHERE generation >= ?", (generation,))  # noqa: S608 (fixed names)
                index.execute("INSERT INTO generations VALUES (?, ?)", (generation, digests is not None))
                index.execute("DELETE FROM quad_counts WHERE generation < ?", (generation - 1,))
                index.execute("INSERT OR REPLACE INTO quad_counts VALUES (?, ?)", (generation, count))
                index.execute("DELETE FROM term_counts WHERE generation < ? OR generation >= ?", (generation - 1, generation))
                index.executemany("INSERT INTO term_counts VALUES (?, ?, ?, ?)",
                                  ((generation, kind, term, n) for (kind, term), n in (terms or {}).items()))
                if record is not None:
                    record(index, generation)
                if digests is None:
                    self.changed_nodes = 0
                    return
                tracked_before = previous == 0 or index.execute(
                    "SELECT tracked FROM generations WHERE generation = ?", (previous,)).fetchone() == (1,)
                if not tracked_before:
                    index.execute("UPDATE generations SET tracked = 0 WHERE generation = ?", (generation,))
                if rewrite is None:
                    changed = self._record_all(index, previous, generation, digests)
                else:
                    changed = self._record_rewrite(index, previous, generation, digests, rewrite, tracked_before)
                index.executemany("INSERT INTO changes VALUES (?, ?)", ((generation, node) for node in sorted(changed)))
                self.changed_nodes = len(changed)
        finally:
            index.close()

    @staticmethod
    def _record_all(index: sqlite3.Connection, previous: int, generation: int, digests: NodeDigests) -> set[str]:
        before = {node: int.from_bytes(digest) for node, digest in
                  index.execute("SELECT node, digest FROM nodes WHERE generation = ?", (previous,))}
        now = digests.digests
        index.executemany("INSERT INTO nodes VALUES (?, ?, ?)",
                          ((generation, node, digest.to_bytes(16)) for node, digest in now.items()))
        if digests.spool is None:
            index.execute("DELETE FROM units")
            index.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?)", digests.rows())
        else:
            # SQLite copies the spooled rows (attached by _record_changes) itself, in name order, and indexes their
            # nodes after them: one sort per index instead of a random insert per row (a whole store's units).
            index.execute("DROP INDEX units_by_node1")
            index.execute("DROP INDEX units_by_node2")
            index.execute("DELETE FROM units")
            index.execute("INSERT INTO units SELECT unit, node1, node2, digest, quads, inputs FROM spool.units "
                          "ORDER BY unit")
            index.execute("CREATE INDEX units_by_node1 ON units (node1)")
            index.execute("CREATE INDEX units_by_node2 ON units (node2)")
        return {node for node, digest in now.items() if before.get(node) != digest} | (before.keys() - now.keys())

    @staticmethod
    def _record_rewrite(index: sqlite3.Connection, previous: int, generation: int, digests: NodeDigests,
                        rewrite: Rewrite, tracked_before: bool = True) -> set[str]:
        """The digests of the nodes a rewrite touched: their units' sums (a fact shared with a node the build did
        not rewrite changes that node's digest too), moved by the units that changed when the previous generation's
        digests are known, else summed from the units table; the other nodes' are copied."""
        index.execute("CREATE TEMP TABLE IF NOT EXISTS gone (node TEXT PRIMARY KEY)")
        index.execute("DELETE FROM gone")
        index.executemany("INSERT OR IGNORE INTO gone VALUES (?)", (
            (node,) for node in (*rewrite.entities, *(article_id_to_entity_id(a) for a in rewrite.articles))))
        region = index.execute("SELECT unit, node1, node2, digest FROM units WHERE node1 IN (SELECT node FROM gone) "
                               "UNION SELECT unit, node1, node2, digest FROM units WHERE node2 IN "
                               "(SELECT node FROM gone)").fetchall()
        seen = {unit for unit, *_ in region}
        region += [row for unit in digests.units.keys() - seen
                   for row in index.execute("SELECT unit, node1, node2, digest FROM units WHERE unit = ?", (unit,))]
        # A unit whose text is the same (or that was not projected again: its inputs are the same) keeps its row,
        # and its nodes' digests do not move on its account.
        stays = {unit for unit, _, _, digest in region
                 if unit in digests.units and digests.units[unit][1].to_bytes(16) == digest} | digests.unchanged
        removed = [(unit, node1, node2) for unit, node1, node2, _ in region if unit not in stays]
        added = [row for row in digests.rows() if row[0] not in stays]
        # A node's digest is the sum of its units' digests: it moves by what left and what came, so a hub (a zone
        # with units in tens of thousands of articles) is not summed again from all its units.
        moved: dict[str, int] = {}
        for unit, node1, node2, digest in region:
            if unit not in stays:
                for node in (node1, node2):
                    if node is not None:
                        moved[node] = moved.get(node, 0) - int.from_bytes(digest)
        for _, node1, node2, digest, *_ in added:
            for node in (node1, node2):
                if node is not None:
                    moved[node] = moved.get(node, 0) + int.from_bytes(digest)
        # Inputs that differ but give the same text (a value spelled 1 or 1.0): the next build compares the new ones.
        index.executemany("UPDATE units SET inputs = ? WHERE unit = ?",
                          ((digests.units[unit][3], unit) for unit in stays & digests.units.keys()))
        affected = {node for _, *nodes in removed for node in nodes if node is not None}
        affected |= {node for _, node1, node2, *_ in added for node in (node1, node2) if node is not None}
        index.executemany("DELETE FROM units WHERE unit = ?", ((unit,) for unit, *_ in removed))
        index.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?)", added)
        index.execute("DELETE FROM gone")
        index.executemany("INSERT INTO gone VALUES (?)", ((node,) for node in affected))
        index.execute("INSERT INTO nodes SELECT ?, node, digest FROM nodes WHERE generation = ? "
                      "AND node NOT IN (SELECT node FROM gone)", (generation, previous))
        changed = set()
        for node in sorted(affected):
            before = index.execute("SELECT digest FROM nodes WHERE generation = ? AND node = ?",
                                   (previous, node)).fetchone()
            if not tracked_before:
                units = index.execute("SELECT digest FROM units WHERE node1 = ? UNION ALL "
                                      "SELECT digest FROM units WHERE node2 = ?", (node, node)).fetchall()
                now = sum(int.from_bytes(digest) for (digest,) in units) % _DIGEST_MODULUS if units else None
            elif index.execute("SELECT 1 FROM units WHERE node1 = ? UNION ALL SELECT 1 FROM units WHERE node2 = ? "
                               "LIMIT 1", (node, node)).fetchone() is None:
                now = None  # no unit names it any more
            else:
                now = ((int.from_bytes(before[0]) if before else 0) + moved.get(node, 0)) % _DIGEST_MODULUS
            if now is not None:
                index.execute("INSERT INTO nodes VALUES (?, ?, ?)", (generation, node, now.to_bytes(16)))
            if (int.from_bytes(before[0]) if before else None) != now:
                changed.add(node)
        index.execute("DROP TABLE gone")
        return changed

    def _remove_stale(self, keep: str) -> None:
        try:
            fd = _lock(self.root, exclusive=True)
        except StoreLockedError:
            return  # a reader may be using an old generation: the next build removes it
        try:
            for entry in self.root.iterdir():
                if entry.is_dir() and entry.name.startswith("gen-") and entry.name != keep:
                    shutil.rmtree(entry, ignore_errors=True)
        finally:
            _unlock(fd)


# ------------------------------------------------------------------ reading

def _python_value(term) -> object:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value.rsplit("#", 1)[-1]
        if datatype in ("integer", "int", "long"):
            return int(term.value)
        if datatype in ("decimal", "double", "float"):
            return float(term.value)
        if datatype == "boolean":
            return term.value == "true"
        return term.value
    return None if term is None else str(term)


def rdf_term(value: object) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """A Python value as an RDF term for a query substitution (IRIs must be given as ox.NamedNode)."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, (int, float)):
        return ox.Literal(value)
    return ox.Literal(str(value))


class GraphStore:
    """A read-only view of the current generation; holds a shared lock so no build replaces it meanwhile."""

    def __init__(self, root: Path, generation: Path, store: ox.Store, fd: int) -> None:
        self.root, self.generation, self._store, self._fd = root, generation, store, fd

    @classmethod
    def open(cls, root: Path) -> GraphStore:
        root = Path(root)
        marker = _marker(root)
        if marker is None:
            raise StoreError(f"{root}: no kg store here yet; run `kg build PATH... --store {root}` first")
        fd = _lock(root, exclusive=False)
        marker = _marker(root)  # re-read under the lock: a build may have switched generations
        generation = root / marker["generation"]
        try:
            store = ox.Store.read_only(str(generation / "oxigraph"))
        except OSError as error:
            _unlock(fd)
            raise StoreError(f"{generation}: cannot open the Oxigraph database: {error}") from None
        return cls(root, generation, store, fd)

    def close(self) -> None:
        if self._fd is not None:
            self._store = None
            _unlock(self._fd)
            self._fd = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def oxigraph(self) -> ox.Store:
        return self._store

    def query(self, sparql: str, bindings: dict[str, object] | None = None, *,
              union: bool = False) -> list[dict[str, object]] | bool | list[ox.Triple]:
        """Run SPARQL with variables bound by substitution (never pasted into the text).

        SELECT gives a list of {variable: Python value} rows (IRIs as str), ASK a bool,
        CONSTRUCT/DESCRIBE a list of pyoxigraph triples.  ``union`` queries all graphs as one.
        The ontology's prefixes (kg:, id:, rdf:, prov:, schema: …) are predeclared.
        Bound variables must be in the SELECT projection (pyoxigraph's SEP-0007 substitution):
        ``SELECT ?name ?event WHERE { ?p kg:name ?name ; kg:attended ?event }`` with {"name": "裴钢"}.
        Strings bind as xsd:string literals; pass ``pyoxigraph.NamedNode`` for IRIs.
        """
        substitutions = {ox.Variable(name): rdf_term(value) for name, value in (bindings or {}).items()}
        result = self._store.query(sparql, substitutions=substitutions, use_default_graph_as_union=union,
                                   prefixes=load_ontology().prefixes)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            return [{name: _python_value(row[name]) for name in names} for row in result]
        return list(result)

    def quads(self) -> set[str]:
        """Every quad of the graph as canonical N-Quads text (for comparing stores); the derived
        index (kg.store_index) is left out."""
        return {str(quad) for quad in self._store if not is_index_quad(quad)}

    def dump(self, rdf_format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        """The graph's quads (without the derived index) serialised."""
        return ox.serialize((quad for quad in self._store if not is_index_quad(quad)), format=rdf_format)

    def dataset(self) -> Dataset:
        dataset = Dataset()
        dataset.parse(data=self.dump().decode("utf-8"), format="nquads")
        return dataset

    def graph(self) -> Graph:
        """The default graph (all facts, entities, articles and evidence) as an rdflib Graph."""
        graph = Graph()
        graph.parse(data=self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8"),
                    format="nt")
        return graph

    def articles(self) -> list[Article]:
        return _read_articles(self.generation / "articles.jsonl")

    def iter_articles(self) -> Iterator[Article]:
        """The stored articles one at a time (bounded memory, in id order)."""
        path = self.generation / "articles.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                yield from (article_from_json(line) for line in lines if line.strip())

    def find_articles(self, ids: Iterable[str]) -> dict[str, Article]:
        """The stored articles with these ids, by id (one pass over the file, keeping only those)."""
        return dict(sorted(_find_articles(self.generation / "articles.jsonl", ids).items()))

    @property
    def change_marker(self) -> int:
        """The current generation's number: give it to ``changes_since`` later."""
        return generation_number(self.generation.name)

    def changes_since(self, marker: int) -> set[str] | None:
        """IRIs of the entity and article nodes whose quads changed (added, edited, removed) in the builds
        after ``marker`` up to this generation; None when that is not known (a build in between was not
        tracked, or the marker is not from this store), so the caller must treat everything as changed."""
        current = self.change_marker
        if marker == current:
            return set()
        index = open_index(self.root, read_only=True)
        if index is None or not 0 <= marker < current:
            return None
        try:
            tracked = dict(index.execute("SELECT generation, tracked FROM generations WHERE generation > ? "
                                         "AND generation <= ?", (marker, current)))
            if any(tracked.get(g) != 1 for g in range(marker + 1, current + 1)):
                return None
            return {iri(node) for (node,) in index.execute(
                "SELECT DISTINCT node FROM changes WHERE generation > ? AND generation <= ?", (marker, current))}
        finally:
            index.close()

    def knowledge_graph(self) -> KnowledgeGraph:
        """The stored graph as a KnowledgeGraph (read back from RDF, articles from the store folder)."""
        return from_graph(self.graph(), self.articles())
