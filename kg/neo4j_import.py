"""Bulk path for big first loads: CSV files for ``neo4j-admin database import full``.

One node file per label set and one relationship file per relationship type, each
with a typed header (``id:ID``, ``aliases:string[]``, ``edition:long`` …), so the
offline importer writes a ready store far faster than any transactional push.
Names are vetted against the ontology exactly as for ``kg push``.  Array values are
separated by U+001F (a control character that news text does not contain; a value
that does is refused rather than silently split).
"""

from __future__ import annotations

import csv
import json
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.neo4j_push import PushError, Vocabulary, neo4j_value
from kg.ontology import Ontology, load_ontology

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"

# Python value type -> neo4j-admin header type
_SCALAR_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


@dataclass
class ImportFiles:
    """What ``write_import_files`` wrote, and how to load it."""

    directory: Path
    node_files: list[Path] = field(default_factory=list)
    relationship_files: list[Path] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0

    def command(self, database: str = "neo4j", admin: str = "neo4j-admin") -> list[str]:
        """The ``neo4j-admin database import full`` argument list (run with the server stopped)."""
        # The database goes first: --nodes/--relationships take several files and would swallow it.
        return [*shlex.split(admin), "database", "import", "full", database,
                f"--array-delimiter={ARRAY_DELIMITER_OPTION}", "--multiline-fields=true",
                "--overwrite-destination=true",
                *(f"--nodes={path}" for path in self.node_files),
                *(f"--relationships={path}" for path in self.relationship_files)]


def _header_type(values: list[object]) -> str:
    """The neo4j-admin type that holds every value of one property column."""
    is_list = [isinstance(v, list) for v in values]
    if any(is_list) and not all(is_list):
        return "string"  # mixed scalars and lists: stored as text
    items = [item for v in values for item in v] if all(is_list) else values
    kinds = {type(item) for item in items}
    if kinds == {int, float}:
        kinds = {float}
    base = _SCALAR_TYPES.get(kinds.pop(), "string") if len(kinds) == 1 else "string"
    return base + "[]" if all(is_list) else base


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def _cell(value: object, header_type: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, list):
        return _scalar(value)
    if not header_type.endswith("[]"):
        return json.dumps(value, ensure_ascii=False)
    parts = [_scalar(item) for item in value]
    if any(ARRAY_DELIMITER in part for part in parts):
        raise PushError(f"a list value contains the array delimiter U+001F: {value!r}")
    return ARRAY_DELIMITER.join(parts)


def _write_table(path: Path, fixed: list[str], rows: list[tuple[list[str], dict[str, object]]]) -> None:
    """Write rows of (fixed cells, properties) under a typed header covering every property seen."""
    keys = sorted({key for _, props in rows for key in props})
    types = {key: _header_type([props[key] for _, props in rows if key in props]) for key in keys}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*fixed, *(f"{key}:{types[key]}" for key in keys)])
        for cells, props in rows:
            writer.writerow([*cells, *(_cell(props.get(key), types[key]) for key in keys)])


def write_import_files(g: nx.MultiDiGraph, directory: Path, ontology: Ontology | None = None) -> ImportFiles:
    """Write node and relationship CSV files for the offline importer into ``directory``."""
    vocabulary = Vocabulary.from_ontology(ontology or load_ontology())
    directory.mkdir(parents=True, exist_ok=True)
    result = ImportFiles(directory.resolve())
    node_rows: dict[tuple[str, ...], list] = {}
    for node, data in g.nodes(data=True):
        labels = tuple(data["labels"])
        vocabulary.root_of(list(labels))
        for label in labels:
            vocabulary.label(label)
        props = {k: neo4j_value(v) for k, v in data.items() if k not in ("labels", "id") and v is not None}
        node_rows.setdefault(labels, []).append(([str(data.get("id", node)), ARRAY_DELIMITER.join(labels)], props))
    for labels, rows in sorted(node_rows.items()):
        path = result.directory / f"nodes-{'-'.join(labels)}.csv"
        _write_table(path, ["id:ID", ":LABEL"], rows)
        result.node_files.append(path)
        result.nodes += len(rows)
    ids = {node: str(data.get("id", node)) for node, data in g.nodes(data=True)}
    rel_rows: dict[str, list] = {}
    for start, end, key, data in g.edges(keys=True, data=True):
        rel_type = str(data["type"])
        vocabulary.relationship_type(rel_type)
        props = {k: neo4j_value(v) for k, v in data.items() if v is not None}
        props["key"] = str(key)
        rel_rows.setdefault(rel_type, []).append(([ids[start], ids[end], rel_type], props))
    for rel_type, rows in sorted(rel_rows.items()):
        path = result.directory / f"relationships-{rel_type}.csv"
        _write_table(path, [":START_ID", ":END_ID", ":TYPE"], rows)
        result.relationship_files.append(path)
        result.relationships += len(rows)
    return result
