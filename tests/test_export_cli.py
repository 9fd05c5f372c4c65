"""`kg export` on a real store, bad input, atomic writes, and Cypher literals that text cannot break out of."""

from __future__ import annotations

import errno
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph

import kg.export
from kg.cli import main
from kg.export.cypher import string_literal
from kg.export.writers import FORMATS
from kg.identity import entity_id
from kg.model import Entity, KnowledgeGraph, Provenance, Relation

CENTRE = "格雷格·塞门扎"


def run(*args: str):
    return CliRunner().invoke(main, ["export", *args], catch_exceptions=False)


def test_cli_writes_turtle_to_standard_output(corpus_store):
    result = run("--around", CENTRE, "--hops", "1", "--format", "turtle", "--store", str(corpus_store))
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    expected = kg.export.to_rdflib(corpus_store, around=[CENTRE], hops=1)
    assert len(graph) == len(expected)


def test_cli_filters_and_writes_graphml(corpus_store, tmp_path):
    target = tmp_path / "out.graphml"
    result = run("--around", CENTRE, "--types", "Person,Event", "--predicates", "attended", "--format", "graphml",
                 "-o", str(target), "--store", str(corpus_store), "--without-articles")
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(target, force_multigraph=True)
    expected = kg.export.to_networkx(corpus_store, around=[CENTRE], types=["Person", "Event"],
                                     predicates=["attended"], articles=False)
    assert set(back.nodes) == set(expected.nodes) and back.number_of_edges() == expected.number_of_edges()
    assert {json.loads(d["labels"])[0] for _, d in back.nodes(data=True)} <= {"Person", "Event"}
    assert f"wrote {target}" in result.stderr


def test_unknown_entity_lists_the_closest_names(corpus_store, tmp_path):
    target = tmp_path / "x.ttl"
    result = run("--around", CENTRE + "教授", "--format", "turtle", "-o", str(target), "--store", str(corpus_store))
    assert result.exit_code == 1
    assert "no entity named" in result.stderr and CENTRE in result.stderr
    assert not target.exists()


def test_unknown_format_lists_the_supported_ones(corpus_store):
    result = run("--around", CENTRE, "--format", "xlsx", "--store", str(corpus_store))
    assert result.exit_code == 2
    assert "xlsx" in result.stderr and all(name in result.stderr for name in FORMATS)


def test_folder_formats_need_an_output_folder(corpus_store):
    result = run("--around", CENTRE, "--format", "csv", "--store", str(corpus_store))
    assert result.exit_code == 2 and "-o DIR" in result.stderr


def test_missing_store_is_reported(tmp_path):
    result = run("--around", CENTRE, "--format", "turtle", "--store", str(tmp_path / "nowhere"))
    assert result.exit_code == 1 and "nowhere" in result.stderr


def test_a_failed_write_leaves_the_previous_file_and_no_debris(corpus_store, tmp_path, monkeypatch):
    target = tmp_path / "semenza.graphml"
    target.write_text("previous export", encoding="utf-8")

    def disk_full(g, path):
        path.write_text("<?xml version='1.0'?><graphml><graph>", encoding="utf-8")  # half a file, then the disk fills
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kg.export.graph_formats.write_graphml", disk_full)
    sub = kg.export.subgraph(corpus_store, around=[CENTRE], hops=1)
    with pytest.raises(OSError):
        kg.export.write(sub, "graphml", target)
    assert target.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["semenza.graphml"]


def test_writing_into_a_missing_folder_is_an_export_error(corpus_store, tmp_path):
    sub = kg.export.subgraph(corpus_store, around=[CENTRE], hops=0)
    with pytest.raises(kg.export.ExportError, match="does not exist"):
        kg.export.write(sub, "cypher", tmp_path / "no" / "such" / "file.cypher")


HOSTILE = [
    "O'Brien",
    "back\\slash \\' and \\u0041",
    "line\nbreak\r\ttab",
    "'}) DETACH DELETE n //",
    "x'; MATCH (n) DETACH DELETE n; //",
    "`backtick` and \"double\"",
    "bell\x07 nul-free control\x1b and \u2028 separator",
    "😀 outside the BMP",
]


def test_string_literals_escape_quotes_and_controls():
    for text in HOSTILE:
        literal = string_literal(text)
        assert "\n" not in literal and "\r" not in literal
        inner = literal[1:-1]
        assert "'" not in inner.replace("\\'", "")  # every quote inside is escaped


@pytest.mark.neo4j
def test_hostile_text_round_trips_through_the_cypher_script(neo4j_driver, tmp_path):
    graph = KnowledgeGraph()
    event = Entity(entity_id("Event", "论坛"), "Event", "论坛")
    graph.entities[event.id] = event
    for n, text in enumerate(HOSTILE):
        person = Entity(entity_id("Person", f"人{n}"), "Person", text, aliases={text + "别名"})
        graph.entities[person.id] = person
        relation = Relation(person.id, "roleAt", event.id, title=text, provenance=[Provenance("a1", text, 0, 1, "t")])
        graph.relations[relation.key] = relation
    target = tmp_path / "hostile.cypher"
    kg.export.write(graph, "cypher", target)
    for line in target.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("//"):
            neo4j_driver.execute_query(line.removesuffix(";"))
    records, _, _ = neo4j_driver.execute_query("MATCH (p:Person) RETURN p.name AS name, p.aliases AS aliases")
    assert sorted(r["name"] for r in records) == sorted(HOSTILE)
    assert all(r["aliases"] == [r["name"] + "别名"] for r in records)
    titles, _, _ = neo4j_driver.execute_query("MATCH ()-[r:ROLE_AT]->() RETURN r.title AS t, r.evidence AS e")
    assert sorted(r["t"] for r in titles) == sorted(HOSTILE) and all(r["e"] == [r["t"]] for r in titles)
    count, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS c")
    assert count[0]["c"] == len(HOSTILE) + 2  # people, the event, the (unknown) article: nothing deleted


def test_help_names_every_format():
    result = run("--help")
    assert result.exit_code == 0 and all(name in result.stdout for name in FORMATS)
