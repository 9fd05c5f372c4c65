"""A self-contained HTML page with an interactive graph view, for people without Neo4j or Gephi.

One file, no network access: the vis-network library (vendor/, with its licences) and the data
are inlined.  Entities are nodes coloured by root class with their names as captions; facts are
arrows labelled with their predicate; hovering over either shows the evidence sentences with
the article headlines, click keeps them in the side panel.  Articles are not drawn as nodes:
they appear in the evidence text.  The data sits in a JSON block and reaches the page only
through textContent, so article text can never inject markup or script.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx

from kg.export.files import ExportError, write_text
from kg.export.graph_formats import class_colours
from kg.ontology import Ontology, load_ontology

PACKAGE = Path(__file__).resolve().parent
TEMPLATE = PACKAGE / "page.html"
LIBRARY = PACKAGE / "vendor" / "vis-network.min.js"
MAX_EVIDENCE = 8
_PLACEHOLDER = re.compile(r"__KG_(TITLE|DATA|LIBRARY)__")
_SKIPPED = ("labels", "id", "iri", "name", "entity_type", "aliases", "honors", "articles", "evidence", "methods",
            "starts", "ends", "confidences")


def _evidence_lines(data: dict, headlines: dict[str, str]) -> list[str]:
    records, seen = [], set()
    for record in zip(data.get("articles", ()), data.get("evidence", ()), data.get("methods", ()),
                      data.get("confidences", ()), strict=True):
        if record[:2] not in seen:  # several mentions in one sentence: show the sentence once
            seen.add(record[:2])
            records.append(record)
    lines = [f"• 《{headlines.get(a, a)}》 {sentence.strip()}  [{method}, {confidence:.2f}]"
             for a, sentence, method, confidence in records[:MAX_EVIDENCE]]
    if len(records) > MAX_EVIDENCE:
        lines.append(f"… and {len(records) - MAX_EVIDENCE} more")
    articles = len(set(data.get("articles", ())))
    return [f"Evidence ({articles} article{'s' if articles != 1 else ''}):", *lines] if records else []


def _node_hover(data: dict, headlines: dict[str, str]) -> str:
    lines = [data["name"], " / ".join(data["labels"])]
    if data.get("honors"):
        lines.append("honours: " + ", ".join(data["honors"]))
    if data.get("aliases"):
        lines.append("aliases: " + ", ".join(data["aliases"]))
    lines += [f"{key}: {value}" for key, value in sorted(data.items()) if key not in _SKIPPED and value is not None]
    lines.append(f"id: {data['id']}")
    return "\n".join(lines + _evidence_lines(data, headlines))


def _edge_caption(data: dict) -> str:
    return f"{data['predicate']}: {data['title']}" if data.get("title") else data["predicate"]


def page_data(g: nx.MultiDiGraph, centres: list[str], title: str, ontology: Ontology) -> dict:
    """What the page script draws: nodes, edges, legend, title (all plain text)."""
    colours = class_colours(ontology)
    headlines = {data["id"][len("article/"):]: data["name"] for _, data in g.nodes(data=True)
                 if data["entity_type"] == "Article"}
    entities = {node: data for node, data in g.nodes(data=True) if data["entity_type"] != "Article"}
    nodes = [{"id": node, "name": data["name"], "group": data["labels"][0], "centre": node in centres,
              "colour": colours.get(data["labels"][0], "#cccccc"),
              "border": "#222222" if node in centres else "#555555", "hover": _node_hover(data, headlines)}
             for node, data in sorted(entities.items())]
    edges = []
    for u, v, data in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"], e[2].get("title") or "")):
        if u in entities and v in entities:
            hover = [f"{entities[u]['name']} —{_edge_caption(data)}→ {entities[v]['name']}", f"type: {data['type']}",
                     *_evidence_lines(data, headlines)]
            edges.append({"from": u, "to": v, "label": _edge_caption(data), "hover": "\n".join(hover),
                          "articles": len(set(data.get("articles", ())))})
    counts = Counter(n["group"] for n in nodes)
    legend = [{"label": label, "colour": colours.get(label, "#cccccc"), "count": counts[label]}
              for label in sorted(counts)]
    summary = (f"{len(nodes)} entities, {len(edges)} facts from {len(headlines)} article(s). "
               "Hover for evidence; drag to move; scroll to zoom.")
    return {"title": title, "summary": summary, "legend": legend, "nodes": nodes, "edges": edges}


def _script_safe_json(value: object) -> str:
    # Inside <script>, "</script>" or "<!--" in a string would end or confuse the block; escaped, JSON is unchanged.
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(g: nx.MultiDiGraph, centres: list[str], title: str, ontology: Ontology | None = None) -> str:
    library = LIBRARY.read_text(encoding="utf-8")
    if re.search(r"</script|<!--", library, re.IGNORECASE):
        raise ExportError(f"{LIBRARY}: the vendored library contains '</script' or '<!--' and cannot be inlined")
    values = {"TITLE": html.escape(title), "LIBRARY": library,
              "DATA": _script_safe_json(page_data(g, centres, title, ontology or load_ontology()))}
    # One pass, so a placeholder-like string inside the data or the library is never substituted.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))


def write_html_file(g: nx.MultiDiGraph, target: Path, centres: list[str], title: str,
                    ontology: Ontology | None = None) -> None:
    write_text(target, render_html(g, centres, title, ontology))
