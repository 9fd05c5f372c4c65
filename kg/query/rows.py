"""Typed rows: backend values converted to the Python types a question's columns declare.

Both backends feed their raw values through ``typed_rows`` so that a SPARQL answer and a
Cypher answer compare equal: dates become ``datetime.date`` (a partial date such as "2024-05"
stays a string), integers ``int``, decimals ``float``; rows are de-duplicated and sorted by
their columns in order (missing values first), which fixes the order whatever the backend's
collation.
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from kg.query.catalogue import Column

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {XSD + name for name in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_FLOAT_TYPES = {XSD + name for name in ("decimal", "double", "float")}


def term_value(term: object) -> object:
    """A pyoxigraph term as a plain Python value (IRIs as str, typed literals as numbers/dates/bools)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGER_TYPES:
                return int(term.value)
            if datatype in _FLOAT_TYPES:
                return float(term.value)
            if datatype == XSD + "date":
                return date.fromisoformat(term.value)
        except ValueError:
            return term.value  # an ill-typed literal keeps its text
        if datatype == XSD + "boolean":
            return term.value == "true"
        return term.value
    return str(term)


def cast(value: object, kind: str) -> object:
    """One value as its column type; values that cannot be cast keep their own type."""
    if value is None:
        return None
    if kind == "date":
        if isinstance(value, date):
            return value
        text = str(value)
        try:
            return date.fromisoformat(text) if len(text) == 10 else text
        except ValueError:
            return text
    if kind == "int" and isinstance(value, (int, float, str)) and not isinstance(value, bool):
        try:
            return int(value)
        except ValueError:
            return value
    if kind == "float" and isinstance(value, (int, float, str)) and not isinstance(value, bool):
        try:
            return float(value)
        except ValueError:
            return value
    if kind == "string":
        return value.isoformat() if isinstance(value, date) else str(value)
    return value


def _sort_key(row: dict, columns: tuple[Column, ...]) -> tuple:
    key = []
    for column in columns:
        value = row.get(column.name)
        if value is None:
            key.append((0, 0, ""))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            key.append((1, value, ""))
        else:
            key.append((2, 0, value.isoformat() if isinstance(value, date) else str(value)))
    return tuple(key)


def typed_rows(raw: list[dict], columns: tuple[Column, ...]) -> list[dict]:
    """Rows restricted to the declared columns, cast, de-duplicated and sorted."""
    seen, rows = set(), []
    for record in raw:
        row = {c.name: cast(record.get(c.name), c.type) for c in columns}
        marker = tuple((k, repr(v)) for k, v in row.items())
        if marker not in seen:
            seen.add(marker)
            rows.append(row)
    return sorted(rows, key=lambda row: _sort_key(row, columns))
