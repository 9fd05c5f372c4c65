"""The bulk path: CSV files for neo4j-admin, imported with the admin tool from the same Maven jars."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner
from graph_samples import sample_graph

from kg.cli import main
from kg.neo4j_import import write_import_files
from kg.neo4j_push import connect, graph_counts
from kg.neo4j_server import Neo4jTestServer
from kg.property_graph import to_networkx

pytestmark = pytest.mark.neo4j


def test_headers_carry_neo4j_types(tmp_path):
    files = write_import_files(to_networkx(sample_graph()), tmp_path)
    event_file = next(p for p in files.node_files if p.name.startswith("nodes-Event"))
    with event_file.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:2] == ["id:ID", ":LABEL"]
    assert {"edition:long", "name:string", "articles:string[]", "starts:long[]", "confidences:double[]"} <= set(header)


def test_admin_import_into_a_fresh_database_gives_the_graph(neo4j_tools, tmp_path):
    # The import needs its own stopped home, so no session server: neo4j_tools only applies the start-or-skip policy.
    graph = to_networkx(sample_graph())
    server = Neo4jTestServer()
    try:
        server.prepare()
        files = write_import_files(graph, tmp_path / "csv")
        result = server.admin(*files.command(admin=""))
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        info = server.start()
        with connect(info.uri, info.user, info.password) as driver:
            assert graph_counts(driver) == (graph.number_of_nodes(), graph.number_of_edges())
            records, _, _ = driver.execute_query(
                "MATCH (p:Person)-[r:ROLE_AT]->(o:Organization:Company) RETURN r.title AS title, r.evidence AS ev")
            role = next(d for _, _, d in graph.edges(data=True) if d["type"] == "ROLE_AT")
            assert [(r["title"], r["ev"]) for r in records] == [(role["title"], role["evidence"])]
    finally:
        server.stop()


def test_cli_writes_the_files_and_prints_the_command(sample_store, tmp_path):
    out = tmp_path / "import"
    result = CliRunner().invoke(main, ["neo4j-import", str(out), "--store", str(sample_store)])
    assert result.exit_code == 0, result.output
    command = result.stdout.strip().splitlines()[-1]
    assert command.startswith("neo4j-admin database import full neo4j ")
    for path in sorted(out.glob("*.csv")):
        assert f"={path}" in command
