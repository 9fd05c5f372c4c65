"""CSV node and edge lists (``nodes.csv``, ``edges.csv`` in one folder) for pandas, R or spreadsheets.

UTF-8, RFC 4180 quoting, one header row.  Fixed columns come first; every other attribute of
the property-graph projection follows in name order, list values as JSON arrays (so
``json.loads`` gives them back exactly).  Edges get ``article_count``, the number of distinct
articles stating the fact.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from kg.export.files import ExportError, atomic_path

NODE_COLUMNS = ("id", "name", "class", "labels", "entity_type", "iri")
EDGE_COLUMNS = ("source", "target", "type", "key", "predicate", "title", "article_count")
NODES_FILE, EDGES_FILE = "nodes.csv", "edges.csv"


def _cell(value: object) -> object:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple, dict)) else value


def _write(target: Path, fixed: tuple[str, ...], rows: list[dict[str, object]]) -> None:
    extra = sorted({key for row in rows for key in row} - set(fixed))
    with atomic_path(target) as temporary, temporary.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*fixed, *extra])
        for row in rows:
            writer.writerow([_cell(row.get(column)) for column in (*fixed, *extra)])


def write_csv_folder(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """Write nodes.csv and edges.csv into ``folder`` (created when missing); returns both paths."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: CSV export writes two files (nodes.csv, edges.csv); give a folder, not a file")
    folder.mkdir(parents=True, exist_ok=True)
    nodes = [{**data, "id": node, "class": data["labels"][-1]} for node, data in g.nodes(data=True)]
    edges = [{**data, "source": u, "target": v, "key": key, "article_count": len(set(data.get("articles", ())))}
             for u, v, key, data in g.edges(keys=True, data=True)]
    _write(folder / NODES_FILE, NODE_COLUMNS, nodes)
    _write(folder / EDGES_FILE, EDGE_COLUMNS, edges)
    return [folder / NODES_FILE, folder / EDGES_FILE]
