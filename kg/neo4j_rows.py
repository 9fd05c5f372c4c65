"""Neo4j rows read from the store in chunks: bounded memory whatever the store's size.

``store_rows`` yields ("nodes", row) for every article and entity, then ("relationships", row)
for every fact and mention, in the kg.property_graph shape (the rows kg.neo4j_push sends).
Each chunk of entities is read with SPARQL (own triples, evidence, statements), turned into a
small KnowledgeGraph by kg.rdf.from_graph and projected by kg.property_graph.to_networkx, the
same code the whole-graph path runs, so a streamed push writes the same properties.  Articles
come from the store folder, a chunk at a time.

``changed`` (entity or article IRIs) limits the rows to those elements and the facts and
mentions that touch them: the entry point for a push after an incremental build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import networkx as nx
import pyoxigraph as ox

from kg.identity import ENTITY_NS, id_from_iri, iri
from kg.model import KnowledgeGraph
from kg.neo4j_push import PushStats, Vocabulary, node_row, push_rows, relationship_row
from kg.neo4j_state import PushState
from kg.ontology import Ontology, load_ontology
from kg.property_graph import MENTIONS, to_networkx
from kg.rdf import from_graph
from kg.store import GraphStore
from kg.store_read import chunked, rdflib_graph, values

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_ENDS = (_RDF + "subject", _RDF + "object")
CHUNK = 500  # entities (or articles) read and projected at a time


class _Reader:
    def __init__(self, store: GraphStore, ontology: Ontology) -> None:
        self.store, self.ontology = store, ontology
        self.mentions_type = ontology.predicate(MENTIONS).relationship_type

    def construct(self, sparql: str) -> list[ox.Triple]:
        return list(self.store.oxigraph.query(sparql, prefixes=self.ontology.prefixes))

    def entity_iris(self) -> Iterator[str]:
        for row in self.store.oxigraph.query("SELECT ?e WHERE { ?e kg:entityId ?id ; kg:name ?name }",
                                             prefixes=self.ontology.prefixes):
            yield row["e"].value

    def own(self, iris: list[str]) -> list[ox.Triple]:
        return self.construct(f"CONSTRUCT {{ ?n ?p ?o }} WHERE {{ VALUES ?n {{ {values(iris)} }} ?n ?p ?o }}")

    def evidence(self, iris: list[str]) -> list[ox.Triple]:
        return self.construct(f"CONSTRUCT {{ ?ev ?p ?o }} WHERE {{ VALUES ?n {{ {values(iris)} }} "
                              "?ev kg:about ?n . ?ev ?p ?o }")

    def statements(self, iris: list[str], both_ends: bool) -> list[ox.Triple]:
        ends = "{ ?st rdf:subject ?n } UNION { ?st rdf:object ?n }" if both_ends else "?st rdf:subject ?n ."
        return self.construct(f"CONSTRUCT {{ ?st ?p ?o }} WHERE {{ VALUES ?n {{ {values(iris)} }} {ends} "
                              "?st a rdf:Statement . ?st ?p ?o }")

    def graph(self, triples: list[ox.Triple]) -> nx.MultiDiGraph:
        return to_networkx(from_graph(rdflib_graph(triples), (), self.ontology), self.ontology)


def store_rows(store: GraphStore, ontology: Ontology | None = None, changed: Iterable[str] | None = None,
               chunk: int = CHUNK) -> Iterator[tuple[str, dict]]:
    """("nodes", row) for every node, then ("relationships", row) for every relationship (see the module doc)."""
    ontology = ontology or load_ontology()
    vocabulary = Vocabulary.from_ontology(ontology)
    reader = _Reader(store, ontology)
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
    # Entities with their mentions; the article ends of a mention are plain Article nodes.
    mentions: list[dict] = []
    for part in chunked(entity_iris(), chunk):
        g = reader.graph(reader.own(part) + reader.evidence(part))
        rows = {node: node_row(vocabulary, node, data) for node, data in g.nodes(data=True)}
        for node, data in g.nodes(data=True):
            if data["entity_type"] != "Article":
                yield "nodes", rows[node]
        for start, end, key, data in g.edges(keys=True, data=True):
            mentions.append(relationship_row(vocabulary, rows[start], rows[end], key, data))
        yield from (("relationships", row) for row in mentions)
        mentions.clear()
    # Facts: each chunk's statements (outgoing, or touching a changed entity), with both ends' own triples.
    for part in chunked(entity_iris(), chunk):
        statements = reader.statements(part, both_ends=wanted is not None)
        ends = sorted({t.object.value for t in statements if t.predicate.value in _ENDS})
        g = reader.graph(statements + reader.own(ends))
        rows = {node: node_row(vocabulary, node, data) for node, data in g.nodes(data=True)}
        for start, end, key, data in g.edges(keys=True, data=True):
            if data["type"] != reader.mentions_type:
                yield "relationships", relationship_row(vocabulary, rows[start], rows[end], key, data)


def push_store(driver, store: GraphStore, database: str | None = None, batch_size: int = 1000,
               state: PushState | None = None, changed: Iterable[str] | None = None, full: bool = False,
               on_batch: Callable[[PushStats], None] | None = None, ontology: Ontology | None = None) -> PushStats:
    """Push the store to Neo4j, streaming its rows; with a ``state``, only what changed since the last push.

    ``changed`` (entity or article IRIs, e.g. what an incremental build rewrote) limits the push to
    those elements and their facts and mentions; what the state recorded at them and the store no
    longer holds is deleted.  Without it every row is read and compared (or sent, with ``full``).
    """
    ontology = ontology or load_ontology()
    touching = None
    if changed is not None:
        changed = set(changed)
        touching = {id_from_iri(value) for value in changed if value.startswith(ENTITY_NS)}
    return push_rows(driver, store_rows(store, ontology, changed), Vocabulary.from_ontology(ontology), database,
                     batch_size, on_batch, state, touching, full)
