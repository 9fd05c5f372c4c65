"""Named questions on a small hand-made store whose shape the rewritten question texts must survive.

The question texts were rewritten for speed (issue 11: hash-joined sub-selects, per-row LATERALs, the entity's
evidence read from its node); these cases are the ones such rewrites get wrong and the gold graph does not hold:
an event of two zones (held in a park inside a zone), events with and without a date under since/until, a person
with two academy honours, a name that is also another entity's alias, a fact with that name on both sides, a
titled role, a company settled in a zone and in its park.
"""

from __future__ import annotations

from datetime import date

import pytest
from query_gold import Reference
from test_query import store_of

from kg.identity import entity_id
from kg.model import Article, Entity, KnowledgeGraph, Provenance, Relation
from kg.query import open_graph, question
from kg.query.rows import typed_rows

A, P, B = "甲开发区", "乙产业园", "丙高新区"  # P lies in A
E1, E2, E3 = "论坛一", "峰会二", "会议三"  # E1 held in P (so an event of P and of A), E2 in A, E3 organised by B
L, M, N = "得主", "院士", "常人"  # a laureate, an academician with two honours, a person without honours
D1, D3 = date(2024, 5, 1), date(2023, 3, 1)


def shapes_graph() -> KnowledgeGraph:
    article = Article(id="t-shapes", title="标题", body=("正文。",), published="2024-05-01")
    graph = KnowledgeGraph(articles={article.id: article})
    offsets = iter(range(0, 1000, 2))

    def provenance() -> list[Provenance]:
        start = next(offsets)
        return [Provenance(article.id, "正文。", start, start + 2, "test:hand", 0.5)]

    def add(etype: str, name: str, kind=None, honors=(), attributes=None, aliases=()) -> str:
        eid = entity_id(etype, name)
        graph.entities[eid] = Entity(eid, etype, name, kind, set(aliases), set(honors), dict(attributes or {}),
                                     provenance())
        return eid

    def relate(s: str, p: str, o: str, title: str | None = None) -> None:
        r = Relation(s, p, o, title, {}, provenance())
        graph.relations[r.key] = r

    a, p, b = add("Zone", A, aliases=["甲区"]), add("Zone", P), add("Zone", B)
    e1 = add("Event", E1, "Forum", attributes={"start_date": D1.isoformat()})
    e2 = add("Event", E2, "Forum")
    e3 = add("Event", E3, "Forum", attributes={"start_date": D3.isoformat()})
    laureate = add("Person", L, honors=["NobelLaureate"])
    academician = add("Person", M, honors=["CASAcademician", "ForeignAcademician"])
    other = add("Person", N)
    namesake = add("Organization", "得主基金会", aliases=[L])  # the laureate's name as another entity's alias
    company = add("Organization", "某公司")
    relate(p, "locatedIn", a)
    relate(e1, "heldIn", p)
    relate(e2, "heldIn", a)
    relate(e3, "organizedBy", b)
    for person, events in ((laureate, (e1, e2, e3)), (academician, (e1,)), (other, (e1, e3))):
        for event in events:
            relate(person, "attended", event)
    relate(laureate, "memberOf", namesake)  # the name on both sides of one fact
    relate(laureate, "roleAt", company, title="顾问")
    relate(company, "settledIn", a)
    relate(company, "settledIn", p)
    return graph


@pytest.fixture(scope="module")
def shapes():
    return shapes_graph()


@pytest.fixture(scope="module")
def shapes_store(shapes, tmp_path_factory):
    return store_of(shapes, tmp_path_factory.mktemp("shapes") / "store")


def rows(name: str, *records: tuple) -> list[dict]:
    columns = question(name).columns
    return typed_rows([dict(zip((c.name for c in columns), record)) for record in records], columns)


LAUREATE_ROWS = [(L, "NobelLaureate", E1, D1, A), (L, "NobelLaureate", E1, D1, P), (L, "NobelLaureate", E2, None, A),
                 (L, "NobelLaureate", E3, D3, B)]
ACADEMICIAN_ROWS = [(M, h, E1, D1, z) for h in ("CASAcademician", "ForeignAcademician") for z in (A, P)]


@pytest.mark.parametrize("params, expected", [
    ({}, LAUREATE_ROWS),
    ({"zone": "甲区"}, [r for r in LAUREATE_ROWS if r[4] == A]),
    ({"zone": P}, [r for r in LAUREATE_ROWS if r[4] == P]),
    ({"since": "2024"}, [r for r in LAUREATE_ROWS if r[3] == D1]),
    ({"until": "2023-12"}, [r for r in LAUREATE_ROWS if r[3] == D3]),
    ({"zone": A, "since": "2023"}, [r for r in LAUREATE_ROWS if r[4] == A and r[3]]),
])
def test_laureates_of_an_event_of_two_zones_with_and_without_dates(shapes_store, params, expected):
    with open_graph(store=shapes_store) as graph:
        assert graph.ask("laureates-at-zone-forums", **params) == rows("laureates-at-zone-forums", *expected)


@pytest.mark.parametrize("params, expected", [
    ({}, ACADEMICIAN_ROWS),
    ({"zone": P}, [r for r in ACADEMICIAN_ROWS if r[4] == P]),
    ({"zone": B}, []),
    ({"until": "2023"}, []),
])
def test_academician_with_two_honours_at_an_event_of_two_zones(shapes_store, params, expected):
    with open_graph(store=shapes_store) as graph:
        assert graph.ask("academicians-at-zone-events", **params) == rows("academicians-at-zone-events", *expected)


def test_person_profile_reads_each_event_once_for_both_aspects(shapes_store):
    expected = rows("person-profile",
                    (L, "honour", "NobelLaureate", None, None), (L, "member of", "得主基金会", None, None),
                    (L, "role", "某公司", "顾问", None),
                    (L, "attended", E1, None, D1), (L, "attended", E2, None, None), (L, "attended", E3, None, D3),
                    (L, "visited zone", A, E1, D1), (L, "visited zone", P, E1, D1), (L, "visited zone", A, E2, None),
                    (L, "visited zone", B, E3, D3))
    with open_graph(store=shapes_store) as graph:
        assert graph.ask("person-profile", person=L) == expected


def test_zones_sharing_people_with_and_without_a_zone(shapes_store):
    def pairs(person: str, zones: list[str]) -> list[tuple]:
        ordered = sorted(zones)
        return [(x, y, person) for i, x in enumerate(ordered) for y in ordered[i + 1:]]

    everyone = pairs(L, [A, P, B]) + pairs(M, [A, P]) + pairs(N, [A, P, B])
    with open_graph(store=shapes_store) as graph:
        assert graph.ask("zones-sharing-people") == rows("zones-sharing-people", *everyone)
        assert graph.ask("zones-sharing-people", zone=B) == rows("zones-sharing-people",
                                                                 *[r for r in everyone if B in r[:2]])
        assert graph.ask("zones-sharing-people", zone="甲区") == rows("zones-sharing-people",
                                                                   *[r for r in everyone if A in r[:2]])


def test_companies_settled_in_a_zone_and_its_park(shapes_store):
    expected = [(A, "某公司", A, None, None), (A, "某公司", P, None, None), (P, "某公司", P, None, None)]
    with open_graph(store=shapes_store) as graph:
        assert graph.ask("companies-settled") == rows("companies-settled", *expected)
        assert graph.ask("companies-settled", zone=P) == rows("companies-settled", *expected[2:])


@pytest.mark.parametrize("params", [
    {"entity": L}, {"entity": L, "predicate": "attended"}, {"entity": L, "predicate": "memberOf"},
    {"entity": L, "object": E2}, {"entity": E1, "subject": N}, {"entity": "甲区"}, {"entity": E1},
    {"entity": L, "subject": L, "object": L},
])
def test_evidence_of_a_name_that_is_also_an_alias(shapes, shapes_store, params):
    # 得主 names the laureate and is an alias of 得主基金会: both entities' mentions, and their memberOf fact once.
    expected = Reference(shapes).answer("evidence", **params)
    assert expected
    with open_graph(store=shapes_store) as graph:
        assert graph.ask("evidence", **params) == expected
