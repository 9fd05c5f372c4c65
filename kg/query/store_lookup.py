"""Names and chains of facts answered from the embedded store's indexes, without reading the whole graph.

kg.query.analytics answers `kg ask connection` and the note on a name that matches nothing from the graph
read as a property graph: on the 100,000-article store that read did not fit in 24 GB.  Here the same answers
come from the store's name index (kg.store_index) and, for a chain, from a breadth-first walk over the fact
triples of the default graph, one VALUES query per layer and chunk, that stops at the first layer holding a
target.  The rows are analytics.connection's: among equally short chains the lexicographically smallest path
of entity ids (taken greedily from the front over the nodes that lie on a shortest chain), on each step the
first of its facts in the same order.  The callers fall back to kg.query.analytics on a store written before
the name index.
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from kg.identity import folded_name, id_from_iri, normalise_name
from kg.ontology import load_ontology
from kg.query.analytics import CLOSEST
from kg.property_graph import MENTIONS
from kg.store_index import entities_keyed, nearest_keys
from kg.store_read import values

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@cache
def _entity_terms() -> tuple[dict[str, str], str, ox.NamedNode, ox.NamedNode]:
    """Class IRI -> contract type, the article class, kg:name and kg:alias (read from the ontology once)."""
    ontology = load_ontology()
    types = {c.iri: c.contract_type for c in ontology.classes if c.contract_type}
    return types, ontology.term("Article"), ox.NamedNode(ontology.term("name")), ox.NamedNode(ontology.term("alias"))


def entity_records(store: ox.Store, iris: list[str]) -> dict[str, tuple[str, str, set[str]]]:
    """IRI -> (name, contract type, names and aliases) of each entity among ``iris`` (articles and other nodes left out)."""
    types, article, name, alias = _entity_terms()
    records = {}
    for value in iris:
        node = ox.NamedNode(value)
        kinds = {types.get(q.object.value) for q in store.quads_for_pattern(node, RDF_TYPE, None, ox.DefaultGraph())
                 if q.object.value != article} - {None}
        names = [q.object.value for q in store.quads_for_pattern(node, name, None, ox.DefaultGraph())]
        if kinds and names:
            aliases = {q.object.value for q in store.quads_for_pattern(node, alias, None, ox.DefaultGraph())}
            records[value] = (names[0], min(kinds), {*names, *aliases})
    return records


def entities_named(store: ox.Store, name: str) -> list[str]:
    """The IRIs of the entities a name or alias of which is ``name`` (as kg.identity normalises names)."""
    wanted = normalise_name(name)
    found = entity_records(store, entities_keyed(store, folded_name(name)))
    return sorted(value for value, (_, _, forms) in found.items() if wanted in {normalise_name(f) for f in forms})


def closest_names(store: ox.Store, name: str) -> list[str]:
    """"NAME (Type)" of the entities whose names are nearest to ``name`` (kg.suggest's ranking)."""
    found = [(entity_name, entity_type) for key in nearest_keys(store, name, CLOSEST)
             for entity_name, entity_type, _ in sorted(entity_records(store, entities_keyed(store, key)).values(),
                                                       key=lambda record: record[:2])]
    return [f"{entity_name} ({entity_type})" for entity_name, entity_type in dict.fromkeys(found)][:CLOSEST]


@cache
def _fact_predicates() -> dict[str, str]:
    """Predicate IRI -> contract name of every fact between two entities (the mentions of articles are no fact)."""
    return {p.iri: p.contract_name for p in load_ontology().predicates if p.contract_name != MENTIONS}


def _neighbours(store: ox.Store, nodes: set[str], predicates: frozenset[str]) -> list[tuple[str, str]]:
    """(node, neighbour) for every fact at ``nodes``, in either direction, in the default graph.

    Index lookups per node, not one SPARQL join per frontier: a VALUES block joined to a UNION of both directions
    was planned over every fact of the store (minutes per layer at 100,000 articles)."""
    pairs = []
    for value in nodes:
        node = ox.NamedNode(value)
        for quad in store.quads_for_pattern(node, None, None, ox.DefaultGraph()):
            if quad.predicate.value in predicates and isinstance(quad.object, ox.NamedNode) and quad.object != node:
                pairs.append((value, quad.object.value))
        for quad in store.quads_for_pattern(None, None, node, ox.DefaultGraph()):
            if quad.predicate.value in predicates and quad.subject != node:
                pairs.append((value, quad.subject.value))
    return pairs


class _Side:
    """The layers of a breadth-first walk from one end of the chain, and the links between consecutive layers."""

    def __init__(self, roots: list[str]) -> None:
        self.layers: list[set[str]] = [set(roots)]
        self.seen: set[str] = set(roots)
        self.links: list[list[tuple[str, str]]] = []  # links[k]: (u in layer k, v in layer k + 1)

    def grow(self, store: ox.Store, predicates: frozenset[str]) -> bool:
        pairs = _neighbours(store, self.layers[-1], predicates)
        following = {b for _, b in pairs} - self.seen
        if not following:
            return False
        self.links.append([(a, b) for a, b in pairs if b in following])
        self.layers.append(following)
        self.seen |= following
        return True


def shortest_chain(store: ox.Store, starts: list[str], ends: list[str]) -> list[str] | None:
    """The lexicographically smallest (by entity id) of the shortest chains of facts from a start to an end (IRIs).

    Both ends walk, the side with the smaller last layer first (a laureate at thousands of events, a zone with
    thousands of companies: the walk meets in the middle instead of crossing the store).  When a new layer first
    meets the other side's walk, it meets the other side's last layer, and every shortest chain passes there."""
    predicates = frozenset(_fact_predicates())
    first, last = _Side(starts), _Side(ends)
    meeting = first.layers[0] & last.layers[0]
    while not meeting:
        side = first if len(first.layers[-1]) <= len(last.layers[-1]) else last
        if not side.grow(store, predicates):
            return None
        meeting = first.layers[-1] & last.layers[-1]
    # The start side's nodes on a shortest chain, from the meeting layer back; then the smallest step from the
    # front, first over those, then through the end side's layers down to an end (each of its nodes leads to one).
    on_chain = [set() for _ in first.layers]
    on_chain[-1] = meeting
    for depth in range(len(first.layers) - 2, -1, -1):
        on_chain[depth] = {a for a, b in first.links[depth] if b in on_chain[depth + 1]}
    chain = [min(on_chain[0], key=id_from_iri)]
    for depth, step in enumerate(first.links):
        chain.append(min((b for a, b in step if a == chain[-1] and b in on_chain[depth + 1]), key=id_from_iri))
    for step in reversed(last.links):
        chain.append(min((a for a, b in step if b == chain[-1]), key=id_from_iri))
    return chain


def chain_rows(store: ox.Store, chain: list[str]) -> list[dict]:
    """One row per step of ``chain``: the step's first fact (subject, predicate, object, title) in id order."""
    predicates = _fact_predicates()
    names = {value: record[0] for value, record in entity_records(store, chain).items()}
    by_id = {id_from_iri(value): name for value, name in names.items()}
    rows = []
    for step, (a, b) in enumerate(zip(chain, chain[1:]), 1):
        ends = f"({values([a])} {values([b])}) ({values([b])} {values([a])})"  # store IRIs, never user text
        query = (f"SELECT DISTINCT ?s ?p ?o ?title WHERE {{ VALUES (?s ?o) {{ {ends} }} "
                 "?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . OPTIONAL { ?st kg:title ?title } }")
        facts = sorted({(id_from_iri(row["s"].value), predicates[row["p"].value], id_from_iri(row["o"].value),
                         row["title"].value if row["title"] is not None else None)
                        for row in store.query(query, prefixes=load_ontology().prefixes)
                        if row["p"].value in predicates},
                       key=lambda fact: tuple(str(part) for part in fact))
        subject, predicate, obj, title = facts[0]
        rows.append({"step": step, "from": names[a], "subject": by_id[subject], "predicate": predicate,
                     "object": by_id[obj], "title": title, "to": names[b]})
    return rows
