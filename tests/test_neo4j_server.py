"""The Neo4j test server built from Maven jars: auth on, the generated password, HTTP and Browser served."""

from __future__ import annotations

import json
import urllib.request

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

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
