"""Local entities and relations -> the Extraction stage record, with provenance.

Names of a traditional-script article are kept as written (the simplified form
becomes an alias); kinds are kept only when the ontology has them as subclasses.
"""

from __future__ import annotations

import re

from kg.extract.contract import fits_contract
from kg.extract.document import Document
from kg.extract.events import ORDINAL
from kg.extract.forms import brandless_company
from kg.extract.grouping import LocalEntity
from kg.extract.industries import written_with_sector_word
from kg.extract.names import is_plausible_name
from kg.extract.relations import LocalRelation
from kg.identity import entity_id
from kg.model import Entity, Extraction, Provenance, Relation
from kg.ontology import load_ontology


def _provenance(doc: Document, start: int, end: int, method: str, confidence: float, name: str = "") -> Provenance:
    if end == 0:  # from the record's metadata (来源, 发布开发区), not from the text
        return Provenance(doc.article.id, name, 0, 0, method, confidence)
    sentence = doc.sentence_at(start)
    return Provenance(doc.article.id, doc.text[sentence.start : sentence.end].strip(), start, end, method, confidence)


def _ontology_kind(ontology, entity_type: str, kind: str | None) -> str | None:
    """The kind only when the ontology has it as a subclass of the type (Park under Zone, Forum under Event)."""
    if not kind or kind == entity_type:
        return None
    chosen = ontology.class_for(entity_type, kind)
    return kind if chosen.iri != ontology.class_for(entity_type).iri else None


def _as_written(doc: Document, entity: LocalEntity) -> str:
    """A traditional-script article keeps its names as written; the simplified form becomes an alias."""
    if doc.simplified == doc.matching:
        return entity.name
    for m in entity.mentions:
        if m.end > m.start and doc.simplified[m.start : m.end] == entity.name:
            return doc.surface(m.start, m.end)
    return entity.name


def _unquoted(name: str) -> set[str]:
    """The forms a quoted name is also written in (the guide: the form without “” is an alias): without the
    quotes, and for “X”活动 the quoted X alone, since 活动 only says that X is an event."""
    forms = set()
    whole = re.fullmatch(r"[“「]([^”」]{2,})[”」]活动", name)
    if whole:
        forms.add(whole.group(1))
    bare = re.sub(r"[“”「」]", "", name)
    if bare != name and len(bare) >= 2:
        forms.add(bare)
    dated = _THEME_BEFORE_DATE.match(name)
    if dated:
        forms.add(name[dated.end():])  # “某某 某某”2021第二届某某论坛: the dated name the theme heads is the event's own
    return forms


# A quoted theme right before a year or an edition: the event's dated name follows it
_THEME_BEFORE_DATE = re.compile(r"[“「][^“”「」]{1,30}[”」]\s?(?=\d{4}年?度?|" + ORDINAL + ")")


def _without_leading_places(name: str) -> set[str]:
    """海南省三亚市某某湾科技城 -> 三亚市某某湾科技城, 某某湾科技城: a zone written after its province and city (某省某市
    某区 in a row) is the same zone without them; a variant that names only a kind (工业园区) is no alias."""
    from kg.extract.forms import names_a_kind, zone_forms
    from kg.extract.script import to_simplified

    simplified = to_simplified(name)
    if len(simplified) != len(name):
        return set()
    # on the simplified name (the kinds are written simplified), then back in the text's own script; a bare kind
    # (经济技术开发区, 国家高新区) would join every zone of that kind across articles
    return {name[len(name) - len(form):] for form in zone_forms(simplified)
            if form != simplified and simplified.endswith(form) and not names_a_kind(form)
            and not form.startswith(("国家", "(", "（", "中国"))}


def to_record(doc: Document, entities: list[LocalEntity], relations: list[LocalRelation]) -> Extraction:
    ids: dict[int, str] = {}
    out_entities = []
    ontology = load_ontology()  # once per article: each call resolves and stats the file
    for e in entities:
        if e.type == "Person" and not is_plausible_name(e.name):
            continue
        name = _as_written(doc, e)
        if e.type == "Organization" and brandless_company(name):
            continue  # 光电科技有限公司: a kind of company, no one company (kg.extract.forms.brandless_company)
        ident = entity_id(e.type, name)
        ids[id(e)] = ident
        written = {doc.surface(m.start, m.end) for m in e.mentions if not m.generic and m.end > m.start}
        aliases = ({m.name for m in e.mentions if not m.generic} | written | {e.name})
        aliases = (aliases | {form for alias in aliases for form in _unquoted(alias)}) - {name}
        if e.type == "Zone":
            aliases |= _without_leading_places(name)
            # 某开发区(某区), 某保税区(一期): the zone is as often written without the bracket that closes its name
            aliases |= {a[: a.rfind("(")] for a in {name, *aliases} if a.endswith(")") and a.rfind("(") >= 4}
        if e.type == "Industry":
            aliases |= written_with_sector_word(doc, e.mentions) - {name}
        out_entities.append(
            Entity(
                id=ident,
                type=e.type,
                name=name,
                kind=_ontology_kind(ontology, e.type, e.kind),
                aliases=aliases,
                honors=set(e.honors),
                attributes=dict(e.attributes),
                provenance=[_provenance(doc, m.start, m.end, m.method, m.confidence, m.name) for m in e.mentions],
            )
        )
    out_relations = []
    for r in relations:
        if id(r.subject) not in ids or id(r.object) not in ids or not fits_contract(r.predicate, r.subject.type, r.object.type):
            continue
        sentence = r.evidence
        out_relations.append(
            Relation(
                subject=ids[id(r.subject)],
                predicate=r.predicate,
                object=ids[id(r.object)],
                title=r.title,
                attributes=dict(r.attributes),
                provenance=[Provenance(doc.article.id, doc.text[sentence.start : sentence.end].strip(), sentence.start,
                                       sentence.end, r.method, r.confidence)],
            )
        )
    return Extraction(article=doc.article, entities=out_entities, relations=out_relations)
