"""Article -> Extraction: run the finders, settle overlaps, group, relate; series, metadata and dates."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.attributes import event_date
from kg.extract.brands import find_brands
from kg.extract.designations import find_designations
from kg.extract.document import Document, Mention, Sentence
from kg.extract.enumerations import (find_described_companies, find_investors, find_listed_orgs, find_listed_parks,
                                     find_project_owners, find_quoted_companies)
from kg.extract.events import edition, find_events, series_name, short_fair
from kg.extract.grouping import LocalEntity, group
from kg.extract.industries import find_industries
from kg.extract.learned import filtered
from kg.extract.lexicon import ZONE_SUFFIXES
from kg.extract.mentions import (cluster_fields, drop_dateline_outlets, drop_page_furniture, event_fields, repeat_event_names,
                                 repeat_person_names, repeat_short_forms, settle_overlaps)
from kg.extract.organisations import drop_leading_words, find_base_zones, find_suffixed, join_field_names, join_units
from kg.extract.organisers import find_organisers
from kg.extract.people import (find_dotted, find_laureates, find_list_mates, find_listed, find_named_before_title,
                               find_references, find_speakers, find_titled)
from kg.extract.places import confirmed_short_forms, find_places
from kg.extract.record import to_record
from kg.extract.relations import LocalRelation, RelationFinder
from kg.extract.roles import find_roles
from kg.extract.tagging import add_tagged
from kg.extract.windows import WINDOW_CHARS, extract_in_windows
from kg.identity import normalise_name
from kg.model import Article, Extraction
from loaders.results import Reject


def extract_article(article: Article) -> Extraction:
    """What one article states: the cue rules' findings with the learned filter's second opinion
    (kg.extract.learned); a huge article is read in windows (kg.extract.windows), so cost stays linear."""
    if len(article.text) > WINDOW_CHARS:
        return extract_in_windows(article, _extract_whole)
    return _extract_whole(article)


def _extract_whole(article: Article) -> Extraction:
    return filtered(*rule_extraction(article))


def rule_extraction(article: Article) -> tuple[Extraction, list[Sentence]]:
    """What the cue rules alone find, and the article's sentences (where the filter looks for more pairs)."""
    doc = Document(article)
    places = find_places(doc)
    find_suffixed(doc, {(m.start, m.end) for m in places})
    find_base_zones(doc)
    find_events(doc)
    find_laureates(doc)
    find_titled(doc)
    find_named_before_title(doc)
    find_speakers(doc)
    find_references(doc)
    find_listed(doc)
    find_dotted(doc)
    find_quoted_companies(doc)
    find_described_companies(doc)
    find_listed_orgs(doc)
    find_listed_parks(doc)
    find_project_owners(doc)
    find_investors(doc)
    find_brands(doc)
    add_tagged(doc)
    find_listed_orgs(doc, tagged=True)  # again: the tagger's organisations anchor the lists they stand in
    find_list_mates(doc)
    find_organisers(doc)
    join_field_names(doc)
    drop_leading_words(doc)
    join_units(doc)
    settle_overlaps(doc)
    roles = find_roles(doc)
    repeat_person_names(doc)
    repeat_short_forms(doc)
    confirmed_short_forms(doc)
    repeat_event_names(doc)
    find_industries(doc)
    cluster_fields(doc)
    event_fields(doc)
    settle_overlaps(doc)
    drop_page_furniture(doc)
    drop_dateline_outlets(doc)
    kept = {id(m) for m in doc.mentions}
    roles = [r for r in roles if id(r.person) in kept]
    entities = group(doc)
    find_designations(doc, entities)
    series = _series(doc, entities)
    _source(doc, entities)
    _zone_metadata(doc, entities)
    relations = RelationFinder(doc, entities, roles).run()
    relations += series
    entities, relations = _without_places_only_inside_names(entities, relations)
    _dates(doc, entities)
    return to_record(doc, entities, relations), doc.sentences


def _without_places_only_inside_names(entities: list[LocalEntity], relations: list[LocalRelation]
                                      ) -> tuple[list[LocalEntity], list[LocalRelation]]:
    """A place the text names only inside longer names (浙江 in 浙江大学, 苏州 in 苏州工业园区) is no mention of
    that place (the annotation guide): it leaves, with its relations."""
    from kg.extract.relations_located import named_on_its_own

    inside = {id(e) for e in entities if e.type == "Place" and not named_on_its_own(entities, e)}
    return ([e for e in entities if id(e) not in inside],
            [r for r in relations if id(r.subject) not in inside and id(r.object) not in inside])


def extract_articles(articles: Iterable[Article], rejects: list[Reject] | None = None) -> list[Extraction]:
    """Extract each article.  With a ``rejects`` list, an article whose extraction raises becomes a Reject
    (its path, line and the error) and the others go on; without one the error propagates."""
    extractions = []
    for article in articles:
        try:
            extractions.append(extract_article(article))
        except Exception as error:
            if rejects is None:
                raise
            where = article.path or f"article {article.id}"
            rejects.append(Reject(where, article.line, f"extraction failed: {type(error).__name__}: {error}"))
    return extractions


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
        if len(series) < 4 and not short_fair(series):
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


# What follows an outlet's name on the info line: a gap (the bylines, 说两句, a site's address come after
# it), a counter (点击量, 阅读量, 热度), the editor's label (责编:某某) or the date.
_SOURCE_TAIL = re.compile(r"\s+|(?:点击量|點擊量|阅读量|閱讀量|浏览量|瀏覽量|热度|熱度|责编|責編|编辑|編輯|作者)|\d{4}\s*[-/.年]")
_ZONE_ENDINGS = tuple(ZONE_SUFFIXES)
_NOT_OUTLETS = {"本站", "本网", "网络", "互联网", "原创", "本站原创", "综合", "转载", "网友", "其他", "来源", "本报",
                "管理员", "系统管理员"}
# An unknown author's word (不详, 未知, 佚名), alone or opening the field: no outlet named.
_UNKNOWN_SOURCE = ("不详", "未知", "佚名")


def _source(doc: Document, entities: list[LocalEntity]) -> None:
    """The outlet named after 来源 is an organisation (Media, unless its name says otherwise)."""
    source = doc.article.source
    if not source or not source.strip():
        return
    name = _SOURCE_TAIL.split(source.strip(), 1)[0].strip()
    if re.search(r"阅读|閱讀|点击|點擊|浏览|瀏覽", name) or name.endswith(_ZONE_ENDINGS):
        return  # 本文被阅读次数: a counter; 某某经济技术开发区: the publishing zone, not an outlet
    if name in _NOT_OUTLETS or name.startswith(_UNKNOWN_SOURCE) or "://" in name:
        return  # 本站, 网络, a URL: no outlet named
    if not any("\u4e00" <= ch <= "\u9fff" for ch in name) and not (name.isalpha() and len(name) >= 3):
        return  # sp20241122 (cut at its date): a code, not a Latin outlet's name
    existing = next((e for e in entities if e.type == "Organization" and (e.name == name or name in e.aliases)), None)
    mention = Mention(0, 0, "Organization", "Media", "metadata:source", 1.0, name=name)
    if existing:
        existing.mentions.append(mention)
        return
    kind = "GovernmentBody" if name.endswith(("管委会", "政府", "党工委", "管理局")) else "Media"
    entities.append(LocalEntity("Organization", name, kind, [mention]))


def _zone_metadata(doc: Document, entities: list[LocalEntity]) -> None:
    """发布开发区 / the record's zone: a fuller name of a zone the text mentions becomes its name."""
    from kg.extract.forms import forms

    zone = (doc.article.zone or "").strip()
    if not zone:
        return
    wanted = {normalise_name(f) for f in forms("Zone", zone)}
    for e in entities:
        if e.type == "Zone" and wanted & {normalise_name(f) for n in (e.name, *e.aliases) for f in forms("Zone", n)}:
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
