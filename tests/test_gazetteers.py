"""The gazetteers load from their real data files and packages, and lookups work
on general examples (not on corpus names)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kg.extract import gazetteers as gz
from kg.extract.gazetteers import (
    GazetteerError,
    academies,
    academy_by_name,
    countries,
    industries,
    industry_by_name,
    laureate_by_name,
    lookup_place,
    nobel_laureates,
    role_titles,
)
from kg.extract.gazetteers.places import short_form

SOURCES = (Path(gz.__file__).parent / "SOURCES.md").read_text(encoding="utf-8")
HONOURS = {"CASAcademician", "CAEAcademician", "ForeignAcademician"}
WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
HAN = re.compile(r"[\u4e00-\u9fff]")


def _duplicates(keys) -> list:
    return [key for key, count in Counter(keys).items() if count > 1]


@pytest.mark.parametrize(
    "loader, minimum, source_file",
    [
        (nobel_laureates, 150, "nobel_laureates.tsv"),
        (academies, 20, "academies.tsv"),
        (industries, 80, "industries.tsv"),
        (role_titles, 50, "role_titles.tsv"),
        (countries, 190, "pycountry"),
    ],
)
def test_each_list_loads_and_names_its_source(loader, minimum, source_file):
    assert len(loader()) >= minimum
    assert source_file in SOURCES
    assert "cpca" in SOURCES  # administrative divisions come from the package


def test_laureates_are_well_formed():
    laureates = nobel_laureates()
    assert not _duplicates(l.english_name for l in laureates)
    for laureate in laureates:
        assert laureate.prize in {"Physics", "Chemistry", "Medicine", "Economics"}, laureate
        assert 1901 <= laureate.year <= 2100, laureate
        assert laureate.chinese_names, laureate
        assert not _duplicates(laureate.chinese_names), laureate
        assert laureate.wikidata is None or WIKIDATA_ID.match(laureate.wikidata), laureate
        for name in laureate.chinese_names:
            assert HAN.search(name) and " " not in name, name
        for short in laureate.short_forms:
            assert "·" not in short.replace("冯·", ""), (laureate.english_name, short)
            assert len(short) >= 2, (laureate.english_name, short)  # one character is no name
    wikidata = [l.wikidata for l in laureates if l.wikidata]
    assert not _duplicates(wikidata)


def test_multi_part_western_names_use_the_middle_dot():
    # An English name of two or more words written in Chinese keeps the parts apart with ·,
    # unless it is an East Asian name written in characters (屠呦呦, 山中伸弥).
    for laureate in nobel_laureates():
        dotted = ["·" in name for name in laureate.chinese_names]
        if any(dotted):
            assert all(dotted), laureate  # one laureate, one style
            assert all(part for name in laureate.chinese_names for part in name.split("·")), laureate
        else:  # written in characters: a Chinese or Japanese name, never a long transliteration
            assert all(len(name) <= 5 for name in laureate.chinese_names), laureate


def test_laureate_lookup_by_full_name_in_any_dot_style():
    [semenza] = laureate_by_name("格雷格·塞门扎")
    assert (semenza.english_name, semenza.prize, semenza.year) == ("Gregg L. Semenza", "Medicine", 2019)
    assert "塞门扎" in semenza.short_forms
    assert laureate_by_name("格雷格•塞门扎") == [semenza]
    assert laureate_by_name("Gregg L. Semenza") == [semenza]
    assert laureate_by_name("塞门扎") == []  # a bare surname needs context
    assert laureate_by_name("屠呦呦")[0].wikidata == "Q462843"
    assert laureate_by_name("格雷格·塞門扎") == [semenza]  # traditional script


def test_academies_map_to_contract_honours():
    bodies = academies()
    assert not _duplicates(a.name for a in bodies)
    assert not _duplicates(key for a in bodies for key in (a.name, *a.aliases))
    for academy in bodies:
        assert academy.foreign_honor == "ForeignAcademician"
        assert academy.member_honor in HONOURS | {None}
        assert academy.wikidata is None or WIKIDATA_ID.match(academy.wikidata)
    assert academy_by_name("中科院").name == "中国科学院"
    assert academy_by_name("中国科学院").member_honor == "CASAcademician"
    assert academy_by_name("中国工程院").member_honor == "CAEAcademician"
    assert academy_by_name("美国国家科学院").member_honor is None
    assert academy_by_name("TWAS").name == "发展中国家科学院"
    assert academy_by_name("中國工程院").name == "中国工程院"
    assert academy_by_name("不存在的学院") is None


def test_province_city_and_county_lookup():
    [zhejiang] = lookup_place("浙江")
    assert (zhejiang.name, zhejiang.level, zhejiang.parents) == ("浙江省", "Province", ())
    assert lookup_place("浙江省") == [zhejiang]
    [huzhou] = lookup_place("湖州")
    assert (huzhou.name, huzhou.level, huzhou.parents) == ("湖州市", "City", ("浙江省",))
    [anji] = lookup_place("安吉")
    assert (anji.name, anji.short, anji.level) == ("安吉县", "安吉", "County")
    assert anji.parents == ("湖州市", "浙江省")
    assert anji.adcode == "330523"


def test_ambiguous_short_name_returns_every_candidate():
    candidates = lookup_place("朝阳")
    assert len(candidates) >= 3
    assert {c.name for c in candidates} >= {"朝阳区", "朝阳市", "朝阳县"}
    assert {c.parents[0] for c in candidates if c.name == "朝阳区"} >= {"北京市", "长春市"}


def test_district_municipality_and_traditional_script():
    [pudong] = lookup_place("浦东")
    assert (pudong.name, pudong.level, pudong.parents) == ("浦东新区", "District", ("上海市",))
    assert lookup_place("北京")[0].level == "Province"
    assert lookup_place("臺灣")[0].name == "台湾省"
    assert lookup_place("不是地名") == []


@pytest.mark.parametrize(
    "full, short",
    [
        ("浙江省", "浙江"),
        ("广西壮族自治区", "广西"),
        ("湘西土家族苗族自治州", "湘西"),
        ("香港特别行政区", "香港"),
        ("神农架林区", "神农架"),
        ("城区", "城区"),  # the stem would be a single character
        ("忠县", "忠县"),
        ("延边朝鲜族自治州", "延边"),
        ("鄂伦春自治旗", "鄂伦春自治旗"),  # the stem is a nationality, not a place name
    ],
)
def test_short_forms_keep_two_characters(full, short):
    assert short_form(full) == short


def test_no_division_short_form_is_one_character():
    for name in gz.place_names():
        assert len(name) >= 2, name


def test_countries():
    names = countries()
    assert not _duplicates(c.name for c in names)
    by_name = {c.name: c for c in names}
    for short in ("美国", "英国", "德国", "日本", "俄罗斯", "法国", "韩国", "新加坡", "中国"):
        assert short in by_name, short
    assert by_name["美国"].full_name == "美利坚合众国"
    assert by_name["俄罗斯"].full_name == "俄罗斯联邦"
    assert "台湾" not in by_name and "中国香港特别行政区" not in by_name
    [usa] = lookup_place("美国")
    assert (usa.level, usa.short, usa.adcode) == ("Country", "美国", "US")
    assert lookup_place("澳洲")[0].short == "澳大利亚"


def test_industries_form_a_tree():
    terms = industries()
    names = {t.name for t in terms}
    assert not _duplicates(t.name for t in terms)
    assert not _duplicates(key for t in terms for key in (t.name, *t.synonyms))
    for term in terms:
        assert term.english, term
        assert term.broader is None or term.broader in names, term
    by_name = {t.name: t for t in terms}
    for field in ("生物医药", "医疗器械", "集成电路", "人工智能", "新能源汽车", "智能网联汽车", "氢能", "新材料", "量子信息", "第三代半导体", "海洋经济"):
        assert field in by_name, field
    assert by_name["细胞与基因治疗"].broader == "生物医药"
    assert industry_by_name("芯片").name == "集成电路"
    assert industry_by_name("生物醫藥").name == "生物医药"
    assert industry_by_name("不是产业") is None
    # following broader links always ends at a top concept (no cycles)
    for term in terms:
        seen, current = set(), term
        while current.broader:
            assert current.name not in seen, term
            seen.add(current.name)
            current = by_name[current.broader]


def test_role_titles():
    titles = role_titles()
    assert not _duplicates(t.title for t in titles)
    category = {t.title: t.category for t in titles}
    assert set(category.values()) <= {"executive", "official", "academic", "professional"}
    assert category["董事长"] == "executive"
    assert category["市长"] == "official"
    assert category["教授"] == "academic"
    for title in ("总裁", "联合创始人", "营销经理", "负责人", "首席科学家", "管委会主任", "研究员"):
        assert title in category, title


def test_malformed_row_is_reported_with_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "role_titles.tsv").write_text("# comment\ntitle\tcategory\n董事长\texecutive\n坏行\n", encoding="utf-8")
    monkeypatch.setattr(gz, "DATA_DIR", tmp_path)
    with pytest.raises(GazetteerError, match=r"role_titles\.tsv:4"):
        gz.read_tsv("role_titles.tsv", ("title", "category"))
