"""Names derived from ontologies/kg.ttl, the single source of class and predicate names.

Code asks this module for the class of a contract type or kind, the labels and
relationship types of the property graph, the datatype property of an attribute
key and the prefixes; nothing else spells those names.  Infrastructure terms
(kg:Evidence, kg:sentence, …) are looked up with ``Ontology.term``, which refuses a
name the ontology does not declare.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.settings import ONTOLOGY_DIR

ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"


class OntologyError(Exception):
    """The ontology file is missing, does not parse, or lacks a name the code asks for."""


@dataclass(frozen=True)
class ClassInfo:
    iri: str
    neo4j_label: str
    contract_type: str  # the contract type this class is (or specialises); "" for non-contract classes
    ancestors: tuple[str, ...]  # kg superclass IRIs, most general first, ending with this class


@dataclass(frozen=True)
class PredicateInfo:
    iri: str
    contract_name: str
    relationship_type: str
    domain: tuple[str, ...]  # class IRIs
    range: tuple[str, ...]


@dataclass(frozen=True)
class AttributeInfo:
    iri: str
    key: str  # the model key (Entity.attributes key or Article field)
    name: str  # the local name, used as property-graph property name


class Ontology:
    """A parsed kg.ttl with lookups by contract name."""

    def __init__(self, graph: Graph, path: Path) -> None:
        self.graph = graph
        self.path = path
        ns = dict(graph.namespaces())
        if "kg" not in ns:
            raise OntologyError(f"{path}: no 'kg' prefix declared")
        self.namespace = str(ns["kg"])
        self.prefixes = {prefix: str(iri) for prefix, iri in ns.items() if prefix}
        self._classes = self._read_classes()
        self._by_contract = {c.contract_type: c for c in self._classes.values() if len(c.ancestors) == 1 and c.contract_type}
        self._kinds = {
            str(kind): self._classes[str(cls)]
            for cls, kind in graph.subject_objects(self._kg("kindName"))
            if str(cls) in self._classes
        }
        self._predicates = self._read_predicates()
        self._attributes = self._read_attributes("modelKey")
        self._article_fields = self._read_attributes("articleField")
        self._honors = {str(o): str(s) for s, o in graph.subject_objects(self._kg("contractName"))
                        if (s, RDF.type, self._kg("Honor")) in graph}

    # -------------------------------------------------------------- lookups

    def term(self, local_name: str) -> str:
        """The IRI of a term the ontology declares (refuses undeclared names)."""
        iri = URIRef(self.namespace + local_name)
        if (iri, None, None) not in self.graph:
            raise OntologyError(f"{self.path}: kg:{local_name} is not declared")
        return str(iri)

    @property
    def contract_types(self) -> list[str]:
        return sorted(self._by_contract)

    def class_for(self, entity_type: str, kind: str | None = None) -> ClassInfo:
        """The most specific class for a contract type and an optional finer kind."""
        if entity_type == "Article":
            return self._classes[self.term("Article")]
        base = self._by_contract.get(entity_type)
        if base is None:
            raise OntologyError(f"{self.path}: no class with kg:contractName {entity_type!r}")
        refined = self._kinds.get(kind) if kind else None
        # A kind only refines when it is a subclass of the type: Entity(type="Zone", kind="City") stays a Zone.
        return refined if refined is not None and base.iri in refined.ancestors else base

    def labels(self, entity_type: str, kind: str | None = None) -> list[str]:
        """Property-graph labels: the class and its superclasses, most general first."""
        return [self._classes[iri].neo4j_label for iri in self.class_for(entity_type, kind).ancestors]

    def rdf_types(self, entity_type: str, kind: str | None = None) -> list[str]:
        return list(self.class_for(entity_type, kind).ancestors)

    def predicate(self, contract_name: str) -> PredicateInfo:
        try:
            return self._predicates[contract_name]
        except KeyError:
            raise OntologyError(f"{self.path}: no predicate with kg:contractName {contract_name!r}") from None

    @property
    def predicates(self) -> list[PredicateInfo]:
        return sorted(self._predicates.values(), key=lambda p: p.contract_name)

    def relationship_type(self, contract_name: str) -> str:
        return self.predicate(contract_name).relationship_type

    def honor(self, name: str) -> str:
        try:
            return self._honors[name]
        except KeyError:
            raise OntologyError(f"{self.path}: no honour with kg:contractName {name!r}") from None

    @property
    def honors(self) -> dict[str, str]:
        return dict(self._honors)

    def attribute(self, key: str) -> AttributeInfo | None:
        """The datatype property storing an Entity/Relation attribute key, if the ontology has one."""
        return self._attributes.get(key)

    @property
    def article_fields(self) -> dict[str, AttributeInfo]:
        return dict(sorted(self._article_fields.items()))

    def neo4j_label(self, class_iri: str) -> str:
        return self._classes[class_iri].neo4j_label

    @property
    def classes(self) -> list[ClassInfo]:
        return sorted(self._classes.values(), key=lambda c: c.iri)

    # -------------------------------------------------------------- reading

    def _kg(self, local_name: str) -> URIRef:
        return URIRef(self.namespace + local_name)

    def _annotation(self, subject: str, local_name: str) -> str | None:
        value = self.graph.value(URIRef(subject), self._kg(local_name))
        return str(value) if value is not None else None

    def _read_classes(self) -> dict[str, ClassInfo]:
        labelled = {str(s) for s in self.graph.subjects(self._kg("neo4jLabel"), None)}
        classes: dict[str, ClassInfo] = {}
        for iri in sorted(labelled):
            chain = [iri]
            while True:
                parents = [str(p) for p in self.graph.objects(URIRef(chain[-1]), RDFS.subClassOf) if str(p) in labelled]
                if not parents:
                    break
                if len(parents) > 1 or parents[0] in chain:
                    raise OntologyError(f"{self.path}: {iri} needs exactly one kg superclass chain")
                chain.append(parents[0])
            top = chain[-1]
            classes[iri] = ClassInfo(
                iri=iri,
                neo4j_label=self._annotation(iri, "neo4jLabel") or "",
                contract_type=self._annotation(top, "contractName") or "",
                ancestors=tuple(reversed(chain)),
            )
        return classes

    def _class_union(self, node) -> tuple[str, ...]:
        if node is None:
            return ()
        union = self.graph.value(node, OWL.unionOf)
        return tuple(str(c) for c in Collection(self.graph, union)) if union is not None else (str(node),)

    def _read_predicates(self) -> dict[str, PredicateInfo]:
        found = {}
        for prop, rel_type in self.graph.subject_objects(self._kg("neo4jType")):
            name = self._annotation(str(prop), "contractName")
            if name is None:
                raise OntologyError(f"{self.path}: {prop} has kg:neo4jType but no kg:contractName")
            found[name] = PredicateInfo(
                iri=str(prop),
                contract_name=name,
                relationship_type=str(rel_type),
                domain=self._class_union(self.graph.value(prop, RDFS.domain)),
                range=self._class_union(self.graph.value(prop, RDFS.range)),
            )
        return found

    def _read_attributes(self, annotation: str) -> dict[str, AttributeInfo]:
        return {
            str(key): AttributeInfo(iri=str(prop), key=str(key), name=str(prop)[len(self.namespace):])
            for prop, key in self.graph.subject_objects(self._kg(annotation))
            if isinstance(key, Literal)
        }


def parse_ontology(path: Path) -> Ontology:
    """Parse a kg.ttl file; a missing or malformed file raises OntologyError naming it."""
    path = Path(path)
    graph = Graph(bind_namespaces="none")  # only the prefixes the file declares
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise OntologyError(f"{path}: ontology file not found") from None
    except Exception as error:  # rdflib raises several parser exception types; all mean "does not parse"
        raise OntologyError(f"{path}: ontology does not parse: {error}") from None
    return Ontology(graph, path)


@lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> Ontology:
    return parse_ontology(Path(path))


def load_ontology(path: Path | None = None) -> Ontology:
    """The ontology at path (default ontologies/kg.ttl), parsed once per file version."""
    path = Path(path or ONTOLOGY_FILE).resolve()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        raise OntologyError(f"{path}: ontology file not found") from None
    return _cached(str(path), mtime)
