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
from.  kg.ttl declares the predicates.
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
