"""A Cypher script that recreates a subgraph in any Neo4j 5 database (``cypher-shell -f FILE``).

The script is data, so nothing can be passed as a query parameter: every value is written as a
Cypher literal, strings single-quoted with backslash escapes for the quote, the backslash and
every control character (so a statement is always one line and no text can end a string early).
Labels and relationship types come only from the ontology, vetted by kg.neo4j_push.Vocabulary,
and property keys are backtick-quoted.  Statements are MERGEs on the same keys ``kg push`` uses
(root label + ``id`` for nodes; end nodes, type and ``key`` for relationships), after the same
uniqueness constraints, so running the script twice, or into a database ``kg push`` filled,
converges on one copy.
"""

from __future__ import annotations

import math

import networkx as nx

from kg.neo4j_push import Vocabulary, neo4j_value, schema_statements
from kg.ontology import Ontology, load_ontology

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def string_literal(text: str) -> str:
    """A Cypher string literal that evaluates to exactly ``text``."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")  # invisible or line-breaking characters stay visible and on one line
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def literal(value: object) -> str:
    """A Cypher literal for a property value Neo4j can store (strings, numbers, booleans, lists of them)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be written as a Cypher literal")
        text = repr(value)
        return text.replace("e+", "e") if "e" in text else text
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    raise ValueError(f"{value!r} ({type(value).__name__}) has no Cypher literal")


def key(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def map_literal(properties: dict[str, object]) -> str:
    return "{" + ", ".join(f"{key(k)}: {literal(neo4j_value(v))}" for k, v in sorted(properties.items())
                           if v is not None) + "}"


def cypher_statements(g: nx.MultiDiGraph, ontology: Ontology | None = None) -> list[str]:
    """The statements (without the terminating semicolon), schema first, then nodes, then relationships."""
    vocabulary = Vocabulary.from_ontology(ontology or load_ontology())
    statements = list(schema_statements(vocabulary))
    roots, ids = {}, {}
    for node, data in sorted(g.nodes(data=True)):
        labels = list(data["labels"])
        roots[node], ids[node] = vocabulary.root_of(labels), str(data.get("id", node))
        extra = "".join(":" + vocabulary.label(name) for name in labels if name != roots[node])
        properties = {k: v for k, v in data.items() if k != "labels"}
        properties["id"] = ids[node]
        statements.append(f"MERGE (n:{vocabulary.label(roots[node])} {{id: {string_literal(ids[node])}}}) "
                          f"SET n = {map_literal(properties)}" + (f", n{extra}" if extra else ""))
    for start, end, edge_key, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        properties = {**data, "key": str(edge_key)}
        rel_type = vocabulary.relationship_type(str(data["type"]))
        statements.append(
            f"MATCH (a:{vocabulary.label(roots[start])} {{id: {string_literal(ids[start])}}}) "
            f"MATCH (b:{vocabulary.label(roots[end])} {{id: {string_literal(ids[end])}}}) "
            f"MERGE (a)-[r:{rel_type} {{key: {string_literal(str(edge_key))}}}]->(b) "
            f"SET r = {map_literal(properties)}")
    return statements


def cypher_script(g: nx.MultiDiGraph, ontology: Ontology | None = None) -> str:
    header = (f"// kg export: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships.\n"
              "// One statement per line; run with: cypher-shell -f THIS_FILE (idempotent: MERGE on id / key).\n")
    return header + "".join(statement + ";\n" for statement in cypher_statements(g, ontology))
