"""The RDF projection: a KnowledgeGraph as an RDF dataset, and its serialisations.

Layout (documented in ontologies/kg.ttl):

- default graph: everything an analyst queries — entities (typed with their class and every
  superclass, so ``?x a kg:Organization`` finds investment firms too), facts as plain triples
  (``?p kg:attended ?e``), kg:Role nodes for titled roles, articles with kg:mentions, and one
  kg:Evidence node per provenance record (sentence, offsets, method, confidence,
  prov:wasDerivedFrom the article).  Relation evidence is an rdf:Statement about the fact.
- one named graph per article (``id:graph/<article id>``, a prov:Bundle prov:wasDerivedFrom the
  article) holding the facts, mentions and evidence that article states.

No blank nodes and no RDF-star: every node has a deterministic IRI, so a rebuild gives the
identical set of quads, and literals use the canonical lexical forms Oxigraph stores.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.identity import article_id_from_iri, article_id_to_entity_id, iri
from kg.model import Article, Entity, KnowledgeGraph, Provenance, Relation
from kg.ontology import Ontology, load_ontology
from kg.property_graph import referenced_articles
from kg.settings import ONTOLOGY_DIR

CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"

#: --out suffix -> rdflib format; Turtle and N-Triples hold the default graph, the others the dataset.
FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}
DATASET_FORMATS = {"trig", "nquads", "json-ld"}

_DATE_FORMATS = ((re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date), (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
                 (re.compile(r"\d{4}"), XSD.gYear))


def _digest(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:20]


def literal(value: object) -> Literal:
    """A literal in the canonical lexical form Oxigraph keeps (so stores and files compare equal)."""
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    if isinstance(value, (float, Decimal)):
        text = format(Decimal(str(value)), "f")
        text = text.rstrip("0").rstrip(".") if "." in text else text
        return Literal(text if text not in ("", "-0") else "0", datatype=XSD.decimal)
    text = str(value)
    for pattern, datatype in _DATE_FORMATS:
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype)
    return Literal(text)


def graph_iri(article_id: str) -> URIRef:
    """The named graph holding what one article states."""
    return URIRef(iri(f"graph/{article_id}"))


class _Projector:
    def __init__(self, ontology: Ontology) -> None:
        self.ontology = ontology
        self.dataset = Dataset()
        self.default = self.dataset.default_graph
        for prefix, namespace in ontology.prefixes.items():
            self.dataset.bind(prefix, namespace)
        self.terms = {name: URIRef(ontology.term(name)) for name in (
            "Article", "Evidence", "Role", "Honor", "IndustryScheme", "entityId", "name", "alias", "hasHonor", "about",
            "sentence", "startOffset", "endOffset", "method", "confidence", "title")}

    def add(self, triple: tuple, article_ids: list[str] | tuple[str, ...] = ()) -> None:
        self.default.add(triple)
        for article_id in article_ids:
            self.dataset.graph(graph_iri(article_id)).add(triple)

    def evidence(self, node: URIRef, p: Provenance) -> None:
        t = self.terms
        for triple in ((node, RDF.type, t["Evidence"]),
                       (node, PROV.wasDerivedFrom, URIRef(iri(article_id_to_entity_id(p.article_id)))),
                       (node, t["sentence"], Literal(p.sentence)),
                       (node, t["startOffset"], literal(p.start)),
                       (node, t["endOffset"], literal(p.end)),
                       (node, t["method"], Literal(p.method)),
                       (node, t["confidence"], literal(float(p.confidence)))):
            self.add(triple, [p.article_id])

    def attributes(self, node: URIRef, attributes: dict[str, object], article_ids: list[str] = ()) -> None:
        for key, value in sorted(attributes.items()):
            attribute = self.ontology.attribute(key)
            if attribute is not None and value is not None:
                self.add((node, URIRef(attribute.iri), literal(value)), article_ids)

    def entity(self, entity: Entity) -> None:
        t, node = self.terms, URIRef(iri(entity.id))
        for class_iri in self.ontology.rdf_types(entity.type, entity.kind):
            self.add((node, RDF.type, URIRef(class_iri)))
        self.add((node, t["entityId"], Literal(entity.id)))
        self.add((node, t["name"], Literal(entity.name)))
        for alias in sorted(entity.aliases):
            self.add((node, t["alias"], Literal(alias)))
        for honor in sorted(entity.honors):
            honor_node = URIRef(self.ontology.honor(honor))
            self.add((node, t["hasHonor"], honor_node))
            # The honour's own description travels with the data, so SHACL and queries see its class and labels.
            self.add((honor_node, RDF.type, t["Honor"]))
            for label in self.ontology.graph.objects(honor_node, RDFS.label):
                self.add((honor_node, RDFS.label, label))
        if self.ontology.class_for(entity.type).iri == self.ontology.term("Industry"):
            self.add((node, SKOS.inScheme, t["IndustryScheme"]))
            self.add((node, SKOS.prefLabel, Literal(entity.name)))
        self.attributes(node, entity.attributes)
        mentions = URIRef(self.ontology.predicate("mentions").iri)
        for p in entity.provenance:
            evidence = URIRef(iri("evidence/" + _digest(entity.id, p.article_id, p.start, p.end, p.method, p.sentence)))
            self.evidence(evidence, p)
            self.add((evidence, t["about"], node), [p.article_id])
            self.add((URIRef(iri(article_id_to_entity_id(p.article_id))), mentions, node), [p.article_id])

    def relation(self, relation: Relation) -> None:
        t = self.terms
        s, o = URIRef(iri(relation.subject)), URIRef(iri(relation.object))
        p = URIRef(self.ontology.predicate(relation.predicate).iri)
        articles = sorted({record.article_id for record in relation.provenance})
        self.add((s, p, o), articles)
        role = None
        if relation.title:
            role = URIRef(iri("role/" + _digest(relation.subject, relation.object, relation.title)))
            org = self.ontology.prefixes["org"]  # W3C ORG, as kg.ttl binds it
            for triple in ((role, RDF.type, t["Role"]), (role, URIRef(org + "member"), s),
                           (role, URIRef(org + "organization"), o), (role, t["title"], Literal(relation.title))):
                self.add(triple)
        for record in relation.provenance:
            # One rdf:Statement per provenance record: it reifies the fact and carries the evidence.
            node = URIRef(iri("evidence/" + _digest(*relation.key, record.article_id, record.start, record.end,
                                                    record.method, record.sentence)))
            self.evidence(node, record)
            statement = [(node, RDF.type, RDF.Statement), (node, RDF.subject, s), (node, RDF.predicate, p),
                         (node, RDF.object, o)]
            if relation.title:
                statement += [(node, t["title"], Literal(relation.title)), (node, t["about"], role)]
            for triple in statement:
                self.add(triple, [record.article_id])
            self.attributes(node, relation.attributes, [record.article_id])

    def article(self, article_id: str, article: Article | None) -> None:
        node = URIRef(iri(article_id_to_entity_id(article_id)))
        self.add((node, RDF.type, self.terms["Article"]))
        self.add((node, self.terms["entityId"], Literal(article_id_to_entity_id(article_id))))
        for field_name, attribute in self.ontology.article_fields.items():
            value = getattr(article, field_name, None) if article else None
            if value is not None:
                self.add((node, URIRef(attribute.iri), literal(value)))
        bundle = graph_iri(article_id)
        self.add((bundle, RDF.type, PROV.Bundle))
        self.add((bundle, PROV.wasDerivedFrom, node))


def to_dataset(graph: KnowledgeGraph, ontology: Ontology | None = None) -> Dataset:
    """Project a KnowledgeGraph onto an RDF dataset (default graph plus one named graph per article)."""
    projector = _Projector(ontology or load_ontology())
    for article_id, article in referenced_articles(graph).items():
        projector.article(article_id, article)
    for entity in graph.entities.values():
        projector.entity(entity)
    for relation in graph.relations.values():
        for end in (relation.subject, relation.object):
            if end not in graph.entities:
                raise ValueError(f"relation {relation.key} names entity {end!r}, which the graph does not hold")
        projector.relation(relation)
    return projector.dataset


def load_context() -> dict:
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))


def format_for(path: Path) -> str:
    try:
        return FORMATS[Path(path).suffix.lower()]
    except KeyError:
        raise ValueError(f"{path}: unknown RDF suffix; use one of {', '.join(FORMATS)}") from None


def serialise(dataset: Dataset, path: Path, rdf_format: str | None = None) -> None:
    """Write the dataset in the format the suffix names; Turtle and N-Triples get the default graph."""
    rdf_format = rdf_format or format_for(path)
    if rdf_format == "json-ld":
        text = dataset.serialize(format="json-ld", context=load_context()["@context"], auto_compact=True)
    elif rdf_format in DATASET_FORMATS:
        text = dataset.serialize(format=rdf_format)
    else:
        graph = Graph()
        for prefix, namespace in dataset.namespaces():
            graph.bind(prefix, namespace)
        for triple in dataset.default_graph:
            graph.add(triple)
        text = graph.serialize(format=rdf_format)
    Path(path).write_text(text, encoding="utf-8")


def read_dataset(path: Path) -> Dataset:
    """Parse a file written by ``serialise`` (any supported suffix) back into a Dataset."""
    rdf_format = format_for(path)
    dataset = Dataset()
    try:
        if rdf_format in DATASET_FORMATS:
            dataset.parse(path, format=rdf_format)
        else:
            dataset.default_graph.parse(path, format=rdf_format)
    except Exception as error:  # rdflib parsers raise many types; all mean "this file is not valid RDF"
        raise ValueError(f"{path}: does not parse as {rdf_format}: {error}") from None
    return dataset


# ------------------------------------------------------------------ reading a projection back

def _value(term: Literal) -> object:
    if term.datatype in (XSD.integer, XSD.int, XSD.long):
        return int(term)
    if term.datatype in (XSD.decimal, XSD.double, XSD.float):
        return float(term)
    if term.datatype == XSD.boolean:
        return term.toPython()
    return str(term)


def _attribute_keys(ontology: Ontology) -> dict[str, str]:
    """Property IRI -> model key; where a property has synonyms, the key spelling its own name wins."""
    keys: dict[str, str] = {}
    for attribute in sorted((ontology.attribute(k) for k in _all_attribute_keys(ontology)), key=lambda a: a.key):
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", attribute.name).lower()
        if attribute.iri not in keys or attribute.key == snake:
            keys[attribute.iri] = attribute.key
    return keys


def _all_attribute_keys(ontology: Ontology) -> list[str]:
    return [str(key) for key in ontology.graph.objects(None, URIRef(ontology.term("modelKey")))]


def _provenance(g: Graph, node: URIRef, t: dict[str, URIRef]) -> Provenance:
    return Provenance(
        article_id=article_id_from_iri(str(g.value(node, PROV.wasDerivedFrom))),
        sentence=str(g.value(node, t["sentence"])),
        start=int(g.value(node, t["startOffset"])),
        end=int(g.value(node, t["endOffset"])),
        method=str(g.value(node, t["method"])),
        confidence=float(g.value(node, t["confidence"], default=Literal(1.0))),
    )


def from_graph(g: Graph, articles: list[Article] = (), ontology: Ontology | None = None) -> KnowledgeGraph:
    """Read a default graph written by ``to_dataset`` back into a KnowledgeGraph."""
    ont = ontology or load_ontology()
    t = _Projector(ont).terms
    keys = _attribute_keys(ont)
    by_iri = {c.iri: c for c in ont.classes}
    honors = {iri_: name for name, iri_ in ont.honors.items()}
    predicates = {p.iri: p.contract_name for p in ont.predicates}
    kg = KnowledgeGraph(articles={a.id: a for a in articles})
    ids: dict[URIRef, str] = {}
    for node in g.subjects(t["name"], None):
        classes = [by_iri[str(c)] for c in g.objects(node, RDF.type) if str(c) in by_iri and by_iri[str(c)].contract_type]
        if not classes:
            continue
        most_specific = max(classes, key=lambda c: len(c.ancestors))
        entity = Entity(
            id=str(g.value(node, t["entityId"])),
            type=most_specific.contract_type,
            name=str(g.value(node, t["name"])),
            kind=most_specific.neo4j_label if len(most_specific.ancestors) > 1 else None,
            aliases={str(a) for a in g.objects(node, t["alias"])},
            honors={honors[str(h)] for h in g.objects(node, t["hasHonor"])},
            attributes={keys[str(p)]: _value(o) for p, o in g.predicate_objects(node) if str(p) in keys},
            provenance=sorted((_provenance(g, ev, t) for ev in g.subjects(t["about"], node)),
                              key=lambda p: (p.article_id, p.start, p.end, p.method)),
        )
        ids[node] = entity.id
        kg.entities[entity.id] = entity
    for statement in g.subjects(RDF.type, RDF.Statement):
        s, p, o = (g.value(statement, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if str(p) not in predicates or s not in ids or o not in ids:
            continue
        title = g.value(statement, t["title"])
        key = (ids[s], predicates[str(p)], ids[o], str(title) if title is not None else None)
        relation = kg.relations.setdefault(key, Relation(*key))
        relation.attributes.update({keys[str(q)]: _value(v) for q, v in g.predicate_objects(statement)
                                    if str(q) in keys and keys[str(q)] != "title"})
        relation.provenance.append(_provenance(g, statement, t))
    for relation in kg.relations.values():
        relation.provenance.sort(key=lambda p: (p.article_id, p.start, p.end, p.method))
    return kg
