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
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import networkx as nx
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

from kg.ontology import Ontology, load_ontology

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


def node_query(vocabulary: Vocabulary, labels: list[str]) -> str:
    root = vocabulary.root_of(labels)
    extra = "".join(":" + vocabulary.label(name) for name in labels if name != root)
    set_labels = f", n{extra}" if extra else ""
    return f"UNWIND $rows AS row MERGE (n:{vocabulary.label(root)} {{id: row.props.id}}) SET n = row.props{set_labels}"


def relationship_query(vocabulary: Vocabulary, rel_type: str, start_root: str, end_root: str) -> str:
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{vocabulary.label(start_root)} {{id: row.start}}) "
            f"MATCH (b:{vocabulary.label(end_root)} {{id: row.end}}) "
            f"MERGE (a)-[r:{vocabulary.relationship_type(rel_type)} {{key: row.props.key}}]->(b) SET r = row.props")


def node_groups(g: nx.MultiDiGraph, vocabulary: Vocabulary) -> dict[str, list[dict]]:
    """Node rows grouped by their (vetted) query: one query per label set."""
    groups: dict[str, list[dict]] = {}
    for node, data in g.nodes(data=True):
        props = _properties(data, ("labels",))
        props["id"] = str(data.get("id", node))
        groups.setdefault(node_query(vocabulary, list(data["labels"])), []).append({"props": props})
    return groups


def relationship_groups(g: nx.MultiDiGraph, vocabulary: Vocabulary) -> dict[str, list[dict]]:
    """Relationship rows grouped by type and the root labels of their ends."""
    roots = {node: vocabulary.root_of(list(data["labels"])) for node, data in g.nodes(data=True)}
    ids = {node: str(data.get("id", node)) for node, data in g.nodes(data=True)}
    groups: dict[str, list[dict]] = {}
    for start, end, key, data in g.edges(keys=True, data=True):
        props = _properties(data, ())
        props["key"] = str(key)
        query = relationship_query(vocabulary, str(data["type"]), roots[start], roots[end])
        groups.setdefault(query, []).append({"start": ids[start], "end": ids[end], "props": props})
    return groups


@dataclass(frozen=True)
class Statement:
    """One UNWIND query with its rows; ``kind`` is "nodes" or "relationships"."""

    kind: str
    query: str
    rows: list[dict]


def transactions(work: list[tuple[str, str, list[dict]]], size: int) -> Iterator[list[Statement]]:
    """Pack (kind, query, rows) groups into transactions of at most ``size`` rows, splitting big groups.

    Packing matters as much as batching: every commit forces the transaction log to disk, so a
    graph with many small label groups would otherwise pay one commit per group.
    """
    pending: list[Statement] = []
    count = 0
    for kind, query, rows in work:
        taken = 0
        while taken < len(rows):
            take = min(size - count, len(rows) - taken)
            pending.append(Statement(kind, query, rows[taken:taken + take]))
            count, taken = count + take, taken + take
            if count == size:
                yield pending
                pending, count = [], 0
    if pending:
        yield pending


def _run_statements(tx, statements: list[Statement]) -> None:
    for statement in statements:
        tx.run(statement.query, rows=statement.rows).consume()


def push_graph(driver: Driver, g: nx.MultiDiGraph, database: str | None = None, batch_size: int = 1000,
               ontology: Ontology | None = None,
               on_batch: Callable[[PushStats], None] | None = None) -> PushStats:
    """Write the graph: schema first, then nodes, then relationships, ``batch_size`` rows per transaction.

    ``on_batch`` is called after every committed transaction (progress bars, tests).
    """
    if batch_size < 1:
        raise PushError("batch size must be at least 1")
    started = time.perf_counter()
    vocabulary = Vocabulary.from_ontology(ontology or load_ontology())
    # Every name is vetted while the groups are built, before anything is written.
    work = [("nodes", query, rows) for query, rows in node_groups(g, vocabulary).items()]
    work += [("relationships", query, rows) for query, rows in relationship_groups(g, vocabulary).items()]
    stats = PushStats()
    ensure_schema(driver, vocabulary, database)
    with driver.session(database=database) as session:
        for statements in transactions(work, batch_size):
            session.execute_write(_run_statements, statements)
            for statement in statements:
                setattr(stats, statement.kind, getattr(stats, statement.kind) + len(statement.rows))
            stats.transactions += 1
            if on_batch:
                on_batch(stats)
    stats.seconds = time.perf_counter() - started
    return stats


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
