"""Turtle, N-Triples and JSON-LD, through kg.rdf's projection of the selected graph.

Turtle and N-Triples hold the default graph (entities, facts, roles, articles, evidence);
JSON-LD holds the whole dataset, named graphs per article included, compacted with
ontologies/context.jsonld — exactly what ``kg build --out`` writes for the whole graph.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.export.files import atomic_path
from kg.model import KnowledgeGraph
from kg.ontology import Ontology, load_ontology
from kg.rdf import serialise, to_dataset, to_nquads

#: export format name -> the suffix kg.rdf.serialise chooses its serialisation by
SUFFIXES = {"turtle": ".ttl", "ntriples": ".nt", "jsonld": ".jsonld"}
_OXIGRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}


def to_rdflib_graph(graph: KnowledgeGraph, ontology: Ontology | None = None) -> Graph:
    """The default graph of the RDF projection, with the ontology's prefixes bound."""
    dataset = to_dataset(graph, ontology or load_ontology())
    result = Graph()
    for prefix, namespace in dataset.namespaces():
        result.bind(prefix, namespace)
    for triple in dataset.default_graph:
        result.add(triple)
    return result


def write_rdf_file(graph: KnowledgeGraph, target: Path, rdf_format: str, ontology: Ontology | None = None) -> None:
    ontology = ontology or load_ontology()
    with atomic_path(target, SUFFIXES[rdf_format]) as temporary:
        if rdf_format not in _OXIGRAPH_FORMATS:  # JSON-LD compaction with kg's context is rdflib's
            serialise(to_dataset(graph, ontology), temporary)
            return
        # The same quads through the build's N-Quads projection and an in-memory Oxigraph store: an rdflib
        # Dataset costs ~20 µs a quad to fill and serialise, minutes for a subgraph of 500,000 triples.
        # The store also drops the quads a projection repeats (an honour's labels), as the rdflib graph did.
        store = ox.Store()
        store.load(b"".join(text.encode("utf-8") for _, _, text, _ in to_nquads(graph, ontology) if text),
                   format=ox.RdfFormat.N_QUADS)
        store.dump(str(temporary), format=_OXIGRAPH_FORMATS[rdf_format], from_graph=ox.DefaultGraph(),
                   prefixes=ontology.prefixes)
