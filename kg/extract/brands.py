"""Brand names of a zone (光谷 for 武汉东湖新技术开发区, 泰达 / TEDA for 天津经济技术开发区).

A brand cannot be derived from the legal name, but the text gives it away:
a short name that stands where a place stands (在B举行, 来B就业, 对B的,
目前B已集聚, 位于…的B) and that also begins other names of the article
(B人工智能产业峰会, B生物城); a quoted name the text gives the zone (Z“B”, 被誉为 / 号称 /
素有“B”之称, or “<place>B” whose B begins other names: “中国光谷”); or an acronym in
parentheses after the zone's name, or in apposition to a zone category (作为…开发区之一，TEDA).
Such a brand is an alias of the article's zone.
"""

from __future__ import annotations

import re

from kg.extract.document import Document, Mention
from kg.extract.forms import forms
from kg.extract.gazetteers import lookup_place
from kg.extract.places import best_candidate
from kg.identity import normalise_name

_SLOT = re.compile(
    r"(?:在|来|从|对|赴|目前|如今|近年来|的|，)([\u4e00-\u9fff]{2,3}?)(?:举行|开幕|召开|的|已|就业|继|近年来)"
)
_QUOTED = re.compile(r"“([\u4e00-\u9fffA-Za-z]{2,8})”")
_NAMING_BEFORE = re.compile(r"(?:被誉为|誉为|号称|被称为|素有|享有|人称)$")
_NAMING_AFTER = re.compile(r"^(?:之称|的美誉|美誉|的称号|之誉)")
_NUMBERED = re.compile(r"[一二三四五六七八九十百千万两零0-9]")  # 天津开发区“十四五”期间: a plan period, not a name
_ACRONYM = re.compile(r"(?<![A-Za-z])([A-Z]{2,6})(?![A-Za-z])")
_CATEGORY_APPOSITION = re.compile(r"作为[^，。；]{0,30}(?:开发区|高新区|经开区|园区|新区)之一，$")
_NOT_BRANDS = {"这里", "当地", "本地", "全区", "全市", "园区", "开发区", "企业", "公司", "这些", "我们", "他们", "项目", "产业", "中国"}


def main_zone_name(doc: Document) -> str | None:
    zones = [m for m in doc.mentions if m.type == "Zone" and not m.generic]
    if not zones:
        return None
    if doc.article.zone:
        wanted = {normalise_name(f) for f in forms("Zone", doc.article.zone)}
        for m in zones:
            if normalise_name(m.name) in wanted or {normalise_name(f) for f in forms("Zone", m.name)} & wanted:
                return m.name
    counts: dict[str, int] = {}
    for m in zones:
        if m.kind != "Park":
            counts[m.name] = counts.get(m.name, 0) + 1
    return max(counts, key=lambda n: (counts[n], len(n))) if counts else None


def find_brands(doc: Document) -> list[Mention]:
    zone = main_zone_name(doc)
    if zone is None:
        return []
    text = doc.simplified
    named = [m for m in doc.mentions if not m.generic]
    taken = [(m.start, m.end) for m in doc.mentions if m.type != "Place"]
    found = []
    candidates: dict[str, list[int]] = {}
    for match in _SLOT.finditer(text):
        brand = match.group(1)
        if brand in _NOT_BRANDS or best_candidate(brand) is not None or lookup_place(brand):
            continue  # 在包头召开: a city's short form where a place stands is the city, never the zone's brand
        prefixes = {m.name for m in named if m.name.startswith(brand) and len(m.name) > len(brand) + 1}
        if prefixes:
            candidates.setdefault(brand, []).append(match.start(1))
    for brand in _quoted_brands(doc, named) + _acronyms(doc):
        candidates.setdefault(brand, [])
    for brand in sorted(candidates, key=len, reverse=True):  # “中国光谷” before the 光谷 inside it
        for occurrence in re.finditer(re.escape(brand), text):
            start, end = occurrence.span()
            if any(s < end and start < e for s, e in taken) and not any(s == start and e == end for s, e in taken):
                continue
            found.append(doc.add(Mention(start, end, "Zone", "Zone", "pattern:zone-brand", 0.7, name=text[start:end],
                                         canonical=zone)))
            taken.append((start, end))
    return found


def _is_zone_before(doc: Document, offset: int) -> bool:
    """The last mention ending in the clause before ``offset`` is a zone (the subject the cue describes)."""
    text = doc.simplified
    clause_start = max(text.rfind(ch, 0, offset) for ch in "，。；\n") + 1
    before = [m for m in doc.mentions if clause_start <= m.start and m.end <= offset]
    return bool(before) and max(before, key=lambda m: m.end).type == "Zone"


def _quoted_brands(doc: Document, named: list[Mention]) -> list[str]:
    """“B” in apposition to a zone (Z“B”), named by 被誉为 / 号称 / 素有…之称 after a zone, or
    “<place>B” whose B begins other names of the article (“中国光谷”: 光谷人工智能产业峰会)."""
    text = doc.simplified
    brands = []
    for match in _QUOTED.finditer(text):
        brand, start, end = match.group(1), match.start(), match.end()
        if brand in _NOT_BRANDS or best_candidate(brand) is not None or _NUMBERED.match(brand):
            continue
        zone_adjacent = any(m.type == "Zone" and not m.generic and (m.end == start or m.start == end) for m in named)
        naming = _NAMING_BEFORE.search(text[max(0, start - 4) : start]) or _NAMING_AFTER.match(text[end : end + 4])
        if zone_adjacent or naming and _is_zone_before(doc, start):
            brands.append(brand)
            continue
        for cut in range(2, len(brand) - 1):
            head, core = brand[:cut], brand[cut:]
            if best_candidate(head) is not None and core not in _NOT_BRANDS and any(
                    m.name.startswith(core) and len(m.name) > len(core) + 1 for m in named):
                brands += [brand, core]
                break
    return brands


def _acronyms(doc: Document) -> list[str]:
    """An acronym in parentheses right after a zone's name (…开发区(TEDA)), or standing as the
    subject after 作为…开发区之一，(the category it is one of)."""
    text = doc.simplified
    found = []
    for match in _ACRONYM.finditer(text):
        start, end = match.span(1)
        in_parentheses = text[start - 1 : start] in "(（" and text[end : end + 1] in ")）" and any(
            m.type == "Zone" and not m.generic and m.end == start - 1 for m in doc.mentions)
        if in_parentheses or _CATEGORY_APPOSITION.search(text[max(0, start - 40) : start]):
            found.append(match.group(1))
    return found
