"""A name that matches no entity gets the closest names the graph holds, wherever names are given:
the name parameters of `kg ask`, `kg ask connection`, and `kg export --around` (real CLI, demo graph)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import remove_name_index

from kg.cli import main
from kg.query import catalogue, open_graph
from kg.query.catalogue import QuestionError
from kg.suggest import closest_forms

ABSENT_LAUREATE = "迈克尔·莱维特"  # in the shared corpus, not in examples/: the README's connection example


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def demo_people(store) -> set[str]:
    with open_graph(store=store) as graph:
        return {data["name"] for _, data in graph.property_graph().nodes(data=True) if data["entity_type"] == "Person"}


def offered(message: str) -> list[str]:
    """The names a 'closest names: A (Type), B (Type)' hint offers."""
    assert "closest names: " in message, message
    hint = message.split("closest names: ", 1)[1].splitlines()[0]
    return [item.rsplit(" (", 1)[0] for item in hint.split(", ")]


def test_connection_with_an_unknown_name_offers_the_closest_people(demo_store):
    result = run("ask", "connection", "--from", ABSENT_LAUREATE, "--to", "格雷格·塞门扎", "--store", str(demo_store))
    assert result.exit_code == 1
    names = offered(result.stderr)
    assert ABSENT_LAUREATE not in names and set(names) & demo_people(demo_store)


def test_an_unknown_question_parameter_is_reported_with_the_closest_names(demo_store):
    result = run("ask", "person-profile", "--param", f"person={ABSENT_LAUREATE}", "--store", str(demo_store))
    assert result.exit_code == 0 and "(0 rows)" in result.stdout
    assert result.stderr.startswith("note: person: no entity named")
    assert set(offered(result.stderr)) & demo_people(demo_store)


def test_a_misspelt_zone_offers_the_zone_it_resembles(demo_store):
    result = run("ask", "laureates-at-zone-forums", "--zone", "浙江安吉经济开发区X", "--store", str(demo_store))
    assert result.exit_code == 0
    assert "浙江安吉经济开发区" in offered(result.stderr)


def test_known_names_and_non_empty_answers_get_no_note(demo_store):
    found = run("ask", "laureates-at-zone-forums", "--zone", "浙江安吉经济开发区", "--store", str(demo_store))
    empty = run("ask", "laureates-at-zone-forums", "--zone", "浙江安吉经济开发区", "--since", "2030", "--store", str(demo_store))
    assert found.exit_code == empty.exit_code == 0
    assert "(3 rows)" in found.stdout and "(0 rows)" in empty.stdout
    assert found.stderr == empty.stderr == ""


def test_export_around_an_unknown_name_offers_the_closest_names(demo_store, tmp_path):
    result = run("export", "--around", ABSENT_LAUREATE, "--format", "turtle", "-o", str(tmp_path / "x.ttl"),
                 "--store", str(demo_store))
    assert result.exit_code == 1 and not (tmp_path / "x.ttl").exists()
    assert set(offered(result.stderr)) & demo_people(demo_store)


def test_every_entity_parameter_of_the_questions_is_a_name():
    # The hint depends on the catalogue declaring entity parameters as `name`; dates and predicates are not names.
    kinds = {(q_name, p.name): p.type for q_name, q in catalogue().items() for p in q.parameters}
    assert {key for key, kind in kinds.items() if kind == "name"} == {
        key for key in kinds if key[1] in {"zone", "person", "series", "fund", "entity", "subject", "object"}}


@pytest.mark.parametrize(("query", "first"), [("安吉", "安吉县"), ("浙江安吉经济开发区管委", "浙江安吉经济开发区"),
                                              ("格雷格塞门扎", "格雷格·塞门扎")])
def test_closest_forms_put_containment_then_similarity_first(query, first):
    forms = ["安吉县", "浙江安吉经济开发区", "格雷格·塞门扎", "托马斯·苏德霍夫", "上海"]
    assert closest_forms(query, forms)[0] == first
    assert "上海" not in closest_forms(query, forms)  # shares no character with any query here


def _without_name_index(store, tmp_path):
    """A copy of ``store`` as a store written before the name index existed."""
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    remove_name_index(copy)
    return copy


@pytest.mark.parametrize("value", [ABSENT_LAUREATE, "浙江安吉经济开发区X", "格雷格塞门扎", "ANJI", "浙江安吉经济开发区"])
def test_the_store_answers_unknown_names_from_its_name_index_as_the_whole_graph_does(demo_store, tmp_path, value):
    from kg.store_index import has_name_index

    old = _without_name_index(demo_store, tmp_path)
    with open_graph(store=demo_store) as indexed, open_graph(store=old) as scanned:
        assert has_name_index(indexed.oxigraph) and not has_name_index(scanned.oxigraph)
        notes = indexed.unknown_names("laureates-at-zone-forums", zone=value)
        assert indexed._property_graph is None  # the whole graph was not read
        assert notes == scanned.unknown_names("laureates-at-zone-forums", zone=value)
        assert scanned._property_graph is not None
    assert bool(notes) == (value != "浙江安吉经济开发区")


def test_connection_on_the_store_walks_its_facts_as_the_whole_graph_does(corpus_store, tmp_path):
    """kg ask connection from the store's indexes (kg.query.store_lookup) gives the rows of the property graph's
    shortest chain, and never reads the whole graph; unlinked and unknown names answer alike."""
    from kg.query.analytics import connection, fact_graph
    from kg.store_index import has_name_index

    old = _without_name_index(corpus_store, tmp_path)
    with open_graph(store=corpus_store) as indexed, open_graph(store=old) as whole:
        assert has_name_index(indexed.oxigraph)
        g = whole.property_graph()
        people = sorted({data["name"] for _, data in g.nodes(data=True) if data["entity_type"] == "Person"})
        others = sorted({data["name"] for _, data in g.nodes(data=True)
                         if data["entity_type"] in ("Zone", "Industry", "Organization", "Place")})
        simple = fact_graph(g)
        several = [(simple.nodes[a]["name"], simple.nodes[b]["name"]) for a, b, data in simple.edges(data=True)
                   if len(data["facts"]) > 1]  # a step with several facts: the first in order is shown
        assert several
        pairs = [(a, b) for a in people[::7] for b in others[::11]] + [(people[0], people[0]), (people[3], people[-2])]
        pairs += several[:6]
        answered = 0
        for source, target in pairs:
            rows = indexed.ask("connection", **{"from": source, "to": target})
            assert rows == connection(g, source, target), (source, target)
            answered += len(rows) > 1
        assert answered > 5  # chains of several steps, where ties between equally short chains arise
        for source, target in [("完全不存在的名字", people[0]), (people[0], "格雷格塞门扎X")]:
            with pytest.raises(QuestionError) as from_store:
                indexed.ask("connection", **{"from": source, "to": target})
            with pytest.raises(QuestionError) as from_graph:
                connection(g, source, target)
            assert str(from_store.value) == str(from_graph.value)
        assert indexed._property_graph is None
