"""Resolution over the shared corpus: every cross-article link planted in the
corpus README (its JSON block, read at test time) holds in the resolved graph,
short forms never become people, and traditional script resolves with simplified."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest
from conftest import require_shared

from kg.extract import extract_article, extract_articles
from kg.extract.lexicon import SURNAMES
from kg.extract.names import titles
from kg.extract.script import to_simplified
from kg.identity import normalise_name
from kg.model import Article, Entity, Extraction, Provenance
from kg.resolve import resolve, split_people
from loaders import load_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"

def planted_links() -> dict:
    text = (CORPUS / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(\{.*?\})\n```", text, re.S)
    return json.loads(block.group(1))


@pytest.fixture(scope="module")
def graph():
    articles = load_paths([str(require_shared(CORPUS))]).articles
    return resolve(extract_articles(articles))


def forms_of(entity) -> set[str]:
    return {normalise_name(n) for n in (entity.name, *entity.aliases)}


def articles_of(entity) -> set[str]:
    return {p.article_id for p in entity.provenance}


def entities_named(graph, entity_type: str, name: str) -> list:
    wanted = normalise_name(name)
    return [e for e in graph.entities.values() if e.type == entity_type and wanted in forms_of(e)]


LINKS = planted_links() if (CORPUS / "README.md").is_file() else {"same_entity": [], "different_entities": []}


def test_corpus_readme_plants_links():
    require_shared(CORPUS / "README.md")  # without links the two parametrised tests below would run zero cases
    assert LINKS["same_entity"] and LINKS["different_entities"]


@pytest.mark.parametrize("link", LINKS["same_entity"], ids=lambda link: f"{link['type']}:{link['name']}")
def test_planted_same_entity_is_one_entity(graph, link):
    wanted = {normalise_name(f) for f in (link["name"], *link.get("forms", []))}
    candidates = [e for e in graph.entities.values() if e.type == link["type"]
                  and set(link["articles"]) <= articles_of(e) and wanted & forms_of(e)]
    assert len(candidates) == 1, f"{link['name']}: {[(e.name, sorted(articles_of(e))) for e in candidates]}"
    entity = candidates[0]
    for form in link.get("forms", []):
        assert normalise_name(form) in forms_of(entity), f"{form} not merged into {entity.name}"
    for edition in link.get("editions", []):
        events = entities_named(graph, "Event", edition)
        assert events, edition
        assert (events[0].id, "partOfSeries", entity.id, None) in graph.relations


@pytest.mark.parametrize("link", LINKS["different_entities"], ids=lambda link: f"{link['type']}:{link['name']}")
def test_planted_homonyms_stay_apart(graph, link):
    first, second = link["articles"]
    named = [e for e in graph.entities.values() if e.type == link["type"] and e.name == link["name"]]
    in_first = [e for e in named if first in articles_of(e)]
    in_second = [e for e in named if second in articles_of(e)]
    assert len(in_first) == 1 and len(in_second) == 1
    assert in_first[0].id != in_second[0].id
    assert first not in articles_of(in_second[0]) and second not in articles_of(in_first[0])


def test_surname_and_title_never_make_a_person(graph):
    title_words = {t for t in titles() if len(t) >= 2}
    for entity in graph.entities.values():
        if entity.type == "Person":
            assert not (entity.name[0] in SURNAMES and entity.name[1:] in title_words), entity.name


def test_surname_title_forms_in_corpus_point_at_nobody_new(graph):
    # 李院士 / 陈主任 / 王主任 / 刘董事长 occur in the dev articles; the named people exist, the forms do not.
    for form, full in (("李院士", "李振华"), ("陈主任", "陈志刚"), ("王主任", "王海峰"), ("刘董事长", "刘建军")):
        assert not entities_named(graph, "Person", form)
        people = entities_named(graph, "Person", full)
        assert people
        # the reference is resolved to the right person (李明轩, 陈静, 王蕾, 刘洋 share the surnames)
        referred = [p for person in people for p in person.provenance
                    if graph.articles[p.article_id].text[p.start : p.end] == form]
        assert referred, f"{form} not resolved to {full}"


def test_seed_laureates_attended_the_seed_event_held_in_anji(graph):
    events = [e for e in graph.entities.values() if e.type == "Event" and "seed-anji-cgt-2023" in articles_of(e)
              and e.name.startswith("2023第二届")]
    assert len(events) == 1
    event = events[0]
    for name in ("格雷格·塞门扎", "托马斯·苏德霍夫", "卡罗琳·贝尔托齐"):
        people = entities_named(graph, "Person", name)
        assert len(people) == 1 and "NobelLaureate" in people[0].honors
        assert (people[0].id, "attended", event.id, None) in graph.relations
    places = entities_named(graph, "Place", "安吉")
    assert (event.id, "heldIn", places[0].id, None) in graph.relations


def test_zone_short_form_resolves_to_the_zone(graph):
    zones = entities_named(graph, "Zone", "浙江安吉经济开发区")
    assert len(zones) == 1 and {"安吉经济开发区", "安吉开发区"} <= zones[0].aliases


def _article(article_id: str, title: str, body: str, published: str = "2024-05-20") -> Article:
    return Article(id=article_id, title=title, body=(body,), published=published, source="测试产经")


SENTENCE = "2024年5月18日，2024光谷人工智能产业峰会在武汉东湖新技术开发区开幕。武汉智擎科技有限公司总经理陈静在峰会上说，公司将扩大投资。"


def test_traditional_script_keeps_names_as_written_and_resolves_with_simplified():
    traditional = opencc.OpenCC("s2t").convert(SENTENCE)
    assert traditional != SENTENCE
    trad = extract_article(_article("t-1", "峰會", traditional))
    simp = extract_article(_article("s-1", "峰会", SENTENCE))
    person = next(e for e in trad.entities if e.type == "Person")
    assert person.name == "陳靜" and "陈静" in person.aliases
    company = next(e for e in trad.entities if e.type == "Organization" and "智擎" in e.name)
    assert company.name == "武漢智擎科技有限公司" and "武汉智擎科技有限公司" in company.aliases
    for e in trad.entities:  # offsets index the text as written (峰會 alone is a reference to the summit)
        for p in e.provenance:
            if p.end > p.start:
                written = to_simplified(trad.article.text[p.start : p.end])
                assert any(written in to_simplified(name) for name in (e.name, *e.aliases))
    graph = resolve([trad, simp])
    people = [e for e in graph.entities.values() if e.type == "Person"]
    assert len(people) == 1 and {p.article_id for p in people[0].provenance} == {"t-1", "s-1"}


def test_a_fact_from_two_articles_keeps_the_first_stated_amount():
    bare = extract_article(_article("a-1", "签约", "星澜智能科技有限公司签约落户武汉东湖新技术开发区。"))
    first = extract_article(_article("a-2", "签约", "星澜智能科技有限公司投资3亿元落户武汉东湖新技术开发区。"))
    later = extract_article(_article("a-3", "签约", "星澜智能科技有限公司总投资3.5亿元的项目落户武汉东湖新技术开发区。"))
    for order in ([bare, first, later], [first, bare, later]):
        fact = next(r for r in resolve(order).relations.values() if r.predicate == "settledIn")
        assert len(fact.provenance) == 3
        assert fact.attributes == {"amount_yuan": 3e8, "amount_text": "3亿元"}


def test_event_attributes_date_and_edition():
    dated = extract_article(_article("a-2", "签约", "上月，天津开发区新能源汽车产业链重点项目签约仪式在滨海新区举行。", "2024-07-09"))
    assert next(e for e in dated.entities if e.type == "Event").attributes["date"] == "2024-06"
    x = extract_article(_article("a-1", "大会", "6月13日，2024第二届太湖湾集成电路产业生态大会在无锡高新区开幕。", "2024-06-14"))
    event = next(e for e in x.entities if e.type == "Event")
    assert event.attributes["date"] == "2024-06-13"
    assert event.attributes["edition"] == 2
    series = next(e for e in x.entities if e.type == "EventSeries")
    assert series.name == "太湖湾集成电路产业生态大会"


def _edition(article_id: str, year: int, named: str) -> Extraction:
    return extract_article(_article(article_id, "峰会", f"{year}年5月18日，{named}在武汉东湖新技术开发区开幕。"
                                    "武汉智擎科技有限公司总经理陈静在峰会上说，公司将扩大投资。", f"{year}-05-20"))


def test_two_editions_of_a_yearly_event_are_two_events_whatever_the_order():
    first, second = _edition("a-1", 2023, "2023光谷人工智能产业峰会"), _edition("a-2", 2024, "2024光谷人工智能产业峰会")
    for order in ([first, second], [second, first]):
        graph = resolve(order)
        events = {e.name: e for e in graph.entities.values() if e.type == "Event"}
        assert set(events) == {"2023光谷人工智能产业峰会", "2024光谷人工智能产业峰会"}
        assert events["2023光谷人工智能产业峰会"].attributes["date"] == "2023-05-18"
        attended = {r.object for r in graph.relations.values() if r.predicate == "attended"}
        assert attended == {e.id for e in events.values()}  # each article's attendance stays with its edition


def test_a_yearless_name_from_another_article_never_joins_two_editions():
    """A bare 光谷人工智能产业峰会 in another article cannot say which edition it means: it stays its own node
    (before, its form joined both editions into one)."""
    graph = resolve([_edition("a-1", 2023, "2023光谷人工智能产业峰会"), _edition("a-2", 2024, "2024光谷人工智能产业峰会"),
                     _edition("a-3", 2024, "光谷人工智能产业峰会")])
    events = [e for e in graph.entities.values() if e.type == "Event"]
    assert sorted(e.name for e in events) == ["2023光谷人工智能产业峰会", "2024光谷人工智能产业峰会", "光谷人工智能产业峰会"]
    assert all(not e.aliases for e in events)


def test_an_event_named_only_by_its_kind_joins_no_other_articles_event():
    """高峰论坛 alone in one article (its full name never written) names no event another article calls 高峰论坛 for short."""
    named = extract_article(_article("a-1", "峰会", "11月5日，星河科技高峰论坛在青溪新区开幕。中国科学院院士林一帆出席高峰论坛并致辞。"))
    bare = extract_article(_article("a-2", "论坛", "近日，高峰论坛在云栖园区举行，青溪市副市长王大伟出席高峰论坛。"))
    assert "高峰论坛" in next(e for e in named.entities if e.type == "Event").aliases
    for order in ([named, bare], [bare, named]):
        graph = resolve(order)
        events = {e.name: e for e in graph.entities.values() if e.type == "Event"}
        assert set(events) == {"星河科技高峰论坛", "高峰论坛"}
        assert articles_of(events["高峰论坛"]) == {"a-2"}
    other = extract_article(_article("a-3", "论坛", "近日，高峰论坛在星河园区举行，青溪市市长李明出席高峰论坛。"))
    events = [e for e in resolve([bare, other]).entities.values() if e.type == "Event"]
    assert sorted(articles_of(e) for e in events) == [{"a-2"}, {"a-3"}]  # two articles' 高峰论坛, two nodes


def test_every_entity_and_relation_has_provenance(graph):
    for entity in graph.entities.values():
        assert entity.provenance and all(p.article_id and p.method for p in entity.provenance)
    for relation in graph.relations.values():
        assert relation.provenance
        for p in relation.provenance:
            text = graph.articles[p.article_id].text
            assert text[p.start : p.end].strip() == p.sentence


def _named(article_id: str, entity_type: str, name: str) -> Extraction:
    """An article that names one entity (resolution sees only the entity's names)."""
    article = _article(article_id, name, f"{name}发布消息。")
    evidence = Provenance(article_id, article.text, 0, len(name), "test")
    return Extraction(article, [Entity("e1", entity_type, name, provenance=[evidence])])


def _resolved(*named: tuple[str, str]) -> list[set[str]]:
    """The articles of each entity resolution makes of one-entity articles ``(type, name)``."""
    graph = resolve([_named(f"x-{i}", entity_type, name) for i, (entity_type, name) in enumerate(named)])
    return sorted((articles_of(e) for e in graph.entities.values()), key=sorted)


@pytest.mark.parametrize(("entity_type", "first", "second"), [
    ("Organization", "郴州市人民政府", "怀化市人民政府"),  # a place's own government: nothing is left without the place
    ("Organization", "郴州市人民政府", "懷化市人民政府"),  # in traditional script alike
    ("Organization", "郴州市发展和改革委员会", "娄底市发展和改革委员会"),
    ("Organization", "郴州理工大学", "永州理工大学"),  # a kind of university, told by general words
    ("Organization", "郴州市政务服务中心", "永州市政务服务中心"),
    ("Organization", "漯河市城市建设投资有限公司", "鹤壁市城市建设投资有限公司"),  # a kind of company
    ("Zone", "濮阳综合保税区", "周口综合保税区"),  # a kind of zone
])
def test_a_kind_of_body_under_two_places_is_two_entities(entity_type, first, second):
    assert _resolved((entity_type, first), (entity_type, second)) == [{"x-0"}, {"x-1"}]


@pytest.mark.parametrize(("entity_type", "first", "second"), [
    ("Organization", "怀化市人民政府", "懷化市人民政府"),  # one name in either script
    ("Organization", "郴州市北湖区人民政府", "北湖区人民政府"),  # the district's own government, its city dropped
    ("Organization", "美国霍桑大学", "霍桑大学"),  # a place before a distinctive name
    ("Organization", "娄底锐芯微电子有限公司", "锐芯微电子"),  # a company's core name
    ("Zone", "信阳凤栖新技术开发区", "凤栖高新区"),  # a zone's short form, its city dropped
    ("Zone", "许昌凤栖经济技术开发区", "许昌凤栖经开区"),
])
def test_real_short_forms_still_resolve_to_one_entity(entity_type, first, second):
    assert _resolved((entity_type, first), (entity_type, second)) == [{"x-0", "x-1"}]


def test_two_companies_sharing_a_brandless_alias_stay_two_companies():
    """光电科技有限公司 (field words and a legal form, no trade name) as an alias of one company in each article
    joined every company of the field into one node, which grew with the store."""
    def company(article_id: str, name: str) -> Extraction:
        extraction = _named(article_id, "Organization", name)
        extraction.entities[0].aliases = {"光电科技有限公司"}
        return extraction

    graph = resolve([company("x-0", "云杉光电科技有限公司"), company("x-1", "松柏光电科技有限公司")])
    assert sorted(e.name for e in graph.entities.values()) == ["云杉光电科技有限公司", "松柏光电科技有限公司"]


def test_same_name_people_split_by_shared_employers_whatever_the_order():
    """Members sharing an employer are one person (transitively), known by its first employer once namesakes are
    told apart; the members without one keep the plain id; the split does not depend on the members' order."""
    members = [["organization/B"], [], ["organization/C", "organization/D"], ["organization/A"], ["organization/D"]]
    expected = ["person/陈志刚~B", "person/陈志刚", "person/陈志刚~C", "person/陈志刚~A", "person/陈志刚~C"]
    assert split_people("陈志刚", members) == expected
    assert split_people("陈志刚", members[::-1]) == expected[::-1]
    assert split_people("陈志刚", [[], []]) == ["person/陈志刚"] * 2


def test_a_lone_person_takes_the_mentions_without_a_post():
    members = [["organization/B"], [], ["organization/B", "organization/C"], ["organization/C"]]
    assert split_people("陈志刚", members) == ["person/陈志刚"] * 4
