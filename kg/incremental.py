"""Incremental resolution: a build that adds or changes articles re-resolves only the groups they touch.

Resolution (kg.resolve) merges entities into groups: a group is what one union of derived forms joins
(people: one name).  The store keeps, beside the extraction cache in STORE/build.sqlite, what the last
build decided (the resolution index):

    res_member   every entity of every resolved article: its group and its node (entity id)
    res_key      every derived form (slot) and the group that owns it
    res_comp     every group's type and canonical name (a zone's name names its administrations)
    res_lookup   the zone forms an administration is named by
    res_role     (article, organisation, person) for every roleAt: who employs whom, by article
    res_article  the articles resolved (an article whose extraction failed is retried by the next build)
    res_state    the generation the index describes and the version of what it depends on

A build of new or changed articles touches: the groups with a member in a changed article, the groups
owning a form a changed article's entity has (they merge with it), the administrations named after a
touched zone, and the people whose employer's node changed (their disambiguator may change).  Those
groups are resolved again from all their members' cached extractions, with every other entity fixed
at its stored node; what is untouched keeps its node, so the result equals a build from scratch.  The
store then replaces only the touched nodes' quads (kg.store.Rewrite).  Where that cannot give the
graph a build from scratch gives (two groups naming the same node, a missing cache entry, an index from
another generation or version), ``plan`` answers None and the build resolves everything.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.cache import extractor_version
from kg.model import Extraction, KnowledgeGraph
from kg.ontology import ONTOLOGY_FILE
from kg.resolve import Groups, Local, entity_slots, resolve_groups
from kg.settings import PACKAGE_DIR

#: What resolution and projection read besides the extractions: a change re-resolves everything.
RESOLUTION_SOURCES = ("resolve.py", "rdf.py", "identity.py", "incremental.py", "property_graph.py")

TABLES = """
    CREATE TABLE IF NOT EXISTS res_state (id INTEGER PRIMARY KEY CHECK (id = 0), generation INTEGER, version TEXT);
    CREATE TABLE IF NOT EXISTS res_member (article TEXT, local TEXT, comp INTEGER, node TEXT,
                                           PRIMARY KEY (article, local));
    CREATE INDEX IF NOT EXISTS res_member_by_comp ON res_member (comp);
    CREATE INDEX IF NOT EXISTS res_member_by_node ON res_member (node);
    CREATE TABLE IF NOT EXISTS res_key (slot TEXT PRIMARY KEY, comp INTEGER);
    CREATE INDEX IF NOT EXISTS res_key_by_comp ON res_key (comp);
    CREATE TABLE IF NOT EXISTS res_comp (comp INTEGER PRIMARY KEY, type TEXT, name TEXT);
    CREATE TABLE IF NOT EXISTS res_lookup (zone_key TEXT, comp INTEGER);
    CREATE INDEX IF NOT EXISTS res_lookup_by_key ON res_lookup (zone_key);
    CREATE INDEX IF NOT EXISTS res_lookup_by_comp ON res_lookup (comp);
    CREATE TABLE IF NOT EXISTS res_role (article TEXT, org TEXT, person TEXT);
    CREATE INDEX IF NOT EXISTS res_role_by_org ON res_role (article, org);
    CREATE TABLE IF NOT EXISTS res_article (article TEXT PRIMARY KEY);
"""

_ZONE = "Zone\0"


def index_version(ontology_path: Path | None) -> str:
    """A digest of the extractor's version, the resolution and projection code, and the ontology."""
    digest = hashlib.sha256(extractor_version().encode())
    for name in RESOLUTION_SOURCES:
        digest.update(b"\0" + (PACKAGE_DIR / name).read_bytes())
    digest.update(b"\0" + Path(ontology_path or ONTOLOGY_FILE).read_bytes())
    return digest.hexdigest()[:32]


def open_tables(index: sqlite3.Connection) -> None:
    index.executescript(TABLES)


def current(index: sqlite3.Connection, generation: int, version: str) -> bool:
    """Whether the index describes this generation, built by this version."""
    open_tables(index)
    return index.execute("SELECT generation, version FROM res_state").fetchone() == (generation, version)


def resolved_articles(index: sqlite3.Connection) -> set[str]:
    return {article for (article,) in index.execute("SELECT article FROM res_article")}


def _roles(extractions: Iterable[Extraction]) -> Iterable[tuple[str, str, str]]:
    for x in extractions:
        for r in x.relations:
            if r.predicate == "roleAt":
                yield x.article.id, r.object, r.subject


def _write_groups(index: sqlite3.Connection, groups: Groups, base: int) -> None:
    index.executemany("INSERT INTO res_comp VALUES (?, ?, ?)",
                      ((base + gi, t, name) for gi, (t, name) in enumerate(zip(groups.types, groups.names))))
    index.executemany("INSERT INTO res_key VALUES (?, ?)",
                      ((s, base + gi) for gi, slots in enumerate(groups.slots) for s in slots))
    index.executemany("INSERT INTO res_lookup VALUES (?, ?)",
                      ((k, base + gi) for gi, keys in groups.lookups.items() for k in keys))
    index.executemany("INSERT INTO res_member VALUES (?, ?, ?, ?)",
                      ((article, local, base + gi, node) for article, local, gi, node in groups.members))


def record_all(groups: Groups, extractions: list[Extraction], version: str) -> Callable[[sqlite3.Connection, int], None]:
    """The index rows of a build that resolved everything (written by kg.store's publish)."""
    def record(index: sqlite3.Connection, generation: int) -> None:
        open_tables(index)
        for table in ("res_state", "res_member", "res_key", "res_comp", "res_lookup", "res_role", "res_article"):
            index.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
        _write_groups(index, groups, 0)
        index.executemany("INSERT INTO res_role VALUES (?, ?, ?)", _roles(extractions))
        index.executemany("INSERT INTO res_article VALUES (?)", ((x.article.id,) for x in extractions))
        index.execute("INSERT INTO res_state VALUES (0, ?, ?)", (generation, version))
    return record


@dataclass
class Delta:
    """The part of the graph an incremental build rewrites, and what it replaces."""

    graph: KnowledgeGraph  # the touched groups' entities, the facts naming them, the changed articles
    outside: frozenset[str]  # stored nodes (untouched) those facts also name
    entities: set[str]  # the touched groups' stored nodes: their quads are replaced
    articles: set[str]  # the changed articles: their nodes' quads are replaced
    record: Callable[[sqlite3.Connection, int], None]  # the index rows (kg.store's publish writes them)
    resolved: int  # articles whose extractions were resolved again (the changed ones and their groups')


def _in(index: sqlite3.Connection, query: str, values: Iterable) -> list[tuple]:
    """Rows of ``query`` (one "?" for a value) for every value."""
    return [row for value in values for row in index.execute(query, (value,))]


def plan(index: sqlite3.Connection, changed: dict[str, Extraction | None],
         load: Callable[[set[str]], dict[str, Extraction] | None], version: str) -> Delta | None:
    """Resolve again what ``changed`` (new or changed articles: their extraction, None when it failed) touches.

    ``load`` gives the cached extractions of stored articles (None when one is missing).  None when the
    result could differ from a build from scratch (see the module docstring)."""
    fresh = [x for x in changed.values() if x is not None]
    touched = {comp for (comp,) in _in(index, "SELECT comp FROM res_member WHERE article = ?", changed)}
    new_slots = {s for x in fresh for e in x.entities for s in entity_slots(e)}
    touched |= {comp for (comp,) in _in(index, "SELECT comp FROM res_key WHERE slot = ?", new_slots)}
    old_slots = {s for (s,) in _in(index, "SELECT slot FROM res_key WHERE comp = ?", touched)}
    zone_keys = {s[len(_ZONE):] for s in new_slots | old_slots if s.startswith(_ZONE)}
    touched |= {comp for (comp,) in _in(index, "SELECT comp FROM res_lookup WHERE zone_key = ?", zone_keys)}
    loaded: dict[str, Extraction] = {}
    while True:
        members = _in(index, "SELECT article, local, node FROM res_member WHERE comp = ?", touched)
        free = {(article, local) for article, local, _ in members} | {(x.article.id, e.id) for x in fresh
                                                                         for e in x.entities}
        wanted = {article for article, _, _ in members} - changed.keys() - loaded.keys()
        more = load(wanted) if wanted else {}
        if more is None:
            return None
        loaded.update(more)
        extractions = sorted([*(loaded[a] for a in {a for a, _, _ in members} - changed.keys()), *fresh],
                             key=lambda x: x.article.id)
        fixed: dict[Local, str | None] = {}
        for x in extractions:
            if x.article.id in changed:
                continue
            stored = dict(index.execute("SELECT local, node FROM res_member WHERE article = ?", (x.article.id,)))
            for e in x.entities:
                if (x.article.id, e.id) in free:
                    continue
                if e.id not in stored:
                    return None  # the index does not hold this entity: resolve everything
                fixed[(x.article.id, e.id)] = stored[e.id]

        def stored_zone(key: str) -> str | None:
            row = index.execute("SELECT c.comp, c.name FROM res_key k JOIN res_comp c ON k.comp = c.comp "
                                "WHERE k.slot = ?", (_ZONE + key,)).fetchone()
            return row[1] if row and row[0] not in touched else None

        graph, groups = resolve_groups(extractions, fixed, stored_zone)
        now = {(article, local): node for article, local, _, node in groups.members}
        moved = {(article, local) for article, local, node in members if now.get((article, local)) != node}
        people = {comp for article, org in moved for (comp,) in index.execute(
            "SELECT m.comp FROM res_role r JOIN res_member m ON m.article = r.article AND m.local = r.person "
            "WHERE r.article = ? AND r.org = ?", (article, org))} - touched
        if not people:
            break
        touched |= people
    old_nodes = {node for _, _, node in members if node is not None}
    new_nodes = {node for node in now.values() if node is not None}
    for node in old_nodes | new_nodes:
        if any(comp not in touched for (comp,) in index.execute("SELECT comp FROM res_member WHERE node = ?", (node,))):
            return None  # an untouched group names the same node: only a build from scratch orders them
    graph.articles = {x.article.id: x.article for x in fresh}

    def record(connection: sqlite3.Connection, generation: int) -> None:
        for comp in touched:
            for table in ("res_member", "res_key", "res_comp", "res_lookup"):
                connection.execute(f"DELETE FROM {table} WHERE comp = ?", (comp,))  # noqa: S608 (fixed names)
        for article in changed:
            for table in ("res_member", "res_role", "res_article"):
                connection.execute(f"DELETE FROM {table} WHERE article = ?", (article,))  # noqa: S608
        (base,) = connection.execute("SELECT COALESCE(MAX(comp), -1) + 1 FROM res_comp").fetchone()
        _write_groups(connection, groups, base)
        connection.executemany("INSERT INTO res_role VALUES (?, ?, ?)", _roles(fresh))
        connection.executemany("INSERT INTO res_article VALUES (?)", ((x.article.id,) for x in fresh))
        connection.execute("UPDATE res_state SET generation = ?, version = ?", (generation, version))

    return Delta(graph, frozenset(node for node in fixed.values() if node is not None), old_nodes, set(changed), record,
                 len(extractions))
