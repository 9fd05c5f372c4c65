"""The export formats: one name per format, each writing a file or a folder atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.export.csv_format import write_csv_folder
from kg.export.cypher import cypher_script
from kg.export.files import ExportError, write_text
from kg.export.graph_formats import property_graph, write_gexf_file, write_graphml_file
from kg.export.html import write_html_file
from kg.export.rdf_formats import write_rdf_file
from kg.model import KnowledgeGraph
from kg.ontology import Ontology, load_ontology


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    folder: bool = False  # writes several files into a folder rather than one file


FORMATS = {f.name: f for f in (
    Format("turtle", "RDF Turtle (default graph: entities, facts, articles, evidence)"),
    Format("ntriples", "RDF N-Triples (default graph)"),
    Format("jsonld", "JSON-LD with ontologies/context.jsonld (dataset, per-article named graphs included)"),
    Format("graphml", "GraphML for Gephi/yEd/Cytoscape (labels and classes as attributes, lists as JSON)"),
    Format("gexf", "GEXF for Gephi (labels, classes, colours by class)"),
    Format("csv", "nodes.csv and edges.csv in a folder (lists as JSON)", folder=True),
    Format("cypher", "Cypher script that recreates the subgraph (cypher-shell -f FILE)"),
    Format("html", "self-contained offline HTML page with an interactive graph"),
    Format("neo4j-import", "CSV files for neo4j-admin database import (kg.neo4j_import)", folder=True),
)}


def check_format(name: str) -> Format:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise ExportError(f"unknown format {name!r}; supported formats: {', '.join(FORMATS)}") from None


def _neo4j_import(graph, folder: Path, ontology: Ontology):
    """kg.neo4j_import's files, written in a staging folder and then renamed into place one by one."""
    from kg.neo4j_import import ImportFiles, write_import_files

    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder, prefix=".kg-export-"))
    try:
        staged = write_import_files(graph, staging, ontology)
        result = ImportFiles(folder.resolve(), nodes=staged.nodes, relationships=staged.relationships)
        moves = ((staged.node_files, result.node_files), (staged.relationship_files, result.relationship_files))
        for source, into in moves:
            for path in source:
                os.replace(path, result.directory / path.name)
                into.append(result.directory / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def write(graph: KnowledgeGraph, format_name: str, target: Path, centres: list[str] = (), title: str = "kg subgraph",
          articles: bool = True, ontology: Ontology | None = None) -> list[Path]:
    """Write the graph in a format to target (a file, or a folder for folder formats); returns what was written.

    ``articles=False`` leaves article nodes and MENTIONS edges out of the property-graph formats
    (RDF keeps them: they are what evidence is derived from).
    """
    fmt, ontology, target = check_format(format_name), ontology or load_ontology(), Path(target)
    if not fmt.folder and target.is_dir():
        raise ExportError(f"{target}: is a folder; format {fmt.name} writes one file")
    if fmt.name in ("turtle", "ntriples", "jsonld"):
        write_rdf_file(graph, target, fmt.name, ontology)
        return [target]
    g = property_graph(graph, ontology, articles=articles)
    if fmt.name == "graphml":
        write_graphml_file(g, target)
    elif fmt.name == "gexf":
        write_gexf_file(g, target, ontology)
    elif fmt.name == "cypher":
        write_text(target, cypher_script(g, ontology))
    elif fmt.name == "html":
        write_html_file(g, target, list(centres), title, ontology)
    elif fmt.name == "csv":
        return write_csv_folder(g, target)
    else:
        result = _neo4j_import(g, target, ontology)
        return [*result.node_files, *result.relationship_files]
    return [target]
