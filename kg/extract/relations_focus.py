"""focusIndustry: a field named inside a cluster, fund or event name, or listed
after a focus cue (聚焦, 重点投向, 主导产业 …) with the zone, fund, cluster or
event the sentence is about as the subject."""

from __future__ import annotations

import re

from kg.extract.lexicon import FOCUS_CUES

_SUBJECT_TYPES = ("Fund", "Cluster", "Event", "Zone")
# …等主导产业 / 首位产业 / 支柱产业: a zone's own ranking of its fields, never an event's or a fund's
_HOSTS = re.compile(r".{0,3}?(?:举行|举办|召开|开幕|开展)")
# (anywhere later in the field's clause: A、B、C、D等主导产业 ranks its first item too)
_RANKED_AFTER = re.compile(r"[^，。；：]{0,40}?(?:主导|支柱|首位)产业")
# 主要投向A、B / 专注于A领域: what a fund puts its money in (a zone develops, it does not invest), whichever zone the
# clause names as where the money goes (该基金主要投向某园区A、B等产业)
_FUND_VERB = re.compile(r"投向|投资于|重点投资|主要投资|用于投资|专注于")
# 其中省某某引导基金认缴出资6亿元 / 由A发起，B基金参与: a fund that puts money into the one the article is about, named
# in a sentence before the clause on what 该基金 invests in, is its backer, not what 该基金 refers to
_BACKS = re.compile(r"[^，。；]{0,3}?(?:认缴|出资|参与|参股|跟投)")
# A园、B园、C园等五大园区: a name standing in a list of its type is one of several, whose fields the list does not state
_LIST_JOINER = re.compile(r"^(?:、|和|及|与|以及)$")
_TOPIC_VERB = re.compile(r"围绕|聚焦")
# 期间，将围绕A、B等热点话题举行全体会议: a clause on what an event's sessions are about names the article's event's
# topics, not its zone's fields
_PROGRAMME = re.compile(r"话题|议题|主题|专题|论坛|举行|举办|召开")
# 以A、B为主导的某某产业集群: the list ranks the fields of the cluster (or park) named right after it, not of the zone
# the clause opens with
_LED_BY = re.compile(r"[^，。；：]*?为(?:主导|主|核心|特色|重点)(?:产业)?的[“\"]?")
# …为主导的某某产业集群 / 某某产业园 the rules did not name: still a cluster's or park's own fields, not the zone's
_LED_PLACE = re.compile(r"[^，。；：、“”\"]{2,20}?(?:产业集群|产业园|工业园|园区)")
# what may stand before a clause's subject: quotes, connectives and times (同时，其中, 目前, 今年)
_OPENING_WORDS = re.compile(r"[“”\"\s]|^(?:同时|其中|目前|今年|如今|此外|另外|而|并且|下一步|未来)")


def focus_relations(finder) -> None:
    doc = finder.doc
    industries = [e for e in finder.entities if e.type == "Industry"]
    if not industries:
        return
    # fields inside names: the longest ones only (智能网联新能源汽车产业基金 -> 智能网联新能源汽车, not 汽车)
    for e in finder.entities:
        if e.type not in ("Fund", "Cluster", "Event"):
            continue
        first = min(e.mentions, key=lambda m: m.start)
        for name in {e.name, *e.aliases}:
            spans = []
            for industry in industries:
                for form in {industry.name, *industry.aliases}:
                    position = name.find(form)
                    if position >= 0:
                        spans.append((position, position + len(form), industry))
            for start, end, industry in spans:
                if not any(s <= start and end <= t and (t - s) > (end - start) for s, t, _ in spans):
                    finder.add(e, "focusIndustry", industry, doc.sentence_at(first.start), "pattern:name-field", 0.75)
    # fields listed after a focus cue
    for industry in industries:
        for m in industry.mentions:
            if not m.method.startswith(("pattern:focus", "gazetteer:industry")):
                continue
            sentence = doc.sentence_at(m.start)
            if m.method == "pattern:focus-table":
                subject = _row_subject(finder, m)
                if subject is not None:
                    finder.add(subject, "focusIndustry", industry, sentence, "table:focus-row", 0.7)
                continue
            text = doc.sentence_text(sentence)
            if not any(cue in text for cue in FOCUS_CUES):
                continue
            ranked = bool(_RANKED_AFTER.match(doc.simplified, m.end))
            subject, how = _subject(finder, sentence, m.start, ("Zone", "Cluster") if ranked else _SUBJECT_TYPES)
            if subject is not None:
                # how the subject was found goes into the method: a subject the clause names is a stronger
                # statement than the article's zone taken from afar, and the filter weighs each apart
                finder.add(subject, "focusIndustry", industry, sentence, f"pattern:focus-cue{how}", 0.7)


def _row_subject(finder, field):
    """The zone or cluster a table row names before its field cell (kg.extract.industries._table_fields)."""
    text = finder.doc.simplified
    row_start = text.rfind("\n", 0, field.start) + 1
    named = [(m.start, e) for e in finder.entities if e.type in ("Zone", "Cluster")
             for m in e.mentions if row_start <= m.start and m.end <= field.start]
    return max(named, key=lambda pair: pair[0])[1] if named else None


def _subject(finder, sentence, offset, types=_SUBJECT_TYPES):
    """What a listed field is the focus of: a fund, cluster, event or zone (of ``types``) in the same clause (before
    it, or after it in "X是Y的…产业"), else a fund earlier in the sentence, else the nearest cluster, event or zone
    earlier in it (在某推介会上，某片区将重点发展…: the zone, not the event where it was said), else the article's zone.
    A park (某某产业园) is a subject like any zone: one named in the sentence is what the sentence is about more
    often than the article's zone (realdev folds 0-3: 7 more right subjects, 3 fewer wrong).  Returns the subject and
    how it was found (a suffix of the relation's method: "" named before it in the clause, -article the article's zone)."""
    text = finder.doc.simplified
    clause_start = max(text.rfind(ch, sentence.start, offset) for ch in "，；：") + 1
    clause_start = max(clause_start, sentence.start)
    ends = [i for i in (text.find(ch, offset, sentence.end) for ch in "，；：。") if i >= 0]
    clause_end = min(ends or [sentence.end])
    if "Fund" in types and _FUND_VERB.search(text, clause_start, offset):
        fund = _fund_before(finder, offset, sentence.start)
        if fund is not None:
            return fund, "-fund"
    mentions = [c for c in finder.mentions(sentence, *types) if not finder._inside_other(c, sentence)]
    led = _LED_BY.match(text, offset, clause_end)
    ranked_by = [c for c in mentions if led and c.start == led.end() and c.type in ("Cluster", "Zone")]
    if ranked_by:
        return finder.entity(ranked_by[0]), "-led"
    led_place = led and _LED_PLACE.match(text, led.end(), clause_end)
    if led_place:
        # a short form of a named park (以A为主导的零碳产业园: 某某零碳产业园), else one the text names only here
        named = [e for e in finder.entities if e.type in ("Cluster", "Zone")
                 and any(form.endswith(led_place.group()) for form in (e.name, *e.aliases))]
        return (named[0], "-led") if len(named) == 1 else (None, "")
    in_clause = [c for c in mentions if clause_start <= c.start < clause_end]
    before = sorted((c for c in in_clause if c.start < offset), key=lambda c: -c.start)
    after = sorted((c for c in in_clause if c.start > offset), key=lambda c: c.start)
    if before:
        return finder.entity(before[0]), ""
    if after and re.search("是|为", text[offset : after[0].start]):
        return finder.entity(after[0]), "-after"
    # (a listed park's entity: 等三大产业园区 after the list may be read as its last item's mention)
    listed = {id(finder.entity(c)) for c in mentions if _listed(text, c, mentions)}
    earlier = sorted((c for c in mentions if c.start < clause_start and id(finder.entity(c)) not in listed and not (
        c.type == "Zone" and _HOSTS.match(text, c.end))), key=lambda c: c.start)  # 峰会在某高新区举行，聚焦…: the event's
    # the named subject a clause opens with (据了解，某产业园由某高新区管委会共建，…，重点聚焦…: the park) outranks a
    # name inside a clause (an agent after 由, an object after 投资); a bare 母基金 opening one names no subject of its own
    openers = [c for c in earlier if not c.generic and _opens_clause(text, c, sentence.start)]
    for group, how in (([c for c in openers if c.type == "Fund"], "-opener"),
                       ([c for c in earlier if c.type == "Fund"], "-earlier"), (openers, "-opener"), (earlier, "-earlier")):
        if group:
            return finder.entity(group[-1]), how
    # 重庆将重点发展A、B / 某市产业门类齐全、以A、B为主导: a place opening the field's clause is whose fields they are,
    # not the article's zone's
    if any(clause_start <= c.start < offset and _opens_clause(text, c, sentence.start)
           for c in finder.mentions(sentence, "Place") if not finder._inside_other(c, sentence)):
        return None, ""
    # an article on an event that names no zone (本届交易会…，围绕A、B等领域，参展项目…): the fields a clause centres on
    # (围绕, 聚焦) are the event's topics
    topical = "Event" in types and _TOPIC_VERB.search(text, clause_start, offset)
    if topical and finder.main_event is not None and _PROGRAMME.search(text, offset, clause_end):
        return finder.main_event, "-event"
    zone = _topic_zone(finder)
    if zone is not None:
        return zone, "-article"
    return (finder.main_event, "-event") if topical else (None, "")


def _fund_before(finder, offset, sentence_start=0):
    """The fund named last before ``offset`` (该基金主要投向…: the fund the article is about, named before), skipping
    a backer named in an earlier sentence."""
    text = finder.doc.simplified
    named = [(m.start, e) for e in finder.entities if e.type == "Fund"
             for m in e.mentions if not m.generic and m.start < offset
             and not (m.end <= sentence_start and _BACKS.match(text, m.end))]
    return max(named, key=lambda pair: pair[0])[1] if named else None


def _listed(text, mention, mentions):
    """The mention stands in a list with another name of its type (A园、B园): one of several, no clause's subject."""
    return any(other is not mention and other.type == mention.type and (
        _LIST_JOINER.match(text[mention.end:other.start]) or _LIST_JOINER.match(text[other.end:mention.start]))
        for other in mentions)


def _topic_zone(finder):
    """The zone the article is about: its main zone, unless a park is named more often (an article on a park that
    names the new area it lies in once: the park's fields, not the area's).  Without a main zone a park is no
    fallback: articles naming parks only (a science park abroad) list their work, seldom their fields."""
    parks = [e for e in finder.entities if e.type == "Zone" and e.kind == "Park"]
    main = finder.main_zone
    park = min(parks, key=lambda e: (-len(e.mentions), e.first), default=None)
    if main is not None and park is not None and len(park.mentions) > len(main.mentions):
        return park
    return main


def _opens_clause(text, mention, sentence_start):
    edge = max(max(text.rfind(ch, sentence_start, mention.start) for ch in "，；：") + 1, sentence_start)
    return not _OPENING_WORDS.sub("", text[edge : mention.start].strip())
