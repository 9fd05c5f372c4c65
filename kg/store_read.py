"""Reading parts of the store with SPARQL: VALUES blocks of store IRIs, chunks, triples indexed for kg.rdf.from_graph.

Shared by the readers that must not load the whole store (kg.export.store_selection, kg.neo4j_rows).
Only IRIs read from the store enter query text, as VALUES blocks: pyoxigraph validates them and
``str(NamedNode)`` is their N-Triples form, which cannot leave the brackets.  User text is always
bound by substitution instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg import batching

IRIS_PER_QUERY = 2000  # IRIs in one VALUES block


def values(iris: Iterable[str]) -> str:
    """The body of a VALUES block for these IRIs."""
    return " ".join(str(ox.NamedNode(value)) for value in iris)


def chunked(items: Iterable, size: int = IRIS_PER_QUERY) -> Iterator[list]:
    """``items`` in lists of one VALUES block each."""
    return batching.chunked(items, size)


def tsv_lines(solutions: ox.QuerySolutions) -> list[str]:
    """pyoxigraph's SPARQL TSV of the solutions as lines: the header (``?name`` per column), then a line per row (TSV
    escapes line ends inside terms)."""
    text = solutions.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")
    return text[:-1].split("\n") if text.endswith("\n") else text.split("\n")


def iri_rows(solutions: ox.QuerySolutions) -> list[tuple[str, ...]]:
    """The rows of a SELECT whose every cell is an IRI, as tuples of IRI strings.

    Read from pyoxigraph's TSV serialisation: asking a solution for its values builds a Python
    object per value (~1.2 µs each), which costs more than the query for the 100,000s of rows an
    export's joins read.  An IRI in TSV is ``<iri>`` and holds no tab or line break."""
    return [tuple(cell[1:-1] for cell in line.split("\t")) for line in tsv_lines(solutions)[1:] if line]


class TripleIndex:
    """pyoxigraph triples as the part of an rdflib Graph that kg.rdf.from_graph reads, with rdflib terms.

    Parsing the triples' N-Triples with rdflib cost ~30 µs a triple (a minute for the 500,000 triples of a
    person's 1-hop export); indexing them here costs a dictionary entry each, and each distinct term is
    made once.  Terms are those rdflib's N-Triples parser makes: a plain literal has no datatype.
    """

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        terms: dict[object, object] = {}

        def term(value: object) -> object:
            known = terms.get(value)
            if known is None:
                known = terms[value] = _rdflib_term(value)
            return known

        self._objects: dict[object, dict[object, dict[object, None]]] = {}   # s -> p -> objects (ordered set)
        self._subjects: dict[tuple, dict[object, None]] = {}                 # (p, o) -> subjects
        self._by_predicate: dict[object, dict[object, None]] = {}            # p -> subjects
        for triple in triples:
            s, p, o = term(triple.subject), term(triple.predicate), term(triple.object)
            self._objects.setdefault(s, {}).setdefault(p, {})[o] = None
            self._subjects.setdefault((p, o), {})[s] = None
            self._by_predicate.setdefault(p, {})[s] = None

    def subjects(self, predicate: URIRef, obj: object = None) -> Iterator[object]:
        return iter(list(self._by_predicate.get(predicate, ()) if obj is None
                         else self._subjects.get((predicate, obj), ())))

    def objects(self, subject: object, predicate: URIRef) -> Iterator[object]:
        return iter(list(self._objects.get(subject, {}).get(predicate, ())))

    def predicate_objects(self, subject: object) -> Iterator[tuple[object, object]]:
        return iter([(p, o) for p, objects in self._objects.get(subject, {}).items() for o in objects])

    def value(self, subject: object, predicate: URIRef, default: object = None) -> object:
        return next(iter(self._objects.get(subject, {}).get(predicate, ())), default)


_XSD_STRING = str(XSD.string)


def _rdflib_term(term: object) -> object:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise ValueError(f"{term}: the store holds no blank nodes or quoted triples")
