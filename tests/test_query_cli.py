"""`kg ask`, `kg sparql`, `kg cypher` through the real CLI on real stores (and a real Neo4j for cypher)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.neo4j_push import push_graph
from kg.property_graph import to_networkx
from kg.query import catalogue, open_graph
from kg.store import GraphStore

PREFIX = "PREFIX kg: <https://kg-zones.org/ontology#> "


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_ask_list_shows_every_question_and_parameter():
    result = run("ask", "--list")
    assert result.exit_code == 0
    for name, q in catalogue().items():
        assert name in result.output
        for p in q.parameters:
            assert p.name in result.output
    assert "connection" in result.output and "most-connected" in result.output


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_ask_formats_match_the_api(sample_store, fmt):
    with open_graph(store=sample_store) as graph:
        rows = graph.ask("zone-events-timeline", zone="安吉经济开发区")
    assert rows
    result = run("ask", "zone-events-timeline", "--zone", "安吉经济开发区", "--store", str(sample_store), "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output) == [{**r, "date": r["date"].isoformat()} for r in rows]
    elif fmt == "csv":
        parsed = list(csv.DictReader(io.StringIO(result.output)))
        assert [r["event"] for r in parsed] == [r["event"] for r in rows]
        assert list(parsed[0]) == [c.name for c in catalogue()["zone-events-timeline"].columns]
        assert parsed[0]["attendees"] == str(rows[0]["attendees"])
    else:
        assert rows[0]["event"] in result.output and "(1 row)" in result.output


def test_ask_params_and_dates(sample_store):
    base = ("ask", "laureates-at-zone-forums", "--store", str(sample_store), "--format", "json")
    assert json.loads(run(*base, "--since", "2023-12").output)
    assert json.loads(run(*base, "--param", "since=2024").output) == []
    bad = run(*base, "--param", "country=中国")
    assert bad.exit_code != 0 and "'country'" in bad.output and "zone" in bad.output


def test_ask_unknown_question_lists_what_exists(sample_store):
    result = run("ask", "laureates", "--store", str(sample_store))
    assert result.exit_code != 0
    assert "laureates-at-zone-forums" in result.output and "person-profile" in result.output


def test_ask_connection(sample_store):
    result = run("ask", "connection", "--from", "苏彦景", "--to", "生物医药", "--store", str(sample_store),
                 "--format", "json")
    assert result.exit_code == 0, result.output
    steps = json.loads(result.output)
    assert steps[0]["from"] == "苏彦景" and steps[-1]["to"] == "生物医药"
    assert [s["step"] for s in steps] == list(range(1, len(steps) + 1))
    missing = run("ask", "connection", "--from", "无名氏", "--to", "生物医药", "--store", str(sample_store))
    assert missing.exit_code != 0 and "无名氏" in missing.output


def test_ask_missing_store_is_a_clear_error(tmp_path):
    result = run("ask", "laureates-at-zone-forums", "--store", str(tmp_path / "none"))
    assert result.exit_code != 0 and "kg build" in result.output


def test_sparql_query_file_and_bindings(sample_store, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text(PREFIX + "SELECT ?name ?honour WHERE { ?p kg:name ?name ; kg:hasHonor ?honour }", encoding="utf-8")
    result = run("sparql", str(query), "--store", str(sample_store), "--format", "json", "--param", "name=裴钢")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"name": "裴钢", "honour": "https://kg-zones.org/ontology#CASAcademician"}]


def test_sparql_construct_prints_turtle(sample_store):
    result = run("sparql", PREFIX + "CONSTRUCT { ?p kg:name ?n } WHERE { ?p kg:hasHonor kg:NobelLaureate ; kg:name ?n }",
                 "--store", str(sample_store))
    assert result.exit_code == 0, result.output
    from rdflib import Graph

    graph = Graph().parse(data=result.output, format="turtle")
    assert {str(o) for o in graph.objects()} == {"格雷格·塞门扎"}


def test_sparql_update_refused_then_allowed(sample_store):
    update = PREFIX + 'INSERT DATA { <https://kg-zones.org/id/person/测试> kg:name "测试" }'
    count = PREFIX + 'SELECT (COUNT(*) AS ?n) WHERE { ?p kg:name "测试" }'
    refused = run("sparql", update, "--store", str(sample_store))
    assert refused.exit_code != 0 and "allow-write" in refused.output
    assert json.loads(run("sparql", count, "--store", str(sample_store), "--format", "json").output) == [{"n": 0}]
    allowed = run("sparql", update, "--store", str(sample_store), "--allow-write")
    assert allowed.exit_code == 0, allowed.output
    assert json.loads(run("sparql", count, "--store", str(sample_store), "--format", "json").output) == [{"n": 1}]


def test_sparql_syntax_error(sample_store):
    result = run("sparql", "SELEKT * WHERE { }", "--store", str(sample_store))
    assert result.exit_code != 0 and "SPARQL" in result.output


@pytest.fixture
def pushed(sample_store, neo4j_driver, neo4j_server):
    with GraphStore.open(sample_store) as store:
        push_graph(neo4j_driver, to_networkx(store.knowledge_graph()))
    return neo4j_server


@pytest.mark.neo4j
def test_cypher_and_ask_on_neo4j(pushed, sample_store):
    env = {"NEO4J_PASSWORD": pushed.password}
    read = run("cypher", "MATCH (p:Person) WHERE p.name = $name RETURN p.name AS name, p.honors AS honors",
               "--neo4j", pushed.uri, "--param", "name=裴钢", "--format", "json", env=env)
    assert read.exit_code == 0, read.output
    assert json.loads(read.output) == [{"name": "裴钢", "honors": ["CASAcademician"]}]
    on_neo4j = run("ask", "laureates-at-zone-forums", "--neo4j", pushed.uri, "--format", "json", env=env)
    on_store = run("ask", "laureates-at-zone-forums", "--store", str(sample_store), "--format", "json")
    assert on_neo4j.exit_code == 0 and json.loads(on_neo4j.output) == json.loads(on_store.output) != []


@pytest.mark.neo4j
def test_cypher_write_refused_then_allowed(pushed):
    env = {"NEO4J_PASSWORD": pushed.password}
    refused = run("cypher", "MATCH (n) DETACH DELETE n", "--neo4j", pushed.uri, env=env)
    assert refused.exit_code != 0 and "allow-write" in refused.output
    count = run("cypher", "MATCH (n) RETURN count(n) AS n", "--neo4j", pushed.uri, "--format", "json", env=env)
    assert json.loads(count.output)[0]["n"] > 0
    allowed = run("cypher", "MATCH (n:Scratch) DELETE n", "--neo4j", pushed.uri, "--allow-write", env=env)
    assert allowed.exit_code == 0, allowed.output


@pytest.mark.neo4j
def test_cypher_needs_the_password_variable(pushed):
    result = run("cypher", "RETURN 1", "--neo4j", pushed.uri, env={"NEO4J_PASSWORD": None})
    assert result.exit_code != 0 and "NEO4J_PASSWORD" in result.output
