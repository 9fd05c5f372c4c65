"""Typed rows: backend values converted to the Python types a question's columns declare.

Both backends' answers go through one conversion (``typed_rows`` for Cypher's records,
``typed_solution_rows`` for pyoxigraph's solutions, read faster) so that a SPARQL answer and a
Cypher answer compare equal: dates become ``datetime.date`` (a partial date such as "2024-05"
stays a string), integers ``int``, decimals ``float``; rows are de-duplicated and sorted by
their columns in order (missing values first), which fixes the order whatever the backend's
collation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import pyoxigraph as ox

from kg.query.catalogue import Column
from kg.store_read import tsv_lines

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


def _sort_part(value: object) -> tuple:
    """One column's part of a row's sort key: missing values first, then numbers, then text and dates."""
    if value is None:
        return (0, 0, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (1, value, "")
    return (2, 0, value.isoformat() if isinstance(value, date) else str(value))


def typed_solution_rows(solutions: ox.QuerySolutions, columns: tuple[Column, ...]) -> list[dict]:
    """``typed_rows`` of pyoxigraph solutions: the same rows in the same order, read faster.

    pyoxigraph makes a Python object of every value a solution is asked for (about 1 µs each), so the solutions
    are serialised by pyoxigraph as SPARQL TSV (one text, each term in Turtle syntax) and split; answers repeat
    their terms (a zone's name on every row of the zone), so each column turns each distinct cell into its term,
    value, de-duplication marker and sort key once.  A 80,000-row answer's rows cost 0.3 s instead of 1 s."""
    lines = tsv_lines(solutions)
    names = [name[1:] for name in lines[0].split("\t")]  # "?name"
    positions = [names.index(c.name) for c in columns]
    caches: list[dict] = [{} for _ in columns]
    plan = list(zip(positions, [c.type for c in columns], caches))

    def rows() -> Iterator[tuple[tuple, list, tuple]]:
        for line in lines[1:]:
            cells = line.split("\t")
            values, marker, key = [], [], []
            for position, kind, cache in plan:
                cell = cells[position]
                known = cache.get(cell)
                if known is None:
                    value = cast(term_value(_tsv_term(cell)), kind)
                    known = cache[cell] = (value, repr(value), _sort_part(value))
                values.append(known[0])
                marker.append(known[1])
                key.append(known[2])
            yield tuple(marker), values, tuple(key)

    return _distinct_sorted(rows(), columns)


def _distinct_sorted(rows: Iterable[tuple[tuple, list, tuple]], columns: tuple[Column, ...]) -> list[dict]:
    """(marker, values, sort key) per row: the first row of each marker (the values' reprs), sorted by key, as dicts
    of the columns (the de-duplication and order both backends share)."""
    seen: dict[tuple, tuple[list, tuple]] = {}
    for marker, values, key in rows:
        seen.setdefault(marker, (values, key))
    names = [c.name for c in columns]
    return [dict(zip(names, values)) for values, _ in sorted(seen.values(), key=lambda item: item[1])]


def _tsv_term(cell: str) -> object:
    """The term of one SPARQL TSV cell (Turtle syntax; empty when unbound)."""
    if not cell:
        return None
    if cell[0] == '"' and cell[-1] == '"' and len(cell) > 1 and "\\" not in cell:
        return ox.Literal(cell[1:-1])  # a plain string without escapes: inside the quotes is the value
    if cell.startswith("_:"):
        return ox.BlankNode(cell[2:])
    triple = "<urn:kg:s> <urn:kg:p> " + cell + " ."
    return next(iter(ox.parse(triple.encode("utf-8"), format=ox.RdfFormat.TURTLE))).object


def typed_rows(raw: list[dict], columns: tuple[Column, ...]) -> list[dict]:
    """Rows restricted to the declared columns, cast, de-duplicated and sorted."""
    def rows() -> Iterator[tuple[tuple, list, tuple]]:
        for record in raw:
            values = [cast(record.get(c.name), c.type) for c in columns]
            yield tuple(map(repr, values)), values, tuple(map(_sort_part, values))

    return _distinct_sorted(rows(), columns)
