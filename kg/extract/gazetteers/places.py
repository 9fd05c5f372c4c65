"""Places: China's administrative divisions (from the cpca package's adcode
table) and the world's countries (ISO 3166 via pycountry, Chinese names from
the Unicode CLDR via Babel, official Chinese names from pycountry's zh_CN
translations).

Short forms drop the administrative suffix (浙江省 -> 浙江, 湖州市 -> 湖州,
安吉县 -> 安吉, 广西壮族自治区 -> 广西); a short form shorter than two
characters is never produced.  One name may denote several places (朝阳 is a
district of Beijing and of Changchun, a city and a county in Liaoning):
lookup_place returns every candidate and the caller decides by context.
"""

from __future__ import annotations

import csv
import gettext
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# cpca rows that are grouping placeholders, not places
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# ISO 3166 codes that are parts of China: served by the division table, not as countries
_CHINESE_REGIONS = {"TW", "HK", "MO"}
_MIN_SHORT = 2


@dataclass(frozen=True)
class PlaceCandidate:
    name: str  # full name (浙江省)
    short: str  # short form (浙江); equals name when nothing can be stripped
    level: str  # Country, Province, City, County or District
    parents: tuple[str, ...]  # full names, nearest first
    adcode: str | None  # 6-digit Chinese division code; ISO 3166-2 for Taiwan's divisions; ISO alpha-2 for countries


@dataclass(frozen=True)
class Country:
    name: str  # Chinese short name (美国)
    full_name: str  # Chinese official name (美利坚合众国)
    aliases: tuple[str, ...]
    alpha2: str = ""


def _cpca_resource(filename: str) -> Path:
    # Located without importing cpca, whose import builds its own matcher (slow, pandas).
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the cpca package is required for administrative divisions")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / filename


@lru_cache(maxsize=1)
def _ethnic_names() -> tuple[str, ...]:
    """The 56 nationalities (with and without 族), longest first, from cpca's list."""
    text = _cpca_resource("56_nations.csv").read_text(encoding="utf-8")
    names = {n.strip() for n in text.split() if n.strip()}
    names |= {n[:-1] for n in names if n.endswith("族") and len(n) > 2}
    return tuple(sorted(names, key=len, reverse=True))


_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "林区", "矿区", "地区", "省", "市", "县", "区", "盟")
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")


def short_form(full: str) -> str:
    """浙江省 -> 浙江, 延边朝鲜族自治州 -> 延边; unchanged when the rest would be < 2 chars."""
    for suffix in _SUFFIXES:
        if not full.endswith(suffix):
            continue
        stem = full[: -len(suffix)]
        if suffix in _AUTONOMOUS:
            stem = _strip_ethnic(stem)
        if len(stem) >= _MIN_SHORT and stem not in _ethnic_names():
            return stem
        return full
    return full


def _strip_ethnic(stem: str) -> str:
    """Drop the nationality names before 自治X: 湘西土家族苗族 -> 湘西 (内蒙古 keeps its 蒙古: a name is left)."""
    changed = True
    while changed:
        changed = False
        for ethnic in _ethnic_names():
            if stem.endswith(ethnic) and len(stem) - len(ethnic) >= _MIN_SHORT:
                stem, changed = stem[: -len(ethnic)], True
                break
    return stem


def _level(adcode: str, name: str) -> str:
    if adcode.endswith("0000"):
        return "Province"
    if adcode.endswith("00"):
        return "City"
    return "District" if name.endswith("区") else "County"


@lru_cache(maxsize=1)
def _divisions() -> tuple[PlaceCandidate, ...]:
    names: dict[str, str] = {}
    with _cpca_resource("adcodes.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names[row["adcode"][:6]] = row["name"].strip()
    places = []
    for code, name in sorted(names.items()):
        if name in _PLACEHOLDERS:
            continue
        level = _level(code, name)
        parent_codes = {"Province": (), "City": (code[:2] + "0000",)}.get(level, (code[:4] + "00", code[:2] + "0000"))
        parents = tuple(names[p] for p in parent_codes if p in names and names[p] not in _PLACEHOLDERS)
        places.append(PlaceCandidate(name, short_form(name), level, parents, code))
    # Taiwan's cities and counties, which the table lists only as 台湾省 (prefecture-level, in the province)
    from kg.extract.gazetteers import read_tsv

    province = next((p.name for p in places if p.short == "台湾" and p.level == "Province"), "台湾省")
    for row in read_tsv("taiwan_divisions.tsv", ("name", "iso_code")):
        places.append(PlaceCandidate(row["name"], short_form(row["name"]), "City", (province,), row["iso_code"]))
    return tuple(places)


@lru_cache(maxsize=1)
def _zh_official() -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)


@lru_cache(maxsize=1)
def _country_supplement() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Official names ISO lacks (俄罗斯联邦) and usual media names that neither CLDR nor
    ISO gives (澳洲, 阿联酋), from country_aliases.tsv: alpha2 -> (full name, aliases)."""
    from kg.extract.gazetteers import read_tsv

    rows = read_tsv("country_aliases.tsv", ("alpha2", "full_name", "aliases"))
    return {row["alpha2"]: (row["full_name"], tuple(a for a in row["aliases"].split("|") if a)) for row in rows}


@lru_cache(maxsize=1)
def _countries() -> tuple[Country, ...]:
    import pycountry
    from babel import Locale

    cldr = Locale("zh").territories
    zh = _zh_official()
    result = []
    for entry in pycountry.countries:
        if entry.alpha_2 in _CHINESE_REGIONS or entry.alpha_2 not in cldr:
            continue
        name = cldr[entry.alpha_2]
        iso_name = zh.gettext(entry.name)
        official = getattr(entry, "official_name", None)
        official_zh = zh.gettext(official) if official else ""
        # Without a translated official name, the longer of the two short names is the
        # fuller one (阿联酋 / 阿拉伯联合酋长国, 韩国 / 大韩民国).
        full = official_zh if _is_chinese(official_zh) else max((name, iso_name), key=len)
        supplement_full, supplement_aliases = _country_supplement().get(entry.alpha_2, ("", ()))
        full = supplement_full or full
        extra = (iso_name, full, *supplement_aliases)
        aliases = tuple(dict.fromkeys(a for a in extra if a != name and _is_chinese(a)))
        result.append(Country(name, full if _is_chinese(full) else name, aliases, entry.alpha_2))
    china = next(c for c in result if c.alpha2 == "CN")
    result[result.index(china)] = Country("中国", "中华人民共和国", tuple(dict.fromkeys((*china.aliases, "中华人民共和国"))), "CN")
    return tuple(result)


def _is_chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def countries() -> list[Country]:
    """The world's countries with Chinese short and official names (ISO 3166-1, less TW/HK/MO)."""
    return list(_countries())


@lru_cache(maxsize=1)
def _place_index() -> dict[str, tuple[PlaceCandidate, ...]]:
    index: dict[str, list[PlaceCandidate]] = {}
    for place in _divisions():
        for key in {place.name, place.short}:
            if key == place.short and (place.adcode or "").startswith("TW-") and any(
                    not (other.adcode or "").startswith("TW-") for other in index.get(key, ())):
                continue  # 新北 stays 常州's 新北区: a Taiwan short form only where no other division has it
            index.setdefault(key, []).append(place)
    # a county turned district (新津县, now 新津区) or the other way keeps its short form: the other suffix names it
    # too, where no division has that name
    renamed: dict[str, list[PlaceCandidate]] = {}
    for place in _divisions():
        if place.level in ("County", "District") and place.name.endswith(("县", "区")) and place.short != place.name \
                and len(place.short) >= 2 and place.name == place.short + place.name[-1]:
            other = place.short + ("区" if place.name.endswith("县") else "县")
            if other not in index:
                renamed.setdefault(other, []).append(place)
        # an autonomous prefecture goes by its short form and 州 (红河哈尼族彝族自治州: 红河州)
        if place.name.endswith("自治州") and len(place.short) >= 2 and place.short + "州" not in index:
            renamed.setdefault(place.short + "州", []).append(place)
    for key, places in renamed.items():
        index[key] = places
    for country in _countries():
        candidate = PlaceCandidate(country.full_name, country.name, "Country", (), country.alpha2)
        for key in {country.name, country.full_name, *country.aliases}:
            index.setdefault(key, []).append(candidate)
    return {key: tuple(dict.fromkeys(value)) for key, value in index.items()}


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified script (OpenCC t2s), for lookups of 繁體 names."""
    return _t2s().convert(text)


def lookup_place(name: str) -> list[PlaceCandidate]:
    """All places whose full or short name is `name` (traditional script accepted).

    Candidates come higher levels first (Country, Province, City, County/District).
    """
    name = name.strip()
    found = _place_index().get(name)
    if found is None:
        found = _place_index().get(to_simplified(name), ())
    order = {"Country": 0, "Province": 1, "City": 2, "County": 3, "District": 3}
    return sorted(found, key=lambda place: (order[place.level], place.adcode or ""))


def place_names() -> frozenset[str]:
    """Every full and short name lookup_place knows (for building a matcher)."""
    return frozenset(_place_index())
