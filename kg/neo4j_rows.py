"""Neo4j rows read from the store in chunks: bounded memory whatever the store's size.

``store_rows`` yields ("nodes", row) for every article and entity, then ("relationships", row)
for every fact and mention, in the kg.property_graph shape (the rows kg.neo4j_push sends).
Each chunk of entities is read with SPARQL SELECTs (own triples, evidence, statements) and its
rows are built straight from the pyoxigraph terms: reading the store back as the whole-graph path
does (kg.rdf.from_graph, then kg.property_graph.to_networkx) would cost an N-Triples round trip,
an rdflib graph, a KnowledgeGraph and a networkx graph per chunk.  The rows are the same as that
path's (tests/test_neo4j_delta.py compares them): the same provenance order, the same attribute
names and values.  Articles come from the store folder, a chunk at a time.

``changed`` (entity or article IRIs) limits the rows to those elements and the facts and
mentions that touch them: the entry point for a push after an incremental build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from kg.identity import ENTITY_NS, article_id_from_iri, article_id_to_entity_id, id_from_iri, iri
from kg.model import KnowledgeGraph, Provenance
from kg.neo4j_push import PushStats, Vocabulary, graph_counts, node_row, push_rows, relationship_row
from kg.neo4j_state import PushState
from kg.ontology import Ontology, load_ontology
from kg.property_graph import MENTIONS, edge_key, to_networkx
from kg.property_graph import _ontology_properties as ontology_properties
from kg.property_graph import _provenance_lists as provenance_lists
from kg.rdf import _attribute_keys as attribute_keys
from kg.store import GraphStore
from kg.store_read import chunked, values

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_INTEGERS = {_XSD + name for name in ("integer", "int", "long")}
_FLOATS = {_XSD + name for name in ("decimal", "double", "float")}
CHUNK = 500  # entities (or articles) read and turned into rows at a time


def _value(term: ox.Literal) -> object:
    """A literal as kg.rdf reads it back (integers, floats and booleans typed, the rest text)."""
    datatype = term.datatype.value
    if datatype in _INTEGERS:
        return int(term.value)
    if datatype in _FLOATS:
        return float(term.value)
    if datatype == _XSD + "boolean":
        return term.value in ("true", "1")
    return term.value


@dataclass
class _Node:
    """The triples of one subject, as read: predicate IRI -> values (terms)."""

    values: dict[str, list] = field(default_factory=lambda: defaultdict(list))

    def one(self, predicate: str):
        found = self.values.get(predicate)
        return found[0] if found else None


class _Reader:
    def __init__(self, store: GraphStore, ontology: Ontology) -> None:
        self.store, self.ontology = store, ontology
        self.vocabulary = Vocabulary.from_ontology(ontology)
        self.mentions = ontology.predicate(MENTIONS)
        self.term = {name: ontology.term(name) for name in (
            "entityId", "name", "alias", "hasHonor", "about", "sentence", "startOffset", "endOffset", "method",
            "confidence", "title")}
        self.classes = {c.iri: c for c in ontology.classes if c.contract_type}
        self.honors = {value: name for name, value in ontology.honors.items()}
        # Facts only: mentions are made from the evidence, as kg.property_graph makes them.
        self.predicates = {p.iri: p for p in ontology.predicates if p.contract_name != MENTIONS}
        self.keys = attribute_keys(ontology)  # property IRI -> model key, as kg.rdf.from_graph reads them
        self.iri = lru_cache(maxsize=1 << 16)(iri)

    def select(self, sparql: str) -> Iterator:
        return self.store.oxigraph.query(sparql, prefixes=self.ontology.prefixes)

    def subjects(self, sparql: str) -> dict[str, _Node]:
        """Rows ?s ?p ?o grouped by subject IRI."""
        nodes: dict[str, _Node] = defaultdict(_Node)
        for row in self.select(sparql):
            nodes[row["s"].value].values[row["p"].value].append(row["o"])
        return nodes

    def entity_iris(self) -> Iterator[str]:
        for row in self.select("SELECT ?e WHERE { ?e kg:entityId ?id ; kg:name ?name }"):
            yield row["e"].value

    def own(self, iris: list[str]) -> dict[str, _Node]:
        return self.subjects(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values(iris)} }} ?s ?p ?o }}")

    def evidence(self, iris: list[str]) -> dict[str, list[Provenance]]:
        """Entity IRI -> its provenance records."""
        found: dict[str, list[Provenance]] = defaultdict(list)
        about: dict[str, str] = {}
        nodes: dict[str, _Node] = defaultdict(_Node)
        for row in self.select(f"SELECT ?n ?s ?p ?o WHERE {{ VALUES ?n {{ {values(iris)} }} ?s kg:about ?n . ?s ?p ?o }}"):
            about[row["s"].value] = row["n"].value
            nodes[row["s"].value].values[row["p"].value].append(row["o"])
        for key, node in nodes.items():
            found[about[key]].append(self.provenance(node))
        return found

    def statements(self, iris: list[str], both_ends: bool) -> dict[str, _Node]:
        ends = "{ ?s rdf:subject ?n } UNION { ?s rdf:object ?n }" if both_ends else "?s rdf:subject ?n ."
        return self.subjects(f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?n {{ {values(iris)} }} {ends} "
                             "?s a rdf:Statement . ?s ?p ?o }")

    def provenance(self, node: _Node) -> Provenance:
        t = self.term
        confidence = node.one(t["confidence"])
        return Provenance(article_id_from_iri(node.one(_PROV_DERIVED).value), node.one(t["sentence"]).value,
                          int(node.one(t["startOffset"]).value), int(node.one(t["endOffset"]).value),
                          node.one(t["method"]).value, float(confidence.value) if confidence is not None else 1.0)

    def entity(self, node: _Node) -> dict | None:
        """The property-graph attributes of an entity node (kg.property_graph), None when it is no entity."""
        classes = [self.classes[c.value] for c in node.values.get(_RDF + "type", ()) if c.value in self.classes]
        name = node.one(self.term["name"])
        if not classes or name is None:
            return None
        most_specific = max(classes, key=lambda c: len(c.ancestors))
        kind = most_specific.neo4j_label if len(most_specific.ancestors) > 1 else None
        entity_id = node.one(self.term["entityId"]).value
        data = {"labels": self.ontology.labels(most_specific.contract_type, kind), "id": entity_id,
                "iri": self.iri(entity_id), "name": name.value, "entity_type": most_specific.contract_type,
                "aliases": sorted({a.value for a in node.values.get(self.term["alias"], ())}),
                "honors": sorted({self.honors[h.value] for h in node.values.get(self.term["hasHonor"], ())})}
        data.update(ontology_properties(f"entity {entity_id}", self.attributes(node), self.ontology))
        return data

    def attributes(self, node: _Node) -> dict[str, object]:
        """Model key -> value of the node's datatype properties (kg.rdf.from_graph's reading)."""
        return {self.keys[predicate]: _value(objects[-1]) for predicate, objects in node.values.items()
                if predicate in self.keys}

    def end_row(self, data: dict) -> dict:
        """What relationship_row reads of an end node: its id and root label."""
        return {"props": {"id": data["id"]}, "root": self.vocabulary.root_of(data["labels"])}


def store_rows(store: GraphStore, ontology: Ontology | None = None, changed: Iterable[str] | None = None,
               chunk: int = CHUNK) -> Iterator[tuple[str, dict]]:
    """("nodes", row) for every node, then ("relationships", row) for every relationship (see the module doc)."""
    ontology = ontology or load_ontology()
    reader = _Reader(store, ontology)
    vocabulary = reader.vocabulary
    wanted = set(changed) if changed is not None else None
    article_prefix = iri("article/")
    entity_iris = (lambda: iter(sorted(i for i in wanted if not i.startswith(article_prefix)))) if wanted is not None \
        else reader.entity_iris
    # Articles: their nodes come from the stored records, as the whole-graph projection makes them.
    articles = (a for a in store.iter_articles()
                if wanted is None or iri(f"article/{a.id}") in wanted)
    for part in chunked(articles, chunk):
        g = to_networkx(KnowledgeGraph(articles={a.id: a for a in part}), ontology)
        for node, data in g.nodes(data=True):
            yield "nodes", node_row(vocabulary, node, data)
    # Entities with their mentions; the article end of a mention is a plain Article node.
    article_root = vocabulary.root_of([ontology.neo4j_label(ontology.term("Article"))])
    mentions = reader.mentions
    for part in chunked(entity_iris(), chunk):
        evidence = reader.evidence(part)
        entities = []
        for node_iri, node in sorted(reader.own(part).items()):
            data = reader.entity(node)
            if data is not None:
                data.update(provenance_lists(evidence.get(node_iri, [])))
                entities.append((data, evidence.get(node_iri, [])))
        entities.sort(key=lambda pair: pair[0]["id"])
        rows = [node_row(vocabulary, data["id"], data) for data, _ in entities]
        yield from (("nodes", row) for row in rows)
        for row, (data, records) in zip(rows, entities):
            by_article: dict[str, list[Provenance]] = defaultdict(list)
            for record in records:
                by_article[record.article_id].append(record)
            for article_id, found in sorted(by_article.items()):
                start = {"props": {"id": article_id_to_entity_id(article_id)}, "root": article_root}
                attributes = {"type": mentions.relationship_type, "predicate": mentions.contract_name,
                              **provenance_lists(found)}
                yield "relationships", relationship_row(vocabulary, start, row, mentions.relationship_type, attributes)
    # Facts: each chunk's statements (outgoing, or touching a changed entity), with both ends read for their ids and labels.
    for part in chunked(entity_iris(), chunk):
        yield from (("relationships", row) for row in _fact_rows(reader, reader.statements(part, wanted is not None)))


def _fact_rows(reader: _Reader, statements: dict[str, _Node]) -> Iterator[dict]:
    """The relationship rows of these statements: one per fact (subject, predicate, object, title)."""
    ends_iris = sorted({end.value for node in statements.values()
                        for end in (node.one(_RDF + "subject"), node.one(_RDF + "object")) if end is not None})
    ends = {}
    for node_iri, node in reader.own(ends_iris).items() if ends_iris else ():
        data = reader.entity(node)
        if data is not None:
            ends[node_iri] = reader.end_row(data)
    facts: dict[tuple, dict] = {}
    for node in statements.values():
        subject, predicate, obj = (node.one(_RDF + x) for x in ("subject", "predicate", "object"))
        if predicate is None or predicate.value not in reader.predicates or subject is None or obj is None \
                or subject.value not in ends or obj.value not in ends:
            continue
        title = node.one(reader.term["title"])
        title = title.value if title is not None else None
        key = (ends[subject.value]["props"]["id"], predicate.value, ends[obj.value]["props"]["id"], title)
        fact = facts.setdefault(key, {"subject": subject.value, "object": obj.value, "attributes": {}, "provenance": []})
        fact["attributes"].update((k, v) for k, v in reader.attributes(node).items() if k != "title")
        fact["provenance"].append(reader.provenance(node))
    vocabulary, ontology = reader.vocabulary, reader.ontology
    for key in sorted(facts, key=lambda k: (k[0], reader.predicates[k[1]].contract_name, k[2], k[3] or "")):
        fact = facts[key]
        predicate = reader.predicates[key[1]]
        attributes = ontology_properties(f"relation {key}", fact["attributes"], ontology)
        attributes.update(type=predicate.relationship_type, predicate=predicate.contract_name)
        if key[3]:
            attributes["title"] = key[3]
        attributes.update(provenance_lists(fact["provenance"]))
        yield relationship_row(vocabulary, ends[fact["subject"]], ends[fact["object"]],
                               edge_key(predicate.relationship_type, key[3]), attributes)


def push_store(driver, store: GraphStore, database: str | None = None, batch_size: int = 1000,
               state: PushState | None = None, changed: Iterable[str] | None = None, full: bool = False,
               on_batch: Callable[[PushStats], None] | None = None, ontology: Ontology | None = None) -> PushStats:
    """Push the store to Neo4j, streaming its rows; with a ``state``, only what changed since the last push.

    ``changed`` (entity or article IRIs, e.g. what an incremental build rewrote) limits the push to
    those elements and their facts and mentions; what the state recorded at them and the store no
    longer holds is deleted.  Without it, a state that remembers the store's change marker from its
    last complete push, and a database that still agrees with the state, the nodes the builds since
    changed (GraphStore.changes_since) are read; when the store cannot tell, every row is read and
    compared (or sent, with ``full``).
    """
    ontology = ontology or load_ontology()
    store_key = str(store.root.resolve())
    complete = changed is None  # a push of everything that changed: its marker may be recorded
    if complete and state is not None and not full:
        marker = state.marker(store_key)
        if marker is not None and state.counts() == graph_counts(driver, database):
            changed = store.changes_since(marker)
    touching = None
    if changed is not None:
        changed = set(changed)
        touching = {id_from_iri(value) for value in changed if value.startswith(ENTITY_NS)}
    stats = push_rows(driver, store_rows(store, ontology, changed), Vocabulary.from_ontology(ontology), database,
                      batch_size, on_batch, state, touching, full)
    stats.changed = len(changed) if changed is not None else None
    if complete and state is not None:
        state.set_marker(store_key, store.change_marker)
    return stats
