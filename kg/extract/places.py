"""Administrative places and countries, matched against the division gazetteer.

Full names (湖州市, 安吉县, 滨海新区) and the short forms of provinces, cities
and counties (湖州, 安吉) are taken; a district's short form alone (朝阳, 南岸)
is too ambiguous with ordinary words and needs its suffix, and a county's short
form needs the county's city or province named.  A short form the segmenter
reads as a word (大同, 营口) is taken where the text names that place in full or
names a zone after it.  中国 opens so many names (中国移动, 中国科学院, 中国特色…) that it is a place only where
it stands alone between particles or punctuation (与中国、在中国的, 中国是).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.automaton import build, occurrences_by_start
from kg.extract.document import Document, Mention, Occupancy, tokens, word_tags
from kg.extract.gazetteers import PlaceCandidate, lookup_place, place_names
from kg.extract.gazetteers.places import short_form
from kg.extract.names import occurrences

_NEVER = {"中国", "中华", "华夏", "东方", "长城"}
_MAX = 12
# A short form followed by one of these is part of a longer word (安吉的 is fine, 和平发展 is not a place).
_WORD_AFTER = set("路街道镇乡村湾湖山河岛")


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return frozenset(name for name in place_names() if len(name) >= 2 and name not in _NEVER)


@lru_cache(maxsize=1)
def _automaton():
    return build(name for name in _names() if len(name) <= _MAX)


_PLACE_TAGS = {"ns", "nr", "nz", None}


_WORD_TAGS = {"v", "vn", "a", "ad", "an", "d", "b", "f", "t", "m", "q"}


def _is_common_word(name: str, level: str) -> bool:
    """资源, 新兴, 合作: county or city short forms that are first of all ordinary words.

    County short forms must be place-like words to the segmenter's dictionary; a
    city's short form is refused only when the dictionary knows it as a verb,
    adjective or the like (合肥 is tagged a common noun, 合作 a verbal noun).
    """
    tag = word_tags().get(name, None)
    return tag not in _PLACE_TAGS if level == "County" else tag in _WORD_TAGS


@lru_cache(maxsize=16384)
def best_candidate(name: str) -> PlaceCandidate | None:
    """The place a name most plausibly denotes (highest level first), None when it is not one."""
    candidates = lookup_place(name)
    for candidate in candidates:
        is_full = name == candidate.name or candidate.level == "Country"
        if is_full or candidate.level in ("Province", "City", "County") and not _is_common_word(name, candidate.level):
            return candidate
    return None


def find_places(doc: Document) -> list[Mention]:
    text = doc.simplified
    found = []
    starts = occurrences_by_start(_automaton(), text)
    i = 0
    for begin in sorted(starts):
        if begin < i:
            continue  # inside the place found before
        hit = None
        for length in sorted({len(name) for name in starts[begin]}, reverse=True):  # longest first
            candidate = text[begin : begin + length]
            place = best_candidate(candidate)
            # (a full name keeps its suffix's word edge: 福田区河套 is 福田区, 河套 after it)
            if place and not (begin + length < len(text) and text[begin + length] in _WORD_AFTER and candidate != place.name):
                if not _inside_word(text, begin, length, place) and not _in_other_words(text, begin, begin + length, place,
                                                                                         found):
                    hit = (length, place)
                break
        if hit:
            length, place = hit
            found.append(
                doc.add(Mention(begin, begin + length, "Place", place.level, "gazetteer:place", 0.9,
                                name=text[begin : begin + length]))
            )
            i = begin + length
    found = _without_lone_county_words(doc, found) + _home_country(doc)
    return found + _find_towns(doc, found)


_HOME = re.compile(r"中国")
# Around a standalone 中国: what ends a clause or joins it to a neighbour; a character of a name (红杉中国, 中国移动,
# 中国式) on either side makes it part of that name
_HOME_BEFORE = set("，,。、；;：:（(“\"「 \n与和及同跟对向从到为是于在赴自把将让使给")
_HOME_AFTER = set("，,。、；;：:）)”\"」 \n的和与及同是已将在也有为还正等")


def _home_country(doc: Document) -> list[Mention]:
    """中国 written on its own (与中国、在中国的市场, 中国是): the country, a Place like any other (the guide's Place)."""
    text = doc.simplified
    country = best_candidate("中国")
    found = []
    for m in _HOME.finditer(text):
        before, after = text[m.start() - 1: m.start()] or "\n", text[m.end(): m.end() + 1]
        if before in _HOME_BEFORE and after and after in _HOME_AFTER:
            found.append(doc.add(Mention(m.start(), m.end(), "Place", country.level, "gazetteer:place", 0.9,
                                         name=m.group())))
    return found


# 某县某某镇, 某区某某街道: a town is named right after its county, district or city written in full (the gazetteer
# lists no towns); the characters that make a count, a determiner or another level (各乡镇, 城乡) name none.
_TOWN = re.compile(r"([\u4e00-\u9fff]{2,3}?)(镇|乡|街道)")
_NOT_IN_TOWN = set("乡镇城区县市省各全每所该本这等和与及的在")


def _find_towns(doc: Document, found: list[Mention]) -> list[Mention]:
    text = doc.simplified
    towns: list[Mention] = []
    for m in found:
        place = best_candidate(m.name)
        if place is None or place.name != m.name or place.level not in ("City", "County", "District"):
            continue
        match = _TOWN.match(text, m.end)
        if match is None or _NOT_IN_TOWN & set(match.group(1)) or lookup_place(match.group(1)):
            continue
        towns.append(doc.add(Mention(match.start(), match.end(), "Place", "Town", "pattern:town", 0.8, name=match.group())))
    # the same town written again on its own (来到某某镇)
    taken = Occupancy(len(text), ((m.start, m.end) for m in doc.mentions))
    for name in {t.name for t in towns}:
        for begin in occurrences(text, name):
            if not taken.overlaps(begin, begin + len(name)):
                towns.append(doc.add(Mention(begin, begin + len(name), "Place", "Town", "pattern:town", 0.8, name=name)))
                taken.mark(begin, begin + len(name))
    return towns


def _without_lone_county_words(doc: Document, found: list[Mention]) -> list[Mention]:
    """A county's short form (友谊, 三江, 凤凰, 惠民 are words too) is that county only where the text names the
    county in full, or its city or province (the record's region included): 加深友谊 in an article on 哈尔滨 names
    no county of 双鸭山."""
    region = doc.article.region or ""
    written = {c.name for m in found for c in [best_candidate(m.name)] if c is not None
               and (c.name == m.name or c.level in ("Province", "City", "Country"))}
    lone = set()
    for m in found:
        county = best_candidate(m.name) if m.kind == "County" else None
        if county is None or county.name == m.name:
            continue
        named = {county.name, *county.parents}
        if not written & named and not any(short_form(n) in region for n in named if region):
            lone.add(id(m))
    if lone:
        doc.mentions[:] = [m for m in doc.mentions if id(m) not in lone]
    return [m for m in found if id(m) not in lone]


# What follows a place inside an outlet's name (香港商报官网, 湖北日报): the outlet, no mention of the place.
_MEDIA_AFTER = ("商报", "日报", "晚报", "早报", "时报", "电视台", "广播电视", "新闻网", "官网", "在线", "卫视")


def _in_other_words(text: str, start: int, end: int, place: PlaceCandidate, found: list[Mention]) -> bool:
    """The place's name is part of other words: an outlet's name (香港商报官网), a round figure (突破千亿元大关: 大关
    a county's short form), or a district whose two-character name is an ordinary word (城区, 矿区) without its city
    before it."""
    if text.startswith(_MEDIA_AFTER, end):
        return True
    if place.level in ("County", "District") and text[start - 1 : start] in ("亿", "万", "千", "百", "元"):
        return True
    ordinary = place.level == "District" and end - start == 2 and word_tags().get(text[start:end]) in ("n", "s", "f")
    return ordinary and not (found and found[-1].end == start)


def is_short_county(name: str) -> bool:
    """A county-level place written without its suffix (安吉, 太湖): unsafe inside other names."""
    place = best_candidate(name)
    return place is not None and place.level in ("County", "District") and name != place.name


def _inside_word(text: str, i: int, length: int, place: PlaceCandidate) -> bool:
    """深海原位 is not 海原, 内蒙古 is not 蒙古, 三大新兴 is not 大新: a county or country name
    that does not begin and end on word boundaries."""
    if place.level not in ("County", "Country"):
        return False
    return not _word_bounded(text, i, i + length)


def _word_bounded(text: str, start: int, end: int) -> bool:
    """The segmenter cuts the text at both ends of the span."""
    window_start = max(0, start - 3)
    boundaries = {window_start}
    for token in tokens(text[window_start : end + 3]):
        boundaries.add(max(boundaries) + len(token))
    return start in boundaries and end in boundaries


def canonical_place(name: str) -> str:
    """Short form for provinces, cities, countries and counties (安吉县 -> 安吉); districts keep 区."""
    place = best_candidate(name)
    if place is None:
        return name
    if place.level == "Country":
        return place.short
    if place.level in ("County", "District"):
        # 长沙县 stays 长沙县: its short form is the city's name.
        clash = any(other.level in ("Province", "City") for other in lookup_place(place.short))
        if place.level == "District" or clash:
            return place.name
    return place.short


def confirmed_short_forms(doc: Document) -> list[Mention]:
    """大同, 营口 or 曹妃甸 written alone: a short form the segmenter reads as an ordinary word (大同 an adverb,
    营口 a verb) or a district's short form is the place where the text names that place itself, in full (大同市)
    or opening a zone's name (营口凤鸣经济开发区), provided the word stands alone between word boundaries (the
    tagger's person of that name included).  A district confirmed by a zone's name alone needs its city named
    too (东湖 of a 东湖 zone in 武汉 is no district of 南昌)."""
    text = doc.simplified
    named = [m for m in doc.mentions if m.type in ("Place", "Zone") and not m.generic and m.end > m.start]
    written = {best_candidate(m.name).name for m in named if m.type == "Place" and best_candidate(m.name)}
    confirmed: dict[str, PlaceCandidate] = {}
    for m in named:
        rest = m.name
        for _ in range(2 if m.type == "Zone" else 1):  # 江苏青溪经济开发区: the province, then the county
            lead = next((rest[:n] for n in (4, 3, 2) if len(rest) > n and lookup_place(rest[:n])), None)
            if lead is None or (m.type == "Place" and lead != rest):
                break
            rest = rest[len(lead):]
            known = best_candidate(lead)
            if known is not None and known.name == lead:
                # a city's full name (大同市) confirms its short form; a district's short form (呼兰 of 呼兰区)
                # stays too ambiguous
                if known.level in ("City", "Province") and len(known.short) >= 2 and best_candidate(known.short) is None:
                    confirmed.setdefault(known.short, known)
                continue
            # a zone named by the place and its own words (营口凤鸣经济开发区, not 合作园 of 中外合作园区)
            if known is not None or m.type != "Zone" or len(rest) < 3:
                continue
            candidates = lookup_place(lead)
            first = candidates[0]
            if first.level not in ("City", "Province") and (
                    len(candidates) > 1 or first.parents[0] not in written or first.name in written):
                continue  # (a district written in full, 呼兰区, is found by that name)
            confirmed.setdefault(lead, first)
    # 曹妃甸 read by the tagger as a person's name: the place the text names a zone after
    doc.mentions = [m for m in doc.mentions if not (m.type == "Person" and m.method == "crf" and m.name in confirmed)]
    found = []
    taken = Occupancy(len(text), ((m.start, m.end) for m in doc.mentions))
    for short, place in confirmed.items():
        for begin in occurrences(text, short):
            end = begin + len(short)
            if taken.overlaps(begin, end) or text[end : end + 1] in _WORD_AFTER | set("市县区省州") \
                    or not _word_bounded(text, begin, end):
                continue
            found.append(doc.add(Mention(begin, end, "Place", place.level, "gazetteer:place", 0.8, name=short,
                                         canonical=canonical_place(place.name))))
            taken.mark(begin, end)
    return found
