"""Cypher on Neo4j: named questions, raw queries, and the read-only guard.

Values travel as ``$parameters``.  Read-only is enforced by the server, not by looking at the
text: the query is first planned with EXPLAIN, whose summary states the query type ("r" read,
"rw"/"w" write, "s" schema), and every read runs in a READ access-mode transaction, which
Neo4j refuses to let write.
"""

from __future__ import annotations

from neo4j import READ_ACCESS, WRITE_ACCESS, Driver
from neo4j.exceptions import ClientError, CypherSyntaxError
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Time

from kg.query.catalogue import Question
from kg.query.rows import typed_rows
from kg.query.sparql import QuerySyntaxError, ReadOnlyError

QUERY_TYPES = {"r": "read", "rw": "read/write", "w": "write", "s": "schema"}


def plain(value: object) -> object:
    """A driver value as plain Python: temporal values to datetime, nodes and relationships to dicts."""
    if isinstance(value, (Date, DateTime, Time)):
        return value.to_native()
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain(node) for node in value.nodes]
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _session(driver: Driver, database: str | None, mode: str):
    # Planner warnings (e.g. "relationship type does not exist" on a graph without funds) are not errors here.
    return driver.session(database=database, default_access_mode=mode, notifications_min_severity="OFF")


def query_type(driver: Driver, text: str, parameters: dict | None = None, database: str | None = None) -> str:
    """The server's classification of a query ("r", "rw", "w" or "s"), from planning it with EXPLAIN."""
    head = text.lstrip().split(None, 1)[0].upper() if text.strip() else ""
    planned = text if head in ("EXPLAIN", "PROFILE") else "EXPLAIN " + text
    try:
        with _session(driver, database, READ_ACCESS) as session:
            return session.run(planned, parameters or {}).consume().query_type
    except CypherSyntaxError as error:
        raise QuerySyntaxError(f"Cypher syntax error: {error.message}") from None


def run_cypher(driver: Driver, text: str, parameters: dict | None = None, *, allow_write: bool = False,
               database: str | None = None) -> tuple[list[str], list[dict]]:
    """Run a raw Cypher query; writes are refused unless ``allow_write``. Returns (columns, rows)."""
    kind = query_type(driver, text, parameters, database)
    if kind != "r" and not allow_write:
        raise ReadOnlyError(f"this Cypher query is a {QUERY_TYPES.get(kind, kind)} query and the graph is opened "
                            "read-only; pass --allow-write (kg cypher) to change the database")
    mode = READ_ACCESS if kind == "r" else WRITE_ACCESS

    def work(tx):
        result = tx.run(text, parameters or {})
        return list(result.keys()), [{k: plain(v) for k, v in record.items()} for record in result]

    try:
        with _session(driver, database, mode) as session:
            return session.execute_read(work) if mode == READ_ACCESS else session.execute_write(work)
    except ClientError as error:
        if "AccessMode" in (error.code or "") or "Forbidden" in (error.code or ""):
            raise ReadOnlyError(f"Neo4j refused a write in a read-only transaction: {error.message}") from None
        raise


def ask(driver: Driver, question: Question, values: dict[str, object], database: str | None = None) -> list[dict]:
    """A named question's rows (typed, sorted) on Neo4j, in a read transaction."""
    bound = question.bind(values)

    def work(tx):
        result = tx.run(question.text("cypher", bound), bound)
        names = list(result.keys())
        return names, [{k: plain(v) for k, v in record.items()} for record in result]

    with _session(driver, database, READ_ACCESS) as session:
        names, raw = session.execute_read(work)
    missing = [c.name for c in question.columns if c.name not in names]
    if missing:
        raise QuerySyntaxError(f"{question.name}.cypher does not return the declared column(s) {', '.join(missing)}")
    return typed_rows(raw, question.columns)
