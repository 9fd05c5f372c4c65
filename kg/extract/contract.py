"""The contract's per-article output (shared/spec/extraction-contract.md).

One object per article: the resolved entities that article mentions (canonical
name, the other forms as aliases, honours) and the relations read from it,
with entity names in place of ids and ``title`` on roleAt only.
"""

from __future__ import annotations

from kg.model import Extraction, KnowledgeGraph
from kg.ontology import Ontology, load_ontology


def _predicate_types(ontology: Ontology) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """predicate -> (subject types, object types), as the contract's predicate table states them:
    the rdfs:domain / rdfs:range classes of kg.ttl, each named by the contract type it is."""
    contract_type = {c.iri: c.contract_type for c in ontology.classes}
    types = lambda iris: tuple(contract_type[i] for i in iris if contract_type.get(i))  # noqa: E731
    signatures = {p.contract_name: (types(p.domain), types(p.range)) for p in ontology.predicates}
    return {name: (s, o) for name, (s, o) in signatures.items() if s and o}  # not kg:mentions (Article -> entity)


CONTRACT_TYPES: tuple[str, ...] = tuple(load_ontology().contract_types)
PREDICATE_TYPES = _predicate_types(load_ontology())


def fits_contract(predicate: str, subject_type: str, object_type: str) -> bool:
    """True when the predicate may join entities of these types."""
    subjects, objects = PREDICATE_TYPES.get(predicate, ((), ()))
    return subject_type in subjects and object_type in objects


def contract_records(graph: KnowledgeGraph, extractions: list[Extraction]) -> list[dict]:
    """Per-article records in the order of ``extractions``."""
    by_article_entities: dict[str, list[str]] = {}
    for entity in graph.entities.values():
        for article in dict.fromkeys(p.article_id for p in entity.provenance):
            by_article_entities.setdefault(article, []).append(entity.id)
    by_article_relations: dict[str, list] = {}
    for relation in graph.relations.values():
        for article in dict.fromkeys(p.article_id for p in relation.provenance):
            by_article_relations.setdefault(article, []).append(relation)
    records = []
    for x in extractions:
        article = x.article
        entities = []
        for eid in by_article_entities.get(article.id, []):
            e = graph.entities[eid]
            if e.type not in CONTRACT_TYPES:
                continue
            item = {"type": e.type, "name": e.name, "aliases": sorted(e.aliases)}
            if e.type == "Person":
                item["honors"] = sorted(e.honors)
            entities.append(item)
        relations = []
        for r in by_article_relations.get(article.id, []):
            item = {"subject": graph.entities[r.subject].name, "predicate": r.predicate, "object": graph.entities[r.object].name}
            if r.predicate == "roleAt" and r.title:
                item["title"] = r.title
            relations.append(item)
        records.append({"article": article.id, "file": article.path, "entities": entities, "relations": relations})
    return records
