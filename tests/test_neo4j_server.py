"""The Neo4j test server built from Maven jars: auth on, the generated password, HTTP and Browser served."""

from __future__ import annotations

import json
import os
import re
import shutil
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


def checkout_copy(root: Path) -> Path:
    """A second checkout as far as the script can tell: its own scripts/ folder (and this checkout's .venv)."""
    repo = Path(__file__).resolve().parents[1]
    (root / "scripts").mkdir(parents=True)
    shutil.copy2(repo / "scripts" / "neo4j-test-server", root / "scripts" / "neo4j-test-server")
    (root / ".venv").symlink_to(repo / ".venv")
    return root


def server_script(checkout: Path, action: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KG_NEO4J_STATE"}  # the default, per-checkout state
    return subprocess.run([str(checkout / "scripts" / "neo4j-test-server"), action], env=env, capture_output=True,
                          text=True, timeout=300)


def test_each_checkout_starts_sees_and_stops_only_its_own_server(neo4j_tools, tmp_path):
    first, second = checkout_copy(tmp_path / "first"), checkout_copy(tmp_path / "second")
    started = server_script(first, "start")
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        bolt, password = (re.search(rf"^{key}: (\S+)", started.stdout, flags=re.M)[1] for key in ("bolt", "password"))
        assert (first / ".cache" / "neo4j-test-server.json").exists()
        # The second checkout sees no server of its own, and its stop leaves the first one's alone.
        assert server_script(second, "status").returncode == 1
        assert server_script(second, "stop").stdout.strip() == "not running"
        with GraphDatabase.driver(bolt, auth=("neo4j", password)) as driver:
            driver.verify_connectivity()
        # Its start is not refused: it gets a server of its own.
        own = server_script(second, "start")
        try:
            assert own.returncode == 0, own.stdout + own.stderr
            assert re.search(r"^bolt: (\S+)", own.stdout, flags=re.M)[1] != bolt
        finally:
            server_script(second, "stop")
        assert server_script(first, "status").returncode == 0
    finally:
        stopped = server_script(first, "stop")
    assert "stopped" in stopped.stdout and not (first / ".cache" / "neo4j-test-server.json").exists()


def test_a_stale_state_file_is_cleared_instead_of_reported_as_running(tmp_path):
    checkout = checkout_copy(tmp_path / "checkout")
    gone = subprocess.Popen(["true"])
    gone.wait()  # a pid that no longer runs a server
    state = checkout / ".cache" / "neo4j-test-server.json"
    state.parent.mkdir()
    home = tmp_path / "old-home"
    home.mkdir()
    state.write_text(json.dumps({"pid": gone.pid, "home": str(home), "bolt_port": 1, "http_port": 2,
                                 "user": "neo4j", "password": "x"}), encoding="utf-8")
    status = server_script(checkout, "status")
    assert status.returncode == 1 and "stale" in status.stdout and "not running" in status.stdout
    assert not state.exists() and not home.exists()
