"""Brand names of a zone (光谷 for 武汉东湖新技术开发区, 泰达 / TEDA for 天津经济技术开发区).

A brand cannot be derived from the legal name, but the text gives it away:
a short name that stands where a place stands (在B举行, 来B就业, 对B的,
目前B已集聚, 位于…的B) and that also begins other names of the article
(B人工智能产业峰会, B生物城), or an acronym in apposition to a zone category
(作为…开发区之一，TEDA近年来).  Such a brand is an alias of the article's zone.
"""

from __future__ import annotations

import re

from kg.extract.document import Document, Mention
from kg.extract.forms import forms, key
from kg.extract.places import best_candidate

_SLOT = re.compile(
    r"(?:在|来|从|对|赴|目前|如今|近年来|的|，|“中国)([\u4e00-\u9fff]{2,3}?)(?:举行|开幕|召开|的|已|就业|继|近年来|”)"
)
_ACRONYM = re.compile(r"(?:开发区|高新区|园区|新区)之一，([A-Z]{2,6})(?=近年来|已|的|继|是|将)")
_NOT_BRANDS = {"这里", "当地", "本地", "全区", "全市", "园区", "开发区", "企业", "公司", "这些", "我们", "他们", "项目", "产业", "中国"}


def main_zone_name(doc: Document) -> str | None:
    zones = [m for m in doc.mentions if m.type == "Zone" and not m.generic]
    if not zones:
        return None
    if doc.article.zone:
        wanted = {key(f) for f in forms("Zone", doc.article.zone)}
        for m in zones:
            if key(m.name) in wanted or {key(f) for f in forms("Zone", m.name)} & wanted:
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
    text = doc.st
    named = [m for m in doc.mentions if not m.generic]
    taken = [(m.start, m.end) for m in doc.mentions if m.type != "Place"]
    found = []
    candidates: dict[str, list[int]] = {}
    for match in _SLOT.finditer(text):
        brand = match.group(1)
        if brand in _NOT_BRANDS or best_candidate(brand) is not None:
            continue
        prefixes = {m.name for m in named if m.name.startswith(brand) and len(m.name) > len(brand) + 1}
        if prefixes:
            candidates.setdefault(brand, []).append(match.start(1))
    for match in _ACRONYM.finditer(text):
        candidates.setdefault(match.group(1), []).append(match.start(1))
    for brand in candidates:
        for occurrence in re.finditer(re.escape(brand), text):
            start, end = occurrence.span()
            if text[start - 2 : start] == "中国" and text[start - 3 : start - 2] == "“":
                start -= 2
            if any(s < end and start < e for s, e in taken) and not any(s == start and e == end for s, e in taken):
                continue
            found.append(doc.add(Mention(start, end, "Zone", "Zone", "pattern:zone-brand", 0.7, name=text[start:end],
                                         canonical=zone)))
    return found
