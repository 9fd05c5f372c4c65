"""Push the property graph (kg.property_graph shape) into a live Neo4j server: batched, idempotent, vetted.

Every node is MERGEd on its ontology root label and ``id`` (backed by a uniqueness
constraint), every relationship on its end nodes, type and ``key`` (the networkx edge
key, so two titled roleAt edges stay two), with ``UNWIND $rows`` batches, one
transaction per batch.  Re-running, or re-running after an interrupted push, therefore
converges on the same graph.  Cypher cannot take labels or relationship types as
parameters, so those are the only names written into query text, and only after they
have been checked against the ontology's names (see ``Vocabulary``).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

from kg.ontology import Ontology, load_ontology
from kg.batching import chunked

if TYPE_CHECKING:
    from kg.neo4j_state import PushState

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
# Words in the driver's ServiceUnavailable text meaning "nothing answered" (as opposed to "something else answered").
_UNREACHABLE = ("refused", "DNS", "timed out", "No route", "unreachable", "not known", "name resolution")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")


class PushError(Exception):
    """The push could not run: server unreachable or not Neo4j, bad credentials, unknown database or name."""


@dataclass(frozen=True)
class Vocabulary:
    """The labels and relationship types the ontology declares: the only names allowed into Cypher text."""

    labels: frozenset[str]
    root_labels: tuple[str, ...]  # one per root class; each node carries exactly one, constraints hang on them
    relationship_types: frozenset[str]

    @classmethod
    def from_ontology(cls, ontology: Ontology) -> Vocabulary:
        labels = frozenset(c.neo4j_label for c in ontology.classes)
        roots = tuple(sorted(c.neo4j_label for c in ontology.classes if len(c.ancestors) == 1))
        types = frozenset(p.relationship_type for p in ontology.predicates)
        for name in (*labels, *types):
            if not _IDENTIFIER.match(name):
                raise PushError(f"{ontology.path}: {name!r} is not a plain identifier; refusing it as a Neo4j name")
        return cls(labels, roots, types)

    def label(self, name: str) -> str:
        if name not in self.labels:
            raise PushError(f"label {name!r} is not a class of the ontology")
        return f"`{name}`"

    def relationship_type(self, name: str) -> str:
        if name not in self.relationship_types:
            raise PushError(f"relationship type {name!r} is not a predicate of the ontology")
        return f"`{name}`"

    def root_of(self, labels: list[str]) -> str:
        roots = [name for name in labels if name in self.root_labels]
        if len(roots) != 1:
            raise PushError(f"labels {labels} do not name exactly one root class of the ontology")
        return roots[0]


@dataclass
class PushStats:
    nodes: int = 0
    relationships: int = 0
    transactions: int = 0
    seconds: float = 0.0
    unchanged: int = 0  # rows a delta push did not send: the target holds them already
    removed: int = 0  # elements a delta push deleted: the store no longer holds them
    changed: int | None = None  # nodes the push read as changed (the build's change log); None: it read them all

    @property
    def read(self) -> int:
        """Rows read from the store and sent or compared."""
        return self.nodes + self.relationships + self.unchanged

    @property
    def elements_per_second(self) -> float:
        return (self.nodes + self.relationships) / self.seconds if self.seconds else 0.0


def connect(uri: str, user: str, password: str, database: str | None = None) -> Driver:
    """An open driver whose credentials and database have been checked; failures become PushError."""
    scheme = uri.split("://", 1)[0] if "://" in uri else ""
    if scheme not in BOLT_SCHEMES:
        raise PushError(f"{uri!r}: expected a Bolt URI ({', '.join(s + '://' for s in BOLT_SCHEMES)})")
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10)
    except (ConfigurationError, ValueError) as error:
        raise PushError(f"{uri!r}: {error}") from None
    try:
        driver.verify_connectivity()
        driver.execute_query("RETURN 1", database_=database)
    except AuthError:
        driver.close()
        raise PushError(f"Neo4j at {uri} rejected the credentials of user {user!r}") from None
    except ServiceUnavailable as error:
        driver.close()
        text = str(error)
        if any(sign in text for sign in _UNREACHABLE):
            raise PushError(f"cannot reach a server at {uri}: nothing accepts connections there") from None
        raise PushError(f"{uri} did not answer as a Neo4j Bolt server: {text.splitlines()[-1]}") from None
    except Neo4jError as error:
        driver.close()
        if error.code and error.code.endswith("DatabaseNotFound"):
            raise PushError(f"Neo4j at {uri} has no database {database!r}") from None
        raise PushError(f"Neo4j at {uri}: {error.message}") from None
    return driver


def schema_statements(vocabulary: Vocabulary) -> list[str]:
    """Uniqueness on ``id`` and an index on ``name`` for every root label (every node has one)."""
    statements = []
    for root in vocabulary.root_labels:
        label = vocabulary.label(root)
        statements.append(f"CREATE CONSTRAINT kg_{root}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        statements.append(f"CREATE INDEX kg_{root}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)")
    return statements


def ensure_schema(driver: Driver, vocabulary: Vocabulary, database: str | None = None) -> None:
    for statement in schema_statements(vocabulary):
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)


_SCALARS = (str, bool, int, float)


def neo4j_value(value: object) -> object:
    """A property value Neo4j stores: scalars and homogeneous lists as they are, anything else as JSON text."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, (list, tuple, set)):
        items = sorted(value) if isinstance(value, set) else value if isinstance(value, list) else list(value)
        kinds = set(map(type, items))
        if len(kinds) <= 1 and kinds <= set(_SCALARS) or kinds == {int, float}:
            return items
        return [item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items]
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _properties(data: dict, skip: tuple[str, ...]) -> dict[str, object]:
    # Scalars pass straight through: this runs for every property of every element.
    return {key: value if type(value) in _SCALARS else neo4j_value(value)
            for key, value in data.items() if value is not None and key not in skip}


# Every lookup goes through the unique ``id`` index whatever the counts are, so a plan made on an empty
# database stays right: telling Neo4j not to re-plan when the counts change spares a second planning.
_KEEP_PLAN = "CYPHER replan=skip"


def _by_root(vocabulary: Vocabulary, root_key: str, variable: str, clause: str) -> str:
    """A subquery finding or merging the node ``variable`` under whichever root label ``row.<root_key>`` names.

    Only root labels carry the ``id`` constraint (an index), and Cypher takes no label as a parameter
    where an index must serve it, so each root gets one branch; one query for every label means one
    plan for Neo4j to make, however many label combinations the graph holds.
    """
    branches = [f"WITH row WHERE row.{root_key} = '{root}' {clause.format(label=vocabulary.label(root))} RETURN {variable}"
                for root in vocabulary.root_labels]
    return f"CALL (row) {{ {' UNION '.join(branches)} }}"


def node_query(vocabulary: Vocabulary) -> str:
    """MERGE a node on its root label and id; its other labels (vetted) are set from ``row.labels``."""
    merge = _by_root(vocabulary, "root", "n", "MERGE (n:{label} {{id: row.props.id}})")
    return f"{_KEEP_PLAN} UNWIND $rows AS row {merge} SET n = row.props, n:$(row.labels)"


def relationship_query(vocabulary: Vocabulary) -> str:
    """MERGE a relationship on its ends, type (vetted, from ``row.type``) and key."""
    start = _by_root(vocabulary, "start_root", "a", "MATCH (a:{label} {{id: row.start}})")
    end = _by_root(vocabulary, "end_root", "b", "MATCH (b:{label} {{id: row.end}})")
    return f"{_KEEP_PLAN} UNWIND $rows AS row {start} {end} MERGE (a)-[r:$(row.type) {{key: row.props.key}}]->(b) SET r = row.props"


def node_row(vocabulary: Vocabulary, node: str, data: dict) -> dict:
    """One node's row; its labels are checked against the ontology here, before anything is sent."""
    labels = [str(name) for name in data["labels"]]
    for name in labels:
        vocabulary.label(name)
    root = vocabulary.root_of(labels)
    props = _properties(data, ("labels",))
    props["id"] = str(data.get("id", node))
    return {"root": root, "labels": [name for name in labels if name != root], "props": props}


def relationship_row(vocabulary: Vocabulary, start: dict, end: dict, key: str, data: dict) -> dict:
    """One relationship's row (ends given as their node rows); its type is checked against the ontology."""
    vocabulary.relationship_type(str(data["type"]))
    props = _properties(data, ())
    props["key"] = str(key)
    return {"start": start["props"]["id"], "start_root": start["root"], "end": end["props"]["id"],
            "end_root": end["root"], "type": str(data["type"]), "props": props}


def node_rows(g: nx.MultiDiGraph, vocabulary: Vocabulary) -> dict[str, dict]:
    return {node: node_row(vocabulary, node, data) for node, data in g.nodes(data=True)}


def relationship_rows(g: nx.MultiDiGraph, vocabulary: Vocabulary, nodes: dict[str, dict]) -> list[dict]:
    return [relationship_row(vocabulary, nodes[start], nodes[end], key, data)
            for start, end, key, data in g.edges(keys=True, data=True)]


@dataclass(frozen=True)
class Statement:
    """One UNWIND query with its rows; ``kind`` is "nodes" or "relationships"."""

    kind: str
    query: str
    rows: list[dict]


def _run_statements(tx, statements: list[Statement]) -> None:
    for statement in statements:
        tx.run(statement.query, rows=statement.rows).consume()


def graph_rows(g: nx.MultiDiGraph, vocabulary: Vocabulary) -> Iterator[tuple[str, dict]]:
    """("nodes", row) for every node of a networkx property graph, then ("relationships", row) for every edge."""
    nodes = node_rows(g, vocabulary)
    yield from (("nodes", row) for row in nodes.values())
    yield from (("relationships", row) for row in relationship_rows(g, vocabulary, nodes))


def push_graph(driver: Driver, g: nx.MultiDiGraph, database: str | None = None, batch_size: int = 1000,
               ontology: Ontology | None = None,
               on_batch: Callable[[PushStats], None] | None = None) -> PushStats:
    """Write the graph: schema first, then nodes, then relationships, ``batch_size`` rows per transaction.

    ``on_batch`` is called after every committed transaction (progress bars, tests).
    """
    vocabulary = Vocabulary.from_ontology(ontology or load_ontology())
    # Every name is vetted while the rows are built, before anything is written.
    rows = list(graph_rows(g, vocabulary))
    return push_rows(driver, rows, vocabulary, database, batch_size, on_batch)


def push_rows(driver: Driver, rows: Iterable[tuple[str, dict]], vocabulary: Vocabulary, database: str | None = None,
              batch_size: int = 1000, on_batch: Callable[[PushStats], None] | None = None,
              state: PushState | None = None, touching: set[str] | None = None, full: bool = False) -> PushStats:
    """Send (kind, row) pairs in transactions of ``batch_size`` rows; nodes must come before their relationships.

    With a ``state`` (kg.neo4j_state), rows whose digest the target already holds are skipped, and
    what the state recorded but the rows no longer hold is deleted from the database afterwards
    (only among elements whose ids are in ``touching``, when it is given).  A state whose counts
    do not match the database (cleared, changed by hand) is not trusted, nor is any with ``full``:
    then everything is sent (and what is obsolete still deleted).
    """
    if batch_size < 1:
        raise PushError("batch size must be at least 1")
    started = time.perf_counter()
    stats = PushStats()
    ensure_schema(driver, vocabulary, database)
    queries = {"nodes": node_query(vocabulary), "relationships": relationship_query(vocabulary)}
    trusted = state is not None and not full and state.counts() == graph_counts(driver, database)
    run = state.begin() if state is not None else 0
    with driver.session(database=database) as session:
        for batch in chunked(rows, batch_size):
            entries = [state.entry(kind, row) for kind, row in batch] if state is not None else []
            sending = batch
            if trusted:
                known = state.digests([entry.key for entry in entries])
                sending = [pair for pair, entry in zip(batch, entries) if known.get(entry.key) != entry.digest]
                stats.unchanged += len(batch) - len(sending)
            statements = [Statement(kind, queries[kind], [row for k, row in sending if k == kind])
                          for kind in ("nodes", "relationships")]
            statements = [statement for statement in statements if statement.rows]
            if statements:
                session.execute_write(_run_statements, statements)
                stats.transactions += 1
            if state is not None:
                state.record(entries, run)  # after the commit: a crash in between only resends
            for statement in statements:
                setattr(stats, statement.kind, getattr(stats, statement.kind) + len(statement.rows))
            if on_batch:
                on_batch(stats)
        if state is not None:
            stats.removed = _remove_obsolete(session, vocabulary, state, run, touching, batch_size)
    stats.seconds = time.perf_counter() - started
    return stats


def _remove_obsolete(session, vocabulary: Vocabulary, state: PushState, run: int, touching: set[str] | None,
                     batch_size: int) -> int:
    """Delete what the target holds from an earlier push but this push no longer has; relationships first."""
    node_delete = f"{_KEEP_PLAN} UNWIND $rows AS row " + _by_root(
        vocabulary, "root", "n", "MATCH (n:{label} {{id: row.id}})") + " DETACH DELETE n"
    start = _by_root(vocabulary, "start_root", "a", "MATCH (a:{label} {{id: row.start}})")
    end = _by_root(vocabulary, "end_root", "b", "MATCH (b:{label} {{id: row.end}})")
    relationship_delete = (f"{_KEEP_PLAN} UNWIND $rows AS row {start} {end} "
                           "MATCH (a)-[r {key: row.key}]->(b) WHERE type(r) = row.type DELETE r")
    removed = 0
    for kind, query in (("relationships", relationship_delete), ("nodes", node_delete)):
        for entries in chunked(((kind, e) for e in state.obsolete(kind, run, touching)), batch_size):
            rows = [entry.delete_row() for _, entry in entries]
            session.execute_write(_run_statements, [Statement(kind, query, rows)])
            state.forget([entry.key for _, entry in entries])
            removed += len(rows)
    return removed


def graph_counts(driver: Driver, database: str | None = None) -> tuple[int, int]:
    """(nodes, relationships) in the database."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database)
    rels, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=database)
    return nodes[0]["c"], rels[0]["c"]


def clear_database(driver: Driver, database: str | None = None, schema: bool = True) -> None:
    """Delete all data and, with ``schema``, constraints and indexes (lookup indexes stay: Neo4j needs them)."""
    with driver.session(database=database) as session:
        # CALL ... IN TRANSACTIONS needs an implicit (auto-commit) transaction, hence session.run.
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
        if not schema:
            return
        for record in list(session.run("SHOW CONSTRAINTS YIELD name")):
            session.run(f"DROP CONSTRAINT {_quoted(record['name'])} IF EXISTS").consume()
        for record in list(session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")):
            session.run(f"DROP INDEX {_quoted(record['name'])} IF EXISTS").consume()


def _quoted(name: str) -> str:
    # Schema names come from the server, not from users; backticks are still escaped by doubling.
    return "`" + name.replace("`", "``") + "`"
