"""Hand-made KnowledgeGraphs over the real seed article's opening, for projection and store tests.

Offsets are found in the article text, so provenance points at real sentences.
"""

from __future__ import annotations

from kg.identity import entity_id
from kg.model import Article, Entity, KnowledgeGraph, Provenance, Relation

TITLE = "2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会在安吉举行!"
BODY = (
    "日前,2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会在安吉举行。本次研讨会邀请到格雷格·塞门扎等三位诺贝尔奖获得者,裴钢等四名中国科学院院士出席。",
    "百明信康生物技术(浙江)有限公司总裁苏彦景表示,公司已落户浙江安吉经济开发区。",
    "安吉经济开发区聚焦生物医药产业。",
)


def seed_article() -> Article:
    return Article(id="seed-anji-cgt-2023", title=TITLE, body=BODY, published="2023-12-05", source="杭州日报",
                   zone="浙江安吉经济开发区", path="seed-anji-cgt-2023.txt")


def _sentence_of(text: str, needle: str) -> tuple[str, int, int]:
    at = text.index(needle)
    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    stops = [i + 1 for i in (text.find("。", at),) if i >= 0] + [i for i in (text.find("\n", at),) if i >= 0]
    end = min(stops, default=len(text))
    return text[start:end], start, end


def _mention(article: Article, name: str, method: str = "test:hand") -> Provenance:
    sentence, _, _ = _sentence_of(article.text, name)
    start = article.text.index(name)
    return Provenance(article.id, sentence, start, start + len(name), method, 0.9)


def _fact(article: Article, cue: str, method: str) -> Provenance:
    sentence, start, end = _sentence_of(article.text, cue)
    return Provenance(article.id, sentence, start, end, method, 0.8)


def sample_graph() -> KnowledgeGraph:
    """A small resolved graph: people with honours, an event with edition and date, a titled role."""
    article = seed_article()
    event_name = "2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会"
    specs = [
        ("Person", None, "格雷格·塞门扎", set(), {"NobelLaureate"}, {}),
        ("Person", None, "裴钢", set(), {"CASAcademician"}, {}),
        ("Person", None, "苏彦景", set(), set(), {}),
        ("Organization", "Company", "百明信康生物技术(浙江)有限公司", set(), set(), {}),
        ("Organization", "Academy", "中国科学院", set(), set(), {}),
        ("Organization", "Media", "杭州日报", set(), set(), {}),
        ("Event", "Seminar", event_name, set(), set(), {"start_date": "2023-12-05", "edition": 2}),
        ("Zone", None, "浙江安吉经济开发区", {"安吉经济开发区"}, set(), {}),
        ("Place", "County", "安吉", set(), set(), {}),
        ("Industry", None, "生物医药", set(), set(), {}),
    ]
    graph = KnowledgeGraph(articles={article.id: article})
    ids = {}
    for etype, kind, name, aliases, honors, attributes in specs:
        ids[name] = entity_id(etype, name)
        surface = next((form for form in (name, *sorted(aliases)) if form in article.text), None)
        provenance = [_mention(article, surface)] if surface else [
            Provenance(article.id, article.source or "", 0, 0, "metadata:source", 1.0)]
        graph.entities[ids[name]] = Entity(ids[name], etype, name, kind, set(aliases), set(honors), dict(attributes),
                                           provenance)
    relations = [
        ("格雷格·塞门扎", "attended", event_name, None, "邀请到", "pattern:attend-verb"),
        ("裴钢", "attended", event_name, None, "邀请到", "pattern:attend-verb"),
        ("裴钢", "memberOf", "中国科学院", None, "中国科学院院士", "pattern:academician"),
        (event_name, "heldIn", "安吉", None, "在安吉举行。", "pattern:held-in"),
        ("苏彦景", "roleAt", "百明信康生物技术(浙江)有限公司", "总裁", "总裁苏彦景", "pattern:title"),
        ("百明信康生物技术(浙江)有限公司", "settledIn", "浙江安吉经济开发区", None, "已落户", "pattern:settle"),
        ("浙江安吉经济开发区", "focusIndustry", "生物医药", None, "聚焦生物医药", "pattern:focus"),
        ("浙江安吉经济开发区", "locatedIn", "安吉", None, "已落户", "pattern:zone-place"),
    ]
    for subject, predicate, obj, title, cue, method in relations:
        relation = Relation(ids[subject], predicate, ids[obj], title, {}, [_fact(article, cue, method)])
        graph.relations[relation.key] = relation
    return graph


def second_article_graph() -> KnowledgeGraph:
    """The sample graph plus a second article restating one fact (two provenance records, one fact)."""
    graph = sample_graph()
    other = Article(id="syn-other", title="格雷格·塞门扎再访安吉", body=("格雷格·塞门扎出席2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会。",))
    graph.articles[other.id] = other
    person = graph.entities[entity_id("Person", "格雷格·塞门扎")]
    person.provenance.append(_mention(other, "格雷格·塞门扎"))
    key = next(k for k in graph.relations if k[0] == person.id and k[1] == "attended")
    graph.relations[key].provenance.append(_fact(other, "出席", "pattern:attend-verb"))
    return graph
