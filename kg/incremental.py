"""Incremental resolution: a build that adds or changes articles re-resolves only the groups they touch.

Resolution (kg.resolve) merges entities into groups: a group is what one union of derived forms joins
(people: one name).  The store keeps, beside the extraction cache in STORE/build.sqlite, what the last
build decided (the resolution index):

    res_member   every entity of every resolved article: its group and its node (entity id)
    res_key      every derived form (slot) and the group that owns it
    res_comp     every group's type and canonical name (a zone's name names its administrations)
    res_summary  every group's summary (kg.resolve.GroupSummary): name counts, aliases, honours, first kind
                 and attributes, and for same-name people each person's employers and own summary: what
                 its entities are merged from, short of provenance
    res_fact     the attributes of every fact that has any, each with the article and place it came from
    res_lookup   the zone forms an administration is named by
    res_role     (article, organisation, person) for every roleAt: who employs whom, by article
    res_article  the articles resolved (an article whose extraction failed is retried by the next build)
    res_state    the generation the index describes and the version of what it depends on

A build of new or changed articles touches: the groups with a member in a changed article, the groups
owning a form a changed article's entity has (they merge with it), the administrations named after a
zone form that changes hands, and the people whose employer's node changed when that changes their
split (a person told apart by an employer renamed or merged takes its new name; two namesakes whose
employers merge become one).  A person group whose split the new employer nodes leave as it is keeps
its nodes: its summary records the employers' new nodes, and its facts naming them are rewritten from
the employers' side (they are resolved again).  A touched group that new articles only *extend* (their
entities join it and no other stored
group, its canonical name and nodes stay: for same-name people, the split by employer keeps every stored
person, the facts they state about stored nodes keep their attributes) is merged from its summary and
the new members alone: a
recurring zone named by every article costs what the new articles say of it, not what the store holds.
Every other touched group is resolved again from all its members' cached extractions, with every other
entity fixed at its stored node; what is untouched keeps its node, so the result equals a build from
scratch.  The store then replaces only the touched nodes' quads and the re-projected units (kg.store.Rewrite):
an extended group's header and its new evidence, new statements of stored facts.  Where that cannot give the
graph a build from scratch gives (two groups naming the same node, a missing cache entry, an index from
another generation or version), ``plan`` answers None and the build resolves everything.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.cache import extractor_version
from kg.model import Entity, Extraction, KnowledgeGraph
from kg.ontology import ONTOLOGY_FILE
from kg.identity import entity_id
from kg.rdf import lexical, unit_key
from kg.resolve import (ExtractionInput, GroupSummary, Groups, Local, UnionFind, canonical_name, entity_slots,
                        resolve_groups, split_people, zone_named)
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
    CREATE TABLE IF NOT EXISTS res_summary (comp INTEGER PRIMARY KEY, summary TEXT);
    CREATE TABLE IF NOT EXISTS res_fact (fact TEXT PRIMARY KEY, subject TEXT, object TEXT, attributes TEXT);
    CREATE INDEX IF NOT EXISTS res_fact_by_subject ON res_fact (subject);
    CREATE INDEX IF NOT EXISTS res_fact_by_object ON res_fact (object);
"""

_ZONE = "Zone\0"

# Why a stored group is resolved again (Delta.causes).
RELOADED = "a member's article was re-loaded"
MERGED = "new entities join it to another group"
NOT_EXTENDABLE = "no summary or no single node"
ZONE_NAMED = "named after a zone form that changed hands"
NAME_OR_SPLIT = "its name or a person's split would change"
FACT_ATTRIBUTES = "a fact's attributes would change"
EMPLOYER_MOVED = "a person's employer's node changed"


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


def _roles(extractions: Iterable[Extraction] | Iterable[ExtractionInput]) -> Iterable[tuple[str, str, str]]:
    for x in extractions:
        for r in x.relations:
            if r.predicate == "roleAt":
                yield x.article.id, r.object, r.subject


def _write_groups(index: sqlite3.Connection, groups: Groups, base: int, summaries: Iterable[str],
                  prefix: str = "res_") -> None:
    """The groups' rows, numbered from ``base``; ``summaries``: each group's summary as JSON.  ``prefix``: the
    tables' (``next_`` for the staged ones)."""
    index.executemany(f"INSERT INTO {prefix}comp VALUES (?, ?, ?)",  # noqa: S608 (fixed names)
                      ((base + gi, t, name) for gi, (t, name) in enumerate(zip(groups.types, groups.names))))
    index.executemany(f"INSERT INTO {prefix}key VALUES (?, ?)",  # noqa: S608
                      ((s, base + gi) for gi, slots in enumerate(groups.slots) for s in slots))
    index.executemany(f"INSERT INTO {prefix}lookup VALUES (?, ?)",  # noqa: S608
                      ((k, base + gi) for gi, keys in groups.lookups.items() for k in keys))
    index.executemany(f"INSERT INTO {prefix}member VALUES (?, ?, ?, ?)",  # noqa: S608
                      ((article, local, base + gi, node) for article, local, gi, node in groups.members))
    index.executemany(f"INSERT INTO {prefix}summary VALUES (?, ?)",  # noqa: S608
                      ((base + gi, text) for gi, text in enumerate(summaries)))


#: The index tables a full build replaces.  Its rows are staged in a ``next_`` copy of each right after resolution
#: (so that the build does not hold them while it projects) and moved into the ``res_`` table when it publishes, in
#: the order they were staged.  A killed build's copies are replaced by the next build's.
_REPLACED = ("member", "key", "comp", "lookup", "role", "article", "summary", "fact")


def _staging_tables(index: sqlite3.Connection) -> None:
    """Empty ``next_`` copies of the replaced tables' columns; ``next_member`` indexed as the projection reads it."""
    open_tables(index)
    for table in _REPLACED:
        index.execute(f"DROP TABLE IF EXISTS next_{table}")  # noqa: S608 (fixed names)
        index.execute(f"CREATE TABLE next_{table} AS SELECT * FROM res_{table} WHERE 0")  # noqa: S608
    index.execute("CREATE INDEX next_member_by_article ON next_member (article)")


def stage_all(index: sqlite3.Connection, groups: Groups, extractions: Iterable[ExtractionInput], version: str
              ) -> Callable[[sqlite3.Connection, int], None]:
    """Stage the index rows of a build that resolved everything (committed here) and give what moves them into the
    index when the build publishes (kg.store's publish calls it in its transaction).  The build then holds neither
    the groups' rows nor their summaries, and reads each article's nodes back with ``staged_nodes``."""
    _staging_tables(index)
    with index:
        _write_groups(index, groups, 0, (summary.to_json() for summary in groups.summaries), prefix="next_")
        _write_facts(index, groups.fact_attributes, prefix="next_")
        index.executemany("INSERT INTO next_role VALUES (?, ?, ?)", _roles(extractions))
        index.executemany("INSERT INTO next_article VALUES (?)", ((x.article.id,) for x in extractions))

    def record(connection: sqlite3.Connection, generation: int) -> None:
        open_tables(connection)
        connection.execute("DELETE FROM res_state")
        for table in _REPLACED:
            connection.execute(f"DELETE FROM res_{table}")  # noqa: S608 (fixed names)
            connection.execute(f"INSERT INTO res_{table} SELECT * FROM next_{table} ORDER BY rowid")  # noqa: S608
            connection.execute(f"DROP TABLE next_{table}")  # noqa: S608
        connection.execute("INSERT INTO res_state VALUES (0, ?, ?)", (generation, version))
    return record


def staged_nodes(index: sqlite3.Connection, article: str) -> dict[str, str | None]:
    """The nodes of an article's entities (by their id in the article), as ``stage_all`` staged them."""
    return dict(index.execute("SELECT local, node FROM next_member WHERE article = ?", (article,)))


@dataclass
class Delta:
    """The part of the graph an incremental build rewrites, and what it replaces."""

    graph: KnowledgeGraph  # the touched groups' entities, the facts naming them, the changed articles
    outside: frozenset[str]  # stored nodes those facts also name (kept, or extended: see plan)
    entities: set[str]  # the stored nodes of the groups resolved again: all their quads are replaced
    articles: set[str]  # the changed articles: their nodes' quads are replaced
    record: Callable[[sqlite3.Connection, int], None]  # the index rows (kg.store's publish writes them)
    resolved: int  # articles whose extractions were resolved again (the changed ones and their groups')
    extended: int = 0  # stored groups that only gained members: merged from their summaries, not re-read
    causes: dict[str, tuple[int, int]] = field(default_factory=dict)  # why stored groups were resolved again


def _in(index: sqlite3.Connection, query: str, values: Iterable) -> list[tuple]:
    """Rows of ``query`` (one "?" for a value) for every value."""
    return [row for value in values for row in index.execute(query, (value,))]


def _fact_key(key: tuple) -> str:
    return json.dumps(list(key), ensure_ascii=False)


@dataclass
class _Extension:
    """A stored group that only gains members from new articles: its summary, its new members and their nodes."""

    comp: int
    type: str
    name: str  # the stored canonical name (before naming after a zone)
    stored: GroupSummary
    members: list[tuple[Local, int, Entity]]  # (entity, its position in its article, the entity), in order
    nodes: dict[Local, str]  # each new member's node (people: a first guess until their employers are known)
    first: str  # the node stored members without an employer have (the group's only node for other types)
    merged: GroupSummary | None = None  # the stored summary with the new members (set by _extend)
    guesses: int = 0  # times the new people's nodes were corrected (resolution runs again with them)


def plan(index: sqlite3.Connection, changed: dict[str, Extraction | None],
         load: Callable[[set[str]], dict[str, Extraction] | None], version: str) -> Delta | None:
    """Resolve again what ``changed`` (new or changed articles: their extraction, None when it failed) touches.

    A stored group that new entities only join (no other stored group with them, no member in a changed
    article, its canonical name and nodes unchanged: same-name people keep their split) is *extended*:
    its entity is merged from its stored summary and the new members, and only its header and the new
    evidence are written.  Every other touched group is resolved again from all its members.  ``load``
    gives the cached extractions of stored articles (None when one is missing).  None when the result
    could differ from a build from scratch (see the module docstring)."""
    fresh = [x for x in changed.values() if x is not None]
    by_id = {x.article.id: x for x in fresh}
    whole = {comp for (comp,) in _in(index, "SELECT comp FROM res_member WHERE article = ?", changed)}
    # Why each stored group is resolved again rather than extended (the first reason found): the build reports
    # it, so that a slow add can be traced to the rule that made it read many stored articles.
    why = dict.fromkeys(whole, RELOADED)

    def because(comps: Iterable[int], reason: str) -> None:
        for comp in comps:
            why.setdefault(comp, reason)
    slots = {(x.article.id, e.id): entity_slots(e) for x in fresh for e in x.entities}
    owner: dict[str, int | None] = {}
    joined = UnionFind()  # the new entities with the stored groups and forms they name
    for x in fresh:
        for e in x.entities:
            for s in slots[(x.article.id, e.id)]:
                if s not in owner:
                    row = index.execute("SELECT comp FROM res_key WHERE slot = ?", (s,)).fetchone()
                    owner[s] = row[0] if row else None
                joined.union(("entity", x.article.id, e.id), ("comp", owner[s]) if owner[s] is not None else ("slot", s))
    components: dict[tuple, tuple[set[int], list[tuple[Local, int, Entity]]]] = {}
    for x in fresh:
        for position, e in enumerate(x.entities):
            comps, members = components.setdefault(joined.find(("entity", x.article.id, e.id)), (set(), []))
            members.append(((x.article.id, e.id), position, e))
            comps |= {owner[s] for s in slots[(x.article.id, e.id)] if owner[s] is not None}
    for comps, _ in components.values():
        if len(comps) > 1:
            whole |= comps  # new entities merge stored groups
            because(comps, MERGED)
    extended: dict[int, _Extension] = {}
    for comps, members in components.values():
        if len(comps) == 1 and not comps & whole:
            extension = _extension(index, next(iter(comps)), members)
            if extension is None:
                whole |= comps
                because(comps, NOT_EXTENDABLE)
            else:
                extended[extension.comp] = extension
    unowned_zone_keys = {s[len(_ZONE):] for s, comp in owner.items() if comp is None and s.startswith(_ZONE)}
    # What the index says of the groups resolved again and of their articles, read once however often the
    # loop below runs.
    slots_of: dict[int, set[str]] = {}
    members_of: dict[int, list[tuple[str, str, str | None]]] = {}
    nodes_in: dict[str, dict[str, str | None]] = {}
    loaded: dict[str, Extraction] = {}
    stating = frozenset(changed)
    while True:
        for comp in whole - slots_of.keys():
            slots_of[comp] = {s for (s,) in index.execute("SELECT slot FROM res_key WHERE comp = ?", (comp,))}
        zone_keys = unowned_zone_keys | {s[len(_ZONE):] for comp in whole for s in slots_of[comp] if s.startswith(_ZONE)}
        named = {comp for (comp,) in _in(index, "SELECT comp FROM res_lookup WHERE zone_key = ?", zone_keys)} - whole
        if named:
            whole |= named
            because(named, ZONE_NAMED)
            for comp in named:
                extended.pop(comp, None)
            continue
        for comp in whole - members_of.keys():
            members_of[comp] = index.execute("SELECT article, local, node FROM res_member WHERE comp = ?",
                                             (comp,)).fetchall()
        members = [member for comp in whole for member in members_of[comp]]
        extending = {local: node for extension in extended.values() for local, node in extension.nodes.items()}
        free = {(article, local) for article, local, _ in members} | {
            (x.article.id, e.id) for x in fresh for e in x.entities if (x.article.id, e.id) not in extending}
        wanted = {article for article, _, _ in members} - changed.keys() - loaded.keys()
        more = load(wanted) if wanted else {}
        if more is None:
            return None
        loaded.update(more)
        extractions = sorted([*(loaded[a] for a in {a for a, _, _ in members} - changed.keys()), *fresh],
                             key=lambda x: x.article.id)
        fixed: dict[Local, str | None] = dict(extending)
        for x in extractions:
            if x.article.id in changed:
                continue
            if x.article.id not in nodes_in:
                nodes_in[x.article.id] = dict(index.execute("SELECT local, node FROM res_member WHERE article = ?",
                                                            (x.article.id,)))
            stored = nodes_in[x.article.id]
            for e in x.entities:
                if (x.article.id, e.id) in free:
                    continue
                if e.id not in stored:
                    return None  # the index does not hold this entity: resolve everything
                fixed[(x.article.id, e.id)] = stored[e.id]

        def stored_zone(key: str) -> str | None:
            row = index.execute("SELECT c.comp, c.name FROM res_key k JOIN res_comp c ON k.comp = c.comp "
                                "WHERE k.slot = ?", (_ZONE + key,)).fetchone()
            return row[1] if row and row[0] not in whole else None

        graph, groups = resolve_groups(extractions, fixed, stored_zone, stating)
        now = {(article, local): node for article, local, _, node in groups.members}
        node_of = {**fixed, **now}
        moved = {(article, local) for article, local, node in members if now.get((article, local)) != node}
        renamed = _renamed(members, now, changed)
        demote = {comp for comp, extension in extended.items()
                  if extension.guesses > 1 or not _extend(graph, extension, by_id, node_of, stored_zone, renamed)}
        because(demote, NAME_OR_SPLIT)
        resolved_nodes = {node for node in now.values() if node is not None}
        facts = {}
        for key, relation in graph.relations.items():
            if relation.subject in resolved_nodes or relation.object in resolved_nodes:
                continue  # a group resolved again names it: every record of it is here
            merged = _stored_attributes(index, key, groups.fact_attributes.get(key, {}))
            if merged is None:
                attributed = {comp for node in (relation.subject, relation.object) for (comp,) in index.execute(
                    "SELECT comp FROM res_member WHERE node = ? LIMIT 1", (node,))}
                because(attributed, FACT_ATTRIBUTES)
                demote |= attributed
            else:
                relation.attributes = {name: value for name, (_, value) in sorted(merged.items())}
                facts[key] = merged
        people = {comp for article, org in moved for (comp,) in index.execute(
            "SELECT m.comp FROM res_role r JOIN res_member m ON m.article = r.article AND m.local = r.person "
            "WHERE r.article = ? AND r.org = ?", (article, org))} - whole - extended.keys()
        # People whose employer's node changed keep their nodes when their split does not change (an extended
        # group's split was checked by _extend with the renamed employers): their summaries are recorded with
        # the new employer nodes.
        retargeted = {comp: summary for comp in people
                      if (summary := _retargeted(index, comp, renamed)) is not None}
        grown = (demote | (people - retargeted.keys())) - whole
        because(grown, EMPLOYER_MOVED)
        if not grown and all(extension.merged is not None for extension in extended.values()):
            break
        whole |= grown
        for comp in grown:
            extended.pop(comp, None)
    old_nodes = {node for _, _, node in members if node is not None}
    for node in old_nodes | resolved_nodes:
        if any(comp not in whole for (comp,) in index.execute("SELECT comp FROM res_member WHERE node = ?", (node,))):
            return None  # a group not resolved again names the same node: only a build from scratch orders them
    graph.articles = {x.article.id: x.article for x in fresh}
    facts.update({key: attributes for key, attributes in groups.fact_attributes.items() if key not in facts})

    def record(connection: sqlite3.Connection, generation: int) -> None:
        for comp in whole:
            for table in ("res_member", "res_key", "res_comp", "res_lookup", "res_summary"):
                connection.execute(f"DELETE FROM {table} WHERE comp = ?", (comp,))  # noqa: S608 (fixed names)
        for article in changed:
            for table in ("res_member", "res_role", "res_article"):
                connection.execute(f"DELETE FROM {table} WHERE article = ?", (article,))  # noqa: S608
        for node in old_nodes:
            connection.execute("DELETE FROM res_fact WHERE subject = ? OR object = ?", (node, node))
        (base,) = connection.execute("SELECT COALESCE(MAX(comp), -1) + 1 FROM res_comp").fetchone()
        _write_groups(connection, groups, base, (summary.to_json() for summary in groups.summaries))
        for extension in extended.values():
            connection.executemany("INSERT INTO res_member VALUES (?, ?, ?, ?)", (
                (article, local, extension.comp, node) for (article, local), node in extension.nodes.items()))
            connection.executemany("INSERT OR IGNORE INTO res_key VALUES (?, ?)", (
                (s, extension.comp) for local, _, _ in extension.members for s in slots[local]))
            connection.execute("UPDATE res_summary SET summary = ? WHERE comp = ?",
                               (extension.merged.to_json(), extension.comp))
        connection.executemany("UPDATE res_summary SET summary = ? WHERE comp = ?",
                               ((summary.to_json(), comp) for comp, summary in retargeted.items()))
        _write_facts(connection, {key: attributes for key, attributes in facts.items() if attributes})
        connection.executemany("INSERT INTO res_role VALUES (?, ?, ?)", _roles(fresh))
        connection.executemany("INSERT INTO res_article VALUES (?)", ((x.article.id,) for x in fresh))
        connection.execute("UPDATE res_state SET generation = ?, version = ?", (generation, version))

    return Delta(graph, frozenset(node for node in fixed.values() if node is not None), old_nodes, set(changed), record,
                 len(extractions), len(extended), _causes(index, why, members_of))


def _causes(index: sqlite3.Connection, why: dict[int, str], members_of: dict[int, list[tuple[str, str, str | None]]]
            ) -> dict[str, tuple[int, int]]:
    """``"<type>: <reason>"`` -> (groups resolved again for it, the stored articles they hold), most articles first."""
    groups: dict[str, list[int]] = {}
    for comp, reason in why.items():
        row = index.execute("SELECT type FROM res_comp WHERE comp = ?", (comp,)).fetchone()
        groups.setdefault(f"{row[0] if row else '?'}: {reason}", []).append(comp)
    counted = {cause: (len(comps), len({article for comp in comps for article, _, _ in members_of.get(comp, ())}))
               for cause, comps in groups.items()}
    return dict(sorted(counted.items(), key=lambda item: (-item[1][1], item[0])))


def _extension(index: sqlite3.Connection, comp: int, members: list[tuple[Local, int, Entity]]) -> _Extension | None:
    """The stored group ``comp`` as one that new ``members`` extend, or None when it must be resolved again
    (no summary, or no single node)."""
    row = index.execute("SELECT c.type, c.name, s.summary FROM res_comp c JOIN res_summary s ON s.comp = c.comp "
                        "WHERE c.comp = ?", (comp,)).fetchone()
    if row is None:
        return None
    summary = GroupSummary.from_json(row[2])
    if row[0] == "Person":
        if not summary.people:
            return None
        # Members without an employer have the plain id (kg.resolve.split_people).
        first = entity_id("Person", row[1])
    else:
        nodes = index.execute("SELECT DISTINCT node FROM res_member WHERE comp = ? LIMIT 2", (comp,)).fetchall()
        if len(nodes) != 1 or nodes[0][0] is None:
            return None
        first = nodes[0][0]
    members = sorted(members, key=lambda member: (member[0][0], member[1]))
    return _Extension(comp, row[0], row[1], summary, members, {local: first for local, _, _ in members}, first)


def _extend(graph: KnowledgeGraph, extension: _Extension, fresh: dict[str, Extraction],
            node_of: dict[Local, str | None], stored_zone: Callable[[str], str | None],
            renamed: dict[str, str | None] | None = None) -> bool:
    """Put the extended group's entity (summary plus new members, their provenance) in ``graph``; False when the
    group cannot be extended: its canonical name or a stored member's node would change.  New people whose
    node was guessed wrong get their node and ``guesses`` counts up: resolution must run again first."""
    extension.merged = None
    summary = GroupSummary.from_json(extension.stored.to_json())
    for (article, _), position, entity in extension.members:
        summary.add((article, position), entity)
    name = canonical_name(extension.type, summary.names)
    if name != extension.name:
        return False
    if extension.type == "Person":
        employed = _employed_renamed(summary.employed, renamed or {})
        if employed is None:
            return False  # an employer's node is no longer known: resolve the group again
        summary.employed = employed
        return _extend_people(graph, extension, summary, fresh, node_of)
    name = zone_named(extension.type, name, stored_zone)
    if entity_id(extension.type, name) != extension.first:
        return False
    extension.merged = summary
    graph.entities[extension.first] = summary.entity(extension.first, extension.type, name, [
        p for _, _, entity in extension.members for p in entity.provenance])
    return True


def _extend_people(graph: KnowledgeGraph, extension: _Extension, summary: GroupSummary, fresh: dict[str, Extraction],
                   node_of: dict[Local, str | None]) -> bool:
    """Same-name people: split again from the stored people's employers and the new members' (kg.resolve.split_people:
    members without an employer do not change the split); False when a stored person's node would change."""
    employers = {local: sorted({node_of.get((local[0], r.object)) for r in fresh[local[0]].relations
                                if r.predicate == "roleAt" and r.subject == local[1]} - {None})
                 for local, _, _ in extension.members}
    stored = list(summary.employed.items())
    nodes = split_people(extension.name, [orgs for _, orgs in stored] + [employers[local] for local, _, _ in extension.members])
    if any(node != now for (node, _), now in zip(stored, nodes)):
        return False  # new employers join two stored people, or one sorts before every stored one
    found = {local: now for (local, _, _), now in zip(extension.members, nodes[len(stored):])}
    if found != extension.nodes:
        extension.nodes, extension.guesses = found, extension.guesses + 1
        return True
    employed = {node: set(orgs) for node, orgs in stored}
    for local, _, _ in extension.members:
        if employers[local]:
            employed.setdefault(found[local], set()).update(employers[local])
    summary.employed = {node: sorted(orgs) for node, orgs in sorted(employed.items())}
    provenance: dict[str, list] = {}
    for local, position, entity in extension.members:
        node = found[local]
        summary.people.setdefault(node, GroupSummary()).add((local[0], position), entity)
        provenance.setdefault(node, []).extend(entity.provenance)
    for node, records in provenance.items():
        person = summary.people[node]
        graph.entities[node] = person.entity(node, "Person", canonical_name("Person", person.names), records)
    extension.merged = summary
    return True


def _renamed(members: list[tuple[str, str, str | None]], now: dict[Local, str | None], changed: Iterable[str]
             ) -> dict[str, str | None]:
    """The new node of every stored node that resolution moved (read from its members in unchanged articles);
    None for one whose members went to different nodes, or to none."""
    targets: dict[str, set[str | None]] = {}
    for article, local, node in members:
        if node is not None and article not in changed:
            targets.setdefault(node, set()).add(now.get((article, local)))
    return {node: next(iter(new)) if len(new) == 1 else None for node, new in targets.items() if new != {node}}


def _employed_renamed(employed: dict[str, list[str]], renamed: dict[str, str | None]) -> dict[str, list[str]] | None:
    """Same-name people's employers (GroupSummary.employed) with their renamed nodes; None when one is unknown."""
    result = {}
    for person, orgs in employed.items():
        now = {renamed.get(org, org) for org in orgs}
        if None in now:
            return None
        result[person] = sorted(now)
    return result


def _retargeted(index: sqlite3.Connection, comp: int, renamed: dict[str, str | None]) -> GroupSummary | None:
    """The summary of the stored person group ``comp`` with its employers renamed, when kg.resolve.split_people
    gives every stored person the node it has (the group keeps its nodes, nothing of it is resolved again);
    None when a node would change (an employer that named a person was renamed, two people's employers
    merged) or an employer's node is no longer known."""
    row = index.execute("SELECT c.type, c.name, s.summary FROM res_comp c JOIN res_summary s ON s.comp = c.comp "
                        "WHERE c.comp = ?", (comp,)).fetchone()
    if row is None or row[0] != "Person":
        return None
    summary = GroupSummary.from_json(row[2])
    employed = _employed_renamed(summary.employed, renamed)
    if employed is None or split_people(row[1], list(employed.values())) != list(employed):
        return None
    summary.employed = employed
    return summary


def _stored_attributes(index: sqlite3.Connection, key: tuple, new: dict[str, tuple]) -> dict[str, tuple] | None:
    """A stored fact's attributes with those of its new records (each name's first, in order); None when the
    new records change their values (every stored statement of the fact carries them: the fact is resolved again)."""
    row = index.execute("SELECT attributes FROM res_fact WHERE fact = ?", (_fact_key(key),)).fetchone()
    stored = {name: (tuple(order), value) for name, (order, value) in json.loads(row[0]).items()} if row else {}
    if not new:
        return stored
    if row is None and index.execute("SELECT 1 FROM units WHERE unit = ?", (unit_key("relation", *key),)).fetchone() is None:
        return dict(new)  # a new fact
    merged = dict(stored)
    for name, (order, value) in new.items():
        if name not in merged or tuple(order) < merged[name][0]:
            merged[name] = (tuple(order), value)
    # A new record stating a value first (an article sorting before the stored ones) but the same value (as the
    # projection writes it) leaves every stored statement as it is: only the order it was first stated in moves.
    same = ({name: lexical(value) for name, (_, value) in merged.items()}
            == {name: lexical(value) for name, (_, value) in stored.items()})
    return merged if same else None


def _write_facts(index: sqlite3.Connection, facts: dict[tuple, dict[str, tuple]], prefix: str = "res_") -> None:
    index.executemany(f"INSERT OR REPLACE INTO {prefix}fact VALUES (?, ?, ?, ?)", (  # noqa: S608 (fixed names)
        (_fact_key(key), key[0], key[2], json.dumps(attributes, ensure_ascii=False, sort_keys=True))
        for key, attributes in facts.items()))
