"""`kg build` end to end on the shared corpus: real loaders, extraction, resolution and Oxigraph store."""

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kg.build import build, extract_and_resolve, stats
from kg.ontology import load_ontology
from kg.property_graph import to_networkx
from kg.rdf import read_dataset, to_dataset
from conftest import write_records

from kg.store import GraphStore

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = CORPUS / "seed-anji-cgt-2023.txt"
DEV = CORPUS / "dev"


def kg_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=REPO)


def _quads(root: Path) -> set[str]:
    with GraphStore.open(root) as store:
        return store.quads()


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("seed") / "store"
    result = kg_cli("build", str(SEED), "--store", str(root))
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def incremental_store(tmp_path_factory) -> Path:
    """The seed built first, then the dev corpus added in a second build."""
    root = tmp_path_factory.mktemp("incremental") / "store"
    build([str(SEED)], root)
    build([str(DEV)], root)
    return root


def test_seed_build_passes_validation(seed_store):
    result = kg_cli("validate", "--store", str(seed_store))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "conforms" in result.stdout
    with GraphStore.open(seed_store) as store:
        facts = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s kg:attended ?o }")
        assert facts[0]["n"] > 0


def test_building_the_same_input_again_changes_nothing(seed_store, tmp_path):
    before = _quads(seed_store)
    report = build([str(SEED)], seed_store)
    assert report.stored_before == report.articles == 1
    assert _quads(seed_store) == before
    fresh = tmp_path / "elsewhere"
    build([str(SEED)], fresh)
    assert _quads(fresh) == before  # same IRIs and triples from a separate run and folder


def test_seed_then_dev_equals_both_at_once(incremental_store, tmp_path):
    at_once = tmp_path / "at-once"
    report = build([str(SEED), str(DEV)], at_once)
    assert report.articles == 25
    assert _quads(incremental_store) == _quads(at_once)
    rebuilt = tmp_path / "rebuilt"
    build([str(DEV)], rebuilt)
    build([str(SEED)], rebuilt)  # the other order too
    assert _quads(rebuilt) == _quads(at_once)


def test_rebuild_forgets_stored_articles(incremental_store, tmp_path):
    root = tmp_path / "store"
    build([str(SEED), str(DEV)], root)
    report = build([str(SEED)], root, rebuild=True)
    assert report.articles == 1
    with GraphStore.open(root) as store:
        assert [a.id for a in store.articles()] == ["seed-anji-cgt-2023"]


def test_projections_of_the_corpus_agree(incremental_store):
    with GraphStore.open(incremental_store) as store:
        articles = store.articles()
        stored = store.quads()
    graph = extract_and_resolve(articles)
    dataset = to_dataset(graph)
    g = to_networkx(graph)
    ontology = load_ontology()
    ids = {s: str(o) for s, o in dataset.default_graph.subject_objects(URIRef(ontology.term("entityId")))}
    types = {URIRef(p.iri): p.relationship_type for p in ontology.predicates}
    rdf_relations = {(ids[s], types[p], ids[o]) for s, p, o in dataset.default_graph if p in types}
    assert set(ids.values()) == set(g.nodes)
    assert rdf_relations == {(u, t, v) for u, v, t in g.edges(data="type")}
    assert len(graph.entities) > 100 and len(graph.relations) > 100
    assert len(stored) == sum(1 for _ in dataset.quads())  # the store holds exactly this projection


def test_every_stored_relation_reaches_its_evidence_sentence(incremental_store):
    missing, checked = [], 0
    with GraphStore.open(incremental_store) as store:
        texts = {a.id: a.text for a in store.articles()}
        for predicate in load_ontology().predicates:
            if predicate.contract_name == "mentions":
                continue
            rows = store.query("""
                SELECT ?p ?s ?o ?sentence ?article ?start ?end WHERE {
                    ?s ?p ?o .
                    OPTIONAL { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:sentence ?sentence ;
                                   kg:startOffset ?start ; kg:endOffset ?end ; prov:wasDerivedFrom ?article }
                }""", {"p": ox.NamedNode(predicate.iri)})
            for row in rows:
                checked += 1
                text = texts.get((row["article"] or "").rsplit("/article/", 1)[-1], "")
                if row["sentence"] is None or row["sentence"] not in text:
                    missing.append(row)
    assert checked > 100
    assert missing == []


def test_stats_count_by_class_and_predicate(incremental_store):
    counts = stats(incremental_store)
    assert counts["articles"] == 25
    assert counts["classes"]["Article"] == 25
    with GraphStore.open(incremental_store) as store:
        assert counts["articles"] == len(store.articles())  # counted from the lines, not the parsed records
        people = store.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Person }")[0]["n"]
        attended = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s kg:attended ?o }")[0]["n"]
    assert counts["classes"]["Person"] == people > 0
    assert counts["predicates"]["attended (ATTENDED)"] == attended > 0
    with GraphStore.open(incremental_store) as store:
        assert counts["quads"] == len(store.quads())  # the graph's own quads, as the builds counted them
    printed = kg_cli("stats", "--store", str(incremental_store))
    assert printed.returncode == 0 and "Person" in printed.stdout


def test_out_file_matches_the_store(seed_store, tmp_path):
    out = tmp_path / "seed.trig"
    result = kg_cli("build", str(SEED), "--store", str(seed_store), "--out", str(out))
    assert result.returncode == 0, result.stderr
    loaded = ox.Store()  # in memory; Oxigraph stores literals canonically (Turtle writes the decimal 1 as 1.0)
    loaded.load(path=str(out), format=ox.RdfFormat.TRIG)
    assert {str(q) for q in loaded} == _quads(seed_store)
    ttl = tmp_path / "seed.ttl"
    assert kg_cli("build", str(SEED), "--store", str(seed_store), "--out", str(ttl)).returncode == 0
    assert len(read_dataset(ttl).default_graph) > 0
    graphml = tmp_path / "seed.graphml"
    assert kg_cli("build", str(SEED), "--store", str(seed_store), "--out", str(graphml)).returncode == 0
    property_graph = nx.read_graphml(graphml, force_multigraph=True)
    with GraphStore.open(seed_store) as store:
        nodes = store.query("SELECT (COUNT(DISTINCT ?id) AS ?n) WHERE { ?x kg:entityId ?id }")[0]["n"]
    assert property_graph.number_of_nodes() == nodes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.graphml", "seed.trig", "seed.ttl"]  # no staging left
    from_file, from_store = kg_cli("validate", str(ttl)), kg_cli("validate", "--store", str(seed_store))
    assert from_file.returncode == from_store.returncode
    assert from_file.stdout.split(": ", 1)[1] == from_store.stdout.split(": ", 1)[1]  # same report, either source


def test_bad_inputs_fail_clearly_and_leave_the_store_alone(seed_store, tmp_path):
    before = _tree(seed_store)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "data.csv").write_text("a,b\n")
    result = kg_cli("build", str(SEED), "--store", str(foreign))
    assert result.returncode != 0 and "not a kg store" in result.stderr
    assert sorted(p.name for p in foreign.iterdir()) == ["data.csv"]

    result = kg_cli("build", str(SEED), "--store", str(seed_store), "--out", str(tmp_path / "missing" / "x.ttl"))
    assert result.returncode != 0 and "cannot write" in result.stderr
    result = kg_cli("build", str(SEED), "--store", str(seed_store), "--out", str(tmp_path / "x.docx"))
    assert result.returncode != 0 and "unknown RDF suffix" in result.stderr

    broken = tmp_path / "kg.ttl"
    broken.write_text((REPO / "ontologies" / "kg.ttl").read_text(encoding="utf-8") + "\nkg:Broken a owl:Class ; rdfs:label \"unterminated .\n",
                      encoding="utf-8")
    result = kg_cli("build", str(SEED), "--store", str(seed_store), "--ontology", str(broken))
    assert result.returncode != 0 and str(broken) in result.stderr and "does not parse" in result.stderr

    result = kg_cli("stats", "--store", str(foreign))
    assert result.returncode != 0 and "not a kg store" in result.stderr
    assert _tree(seed_store) == before


def test_rejected_input_is_reported_and_the_rest_is_built(tmp_path):
    records = tmp_path / "records.jsonl"
    good = {"id": "rec-ok", "title": "园区新闻", "body": "苏州工业园区举行生物医药产业论坛。"}
    records.write_text('{"id": "rec-broken", "title": \n' + json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    root, rejects = tmp_path / "store", tmp_path / "rejects.jsonl"
    result = kg_cli("build", str(records), "--store", str(root), "--rejects", str(rejects), "--strict")
    assert result.returncode == 1  # --strict: something was rejected, yet the rest was built
    assert f"{records}:1" in result.stderr and "rejected 1" in result.stderr
    assert [json.loads(line)["line"] for line in rejects.read_text(encoding="utf-8").splitlines()] == [1]
    with GraphStore.open(root) as store:
        assert [a.id for a in store.articles()] == ["rec-ok"]


def test_validate_reports_violations_with_nonzero_exit(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("""
        @prefix kg: <https://kg-zones.org/ontology#> .
        <https://kg-zones.org/id/person/x> a kg:Person ; kg:heldIn <https://kg-zones.org/id/person/y> .
    """, encoding="utf-8")
    result = kg_cli("validate", str(bad))
    assert result.returncode == 1
    assert "id:person/x" in result.stdout and "kg:name" in result.stdout and "violation(s)" in result.stdout


def _failing_for(article_id: str, stage):
    """``stage`` (an extraction finder taking the Document) that raises for one article and runs for real otherwise."""
    def run(doc, *args, **kwargs):
        if doc.article.id == article_id:
            raise IndexError("string index out of range")
        return stage(doc, *args, **kwargs)
    return run


def _three_records(tmp_path: Path) -> Path:
    bodies = ("苏州工业园区举行生物医药产业论坛。", "武汉东湖新技术开发区举行光电子产业峰会。", "天津经济技术开发区举行新能源汽车产业大会。")
    return write_records(tmp_path / "records.jsonl", {f"rec-{n}": body for n, body in enumerate(bodies, 1)})


def test_an_article_whose_extraction_fails_is_a_reject_and_the_others_are_built(tmp_path, monkeypatch):
    import kg.extract.pipeline as pipeline
    from click.testing import CliRunner

    from kg.cli import main

    monkeypatch.setattr(pipeline, "find_brands", _failing_for("rec-2", pipeline.find_brands))
    records, root, extra = _three_records(tmp_path), tmp_path / "store", tmp_path / "rejects.jsonl"
    result = CliRunner().invoke(main, ["build", str(records), "--store", str(root), "--rejects", str(extra), "--strict"])
    assert result.exit_code == 1, result.output  # --strict: something failed, yet the rest was built
    assert f"{records}:2: extraction failed: IndexError: string index out of range" in result.stderr
    assert "extraction failed for 1" in result.stderr
    for written in (root / "rejects.jsonl", extra):
        assert [json.loads(line) for line in written.read_text(encoding="utf-8").splitlines()] == [
            {"path": str(records), "line": 2, "reason": "extraction failed: IndexError: string index out of range"}]
    with GraphStore.open(root) as store:
        assert [a.id for a in store.articles()] == ["rec-1", "rec-2", "rec-3"]  # kept, so a later build retries it
        graph = store.knowledge_graph()
    assert {p.article_id for e in graph.entities.values() for p in e.provenance} == {"rec-1", "rec-3"}

    monkeypatch.undo()  # the stage works again: the next build extracts rec-2 and empties the rejects file
    report = build([], root)
    assert report.extraction_rejects == [] and (root / "rejects.jsonl").read_text(encoding="utf-8") == ""
    with GraphStore.open(root) as store:
        graph = store.knowledge_graph()
    assert {p.article_id for e in graph.entities.values() for p in e.provenance} == {"rec-1", "rec-2", "rec-3"}


def test_kg_extract_reports_a_failed_article_and_prints_the_others(tmp_path, monkeypatch):
    import kg.extract.pipeline as pipeline
    from click.testing import CliRunner

    from kg.cli import main

    monkeypatch.setattr(pipeline, "find_events", _failing_for("rec-1", pipeline.find_events))
    records = _three_records(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(records)])
    assert result.exit_code == 0, result.output
    assert f"{records}:1: extraction failed: IndexError" in result.stderr
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["rec-2", "rec-3"]
