"""The Python API: open a graph (embedded store or Neo4j), ask named questions, run raw queries.

    from kg.query import open_graph
    with open_graph(store=".kg/store") as graph:
        rows = graph.ask("laureates-at-zone-forums", zone="浙江安吉经济开发区", since="2023")
        rows = graph.sparql("SELECT ?name ?who WHERE { ?p kg:name ?who ; kg:name ?name }", {"who": "裴钢"})

Rows are dicts with the question's columns; dates are ``datetime.date``, numbers int/float.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from kg.query import analytics, cypher, sparql
from kg.query.catalogue import Question, QuestionError, catalogue, question
from kg.settings import DEFAULT_STORE

_ANALYTICS_PARAMS = {"most-connected": {"type", "top"}, "connection": {"from", "to"}}


def _analytics(graph: _Graph, name: str, params: dict[str, object]) -> list[dict]:
    unknown = sorted(set(params) - _ANALYTICS_PARAMS[name])
    if unknown:
        raise QuestionError(f"{name} has no parameter {', '.join(map(repr, unknown))}; "
                            f"its parameters: {', '.join(sorted(_ANALYTICS_PARAMS[name]))}")
    if name == "connection":
        if not params.get("from") or not params.get("to"):
            raise QuestionError("connection needs both 'from' and 'to' (entity names or aliases)")
        return graph.connection(str(params["from"]), str(params["to"]))
    types = tuple(str(params["type"]).split(",")) if params.get("type") else ("Person", "Organization")
    try:
        top = int(params.get("top") or 10)
    except ValueError:
        raise QuestionError(f"most-connected: top must be an integer, got {params['top']!r}") from None
    return analytics.most_connected(graph.property_graph(), types, top)


def question_names() -> list[str]:
    """Named questions, then the analytics."""
    return [*catalogue(), *analytics.ANALYTICS]


def _lookup(name: str) -> Question:
    try:
        return question(name)
    except QuestionError:
        raise QuestionError(f"no question named {name!r}; the questions are: {', '.join(question_names())}") from None


class _Graph:
    """What both backends share: analytics on the networkx projection (read once), the named
    questions through the backend's own query language, and closing."""

    backend: str

    def __init__(self) -> None:
        self._property_graph: nx.MultiDiGraph | None = None

    def ask(self, name: str, **params: object) -> list[dict]:
        if name in analytics.ANALYTICS:
            return _analytics(self, name, params)
        return self._ask_question(_lookup(name), params)

    def unknown_names(self, name: str, **params: object) -> list[str]:
        """For each ``name`` parameter of question ``name`` whose value names no entity, a message with
        the closest names the graph holds (what to tell a user whose question found nothing)."""
        if name in analytics.ANALYTICS:
            return []
        given = [(p.name, str(params[p.name])) for p in _lookup(name).parameters
                 if p.type == "name" and params.get(p.name)]
        if not given:
            return []
        return [f"{key}: {analytics.no_entity_named(value, self.closest_names(value))}" for key, value in given
                if not self.names_entity(value)]

    def connection(self, source: str, target: str) -> list[dict]:
        """One row per step of a shortest chain of facts (kg.query.analytics.connection)."""
        return analytics.connection(self.property_graph(), source, target)

    def names_entity(self, name: str) -> bool:
        """Whether some entity's name or alias is ``name`` (as kg.identity normalises names)."""
        return bool(analytics.find_entities(self.property_graph(), name))

    def closest_names(self, name: str) -> list[str]:
        """"NAME (Type)" of the entities whose names are nearest to ``name`` (kg.suggest's ranking)."""
        return analytics.closest_names(self.property_graph(), name)

    def property_graph(self) -> nx.MultiDiGraph:
        """The graph in the kg.property_graph shape, read from the backend on first use."""
        if self._property_graph is None:
            self._property_graph = self._read_property_graph()
        return self._property_graph

    def _ask_question(self, q: Question, params: dict) -> list[dict]:
        raise NotImplementedError

    def _read_property_graph(self) -> nx.MultiDiGraph:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> _Graph:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class StoreGraph(_Graph):
    """The embedded Oxigraph store, opened read-only (a shared lock keeps builds from replacing it meanwhile)."""

    backend = "sparql"

    def __init__(self, root: Path) -> None:
        from kg.store import GraphStore

        super().__init__()
        self.root = Path(root)
        self._store = GraphStore.open(self.root)

    @property
    def oxigraph(self):
        return self._store.oxigraph

    def _ask_question(self, q: Question, params: dict) -> list[dict]:
        return sparql.ask(self._store.oxigraph, q, params)

    def sparql(self, text: str, bindings: dict[str, object] | None = None):
        """SELECT -> list of row dicts; ASK -> bool; CONSTRUCT/DESCRIBE -> list of pyoxigraph triples."""
        result = sparql.run_query(self._store.oxigraph, text, bindings)
        return result.boolean if result.kind == "ask" else result.triples if result.kind == "graph" else result.rows

    def _read_property_graph(self) -> nx.MultiDiGraph:
        from kg.property_graph import to_networkx

        return to_networkx(self._store.knowledge_graph())

    # Names and chains are answered from the store's indexes (kg.query.store_lookup), not from the whole graph read
    # as a property graph; a store written before the name index falls back to the property graph.

    def connection(self, source: str, target: str) -> list[dict]:
        from kg.query import store_lookup

        if not self._indexed():
            return super().connection(source, target)
        starts, ends = (store_lookup.entities_named(self.oxigraph, name) for name in (source, target))
        for name, found in ((source, starts), (target, ends)):
            if not found:
                raise QuestionError(f"connection: {analytics.no_entity_named(name, self.closest_names(name))}")
        chain = store_lookup.shortest_chain(self.oxigraph, starts, ends)
        return [] if chain is None else store_lookup.chain_rows(self.oxigraph, chain)

    def names_entity(self, name: str) -> bool:
        from kg.query import store_lookup

        return bool(store_lookup.entities_named(self.oxigraph, name)) if self._indexed() else super().names_entity(name)

    def closest_names(self, name: str) -> list[str]:
        from kg.query import store_lookup

        return store_lookup.closest_names(self.oxigraph, name) if self._indexed() else super().closest_names(name)

    def _indexed(self) -> bool:
        from kg.store_index import has_name_index

        return has_name_index(self.oxigraph)

    def close(self) -> None:
        self._store.close()


class Neo4jGraph(_Graph):
    """A Neo4j database loaded with the property graph (kg push); every question runs in a read transaction."""

    backend = "cypher"

    def __init__(self, uri: str, user: str, password: str, database: str | None = None) -> None:
        from kg.neo4j_push import connect

        super().__init__()
        self.driver = connect(uri, user, password, database)
        self.database = database

    def _ask_question(self, q: Question, params: dict) -> list[dict]:
        return cypher.ask(self.driver, q, params, self.database)

    def cypher(self, text: str, parameters: dict | None = None, allow_write: bool = False) -> list[dict]:
        return cypher.run_cypher(self.driver, text, parameters, allow_write=allow_write, database=self.database)[1]

    def _read_property_graph(self) -> nx.MultiDiGraph:
        """Nodes and relationships read back from Neo4j into the networkx shape analytics need."""
        g = nx.MultiDiGraph()
        _, nodes = cypher.run_cypher(self.driver, "MATCH (n) RETURN n.id AS id, n.name AS name, "
                                     "n.entity_type AS entity_type, n.aliases AS aliases", database=self.database)
        for row in nodes:
            g.add_node(row["id"], name=row["name"], entity_type=row["entity_type"], aliases=row["aliases"] or [])
        _, edges = cypher.run_cypher(self.driver, "MATCH (a)-[r]->(b) RETURN a.id AS a, b.id AS b, r.key AS key, "
                                     "r.predicate AS predicate, r.title AS title", database=self.database)
        for row in edges:
            g.add_edge(row["a"], row["b"], key=row["key"], predicate=row["predicate"], title=row["title"])
        return g

    def close(self) -> None:
        self.driver.close()


def open_graph(store: Path | str | None = None, *, neo4j: str | None = None, user: str = "neo4j",
               password: str | None = None, database: str | None = None) -> StoreGraph | Neo4jGraph:
    """The embedded store at ``store`` (default .kg/store, env KG_STORE), or Neo4j when ``neo4j`` is a Bolt URI.

    The Neo4j password defaults to the NEO4J_PASSWORD environment variable.
    """
    if neo4j:
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        if password is None:
            raise QuestionError("no Neo4j password: pass password= or set NEO4J_PASSWORD")
        return Neo4jGraph(neo4j, user, password, database)
    return StoreGraph(Path(store) if store else DEFAULT_STORE)
