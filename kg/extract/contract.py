"""The contract's per-article output (shared/spec/extraction-contract.md).

One object per article: the resolved entities that article mentions (canonical
name, the other forms as aliases, honours) and the relations read from it,
with entity names in place of ids and ``title`` on roleAt only.
"""

from __future__ import annotations

from kg.model import Extraction, KnowledgeGraph

CONTRACT_TYPES = ("Person", "Organization", "Zone", "Place", "Event", "EventSeries", "Fund", "Cluster", "Industry")

#: predicate -> (subject types, object types), as the contract's predicate table states them.
PREDICATE_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "attended": (("Person", "Organization"), ("Event",)),
    "heldIn": (("Event",), ("Zone", "Place")),
    "organizedBy": (("Event",), ("Organization", "Zone")),
    "partOfSeries": (("Event",), ("EventSeries",)),
    "roleAt": (("Person",), ("Organization",)),
    "memberOf": (("Person",), ("Organization",)),
    "partnerOf": (("Organization",), ("Fund",)),
    "establishedBy": (("Fund",), ("Zone", "Organization")),
    "locatedIn": (("Zone", "Organization", "Cluster", "Place"), ("Zone", "Place")),
    "focusIndustry": (("Zone", "Cluster", "Fund", "Event"), ("Industry",)),
    "settledIn": (("Organization",), ("Zone",)),
}


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
