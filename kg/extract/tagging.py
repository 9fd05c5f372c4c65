"""Recall from the statistical tagger (kg.extract.tagger), gated.

The tagger adds spans no finder read (it never overrides a cue-found name):

- a CLUENER ``name`` span becomes a Person when it has a plausible form
  (surname + given name, or transliteration characters) and is not a place,
  and either sits where a cue expects a name (after a title, before 表示 / 说)
  or the tagger is confident (PERSON_CONFIDENCE);
- a ``company`` / ``organization`` / ``government`` span becomes an
  Organization when the tagger is confident (ORG_CONFIDENCE) and the span is
  not a place, a field (新能源汽车), a zone or cluster name, or a category of
  bodies (科研院所).

The thresholds were set by measuring both the zone-news gold (where the gates
cost nothing) and the CLUENER held-out split fed through ``kg extract``
(bench/extraction.py); KG_TAG_PERSON / KG_TAG_ORG override them, KG_TAGGER=off
switches the tagger off.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import ahocorasick

from kg.extract.document import Document, Mention, Occupancy, tokens, word_tags
from kg.extract.events import ORDINAL
from kg.extract.industries import industry_term
from kg.extract.lexicon import CLUSTER_HEADS, GENERIC_HEADS, NAME_STOP_WORDS, ORG_SUFFIXES, STOP_TOKENS, SURNAMES, ZONE_SUFFIXES
from kg.extract.names import TRANSLIT, is_plausible_name, titles
from kg.extract.places import best_candidate
from kg.extract.roles import HEAD_TITLES, names_no_body

#: KG_TAGGER=off disables the tagger (used by the benchmark to measure its share).
ENABLED = os.environ.get("KG_TAGGER", "on") != "off"
#: KG_TAGGER_SCREEN=off runs the full tagger on every sentence (see tag_document).
SCREENED = os.environ.get("KG_TAGGER_SCREEN", "on") != "off"
#: The screening model's probability of an entity at an unread character that sends a sentence to the full tagger.
SCREEN_CHANCE = float(os.environ.get("KG_TAGGER_SCREEN_CHANCE", "0.01"))


@lru_cache(maxsize=2)
def _model(loader: str):
    """kg.extract.tagger's ``default_tagger`` or ``default_screen``, or None where the model cannot load."""
    try:
        from kg.extract import tagger

        return getattr(tagger, loader)()
    except (ImportError, OSError, FileNotFoundError):
        return None


_SPEECH = ("表示", "说", "介绍", "指出", "认为", "强调", "透露", "致辞")


@lru_cache(maxsize=1)
def _cue_automaton():
    """Titles and speech words in one automaton; each match reports (word, is a title, is a speech word)."""
    automaton = ahocorasick.Automaton()
    for word in {*titles(), *_SPEECH}:
        automaton.add_word(word, (word, word in titles(), word in _SPEECH))
    automaton.make_automaton()
    return automaton


def _cue_positions(text: str) -> list[int]:
    """Where an unread name may stand: after a title followed by a surname, or before a speech
    word preceded by a surname two or three characters earlier."""
    positions = []
    for last, (word, is_title, is_speech) in _cue_automaton().iter(text):
        start, after = last - len(word) + 1, last + 1
        if is_title and after < len(text) and (text[after] in SURNAMES or text[after] in TRANSLIT):
            positions.append(after)
        if is_speech and any(start - n >= 0 and text[start - n] in SURNAMES for n in (2, 3)):
            positions.append(start)
    return positions


#: Confidence (mean marginal) above which a tagged span stands without a cue next to it.
PERSON_CONFIDENCE = float(os.environ.get("KG_TAG_PERSON", "0.6"))
ORG_CONFIDENCE = float(os.environ.get("KG_TAG_ORG", "0.6"))
_ORG_LABELS = {"company": "Company", "organization": "Organization", "government": "GovernmentBody"}
_USED_LABELS = frozenset({"name", *_ORG_LABELS})  # _gate drops every other class


def tag_document(doc: Document) -> list:
    """Tagger spans over the whole document (offsets into Article.text), computed once.

    A sentence goes to the full tagger only when the screening model (a CRF with a third of
    the attributes and no jieba pass) finds a name or an organisation there that no finder has
    read: a tagged span over a read name is dropped anyway (add_tagged), and most sentences of
    zone news have none left over.
    """
    if doc.tagged is None:
        tagger = _model("default_tagger") if ENABLED else None
        screen = _model("default_screen") if SCREENED else None
        doc.tagged = []
        if tagger is not None:
            others = doc.name_occupancy()
            for sentence in doc.sentences:
                text = doc.simplified[sentence.start : sentence.end]
                if screen is not None and not screen.may_tag(text, _unread(others, sentence), SCREEN_CHANCE):
                    continue
                for span in tagger.tag_sentence(text, _USED_LABELS):
                    doc.tagged.append(type(span)(sentence.start + span.start, sentence.start + span.end, span.label,
                                                 span.confidence))
    return doc.tagged


def _unread(others: Occupancy, sentence) -> range | list[int]:
    """Offsets in the sentence of the characters no finder's name covers."""
    if not others.overlaps(sentence.start, sentence.end):
        return range(sentence.end - sentence.start)
    return [i - sentence.start for i in range(sentence.start, sentence.end) if not others.overlaps(i, i + 1)]


def add_tagged(doc: Document) -> list[Mention]:
    """Tagged persons at an open cue or confident; tagged organisations when confident."""
    spans = tag_document(doc)
    if not spans:
        return []
    found = []
    others = doc.name_occupancy()
    places = Occupancy(len(doc.simplified), ((m.start, m.end) for m in doc.mentions if m.type == "Place"))
    place_spans = {(m.start, m.end) for m in doc.mentions if m.type == "Place"}
    by_sentence: dict[int, list] = {}
    for span in spans:
        by_sentence.setdefault(doc.sentence_at(span.start).index, []).append(span)
    for sentence in doc.sentences:
        if sentence.index not in by_sentence:
            continue
        text = doc.simplified[sentence.start : sentence.end]
        open_cues = [p for p in (sentence.start + q for q in _cue_positions(text))
                     if not (others.overlaps(max(p - 1, 0), p + 1) or places.overlaps(max(p - 1, 0), p + 1))]
        for span in by_sentence[sentence.index]:
            start, end = span.start, span.end
            if others.overlaps(start, end):
                continue
            # an organisation may contain a place (南京银行); a name containing or crossing one is wrong
            if places.overlaps(start, end) and (span.label == "name" or (start, end) in place_spans or _crosses(doc, start, end)):
                continue
            mention = _gate(doc, span, start, end, open_cues)
            if mention:
                found.append(doc.add(mention))
                others.mark(start, end)
    return found


def _crosses(doc: Document, start: int, end: int) -> bool:
    """A place mention that sticks out of [start, end)."""
    return any(m.type == "Place" and m.start < end and start < m.end and not (start <= m.start and m.end <= end)
               for m in doc.mentions)


def _gate(doc: Document, span, start: int, end: int, open_cues: list[int]) -> Mention | None:
    name = doc.simplified[start:end]
    confidence = round(span.confidence, 3)
    if span.label == "name":
        cued = any(abs(start - c) <= 1 or abs(end - c) <= 1 for c in open_cues)
        if not (cued or span.confidence >= PERSON_CONFIDENCE):
            return None
        if not is_plausible_name(name) or best_candidate(name) is not None:
            return None  # 安吉 is a county before it is anybody's name
        return Mention(start, end, "Person", None, "crf", confidence, name=name)
    if span.label in _ORG_LABELS and span.confidence >= ORG_CONFIDENCE and 2 <= len(name) <= 24:
        start, end = _without_clause_words(doc.simplified, start, end)
        name = doc.simplified[start:end]
        title = next((t for t in titles() if len(t) >= 2 and name.endswith(t)), None)
        if title:  # 某某省委常委: the post held there is no part of the body's name
            end -= len(title) - (title in HEAD_TITLES and not name[: -len(title)].endswith(title[0]))  # 某国发展部长
            name = doc.simplified[start:end]
            if len(name) < 2 or any(m.type != "Place" and m.start < end and start < m.end for m in doc.mentions):
                return None
        elif doc.simplified.startswith(HEAD_TITLES, end) and not name.endswith(doc.simplified[end]):
            end += 1  # 某国国家发展|部长: the tagger leaves the 部 of 部长 out of the body's name
            name = doc.simplified[start:end]
        if best_candidate(name) is not None or name in GENERIC_HEADS or industry_term(name) \
                or names_no_body(doc.simplified, start, end):
            return None  # a place, a bare head word or a field (新能源汽车) is not an organisation
        if _holds_news_verb(name):
            return None  # 某某港签约引进…, 扎根某谷, 设立政府: a clause the tagger read as a name
        if doc.simplified.startswith("「", end) and any(m.start == end + 1 and m.method == "pattern:quoted-company"
                                                           for m in doc.mentions):
            return None  # 医疗器材公司「A」: what the company is; its name is in the quotes
        if name.endswith(("院所", "机构", "企业", "单位", "部门")):
            return None  # 科研院所, 投资机构: a category of bodies
        if name.endswith(("宝宝", "宝贝", "妈妈", "爸爸", "夫妇", "新人", "家属", "粉丝")):
            return None  # 某园区宝宝, 某某新人: people called after a place or a body, a nickname, no body
        if name.endswith(("奖", "奖项", "大奖")):
            return None  # an award named after a body or a person (the guide's negatives), no body
        if name.endswith(("资金", "经费", "补贴", "奖补")):
            return None  # 某省成果转化专项资金: a budget the government spends, not a body (the guide's negatives)
        if name.endswith((*ZONE_SUFFIXES, *CLUSTER_HEADS, "地", "区")) or "集群" in name:
            return None  # zones, clusters and 发源地 are not organisations
        return Mention(start, end, "Organization", _ORG_LABELS[span.label], "crf", confidence, name=name)
    return None


def _holds_news_verb(name: str) -> bool:
    """A news verb of two or more characters from the left walk's stop list (签约, 引进, 扎根, 设立, 培养) inside a
    tagged span: the span runs over a clause, no body's name holds such a verb."""
    return any(len(t) >= 2 and t not in NAME_STOP_WORDS and t in STOP_TOKENS for t in tokens(name))


_LEADING_TAGS = ("p", "c", "d")
_TERM = re.compile(ORDINAL)  # 第十届, 首届: a body's term reads as an event's edition
_BODY_HEADS = tuple(h for h in ORG_SUFFIXES if len(h) >= 2) + ("厅", "局", "委", "会", "部", "办", "院", "所", "政府")


def _without_clause_words(text: str, start: int, end: int) -> tuple[int, int]:
    """按照市委, 若单纯检视某市政府, 某厅贯彻…, 某总会协办: the tagger took in the clause's preposition, adverb
    or verb around the body's name; a leading function word goes, and a verb after the body's head word."""
    term = _TERM.match(text, start, end)
    if term and end - term.end() >= 2:
        start = term.end()  # 第十届某某省人大常委会: the body's term (an edition) is no part of its name
    parts = list(tokens(text[start:end]))
    while len(parts) > 1 and len(parts[0]) >= 2 and word_tags().get(parts[0]) in _LEADING_TAGS:  # not 必和必拓's 必
        start += len(parts.pop(0))
    for index in range(1, len(parts)):
        before = "".join(parts[:index])
        if word_tags().get(parts[index]) == "v" and before.endswith(_BODY_HEADS) and len(before) >= 3:
            return start, start + len(before)
    return start, end
