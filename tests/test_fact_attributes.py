"""A fact's attributes travel end to end: the investment a settling states (amount_yuan, amount_text),
read by the real pipeline from the corpus, is on the fact's rdf:Statement, comes back from the store,
and is on the edge in the property graph, Neo4j (push, cypher script, import files) and GraphML."""

from __future__ import annotations

import csv
import re

import networkx as nx
import pytest
from rdflib import RDF, URIRef

import kg.export
from kg.build import extract_and_resolve
from kg.identity import iri
from kg.neo4j_import import write_import_files
from kg.neo4j_push import push_graph
from kg.ontology import load_ontology
from kg.property_graph import to_networkx
from kg.rdf import to_dataset
from kg.store import GraphStore

ONT = load_ontology()
UNITS = {"亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4}


def stated_value(text: str) -> float:
    """The amount an amount text states, read independently of the extractor (3,500万元 -> 35000000.0)."""
    number, unit = re.fullmatch(r"([\d,.]+)(.)元", text).groups()
    return float(number.replace(",", "")) * UNITS[unit]


@pytest.fixture(scope="module")
def stored(corpus_store):
    with GraphStore.open(corpus_store) as store:
        return store.knowledge_graph(), store.articles()


@pytest.fixture(scope="module")
def settlings(stored):
    graph, _ = stored
    return [r for r in graph.relations.values() if r.predicate == "settledIn"]


def test_corpus_settlings_carry_amounts_stated_in_their_evidence(settlings):
    with_amount = [r for r in settlings if r.attributes]
    assert len(with_amount) >= len(settlings) // 2  # most corpus settlings state an investment
    for r in with_amount:
        assert isinstance(r.attributes["amount_yuan"], float)
        assert any(r.attributes["amount_text"] in p.sentence for p in r.provenance), r.key
        assert r.attributes["amount_yuan"] == stated_value(r.attributes["amount_text"])


def test_the_store_round_trips_what_the_pipeline_found(stored):
    graph, articles = stored
    in_process = extract_and_resolve(articles)
    assert {k: r.attributes for k, r in graph.relations.items()} == \
           {k: r.attributes for k, r in in_process.relations.items()}


def test_the_amount_is_on_the_facts_statement(settlings, stored):
    graph, _ = stored
    fact = next(r for r in settlings if r.attributes)
    dataset = to_dataset(graph)
    amount_yuan, amount_text = (URIRef(ONT.attribute(k).iri) for k in ("amount_yuan", "amount_text"))
    default = dataset.default_graph
    statements = [s for s in default.subjects(RDF.subject, URIRef(iri(fact.subject)))
                  if default.value(s, RDF.predicate) == URIRef(ONT.predicate("settledIn").iri)
                  and default.value(s, RDF.object) == URIRef(iri(fact.object))]
    assert len(statements) == len(fact.provenance)  # one rdf:Statement per evidence record, each with the amount
    for statement in statements:
        assert float(default.value(statement, amount_yuan).toPython()) == fact.attributes["amount_yuan"]
        assert str(default.value(statement, amount_text)) == fact.attributes["amount_text"]


@pytest.fixture(scope="module")
def selected(corpus_store, settlings, stored):
    """The one-hop neighbourhood of a company whose settling states an amount, as a property graph."""
    graph, _ = stored
    company = graph.entities[next(r for r in settlings if r.attributes).subject].name
    return kg.export.subgraph(corpus_store, around=[company], hops=1)


def amount_edges(g: nx.MultiDiGraph) -> dict[tuple[str, str], tuple[float, str]]:
    return {(u, v): (d["amountYuan"], d["amountText"]) for u, v, d in g.edges(data=True)
            if d.get("predicate") == "settledIn" and "amountYuan" in d}


def test_edges_graphml_and_import_files_carry_the_amount(selected, tmp_path):
    g = kg.export.to_networkx(selected)
    expected = amount_edges(g)
    assert expected and all(isinstance(value, float) for value, _ in expected.values())
    kg.export.write(selected, "graphml", tmp_path / "company.graphml")
    assert amount_edges(nx.read_graphml(tmp_path / "company.graphml", force_multigraph=True)) == expected
    files = write_import_files(g, tmp_path / "import")
    path = next(p for p in files.relationship_files if p.name == "relationships-SETTLED_IN.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r[":START_ID"], r[":END_ID"]): (float(r["amountYuan:double"]), r["amountText:string"])
            for r in rows if r["amountYuan:double"]} == expected


def neo4j_amounts(driver) -> dict[tuple[str, str], tuple[float, str]]:
    records, _, _ = driver.execute_query(
        "MATCH (c)-[r:SETTLED_IN]->(z) WHERE r.amountYuan IS NOT NULL "
        "RETURN c.id AS c, z.id AS z, r.amountYuan AS yuan, r.amountText AS text")
    return {(r["c"], r["z"]): (r["yuan"], r["text"]) for r in records}


@pytest.mark.neo4j
def test_push_and_cypher_script_carry_the_amount(selected, tmp_path, neo4j_driver):
    g = kg.export.to_networkx(selected)
    push_graph(neo4j_driver, to_networkx(selected))
    assert neo4j_amounts(neo4j_driver) == amount_edges(g)
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n")
    kg.export.write(selected, "cypher", tmp_path / "company.cypher")
    for line in (tmp_path / "company.cypher").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("//"):
            neo4j_driver.execute_query(line.rstrip().removesuffix(";"))
    assert neo4j_amounts(neo4j_driver) == amount_edges(g)
