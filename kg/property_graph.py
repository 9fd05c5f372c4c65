"""The property-graph projection: a KnowledgeGraph as a networkx MultiDiGraph.

Shape (other modules — Neo4j push, queries, exports — rely on it):

- node key: the entity id (``kg.identity``); articles are nodes keyed ``article/<article id>``.
- node attributes: ``labels`` (list[str]: the ontology class and its superclasses, most general
  first, e.g. ["Organization", "InvestmentFirm"]; articles ["Article"]), ``id``, ``iri``, ``name``,
  ``entity_type`` (contract type; "Article" for articles), ``aliases`` and ``honors`` (sorted
  list[str]), the provenance lists below, and scalar properties named after the ontology's datatype
  properties (``startDate``, ``edition``, ``amountYuan`` …; articles ``url``, ``published``,
  ``sourceName`` …). Dates are ISO strings.
- edge key: the relationship type (``ATTENDED``); a titled roleAt is keyed ``ROLE_AT:<title>`` so
  two titles at one organisation stay two edges.  Read the ``type`` attribute, not the key.
- edge attributes: ``type`` (UPPER_SNAKE from the ontology), ``predicate`` (contract name),
  ``title`` (roleAt with a title only), the fact's attributes under their ontology property names
  (a settling's ``amountYuan`` float and ``amountText``), and one entry per provenance record, in
  the same order, in ``articles``, ``evidence`` (sentences), ``methods`` (list[str]), ``starts``,
  ``ends`` (list[int]) and ``confidences`` (list[float]).
- Article nodes have MENTIONS edges to every entity they gave provenance for.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import networkx as nx

from kg.identity import article_id_to_entity_id, iri
from kg.model import Article, Entity, KnowledgeGraph, Provenance, Relation
from kg.ontology import Ontology, load_ontology

log = logging.getLogger(__name__)

MENTIONS = "mentions"  # contract name of the article -> entity predicate in kg.ttl


def _provenance_lists(records: list[Provenance]) -> dict[str, list]:
    ordered = sorted(records, key=lambda p: (p.article_id, p.start, p.end, p.method, p.sentence))
    return {
        "articles": [p.article_id for p in ordered],
        "evidence": [p.sentence for p in ordered],
        "methods": [p.method for p in ordered],
        "starts": [p.start for p in ordered],
        "ends": [p.end for p in ordered],
        "confidences": [float(p.confidence) for p in ordered],
    }


def _ontology_properties(owner: str, attributes: dict[str, object], ontology: Ontology) -> dict[str, object]:
    properties: dict[str, object] = {}
    for key, value in sorted(attributes.items()):
        attribute = ontology.attribute(key)
        if attribute is None or value is None:
            log.warning("%s: attribute %r has no property in the ontology; not projected", owner, key)
            continue
        properties[attribute.name] = value
    return properties


def entity_properties(entity: Entity, ontology: Ontology) -> dict[str, object]:
    """Scalar attributes under their ontology property names; keys the ontology lacks are skipped."""
    return _ontology_properties(f"entity {entity.id}", entity.attributes, ontology)


def relation_properties(relation: Relation, ontology: Ontology) -> dict[str, object]:
    """A fact's attributes (a settling's amountYuan, amountText) under their ontology property names."""
    return _ontology_properties(f"relation {relation.key}", relation.attributes, ontology)


def article_properties(article: Article, ontology: Ontology) -> dict[str, object]:
    properties: dict[str, object] = {}
    for field_name, attribute in ontology.article_fields.items():
        value = getattr(article, field_name, None)
        if value is not None:
            properties[attribute.name] = value
    return properties


def referenced_articles(graph: KnowledgeGraph) -> dict[str, Article | None]:
    """Every article the graph holds or any provenance record names (record when known)."""
    found: dict[str, Article | None] = dict(graph.articles)
    for record in (*graph.entities.values(), *graph.relations.values()):
        for p in record.provenance:
            found.setdefault(p.article_id, None)
    return dict(sorted(found.items()))


def edge_key(relationship_type: str, title: str | None) -> str:
    return f"{relationship_type}:{title}" if title else relationship_type


def to_networkx(graph: KnowledgeGraph, ontology: Ontology | None = None) -> nx.MultiDiGraph:
    """Project a KnowledgeGraph onto a property graph (see the module docstring for its shape)."""
    ontology = ontology or load_ontology()
    g = nx.MultiDiGraph()
    for entity in sorted(graph.entities.values(), key=lambda e: e.id):
        g.add_node(
            entity.id,
            labels=ontology.labels(entity.type, entity.kind),
            id=entity.id,
            iri=iri(entity.id),
            name=entity.name,
            entity_type=entity.type,
            aliases=sorted(entity.aliases),
            honors=sorted(entity.honors),
            **_provenance_lists(entity.provenance),
            **entity_properties(entity, ontology),
        )
    article_labels = [ontology.neo4j_label(ontology.term("Article"))]
    for article_id, article in referenced_articles(graph).items():
        node = article_id_to_entity_id(article_id)
        properties = article_properties(article, ontology) if article else {}
        g.add_node(node, labels=article_labels, id=node, iri=iri(node), name=article.title if article else article_id,
                   entity_type="Article", aliases=[], honors=[], **properties)
    for relation in sorted(graph.relations.values(), key=lambda r: (r.subject, r.predicate, r.object, r.title or "")):
        predicate = ontology.predicate(relation.predicate)
        for end in (relation.subject, relation.object):
            if end not in g:
                raise ValueError(f"relation {relation.key} names entity {end!r}, which the graph does not hold")
        attributes = relation_properties(relation, ontology)
        attributes.update(type=predicate.relationship_type, predicate=predicate.contract_name)
        if relation.title:
            attributes["title"] = relation.title
        g.add_edge(relation.subject, relation.object, key=edge_key(predicate.relationship_type, relation.title),
                   **attributes, **_provenance_lists(relation.provenance))
    mentions = ontology.predicate(MENTIONS)
    for entity in sorted(graph.entities.values(), key=lambda e: e.id):
        by_article: dict[str, list[Provenance]] = {}
        for p in entity.provenance:
            by_article.setdefault(p.article_id, []).append(p)
        for article_id, records in sorted(by_article.items()):
            g.add_edge(article_id_to_entity_id(article_id), entity.id, key=mentions.relationship_type,
                       type=mentions.relationship_type, predicate=mentions.contract_name, **_provenance_lists(records))
    return g


def _graphml_value(value: object) -> object:
    # GraphML holds scalars only: lists become JSON arrays in a string.
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple, dict)) else value


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """Export to GraphML; list attributes are written as JSON strings."""
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        flat.add_node(node, **{k: _graphml_value(v) for k, v in data.items() if v is not None})
    for u, v, key, data in g.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _graphml_value(val) for k, val in data.items() if val is not None})
    nx.write_graphml(flat, str(path), encoding="utf-8")
