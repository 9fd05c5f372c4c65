"""Selecting subgraphs: centres by name/alias/IRI, hops, classes, predicates, event dates, supporting articles.

Expectations are computed from the graph the real pipeline built (dev corpus + seed), never typed in,
so the tests keep their meaning as extraction improves.
"""

from __future__ import annotations

import copy

import pytest

import kg.export
from kg.export.selection import event_dates
from kg.identity import iri
from kg.model import Entity, Provenance
from kg.ontology import load_ontology

CENTRE = "格雷格·塞门扎"
ONT = load_ontology()


@pytest.fixture(scope="module")
def graph(corpus_store):
    return kg.export.load_graph(corpus_store)


@pytest.fixture(scope="module")
def centre(graph):
    return kg.export.find_entity(graph, CENTRE)


def neighbours(graph, node: str) -> set[str]:
    return ({r.object for r in graph.relations.values() if r.subject == node}
            | {r.subject for r in graph.relations.values() if r.object == node})


def test_a_centre_is_found_by_name_alias_id_and_iri(graph, centre):
    assert centre.name == CENTRE
    for form in (centre.id, iri(centre.id), f" {CENTRE} ", *centre.aliases):
        assert kg.export.find_entity(graph, form).id == centre.id


def test_hops_zero_and_one(graph, centre):
    assert set(kg.export.subgraph(graph, [CENTRE], hops=0).entities) == {centre.id}
    one = kg.export.subgraph(graph, [CENTRE], hops=1)
    assert set(one.entities) == {centre.id} | neighbours(graph, centre.id)


def test_the_subgraph_is_induced_and_cites_its_articles(graph):
    sub = kg.export.subgraph(graph, [CENTRE], hops=2)
    inside = set(sub.entities)
    assert set(sub.relations) == {k for k, r in graph.relations.items() if r.subject in inside and r.object in inside}
    cited = {p.article_id for rec in (*sub.entities.values(), *sub.relations.values()) for p in rec.provenance}
    assert set(sub.articles) == cited


def test_entities_keep_the_evidence_of_the_articles_that_state_the_subgraph(graph):
    sub = kg.export.subgraph(graph, [CENTRE], hops=2)
    stating = {p.article_id for r in sub.relations.values() for p in r.provenance}
    assert stating
    trimmed = 0
    for entity in sub.entities.values():
        whole = graph.entities[entity.id].provenance
        assert entity.provenance == [p for p in whole if p.article_id in stating]
        trimmed += len(whole) - len(entity.provenance)
    assert trimmed  # some neighbour is mentioned in articles that state none of the subgraph's facts
    everything = kg.export.subgraph(graph, [CENTRE], hops=2, all_evidence=True)
    assert all(e.provenance == graph.entities[e.id].provenance for e in everything.entities.values())
    assert set(everything.articles) > set(sub.articles)


def test_a_subgraph_without_relations_keeps_the_whole_evidence(graph, centre):
    alone = kg.export.subgraph(graph, [CENTRE], hops=0)
    assert alone.entities[centre.id].provenance == centre.provenance


def test_the_source_graph_is_not_changed(graph):
    before = copy.deepcopy(graph)
    sub = kg.export.subgraph(graph, [CENTRE], hops=2)
    next(iter(sub.entities.values())).aliases.add("changed by a script")
    assert graph.entities == before.entities and graph.relations == before.relations


def test_several_centres_give_the_union(graph, centre):
    other = next(iter(sorted(graph.entities.keys() - {centre.id} - neighbours(graph, centre.id))))
    both = kg.export.subgraph(graph, [CENTRE, other], hops=1)
    first, second = (kg.export.subgraph(graph, [name], hops=1) for name in (CENTRE, other))
    assert set(both.entities) == set(first.entities) | set(second.entities)


def test_class_filter_keeps_subclasses_and_the_centre(graph, centre):
    sub = kg.export.subgraph(graph, [CENTRE], hops=2, types=["Event", "organization"])
    assert centre.id in sub.entities
    kept = {e.id for e in sub.entities.values() if e.id != centre.id}
    assert kept and all({"Event", "Organization"} & set(ONT.labels(e.type, e.kind))
                        for e in sub.entities.values() if e.id in kept)
    assert kept <= set(kg.export.subgraph(graph, [CENTRE], hops=2).entities)


def test_predicate_filter(graph):
    sub = kg.export.subgraph(graph, [CENTRE], hops=2, predicates=["ATTENDED"])
    assert sub.relations and {r.predicate for r in sub.relations.values()} == {"attended"}


def test_event_date_range(graph, centre):
    events = [graph.entities[n] for n in neighbours(graph, centre.id) if graph.entities[n].type == "Event"]
    dated = [(e, event_dates(e, graph)) for e in events if event_dates(e, graph)]
    assert dated, "the centre attends at least one dated event in the corpus"
    event, (start, _) = dated[0]
    month = start[:7]
    sub = kg.export.subgraph(graph, [CENTRE], hops=2, since=month, until=month)
    assert event.id in sub.entities
    for e in sub.entities.values():
        if e.type == "Event":
            low, high = event_dates(e, graph)
            assert low[:7] <= month <= high[:7]
    later = kg.export.subgraph(graph, [CENTRE], hops=2, since="2999")
    assert not [e for e in later.entities.values() if e.type == "Event"]


def test_min_articles_keeps_facts_with_enough_support(graph, centre):
    relation = next(r for r in graph.relations.values() if centre.id in (r.subject, r.object))
    boosted = copy.deepcopy(graph)
    article = next(a for a in graph.articles if a not in {p.article_id for p in relation.provenance})
    second = Provenance(article, "另一篇文章的证据。", 0, 9, "test:second", 0.9)
    boosted.relations[relation.key].provenance.append(second)
    sub = kg.export.subgraph(boosted, [CENTRE], hops=2, min_articles=2)
    assert relation.key in sub.relations
    assert all(len({p.article_id for p in r.provenance}) >= 2 for r in sub.relations.values())


def test_unknown_names_list_the_closest(graph):
    with pytest.raises(kg.export.UnknownEntityError) as caught:
        kg.export.find_entity(graph, CENTRE + "教授")
    assert CENTRE in str(caught.value) and caught.value.closest[0].name == CENTRE
    with pytest.raises(kg.export.UnknownEntityError):
        kg.export.subgraph(graph, ["完全不存在的名字"], hops=1)


def test_a_shared_name_is_ambiguous_with_candidates(graph, centre):
    doubled = copy.deepcopy(graph)
    twin = Entity("organization/" + CENTRE + "基金会", "Organization", CENTRE + "基金会", aliases={CENTRE})
    doubled.entities[twin.id] = twin
    with pytest.raises(kg.export.AmbiguousEntityError) as caught:
        kg.export.subgraph(doubled, [CENTRE])
    assert {e.id for e in caught.value.candidates} == {centre.id, twin.id}
    assert centre.id in str(caught.value) and twin.id in str(caught.value)
    assert kg.export.find_entity(doubled, iri(twin.id)).id == twin.id  # the IRI settles it


@pytest.mark.parametrize("options, message", [
    ({"types": ["Galaxy"]}, "unknown class"),
    ({"predicates": ["likes"]}, "unknown predicate"),
    ({"since": "12/05/2023"}, "ISO date"),
    ({"since": "2024", "until": "2023"}, "after"),
    ({"hops": -1}, "hops"),
    ({"min_articles": 0}, "min-articles"),
])
def test_bad_options_are_refused_with_the_choices(graph, options, message):
    with pytest.raises(kg.export.SelectionError, match=message):
        kg.export.subgraph(graph, [CENTRE], **options)


def test_python_api_returns_rdflib_and_networkx_graphs(corpus_store, centre):
    import networkx as nx
    from rdflib import Graph, URIRef

    g = kg.export.to_networkx(corpus_store, around=[CENTRE], hops=1, articles=False)
    assert isinstance(g, nx.MultiDiGraph) and centre.id in g
    assert all(d["entity_type"] != "Article" for _, d in g.nodes(data=True))
    rdf = kg.export.to_rdflib(corpus_store, around=[CENTRE], hops=1)
    assert isinstance(rdf, Graph) and (URIRef(iri(centre.id)), None, None) in rdf
    attended = URIRef(ONT.predicate("attended").iri)
    assert set(rdf.objects(URIRef(iri(centre.id)), attended)) == {
        URIRef(iri(v)) for u, v, d in g.edges(data=True) if u == centre.id and d["predicate"] == "attended"}


def test_filters_without_centres_are_refused(graph):
    with pytest.raises(kg.export.SelectionError, match="around"):
        kg.export.to_networkx(graph, hops=1)
    assert kg.export.to_networkx(graph).number_of_nodes() >= len(graph.entities)  # no filters: the whole graph


def test_relations_to_filtered_entities_are_dropped(graph, centre):
    sub = kg.export.subgraph(graph, [CENTRE], hops=2, types=["Person", "Event"])
    assert sub.relations
    assert all(r.subject in sub.entities and r.object in sub.entities for r in sub.relations.values())
    assert {e.type for e in sub.entities.values()} <= {"Person", "Event"}
