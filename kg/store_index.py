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
instead for what changed: the events whose organiser or venue changed, and the people who attend
them or whose attendance changed; a change of any locatedIn fact, or a zone or place gone, recomputes
it whole (the transitive rule reaches every event held below it).  kg.ttl declares the predicates.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.ontology import load_ontology

INDEX_GRAPH = "https://kg-zones.org/index"

# Each branch starts from its selective pattern; LATERAL (Oxigraph's SEP-0006) keeps the lookup of the
# events held in a park or a place per park/place instead of joining every heldIn triple by hash.
INDEX_UPDATE = f"""
DROP SILENT GRAPH <{INDEX_GRAPH}> ;
INSERT {{ GRAPH <{INDEX_GRAPH}> {{ ?event kg:eventOfZone ?zone }} }}
WHERE {{
  {{ ?event kg:organizedBy ?zone . ?zone a kg:Zone }}
  UNION {{ ?event kg:heldIn ?zone . ?zone a kg:Zone }}
  UNION {{ ?park a kg:Zone ; kg:locatedIn+ ?zone . ?zone a kg:Zone . LATERAL {{ ?event kg:heldIn ?park }} }}
  UNION {{ ?zone a kg:Zone ; kg:locatedIn ?place . ?place a kg:Place . LATERAL {{ ?event kg:heldIn ?place }} }}
}} ;
INSERT {{ GRAPH <{INDEX_GRAPH}> {{ ?person kg:visitedZone ?zone }} }}
WHERE {{ GRAPH <{INDEX_GRAPH}> {{ ?event kg:eventOfZone ?zone }} ?person kg:attended ?event }}
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
    everything).  Only the lines of the predicates the rule reads are parsed."""
    ontology = load_ontology()
    term = {name: ox.NamedNode(ontology.term(name)) for name in (
        "locatedIn", "organizedBy", "heldIn", "attended", "Zone", "Place", "eventOfZone", "visitedZone")}
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    read = tuple(f" {term[name]} ".encode() for name in ("locatedIn", "organizedBy", "heldIn", "attended"))
    placed = tuple(f" {rdf_type} {term[name]} ".encode() for name in ("Zone", "Place"))

    def parsed(lines: list[bytes], also: tuple[bytes, ...] = ()) -> list[ox.Quad]:
        wanted = [line for line in lines if any(marker in line for marker in read + also)]
        return list(ox.parse(b"".join(line + b"\n" for line in wanted), ox.RdfFormat.N_QUADS)) if wanted else []

    gone, new = parsed(removed, placed), parsed(added)
    events, people = set(), set()
    for quad in (*gone, *new):
        if quad.predicate == term["locatedIn"]:
            write_indexes(store)
            return
        if quad.predicate in (term["organizedBy"], term["heldIn"]):
            events.add(quad.subject)
        elif quad.predicate == term["attended"]:
            people.add(quad.subject)
    if any(quad.predicate == rdf_type and quad.object in (term["Zone"], term["Place"]) for quad in gone):
        write_indexes(store)
        return
    graph = ox.NamedNode(INDEX_GRAPH)

    def replace(nodes: set, predicate: str, query: str, variable: str) -> None:
        """The index triples of ``nodes`` by ``predicate`` recomputed, written in one transaction."""
        fresh = [ox.Quad(node, term[predicate], row["zone"], graph) for node in nodes
                 for row in store.query(query, substitutions={ox.Variable(variable): node}, prefixes=ontology.prefixes)]
        for node in nodes:
            for quad in list(store.quads_for_pattern(node, term[predicate], None, graph)):
                store.remove(quad)
        store.extend(fresh)

    replace(events, "eventOfZone", EVENT_ZONES, "event")  # first: the people's zones are read from it
    for event in events:
        people |= {quad.subject for quad in store.quads_for_pattern(None, term["attended"], event, ox.DefaultGraph())}
    replace(people, "visitedZone", PERSON_ZONES, "person")


def write_indexes(store: ox.Store) -> None:
    """(Re)compute every derived index of a writable Oxigraph store from its default graph."""
    ontology = load_ontology()
    for predicate in ("eventOfZone", "visitedZone"):
        ontology.term(predicate)  # refuses an ontology that does not declare the index predicates
    store.update(INDEX_UPDATE, prefixes=ontology.prefixes)


def drop_indexes(store: ox.Store) -> None:
    """Remove the derived indexes of a writable store (a copy of a generation, before its graph changes)."""
    store.remove_graph(ox.NamedNode(INDEX_GRAPH))


def is_index_quad(quad: ox.Quad) -> bool:
    return isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value == INDEX_GRAPH
