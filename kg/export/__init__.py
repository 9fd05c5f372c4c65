"""Subgraph export for scripts: select around entities, get rdflib / networkx graphs or files.

    import kg.export
    sub = kg.export.subgraph(".kg/store", around=["格雷格·塞门扎"], hops=2, types=["Person", "Event"])
    g = kg.export.to_networkx(sub)             # networkx.MultiDiGraph (kg.property_graph shape)
    rdf = kg.export.to_rdflib(sub)             # rdflib.Graph (kg.rdf default graph)
    kg.export.write(sub, "gexf", "semenza.gexf")

``source`` is a KnowledgeGraph, an open kg.store.GraphStore or the path of a store folder.
Selection semantics: kg.export.selection; formats: kg.export.writers.FORMATS.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.export.files import ExportError
from kg.export.graph_formats import property_graph
from kg.export.rdf_formats import to_rdflib_graph
from kg.export.selection import AmbiguousEntityError, Selection, SelectionError, UnknownEntityError, find_entity, select
from kg.export.writers import FORMATS, write
from kg.model import KnowledgeGraph
from kg.ontology import Ontology

__all__ = [
    "FORMATS",
    "AmbiguousEntityError",
    "ExportError",
    "Selection",
    "SelectionError",
    "UnknownEntityError",
    "find_entity",
    "load_graph",
    "subgraph",
    "to_networkx",
    "to_rdflib",
    "write",
]


def load_graph(source: KnowledgeGraph | object | str | Path) -> KnowledgeGraph:
    """The KnowledgeGraph of a source: itself, an open GraphStore's, or a store folder's."""
    if isinstance(source, KnowledgeGraph):
        return source
    from kg.store import GraphStore

    if isinstance(source, GraphStore):
        return source.knowledge_graph()
    with GraphStore.open(Path(source)) as store:
        return store.knowledge_graph()


def subgraph(source, around: list[str] | tuple[str, ...], hops: int = 2, types: tuple[str, ...] = (),
             predicates: tuple[str, ...] = (), since: str | None = None, until: str | None = None,
             min_articles: int = 1, all_evidence: bool = False, ontology: Ontology | None = None,
             max_entities: int | None = None) -> KnowledgeGraph:
    """The neighbourhood of the ``around`` entities as a new KnowledgeGraph (see kg.export.selection)."""
    selection = Selection(tuple(around), hops, tuple(types), tuple(predicates), since, until, min_articles,
                          all_evidence, max_entities)
    if isinstance(source, KnowledgeGraph):
        return select(source, selection, ontology)
    # A store is cut with SPARQL: only the selected records are read, whatever the store's size.
    from kg.export.store_selection import select_from_store
    from kg.store import GraphStore

    if isinstance(source, GraphStore):
        return select_from_store(source, selection, ontology)
    with GraphStore.open(Path(source)) as store:
        return select_from_store(store, selection, ontology)


def _selected(source, around, selection: dict, ontology: Ontology | None) -> KnowledgeGraph:
    if around:
        return subgraph(source, around, ontology=ontology, **selection)
    if selection:
        raise SelectionError(f"{', '.join(sorted(selection))} select around entities: give around=[...] too")
    return load_graph(source)


def to_rdflib(source, around: list[str] | tuple[str, ...] = (), ontology: Ontology | None = None,
              **selection) -> Graph:
    """The RDF default graph of a subgraph (or of the whole source when ``around`` is empty)."""
    return to_rdflib_graph(_selected(source, around, selection, ontology), ontology)


def to_networkx(source, around: list[str] | tuple[str, ...] = (), articles: bool = True,
                ontology: Ontology | None = None, **selection) -> nx.MultiDiGraph:
    """The property graph of a subgraph (or of the whole source when ``around`` is empty)."""
    return property_graph(_selected(source, around, selection, ontology), ontology, articles)
