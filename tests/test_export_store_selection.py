"""Cutting subgraphs straight from the store (SPARQL) gives what cutting the whole graph in memory gives.

The in-memory path (kg.export.selection.select over GraphStore.knowledge_graph) is the reference;
the store path (kg.export.store_selection) must return equal KnowledgeGraphs for every option,
refuse the same names with the same candidates, and never read the whole graph.
"""

from __future__ import annotations

import copy

import pytest
from conftest import remove_name_index

import kg.export
from kg.export.selection import Selection, select
from kg.export.store_selection import StoreSelector
from kg.identity import iri
from kg.model import Entity
from kg.rdf import to_dataset
from kg.store import GraphStore, StoreWriter
from kg.store_index import has_name_index

CENTRE = "格雷格·塞门扎"


@pytest.fixture(scope="module")
def opened(corpus_store):
    with GraphStore.open(corpus_store) as store:
        yield store


@pytest.fixture(scope="module")
def whole(opened):
    return opened.knowledge_graph()


def _dated_month(graph) -> str:
    centre = kg.export.find_entity(graph, CENTRE)
    from kg.export.selection import event_dates

    events = [graph.entities[r.object] for r in graph.relations.values()
              if r.subject == centre.id and graph.entities[r.object].type == "Event"]
    return next(event_dates(e, graph)[0][:7] for e in events if event_dates(e, graph))


@pytest.mark.parametrize("options", [
    {"hops": 0}, {"hops": 1}, {"hops": 2}, {"hops": 3},
    {"hops": 2, "types": ("Person", "Event")},
    {"hops": 2, "types": ("organization",)},
    {"hops": 2, "predicates": ("attended", "HELD_IN")},
    {"hops": 3, "min_articles": 2},
    {"hops": 2, "since": "2999"},
    {"hops": 2, "until": "2023-06"},
    {"hops": 2, "since": "dated-month", "until": "dated-month"},
    {"hops": 1, "all_evidence": True}, {"hops": 2, "all_evidence": True},
])
def test_the_store_path_equals_the_whole_graph_path(opened, whole, options):
    options = {k: _dated_month(whole) if v == "dated-month" else v for k, v in options.items()}
    selection = Selection(around=(CENTRE,), **options)
    expected = select(whole, selection)
    got = StoreSelector(opened).select(selection)
    assert expected.entities  # the centre at least
    assert got.entities == expected.entities
    assert got.relations == expected.relations
    assert got.articles == expected.articles


def test_several_centres_and_ids_and_iris(opened, whole):
    centre = kg.export.find_entity(whole, CENTRE)
    other = sorted(e.id for e in whole.entities.values() if e.type == "Zone")[0]
    selection = Selection(around=(iri(centre.id), other), hops=1)
    assert StoreSelector(opened).select(selection) == select(whole, selection)


def test_kg_export_subgraph_takes_a_store_folder(corpus_store, whole):
    got = kg.export.subgraph(corpus_store, [CENTRE], hops=2, types=["Person", "Event"])
    assert got == kg.export.subgraph(whole, [CENTRE], hops=2, types=["Person", "Event"])


@pytest.mark.parametrize("query", [CENTRE + "教授", "完全不存在的名字", "塞门扎格雷格", "  "])
def test_unknown_names_get_the_same_closest_names(opened, whole, query):
    with pytest.raises(kg.export.UnknownEntityError) as in_memory:
        kg.export.find_entity(whole, query)
    with pytest.raises(kg.export.UnknownEntityError) as from_store:
        StoreSelector(opened).find_entity(query)
    assert [e.id for e in from_store.value.closest] == [e.id for e in in_memory.value.closest]
    assert str(from_store.value) == str(in_memory.value)


@pytest.fixture(scope="module", params=["name index", "scan"])
def awkward(request, tmp_path_factory, whole):
    """The corpus graph plus entities whose names fold only in Python (full-width, tabs, case) and a twin name;
    the centres are found through the store's name index, and by the scan of a store written before it."""
    graph = copy.deepcopy(whole)
    centre = kg.export.find_entity(graph, CENTRE)
    graph.entities[centre.id].aliases |= {"ＳＥＭＥＮＺＡ", "Gregg\tSemenza"}
    twin = Entity("organization/" + CENTRE + "基金会", "Organization", CENTRE + "基金会", aliases={CENTRE + " "})
    graph.entities[twin.id] = twin
    store = tmp_path_factory.mktemp("awkward") / "store"
    with StoreWriter(store) as writer:
        writer.publish(to_dataset(graph).serialize(format="nquads").encode("utf-8"), list(graph.articles.values()))
    if request.param == "scan":
        remove_name_index(store)
    with GraphStore.open(store) as opened:
        assert has_name_index(opened.oxigraph) == (request.param == "name index")
        yield opened, opened.knowledge_graph()


@pytest.mark.parametrize("query", ["semenza", "ＳＥＭＥＮＺＡ", "greggsemenza", "GREGG SEMENZA"])
def test_names_that_only_python_folds_are_found(awkward, query):
    opened, graph = awkward
    assert StoreSelector(opened).find_entity(query) == kg.export.find_entity(graph, query)
    assert StoreSelector(opened).find_entity(query).name == CENTRE


@pytest.mark.parametrize("query", ["ＳＥＭＥＮＺＡ ｘ", "Gregg", CENTRE + "教授"])
def test_unknown_names_get_the_same_closest_names_with_and_without_the_name_index(awkward, query):
    opened, graph = awkward
    with pytest.raises(kg.export.UnknownEntityError) as in_memory:
        kg.export.find_entity(graph, query)
    with pytest.raises(kg.export.UnknownEntityError) as from_store:
        StoreSelector(opened).find_entity(query)
    assert in_memory.value.closest
    assert [e.id for e in from_store.value.closest] == [e.id for e in in_memory.value.closest]


def test_a_shared_name_is_ambiguous_from_the_store_too(awkward):
    opened, graph = awkward
    with pytest.raises(kg.export.AmbiguousEntityError) as in_memory:
        kg.export.find_entity(graph, CENTRE)
    with pytest.raises(kg.export.AmbiguousEntityError) as from_store:
        StoreSelector(opened).find_entity(CENTRE)
    assert str(from_store.value) == str(in_memory.value)
    assert len(from_store.value.candidates) == 2


def test_the_cli_export_reads_the_store_without_the_whole_graph(corpus_store, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    def refuse(self):
        raise AssertionError("kg export read the whole store")

    monkeypatch.setattr(GraphStore, "knowledge_graph", refuse)
    monkeypatch.setattr(GraphStore, "graph", refuse)
    out = tmp_path / "sub.ttl"
    result = CliRunner().invoke(main, ["export", "--around", CENTRE, "--hops", "2", "--format", "turtle",
                                       "--store", str(corpus_store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0 and "selected" in result.output


def _shapes_graph():
    """A small graph with what the store path's joins can get wrong (see test_joins_keep_the_subgraph).

    The centre is named by an alias; 活动乙 is reached from it by two paths; 活动甲 organizedBy 星河公司 is a fact
    between two entities of the first hop; the person's roleAt 星河公司 is stated with a title and without one;
    the zone is a hub named in articles that state nothing of the subgraph; one article mentions the centre only."""
    from kg.model import Article, KnowledgeGraph, Provenance, Relation

    graph = KnowledgeGraph()
    articles = [f"shape-{n:02d}" for n in range(12)]
    for article_id in articles:
        graph.articles[article_id] = Article(article_id, f"标题{article_id}", ("正文。",), published="2024-05-0" + article_id[-1])

    def said(*article_ids: str) -> list[Provenance]:
        return [Provenance(a, f"{a}的句子。", 0, 4, "pattern:test") for a in article_ids]

    people = {"person/测试人甲": ("Person", "测试人甲", {"Test Person"}),
              "organization/星河公司": ("Organization", "星河公司", set()),
              "event/活动甲": ("Event", "活动甲", set()), "event/活动乙": ("Event", "活动乙", set()),
              "zone/测试开发区": ("Zone", "测试开发区", set()), "place/测试市": ("Place", "测试市", set())}
    mentions = {"person/测试人甲": articles[:5] + [articles[11]], "organization/星河公司": articles[:4],
                "event/活动甲": articles[:3], "event/活动乙": articles[1:4], "zone/测试开发区": articles,
                "place/测试市": articles[4:6]}
    for entity_id, (kind, name, aliases) in people.items():
        graph.entities[entity_id] = Entity(entity_id, kind, name, aliases=aliases, provenance=said(*mentions[entity_id]))
    for subject, predicate, obj, title, stated in [
            ("person/测试人甲", "attended", "event/活动甲", None, articles[:2]),
            ("person/测试人甲", "attended", "event/活动乙", None, articles[1:3]),
            ("person/测试人甲", "roleAt", "organization/星河公司", "总裁", articles[2:3]),
            ("person/测试人甲", "roleAt", "organization/星河公司", None, articles[3:4]),
            ("event/活动甲", "organizedBy", "organization/星河公司", None, articles[:1]),
            ("event/活动乙", "organizedBy", "organization/星河公司", None, articles[3:4]),
            ("event/活动甲", "heldIn", "zone/测试开发区", None, articles[:2]),
            ("event/活动乙", "heldIn", "zone/测试开发区", None, articles[1:2]),
            ("zone/测试开发区", "locatedIn", "place/测试市", None, articles[4:6])]:
        relation = Relation(subject, predicate, obj, title, provenance=said(*stated))
        graph.relations[relation.key] = relation
    return graph


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    graph = _shapes_graph()
    store = tmp_path_factory.mktemp("shapes") / "store"
    with StoreWriter(store) as writer:
        writer.publish(to_dataset(graph).serialize(format="nquads").encode("utf-8"), list(graph.articles.values()))
    with GraphStore.open(store) as opened:
        yield opened, opened.knowledge_graph()


@pytest.mark.parametrize("side", ["counted", "targets", "articles"])
@pytest.mark.parametrize("options", [
    {"hops": 1}, {"hops": 2}, {"hops": 3}, {"hops": 1, "min_articles": 2}, {"hops": 2, "predicates": ("roleAt", "heldIn")},
    {"hops": 2, "since": "2024-05-02"}, {"hops": 2, "all_evidence": True},
])
def test_joins_keep_the_subgraph(shapes, monkeypatch, options, side):
    """The store path joins index ranges by hash, from whichever side is smaller (StoreSelector._linked):
    both sides, and the side the counts pick, give the in-memory path's subgraph."""
    opened, graph = shapes
    if side != "counted":  # the articles' side counted as 0 nodes, the targets' as 0 (targets) or 1 (articles)
        monkeypatch.setattr(StoreSelector, "_count",
                            lambda self, pattern, limit=None: int(limit is not None and side == "articles"))
    selection = Selection(around=("test person",), **options)
    expected = select(graph, selection)
    got = StoreSelector(opened).select(selection)
    assert got == expected
    if options == {"hops": 1}:  # the fact between two entities of the last hop, and the titled role, are there
        assert ("event/活动甲", "organizedBy", "organization/星河公司", None) in got.relations
        assert ("person/测试人甲", "roleAt", "organization/星河公司", "总裁") in got.relations
        assert "zone/测试开发区" not in got.entities
    if options == {"hops": 2}:  # reached by two paths, once; the hub keeps only the subgraph's articles' evidence
        stating = {p.article_id for p in got.entities["zone/测试开发区"].provenance}
        assert stating == {"shape-00", "shape-01", "shape-02", "shape-03"}


def test_rdf_exports_hold_the_projection_exactly(shapes, tmp_path):
    """N-Triples and Turtle are written by Oxigraph from the N-Quads projection: the same triples as rdflib's."""
    from rdflib import Graph

    sub = StoreSelector(shapes[0]).select(Selection(around=("test person",), hops=2))
    for fmt, rdflib_format in (("ntriples", "nt"), ("turtle", "turtle")):
        kg.export.write(sub, fmt, tmp_path / f"sub.{fmt}")
        assert set(Graph().parse(tmp_path / f"sub.{fmt}", format=rdflib_format)) == set(kg.export.to_rdflib(sub))


@pytest.mark.parametrize("hops", [1, 2])
def test_max_entities_refuses_a_bigger_neighbourhood_on_both_paths(shapes, hops):
    opened, graph = shapes
    size = len(select(graph, Selection(around=("test person",), hops=hops)).entities)
    at_most = Selection(around=("test person",), hops=hops, max_entities=size)
    assert StoreSelector(opened).select(at_most) == select(graph, at_most)
    fewer = Selection(around=("test person",), hops=hops, max_entities=size - 1)
    with pytest.raises(kg.export.SelectionError, match="more than") as in_memory:
        select(graph, fewer)
    with pytest.raises(kg.export.SelectionError, match="more than") as from_store:
        StoreSelector(opened).select(fewer)
    assert str(from_store.value) == str(in_memory.value)


def test_the_cli_refuses_a_neighbourhood_over_max_entities(corpus_store, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "sub.nt"
    result = CliRunner().invoke(main, ["export", "--around", CENTRE, "--hops", "2", "--max-entities", "2", "--format",
                                       "ntriples", "--store", str(corpus_store), "-o", str(out)])
    assert result.exit_code == 1 and "more than 2 entities within 2 hop(s)" in result.output
    assert not out.exists()
