"""Article -> Extraction: run the finders, settle overlaps, group, relate."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.attributes import event_date
from kg.extract.brands import find_brands
from kg.extract.document import Document, Mention, Occupancy
from kg.extract.enumerations import find_listed_orgs
from kg.extract.events import edition, find_events, series_name
from kg.extract.grouping import LocalEntity, group
from kg.extract.industries import cluster_core, find_industries, split_fields
from kg.extract.organisations import find_suffixed
from kg.extract.people import (find_dotted, find_laureates, find_listed, find_references, find_speakers, find_titled,
                               is_plausible_name, occurrences)
from kg.extract.places import find_places, is_short_county
from kg.extract.relations import LocalRelation, RelationFinder
from kg.extract.roles import find_roles
from kg.extract.tagging import add_tagged
from kg.identity import entity_id
from kg.model import Article, Entity, Extraction, Provenance, Relation
from kg.ontology import load_ontology

# Which mention survives when two overlap: higher wins; a Place nested in a
# longer name is kept (nested places are entities of their own).
_PRIORITY = {"Event": 6, "Fund": 5, "Cluster": 5, "Organization": 4, "Zone": 4, "Person": 3, "Industry": 2, "Place": 1}


def extract_article(article: Article) -> Extraction:
    doc = Document(article)
    places = find_places(doc)
    find_suffixed(doc, {(m.start, m.end) for m in places})
    find_events(doc)
    find_laureates(doc)
    find_titled(doc)
    find_speakers(doc)
    find_references(doc)
    find_listed(doc)
    find_dotted(doc)
    find_listed_orgs(doc)
    find_brands(doc)
    add_tagged(doc)
    _settle_overlaps(doc)
    roles = find_roles(doc)
    _repeat_person_names(doc)
    _repeat_short_forms(doc)
    find_industries(doc)
    _cluster_fields(doc)
    _settle_overlaps(doc)
    kept = {id(m) for m in doc.mentions}
    roles = [r for r in roles if id(r.person) in kept]
    entities = group(doc)
    series = _series(doc, entities)
    _source(doc, entities)
    _zone_metadata(doc, entities)
    relations = RelationFinder(doc, entities, roles).run()
    relations += series
    _dates(doc, entities)
    return _record(doc, entities, relations)


def extract_articles(articles: Iterable[Article]) -> list[Extraction]:
    return [extract_article(article) for article in articles]


def _settle_overlaps(doc: Document) -> None:
    kept: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    at: dict[int, list[Mention]] = {}  # character offset -> kept mentions covering it
    ordered = sorted(doc.mentions, key=lambda m: (-_PRIORITY[m.type], -(m.confidence >= 1.0), -(m.end - m.start), -m.confidence))
    for m in ordered:
        if (m.start, m.end, m.type) in seen:
            continue
        conflict = False
        near = {id(k): k for offset in range(m.start, m.end) for k in at.get(offset, ())}
        for k in near.values():
            nested = k.start <= m.start and m.end <= k.end
            if m.type == "Place" and nested and k.type != "Person" and not is_short_county(m.name):
                continue
            if m.type == "Zone" and nested and k.type in ("Event", "Fund", "Cluster", "Zone"):
                continue
            if m.type == "Zone" and nested and k.type == "Organization" and k.kind not in ("Company", "InvestmentFirm"):
                continue  # 东湖高新区管委会 names its zone; 香港科技园公司 is only a company
            if m.type == "Organization" and nested and k.type in ("Event", "Fund", "Cluster") and not m.generic:
                continue
            if m.type == "Industry" and nested and k.type in ("Cluster", "Fund", "Event"):
                continue
            if m.generic and k.generic is False and nested and k.type != m.type:
                continue
            conflict = True
            break
        if not conflict:
            kept.append(m)
            seen.add((m.start, m.end, m.type))
            for offset in range(m.start, m.end):
                at.setdefault(offset, []).append(m)
    doc.mentions = sorted(kept, key=lambda m: m.start)


def _repeat_person_names(doc: Document) -> None:
    """Later bare mentions of a person already named (沈卫东说)."""
    names = {m.name: m for m in doc.mentions if m.type == "Person" and not m.generic}
    taken = Occupancy(len(doc.st), ((m.start, m.end) for m in doc.mentions if m.type != "Place"))
    for name, first in names.items():
        for begin in occurrences(doc.st, name):
            span = (begin, begin + len(name))
            if taken.overlaps(*span):
                continue
            if len(name) <= 3 and "\u4e00" <= doc.st[span[1] : span[1] + 1] <= "\u9fff" and len(name) == 2:
                # 陈静 inside 陈静怡 would be another name; only a post-name word may follow a two-character name
                from kg.extract.people import _ends_name

                if not _ends_name(doc.st, span[1]):
                    continue
            doc.add(Mention(span[0], span[1], "Person", None, "pattern:repeat-name", first.confidence, name=name,
                            honors=set(first.honors), canonical=first.canonical))
            taken.mark(*span)


def _repeat_short_forms(doc: Document) -> None:
    """Later mentions of an organisation or zone by a derived short form (启衡生物, 航空港区)."""
    from kg.extract.forms import forms

    taken = Occupancy(len(doc.st), ((m.start, m.end) for m in doc.mentions if m.type != "Place"))
    named = [m for m in doc.mentions if m.type in ("Organization", "Zone") and not m.generic and m.end > m.start]
    seen: set[str] = set()
    for first in sorted(named, key=lambda m: -(m.end - m.start)):
        for form in sorted(forms(first.type, first.canonical or first.name), key=len, reverse=True):
            if len(form) < 3 or form in seen:
                continue
            seen.add(form)
            for begin in occurrences(doc.st, form):
                span = (begin, begin + len(form))
                if taken.overlaps(*span):
                    continue
                doc.add(Mention(span[0], span[1], first.type, first.kind, "pattern:short-form", 0.8, name=form,
                                canonical=first.canonical or first.name))
                taken.mark(*span)


def _cluster_fields(doc: Document) -> None:
    """产业集群 names carry their field: 武汉市光电子信息产业集群 -> 光电子信息."""
    from kg.extract.forms import strip_leading_places

    zone_names = [m.name for m in doc.mentions if m.type == "Zone" and not m.generic]
    for m in [m for m in doc.mentions if m.type == "Cluster" and not m.generic]:
        core = cluster_core(m.name)
        for zone in sorted(zone_names, key=len, reverse=True):
            if core.startswith(zone) and len(core) > len(zone) + 1:
                core = core[len(zone) :]
                break
        stripped = strip_leading_places(core)
        core = stripped[-1] if stripped else core
        core = re.sub(r"\(.*?\)", "", core)
        start = doc.st.find(core, m.start, m.end)
        if start < 0:
            continue
        for offset, item in split_fields(doc.st, start, start + len(core)):
            if 2 <= len(item) <= 10:
                doc.add(Mention(offset, offset + len(item), "Industry", None, "pattern:cluster-core", 0.7, name=item))


def _series(doc: Document, entities: list[LocalEntity]) -> list[LocalRelation]:
    """Numbered editions -> their EventSeries; editions whose series stems agree share one series."""
    relations = []
    series_by_stem: dict[str, LocalEntity] = {}
    latest: dict[int, int] = {}  # series -> highest edition seen, whose wording names the series
    from kg.extract.lexicon import EVENT_HEADS

    for e in [e for e in entities if e.type == "Event"]:
        number = None
        for name in (e.name, *e.aliases):
            number = edition(name)
            if number:
                series = series_name(name)
                break
        if not number:
            continue
        e.attributes["edition"] = number
        if len(series) < 4:
            continue
        head = next((h for h in sorted(EVENT_HEADS, key=len, reverse=True) if series.endswith(h)), "")
        stem = series[: len(series) - len(head)]
        first = min(e.mentions, key=lambda m: m.start)
        existing = series_by_stem.get(stem)
        if existing is None:
            named = Mention(first.start, first.end, "EventSeries", None, "pattern:edition", 0.8, name=series)
            existing = LocalEntity("EventSeries", series, None, [named])
            latest[id(existing)] = number
            series_by_stem[stem] = existing
            entities.append(existing)
        elif number > latest[id(existing)]:
            latest[id(existing)] = number
            existing.name, old = series, existing.name
            existing.mentions.append(Mention(first.start, first.end, "EventSeries", None, "pattern:edition", 0.8, name=old))
        else:
            existing.mentions.append(Mention(first.start, first.end, "EventSeries", None, "pattern:edition", 0.8, name=series))
        relations.append(LocalRelation(e, "partOfSeries", existing, doc.sentence_at(first.start), "pattern:edition", 0.9))
    return relations


def _source(doc: Document, entities: list[LocalEntity]) -> None:
    """The outlet named after 来源 is an organisation (Media, unless its name says otherwise)."""
    source = doc.article.source
    if not source or not source.strip():
        return
    name = source.strip()
    existing = next((e for e in entities if e.type == "Organization" and (e.name == name or name in e.aliases)), None)
    mention = Mention(0, 0, "Organization", "Media", "metadata:source", 1.0, name=name)
    if existing:
        existing.mentions.append(mention)
        return
    kind = "GovernmentBody" if name.endswith(("管委会", "政府", "党工委", "管理局")) else "Media"
    entities.append(LocalEntity("Organization", name, kind, [mention]))


def _zone_metadata(doc: Document, entities: list[LocalEntity]) -> None:
    """发布开发区 / the record's zone: a fuller name of a zone the text mentions becomes its name."""
    from kg.extract.forms import forms, key

    zone = (doc.article.zone or "").strip()
    if not zone:
        return
    wanted = {key(f) for f in forms("Zone", zone)}
    for e in entities:
        if e.type == "Zone" and wanted & {key(f) for n in (e.name, *e.aliases) for f in forms("Zone", n)}:
            e.mentions.append(Mention(0, 0, "Zone", e.kind, "metadata:zone", 1.0, name=zone))
            if len(zone) > len(e.name):
                e.name = zone
            return


def _dates(doc: Document, entities: list[LocalEntity]) -> None:
    for e in entities:
        if e.type != "Event":
            continue
        for m in sorted(e.mentions, key=lambda m: m.start):
            if m.generic or m.end == 0:
                continue
            found = event_date(doc.sentence_text(doc.sentence_at(m.start)), doc.article.published)
            if found:
                e.attributes["date"] = found
                break


def _provenance(doc: Document, start: int, end: int, method: str, confidence: float, name: str = "") -> Provenance:
    if end == 0:  # from the record's metadata (来源, 发布开发区), not from the text
        return Provenance(doc.article.id, name, 0, 0, method, confidence)
    sentence = doc.sentence_at(start)
    return Provenance(doc.article.id, doc.text[sentence.start : sentence.end].strip(), start, end, method, confidence)


def _ontology_kind(entity_type: str, kind: str | None) -> str | None:
    """The kind only when the ontology has it as a subclass of the type (Park under Zone, Forum under Event)."""
    if not kind or kind == entity_type:
        return None
    ontology = load_ontology()
    chosen = ontology.class_for(entity_type, kind)
    return kind if chosen.iri != ontology.class_for(entity_type).iri else None


def _as_written(doc: Document, entity: LocalEntity) -> str:
    """A traditional-script article keeps its names as written; the simplified form becomes an alias."""
    if doc.st == doc.matching:
        return entity.name
    for m in entity.mentions:
        if m.end > m.start and doc.st[m.start : m.end] == entity.name:
            return doc.surface(m.start, m.end)
    return entity.name


def _record(doc: Document, entities: list[LocalEntity], relations: list[LocalRelation]) -> Extraction:
    ids: dict[int, str] = {}
    out_entities = []
    for e in entities:
        if e.type == "Person" and not is_plausible_name(e.name):
            continue
        name = _as_written(doc, e)
        ident = entity_id(e.type, name)
        ids[id(e)] = ident
        written = {doc.surface(m.start, m.end) for m in e.mentions if not m.generic and m.end > m.start}
        aliases = ({m.name for m in e.mentions if not m.generic} | written | {e.name}) - {name}
        out_entities.append(
            Entity(
                id=ident,
                type=e.type,
                name=name,
                kind=_ontology_kind(e.type, e.kind),
                aliases=aliases,
                honors=set(e.honors),
                attributes=dict(e.attributes),
                provenance=[_provenance(doc, m.start, m.end, m.method, m.confidence, m.name) for m in e.mentions],
            )
        )
    out_relations = []
    for r in relations:
        if id(r.subject) not in ids or id(r.object) not in ids:
            continue
        sentence = r.evidence
        out_relations.append(
            Relation(
                subject=ids[id(r.subject)],
                predicate=r.predicate,
                object=ids[id(r.object)],
                title=r.title,
                provenance=[Provenance(doc.article.id, doc.text[sentence.start : sentence.end].strip(), sentence.start,
                                       sentence.end, r.method, r.confidence)],
            )
        )
    return Extraction(article=doc.article, entities=out_entities, relations=out_relations)
