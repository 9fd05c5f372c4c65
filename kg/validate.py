"""SHACL validation (pySHACL) of a built graph against ontologies/shapes.ttl, reported readably."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.ontology import OntologyError, load_ontology
from kg.settings import ONTOLOGY_DIR

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    severity: str  # Violation, Warning, Info
    focus: str  # readable: name (IRI) of the focus node
    path: str | None
    value: str | None
    message: str
    shape: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {self.focus}{where}{value}: {self.message}"


def load_shapes(path: Path | None = None) -> Graph:
    path = Path(path or SHAPES_FILE)
    shapes = Graph()
    try:
        shapes.parse(path, format="turtle")
    except FileNotFoundError:
        raise OntologyError(f"{path}: shapes file not found") from None
    except Exception as error:  # any rdflib parser error means the shapes file is broken
        raise OntologyError(f"{path}: shapes do not parse: {error}") from None
    return shapes


def _readable(data: Graph, term, prefixes: dict[str, str]) -> str | None:
    if term is None:
        return None
    if isinstance(term, Literal):
        return repr(str(term)) if term.datatype is None else f"{str(term)!r}^^{_short(str(term.datatype), prefixes)}"
    text = _short(str(term), prefixes)
    name = data.value(term, URIRef(prefixes["kg"] + "name")) if isinstance(term, URIRef) else None
    return f"{name} <{text}>" if name is not None else text


def _short(iri: str, prefixes: dict[str, str]) -> str:
    for prefix, namespace in sorted(prefixes.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def validate_graph(data: Graph, shapes_path: Path | None = None) -> list[Violation]:
    """Validate one RDF graph (the default graph of a build) and return its violations, sorted."""
    prefixes = load_ontology().prefixes
    _conforms, results, text = shacl_validate(data, shacl_graph=load_shapes(shapes_path), inference="none",
                                              allow_warnings=True, advanced=True)
    if not isinstance(results, Graph):  # pySHACL reports broken shapes as a failure object, not a graph
        raise OntologyError(f"{shapes_path or SHAPES_FILE}: shapes are not valid SHACL: {text}")
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        path = results.value(result, SH.resultPath)
        violations.append(Violation(
            severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
            focus=_readable(data, results.value(result, SH.focusNode), prefixes) or "?",
            path=_short(str(path), prefixes) if isinstance(path, URIRef) else None,
            value=_readable(data, results.value(result, SH.value), prefixes),
            message=str(results.value(result, SH.resultMessage) or "constraint not met"),
            shape=_short(str(results.value(result, SH.sourceShape)), prefixes),
        ))
    return sorted(violations, key=lambda v: (v.severity, v.focus, v.path or "", v.value or "", v.message))


def format_report(violations: list[Violation]) -> str:
    if not violations:
        return "conforms: no violations"
    errors = sum(v.severity == "Violation" for v in violations)
    lines = [str(v) for v in violations]
    return "\n".join([*lines, f"{errors} violation(s), {len(violations) - errors} other result(s)"])
