"""GraphML and GEXF (Gephi, yEd, Cytoscape desktop) from the property-graph projection.

Both files carry the projection's attributes (lists as JSON text, since neither format has list
values) plus what graph tools look for: ``label`` (the entity's name; the relationship type on
edges) and ``class`` (the most specific ontology class).  GEXF nodes also get a ``viz:color``
by root class, the same colours as the HTML view, so Gephi opens with classes told apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.export.files import atomic_path
from kg.model import KnowledgeGraph
from kg.ontology import Ontology, load_ontology
from kg.property_graph import to_networkx, write_graphml

# Tableau 10: distinct, colour-blind-aware hues; root classes take them in the ontology's order.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")
ARTICLE_COLOUR = "#d3d3d3"


def property_graph(graph: KnowledgeGraph, ontology: Ontology | None = None, articles: bool = True) -> nx.MultiDiGraph:
    """The networkx projection of a (selected) graph; ``articles=False`` drops article nodes and MENTIONS edges."""
    g = to_networkx(graph, ontology or load_ontology())
    if not articles:
        g.remove_nodes_from([n for n, kind in g.nodes(data="entity_type") if kind == "Article"])
    return g


def class_colours(ontology: Ontology) -> dict[str, str]:
    """Root class label -> colour; articles are grey."""
    roots = [c.neo4j_label for c in ontology.classes if len(c.ancestors) == 1 and c.contract_type]
    colours = {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(sorted(roots))}
    colours[ontology.neo4j_label(ontology.term("Article"))] = ARTICLE_COLOUR
    return colours


def _flat(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple, dict, set)) else value


def _rgb(colour: str) -> dict[str, object]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0}


def _with_tool_attributes(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    tagged = g.copy()
    for _, data in tagged.nodes(data=True):
        data["label"], data["class"] = data["name"], data["labels"][-1]
    for _, _, data in tagged.edges(data=True):
        data["label"] = data["type"]
    return tagged


def write_graphml_file(g: nx.MultiDiGraph, target: Path, ontology: Ontology | None = None) -> None:
    with atomic_path(target, ".graphml") as temporary:
        write_graphml(_with_tool_attributes(g), temporary)


def write_gexf_file(g: nx.MultiDiGraph, target: Path, ontology: Ontology | None = None) -> None:
    colours = class_colours(ontology or load_ontology())
    tagged, flat = _with_tool_attributes(g), nx.MultiDiGraph()
    for node, data in tagged.nodes(data=True):
        attributes = {k: _flat(v) for k, v in data.items() if v is not None and k != "id"}
        attributes["viz"] = {"color": _rgb(colours.get(data["labels"][0], ARTICLE_COLOUR))}
        flat.add_node(node, **attributes)
    for u, v, key, data in tagged.edges(keys=True, data=True):
        # GEXF's own edge attribute "type" means directed/undirected, so the relationship type is renamed.
        attributes = {("relationship_type" if k == "type" else k): _flat(val) for k, val in data.items()
                      if val is not None}
        flat.add_edge(u, v, key=key, **attributes)
    with atomic_path(target, ".gexf") as temporary:
        nx.write_gexf(flat, temporary, encoding="utf-8")
