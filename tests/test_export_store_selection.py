"""Cutting subgraphs straight from the store (SPARQL) gives what cutting the whole graph in memory gives.

The in-memory path (kg.export.selection.select over GraphStore.knowledge_graph) is the reference;
the store path (kg.export.store_selection) must return equal KnowledgeGraphs for every option,
refuse the same names with the same candidates, and never read the whole graph.
"""

from __future__ import annotations

import copy

import pytest

import kg.export
from kg.export.selection import Selection, select
from kg.export.store_selection import StoreSelector
from kg.identity import iri
from kg.model import Entity
from kg.rdf import to_dataset
from kg.store import GraphStore, StoreWriter

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


@pytest.fixture(scope="module")
def awkward(tmp_path_factory, whole):
    """The corpus graph plus entities whose names fold only in Python (full-width, tabs, case) and a twin name."""
    graph = copy.deepcopy(whole)
    centre = kg.export.find_entity(graph, CENTRE)
    graph.entities[centre.id].aliases |= {"ＳＥＭＥＮＺＡ", "Gregg\tSemenza"}
    twin = Entity("organization/" + CENTRE + "基金会", "Organization", CENTRE + "基金会", aliases={CENTRE + " "})
    graph.entities[twin.id] = twin
    store = tmp_path_factory.mktemp("awkward") / "store"
    with StoreWriter(store) as writer:
        writer.publish(to_dataset(graph).serialize(format="nquads").encode("utf-8"), list(graph.articles.values()))
    with GraphStore.open(store) as opened:
        yield opened, opened.knowledge_graph()


@pytest.mark.parametrize("query", ["semenza", "ＳＥＭＥＮＺＡ", "greggsemenza", "GREGG SEMENZA"])
def test_names_that_only_python_folds_are_found(awkward, query):
    opened, graph = awkward
    assert StoreSelector(opened).find_entity(query) == kg.export.find_entity(graph, query)
    assert StoreSelector(opened).find_entity(query).name == CENTRE


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
