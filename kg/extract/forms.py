"""Derived name forms: the short forms a text may use for a full name.

Zones: 武汉东湖新技术开发区 -> 东湖新技术开发区, 东湖高新区; 浙江安吉经济开发区 ->
安吉经济开发区, 安吉开发区; 中国(上海)自由贸易试验区临港新片区 -> 临港新片区, 临港.
Administrations: the zone's forms + 管委会 / 党工委 / 管理局.
Companies: the distinctive core of a legal name (region prefix and legal suffix
dropped, then trailing field words): 武汉锐晶激光技术有限公司 -> 锐晶激光技术, 锐晶激光.
A name without its place is a form only when more than a kind is left: 郴州市人民政府,
郴州理工大学 and 郴州综合保税区 have none (names_a_kind), so two places' bodies never share one.
Both extraction (within an article) and resolution (across articles) merge on
these forms, so the rules live in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import (
    ADMIN_LEVEL_HEADS, DESCRIPTIVE_ZONE_WORDS, GENERIC_HEADS, GENERIC_PREFIXES, GOVERNMENT_KINDS, KIND_WORDS, ORG_SUFFIXES,
    ZONE_KINDS, ZONE_SUFFIXES)
from kg.extract.places import best_candidate
from kg.extract.script import to_simplified
from kg.identity import normalise_name

_ZONE_SHORT = (
    ("国家高新技术产业开发区", "高新区"),
    ("高新技术产业开发区", "高新区"),
    ("高技术产业开发区", "高新区"),
    ("新技术产业开发区", "高新区"),
    ("新技术开发区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济技术开发区", "开发区"),
    ("经济开发区", "开发区"),
    ("经济开发区", "经开区"),
    ("自由贸易港", "自贸港"),
    ("综合保税区", "综保区"),
    ("经济综合实验区", "区"),
    ("新片区", ""),
)
_FTZ = re.compile(r"^中国\(.{2,6}\)自由贸易试验区(.{2,}片区)$")
# A part of a zone written after the zone's own name (某高新区某某片区, 某自贸试验区某某片区,
# 某开发区(某区)某某片区): the part alone is the same part, so 某某片区 is a form of it.
_ZONE_PART = re.compile(r"^.{2,}(?:%s|试验区)(?:\([^()]{1,8}\))?([^()]{2,8}片区)$"
                        % "|".join(sorted((s for s in ZONE_SUFFIXES if s != "片区"), key=len, reverse=True)))
ADMIN_SUFFIXES = ("管理委员会", "管委会", "党工委", "管理局")
LEGAL_SUFFIXES = ("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司")
# Field words a short company name often drops (科技, 技术 …); general vocabulary.
FIELD_WORDS = ("生物技术", "科技", "技术", "医药", "制药", "实业", "控股", "发展", "股份", "集团")
# Words of a legal name after the trade name (字号): a short name is the trade name plus one of them.
_TRADE_FIELDS = (
    "生物医药", "生物科技", "生物技术", "新材料", "新能源", "半导体", "微电子", "生物", "医药", "制药", "医疗", "健康",
    "科技", "技术", "智能", "电子", "信息", "数据", "软件", "网络", "通信", "光电", "激光", "精密", "能源", "储能",
    "材料", "化工", "汽车", "动力", "装备", "机械", "环保", "物流", "基因", "药业", "资本", "投资", "控股", "实业",
)
_REGION_PAREN = re.compile(r"\((.{2,8})\)")
# General words a name is made of after its place (names_a_kind): the lexicon's kind words, zone words and field words.
_GENERAL_WORDS = tuple(sorted({*DESCRIPTIVE_ZONE_WORDS, *FIELD_WORDS, *_TRADE_FIELDS, *KIND_WORDS}, key=len, reverse=True))
# ... and the business words of a company's legal name (基金管理有限公司, 资产管理有限公司)
_COMPANY_WORDS = tuple(sorted({*_GENERAL_WORDS, "基金", "管理", "资产", "股权", "创业", "咨询", "服务", "贸易"}, key=len,
                              reverse=True))


def strip_leading_places(name: str) -> list[str]:
    """Variants of a name without its leading province / city / county (one or two levels)."""
    variants = []
    current = name
    for _ in range(2):
        for length in range(min(6, len(current) - 2), 1, -1):
            head = current[:length]
            if head != "中国" and best_candidate(head) is not None:
                current = current[length:]
                variants.append(current)
                break
        else:
            break
    return variants


def names_a_kind(rest: str, kinds=(*ORG_SUFFIXES, *ZONE_SUFFIXES, *ZONE_KINDS)) -> bool:
    """Whether ``rest``, what a name leaves once its place is dropped, names only a kind of thing that any
    place has one of: the place's own body (市人民政府, 特别行政区政府, 商务局) or a kind of institution, zone
    or company told by general words (理工大学, 综合保税区, 城市建设投资).  Such a rest is no name: two places'
    理工大学 are two universities, so it is never a merge key."""
    if rest.startswith(ADMIN_LEVEL_HEADS) or rest.endswith(GOVERNMENT_KINDS):
        return True
    kind = max((k for k in kinds if rest.endswith(k)), key=len, default="")
    return _general_words_only(rest[: len(rest) - len(kind)])


def _general_words_only(stem: str, words: tuple[str, ...] = _GENERAL_WORDS) -> bool:
    while stem:
        word = next((w for w in words if stem.startswith(w)), None)
        if word is None:
            return False
        stem = stem[len(word) :]
    return True


@lru_cache(maxsize=8192)
def brandless_company(name: str) -> bool:
    """光电科技有限公司, 生物技术有限公司: a legal form after field words only, without a trade name (字号), names a
    kind of company, not one.  (达成光电科技有限公司 read after the verb 达成.)  As an alias or a merge key it would
    join every company of that field: within an article the one named before, across articles all of them."""
    simplified = to_simplified(name)
    legal = next((s for s in LEGAL_SUFFIXES if simplified.endswith(s)), None)
    return legal is not None and _general_words_only(simplified[: -len(legal)], _COMPANY_WORDS)


def _placeless_name(variant: str) -> bool:
    """A name with its place dropped still names one thing: it begins with a place of its own
    (萧山区人民政府 of 杭州市萧山区人民政府), or its rest is more than a kind (names_a_kind)."""
    return bool(strip_leading_places(variant)) or not names_a_kind(variant)


def _distinctive(name: str, suffixes) -> bool:
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return len(stem) >= 2 and not stem.startswith(GENERIC_PREFIXES) and name not in GENERIC_HEADS
    return len(name) >= 2 and name not in GENERIC_HEADS


@lru_cache(maxsize=8192)
def zone_forms(name: str) -> frozenset[str]:
    suffixes = (*ZONE_SUFFIXES, "区")
    bases = {name}
    if name.endswith((")", "）")) and "(" in name:
        bases.add(name[: name.rfind("(")])  # 某高新区(某区), 某保税区(一期): the bracket closing the name may be left out
    match = _FTZ.match(name) or _ZONE_PART.match(name)
    if match:
        bases.add(match.group(1))
    for base in list(bases):
        bases.update(v for v in strip_leading_places(base) if _placeless_name(v))
    bases = {b for b in bases if _distinctive(b, suffixes)}
    forms = set(bases)
    for base in bases:
        # the longest kind word the name ends with gives all its short forms (经济技术开发区: 经开区 and 开发区)
        long = next((long for long, _ in _ZONE_SHORT if base.endswith(long)), None)
        forms.update(base[: -len(long)] + short for kind, short in _ZONE_SHORT if kind == long)
    return frozenset(f for f in forms if len(f) >= 2 and _distinctive(f, suffixes))


@lru_cache(maxsize=8192)
def org_forms(name: str) -> frozenset[str]:
    forms = {name}
    if brandless_company(name):
        return frozenset(forms)  # its field words alone (光电) are no name
    admin = next((s for s in ADMIN_SUFFIXES if name.endswith(s)), None)
    if admin:
        zone = name[: -len(admin)]
        forms.update(z + admin for z in zone_forms(zone) if z != zone or True)
        if admin == "管理委员会":
            forms.update(z + "管委会" for z in zone_forms(zone))
        return frozenset(forms)
    legal = next((s for s in LEGAL_SUFFIXES if name.endswith(s)), None)
    core = name[: -len(legal)] if legal else name
    core_no_paren = _REGION_PAREN.sub("", core)
    places_off = [v for v in strip_leading_places(core_no_paren) if _placeless_name(v)]
    cores = {core_no_paren, *places_off}
    if legal:
        for c in list(cores):
            stripped = c
            for _ in range(2):
                word = next((w for w in FIELD_WORDS if stripped.endswith(w) and len(stripped) - len(w) >= 2), None)
                if not word:
                    break
                stripped = stripped[: -len(word)]
                cores.add(stripped)
        forms.update(c for c in cores if len(c) >= 3 or c == core_no_paren and len(c) >= 2)
        forms.update(_trade_name_forms(places_off[-1] if places_off else core_no_paren))
    else:
        # 美国斯坦福大学 -> 斯坦福大学: a place prefix before a distinctive institution name
        forms.update(c for c in cores if len(c) >= 4)
    return frozenset(forms)


def _trade_name_forms(core: str) -> set[str]:
    """和誉生物医药 -> 和誉医药, 和誉生物: the trade name with one of the field words that follow it."""
    for i in range(2, min(5, len(core) - 1)):
        rest = core[i:]
        words = []
        while rest:
            word = next((w for w in _TRADE_FIELDS if rest.startswith(w)), None)
            if word is None:
                break
            words.append(word)
            rest = rest[len(word) :]
        if words and not rest:
            return {core[:i] + w for w in _TRADE_FIELDS if w in core[i:]}
    return set()


def forms(entity_type: str, name: str) -> frozenset[str]:
    """All surface forms under which an entity of this type and name may appear."""
    if entity_type == "Zone":
        return zone_forms(name)
    if entity_type == "Organization":
        return org_forms(name)
    if entity_type == "Event":
        from kg.extract.events import without_year

        return frozenset({name, without_year(name)})
    if entity_type == "Industry":
        from kg.extract.industries import industry_term

        # 生命健康 and 大健康, 海工装备 and 海洋工程装备: one field under the scheme's preferred label
        return frozenset({name, industry_term(name) or name})
    return frozenset({name})


def merge_keys(entity_type: str, name: str) -> frozenset[str]:
    """Keys two entities of one type share when they are the same thing (any script)."""
    simplified = to_simplified(name)
    return frozenset(normalise_name(f) for f in forms(entity_type, simplified) | {simplified})
