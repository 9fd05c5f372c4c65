"""Every named question gives the same rows in SPARQL on the embedded store, in Cypher on a real Neo4j
loaded with the same graph, and through the Python API on either backend.

Three graphs: the one the real pipeline builds from the seed and dev articles, the gold annotations,
and a graph whose zone names are made of query syntax.  The raw runs use the question files
directly (pyoxigraph substitutions, Neo4j $parameters); the API runs go through kg.query.open_graph.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from neo4j import GraphDatabase
from query_gold import Reference, gold_graph
from test_query import NASTY_NAMES, nasty_graph, store_of
from test_query_gold import parameter_sets

from kg.neo4j_push import clear_database, graph_counts, push_graph
from kg.property_graph import to_networkx
from kg.query import ReadOnlyError, catalogue, open_graph, question
from kg.query.catalogue import SPARQL_PARAM_PREFIX
from kg.query.rows import term_value, typed_rows
from kg.store import rdf_term as term
from kg.store import GraphStore

GRAPHS = ("corpus", "gold", "nasty")
pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def neo4j_session_driver(neo4j_server):
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password),
                              notifications_min_severity="OFF") as driver:
        yield driver


@pytest.fixture(scope="module", params=GRAPHS)
def loaded(request, neo4j_server, neo4j_session_driver, tmp_path_factory):
    """(graph name, store folder, parameter sets) with Neo4j holding the same graph."""
    if request.param == "corpus":
        store = request.getfixturevalue("corpus_store")
    else:
        graph = gold_graph() if request.param == "gold" else nasty_graph()
        store = store_of(graph, tmp_path_factory.mktemp(request.param) / "store")
    with GraphStore.open(store) as opened:
        kg = opened.knowledge_graph()
    clear_database(neo4j_session_driver)
    push_graph(neo4j_session_driver, to_networkx(kg))
    params = parameter_sets(Reference(kg))
    if request.param == "nasty":
        for name in params:
            if "zone" in {p.name for p in question(name).parameters}:
                params[name] += [{"zone": z} for z in NASTY_NAMES] + [{"zone": z + "`"} for z in NASTY_NAMES]
    return request.param, store, params


def raw_sparql(store: ox.Store, name: str, bound: dict) -> list[dict]:
    q = question(name)
    solutions = store.query(q.text("sparql", bound), substitutions={
        ox.Variable(SPARQL_PARAM_PREFIX + k): term(v) for k, v in bound.items()})
    names = [v.value for v in solutions.variables]
    return typed_rows([{n: term_value(row[n]) for n in names} for row in solutions], q.columns)


def raw_cypher(driver, name: str, bound: dict) -> list[dict]:
    q = question(name)
    records, _, keys = driver.execute_query(q.text("cypher"), bound, routing_="r")
    return typed_rows([dict(r) for r in records], q.columns)


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_sparql_equals_cypher_equals_api(loaded, neo4j_server, neo4j_session_driver, name):
    graph_name, store, params = loaded
    nodes_before = graph_counts(neo4j_session_driver)
    non_empty = 0
    with open_graph(store=store) as on_store, open_graph(neo4j=neo4j_server.uri, user=neo4j_server.user,
                                                         password=neo4j_server.password) as on_neo4j:
        for values in params[name]:
            bound = question(name).bind(values)
            sparql_rows = raw_sparql(on_store.oxigraph, name, bound)
            cypher_rows = raw_cypher(neo4j_session_driver, name, bound)
            assert sparql_rows == cypher_rows, (graph_name, name, values)
            assert on_store.ask(name, **values) == sparql_rows, (graph_name, name, values)
            assert on_neo4j.ask(name, **values) == sparql_rows, (graph_name, name, values)
            non_empty += bool(sparql_rows)
    assert graph_counts(neo4j_session_driver) == nodes_before  # nothing a parameter said changed the graph
    if graph_name == "gold" or (graph_name == "nasty" and name in ("laureates-at-zone-forums", "zone-events-timeline")):
        assert non_empty, f"{name} found nothing on the {graph_name} graph"


@pytest.mark.parametrize("loaded", ["corpus"], indirect=True)  # amounts are read from article text: only the corpus has them
def test_corpus_settlings_report_the_amount_their_evidence_states(loaded, neo4j_server):
    # Derived from the text: every amount reported is written in a sentence that states the settling.
    _, store, _ = loaded
    with GraphStore.open(store) as opened:
        kg = opened.knowledge_graph()
    names = {e.id: e.name for e in kg.entities.values()}
    evidence: dict[tuple[str, str], list[str]] = {}
    for r in kg.relations.values():
        if r.predicate == "settledIn":
            evidence.setdefault((names[r.subject], names[r.object]), []).extend(p.sentence for p in r.provenance)
    with open_graph(neo4j=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password) as on_neo4j:
        rows = on_neo4j.ask("companies-settled")
    with_amount = [row for row in rows if row["amount_yuan"] is not None]
    assert with_amount, "no settling in the corpus graph reports an amount"
    for row in with_amount:
        assert isinstance(row["amount_yuan"], float) and row["amount_yuan"] > 0
        assert any(row["amount_text"] in sentence for sentence in evidence[(row["company"], row["site"])]), row


def test_analytics_agree_across_backends(loaded, neo4j_server):
    graph_name, store, _ = loaded
    with open_graph(store=store) as on_store, open_graph(neo4j=neo4j_server.uri, user=neo4j_server.user,
                                                         password=neo4j_server.password) as on_neo4j:
        assert on_store.ask("most-connected", top=15) == on_neo4j.ask("most-connected", top=15)
        top = on_store.ask("most-connected", top=2)
        if len(top) == 2:
            route = on_store.ask("connection", **{"from": top[0]["name"], "to": top[1]["name"]})
            assert route == on_neo4j.ask("connection", **{"from": top[0]["name"], "to": top[1]["name"]})


WRITES = [
    "CREATE (n:Person {name: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Zone) SET n.name = 'x'",
    "MERGE (n:Zone {id: 'zone/x'}) RETURN n",
    "CREATE INDEX kg_test IF NOT EXISTS FOR (n:Zone) ON (n.alias)",
    "// comment first\nmatch (n) remove n.name",
]


@pytest.mark.parametrize("text", WRITES)
def test_cypher_writes_are_refused(loaded, neo4j_server, neo4j_session_driver, text):
    before = graph_counts(neo4j_session_driver)
    with open_graph(neo4j=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password) as graph:
        with pytest.raises(ReadOnlyError, match="allow-write"):
            graph.cypher(text)
        assert graph.cypher("MATCH (n:Zone) RETURN count(n) AS zones")[0]["zones"] >= 0
    assert graph_counts(neo4j_session_driver) == before


def test_server_refuses_writes_in_read_transactions(loaded, neo4j_session_driver):
    # The guard does not depend on EXPLAIN alone: a write sent in a READ transaction fails on the server.
    from neo4j.exceptions import ClientError

    with neo4j_session_driver.session(default_access_mode="READ") as session:
        with pytest.raises(ClientError):
            session.execute_read(lambda tx: tx.run("CREATE (n:Person {name: 'x'})").consume())


def test_cypher_write_allowed_when_asked(loaded, neo4j_server, neo4j_session_driver):
    before_nodes, _ = graph_counts(neo4j_session_driver)
    with open_graph(neo4j=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password) as graph:
        graph.cypher("CREATE (n:Scratch {name: $name})", {"name": "临时"}, allow_write=True)
        assert graph.cypher("MATCH (n:Scratch) RETURN n.name AS name") == [{"name": "临时"}]
        graph.cypher("MATCH (n:Scratch) DELETE n", allow_write=True)
    assert graph_counts(neo4j_session_driver)[0] == before_nodes
