"""Streaming and delta pushes against the real Neo4j test server.

After the store changes (more articles built in, an entity merged away), a delta push must leave
the database equal to a fresh full push of the new store, while sending only what changed.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_samples import sample_graph
from test_neo4j_push import _snapshot

from kg.cli import main
from kg.identity import iri
from kg.neo4j_push import clear_database, graph_counts, push_graph
from kg.neo4j_rows import push_store, store_rows
from kg.neo4j_state import PushState
from kg.property_graph import to_networkx
from kg.rdf import to_dataset
from kg.store import GraphStore, StoreWriter

pytestmark = pytest.mark.neo4j

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _publish(store: Path, graph) -> None:
    with StoreWriter(store) as writer:
        writer.publish(to_dataset(graph).serialize(format="nquads").encode("utf-8"), list(graph.articles.values()))


def _fresh_full_push(driver, store: Path) -> tuple[list, list]:
    """What the whole-graph push (the reference) makes of the store in an empty database."""
    clear_database(driver)
    with GraphStore.open(store) as opened:
        push_graph(driver, to_networkx(opened.knowledge_graph()))
    return _snapshot(driver)


def _push(neo4j_server, store: Path, *options: str):
    result = CliRunner().invoke(main, ["push", "--neo4j", neo4j_server.uri, "--store", str(store), *options],
                                env={"NEO4J_PASSWORD": neo4j_server.password})
    assert result.exit_code == 0, result.output
    return result.output


def test_streamed_push_equals_the_whole_graph_push(neo4j_server, neo4j_driver, corpus_store):
    with GraphStore.open(corpus_store) as opened:
        push_store(neo4j_driver, opened, batch_size=50)
    streamed = _snapshot(neo4j_driver)
    assert streamed == _fresh_full_push(neo4j_driver, corpus_store)


def test_delta_push_after_building_more_articles_equals_a_fresh_push(neo4j_server, neo4j_driver, tmp_path):
    from kg.build import build

    store = tmp_path / "store"
    build([str(CORPUS / "seed-anji-cgt-2023.txt")], store)
    first = _push(neo4j_server, store)
    assert "0 unchanged" in first
    build([str(CORPUS / "dev" / "records.jsonl")], store)  # adds articles: new entities, more facts and evidence
    delta = _push(neo4j_server, store)
    unchanged = int(delta.split(" unchanged")[0].rsplit(" ", 1)[1])
    assert unchanged > 0, delta  # the seed article's elements that the new articles did not touch
    after_delta = _snapshot(neo4j_driver)
    assert after_delta == _fresh_full_push(neo4j_driver, store)
    again = _push(neo4j_server, store)  # nothing changed since: nothing is sent
    assert again.startswith("pushed 0 nodes and 0 relationships"), again


@pytest.fixture
def merged_stores(tmp_path):
    """A store of the sample graph, and the same store after one organisation was merged into another."""
    graph = sample_graph()
    before = tmp_path / "before"
    _publish(before, graph)
    merged = copy.deepcopy(graph)
    organisations = sorted(e.id for e in merged.entities.values() if e.type == "Organization")
    gone, kept = organisations[0], organisations[1]
    merged.entities[kept].aliases.add(merged.entities[gone].name)
    merged.entities[kept].provenance += merged.entities.pop(gone).provenance
    for key, relation in list(merged.relations.items()):
        if gone in (relation.subject, relation.object):
            del merged.relations[key]
            relation.subject = kept if relation.subject == gone else relation.subject
            relation.object = kept if relation.object == gone else relation.object
            merged.relations.setdefault(relation.key, relation)
    return before, merged, gone, kept


def test_delta_push_removes_what_a_merge_made_obsolete(neo4j_server, neo4j_driver, merged_stores):
    before, merged, gone, kept = merged_stores
    state = before / "push-state.sqlite"
    _push(neo4j_server, before)
    _publish(before, merged)  # the next generation of the same store
    output = _push(neo4j_server, before, "--state", str(state))
    assert " 0 removed" not in output, output
    records, _, _ = neo4j_driver.execute_query("MATCH (n {id: $id}) RETURN n", id=gone)
    assert records == []
    assert _snapshot(neo4j_driver) == _fresh_full_push(neo4j_driver, before)


def test_delta_push_of_an_explicit_set_of_changed_iris(neo4j_server, neo4j_driver, merged_stores):
    before, merged, gone, kept = merged_stores
    target = PushState.target_name(neo4j_server.uri, None)
    with GraphStore.open(before) as opened, PushState(before / "push-state.sqlite", target) as state:
        push_store(neo4j_driver, opened, state=state)
    _publish(before, merged)
    with GraphStore.open(before) as opened, PushState(before / "push-state.sqlite", target) as state:
        stats = push_store(neo4j_driver, opened, state=state, changed=[iri(gone), iri(kept)])
    assert stats.removed > 0 and stats.nodes + stats.relationships < sum(graph_counts(neo4j_driver))
    assert _snapshot(neo4j_driver) == _fresh_full_push(neo4j_driver, before)


def test_a_cleared_database_gets_everything_again(neo4j_server, neo4j_driver, merged_stores):
    before, _, _, _ = merged_stores
    _push(neo4j_server, before)
    expected = graph_counts(neo4j_driver)
    clear_database(neo4j_driver, schema=False)  # the state now disagrees with the database
    output = _push(neo4j_server, before)
    assert "0 unchanged" in output and graph_counts(neo4j_driver) == expected
    full = _push(neo4j_server, before, "--full")
    assert "0 unchanged" in full and graph_counts(neo4j_driver) == expected


def test_push_after_a_build_reads_only_what_the_build_changed(neo4j_server, neo4j_driver, tmp_path):
    from kg.build import build

    store = tmp_path / "store"
    target = PushState.target_name(neo4j_server.uri, None)
    build([str(CORPUS / "seed-anji-cgt-2023.txt")], store)
    clear_database(neo4j_driver)
    with GraphStore.open(store) as opened, PushState(tmp_path / "state.sqlite", target) as state:
        first = push_store(neo4j_driver, opened, state=state, batch_size=50)
        marker = opened.change_marker
    assert first.changed is None  # no marker yet: the whole store was read
    build([str(CORPUS / "dev" / "records.jsonl")], store)
    with GraphStore.open(store) as opened, PushState(tmp_path / "state.sqlite", target) as state:
        changes = opened.changes_since(marker)
        assert changes  # the build tracked what it changed
        whole = sum(1 for _ in store_rows(opened))
        touched = sum(1 for _ in store_rows(opened, changed=changes))
        delta = push_store(neo4j_driver, opened, state=state, batch_size=50)
        again = push_store(neo4j_driver, opened, state=state, batch_size=50)
    assert delta.changed == len(changes) and delta.read == touched < whole
    assert _snapshot(neo4j_driver) == _fresh_full_push(neo4j_driver, store)
    assert again.changed == 0 and again.read == 0 and again.removed == 0
