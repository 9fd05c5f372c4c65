"""SPARQL on the embedded Oxigraph store: named questions, raw queries, and the read-only guard.

Values are bound with pyoxigraph substitutions (never pasted into the text).  Whether a text is
a query or an update, and which servers it would contact, is read from its parse tree (rdflib's
SPARQL parser), not by looking for keywords that a comment, a string or a ``\\u`` escape
defeats; the store itself is also opened read-only, so an update that slipped through would
still fail.  pyoxigraph follows ``SERVICE <http://...>`` (and an update's ``LOAD <http://...>``)
with real HTTP requests, so both are refused unless the caller allows it (``--allow-service``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from pyparsing import ParseResults
from rdflib.plugins.sparql import parser as sparql_parser
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

from kg.query.catalogue import SPARQL_PARAM_PREFIX, Question
from kg.query.rows import term_value, typed_solution_rows
from kg.store import rdf_term


class ReadOnlyError(PermissionError):
    """A write (SPARQL update, Cypher write) was sent without permission to write."""


class QuerySyntaxError(ValueError):
    """The text is neither a valid query nor a valid update."""


class ServiceRefusedError(PermissionError):
    """The text would make this process contact other servers (SERVICE, LOAD) and that was not allowed."""


@dataclass(frozen=True)
class ParsedSparql:
    """What a parser reads in a SPARQL text: query or update, and the servers it would contact."""

    kind: str  # "query" or "update"
    fetches: tuple[str, ...]  # each SERVICE or LOAD with its target as written: "SERVICE <http://…>", "SERVICE ?var"

    def refuse_fetches(self, allow_service: bool) -> None:
        """ServiceRefusedError when the text has a SERVICE or LOAD and ``allow_service`` is off."""
        if self.fetches and not allow_service:
            raise ServiceRefusedError(
                f"refused: {', '.join(self.fetches)} would send requests from this machine to other servers; "
                "pass --allow-service to run federated queries")


# rdflib's grammar is a pyparsing object shared by the whole process, and pyparsing rewires each parse
# action on its first calls (it probes the action's arity): concurrent first parses leave the grammar
# broken for good ("<lambda>() missing 1 required positional argument").  One parse at a time.
_PARSER_LOCK = threading.Lock()


def parse_sparql(text: str) -> ParsedSparql:
    """Parse ``text`` as a SPARQL 1.1 query, else as an update (thread-safe); QuerySyntaxError when neither parses."""
    with _PARSER_LOCK:
        try:
            tree, kind = sparql_parser.parseQuery(text), "query"
        except Exception as query_error:  # pyparsing raises ParseException and friends
            try:
                tree, kind = sparql_parser.parseUpdate(text), "update"
            except Exception:
                raise QuerySyntaxError(f"not a valid SPARQL query or update: {query_error}") from None
    return ParsedSparql(kind, tuple(_fetches(tree)))


def _fetches(node: object) -> Iterator[str]:
    """Every SERVICE (nested groups, FILTER EXISTS, subqueries, update patterns) and LOAD in a parse tree."""
    if isinstance(node, CompValue):
        fields = dict(node)  # CompValue.get answers a missing key with the key itself
        if node.name == "ServiceGraphPattern":
            yield "SERVICE " + _written(fields.get("term"))
        elif node.name == "Load":
            yield "LOAD " + _written(fields.get("iri"))
        for value in fields.values():
            yield from _fetches(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _fetches(value)


def _written(term: object) -> str:
    if isinstance(term, Variable):
        return f"?{term}"
    if isinstance(term, CompValue):  # a prefixed name, left unresolved by the parser
        fields = dict(term)
        return f"{fields.get('prefix') or ''}:{fields.get('localname') or ''}"
    return f"<{term}>"


def sparql_kind(text: str) -> str:
    """"query" or "update", as a SPARQL 1.1 parser reads the text; QuerySyntaxError when neither parses."""
    return parse_sparql(text).kind


@dataclass
class SparqlResult:
    """What a raw query returned: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str]
    rows: list[dict]
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None


def run_query(store: ox.Store, text: str, bindings: dict[str, object] | None = None, *,
              allow_write: bool = False, allow_service: bool = False) -> SparqlResult:
    """Run a raw SPARQL query; ``bindings`` name projected variables (pyoxigraph substitution).

    ServiceRefusedError for a SERVICE clause unless ``allow_service``; ReadOnlyError for an update unless ``allow_write``.
    """
    parsed = parse_sparql(text)
    parsed.refuse_fetches(allow_service)
    if parsed.kind == "update":
        if not allow_write:
            raise ReadOnlyError("this is a SPARQL update and the graph is opened read-only; "
                                "pass --allow-write (kg sparql) to change the store")
        store.update(text)
        return SparqlResult("update", [], [])
    # A fresh frame for the results: the parser's cached exceptions keep the frames on the stack during
    # parsing alive, and pyoxigraph results must be dropped on the thread that made them, not by a later
    # garbage collection on another thread (kg serve answers on several).
    return _select(store, text, bindings)


def _select(store: ox.Store, text: str, bindings: dict[str, object] | None) -> SparqlResult:
    substitutions = {ox.Variable(name): rdf_term(value) for name, value in (bindings or {}).items()}
    try:
        result = store.query(text, substitutions=substitutions)
    except SyntaxError as error:
        raise QuerySyntaxError(f"SPARQL syntax error: {error}") from None
    except RuntimeError as error:  # e.g. a bound variable that is not in the projection
        raise QuerySyntaxError(str(error)) from None
    if isinstance(result, ox.QueryBoolean):
        return SparqlResult("ask", [], [], boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return SparqlResult("select", names, [{n: term_value(row[n]) for n in names} for row in result])
    return SparqlResult("graph", ["subject", "predicate", "object"], [], triples=list(result))


def ask(store: ox.Store, question: Question, values: dict[str, object]) -> list[dict]:
    """A named question's rows (typed, sorted) on an Oxigraph store."""
    bound = question.bind(values)
    substitutions = {ox.Variable(SPARQL_PARAM_PREFIX + name): rdf_term(value) for name, value in bound.items()}
    result = store.query(question.text("sparql", bound), substitutions=substitutions)
    names = [v.value for v in result.variables]
    missing = [c.name for c in question.columns if c.name not in names]
    if missing:
        raise QuerySyntaxError(f"{question.name}.rq does not select the declared column(s) {', '.join(missing)}")
    return typed_solution_rows(result, question.columns)


def current_generation(root: Path) -> Path:
    """The Oxigraph folder of a store's current generation (see kg.store for the layout)."""
    from kg.store import MARKER, StoreError

    try:
        marker = json.loads((Path(root) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{root}: no readable kg store marker: {error}") from None
    return Path(root) / marker["generation"] / "oxigraph"


def update_store(root: Path, text: str, *, allow_service: bool = False) -> None:
    """Apply a SPARQL update to the current generation, holding the store's build lock meanwhile.

    The next ``kg build`` rebuilds the graph from the stored articles and drops such edits.
    """
    from kg.store import StoreWriter
    from kg.store_index import write_indexes

    parsed = parse_sparql(text)
    if parsed.kind != "update":
        raise QuerySyntaxError("not a SPARQL update")
    parsed.refuse_fetches(allow_service)
    with StoreWriter(Path(root)) as writer:
        store = ox.Store(str(current_generation(root)))
        store.update(text)
        write_indexes(store)  # the derived index follows the edited facts
        store.flush()
        del store
        writer.forget_quad_count()
