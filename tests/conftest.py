"""Shared pytest fixtures (several helpers add to this file; keep additions small and self-contained)."""

from __future__ import annotations

import os
import json
from pathlib import Path

import pytest


# ---- Inputs from /work/shared (beside the repo): skip locally when missing, fail under CI ----

def write_records(path: Path, bodies: dict[str, str]) -> Path:
    """A JSON-lines file of article records (id -> body), each titled 园区新闻."""
    path.write_text("".join(json.dumps({"id": key, "title": "园区新闻", "body": body}, ensure_ascii=False) + "\n"
                            for key, body in bodies.items()), encoding="utf-8")
    return path


def require_shared(path: Path) -> Path:
    """``path`` if it exists; otherwise skip the test, or fail it when env CI is set (as for Neo4j and Chromium),
    so that a CI checkout without shared/ beside the repo cannot pass by skipping the corpus tests."""
    if Path(path).exists():
        return Path(path)
    reason = f"shared input {path} is missing (shared/ belongs beside the repo)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


# ---- Neo4j: one real server per test session (kg/neo4j_server.py) ----

@pytest.fixture(scope="session")
def neo4j_server():
    """A running Neo4j 5 Community server: yields kg.neo4j_server.ServerInfo (uri, user, password, http_uri).

    Under CI a server that cannot start fails the run; elsewhere a machine without java/mvn skips.
    """
    from kg.neo4j_server import Neo4jTestServer, missing_tools

    reason = missing_tools()
    if reason and not os.environ.get("CI"):
        pytest.skip(f"Neo4j test server unavailable: {reason}")
    server = Neo4jTestServer()
    info = server.start()
    yield info
    server.stop()


@pytest.fixture(scope="session")
def neo4j_tools() -> None:
    """The start-or-skip policy of ``neo4j_server`` without starting the session server, for tests that run their own."""
    from kg.neo4j_server import missing_tools

    reason = missing_tools()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"Neo4j test server unavailable: {reason}")
        pytest.skip(f"Neo4j test server unavailable: {reason}")


@pytest.fixture
def neo4j_driver(neo4j_server):
    """A driver on the session server, with the database emptied (data, constraints, indexes) before the test."""
    from neo4j import GraphDatabase

    from kg.neo4j_push import clear_database

    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        clear_database(driver)
        yield driver


@pytest.fixture
def sample_store(tmp_path):
    """A kg store folder holding tests/graph_samples.sample_graph() (for CLI tests that read the store)."""
    from graph_samples import sample_graph

    from kg.rdf import to_dataset
    from kg.store import StoreWriter

    graph = sample_graph()
    nquads = to_dataset(graph).serialize(format="nquads")
    store = tmp_path / "store"
    with StoreWriter(store) as writer:
        writer.publish(nquads.encode("utf-8") if isinstance(nquads, str) else nquads, list(graph.articles.values()))
    return store


# ---- The dev corpus + seed built once per session with the real pipeline (exports, queries) ----

@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """A kg store built by ``kg.build.build`` from /work/shared/corpus (seed + dev articles); yields its folder."""
    from kg.build import build

    corpus = require_shared(Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    store = tmp_path_factory.mktemp("corpus-store") / "store"
    build([str(corpus)], store)
    return store


# ---- The seed article alone, built with the real pipeline (query layer) ----

@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """A kg store built by ``kg.build.build`` from the seed article; yields its folder."""
    from kg.build import build

    seed = require_shared(Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seed-anji-cgt-2023.txt")
    store = tmp_path_factory.mktemp("seed-store") / "store"
    build([str(seed)], store)
    return store


# ---- The demo graph: examples/ built with the real pipeline, as scripts/demo and the README build it ----

@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """A kg store built by ``kg.build.build`` from examples/ (the seed and two synthetic records); yields its folder."""
    from kg.build import build

    store = tmp_path_factory.mktemp("demo-store") / "store"
    build([str(Path(__file__).resolve().parents[1] / "examples")], store)
    return store


def remove_name_index(root: Path) -> None:
    """Make the store at ``root`` one written before the name index existed (kg.store_index.NAME_GRAPH)."""
    import pyoxigraph as ox

    from kg.store import GraphStore
    from kg.store_index import NAME_GRAPH

    with GraphStore.open(root) as opened:
        folder = opened.generation / "oxigraph"
    written = ox.Store(str(folder))
    written.remove_graph(ox.NamedNode(NAME_GRAPH))
    written.flush()
    del written  # releases the lock
