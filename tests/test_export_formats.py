"""The 2-hop neighbourhood of 格雷格·塞门扎 (dev corpus + seed, real pipeline and store) in every format,
read back with the tool each format is for: the same nodes and edges come back."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

import kg.export
from kg.identity import ENTITY_NS
from kg.ontology import load_ontology
from kg.rdf import load_context

CENTRE = "格雷格·塞门扎"
ONT = load_ontology()
PREDICATE_BY_IRI = {p.iri: p.contract_name for p in ONT.predicates}
ENTITY_ID = URIRef(ONT.term("entityId"))


@pytest.fixture(scope="module")
def selected(corpus_store):
    return kg.export.subgraph(corpus_store, around=[CENTRE], hops=2)


@pytest.fixture(scope="module")
def expected(selected):
    """Node ids and (start, predicate, end, title) edges of the selected subgraph's property graph."""
    g = kg.export.to_networkx(selected)
    edges = {(u, d["predicate"], v, d.get("title")) for u, v, d in g.edges(data=True)}
    return set(g.nodes), edges, g


def test_the_selection_is_the_two_hop_neighbourhood(corpus_store, selected):
    # Independent of kg.export.selection: networkx's ego graph over the entity-only projection.
    whole = kg.export.to_networkx(corpus_store, articles=False).to_undirected(as_view=True)
    centre = kg.export.find_entity(kg.export.load_graph(corpus_store), CENTRE).id
    assert set(selected.entities) == set(nx.ego_graph(whole, centre, radius=2))
    assert len(selected.entities) > 3 and selected.relations  # a real neighbourhood, not just the centre
    one_hop = set(nx.ego_graph(whole, centre, radius=1))
    assert one_hop < set(selected.entities)  # the second hop added something


def test_store_and_in_process_graph_give_the_same_subgraph(corpus_store):
    from kg.build import extract_and_resolve
    from kg.store import GraphStore

    with GraphStore.open(corpus_store) as store:
        articles = store.articles()
    in_process = kg.export.subgraph(extract_and_resolve(articles), around=[CENTRE], hops=2)
    from_store = kg.export.subgraph(corpus_store, around=[CENTRE], hops=2)
    assert set(in_process.entities) == set(from_store.entities)
    assert set(in_process.relations) == set(from_store.relations)


def _rdf_nodes_and_edges(graph: Graph) -> tuple[set[str], set[tuple]]:
    ids = {s: str(o) for s, o in graph.subject_objects(ENTITY_ID)}
    edges = {(ids[s], PREDICATE_BY_IRI[str(p)], ids[o]) for s, p, o in graph
             if str(p) in PREDICATE_BY_IRI and s in ids and o in ids}
    return set(ids.values()), edges


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_rdf_formats_read_back_with_rdflib(selected, expected, tmp_path, fmt):
    nodes, edges, _ = expected
    target = tmp_path / f"semenza.{fmt}"
    kg.export.write(selected, fmt, target)
    if fmt == "jsonld":
        dataset = Dataset()
        dataset.parse(target, format="json-ld")
        graph = dataset.default_graph
        assert set(json.loads(target.read_text(encoding="utf-8"))["@context"]) >= set(load_context()["@context"])
        assert len(list(dataset.graphs())) > 1  # per-article named graphs travel in JSON-LD
    else:
        graph = Graph().parse(target, format={"turtle": "turtle", "ntriples": "nt"}[fmt])
    rdf_nodes, rdf_edges = _rdf_nodes_and_edges(graph)
    assert rdf_nodes == nodes
    assert rdf_edges == {(u, p, v) for u, p, v, _ in edges}
    assert _by_value(kg.export.to_rdflib(selected)) == _by_value(graph)  # and every other triple too


def _by_value(graph: Graph) -> set[tuple]:
    # Turtle may write 1 as 1.0 (same xsd:decimal value, different lexical form): compare literals by value.
    return {(s, p, (o.toPython(), o.datatype) if isinstance(o, Literal) else o) for s, p, o in graph}


def test_graphml_reads_back_with_networkx(selected, expected, tmp_path):
    nodes, edges, g = expected
    target = tmp_path / "semenza.graphml"
    kg.export.write(selected, "graphml", target)
    back = nx.read_graphml(target, force_multigraph=True)
    assert set(back.nodes) == nodes
    assert {(u, d["predicate"], v, d.get("title")) for u, v, d in back.edges(data=True)} == edges
    assert back.number_of_edges() == g.number_of_edges()
    centre = kg.export.find_entity(selected, CENTRE).id
    assert back.nodes[centre]["label"] == CENTRE and back.nodes[centre]["class"] == "Person"
    assert json.loads(back.nodes[centre]["labels"]) == g.nodes[centre]["labels"]


def test_gexf_reads_back_with_networkx(selected, expected, tmp_path):
    nodes, edges, g = expected
    target = tmp_path / "semenza.gexf"
    kg.export.write(selected, "gexf", target)
    back = nx.read_gexf(target)
    assert set(back.nodes) == nodes
    assert {(u, d["predicate"], v, d.get("title")) for u, v, d in back.edges(data=True)} == edges
    assert back.number_of_edges() == g.number_of_edges()
    types = {d["relationship_type"] for _, _, d in back.edges(data=True)}
    assert types == {d["type"] for _, _, d in g.edges(data=True)}
    centre = kg.export.find_entity(selected, CENTRE).id
    assert back.nodes[centre]["label"] == CENTRE and "color" in back.nodes[centre]["viz"]


def test_csv_reads_back_with_the_csv_module(selected, expected, tmp_path):
    nodes, edges, g = expected
    written = kg.export.write(selected, "csv", tmp_path / "semenza")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    with open(written[0], encoding="utf-8", newline="") as handle:
        node_rows = list(csv.DictReader(handle))
    with open(written[1], encoding="utf-8", newline="") as handle:
        edge_rows = list(csv.DictReader(handle))
    assert {row["id"] for row in node_rows} == nodes and len(node_rows) == len(nodes)
    assert {(r["source"], r["predicate"], r["target"], r["title"] or None) for r in edge_rows} == edges
    assert len(edge_rows) == g.number_of_edges()
    for row in edge_rows:
        assert int(row["article_count"]) == len(set(json.loads(row["articles"])))


def test_neo4j_import_files_hold_the_subgraph(selected, expected, tmp_path):
    nodes, edges, _ = expected
    written = kg.export.write(selected, "neo4j-import", tmp_path / "import")
    ids, rels = set(), set()
    for path in written:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if "id:ID" in row:
                    ids.add(row["id:ID"])
                else:
                    rels.add((row[":START_ID"], row["predicate:string"], row[":END_ID"]))
    assert ids == nodes
    assert rels == {(u, p, v) for u, p, v, _ in edges}
    assert not [p for p in (tmp_path / "import").iterdir() if p.name.startswith(".")]  # staging folder removed


@pytest.mark.neo4j
def test_cypher_script_recreates_the_subgraph_in_neo4j(selected, expected, tmp_path, neo4j_driver):
    nodes, edges, g = expected
    target = tmp_path / "semenza.cypher"
    kg.export.write(selected, "cypher", target)
    statements = [line.rstrip().removesuffix(";") for line in target.read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("//")]
    for _ in range(2):  # the script is idempotent: running it twice gives one copy
        for statement in statements:
            neo4j_driver.execute_query(statement)
        records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN n.id AS id, labels(n) AS labels")
        assert {r["id"] for r in records} == nodes and len(records) == len(nodes)
        records, _, _ = neo4j_driver.execute_query(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, r.predicate AS p, b.id AS b, r.title AS t, type(r) AS type")
        assert {(r["a"], r["p"], r["b"], r["t"]) for r in records} == edges
        assert len(records) == g.number_of_edges()
    centre = kg.export.find_entity(selected, CENTRE).id
    records, _, _ = neo4j_driver.execute_query("MATCH (n {id: $id}) RETURN n.name AS name, n.honors AS honors",
                                               id=centre)
    assert records[0]["name"] == CENTRE and records[0]["honors"] == g.nodes[centre]["honors"]


# ---------------------------------------------------------------- HTML in headless Chromium

def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    if os.environ.get("CI"):
        pytest.fail("headless Chromium is required under CI (Debian package: chromium)")
    pytest.skip("no chromium on this machine (Debian package: chromium)")


def render(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               "--virtual-time-budget=20000", "--window-size=1400,900", *extra, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True)


def body_attributes(dom: str) -> dict[str, str]:
    body = re.search(r"<body([^>]*)>", dom).group(1)
    return dict(re.findall(r'([\w-]+)="([^"]*)"', body))


def test_html_page_renders_every_entity_offline(selected, expected, tmp_path):
    _, _, g = expected
    page = tmp_path / "semenza.html"
    kg.export.write(selected, "html", page, centres=[kg.export.find_entity(selected, CENTRE).id], title=CENTRE)
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)  # nothing loaded from the network
    entities = [n for n, kind in g.nodes(data="entity_type") if kind != "Article"]
    facts = [1 for u, v in g.edges() if u in entities and v in entities]
    attributes = body_attributes(render(page, tmp_path / "profile", "--dump-dom").stdout)
    assert int(attributes["data-rendered-nodes"]) == len(entities)
    assert int(attributes["data-rendered-edges"]) == len(facts)
    assert int(attributes["data-painted-pixels"]) > 100  # the canvas was drawn on
    shot = tmp_path / "semenza.png"
    render(page, tmp_path / "profile-shot", f"--screenshot={shot}", "--hide-scrollbars")
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 1400
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.DOTALL)
    data = json.loads(block.group(1))
    assert {n["id"] for n in data["nodes"]} == set(entities)
    centre = next(n for n in data["nodes"] if n["name"] == CENTRE and n["centre"])
    sentences = {p.sentence.strip() for p in selected.entities[centre["id"]].provenance}
    assert any(sentence in centre["hover"] for sentence in sentences)  # evidence on hover


def test_html_page_never_runs_text_from_articles(tmp_path):
    from kg.identity import entity_id
    from kg.model import Entity, KnowledgeGraph, Relation

    hostile = "</script><script>document.body.setAttribute('data-pwned','1')</script><!--"
    a, b = Entity(entity_id("Person", hostile), "Person", hostile), Entity(entity_id("Event", "论坛"), "Event", "论坛")
    graph = KnowledgeGraph(entities={a.id: a, b.id: b})
    relation = Relation(a.id, "attended", b.id)
    graph.relations[relation.key] = relation
    page = tmp_path / "hostile.html"
    kg.export.write(graph, "html", page, centres=[a.id], title=hostile)
    attributes = body_attributes(render(page, tmp_path / "profile", "--dump-dom").stdout)
    assert "data-pwned" not in attributes
    assert attributes["data-rendered-nodes"] == "2"


def test_entity_iris_are_in_the_rdf_namespace(selected):
    # Scripts join RDF and property-graph exports on the IRI: both use kg.identity's namespace.
    g = kg.export.to_networkx(selected)
    assert all(d["iri"].startswith(ENTITY_NS) for _, d in g.nodes(data=True))
