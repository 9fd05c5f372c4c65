"""Turtle, N-Triples and JSON-LD, through kg.rdf's projection of the selected graph.

Turtle and N-Triples hold the default graph (entities, facts, roles, articles, evidence);
JSON-LD holds the whole dataset, named graphs per article included, compacted with
ontologies/context.jsonld — exactly what ``kg build --out`` writes for the whole graph.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.export.files import atomic_path
from kg.model import KnowledgeGraph
from kg.ontology import Ontology, load_ontology
from kg.rdf import serialise, to_dataset

#: export format name -> the suffix kg.rdf.serialise chooses its serialisation by
SUFFIXES = {"turtle": ".ttl", "ntriples": ".nt", "jsonld": ".jsonld"}


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
    dataset = to_dataset(graph, ontology or load_ontology())
    with atomic_path(target, SUFFIXES[rdf_format]) as temporary:
        serialise(dataset, temporary)
