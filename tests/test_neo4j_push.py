"""kg push against the real Neo4j test server: ontology labels, provenance, idempotence, errors."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_samples import sample_graph

from kg.cli import main
from kg.neo4j_push import PushError, graph_counts, push_graph
from kg.property_graph import to_networkx

pytestmark = pytest.mark.neo4j


@pytest.fixture
def graph():
    return to_networkx(sample_graph())


def _snapshot(driver) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (ends, type, properties), sorted."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
    key = repr
    return (sorted(([sorted(r["labels"]), r["props"]] for r in nodes), key=key),
            sorted(([r["a"], r["type"], r["b"], r["props"]] for r in rels), key=key))


def test_push_writes_every_element_with_ontology_labels(neo4j_driver, graph):
    stats = push_graph(neo4j_driver, graph, batch_size=3)
    assert (stats.nodes, stats.relationships) == (graph.number_of_nodes(), graph.number_of_edges())
    assert graph_counts(neo4j_driver) == (graph.number_of_nodes(), graph.number_of_edges())
    for node, data in graph.nodes(data=True):
        records, _, _ = neo4j_driver.execute_query("MATCH (n {id: $id}) RETURN labels(n) AS labels", id=node)
        assert sorted(records[0]["labels"]) == sorted(data["labels"])


def test_properties_and_provenance_arrive(neo4j_driver, graph):
    push_graph(neo4j_driver, graph)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person)-[r:ROLE_AT]->(o:Organization:Company) RETURN p.name AS person, r.title AS title, "
        "r.articles AS articles, r.evidence AS evidence, r.methods AS methods")
    role = [(u, v, d) for u, v, d in graph.edges(data=True) if d["type"] == "ROLE_AT"][0]
    assert [(r["person"], r["title"]) for r in records] == [(graph.nodes[role[0]]["name"], role[2]["title"])]
    assert records[0]["articles"] == role[2]["articles"] and records[0]["evidence"] == role[2]["evidence"]
    assert records[0]["methods"] == role[2]["methods"]
    honoured, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person) WHERE 'NobelLaureate' IN p.honors RETURN p.name AS name")
    expected = {d["name"] for _, d in graph.nodes(data=True) if "NobelLaureate" in d.get("honors", [])}
    assert {r["name"] for r in honoured} == expected and expected
    event = next(d for _, d in graph.nodes(data=True) if "Event" in d["labels"])
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (e:Event {id: $id}) RETURN e.edition AS edition, e.startDate AS date, e.aliases AS aliases",
        id=event["id"])
    assert (records[0]["edition"], records[0]["date"]) == (event["edition"], event["startDate"])
    zone = next(d for _, d in graph.nodes(data=True) if "Zone" in d["labels"])
    aliases, _, _ = neo4j_driver.execute_query("MATCH (z:Zone {id: $id}) RETURN z.aliases AS a", id=zone["id"])
    assert aliases[0]["a"] == zone["aliases"]


def test_articles_are_linked_to_what_they_mention(neo4j_driver, graph):
    push_graph(neo4j_driver, graph)
    records, _, _ = neo4j_driver.execute_query("MATCH (:Article)-[:MENTIONS]->(e) RETURN count(DISTINCT e) AS n")
    mentioned = {v for _, v, d in graph.edges(data=True) if d["type"] == "MENTIONS"}
    assert records[0]["n"] == len(mentioned) > 0


def test_uniqueness_constraints_and_name_indexes_come_first(neo4j_driver, graph):
    push_graph(neo4j_driver, graph)
    constraints, _, _ = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN type, labelsOrTypes, properties")
    unique = {r["labelsOrTypes"][0] for r in constraints if r["type"] == "UNIQUENESS" and r["properties"] == ["id"]}
    assert {"Person", "Organization", "Article", "Event", "Zone"} <= unique
    indexes, _, _ = neo4j_driver.execute_query(
        "SHOW INDEXES YIELD labelsOrTypes, properties WHERE properties = ['name'] RETURN labelsOrTypes")
    assert {"Person", "Organization"} <= {r["labelsOrTypes"][0] for r in indexes}


def test_pushing_twice_leaves_the_identical_graph(neo4j_driver, graph):
    push_graph(neo4j_driver, graph, batch_size=4)
    first = _snapshot(neo4j_driver)
    push_graph(neo4j_driver, graph, batch_size=1000)
    assert _snapshot(neo4j_driver) == first
    assert graph_counts(neo4j_driver) == (graph.number_of_nodes(), graph.number_of_edges())


def test_interrupted_push_completes_without_duplicates_on_rerun(neo4j_driver, graph):
    class Interrupted(Exception):
        pass

    def stop_after_three(stats):
        if stats.transactions == 3:
            raise Interrupted

    with pytest.raises(Interrupted):
        push_graph(neo4j_driver, graph, batch_size=2, on_batch=stop_after_three)
    partial = graph_counts(neo4j_driver)
    assert 0 < partial[0] < graph.number_of_nodes()
    push_graph(neo4j_driver, graph, batch_size=2)
    assert graph_counts(neo4j_driver) == (graph.number_of_nodes(), graph.number_of_edges())
    records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(DISTINCT n.id) AS ids")
    assert records[0]["ids"] == graph.number_of_nodes()


@pytest.mark.parametrize("where", ["label", "type"])
def test_names_outside_the_ontology_never_reach_a_query(neo4j_driver, graph, where):
    hostile = "Person`) DETACH DELETE n //"
    node = next(iter(graph.nodes))
    if where == "label":
        graph.nodes[node]["labels"] = [*graph.nodes[node]["labels"], hostile]
    else:
        u, v, k = next(iter(graph.edges(keys=True)))
        graph.edges[u, v, k]["type"] = hostile
    with pytest.raises(PushError, match="not a"):
        push_graph(neo4j_driver, graph)
    assert graph_counts(neo4j_driver) == (0, 0)


# ---- the command line ----

def _run(args, password=None, input=None):
    env = {"NEO4J_PASSWORD": password} if password is not None else {"NEO4J_PASSWORD": ""}
    return CliRunner().invoke(main, args, env=env, input=input)


def test_cli_push_reads_the_store_and_is_idempotent(neo4j_server, neo4j_driver, sample_store, graph):
    args = ["push", "--neo4j", neo4j_server.uri, "--store", str(sample_store), "--batch-size", "5"]
    for _ in range(2):
        result = _run(args, password=neo4j_server.password)
        assert result.exit_code == 0, result.output
        assert neo4j_server.password not in result.output
    assert graph_counts(neo4j_driver) == (graph.number_of_nodes(), graph.number_of_edges())
    assert f"now holds {graph.number_of_nodes()} nodes" in result.output


def test_cli_prompts_for_the_password_when_the_variable_is_unset(neo4j_server, neo4j_driver, sample_store):
    result = _run(["push", "--neo4j", neo4j_server.uri, "--store", str(sample_store)],
                  input=neo4j_server.password + "\n")
    assert result.exit_code == 0, result.output
    assert "Neo4j password" in result.output and neo4j_server.password not in result.output


def test_cli_wrong_password_fails_clearly(neo4j_server, neo4j_driver, sample_store):
    result = _run(["push", "--neo4j", neo4j_server.uri, "--store", str(sample_store)], password="wrong-password")
    assert result.exit_code == 1
    assert "rejected the credentials" in result.output
    assert graph_counts(neo4j_driver) == (0, 0)


def test_cli_unreachable_server_fails_clearly(sample_store):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends: nothing listens there
    result = _run(["push", "--neo4j", f"bolt://127.0.0.1:{port}", "--store", str(sample_store)], password="x" * 8)
    assert result.exit_code == 1
    assert "cannot reach" in result.output


def test_cli_port_that_is_not_neo4j_fails_clearly(neo4j_server, sample_store):
    http_port = neo4j_server.http_port  # Jetty answers there, not Bolt
    result = _run(["push", "--neo4j", f"bolt://127.0.0.1:{http_port}", "--store", str(sample_store)],
                  password=neo4j_server.password)
    assert result.exit_code == 1
    assert "did not answer as a Neo4j Bolt server" in result.output


def test_cli_unknown_database_fails_clearly(neo4j_server, sample_store):
    result = _run(["push", "--neo4j", neo4j_server.uri, "--database", "nosuchdb", "--store", str(sample_store)],
                  password=neo4j_server.password)
    assert result.exit_code == 1
    assert "no database 'nosuchdb'" in result.output


def test_killed_push_of_the_corpus_is_completed_by_a_rerun(neo4j_server, neo4j_driver, tmp_path):
    from kg.build import build
    from kg.store import GraphStore

    corpus = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    store = tmp_path / "store"
    build([str(corpus / "seed-anji-cgt-2023.txt"), str(corpus / "dev")], store)
    with GraphStore.open(store) as opened:
        g = to_networkx(opened.knowledge_graph())
    expected = (g.number_of_nodes(), g.number_of_edges())
    command = [sys.executable, "-c", "from kg.cli import main; main()", "push", "--neo4j", neo4j_server.uri,
               "--store", str(store), "--batch-size", "10"]
    env = {**os.environ, "NEO4J_PASSWORD": neo4j_server.password}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None and graph_counts(neo4j_driver)[0] == 0:
            time.sleep(0.02)
        process.kill()  # SIGKILL mid-push: no cleanup runs in the pusher
    finally:
        process.wait()
    partial = graph_counts(neo4j_driver)
    assert process.returncode == -signal.SIGKILL, "the push finished before it could be interrupted"
    assert 0 < sum(partial) < sum(expected)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert graph_counts(neo4j_driver) == expected
    records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(DISTINCT n.id) AS ids")
    assert records[0]["ids"] == expected[0]
