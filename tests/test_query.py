"""The query layer on the embedded store: the seed question, typed rows, errors, bound parameters, read-only."""

from __future__ import annotations

import datetime
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.identity import entity_id
from kg.model import Article, Entity, KnowledgeGraph, Provenance, Relation
from kg.query import QuestionError, QuerySyntaxError, ReadOnlyError, catalogue, open_graph, question
from kg.query.catalogue import BACKEND_SUFFIXES, QUESTIONS_DIR, parse_header
from kg.query.sparql import sparql_kind
from kg.rdf import to_dataset
from kg.store import StoreWriter

SEED_EVENT = "2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会"
SEED_LAUREATES = {"格雷格·塞门扎", "托马斯·苏德霍夫", "卡罗琳·贝尔托齐"}
SEED_ZONE = "浙江安吉经济开发区"

# Zone names an attacker (or an unlucky article) could bring: SPARQL and Cypher syntax, quotes, escapes.
NASTY_NAMES = [
    '安吉"开发区',
    "安吉'开发区",
    "安吉{开发区}",
    "安吉\\开发区\\",
    "`Zone` 开发区``",
    '区" } UNION { ?s ?p ?o } #',
    "区' OR 1=1 OR z.name = '",
    "区'}) MATCH (n) DETACH DELETE n //",
    "$zone ?_zone \\u0022",
]


def store_of(graph: KnowledgeGraph, folder: Path) -> Path:
    """Publish a hand-made KnowledgeGraph as a real kg store."""
    with StoreWriter(folder) as writer:
        writer.publish(to_dataset(graph).serialize(format="nquads", encoding="utf-8"), list(graph.articles.values()))
    return folder


def nasty_graph() -> KnowledgeGraph:
    """One zone per nasty name, each with its own event and laureate (and one alias with the same trouble)."""
    article = Article(id="t-nasty", title="测试", body=("正文。",), published="2024-05-01")
    graph = KnowledgeGraph(articles={article.id: article})

    def add(etype: str, name: str, kind=None, honors=(), attributes=None, aliases=()) -> str:
        eid = entity_id(etype, name)
        graph.entities[eid] = Entity(eid, etype, name, kind, set(aliases), set(honors), dict(attributes or {}),
                                     [Provenance(article.id, "正文。", 0, 2, "test:hand", 1.0)])
        return eid

    def relate(s: str, p: str, o: str) -> None:
        r = Relation(s, p, o, None, {}, [Provenance(article.id, "正文。", 0, 3, "test:hand", 1.0)])
        graph.relations[r.key] = r

    for i, name in enumerate(NASTY_NAMES):
        zone = add("Zone", name, aliases=[f"别名{i}`\"'"])
        event = add("Event", f"论坛{i}", "Forum", attributes={"start_date": f"2024-0{i % 9 + 1}-01"})
        person = add("Person", f"得主{i}", honors=["NobelLaureate"])
        relate(event, "heldIn", zone)
        relate(person, "attended", event)
    return graph


# ------------------------------------------------------------------ the seed, built with the real pipeline

def test_seed_laureates_at_anji_seminar(seed_store):
    with open_graph(store=seed_store) as graph:
        rows = graph.ask("laureates-at-zone-forums")
    at_seminar = {r["laureate"] for r in rows if r["event"] == SEED_EVENT and r["zone"] == SEED_ZONE}
    assert SEED_LAUREATES <= at_seminar, rows
    assert all(r["honour"] == "NobelLaureate" for r in rows)
    dates = {r["date"] for r in rows if r["event"] == SEED_EVENT}
    assert dates and all(isinstance(d, datetime.date) and d.year == 2023 for d in dates)


def test_seed_laureates_by_zone_alias_and_dates(seed_store):
    with open_graph(store=seed_store) as graph:
        everything = graph.ask("laureates-at-zone-forums")
        by_alias = graph.ask("laureates-at-zone-forums", zone="安吉开发区")
        in_2023 = graph.ask("laureates-at-zone-forums", zone=SEED_ZONE, since="2023-01-01", until="2023-12-31")
        later = graph.ask("laureates-at-zone-forums", zone=SEED_ZONE, since="2024")
        as_dates = graph.ask("laureates-at-zone-forums", zone=SEED_ZONE, since=datetime.date(2023, 12, 1),
                             until=datetime.date(2023, 12, 31))
    assert SEED_LAUREATES <= {r["laureate"] for r in by_alias}
    assert by_alias == [r for r in everything if r["zone"] == SEED_ZONE]
    assert {r["laureate"] for r in in_2023} >= SEED_LAUREATES
    assert later == []
    assert as_dates == in_2023


# ------------------------------------------------------------------ catalogue and errors

def test_every_question_has_both_backends_with_equal_headers():
    names = set(catalogue())
    expected = {"laureates-at-zone-forums", "academicians-at-zone-events", "zone-events-timeline", "event-series",
                "fund-partners", "companies-settled", "zone-clusters", "person-profile", "zones-sharing-people",
                "evidence"}
    assert expected <= names
    for name in names:
        headers = [parse_header((QUESTIONS_DIR / f"{name}{suffix}").read_text(encoding="utf-8"), name)
                   for suffix in BACKEND_SUFFIXES.values()]
        assert headers[0] == headers[1], name
        assert headers[0]["description"]


def test_unknown_question_lists_the_questions(sample_store):
    with open_graph(store=sample_store) as graph, pytest.raises(QuestionError) as error:
        graph.ask("laureates-everywhere")
    message = str(error.value)
    assert "laureates-everywhere" in message
    for name in catalogue():
        assert name in message
    assert "connection" in message


def test_unknown_parameter_lists_the_parameters(sample_store):
    with open_graph(store=sample_store) as graph, pytest.raises(QuestionError) as error:
        graph.ask("laureates-at-zone-forums", country="中国")
    assert "'country'" in str(error.value)
    for name in ("zone", "since", "until"):
        assert name in str(error.value)


def test_bad_and_missing_values_are_refused(sample_store):
    with open_graph(store=sample_store) as graph:
        with pytest.raises(QuestionError, match="since"):
            graph.ask("laureates-at-zone-forums", since='2024" || true')
        with pytest.raises(QuestionError, match="since"):
            graph.ask("laureates-at-zone-forums", since="2024-13-01")
        with pytest.raises(QuestionError, match="person"):
            graph.ask("person-profile")


def test_typed_rows_from_the_sample(sample_store):
    with open_graph(store=sample_store) as graph:
        timeline = graph.ask("zone-events-timeline", zone=SEED_ZONE)
        evidence = graph.ask("evidence", entity="格雷格·塞门扎")
    assert timeline == [{"zone": SEED_ZONE, "date": datetime.date(2023, 12, 5), "event": SEED_EVENT,
                         "kind": "Seminar", "attendees": 2}]
    assert {r["kind"] for r in evidence} == {"entity", "fact"}
    for row in evidence:
        assert isinstance(row["start_offset"], int) and isinstance(row["confidence"], float)
        assert row["article"] == "seed-anji-cgt-2023" and row["headline"].startswith("2023第二届")


# ------------------------------------------------------------------ parameters are bound, never pasted

@pytest.fixture(scope="module")
def nasty_store(tmp_path_factory):
    return store_of(nasty_graph(), tmp_path_factory.mktemp("nasty") / "store")


@pytest.mark.parametrize("index", range(len(NASTY_NAMES)))
def test_nasty_zone_names_are_matched_literally(nasty_store, index):
    name = NASTY_NAMES[index]
    with open_graph(store=nasty_store) as graph:
        rows = graph.ask("laureates-at-zone-forums", zone=name)
        by_alias = graph.ask("laureates-at-zone-forums", zone=f"别名{index}`\"'")
        nothing = graph.ask("laureates-at-zone-forums", zone=name + "x")
        profile = graph.ask("zone-events-timeline", zone=name)
    assert [(r["laureate"], r["zone"]) for r in rows] == [(f"得主{index}", name)]
    assert by_alias == rows
    assert nothing == []
    assert [(r["event"], r["attendees"]) for r in profile] == [(f"论坛{index}", 1)]


def test_raw_sparql_bindings_are_bound(nasty_store):
    query = "PREFIX kg: <https://kg-zones.org/ontology#> SELECT ?z ?name WHERE { ?z kg:name ?name }"
    with open_graph(store=nasty_store) as graph:
        for name in NASTY_NAMES:
            rows = graph.sparql(query, {"name": name})
            assert [r["name"] for r in rows] == [name]
        with pytest.raises(QuerySyntaxError, match="projection"):
            graph.sparql("PREFIX kg: <https://kg-zones.org/ontology#> SELECT ?z WHERE { ?z kg:name ?name }",
                         {"name": NASTY_NAMES[0]})


# ------------------------------------------------------------------ read-only

UPDATES = [
    "PREFIX kg: <https://kg-zones.org/ontology#> INSERT DATA { <urn:x> kg:name \"x\" }",
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR DEFAULT",
    "# a comment first\nDROP ALL",
]


@pytest.mark.parametrize("update", UPDATES)
def test_sparql_updates_are_refused(sample_store, update):
    assert sparql_kind(update) == "update"
    with open_graph(store=sample_store) as graph:
        before = len(graph.oxigraph)
        with pytest.raises(ReadOnlyError, match="allow-write"):
            graph.sparql(update)
        assert len(graph.oxigraph) == before


def test_queries_mentioning_update_words_are_queries(sample_store):
    text = 'SELECT ?x WHERE { BIND("DELETE WHERE { ?s ?p ?o } ; INSERT DATA {}" AS ?x) }'
    assert sparql_kind(text) == "query"
    with open_graph(store=sample_store) as graph:
        assert graph.sparql(text) == [{"x": "DELETE WHERE { ?s ?p ?o } ; INSERT DATA {}"}]


def test_garbage_is_a_syntax_error():
    with pytest.raises(QuerySyntaxError):
        sparql_kind("SELEKT ?x WHERE { }")


def test_question_files_only_use_bound_parameters():
    # Every parameter a header declares is used as ?_NAME (SPARQL) / $NAME (Cypher), and projected in SPARQL.
    for name, q in catalogue().items():
        rq, cypher = q.text("sparql"), q.text("cypher")
        select = rq[rq.index("SELECT"):rq.index("WHERE")]
        for p in q.parameters:
            assert f"?_{p.name}" in select and f"$_{p.name}" not in rq, (name, p.name)
            assert f"${p.name}" in cypher, (name, p.name)


def test_pyoxigraph_substitution_is_what_binds(sample_store):
    # The mechanism the runner relies on: a substituted projected variable acts as a constant.
    q = question("laureates-at-zone-forums")
    with open_graph(store=sample_store) as graph:
        solutions = graph.oxigraph.query(q.text("sparql"), substitutions={
            ox.Variable("_zone"): ox.Literal("没有这个园区"), ox.Variable("_since"): ox.Literal(""),
            ox.Variable("_until"): ox.Literal("")})
        assert list(solutions) == []


def test_companies_settled_reads_the_amount_of_the_fact(tmp_path):
    # Amounts of a settling are attributes of the settledIn fact (they differ per company and zone).
    article = Article(id="t-amount", title="签约", body=("甲公司投资4,860万元落户乙开发区。",))
    graph = KnowledgeGraph(articles={article.id: article})
    record = Provenance(article.id, article.body[0], 6, 23, "test:hand", 1.0)
    company, zone = entity_id("Organization", "甲公司"), entity_id("Zone", "乙开发区")
    graph.entities[company] = Entity(company, "Organization", "甲公司", "Company", provenance=[record])
    graph.entities[zone] = Entity(zone, "Zone", "乙开发区", provenance=[record])
    fact = Relation(company, "settledIn", zone, None, {"amount_yuan": 48600000.0, "amount_text": "4,860万元"}, [record])
    graph.relations[fact.key] = fact
    with open_graph(store=store_of(graph, tmp_path / "store")) as opened:
        rows = opened.ask("companies-settled", zone="乙开发区")
    assert rows == [{"zone": "乙开发区", "company": "甲公司", "site": "乙开发区", "amount_yuan": 48600000.0,
                     "amount_text": "4,860万元"}]


# ------------------------------------------------------------------ one text per given/empty parameter

HEADER = "# description: test\n# param: zone name optional\n# param: fund name optional\n# columns: x\n"


def _question_dir(tmp_path: Path, body: str) -> Path:
    (tmp_path / "q.rq").write_text(HEADER + body, encoding="utf-8")
    (tmp_path / "q.cypher").write_text(HEADER.replace("#", "//") + "RETURN 1 AS x\n", encoding="utf-8")
    return tmp_path


def test_if_blocks_keep_the_lines_of_the_given_parameters(tmp_path):
    from kg.query.catalogue import load_question

    body = "SELECT ?x ?_zone ?_fund WHERE {\n#if fund\n  F\n#elif zone\n  Z\n#else\n  E\n#end\n  A\n#if zone\n  Z2\n#end\n}\n"
    q = load_question("q", _question_dir(tmp_path, body))

    def kept(**values):
        return [line.strip() for line in q.text("sparql", q.bind(values)).splitlines()[5:-1]]

    assert kept() == ["E", "A"]
    assert kept(zone="甲") == ["Z", "A", "Z2"]
    assert kept(fund="乙") == ["F", "A"]
    assert kept(zone="甲", fund="乙") == ["F", "A", "Z2"]
    assert q.text("sparql") == HEADER + body  # without values: the file as written


@pytest.mark.parametrize("body, message", [
    ("#if zone\nA\n", "no #end"),
    ("#if zone\n#if fund\n#end\n#end\n", "do not nest"),
    ("#else\n", "without an open #if"),
    ("#if zone\n#else\n#elif fund\n#end\n", "without an open #if"),
    ("#if zones\n#end\n", "no such parameter"),
    ("#if\n#end\n", "needs a parameter name"),
])
def test_malformed_if_blocks_are_refused(tmp_path, body, message):
    from kg.query.catalogue import load_question

    with pytest.raises(QuestionError, match=message):
        load_question("q", _question_dir(tmp_path, "SELECT ?x WHERE {\n" + body + "}\n"))
