"""Incremental builds (kg.incremental): a build of new or changed articles re-resolves only the groups they
touch and rewrites only those nodes in a copy of the current generation, and gives exactly the graph,
the recorded node digests and the resolution index of a build of everything at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import require_shared, write_records

from kg.build import build, stats
from kg.identity import entity_id, iri
from kg.incremental import EMPLOYER_MOVED, MERGED, ZONE_NAMED
from kg.settings import EXTRACTION_FILTER_SETTING
from kg.ontology import load_ontology
from kg.store import INDEX, GraphStore, count_terms, counted_terms, recorded_term_counts
from kg.store_index import INDEX_GRAPHS

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO.parent / "shared" / "tools" / "gen_articles.py"


def _state(root: Path) -> tuple[set[str], dict[str, bytes], set[tuple], set[tuple], set[str], list[tuple]]:
    """The quads, and what the build recorded beside them: node digests of the current generation, the
    projection's units, every entity's node, every group's summary and every fact's attributes in the
    resolution index, the derived zone-event and name indexes and the stored articles."""
    with GraphStore.open(root) as store:
        quads, generation = store.quads(), store.change_marker
        derived = {str(quad) for graph in INDEX_GRAPHS
                   for quad in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph))}
        # Merged in id order, not re-read (where in its file each came from differs between the builds).
        articles = [(a.id, a.title, a.body) for a in store.iter_articles()]
    index = sqlite3.connect(root / INDEX)
    try:
        nodes = dict(index.execute("SELECT node, digest FROM nodes WHERE generation = ?", (generation,)))
        units = set(index.execute("SELECT unit, node1, node2, digest, inputs FROM units"))
        members = set(index.execute("SELECT article, local, node FROM res_member"))
        # Group numbers differ between builds; what each group is merged from must not.
        members |= {("summary", summary) for (summary,) in index.execute("SELECT summary FROM res_summary")}
        members |= set(index.execute("SELECT fact, subject, object, attributes FROM res_fact"))
        # kg stats' counts: adjusted by an incremental build, counted by a full one.
        members |= {("terms", *row) for row in index.execute("SELECT kind, term, n FROM term_counts WHERE generation = ?",
                                                             (generation,))}
    finally:
        index.close()
    return quads, nodes, units, members, derived, articles


def _steps_equal_once(tmp_path: Path, *steps: dict[str, str]) -> set[str]:
    """Build the steps one after the other (every step after the first incremental) and all at once
    (the last version of each article); the same quads, digests and index; the quads."""
    reports, quads = _steps(tmp_path, *steps)
    assert [report.incremental for report in reports] == [number > 0 for number in range(len(steps))]
    return quads


def _steps(tmp_path: Path, *steps: dict[str, str]) -> tuple[list, set[str]]:
    """The reports of building ``steps`` one after the other, once the result is shown to equal one build
    of every article's last version (the same quads, digests and index); and the quads."""
    step, once, final, reports = tmp_path / "step", tmp_path / "once", {}, []
    records = tmp_path / "articles.jsonl"  # every step is an export to one file (the path is an article field)
    for bodies in steps:
        reports.append(build([str(write_records(records, bodies))], step))
        final.update(bodies)
    assert not build([str(write_records(records, final))], once).incremental
    assert _state(step) == _state(once)
    return reports, _state(step)[0]


def test_b_merges_two_stored_zones_and_renames_their_administration(tmp_path, monkeypatch):
    """A knows 天津开发区 and 天津经开区 as two zones; B's full name owns both forms, so they merge; the
    administration named after the short form takes the full name, and its director's facts follow."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "天津开发区管委会主任陈志刚出席新能源汽车产业大会。", "rec-2": "天津经开区举行生物医药产业论坛。",
         "rec-9": "苏州工业园区举行光电子产业峰会。"}
    b = {"rec-3": "天津经济技术开发区举行人工智能产业大会。"}
    quads = _steps_equal_once(tmp_path, a, b)
    for gone in (entity_id("Zone", "天津开发区"), entity_id("Zone", "天津经开区"),
                 entity_id("Organization", "天津开发区管委会")):
        assert not any(f"<{iri(gone)}>" in q for q in quads)
    admin = iri(entity_id("Organization", "天津经济技术开发区管委会"))
    assert any(q.startswith(f"<{iri(entity_id('Person', '陈志刚'))}>") and f"<{admin}>" in q for q in quads)


def test_a_later_edition_of_a_stored_event_leaves_the_stored_edition_as_it_is(tmp_path, monkeypatch):
    """B reports the 2024 edition of an event A stored for 2023: a new event, and A's event is not renamed
    (it used to merge on the yearless form and take the later year's name), so A's articles are not resolved
    again."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "2023年5月18日，2023光谷人工智能产业峰会在武汉东湖新技术开发区开幕。"}
    b = {"rec-2": "2024年5月18日，2024光谷人工智能产业峰会在武汉东湖新技术开发区开幕。"}
    (_, added), quads = _steps(tmp_path, a, b)
    assert added.incremental and added.resolved_again == 1
    for year in (2023, 2024):
        assert any(f"<{iri(entity_id('Event', f'{year}光谷人工智能产业峰会'))}>" in q for q in quads)


def test_a_stored_event_named_only_by_its_kind_stays_apart_from_a_new_article_s(tmp_path, monkeypatch):
    """A states 高峰论坛 with no name of its own; B names its 星河科技高峰论坛 and calls it 高峰论坛 for short, and C
    has a 高峰论坛 of its own: three events, each article's, built one after the other or at once."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "近日，高峰论坛在云栖园区举行，青溪市副市长王大伟出席高峰论坛。"}
    b = {"rec-2": "11月5日，星河科技高峰论坛在青溪新区开幕。中国科学院院士林一帆出席高峰论坛并致辞。"}
    c = {"rec-3": "近日，高峰论坛在星河园区举行，青溪市市长李明出席高峰论坛。"}
    quads = _steps_equal_once(tmp_path, a, b, c)
    named = {q.split()[0] for q in quads if "高峰论坛" in q and q.startswith("<") and "/event/" in q.split()[0]}
    assert len(named) == 3


def test_two_stored_companies_named_in_one_new_article_stay_two_and_are_not_resolved_again(tmp_path, monkeypatch):
    """B names both of A's companies, one legal name made of some of the other's characters: they are not one
    company's full and short names, so B extends both stored groups and merges none (such links once joined
    thousands of a big store's articles into one company)."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "青禾新能源科技有限公司落户苏州工业园区。", "rec-2": "青源科技有限公司落户天津经济技术开发区。"}
    b = {"rec-3": "青禾新能源科技有限公司与青源科技有限公司在合肥高新技术产业开发区签约。"}
    (_, added), quads = _steps(tmp_path, a, b)
    assert added.incremental and added.resolved_again == 1 and not added.causes
    for name in ("青禾新能源科技有限公司", "青源科技有限公司"):
        assert any(q.startswith(f"<{iri(entity_id('Organization', name))}>") for q in quads)


def test_a_person_whose_employer_is_renamed_keeps_its_node_and_is_not_resolved_again(tmp_path, monkeypatch):
    """B merges A's two zones: the administration named after the short form takes the full name.  Its director
    陈志刚 (one person: the plain id, whatever his employer is called) keeps his node, so his group is not resolved
    again (rec-4, which names him without a post, is not read); his post follows the administration's new node
    and his group's summary records it: the graph and the index equal one build."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "天津开发区管委会主任陈志刚出席新能源汽车产业大会。", "rec-2": "天津经开区举行生物医药产业论坛。",
         "rec-4": "陈志刚出席光伏产业大会。"}
    b = {"rec-3": "天津经济技术开发区举行人工智能产业大会。"}
    (_, added), quads = _steps(tmp_path, a, b)
    assert added.incremental and added.resolved_again == 3  # rec-1, rec-2 (the zones, the administration), rec-3
    assert not any(cause.startswith("Person:") for cause in added.causes)
    admin = iri(entity_id("Organization", "天津经济技术开发区管委会"))
    assert any(q.startswith(f"<{iri(entity_id('Person', '陈志刚'))}>") and f"<{admin}>" in q for q in quads)


def test_a_person_whose_employer_is_renamed_is_extended_by_a_new_mention(tmp_path, monkeypatch):
    """As above, and B names 陈志刚 again without a post: his group is extended from its summary (the split checked
    with his employer's new node), not resolved again; the graph and the index equal one build."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "天津开发区管委会主任陈志刚出席新能源汽车产业大会。", "rec-2": "天津经开区举行生物医药产业论坛。",
         "rec-4": "陈志刚出席光伏产业大会。"}
    b = {"rec-3": "天津经济技术开发区举行人工智能产业大会。", "rec-6": "陈志刚出席量子产业大会。"}
    (_, added), _ = _steps(tmp_path, a, b)
    assert added.incremental and added.resolved_again == 4 and added.extended >= 1


def test_a_person_told_apart_by_an_employer_renamed_is_resolved_again(tmp_path, monkeypatch):
    """Two 陈志刚, told apart by their employers; B renames one employer (its zone gets its full name): the person
    it named takes the new name (his node changes, his group is resolved again); the graph equals one build."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "天津开发区管委会主任陈志刚出席新能源汽车产业大会。", "rec-2": "天津经开区举行生物医药产业论坛。",
         "rec-4": "苏州工业园区管委会主任陈志刚出席光伏产业大会。", "rec-5": "陈志刚出席量子产业大会。"}
    b = {"rec-3": "天津经济技术开发区举行人工智能产业大会。"}
    (_, added), quads = _steps(tmp_path, a, b)
    assert added.incremental and added.resolved_again == 5
    # The report says why each stored group was read again: the person for his employer, the zones for the merge.
    assert added.causes == {f"Person: {EMPLOYER_MOVED}": (1, 3), f"Zone: {MERGED}": (2, 2),
                            f"Organization: {ZONE_NAMED}": (1, 1)}
    renamed = iri(entity_id("Person", "陈志刚", "天津经济技术开发区管委会"))
    assert any(q.startswith(f"<{renamed}>") for q in quads)
    assert not any(iri(entity_id("Person", "陈志刚", "天津开发区管委会")) in q for q in quads)


def test_b_splits_a_homonym_and_a_third_article_without_a_post_joins_neither(tmp_path, monkeypatch):
    """Once two 陈志刚 are told apart by their employers, a mention without a post cannot say which one it means."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "苏州工业园区管委会主任陈志刚出席生物医药产业论坛。"}
    b = {"rec-2": "天津经济技术开发区管委会主任陈志刚出席新能源汽车产业大会。"}
    c = {"rec-3": "陈志刚出席人工智能产业大会。"}
    person = "<https://kg-zones.org/ontology#Person>"
    quads = _steps_equal_once(tmp_path, a, b, c)
    assert sum(1 for q in quads if q.endswith(person) and "陈志刚" in q) == 3


def test_a_changed_article_is_rewritten_and_what_it_said_before_goes(tmp_path):
    a = {"rec-1": "苏州工业园区举行生物医药产业论坛。", "rec-2": "武汉东湖新技术开发区举行光电子产业峰会。"}
    b = {"rec-2": "合肥高新技术产业开发区举行量子产业大会。"}
    quads = _steps_equal_once(tmp_path, a, b)
    assert not any("武汉" in q for q in quads) and any("合肥" in q for q in quads)


def test_a_zone_named_again_is_extended_from_its_summary_not_resolved_again(tmp_path, monkeypatch):
    """B names a stored zone and its place again: their groups gain a member, and B's article is the only one
    resolved (the stored articles naming them are not read again); the graph equals one build."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "苏州工业园区在苏州举行生物医药产业论坛。", "rec-2": "苏州工业园区在苏州举行光电子产业峰会。",
         "rec-3": "苏州工业园区在苏州举行量子产业大会。"}
    b = {"rec-4": "苏州工业园区在苏州举行人工智能产业大会。"}
    (_, added), _ = _steps(tmp_path, a, b)
    assert added.incremental and added.extended >= 2 and added.resolved_again == 1


def test_same_name_people_are_extended_when_the_split_keeps_every_stored_person(tmp_path, monkeypatch):
    """Two 陈志刚 told apart by employer; B names one of them at his employer again and one without an
    employer: the one joins a stored person, the other the stored mentions without a post, and only B's
    articles are resolved."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "苏州工业园区管委会主任陈志刚出席生物医药产业论坛。",
         "rec-2": "天津经济技术开发区管委会主任陈志刚出席新能源汽车产业大会。", "rec-4": "陈志刚出席光伏产业大会。"}
    b = {"rec-0": "苏州工业园区管委会主任陈志刚出席光电子产业峰会。", "rec-3": "陈志刚出席量子产业大会。"}
    (_, added), quads = _steps(tmp_path, a, b)
    assert added.incremental and added.resolved_again == 2
    person = "<https://kg-zones.org/ontology#Person>"
    assert sum(1 for q in quads if q.endswith(person) and "陈志刚" in q) == 3


def _facts(quads: set[str], subject: str, predicate: str) -> int:
    """The facts of ``subject`` by ``predicate`` in the default graph."""
    return sum(1 for q in quads if q.startswith(f"<{subject}> {predicate} ") and q.count(" <") == 2)


def test_a_third_namesake_leaves_the_stored_people_as_they_are_wherever_its_employer_sorts(tmp_path, monkeypatch):
    """B, sorting before A, names 陈志刚 at an employer sorting before both of A's: the stored people keep their ids
    and the mention without a post keeps the plain id, so only B is resolved (the group is extended).  Were the
    mentions without a post given to the namesake at the first employer, every add of an employer sorting first
    would move them (and rewrite their facts), a cost that grows with the store."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-2": "天津经济技术开发区管委会主任陈志刚出席新能源汽车产业大会。", "rec-3": "陈志刚出席量子产业大会。",
         "rec-4": "苏州工业园区管委会主任陈志刚出席光伏产业大会。"}
    b = {"rec-1": "合肥高新技术产业开发区管委会主任陈志刚出席光电子产业峰会。"}
    (_, added), quads = _steps(tmp_path, a, b)
    assert added.incremental and added.resolved_again == 1
    attended = "<https://kg-zones.org/ontology#attended>"
    plain = iri(entity_id("Person", "陈志刚"))
    employed = [iri(entity_id("Person", "陈志刚", org)) for org in ("天津经济技术开发区管委会", "苏州工业园区管委会",
                                                                    "合肥高新技术产业开发区管委会")]
    assert _facts(quads, plain, attended) == 1 and [_facts(quads, node, attended) for node in employed] == [1, 1, 1]


def test_a_second_namesake_tells_the_stored_person_apart_and_the_mention_without_a_post_stays_plain(
        tmp_path, monkeypatch):
    """A holds one 陈志刚, with and without his post; B names a namesake elsewhere: the stored person is told apart
    by his employer now, the mention without a post keeps the plain id; the graph equals one build."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "苏州工业园区管委会主任陈志刚出席光电子产业峰会。", "rec-3": "陈志刚出席量子产业大会。"}
    b = {"rec-2": "天津经济技术开发区管委会主任陈志刚出席新能源汽车产业大会。"}
    (_, added), quads = _steps(tmp_path, a, b)
    attended = "<https://kg-zones.org/ontology#attended>"
    plain, told_apart = iri(entity_id("Person", "陈志刚")), iri(entity_id("Person", "陈志刚", "苏州工业园区管委会"))
    assert added.incremental and added.resolved_again == 3
    assert _facts(quads, plain, attended) == 1 and _facts(quads, told_apart, attended) == 1


def test_a_new_statement_that_gives_a_stored_fact_its_amount_resolves_the_fact_again(tmp_path, monkeypatch):
    """The first article (in id order) stating an amount gives the settling fact its amount, which every
    statement of the fact carries: B, sorting before A, changes A's stored statement too."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-2": "华芯科技有限公司落户苏州工业园区。", "rec-3": "苏州工业园区举行生物医药产业论坛。"}
    b = {"rec-1": "华芯科技有限公司总投资10亿元的集成电路项目落户苏州工业园区。"}
    (_, added), _ = _steps(tmp_path, a, b)
    assert added.incremental and added.resolved_again > 1


def test_a_new_statement_of_the_same_amount_before_the_stored_ones_leaves_the_fact_as_it_is(tmp_path, monkeypatch):
    """B, sorting before A, states the settling fact with the amount A gave it: the fact's statements keep their
    attributes, so only B is resolved (the groups of its ends are extended), and the graph equals one build."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-2": "华芯科技有限公司总投资10亿元的集成电路项目落户苏州工业园区。", "rec-3": "苏州工业园区举行生物医药产业论坛。"}
    b = {"rec-1": "华芯科技有限公司总投资10亿元的芯片封装项目落户苏州工业园区。"}
    (_, added), _ = _steps(tmp_path, a, b)
    assert added.incremental and added.resolved_again == 1


def test_a_new_article_after_a_stated_amount_keeps_it(tmp_path, monkeypatch):
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "华芯科技有限公司总投资10亿元的集成电路项目落户苏州工业园区。"}
    b = {"rec-2": "华芯科技有限公司落户苏州工业园区。"}
    (_, added), _ = _steps(tmp_path, a, b)
    assert added.incremental and added.extended >= 2


def test_stats_read_the_counts_an_incremental_build_adjusted(tmp_path, monkeypatch):
    """B merges two stored zones and changes the article that named a laureate: kg stats reads the class and
    predicate counts the incremental build adjusted from the quads it removed and added (an honour's description
    among them), and they are what the store holds (and what one build of A and B recorded: see _steps)."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "天津开发区管委会主任陈志刚出席新能源汽车产业大会。", "rec-2": "天津经开区举行生物医药产业论坛。",
         "rec-4": "诺贝尔生理学或医学奖得主格雷格·塞门扎出席苏州工业园区生物医药产业论坛。"}
    b = {"rec-3": "天津经济技术开发区举行人工智能产业大会。", "rec-4": "苏州工业园区举行光电子产业峰会。"}
    (_, added), _ = _steps(tmp_path, a, b)
    root = tmp_path / "step"
    assert added.incremental
    ontology = load_ontology()
    with GraphStore.open(root) as store:
        recorded = recorded_term_counts(root, store.generation.name)
        assert recorded == count_terms(store.oxigraph, counted_terms())
    assert recorded[("class", ontology.term("Zone"))] == 2
    counts = stats(root)
    assert counts["classes"]["Zone"] == 2 and counts["evidence records"] == recorded[("class", ontology.term("Evidence"))]


def test_the_same_articles_again_rewrite_nothing(tmp_path):
    a = {"rec-1": "苏州工业园区举行生物医药产业论坛。"}
    root = tmp_path / "store"
    build([str(write_records(tmp_path / "a.jsonl", a))], root)
    before = _state(root)
    again = build([str(write_records(tmp_path / "a.jsonl", a))], root)
    assert again.incremental and again.rewritten == 0 and again.changed_nodes == 0 and _state(root) == before


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[str]:
    """60 synthetic zone-news records from ../shared/tools/gen_articles.py (deterministic), as JSON lines."""
    generator = require_shared(GENERATOR)
    return subprocess.run([sys.executable, str(generator), "60", "--seed", "5"], capture_output=True,
                          text=True, check=True).stdout.splitlines(keepends=True)


def test_generated_articles_added_in_three_steps_equal_one_build(generated, tmp_path):
    step, once = tmp_path / "step", tmp_path / "once"
    for number, part in enumerate((generated[:30], generated[30:50], generated[50:])):
        path = tmp_path / f"part-{number}.jsonl"
        path.write_text("".join(part), encoding="utf-8")
        report = build([str(path)], step, workers=1)
        assert report.incremental == (number > 0) and report.extracted == len(part)
        if number:
            assert 0 < report.rewritten < report.entities  # only what the new articles touch
            assert report.extended > 0  # the recurring zones and laureates gain members without being re-read
    build([str(tmp_path / f"part-{number}.jsonl") for number in range(3)], once, workers=1)
    assert _state(step) == _state(once)


def test_rebuild_removes_then_an_incremental_add_still_equals_one_build(tmp_path):
    a = {"rec-1": "苏州工业园区举行生物医药产业论坛。", "rec-2": "武汉东湖新技术开发区举行光电子产业峰会。"}
    b = {"rec-3": "苏州工业园区举行人工智能产业大会。"}
    root, once = tmp_path / "store", tmp_path / "once"
    build([str(write_records(tmp_path / "a.jsonl", a))], root)
    report = build([str(write_records(tmp_path / "a1.jsonl", {"rec-1": a["rec-1"]}))], root, rebuild=True)
    assert not report.incremental and report.articles == 1
    assert build([str(write_records(tmp_path / "b.jsonl", b))], root).incremental
    build([str(tmp_path / "a1.jsonl"), str(tmp_path / "b.jsonl")], once)
    assert _state(root) == _state(once)


def test_another_ontology_resolves_everything(tmp_path):
    from kg.ontology import ONTOLOGY_FILE

    root = tmp_path / "store"
    build([str(write_records(tmp_path / "a.jsonl", {"rec-1": "苏州工业园区举行生物医药产业论坛。"}))], root)
    edited = tmp_path / "kg.ttl"
    edited.write_text(ONTOLOGY_FILE.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    b = write_records(tmp_path / "b.jsonl", {"rec-2": "苏州工业园区举行人工智能产业大会。"})
    assert not build([str(b)], root, ontology_path=edited).incremental
    assert not build([], root).incremental  # back to the default ontology: once more in full
    assert build([], root).incremental


KILLED = """
import os, sys
from pathlib import Path
import kg.store
from kg.build import build
where = sys.argv[3]
if where == "rewrite":  # the copied generation rewritten, the index not yet
    rewrite = kg.store.StoreWriter._rewrite
    kg.store.StoreWriter._rewrite = lambda *args: (rewrite(*args), os._exit(9))
else:  # after the index and the new generation are written, before the marker switches to it
    real = os.replace
    os.replace = lambda a, b: os._exit(9) if str(b).endswith("kg-store.json") else real(a, b)
build([sys.argv[1]], Path(sys.argv[2]))
"""


@pytest.mark.parametrize("where", ["rewrite", "switch"])
def test_a_killed_incremental_build_is_harmless(tmp_path, where):
    a = {"rec-1": "苏州工业园区举行生物医药产业论坛。", "rec-2": "武汉东湖新技术开发区举行光电子产业峰会。"}
    b = write_records(tmp_path / "b.jsonl", {"rec-3": "苏州工业园区举行人工智能产业大会。"})
    root, once = tmp_path / "store", tmp_path / "once"
    build([str(write_records(tmp_path / "a.jsonl", a))], root)
    before = _state(root)[0]
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLED), str(b), str(root), where],
                            capture_output=True, text=True, cwd=REPO)
    assert killed.returncode == 9, killed.stderr
    with GraphStore.open(root) as store:  # the store opens, with the graph before the killed build
        assert store.quads() == before
    report = build([str(b)], root)  # the next build completes
    assert report.incremental == (where == "rewrite")  # after the switch was missed the index is ahead: in full
    build([str(tmp_path / "a.jsonl"), str(b)], once)
    assert _state(root) == _state(once)
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("gen-")) == ["gen-000002"]


def test_a_fact_under_two_titles_keeps_its_triple_when_one_title_goes(tmp_path, monkeypatch):
    """Two roleAt facts of one person and organisation share their triple: a changed article drops one."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "苏州工业园区管委会主任陈志刚出席生物医药产业论坛。",
         "rec-2": "苏州工业园区管委会副主任陈志刚出席光电子产业峰会。"}
    b = {"rec-1": "苏州工业园区举行生物医药产业论坛。"}
    quads = _steps_equal_once(tmp_path, a, b)
    role_at = "<https://kg-zones.org/ontology#roleAt>"
    assert any(q.startswith(f"<{iri(entity_id('Person', '陈志刚'))}> {role_at}") for q in quads)


def test_a_fact_under_two_titles_keeps_the_triple_a_unit_not_projected_again_states(tmp_path, monkeypatch):
    """As above, but the remaining title's fact is not projected again (its inputs are stored): the triple it
    shares with the title that goes is read from its stored unit."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {"rec-1": "苏州工业园区管委会主任陈志刚出席生物医药产业论坛。",
         "rec-2": "苏州工业园区管委会副主任陈志刚出席光电子产业峰会。"}
    b = {"rec-1": "苏州工业园区举行生物医药产业论坛。"}
    (_, changed), quads = _steps(tmp_path, a, b)
    assert changed.incremental and changed.unchanged > 0
    role_at = "<https://kg-zones.org/ontology#roleAt>"
    assert any(q.startswith(f"<{iri(entity_id('Person', '陈志刚'))}> {role_at}") for q in quads)


def test_a_group_resolved_again_projects_only_the_units_whose_inputs_changed(tmp_path, monkeypatch):
    """A changed article names a recurring zone: its group is resolved again from every member, but its
    evidence in the articles that did not change is not projected again, and the graph equals one build."""
    monkeypatch.setenv(EXTRACTION_FILTER_SETTING, "off")
    a = {f"rec-{n}": f"苏州工业园区举行{industry}产业论坛。" for n, industry in
         enumerate(("生物医药", "光电子", "量子", "新材料"))}
    b = {"rec-3": "苏州工业园区管委会主任陈志刚出席人工智能产业大会。"}
    (_, changed), quads = _steps(tmp_path, a, b)
    assert changed.incremental and changed.resolved_again == len(a)
    assert changed.unchanged >= len(a) - 1  # at least the zone's evidence in the three unchanged articles
    assert not any("新材料" in q for q in quads)

