"""Named questions checked against answers derived from the gold files.

1. The gold annotations of the seed and the 24 dev articles, loaded as a graph into a real store:
   every question (with several parameter values) must give exactly what tests/query_gold.py
   derives from the gold relations in plain Python.
2. The graph the real pipeline builds from the same articles: where the extraction supports it,
   the gold answers must be found there too (every laureate at each zone's events; at least 90% of
   the gold rows of the other zone questions; the editions of each series).
"""

from __future__ import annotations

import pytest
from query_gold import Reference, gold_graph
from test_query import store_of

from kg.identity import normalise_name
from kg.query import catalogue, open_graph


@pytest.fixture(scope="module")
def gold():
    return gold_graph()


@pytest.fixture(scope="module")
def gold_store(gold, tmp_path_factory):
    return store_of(gold, tmp_path_factory.mktemp("gold") / "store")


def parameter_sets(reference: Reference) -> dict[str, list[dict]]:
    """Parameter values for every question, drawn from the gold graph (names, aliases, empty)."""
    e = reference.e.values()
    zones = sorted(x.name for x in e if x.type == "Zone")
    aliases = sorted(a for x in e if x.type == "Zone" for a in x.aliases)[:5]
    persons = sorted(x.name for x in e if x.type == "Person" and (x.honors or len(x.provenance) > 1))
    series = sorted(x.name for x in e if x.type == "EventSeries")
    funds = sorted(x.name for x in e if x.type == "Fund")
    zone_sets = [{}] + [{"zone": z} for z in zones + aliases] + [{"zone": "没有这个园区"}]
    return {
        "laureates-at-zone-forums": zone_sets,
        "academicians-at-zone-events": zone_sets,
        "zone-events-timeline": zone_sets,
        "companies-settled": zone_sets,
        "zone-clusters": zone_sets,
        "zones-sharing-people": zone_sets,
        "fund-partners": [{}] + [{"zone": z} for z in zones[:8]] + [{"fund": f} for f in funds],
        "event-series": [{}] + [{"series": s} for s in series],
        "person-profile": [{"person": p} for p in persons] + [{"person": "塞门扎"}, {"person": "无名氏"}],
        "evidence": [{"entity": p} for p in persons[:6]] + [
            {"subject": "格雷格·塞门扎", "predicate": "attended"}, {"predicate": "partOfSeries"},
            {"entity": "格雷格·塞门扎", "predicate": "attended"}, {"entity": "浙江安吉经济开发区", "predicate": "heldIn"},
            {"object": "浙江安吉经济开发区"}, {"entity": "无名氏"}],
    }


def test_parameter_sets_cover_every_question(gold):
    assert set(parameter_sets(Reference(gold))) == set(catalogue())


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_question_on_gold_graph_equals_gold_answer(gold, gold_store, name):
    reference = Reference(gold)
    with open_graph(store=gold_store) as graph:
        for params in parameter_sets(reference)[name]:
            expected = reference.answer(name, **params)
            assert graph.ask(name, **params) == expected, (name, params)


def test_gold_answers_are_not_trivial(gold):
    # Each question finds something on the gold graph without parameters, so the equality above means something.
    reference = Reference(gold)
    for name in catalogue():
        params = {"person": "格雷格·塞门扎"} if name == "person-profile" else {}
        assert reference.answer(name, **params), name
    laureates = reference.answer("laureates-at-zone-forums")
    assert {"迈克尔·莱维特", "格雷格·塞门扎"} <= {r["laureate"] for r in laureates}


# ------------------------------------------------------------------ the graph the pipeline extracts

def _names(rows: list[dict], column: str) -> set[str]:
    return {normalise_name(r[column]) for r in rows if r[column]}


def test_extracted_laureates_at_each_gold_zone(gold, corpus_store):
    reference = Reference(gold)
    missing = []
    with open_graph(store=corpus_store) as graph:
        for z in reference.zones():
            expected = _names(reference.answer("laureates-at-zone-forums", zone=reference.name(z)), "laureate")
            if expected:
                found = _names(graph.ask("laureates-at-zone-forums", zone=reference.name(z)), "laureate")
                missing += [(reference.name(z), name) for name in expected - found]
    assert not missing, f"gold laureates the extracted graph does not list at the zone: {missing}"


ZONE_QUESTION_KEYS = {
    "academicians-at-zone-events": ("academician", "honour"),
    "zone-events-timeline": ("event",),
    "companies-settled": ("company",),
    "zone-clusters": ("cluster",),
    "zones-sharing-people": ("zone_a", "zone_b", "person"),
    "fund-partners": ("fund", "partner"),
}


@pytest.mark.parametrize("name", sorted(ZONE_QUESTION_KEYS))
def test_extracted_graph_finds_the_gold_answers_per_zone(gold, corpus_store, name):
    # The extracted graph is asked zone by zone (by the gold zone name, which may be an alias there);
    # the gold rows' names must be among its answers.  Extraction is not perfect: 90% must be found.
    reference, columns = Reference(gold), ZONE_QUESTION_KEYS[name]
    expected_total, missing = 0, []
    with open_graph(store=corpus_store) as graph:
        for z in reference.zones():
            zone = reference.name(z)
            expected = {tuple(normalise_name(r[c]) for c in columns)
                        for r in reference.answer(name, zone=zone) if all(r[c] for c in columns)}
            if expected:
                found = {tuple(normalise_name(r[c]) for c in columns)
                         for r in graph.ask(name, zone=zone) if all(r[c] for c in columns)}
                expected_total += len(expected)
                missing += sorted(expected - found)
    assert expected_total >= 10, name
    assert len(missing) <= 0.1 * expected_total, (name, expected_total, missing)


def test_extracted_event_series_editions(gold, corpus_store):
    reference = Reference(gold)
    with open_graph(store=corpus_store) as graph:
        for row in reference.answer("event-series"):
            found = graph.ask("event-series", series=row["series"])
            assert normalise_name(row["event"]) in _names(found, "event") or any(
                normalise_name(row["event"]).endswith(normalise_name(r["event"])) for r in found), row


def test_extracted_cluster_designations_are_stated_in_their_evidence(corpus_store):
    # The gold files name no designations, so the extracted graph is checked against its own text:
    # each cluster's designation must be written in a sentence that mentions that cluster.
    with open_graph(store=corpus_store) as graph:
        designated = {(r["cluster"], r["designation"]) for r in graph.ask("zone-clusters") if r["designation"]}
        assert designated, "no cluster on the corpus graph has a designation"
        for cluster, designation in sorted(designated):
            sentences = {r["sentence"] for r in graph.ask("evidence", entity=cluster) if r["kind"] == "entity"}
            assert any(designation in s for s in sentences), (cluster, designation, sentences)
