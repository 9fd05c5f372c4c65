"""Reading parts of the store with SPARQL: VALUES blocks of store IRIs, chunks, small rdflib graphs.

Shared by the readers that must not load the whole store (kg.export.store_selection, kg.neo4j_rows).
Only IRIs read from the store enter query text, as VALUES blocks: pyoxigraph validates them and
``str(NamedNode)`` is their N-Triples form, which cannot leave the brackets.  User text is always
bound by substitution instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Graph

from kg import batching

IRIS_PER_QUERY = 2000  # IRIs in one VALUES block


def values(iris: Iterable[str]) -> str:
    """The body of a VALUES block for these IRIs."""
    return " ".join(str(ox.NamedNode(value)) for value in iris)


def chunked(items: Iterable, size: int = IRIS_PER_QUERY) -> Iterator[list]:
    """``items`` in lists of one VALUES block each."""
    return batching.chunked(items, size)


def rdflib_graph(triples: Iterable[ox.Triple]) -> Graph:
    """pyoxigraph triples as an rdflib Graph, through N-Triples (the path GraphStore.graph takes)."""
    graph = Graph()
    data = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph
