"""The on-disk Oxigraph store: publish, read, round-trip, and refusing bad folders without harming them."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from graph_samples import sample_graph, second_article_graph

from kg.identity import article_id_to_entity_id, entity_id, iri
from kg.ontology import load_ontology
from kg.rdf import to_dataset
from kg.store import GraphStore, StoreError, StoreLockedError, StoreWriter

REPO = Path(__file__).resolve().parents[1]
PREFIX = "PREFIX kg: <https://kg-zones.org/ontology#>\n"


def _publish(root: Path, kg) -> set[str]:
    dataset = to_dataset(kg)
    with StoreWriter(root) as writer:
        writer.publish(dataset.serialize(format="nquads", encoding="utf-8"), list(kg.articles.values()))
    return {str(q) for q in ox.parse(dataset.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)}


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_publish_then_query_with_bound_parameters(tmp_path):
    root = tmp_path / "store"
    expected = _publish(root, second_article_graph())
    with GraphStore.open(root) as store:
        assert store.quads() == expected
        rows = store.query(PREFIX + "SELECT ?name ?event WHERE { ?p kg:name ?name ; kg:attended ?event }", {"name": "裴钢"})
        assert rows == [{"name": "裴钢", "event": iri(entity_id("Event", "2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会"))}]
        hostile = store.query(PREFIX + "SELECT ?name ?p WHERE { ?p kg:name ?name }", {"name": '裴钢" } ?x ?y ?z { '})
        assert hostile == []  # bound as a literal, never pasted into the query text
        person = ox.NamedNode(iri(entity_id("Person", "格雷格·塞门扎")))
        sentences = store.query(PREFIX + "SELECT ?p ?sentence WHERE { ?st rdf:subject ?p ; rdf:predicate kg:attended ; "
                                "kg:sentence ?sentence }", {"p": person})
        assert len(sentences) == 2 and all("格雷格·塞门扎" in r["sentence"] or "出席" in r["sentence"] for r in sentences)
        assert store.query(PREFIX + "ASK { ?p kg:roleAt ?o }") is True
        assert [a.id for a in store.articles()] == ["seed-anji-cgt-2023", "syn-other"]


def test_every_fact_and_mention_an_article_states_leads_to_its_evidence(tmp_path):
    """Evidence nodes are in the default graph only; from a fact or mention in an article's named graph, SPARQL
    reaches the article and, through the evidence naming that article, every sentence, offset and method it gives."""
    root = tmp_path / "store"
    kg = second_article_graph()
    _publish(root, kg)
    ontology = load_ontology()
    facts = {(iri(r.subject), ontology.predicate(r.predicate).iri, iri(r.object), article_id_to_entity_id(p.article_id),
              p.sentence, p.start, p.end, p.method) for r in kg.relations.values() for p in r.provenance}
    mentions = {(iri(e.id), article_id_to_entity_id(p.article_id), p.sentence, p.start, p.end, p.method)
                for e in kg.entities.values() for p in e.provenance}
    with GraphStore.open(root) as store:
        assert store.query(PREFIX + "ASK { GRAPH ?g { ?ev a kg:Evidence } }") is False
        assert store.query(PREFIX + "ASK { GRAPH ?g { ?ev kg:sentence ?sentence } }") is False
        rows = store.query(PREFIX + """
            SELECT ?s ?p ?o ?article ?sentence ?start ?end ?method WHERE {
              GRAPH ?g { ?s ?p ?o } ?g prov:wasDerivedFrom ?a . ?a kg:entityId ?article .
              ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?a ;
                  kg:sentence ?sentence ; kg:startOffset ?start ; kg:endOffset ?end ; kg:method ?method }""")
        assert {tuple(row.values()) for row in rows} == facts
        rows = store.query(PREFIX + """
            SELECT ?e ?article ?sentence ?start ?end ?method WHERE {
              GRAPH ?g { ?a kg:mentions ?e } ?g prov:wasDerivedFrom ?a . ?a kg:entityId ?article .
              ?ev kg:about ?e ; prov:wasDerivedFrom ?a ;
                  kg:sentence ?sentence ; kg:startOffset ?start ; kg:endOffset ?end ; kg:method ?method }""")
        assert {tuple(row.values()) for row in rows} == mentions


def test_store_round_trips_to_a_knowledge_graph(tmp_path):
    root = tmp_path / "store"
    kg = second_article_graph()
    expected = _publish(root, kg)
    with GraphStore.open(root) as store:
        back = store.knowledge_graph()
        assert back.articles == kg.articles
        assert {str(q) for q in ox.parse(to_dataset(back).serialize(format="nquads", encoding="utf-8"),
                                         ox.RdfFormat.N_QUADS)} == expected
        assert len(store.graph()) == len(to_dataset(kg).default_graph)


def test_new_generation_replaces_the_old(tmp_path):
    root = tmp_path / "store"
    _publish(root, second_article_graph())
    expected = _publish(root, sample_graph())
    generations = sorted(p.name for p in root.iterdir() if p.name.startswith("gen-"))
    assert generations == ["gen-000002"]
    with GraphStore.open(root) as store:
        assert store.quads() == expected


def test_readers_share_the_store_and_a_running_build_does_not_disturb_them(tmp_path):
    root = tmp_path / "store"
    old = _publish(root, sample_graph())
    with GraphStore.open(root), GraphStore.open(root):
        with pytest.raises(StoreLockedError, match="reading it"):
            StoreWriter(root).__enter__()
    new_kg = second_article_graph()
    with StoreWriter(root) as writer:
        with pytest.raises(StoreLockedError, match="building it"):
            StoreWriter(root).__enter__()  # one build at a time
        reader = GraphStore.open(root)  # reading during a build sees the current generation
        writer.publish(to_dataset(new_kg).serialize(format="nquads", encoding="utf-8"), list(new_kg.articles.values()))
        assert reader.quads() == old  # its generation is kept while it is open
        reader.close()
    with GraphStore.open(root) as store:
        assert store.quads() == _publish(root.parent / "other", new_kg)
    _publish(root, new_kg)
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("gen-")) == ["gen-000003"]


def test_store_held_by_another_process_is_reported_as_locked(tmp_path):
    root = tmp_path / "store"
    _publish(root, sample_graph())
    before = _tree(root)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from kg.store import GraphStore
        store = GraphStore.open({str(root)!r})
        print("open", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLockedError, match="another process has it open"):
            with StoreWriter(root):
                pass
        cli = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "build", "--rebuild", "--store", str(root)],
                             capture_output=True, text=True, cwd=REPO)
        assert cli.returncode != 0 and "locked" in cli.stderr
    finally:
        holder.kill()
        holder.wait()
    assert _tree(root) == before


def test_folder_that_is_not_a_store_is_left_alone(tmp_path):
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "cat.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(StoreError, match="not a kg store"):
        StoreWriter(foreign).__enter__()
    with pytest.raises(StoreError, match="not a kg store"):
        GraphStore.open(foreign)
    assert sorted(p.name for p in foreign.iterdir()) == ["cat.jpg"]
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    with pytest.raises(StoreError, match="not a kg store"):
        GraphStore.open(a_file)
    with pytest.raises(StoreError, match="no kg store here yet"):
        GraphStore.open(tmp_path / "nothing")


def test_unwritable_store_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the store folder"):
        StoreWriter(blocker / "store").__enter__()


def test_broken_marker_is_reported(tmp_path):
    root = tmp_path / "store"
    _publish(root, sample_graph())
    (root / "kg-store.json").write_text("{not json")
    with pytest.raises(StoreError, match="unreadable store marker"):
        GraphStore.open(root)


def test_build_killed_while_writing_leaves_the_previous_store(tmp_path):
    root = tmp_path / "store"
    expected = _publish(root, sample_graph())
    # A large enough load that the writer is still busy when it is killed.
    big = tmp_path / "big.nq"
    with big.open("w", encoding="utf-8") as out:
        for i in range(300_000):
            out.write(f"<https://kg-zones.org/id/x/{i}> <https://kg-zones.org/ontology#name> \"n{i}\" .\n")
    writer = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        from pathlib import Path
        from kg.store import StoreWriter
        with StoreWriter(Path({str(root)!r})) as w:
            print("writing", flush=True)
            w.publish(Path({str(big)!r}).read_bytes(), [])
    """)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert writer.stdout.readline().strip() == "writing"
    staging = root / "gen-000002.tmp"
    while writer.poll() is None and not staging.exists():
        time.sleep(0.01)  # wait for the writer to be inside publish, then kill it there
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    with GraphStore.open(root) as store:  # still opens, with either the old or (if it finished) the new graph
        quads = store.quads()
        assert quads == expected or len(quads) == 300_000
    final = _publish(root, second_article_graph())  # the next build completes and clears leftovers
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("gen-")) == [
        sorted(p.name for p in root.iterdir() if p.name.startswith("gen-"))[-1]]
    with GraphStore.open(root) as store:
        assert store.quads() == final


def test_sparql_update_publishes_a_new_generation(tmp_path):
    root = tmp_path / "store"
    kg = sample_graph()
    before = _publish(root, kg)
    with StoreWriter(root) as writer:
        with GraphStore.open(root) as reader:
            writer.publish(writer.current_nquads(), writer.stored_articles(),
                           update='INSERT DATA { <https://kg-zones.org/id/person/x> kg:name "新人" }')
            assert reader.quads() == before  # an open reader keeps its generation untouched
    with GraphStore.open(root) as store:
        assert store.query("SELECT ?name ?p WHERE { ?p kg:name ?name }", {"name": "新人"})
        assert len(store.quads()) == len(before) + 1
        assert [a.id for a in store.articles()] == list(kg.articles)
