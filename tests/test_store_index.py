"""The derived index (kg.store_index) on real stores: it equals the rule computed in plain Python, stays
out of the graph's quads, and follows a SPARQL update."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest
from query_gold import Reference, gold_graph
from test_query import store_of

from kg.build import stats
from kg.identity import folded_name, iri
from kg.model import KnowledgeGraph
from kg.query.sparql import update_store
from kg.ontology import load_ontology
from kg.store import GraphStore, StoreWriter, recorded_term_counts
from kg.store_index import INDEX_GRAPH, INDEX_GRAPHS, NAME_GRAPH, drop_indexes, update_indexes, write_indexes

KG = "https://kg-zones.org/ontology#"
KG_ID = "https://kg-zones.org/id/"


def index_pairs(store: GraphStore, predicate: str) -> set[tuple[str, str]]:
    quads = store.oxigraph.quads_for_pattern(None, ox.NamedNode(KG + predicate), None, ox.NamedNode(INDEX_GRAPH))
    return {(quad.subject.value, quad.object.value) for quad in quads}


def zone_events(graph: KnowledgeGraph) -> set[tuple[str, str]]:
    reference = Reference(graph)
    return {(iri(e), iri(z)) for z in reference.zones() for e in reference.zone_events(z)}


def test_index_is_the_zone_event_rule_and_stays_out_of_the_graph(tmp_path):
    graph = gold_graph()
    expected_events = zone_events(graph)
    attended = [(s, o) for s, p, o, _ in graph.relations if p == "attended"]
    expected_visits = {(iri(person), zone) for person, event in attended
                       for e, zone in expected_events if e == iri(event)}
    root = store_of(graph, tmp_path / "store")
    with GraphStore.open(root) as store:
        assert index_pairs(store, "eventOfZone") == expected_events
        assert index_pairs(store, "visitedZone") == expected_visits
        # Parks and places contribute: the index is more than the plain heldIn/organizedBy facts.
        direct = {(iri(s), iri(o)) for s, p, o, _ in graph.relations if p in ("heldIn", "organizedBy")}
        assert expected_events - direct
        assert not any(INDEX_GRAPH in quad for quad in store.quads())
        assert store.knowledge_graph().relations.keys() == graph.relations.keys()


def test_a_sparql_update_recomputes_the_index(tmp_path):
    graph = gold_graph()
    held = sorted(key for key in graph.relations if key[1] == "heldIn")
    root = store_of(graph, tmp_path / "store")
    update_store(root, " ; ".join(f"DELETE DATA {{ <{iri(s)}> <{KG}heldIn> <{iri(o)}> }}" for s, _, o, _ in held))
    without = dataclasses.replace(graph, relations={k: r for k, r in graph.relations.items() if k not in held})
    assert zone_events(without) != zone_events(graph)
    with GraphStore.open(root) as store:
        assert index_pairs(store, "eventOfZone") == zone_events(without)
        # kg stats does not report the build's counts from before the update: it counts the store.
        assert stats(root)["quads"] == len(store.oxigraph)
        assert recorded_term_counts(root, store.generation.name) is None
        held_in = load_ontology().predicate("heldIn")
        assert stats(root)["predicates"][f"heldIn ({held_in.relationship_type})"] == len(
            list(store.oxigraph.quads_for_pattern(None, ox.NamedNode(held_in.iri), None, ox.DefaultGraph())))


def test_the_recorded_quad_count_is_the_graphs_own_after_an_update(tmp_path):
    """publish(current_nquads(), …, update): the copied old index is not counted as the graph's."""
    graph = gold_graph()
    root = store_of(graph, tmp_path / "store")
    s, _, o, _ = sorted(key for key in graph.relations if key[1] == "heldIn")[0]
    with StoreWriter(root) as writer:
        writer.publish(writer.current_nquads(), writer.stored_articles(),
                       f"DELETE DATA {{ <{iri(s)}> <{KG}heldIn> <{iri(o)}> }}")
        counted = writer.quad_count()
    with GraphStore.open(root) as store:
        assert counted == len(store.quads())


def _index(store: ox.Store) -> set[ox.Quad]:
    return {quad for graph in INDEX_GRAPHS for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


@pytest.mark.parametrize("change", ["venue moves", "attendance gone", "attendance added", "event gains a zone",
                                    "alias added", "alias gone, its key stays", "renamed", "name index not written yet"])
def test_an_incremental_index_update_equals_the_whole_recomputation(change):
    """update_indexes recomputes only the people who may lose a visited zone and adds the rest: whatever the change,
    the index it leaves is the one write_indexes computes from scratch."""
    zone1, zone2, place = (f"<{KG_ID}{name}>" for name in ("zone/甲园区", "zone/乙园区", "place/丙市"))
    event, other_event, anna, ben = (f"<{KG_ID}{name}>" for name in ("event/某论坛", "event/某峰会", "person/张某", "person/李某"))
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    before = [f"{zone1} {rdf_type} <{KG}Zone> .", f"{zone2} {rdf_type} <{KG}Zone> .", f"{place} {rdf_type} <{KG}Place> .",
              f"{zone2} <{KG}locatedIn> {place} .", f"{event} <{KG}heldIn> {zone1} .",
              f"{other_event} <{KG}organizedBy> {zone2} .",
              f"{anna} <{KG}attended> {event} .", f"{anna} <{KG}attended> {other_event} .", f"{ben} <{KG}attended> {event} .",
              f'{event} <{KG}name> "某论坛" .', f'{anna} <{KG}name> "张某" .', f'{anna} <{KG}alias> "ＡＮＮＡ" .',
              f'{anna} <{KG}alias> "Anna" .', f'{ben} <{KG}name> "李某" .']
    removed, added = {
        "venue moves": ([f"{event} <{KG}heldIn> {zone1} ."], [f"{event} <{KG}heldIn> {place} ."]),
        "attendance gone": ([f"{ben} <{KG}attended> {event} ."], []),
        "attendance added": ([], [f"{ben} <{KG}attended> {other_event} ."]),
        "event gains a zone": ([], [f"{other_event} <{KG}heldIn> {zone1} ."]),
        "alias added": ([], [f'{ben} <{KG}alias> "Ben Li" .']),
        "alias gone, its key stays": ([f'{anna} <{KG}alias> "ＡＮＮＡ" .'], []),  # "Anna" folds to the same key
        "renamed": ([f'{event} <{KG}name> "某论坛" .'], [f'{event} <{KG}name> "某 论坛（二）" .']),
        "name index not written yet": ([], [f'{ben} <{KG}alias> "Ben Li" .']),
    }[change]
    after = [line for line in before if line not in removed] + added
    stores = []
    for _ in range(2):
        store = ox.Store()
        store.bulk_load("\n".join(before).encode(), ox.RdfFormat.N_QUADS)
        write_indexes(store)
        if change == "name index not written yet":  # a store written before the name index existed
            store.remove_graph(ox.NamedNode(NAME_GRAPH))
        for line in removed:
            store.remove(next(iter(ox.parse(line.encode(), ox.RdfFormat.N_QUADS))))
        store.bulk_load("\n".join(added).encode(), ox.RdfFormat.N_QUADS)
        stores.append(store)
    update_indexes(stores[0], [line.encode() for line in removed], [line.encode() for line in added])
    drop_indexes(stores[1])
    write_indexes(stores[1])
    assert _index(stores[0]) == _index(stores[1])
    assert len(stores[1]) - len(_index(stores[1])) == len(after)
    keys = {(quad.subject.value, quad.object.value) for quad in _index(stores[1]) if quad.predicate.value == KG + "foldedName"}
    assert keys == {(entity[1:-1], folded_name(form)) for entity, predicate, form in
                    (line[:-2].split(" ", 2) for line in after if "name>" in line or "alias>" in line)
                    for form in [form.strip('"')]}
