"""The Neo4j test server built from Maven jars: auth on, the generated password, HTTP and Browser served."""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.request
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from kg.neo4j_server import pinned_version

pytestmark = pytest.mark.neo4j


def test_server_runs_the_pinned_version_with_the_generated_password(neo4j_server):
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        records, _, _ = driver.execute_query("CALL dbms.components() YIELD versions, edition RETURN versions, edition")
    assert records[0]["versions"] == [pinned_version()]
    assert records[0]["edition"] == "community"


@pytest.mark.parametrize("password", ["neo4j", "not-the-password"])
def test_server_refuses_other_passwords(neo4j_server, password):
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, password)) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()


def test_http_discovery_advertises_the_chosen_bolt_port(neo4j_server):
    with urllib.request.urlopen(neo4j_server.http_uri + "/", timeout=10) as response:
        discovery = json.load(response)
    assert discovery["bolt_direct"] == neo4j_server.uri
    assert discovery["neo4j_version"] == pinned_version()


def test_browser_is_served_from_its_maven_jar(neo4j_server):
    with urllib.request.urlopen(neo4j_server.http_uri + "/browser/", timeout=10) as response:
        page = response.read().decode("utf-8")
    assert response.status == 200
    assert "<title>Neo4j Browser</title>" in page


def test_script_starts_reports_and_stops_a_server(neo4j_tools, tmp_path):
    # The script runs its own server; neo4j_tools only applies the start-or-skip policy.
    script = Path(__file__).resolve().parents[1] / "scripts" / "neo4j-test-server"
    env = {**os.environ, "KG_NEO4J_STATE": str(tmp_path / "running.json")}
    started = subprocess.run([str(script), "start"], env=env, capture_output=True, text=True, timeout=300)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        printed = dict(re.findall(r"^(bolt|http|user|password): (\S+)", started.stdout, flags=re.M))
        with GraphDatabase.driver(printed["bolt"], auth=(printed["user"], printed["password"])) as driver:
            assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1
        with urllib.request.urlopen(printed["http"] + "/", timeout=10) as response:
            assert json.load(response)["bolt_direct"] == printed["bolt"]
        status = subprocess.run([str(script), "status"], env=env, capture_output=True, text=True)
        assert status.returncode == 0 and printed["bolt"] in status.stdout
    finally:
        stopped = subprocess.run([str(script), "stop"], env=env, capture_output=True, text=True, timeout=120)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert not (tmp_path / "running.json").exists()
    with GraphDatabase.driver(printed["bolt"], auth=(printed["user"], printed["password"])) as driver:
        with pytest.raises(ServiceUnavailable):
            driver.verify_connectivity()
