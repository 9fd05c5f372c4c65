"""One record never sinks a batch, and an article keeps its given id and headline everywhere.

Each bad record class is built with ``kg build`` end to end, next to a good record that must be built.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.identity import InvalidIdentifierError, id_from_iri, iri, iri_component
from kg.property_graph import to_networkx
from kg.store import GraphStore
from loaders import load_paths

REPO = Path(__file__).resolve().parents[1]
GOOD = {"id": "good-1", "title": "苏州工业园区举办生物医药论坛",
        "body": "5月18日，2024苏州生物医药产业论坛在苏州工业园区举行。中国科学院院士张三出席论坛并致辞。"}
BODY = "南京经济技术开发区举办人工智能峰会。华为公司董事长李四出席。"


def kg_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=REPO)


def _records(tmp_path: Path, *records: dict) -> Path:
    path = tmp_path / "records.jsonl"
    # ensure_ascii: the file holds "\ud800" as a JSON escape, the way a lone surrogate reaches a loader.
    path.write_text("".join(json.dumps(r, ensure_ascii=True) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("text", ["jsnews:2024-001", "a%41b", "bad\u0080x", "bad\uffffx", "新华\ue000社",
                                  "a b<c>\"d\"{|}^`\\#?[]", "x\u202ey", "nul\x00and\nnewline", "张三·李四"])
def test_every_id_becomes_a_valid_iri_that_gives_the_id_back(text):
    value = iri(text)
    ox.NamedNode(value)  # Oxigraph refuses any IRI RFC 3987 does not allow
    assert id_from_iri(value) == text


def test_only_what_iris_forbid_is_encoded_and_exactly_once():
    assert iri_component("jsnews:2024-001") == "jsnews:2024-001"  # ":" is an IRI character: nothing to encode
    assert iri_component("a%41") == "a%2541"  # "%" is data, encoded once, so decoding once gives it back
    assert iri_component("新华\ue000社·R&D") == "新华%EE%80%80社·R&D"  # private use only in queries
    assert iri_component("x\uffff\u0080 y") == "x%EF%BF%BF%C2%80%20y"


def test_an_id_holding_a_lone_surrogate_has_no_iri():
    with pytest.raises(InvalidIdentifierError, match="U\\+D800"):
        iri("bad\ud800")


BAD_RECORDS = {
    "id holding U+0080": {"id": "bad\u0080x", "title": "测试一", "body": BODY},
    "id holding U+FFFF": {"id": "bad\uffffx", "title": "测试二", "body": BODY},
    "source holding U+E000": {"id": "bad-source", "title": "测试三", "source": "新华\ue000社", "body": BODY},
    "body holding a lone surrogate": {"id": "bad-body", "title": "测试四", "body": "南京经济技术开发区\ud800举办人工智能峰会。"},
}


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_a_record_with_unusual_characters_is_built_beside_a_good_one(tmp_path, case):
    bad = BAD_RECORDS[case]
    store = tmp_path / "store"
    result = kg_cli("build", str(_records(tmp_path, GOOD, bad)), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert not list(store.glob("gen-*.tmp"))
    with GraphStore.open(store) as opened:
        graph = opened.knowledge_graph()
        stored = {a.id: a for a in opened.articles()}
        ids = opened.query("SELECT ?id WHERE { ?a a kg:Article ; kg:entityId ?id }")
    assert set(stored) == {GOOD["id"], bad["id"]}
    assert {row["id"] for row in ids} == {f"article/{GOOD['id']}", f"article/{bad['id']}"}  # the original, as a literal
    assert {p.article_id for e in graph.entities.values() for p in e.provenance} <= set(stored)
    if "source" in bad:
        assert stored[bad["id"]].source == bad["source"]
        assert bad["source"] in {e.name for e in graph.entities.values()}
    if "\ud800" in bad["body"]:
        assert stored[bad["id"]].body == (bad["body"].replace("\ud800", "\ufffd"),)
        assert "lone surrogates replaced by U+FFFD (1 in body)" in result.stderr and "records.jsonl:2" in result.stderr


def test_a_record_whose_id_holds_a_lone_surrogate_is_rejected_and_the_rest_is_built(tmp_path):
    store = tmp_path / "store"
    bad = {"id": "bad\ud800id", "title": "测试", "body": BODY}
    result = kg_cli("build", str(_records(tmp_path, GOOD, bad)), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "records.jsonl:2: id holds a lone surrogate U+D800" in result.stderr
    rejects = [json.loads(line) for line in (store / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], "lone surrogate" in r["reason"]) for r in rejects] == [(2, True)]
    with GraphStore.open(store) as opened:
        assert [a.id for a in opened.articles()] == [GOOD["id"]]


def test_kg_load_repairs_a_lone_surrogate_and_says_so(tmp_path):
    result = kg_cli("load", str(_records(tmp_path, {"id": "s", "title": "标题\udc80", "body": "正文\ud800。"})))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "标题\ufffd" and record["body"] == ["正文\ufffd。"]
    assert "1 in title, 1 in body" in result.stderr and "warnings 1" in result.stderr


# ------------------------------------------------------------------ identity of an article across stages

COLON = {"id": "jsnews:2024-001", "title": "杭州高新区举办数字经济大会",
         "body": "杭州高新区举办数字经济大会，阿里巴巴集团董事长李四出席大会。"}


@pytest.fixture(scope="module")
def colon_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("colon")
    store = folder / "store"
    result = kg_cli("build", str(_records(folder, GOOD, COLON)), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


def test_an_article_id_comes_back_from_the_store_as_given(colon_store):
    with GraphStore.open(colon_store) as store:
        graph = store.knowledge_graph()
        rows = store.query("SELECT ?a ?id ?headline WHERE { ?a kg:entityId ?id ; kg:headline ?headline }",
                           {"id": f"article/{COLON['id']}"})
    assert {p.article_id for e in graph.entities.values() for p in e.provenance} == {GOOD["id"], COLON["id"]}
    assert [(row["a"], row["headline"]) for row in rows] == [(iri(f"article/{COLON['id']}"), COLON["title"])]


def test_the_property_graph_has_one_article_node_with_its_headline(colon_store):
    with GraphStore.open(colon_store) as store:
        g = to_networkx(store.knowledge_graph())
    articles = {node: data for node, data in g.nodes(data=True) if data["entity_type"] == "Article"}
    assert sorted(articles) == sorted([f"article/{COLON['id']}", f"article/{GOOD['id']}"])
    node = articles[f"article/{COLON['id']}"]
    assert node["name"] == COLON["title"] and node["iri"] == iri(f"article/{COLON['id']}")
    assert g.out_degree(f"article/{COLON['id']}") > 0  # it mentions what was read in it


@pytest.mark.neo4j
def test_neo4j_evidence_equals_the_store_for_an_id_with_a_colon(colon_store, neo4j_server, neo4j_driver):
    from kg.neo4j_push import graph_counts, push_graph
    from kg.query import open_graph

    with GraphStore.open(colon_store) as store:
        g = to_networkx(store.knowledge_graph())
    push_graph(neo4j_driver, g)
    assert graph_counts(neo4j_driver) == (g.number_of_nodes(), g.number_of_edges())
    found, _, _ = neo4j_driver.execute_query("MATCH (a:Article) RETURN a.id AS id, a.headline AS headline ORDER BY id")
    assert [(r["id"], r["headline"]) for r in found] == sorted([(f"article/{COLON['id']}", COLON["title"]),
                                                                 (f"article/{GOOD['id']}", GOOD["title"])])
    with open_graph(store=colon_store) as on_store, open_graph(neo4j=neo4j_server.uri, user=neo4j_server.user,
                                                              password=neo4j_server.password) as on_neo4j:
        rows = on_store.ask("evidence", entity="杭州高新区")
        assert rows and {row["article"] for row in rows} == {COLON["id"]}
        assert {row["headline"] for row in rows} == {COLON["title"]}
        assert on_neo4j.ask("evidence", entity="杭州高新区") == rows


def test_loading_keeps_every_record_of_a_batch(tmp_path):
    records = [GOOD, *BAD_RECORDS.values(), COLON]
    result = load_paths([str(_records(tmp_path, *records))])
    assert [a.id for a in result.articles] == [r["id"] for r in records] and result.rejects == []
