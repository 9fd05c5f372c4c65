"""The RDF projection: a KnowledgeGraph as an RDF dataset, and its serialisations.

Layout (documented in ontologies/kg.ttl):

- default graph: everything an analyst queries — entities (typed with their class and every
  superclass, so ``?x a kg:Organization`` finds investment firms too), facts as plain triples
  (``?p kg:attended ?e``), kg:Role nodes for titled roles, articles with kg:mentions, and one
  kg:Evidence node per provenance record (sentence, offsets, method, confidence,
  prov:wasDerivedFrom the article).  Relation evidence is an rdf:Statement about the fact.
- one named graph per article (``id:graph/<article id>``, a prov:Bundle prov:wasDerivedFrom the
  article) holding the facts that article states and its kg:mentions of entities.  The evidence
  nodes are in the default graph only: each already names its article (prov:wasDerivedFrom), so a
  copy in the article's graph would add no provenance, and it was 43% of all quads (bench/README.md,
  "Evidence in the default graph only").  From a fact in ``GRAPH ?g`` SPARQL reaches the article
  (``?g prov:wasDerivedFrom ?a``) and its evidence (``?st rdf:subject ?s ; prov:wasDerivedFrom ?a``).

No blank nodes and no RDF-star: every node has a deterministic IRI, so a rebuild gives the
identical set of quads, and literals use the canonical lexical forms Oxigraph stores.
"""

from __future__ import annotations

import hashlib
import json
import re
from json.encoder import encode_basestring
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import lru_cache
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


def _json_array(parts: tuple) -> str:
    """``json.dumps(list(parts), ensure_ascii=False)``, exactly, without the encoder's set-up per call: the strings,
    ints and None of digests and unit names are spelt by the same C string encoder json.dumps uses."""
    items = []
    for part in parts:
        kind = part.__class__
        if kind is str:
            items.append(encode_basestring(part))
        elif kind is int:
            items.append(int.__repr__(part))
        elif part is None:
            items.append("null")
        else:  # anything else (a bool, a float, a subclass) as json.dumps spells it
            return json.dumps(list(parts), ensure_ascii=False)
    return "[" + ", ".join(items) + "]"


def _digest(*parts: object) -> str:
    return hashlib.sha1(_json_array(parts).encode("utf-8")).hexdigest()[:20]


def lexical(value: object) -> tuple[str, str | None]:
    """A value's canonical lexical form (the one Oxigraph keeps) and datatype IRI (None for a plain string)."""
    if isinstance(value, bool):
        return ("true" if value else "false"), str(XSD.boolean)
    if isinstance(value, int):
        return str(value), str(XSD.integer)
    if isinstance(value, (float, Decimal)):
        text = format(Decimal(str(value)), "f")
        text = text.rstrip("0").rstrip(".") if "." in text else text
        return (text if text not in ("", "-0") else "0"), str(XSD.decimal)
    text = str(value)
    for pattern, datatype in _DATE_FORMATS:
        if pattern.fullmatch(text):
            return text, str(datatype)
    return text, None


def literal(value: object) -> Literal:
    """A literal in the canonical lexical form Oxigraph keeps (so stores and files compare equal)."""
    text, datatype = lexical(value)
    return Literal(text, datatype=URIRef(datatype) if datatype else None)


def graph_iri(article_id: str) -> URIRef:
    """The named graph holding what one article states."""
    return URIRef(iri(f"graph/{article_id}"))


class _RdflibTerms:
    """Terms for an rdflib Dataset (small graphs, exports, SHACL)."""

    named = URIRef

    @staticmethod
    def literal(text: str, datatype: str | None = None, language: str | None = None) -> Literal:
        return Literal(text, datatype=URIRef(datatype) if datatype else None, lang=language)


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


class _NQuadsTerms:
    """Terms as N-Quads text (the build path: Oxigraph parses them in bulk; no rdflib or pyoxigraph objects
    per term, which cost more than the projection itself).  IRIs come from kg.identity.iri and the
    ontology, so they need no escaping; literals are escaped as N-Triples requires."""

    @staticmethod
    @lru_cache(maxsize=1 << 16)  # articles and entities recur in every evidence record that names them
    def named(value: str) -> str:
        return f"<{value}>"

    @staticmethod
    def literal(text: str, datatype: str | None = None, language: str | None = None) -> str:
        quoted = '"' + text.translate(_NT_ESCAPES) + '"'
        if language:
            return f"{quoted}@{language}"
        return f"{quoted}^^<{datatype}>" if datatype and datatype != _XSD_STRING else quoted


_XSD_STRING = str(XSD.string)


#: One quad as the projector emits it: subject, predicate, object, graph (None = the default graph).
Emitted = tuple[object, object, object, object | None]


class _Projector:
    """Emits the quads of one unit (an article node; an entity; one article's evidence of an entity; a fact;
    one article's statements of a fact) at a time, in terms of one library; ``to_dataset`` and ``to_nquads``
    consume them.  Evidence is its own unit per article so that an entity or fact that new articles name
    again gains units without the stored ones being rewritten (kg.incremental)."""

    def __init__(self, ontology: Ontology, terms=_RdflibTerms) -> None:
        self.ontology = ontology
        self.named, self.literal = terms.named, terms.literal
        # Node of an entity or article id: kg.identity.iri walks every character, and ids recur in every
        # evidence record and fact that names them.
        self.node = lru_cache(maxsize=1 << 16)(lambda node_id: self.named(iri(node_id)))
        self._out: list[Emitted] = []
        self._graphs: dict[str, object] = {}
        self.terms = {name: self.named(ontology.term(name)) for name in (
            "Article", "Evidence", "Role", "Honor", "IndustryScheme", "entityId", "name", "alias", "hasHonor", "about",
            "sentence", "startOffset", "endOffset", "method", "confidence", "title")}
        self.vocabulary = {name: self.named(str(term)) for name, term in (
            ("type", RDF.type), ("label", RDFS.label), ("Statement", RDF.Statement), ("subject", RDF.subject),
            ("predicate", RDF.predicate), ("object", RDF.object), ("inScheme", SKOS.inScheme),
            ("prefLabel", SKOS.prefLabel), ("wasDerivedFrom", PROV.wasDerivedFrom), ("Bundle", PROV.Bundle))}
        org = ontology.prefixes["org"]  # W3C ORG, as kg.ttl binds it
        self.vocabulary["member"], self.vocabulary["organization"] = self.named(org + "member"), self.named(org + "organization")
        self.mentions = self.named(ontology.predicate("mentions").iri)
        self._predicates = {p.contract_name: self.named(p.iri) for p in ontology.predicates}
        self._honor_labels = {h: [self._from_rdflib(label) for label in ontology.graph.objects(URIRef(ontology.honor(h)),
                                                                                                RDFS.label)]
                              for h in ontology.honors}

    def _from_rdflib(self, term: Literal):
        return self.literal(str(term), str(term.datatype) if term.datatype else None, term.language)

    def value(self, value: object):
        return self.literal(*lexical(value))

    def graph(self, article_id: str):
        node = self._graphs.get(article_id)
        if node is None:
            node = self._graphs[article_id] = self.named(iri(f"graph/{article_id}"))
        return node

    def take(self) -> list[Emitted]:
        """The quads emitted since the last call."""
        out, self._out = self._out, []
        return out

    def add(self, triple: tuple, article_ids: list[str] | tuple[str, ...] = (), default: bool = True) -> None:
        """The triple in the default graph (unless not ``default``) and in each article's named graph."""
        if default:
            self._out.append((*triple, None))
        for article_id in article_ids:
            self._out.append((*triple, self.graph(article_id)))

    def article_node(self, article_id: str):
        return self.node(article_id_to_entity_id(article_id))

    def evidence_node(self, *parts: object):
        """The node of one evidence record, named by a digest of what it records."""
        return self.named(iri("evidence/" + _digest(*parts)))

    def evidence(self, node, p: Provenance) -> None:
        t, v = self.terms, self.vocabulary
        for triple in ((node, v["type"], t["Evidence"]),
                       (node, v["wasDerivedFrom"], self.article_node(p.article_id)),
                       (node, t["sentence"], self.literal(p.sentence)),
                       (node, t["startOffset"], self.value(p.start)),
                       (node, t["endOffset"], self.value(p.end)),
                       (node, t["method"], self.literal(p.method)),
                       (node, t["confidence"], self.value(float(p.confidence)))):
            self.add(triple)  # the default graph only: the node names its article

    def attributes(self, node, attributes: dict[str, object]) -> None:
        for key, value in sorted(attributes.items()):
            attribute = self.ontology.attribute(key)
            if attribute is not None and value is not None:
                self.add((node, self.named(attribute.iri), self.value(value)))

    def entity(self, entity: Entity) -> None:
        t, v, node = self.terms, self.vocabulary, self.node(entity.id)
        for class_iri in self.ontology.rdf_types(entity.type, entity.kind):
            self.add((node, v["type"], self.named(class_iri)))
        self.add((node, t["entityId"], self.literal(entity.id)))
        self.add((node, t["name"], self.literal(entity.name)))
        for alias in sorted(entity.aliases):
            self.add((node, t["alias"], self.literal(alias)))
        for honor in sorted(entity.honors):
            honor_node = self.named(self.ontology.honor(honor))
            self.add((node, t["hasHonor"], honor_node))
            # The honour's own description travels with the data, so SHACL and queries see its class and labels.
            self.add((honor_node, v["type"], t["Honor"]))
            for label in self._honor_labels.get(honor, ()):
                self.add((honor_node, v["label"], label))
        if self.ontology.class_for(entity.type).iri == self.ontology.term("Industry"):
            self.add((node, v["inScheme"], t["IndustryScheme"]))
            self.add((node, v["prefLabel"], self.literal(entity.name)))
        self.attributes(node, entity.attributes)

    def mentions_in(self, entity: Entity, records: list[Provenance]) -> None:
        """One article's evidence of an entity (``records``: its provenance records from that article)."""
        t, node = self.terms, self.node(entity.id)
        for p in records:
            evidence = self.evidence_node(entity.id, p.article_id, p.start, p.end, p.method, p.sentence)
            self.evidence(evidence, p)
            self.add((evidence, t["about"], node))
            self.add((self.article_node(p.article_id), self.mentions, node), [p.article_id])

    def relation(self, relation: Relation) -> None:
        """The fact in the default graph, and its kg:Role node for a titled role."""
        t, v = self.terms, self.vocabulary
        s, o = self.node(relation.subject), self.node(relation.object)
        self.add((s, self._predicates[relation.predicate], o))
        if relation.title:
            role = self._role(relation)
            for triple in ((role, v["type"], t["Role"]), (role, v["member"], s),
                           (role, v["organization"], o), (role, t["title"], self.literal(relation.title))):
                self.add(triple)

    def _role(self, relation: Relation):
        return self.named(iri("role/" + _digest(relation.subject, relation.object, relation.title)))

    def statements_in(self, relation: Relation, article_id: str, records: list[Provenance]) -> None:
        """One article's statement of a fact: the fact in the article's named graph and, in the default graph, one
        rdf:Statement per provenance record (``records``: those from that article), carrying its evidence and the
        fact's attributes."""
        t, v = self.terms, self.vocabulary
        s, o = self.node(relation.subject), self.node(relation.object)
        p = self._predicates[relation.predicate]
        self.add((s, p, o), [article_id], default=False)
        role = self._role(relation) if relation.title else None
        for record in records:
            # One rdf:Statement per provenance record: it reifies the fact and carries the evidence.
            node = self.evidence_node(*relation.key, record.article_id, record.start, record.end, record.method,
                                      record.sentence)
            self.evidence(node, record)
            statement = [(node, v["type"], v["Statement"]), (node, v["subject"], s), (node, v["predicate"], p),
                         (node, v["object"], o)]
            if relation.title:
                statement += [(node, t["title"], self.literal(relation.title)), (node, t["about"], role)]
            for triple in statement:
                self.add(triple)
            self.attributes(node, relation.attributes)

    def article(self, article_id: str, article: Article | None) -> None:
        v, node = self.vocabulary, self.article_node(article_id)
        self.add((node, v["type"], self.terms["Article"]))
        self.add((node, self.terms["entityId"], self.literal(article_id_to_entity_id(article_id))))
        for field_name, attribute in self.ontology.article_fields.items():
            value = getattr(article, field_name, None) if article else None
            if value is not None:
                self.add((node, self.named(attribute.iri), self.value(value)))
        bundle = self.graph(article_id)
        self.add((bundle, v["type"], v["Bundle"]))
        self.add((bundle, v["wasDerivedFrom"], node))


class _NQuadsProjector(_Projector):
    """The projector of the build path: each quad straight to its N-Quads line (the same lines, in the same order,
    as formatting ``_Projector``'s quads), a unit as one text; no tuple per quad, and the terms of an evidence
    record, the bulk of the quads, formatted once per record."""

    def __init__(self, ontology: Ontology) -> None:
        super().__init__(ontology, _NQuadsTerms)
        t, v = self.terms, self.vocabulary
        # What follows an evidence node in each of its quads (kg:Evidence's type, and its predicates).
        self._typed_evidence = f" {v['type']} {t['Evidence']}"
        self._derived, self._sentence = f" {v['wasDerivedFrom']} ", f" {t['sentence']} "
        self._start, self._end = f" {t['startOffset']} ", f" {t['endOffset']} "
        self._method, self._confidence = f" {t['method']} ", f" {t['confidence']} "
        # iri() keeps a digest's hex digits as they are: the node is the prefix and the digest.
        self._evidence_prefix = "<" + iri("evidence/")
        self._values: dict[tuple[type, object], str] = {}

    def evidence_node(self, *parts: object) -> str:
        return self._evidence_prefix + _digest(*parts) + ">"  # not through named's cache: each node is new

    def value(self, value: object) -> str:
        # Offsets and confidences recur in every evidence record; keyed by type too, as 1 == 1.0 == True.
        key = (value.__class__, value)
        try:
            return self._values[key]
        except KeyError:
            text = super().value(value)
            if len(self._values) < 1 << 16:
                self._values[key] = text
            return text
        except TypeError:  # an unhashable attribute value
            return super().value(value)

    def add(self, triple: tuple, article_ids: list[str] | tuple[str, ...] = (), default: bool = True) -> None:
        s, p, o = triple
        spo = f"{s} {p} {o}"
        if default:
            self._out.append(spo + " .\n")
        for article_id in article_ids:
            self._out.append(f"{spo} {self.graph(article_id)} .\n")

    def evidence(self, node: str, p: Provenance) -> None:
        self._out.append(f"{node}{self._typed_evidence} .\n"
                         f"{node}{self._derived}{self.article_node(p.article_id)} .\n"
                         f"{node}{self._sentence}{self.literal(p.sentence)} .\n"
                         f"{node}{self._start}{self.value(p.start)} .\n"
                         f"{node}{self._end}{self.value(p.end)} .\n"
                         f"{node}{self._method}{self.literal(p.method)} .\n"
                         f"{node}{self._confidence}{self.value(float(p.confidence))} .\n")

    def take(self) -> str:
        """The unit's N-Quads text: its lines since the last call."""
        text = "".join(self._out)
        self._out = []
        return text


def unit_key(kind: str, *parts: str | None) -> str:
    """The name of a projection unit: an article, an entity or a fact by its key, or one article's evidence of
    an entity ("mention": entity id, article id) or statements of a fact ("statement": fact key, article id)."""
    return _json_array((kind, *parts))


def _inputs(*parts: object) -> bytes:
    """A digest of what a unit's quads are made from (kg.incremental: a unit whose inputs did not change keeps its
    stored quads and is not projected again).  ``repr`` of str, int, float, None and tuples is exact and stable."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


def _records(records: list[Provenance]) -> tuple:
    return tuple((p.article_id, p.sentence, p.start, p.end, p.method, p.confidence) for p in records)


def _units(graph: KnowledgeGraph, projector: _Projector, outside: frozenset[str] | None = None,
           stored: Callable[[str], bytes | None] | None = None, evidence_only: bool = False
           ) -> Iterator[tuple[str, tuple[str, ...], list[Emitted] | None, bytes | None]]:
    """The projection unit by unit: (the unit's name, ids of the article/entity nodes it describes, its quads,
    a digest of its inputs: see ``_inputs``; None for an article, which is always projected).

    A fact (and its statements) belongs to its subject and its object, an entity's evidence to the entity; the
    ids let a build tell which nodes changed.
    With ``outside`` (the part of a graph an incremental build rewrites) a fact may also name those
    stored nodes, and only the graph's own articles are projected.  With ``stored`` (a stored unit's inputs by its
    name) a unit whose inputs equal its stored namesake's gives None for its quads:
    they are the stored ones (a hub entity re-resolved with new articles keeps its thousands of mention units).
    With ``evidence_only`` only the mention and statement units are given (kg.build projects a graph's articles,
    entities and facts once, then each article's evidence from a graph of that article's records)."""
    articles = {} if evidence_only else (referenced_articles(graph) if outside is None
                                         else dict(sorted(graph.articles.items())))
    for article_id, article in articles.items():
        projector.article(article_id, article)
        yield unit_key("article", article_id), (article_id_to_entity_id(article_id),), projector.take(), None

    def unit(key: str, ids: tuple[str, ...], inputs: bytes, project: Callable[[], None]
             ) -> tuple[str, tuple[str, ...], list[Emitted] | None, bytes]:
        if stored is not None and stored(key) == inputs:
            return key, ids, None, inputs
        project()
        return key, ids, projector.take(), inputs

    for entity in graph.entities.values():
        ids = (entity.id,)
        if not evidence_only:
            yield unit(unit_key("entity", entity.id), ids,
                       _inputs(entity.id, entity.type, entity.kind, entity.name, tuple(sorted(entity.aliases)),
                               tuple(sorted(entity.honors)), tuple(sorted(entity.attributes.items(), key=lambda kv: kv[0]))),
                       lambda: projector.entity(entity))
        for article_id, records in _by_article(entity.provenance):
            yield unit(unit_key("mention", entity.id, article_id), ids, _inputs(entity.id, _records(records)),
                       lambda: projector.mentions_in(entity, records))
    for relation in graph.relations.values():
        for end in (relation.subject, relation.object):
            if end not in graph.entities and (outside is None or end not in outside):
                raise ValueError(f"relation {relation.key} names entity {end!r}, which the graph does not hold")
        ends = (relation.subject, relation.object)
        if not evidence_only:
            yield unit(unit_key("relation", *relation.key), ends, _inputs(*relation.key),
                       lambda: projector.relation(relation))
        attributes = tuple(sorted(relation.attributes.items(), key=lambda kv: kv[0]))
        for article_id, records in _by_article(relation.provenance):
            yield unit(unit_key("statement", *relation.key, article_id), ends,
                       _inputs(*relation.key, attributes, _records(records)),
                       lambda: projector.statements_in(relation, article_id, records))


def _by_article(records: list[Provenance]) -> list[tuple[str, list[Provenance]]]:
    """Provenance records grouped by article, in article id order, each article's in their own order."""
    grouped: dict[str, list[Provenance]] = {}
    for record in records:
        grouped.setdefault(record.article_id, []).append(record)
    return sorted(grouped.items())


def to_dataset(graph: KnowledgeGraph, ontology: Ontology | None = None) -> Dataset:
    """Project a KnowledgeGraph onto an rdflib dataset (default graph plus one named graph per article).

    For small graphs, exports and SHACL; a build streams ``to_nquads`` into Oxigraph instead."""
    ontology = ontology or load_ontology()
    dataset = Dataset()
    for prefix, namespace in ontology.prefixes.items():
        dataset.bind(prefix, namespace)
    graphs: dict[object, Graph] = {None: dataset.default_graph}
    for _, _, quads, _ in _units(graph, _Projector(ontology)):
        for s, p, o, g in quads:
            target = graphs.get(g)
            if target is None:
                target = graphs[g] = dataset.graph(g)
            target.add((s, p, o))
    return dataset


def nquads_projector(ontology: Ontology) -> _Projector:
    """A projector to N-Quads text, for ``to_nquads``."""
    return _NQuadsProjector(ontology)


def to_nquads(graph: KnowledgeGraph, ontology: Ontology | None = None, outside: frozenset[str] | None = None,
              stored: Callable[[str], bytes | None] | None = None, evidence_only: bool = False,
              projector: _Projector | None = None) -> Iterator[tuple[str, tuple[str, ...], str | None, bytes | None]]:
    """The projection as N-Quads text, one unit at a time (its name, ids of the nodes it describes, its lines as
    one text, a digest of its inputs).

    The same quads as ``to_dataset`` (a unit may repeat a quad another unit gave, e.g. an honour's label;
    a store keeps one), without building any rdflib object: memory stays one unit.  ``outside`` and ``stored``
    (text None: the unit is unchanged) and ``evidence_only``: see ``_units``.  A ``projector`` (``nquads_projector``)
    serves many calls (one per article's evidence) without building its tables again."""
    return _units(graph, projector or nquads_projector(ontology or load_ontology()), outside, stored, evidence_only)


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
    """Read a default graph written by ``to_dataset`` back into a KnowledgeGraph.

    ``g`` is an rdflib Graph or anything with its subjects, objects, value and predicate_objects
    (kg.store_read.TripleIndex: triples read from the store without an rdflib parse)."""
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
