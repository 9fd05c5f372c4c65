"""Derived triples the store keeps beside the graph so that named questions need not recompute paths.

The zone-event index: ``?event kg:eventOfZone ?zone`` for every event of a zone, i.e. the events
the zone organised, the events held in it or in a zone located (transitively) in it, and the events
held in the place it lies in: the rule the named questions (kg/query/questions) use, which their
Cypher versions spell out as a path.  Evaluated at query time this rule is a four-way UNION per
zone or per event, and it made the questions grow with the store far beyond their answers (issue
11); written once per generation it is one indexed triple pattern.  With it, the zones a person
visited: ``?person kg:visitedZone ?zone`` when they attended one of the zone's events, one triple
per person and zone however many such events they attended (zones-sharing-people pairs these).

The triples live in their own named graph, INDEX_GRAPH, never in the default graph: the default
graph (what kg.rdf reads back, what exports and pushes read) stays exactly the projection of the
KnowledgeGraph, and ``GraphStore.quads`` leaves the index out.  The index is recomputed from the
default graph whenever a generation is written (``StoreWriter.publish``, also after its SPARQL
update, and ``kg.query.sparql.update_store``), so it cannot disagree with the facts it is derived
from.  An incremental build (a copy of the generation with some quads removed and added) updates it
instead for what changed: the events whose organiser or venue changed, the people who may have lost a
visited zone, and the pairs new attendance adds; a change of any locatedIn fact, or a zone or place gone,
recomputes it whole (the transitive rule reaches every event held below it).

The name index, in NAME_GRAPH: ``?entity kg:foldedName "key"`` for every name and alias, folded as
kg.identity.folded_name folds them (NFKC, no spaces, one middle dot, case-folded), which SPARQL cannot
do.  ``kg export --around`` finds its centres by one lookup of this key instead of a scan of every
name in the store (about a second at 100,000 articles).  A build updates it for the entities whose names
or aliases changed; a store written before it existed gets it whole at its next write.  kg.ttl declares
the predicates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox

from kg.identity import folded_name
from kg.ontology import load_ontology
from kg.suggest import closest_forms

INDEX_GRAPH = "https://kg-zones.org/index"
NAME_GRAPH = "https://kg-zones.org/index/names"
INDEX_GRAPHS = (INDEX_GRAPH, NAME_GRAPH)

# Quads given to Oxigraph per call when an index is written whole.
_BATCH = 50_000

# The zone-event index written whole, from the default graph: each rule's rows are read from a SELECT and loaded in
# batches (an INSERT … WHERE held every new quad of the store in one transaction: memory that grew with the store).
# Each branch starts from its selective pattern; LATERAL (Oxigraph's SEP-0006) keeps the lookup of the events held in
# a park or a place per park/place instead of joining every heldIn triple by hash.
ALL_EVENT_ZONES = """
SELECT ?event ?zone WHERE {
  { ?event kg:organizedBy ?zone . ?zone a kg:Zone }
  UNION { ?event kg:heldIn ?zone . ?zone a kg:Zone }
  UNION { ?park a kg:Zone ; kg:locatedIn+ ?zone . ?zone a kg:Zone . LATERAL { ?event kg:heldIn ?park } }
  UNION { ?zone a kg:Zone ; kg:locatedIn ?place . ?place a kg:Place . LATERAL { ?event kg:heldIn ?place } }
}
"""
ALL_PERSON_ZONES = f"""
SELECT ?person ?zone WHERE {{ GRAPH <{INDEX_GRAPH}> {{ ?event kg:eventOfZone ?zone }} ?person kg:attended ?event }}
"""


# The zone-event rule for one event (?event substituted), and the zones one person visited (?person); pyoxigraph
# substitutes only variables of the projection.
EVENT_ZONES = """
SELECT DISTINCT ?event ?zone WHERE {
  { ?event kg:organizedBy ?zone . ?zone a kg:Zone }
  UNION { ?event kg:heldIn ?zone . ?zone a kg:Zone }
  UNION { ?event kg:heldIn ?park . ?park a kg:Zone ; kg:locatedIn+ ?zone . ?zone a kg:Zone }
  UNION { ?event kg:heldIn ?place . ?place a kg:Place . ?zone a kg:Zone ; kg:locatedIn ?place }
}
"""
PERSON_ZONES = f"""
SELECT DISTINCT ?person ?zone WHERE {{ ?person kg:attended ?event . GRAPH <{INDEX_GRAPH}> {{ ?event kg:eventOfZone ?zone }} }}
"""


def update_indexes(store: ox.Store, removed: list[bytes], added: list[bytes]) -> None:
    """Bring the derived indexes of a writable store up to date after ``removed`` and ``added`` quads (N-Quads lines
    of the default graph) changed it (see the module docstring: what the change can reach is recomputed, or
    everything).  Only the lines of the predicates the rule reads are parsed.

    A person's visited zones are recomputed only where one may be lost (an attendance gone, or an attended event
    that lost a zone); a new attendance, or an event gaining a zone, only adds pairs.  Recomputing every attendee
    of a changed event instead read all the attendance of its hubs (a laureate at thousands of events): a cost
    that grew with the store, not with the change."""
    ontology = load_ontology()
    term = {name: ox.NamedNode(ontology.term(name)) for name in (
        "locatedIn", "organizedBy", "heldIn", "attended", "Zone", "Place", "eventOfZone", "visitedZone")}
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    read = tuple(f" {term[name]} ".encode() for name in ("locatedIn", "organizedBy", "heldIn", "attended"))
    placed = tuple(f" {rdf_type} {term[name]} ".encode() for name in ("Zone", "Place"))

    def parsed(lines: list[bytes], markers: tuple[bytes, ...]) -> list[ox.Quad]:
        # one regular expression, not a test per marker: an add passes hundreds of thousands of lines
        wanted_line = re.compile(b"|".join(re.escape(marker) for marker in markers)).search
        wanted = [line for line in lines if wanted_line(line)]
        return list(ox.parse(b"".join(line + b"\n" for line in wanted), ox.RdfFormat.N_QUADS)) if wanted else []

    _update_name_index(store, parsed(removed, _name_markers()) + parsed(added, _name_markers()))
    gone, new = parsed(removed, read + placed), parsed(added, read)
    if any(quad.predicate == term["locatedIn"] for quad in (*gone, *new)) or any(
            quad.predicate == rdf_type and quad.object in (term["Zone"], term["Place"]) for quad in gone):
        _write_zone_index(store)
        return
    events = {quad.subject for quad in (*gone, *new) if quad.predicate in (term["organizedBy"], term["heldIn"])}
    graph = ox.NamedNode(INDEX_GRAPH)

    def indexed(node: ox.NamedNode, predicate: str) -> set:
        return {quad.object for quad in store.quads_for_pattern(node, term[predicate], None, graph)}

    def attendees(event: ox.NamedNode) -> set:
        return {quad.subject for quad in store.quads_for_pattern(None, term["attended"], event, ox.DefaultGraph())}

    lost, gained = set(), {}  # events that lost a zone; the zones each event gained
    for event in events:
        before = indexed(event, "eventOfZone")
        after = {row["zone"] for row in store.query(EVENT_ZONES, substitutions={ox.Variable("event"): event},
                                                    prefixes=ontology.prefixes)}
        for zone in before - after:
            store.remove(ox.Quad(event, term["eventOfZone"], zone, graph))
        store.extend([ox.Quad(event, term["eventOfZone"], zone, graph) for zone in after - before])
        if before - after:
            lost.add(event)
        if after - before:
            gained[event] = after - before

    recomputed = {quad.subject for quad in gone if quad.predicate == term["attended"]}
    for event in lost:
        recomputed |= attendees(event)
    for person in recomputed:
        zones = {row["zone"] for row in store.query(PERSON_ZONES, substitutions={ox.Variable("person"): person},
                                                    prefixes=ontology.prefixes)}
        before = indexed(person, "visitedZone")
        for zone in before - zones:
            store.remove(ox.Quad(person, term["visitedZone"], zone, graph))
        store.extend([ox.Quad(person, term["visitedZone"], zone, graph) for zone in zones - before])
    event_zones = cache(lambda event: indexed(event, "eventOfZone"))  # an add brings many attendances per event
    visits = {(quad.subject, zone) for quad in new if quad.predicate == term["attended"]
              for zone in event_zones(quad.object)}
    visits |= {(person, zone) for event, zones in gained.items() for person in attendees(event) for zone in zones}
    store.extend([ox.Quad(person, term["visitedZone"], zone, graph) for person, zone in visits
                  if person not in recomputed])


def write_indexes(store: ox.Store) -> None:
    """(Re)compute every derived index of a writable Oxigraph store from its default graph."""
    ontology = load_ontology()
    for predicate in ("eventOfZone", "visitedZone", "foldedName"):
        ontology.term(predicate)  # refuses an ontology that does not declare the index predicates
    _write_zone_index(store)
    _write_name_index(store)


def drop_indexes(store: ox.Store) -> None:
    """Remove the derived indexes of a writable store (a copy of a generation, before its graph changes)."""
    for graph in INDEX_GRAPHS:
        store.remove_graph(ox.NamedNode(graph))


def is_index_quad(quad: ox.Quad) -> bool:
    return isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value in INDEX_GRAPHS


def _write_zone_index(store: ox.Store) -> None:
    """The zone-event index from scratch: the events' zones first, then the visits the people's attendance makes of
    them (a query reads a snapshot of the store, so the quads loaded meanwhile are not read back)."""
    ontology = load_ontology()
    graph = ox.NamedNode(INDEX_GRAPH)
    store.remove_graph(graph)
    for query, subject, predicate in ((ALL_EVENT_ZONES, "event", "eventOfZone"), (ALL_PERSON_ZONES, "person", "visitedZone")):
        term = ox.NamedNode(ontology.term(predicate))
        rows = store.query(query, prefixes=ontology.prefixes)
        _load(store, (ox.Quad(row[subject], term, row["zone"], graph) for row in rows))


def _load(store: ox.Store, quads: Iterable[ox.Quad]) -> None:
    """Bulk-load quads in batches of _BATCH (bounded memory); a quad given twice is stored once (a store is a set)."""
    batch: list[ox.Quad] = []
    for quad in quads:
        batch.append(quad)
        if len(batch) == _BATCH:
            store.bulk_extend(batch)
            batch = []
    store.bulk_extend(batch)


# ------------------------------------------------------------------ the name index

@cache
def _name_terms() -> tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]:
    ontology = load_ontology()
    return tuple(ox.NamedNode(ontology.term(name)) for name in ("name", "alias", "foldedName"))


@cache
def _name_markers() -> tuple[bytes, ...]:
    """What an N-Quads line of a name or alias holds (update_indexes parses only those lines)."""
    name, alias, _ = _name_terms()
    return (f" {name} ".encode(), f" {alias} ".encode())


def has_name_index(store: ox.Store) -> bool:
    """Whether the store's name index was written (every store with an entity has at least one key)."""
    return next(iter(store.quads_for_pattern(None, _name_terms()[2], None, ox.NamedNode(NAME_GRAPH))), None) is not None


def entities_keyed(store: ox.Store, key: str) -> list[str]:
    """The IRIs of the nodes a name or alias of which folds to ``key`` (kg.identity.folded_name), sorted."""
    folded = _name_terms()[2]
    return sorted({quad.subject.value for quad in store.quads_for_pattern(None, folded, ox.Literal(key),
                                                                         ox.NamedNode(NAME_GRAPH))})


def nearest_keys(store: ox.Store, query: str, limit: int) -> list[str]:
    """The ``limit`` keys nearest to ``query`` by kg.suggest's ranking, of those sharing a character with it.

    Every key is read once and tested in Python (reading them costs ~1.5 µs each at 100,000 articles; a SPARQL
    REGEX with the pattern bound as a variable cost ~40 µs a key)."""
    wanted = folded_name(query)
    if not wanted:
        return []
    sharing = re.compile("[" + re.escape("".join(sorted(set(wanted)))) + "]").search
    rows = store.query(f"SELECT DISTINCT ?key WHERE {{ GRAPH <{NAME_GRAPH}> {{ ?e <{_name_terms()[2].value}> ?key }} }}")
    return closest_forms(wanted, filter(sharing, (row["key"].value for row in rows)), limit)


def _keys(store: ox.Store, entity: ox.NamedNode) -> set[tuple[ox.NamedNode, str]]:
    """(entity, folded key) of every name and alias of ``entity`` in the default graph."""
    name, alias, _ = _name_terms()
    return {(quad.subject, folded_name(quad.object.value))
            for predicate in (name, alias)
            for quad in store.quads_for_pattern(entity, predicate, None, ox.DefaultGraph())}


def _index_quad(entity: ox.NamedNode, key: str) -> ox.Quad:
    return ox.Quad(entity, _name_terms()[2], ox.Literal(key), ox.NamedNode(NAME_GRAPH))


def _write_name_index(store: ox.Store) -> None:
    """Streamed in batches (bounded memory); a key two forms of one entity share is one quad (a store is a set)."""
    name, alias, _ = _name_terms()
    store.remove_graph(ox.NamedNode(NAME_GRAPH))
    _load(store, (_index_quad(quad.subject, folded_name(quad.object.value))
                  for predicate in (name, alias)
                  for quad in store.quads_for_pattern(None, predicate, None, ox.DefaultGraph())))


def _update_name_index(store: ox.Store, changed: list[ox.Quad]) -> None:
    """Re-key the entities whose name or alias quads changed; a store without the index gets it whole."""
    if not has_name_index(store):
        _write_name_index(store)
        return
    folded, graph = _name_terms()[2], ox.NamedNode(NAME_GRAPH)
    for entity in {quad.subject for quad in changed}:
        before = {(entity, quad.object.value) for quad in store.quads_for_pattern(entity, folded, None, graph)}
        after = _keys(store, entity)
        for entity_key in before - after:
            store.remove(_index_quad(*entity_key))
        store.extend([_index_quad(*entity_key) for entity_key in after - before])
