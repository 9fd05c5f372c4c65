"""The learned extraction filter (kg.extract.learned): what it drops, what it keeps, and its training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import require_shared

from kg.extract.contract import PREDICATE_TYPES
from kg.extract.filter_training import (RULE_HIGHEST, _relation_options, _relation_threshold_groups, _smoothed,
                                       _thresholds, gold_pairs, label, model_from)
from kg.extract.learned import (BIAS, LEAD_METHOD, PAIR_METHOD, RESCUED_TYPES, SETTING, ExtractionFilter,
                                _relation_threshold, candidate_pairs, entity_features, featurise, pieces,
                                relation_features, relation_groups)
from kg.extract.pipeline import extract_article, rule_extraction
from kg.model import Entity, Provenance, Relation
from loaders import load_paths

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def seed_article():
    return load_paths([require_shared(CORPUS / "seed-anji-cgt-2023.txt")]).articles[0]


def _model(entity: dict[str, float], relation: dict[str, float]) -> ExtractionFilter:
    return ExtractionFilter({"entity": entity, "relation": relation,
                             "threshold": {"entity": {}, "relation": {}}, "unfiltered_types": ["Person"]})


def test_a_model_that_keeps_everything_keeps_the_rules_findings(seed_article):
    record, sentences = rule_extraction(seed_article)
    kept = _model({BIAS: 10.0}, {BIAS: 10.0, f"family=attended|{PAIR_METHOD.split(':')[0]}": -20.0}).apply(record, sentences)
    assert {e.id for e in kept.entities} == {e.id for e in record.entities}
    rule_relations = {(r.subject, r.predicate, r.object) for r in record.relations}
    assert rule_relations <= {(r.subject, r.predicate, r.object) for r in kept.relations}


def test_weights_drop_what_they_score_low_and_take_the_relations_with_them(seed_article):
    record, sentences = rule_extraction(seed_article)
    organisations = {e.id for e in record.entities if e.type == "Organization"}
    assert organisations and any(r.subject in organisations for r in record.relations)
    kept = _model({BIAS: 10.0, "type=Organization": -30.0}, {BIAS: -30.0}).apply(record, sentences)
    assert not [e for e in kept.entities if e.type == "Organization"]
    ids = {e.id for e in kept.entities}
    assert all(r.subject in ids and r.object in ids for r in kept.relations)
    # no proposed pair passes; what the rules stated stays while both its ends do
    assert all(r.provenance[0].method not in (PAIR_METHOD, LEAD_METHOD) for r in kept.relations)
    assert {(r.subject, r.predicate, r.object) for r in kept.relations} == {
        (r.subject, r.predicate, r.object) for r in record.relations if r.subject in ids and r.object in ids}
    assert [e for e in kept.entities if e.type == "Person"]  # persons are never filtered


def test_candidate_pairs_join_entities_of_one_sentence_that_no_rule_related(seed_article):
    record, sentences = rule_extraction(seed_article)
    pairs = candidate_pairs(record, sentences)
    stated = {(r.subject, r.predicate, r.object) for r in record.relations}
    assert pairs and not stated & {(r.subject, r.predicate, r.object) for r in pairs}
    text = seed_article.text
    by_id = {e.id: e for e in record.entities}
    in_sentence = [pair for pair in pairs if pair.provenance[0].method == PAIR_METHOD]
    assert in_sentence
    for pair in in_sentence:
        evidence = pair.provenance[0]
        assert evidence.sentence == text[evidence.start:evidence.end].strip()
        for end in (by_id[pair.subject], by_id[pair.object]):
            assert any(evidence.start <= p.start < evidence.end for p in end.provenance)
    # across sentences, only with the article's own event or zone (the one it names most)
    leads = {max((e for e in record.entities if e.type == t), key=lambda e: len(e.provenance)).id for t in ("Event", "Zone")}
    across = [pair for pair in pairs if pair.provenance[0].method == LEAD_METHOD]
    assert across and all({pair.subject, pair.object} & leads for pair in across)


def test_an_event_a_rule_places_gets_no_other_place_proposed():
    from kg.model import Article

    article = Article(id="t", title="测试", body=("2024青溪创新论坛在湖州青溪经济开发区举行，来自杭州、宁波的嘉宾出席。",))
    record, sentences = rule_extraction(article)
    events = {r.subject for r in record.relations if r.predicate == "heldIn"}
    assert events
    assert not [r for r in candidate_pairs(record, sentences) if r.predicate == "heldIn" and r.subject in events]


def test_what_a_rule_places_in_a_zone_gets_no_place_proposed():
    from kg.model import Article

    article = Article(id="t", title="测试", body=(
        "湖州青溪经济开发区位于湖州。青溪经济开发区云栖新材料产业集群落户湖州，集群位于青溪经济开发区。",))
    record, sentences = rule_extraction(article)
    types = {e.id: e.type for e in record.entities}
    in_zone = {r.subject for r in record.relations if r.predicate == "locatedIn" and types[r.object] == "Zone"}
    assert in_zone
    proposed = [r for r in candidate_pairs(record, sentences) if r.predicate == "locatedIn" and r.subject in in_zone]
    assert not [r for r in proposed if types[r.object] == "Place"]


def test_features_describe_each_item_of_an_extraction(seed_article):
    record, _ = rule_extraction(seed_article)
    entity_rows, relation_rows = featurise(record)
    assert len(entity_rows) == len(record.entities) and len(relation_rows) == len(record.relations)
    assert all(f"type={e.type}" in row for e, row in zip(record.entities, entity_rows))
    assert all(f"predicate={r.predicate}" in row for r, row in zip(record.relations, relation_rows))


def test_training_labels_by_the_scorers_matching_and_fits_per_type_thresholds():
    gold_files = sorted(require_shared(CORPUS / "dev" / "gold").glob("*.json"))[:8]
    pairs = gold_pairs(gold_files, [CORPUS])
    assert len(pairs) == len(gold_files)
    entities, relations = label(pairs)
    assert set(entities.labels) == {0, 1} and set(relations.labels) == {0, 1}
    model = model_from(entities, relations)
    assert model["threshold"]["relation"] and set(PREDICATE_TYPES) & set(model["threshold"]["relation"])
    assert "Person" not in model["threshold"]["entity"]  # persons are not filtered, so not fitted
    assert all(0 < t < 1 for t in model["threshold"]["entity"].values())
    json.dumps(model)  # JSON-ready
    # fitted on these articles, the filter keeps most of what their gold states
    gold, article = pairs[0]
    filtered = ExtractionFilter(model).apply(*rule_extraction(article))
    gold_names = {e["name"] for e in gold["entities"]}
    assert len(gold_names & {e.name for e in filtered.entities}) >= 0.8 * len(gold_names & {
        e.name for e in extract_article(article).entities})


def test_the_extraction_cache_keys_on_the_chosen_filter(monkeypatch, tmp_path):
    from kg.cache import extractor_version

    monkeypatch.delenv(SETTING, raising=False)
    shipped = extractor_version()
    monkeypatch.setenv(SETTING, "off")
    rules_only = extractor_version()
    other = tmp_path / "model.json"
    other.write_text(json.dumps({"entity": {}, "relation": {}, "threshold": {"entity": {}, "relation": {}}}))
    monkeypatch.setenv(SETTING, str(other))
    assert len({shipped, rules_only, extractor_version()}) == 3


def _relation_row(predicate: str, method: str) -> dict[str, float]:
    return {f"predicate={predicate}": 1.0, f"method={predicate}|{method}": 1.0,
            f"family={predicate}|{method.split(':', 1)[0]}": 1.0, f"types={predicate}|Organization|Zone": 1.0}


def test_rules_relations_get_their_own_thresholds_dropping_only_the_clearly_unlikely():
    rule, proposal = _relation_row("locatedIn", "pattern:located"), _relation_row("locatedIn", PAIR_METHOD)
    # locatedIn by rule: the unlikely half is wrong; focusIndustry by rule: all right; proposals: all wrong
    rows = [rule] * 50 + [_relation_row("focusIndustry", "pattern:focus")] * 50 + [proposal] * 50
    probabilities = [0.05] * 25 + [0.9] * 25 + [0.05] * 25 + [0.9] * 25 + [0.6] * 50
    labels = [0] * 25 + [1] * 25 + [1] * 50 + [0] * 50
    groups = [_relation_threshold_groups(r) for r in rows]
    chosen = _thresholds(groups, probabilities, labels, 10, _relation_options)
    def fitted(row):
        return _relation_threshold(chosen, relation_groups(row))

    assert 0.05 < fitted(rule) <= RULE_HIGHEST
    assert fitted(rows[50]) == 0.0  # a tie keeps the rule's relations
    assert fitted(proposal) > 0.6
    # a rule's relation never takes the threshold fitted for its predicate's proposals; unfitted, it is kept
    assert _relation_threshold({"locatedIn": 0.9}, relation_groups(rule)) == 0.0
    assert _relation_threshold({"locatedIn": 0.9}, relation_groups(proposal)) == 0.9
    assert _relation_threshold({"locatedIn|pattern": 0.2}, relation_groups(rule)) == 0.2


def test_a_settlement_a_rule_states_is_kept_whatever_its_probability():
    rule, proposal = _relation_row("settledIn", "pattern:settled"), _relation_row("settledIn", PAIR_METHOD)
    rows = [rule] * 50 + [proposal] * 50
    probabilities = [0.05] * 25 + [0.9] * 25 + [0.6] * 50
    labels = [0] * 25 + [1] * 25 + [0] * 50  # the unlikely half of the rule's settlements is wrong
    chosen = _thresholds([_relation_threshold_groups(r) for r in rows], probabilities, labels,
                         10, _relation_options)
    assert _relation_threshold(chosen, relation_groups(rule)) == 0.0
    assert _relation_threshold({"settledIn|pattern": 0.2}, relation_groups(rule)) == 0.0  # a model fitted before
    assert _relation_threshold(chosen, relation_groups(proposal)) > 0.6


def test_a_settlement_a_rule_states_keeps_both_its_ends_whatever_their_probability():
    from kg.model import Article

    record, sentences = rule_extraction(Article(id="t", title="", body=("蓝湾科技有限公司落户青松高新区。",)))
    by_id = {e.id: e for e in record.entities}
    assert [(by_id[r.subject].name, by_id[r.object].name) for r in record.relations if r.predicate == "settledIn"] == [
        ("蓝湾科技有限公司", "青松高新区")]
    drop_all = {BIAS: -30.0}  # every entity and relation all but impossible
    kept = _model(drop_all, drop_all).apply(record, sentences)
    assert {(e.type, e.name) for e in kept.entities} == {("Organization", "蓝湾科技有限公司"), ("Zone", "青松高新区")}
    assert [r.predicate for r in kept.relations] == ["settledIn"]


def test_fields_written_each_with_its_sector_word_are_one_list():
    """重点聚焦A产业、B产业、C产业等三大产业方向: the items keep their 产业, the list is still one, led by 聚焦."""
    from kg.model import Article

    text = "凤鸣产业园规划面积5平方公里，重点聚焦智能家电产业、精密铸件产业、竹木加工产业等三大产业方向。"
    record = rule_extraction(Article(id="t", title="", body=(text,)))[0]
    fields = dict(zip((e.name for e in record.entities), featurise(record)[0]))
    assert {"list_len=Industry|<=3", "list_position=Industry|middle", "lead_cue=Industry|topic",
            "close_count=Industry|equal"} <= set(fields["精密铸件"])


def test_a_tables_row_of_fields_is_kept_with_its_zone_and_field_whatever_their_probability():
    """A zone and the cell under its table's 主导产业 column: kept as a rule's settlement is (the models, trained on
    running text, see the cell as a stray word); fields of running text are judged as before."""
    from kg.model import Article

    body = ("关于公布特色园区名单的通知", "序号     园区名称            主导产业",
            "1 青溪经济开发区     智能家电", "2 凤鸣高新技术产业园     港航物流", "凤鸣高新区重点发展精密铸件。")
    record, sentences = rule_extraction(Article(id="t", title="", body=body))
    drop_all = {BIAS: -30.0}
    kept = _model(drop_all, drop_all).apply(record, sentences)
    names = {e.id: e.name for e in kept.entities}
    assert {(names[r.subject], names[r.object]) for r in kept.relations if r.predicate == "focusIndustry"} == {
        ("青溪经济开发区", "智能家电"), ("凤鸣高新技术产业园", "港航物流")}


def test_a_likely_rule_relation_keeps_a_dropped_organisation_but_never_a_place(seed_article):
    record, sentences = rule_extraction(seed_article)
    by_id = {e.id: e for e in record.entities}
    dropped_types = {"Organization", "Place", "Zone"}
    # the rules' relations from an entity the filter keeps to an organisation it drops
    joining = [r for r in record.relations if {by_id[r.subject].type, by_id[r.object].type} & {"Organization"}
               and {by_id[r.subject].type, by_id[r.object].type} - dropped_types]
    assert joining
    weights = {BIAS: 10.0, **{f"type={t}": -30.0 for t in dropped_types}}
    likely = _model(weights, {BIAS: 10.0}).apply(record, sentences)
    kept = {e.id: e for e in likely.entities}
    assert {e for r in joining for e in (r.subject, r.object) if by_id[e].type == "Organization"} <= set(kept)
    assert not {e.type for e in kept.values()} & (dropped_types - set(RESCUED_TYPES))
    unlikely = _model(weights, {BIAS: -30.0}).apply(record, sentences)
    assert not {e.type for e in unlikely.entities} & dropped_types


def test_features_see_names_inside_longer_ones_repeats_and_clause_breaks():
    from kg.model import Article

    text = "青溪发展集团在青溪签约，青溪发展集团总经理出席。"
    article = Article(id="t", title="", body=(text,))

    def entity(id_: str, type_: str, name: str, start: int) -> Entity:
        return Entity(id_, type_, name, provenance=[Provenance("t", text, start, start + len(name), "pattern:x")])

    group, place = entity("g", "Organization", "青溪发展集团", 0), entity("p", "Place", "青溪", 7)
    inside = pieces([group.name, place.name])
    assert inside == {"青溪"}
    assert "inside_other=Place" in entity_features(place, article.text, 0, inside)
    assert "inside_other=Organization" not in entity_features(group, article.text, 0, inside)
    assert "occurs=Place|<=3" in entity_features(place, article.text, 0, inside)  # 3 times, found once

    def clauses(subject: Entity) -> str:
        relation = Relation(subject.id, "locatedIn", "p", provenance=[Provenance("t", text, 0, len(text), "pattern:x")])
        row = relation_features(relation, subject, place, article.text, {}, set(), inside)
        assert "object_inside=locatedIn" in row and "subject_inside=locatedIn" not in row
        return next(k for k in row if k.startswith("clauses="))

    assert clauses(group) == "clauses=locatedIn|0"  # 青溪发展集团在青溪
    assert clauses(entity("g2", "Organization", "青溪发展集团", 12)) == "clauses=locatedIn|1"  # 青溪签约，青溪发展集团


def test_a_fields_features_read_the_words_of_its_clause():
    from kg.model import Article

    text = "青溪新区聚焦云端织造、海藻食品等主导产业，签约项目涉及光纤布料、海藻食品。"
    article = Article(id="t", title="", body=(text,))

    def field(name: str, start: int) -> dict[str, float]:
        entity = Entity(name, "Industry", name, provenance=[Provenance("t", text, start, start + len(name), "pattern:x")])
        return entity_features(entity, article.text, 0)

    focused = field("云端织造", text.index("云端织造"))
    listed = field("光纤布料", text.index("光纤布料"))
    assert {"clause=Industry|聚焦", "clause=Industry|主导产业"} <= set(focused)
    assert "clause=Industry|项目" in listed and "clause=Industry|聚焦" not in listed  # the clause ends at the comma
    assert not any(k.startswith("clause=") for k in entity_features(
        Entity("o", "Organization", "青溪新区", provenance=[Provenance("t", text, 0, 4, "pattern:x")]), article.text, 0))


def test_thresholds_are_chosen_on_a_broad_rise_not_a_spike():
    scores = {0.1: 0.5, 0.2: 0.9, 0.3: 0.5, 0.4: 0.8, 0.5: 0.8, 0.6: 0.8}
    smoothed = _smoothed(scores)
    assert max(scores, key=scores.get) == 0.2 and max(smoothed, key=smoothed.get) == 0.5
    assert smoothed[0.1] == pytest.approx(0.7) and smoothed[0.6] == pytest.approx(0.8)  # the ends have one neighbour


def test_a_relations_name_endings_are_read_in_simplified_script():
    """鳳鳴開發區 and 凤鸣开发区 end alike: a traditional-script article is not scored as another kind of zone."""
    def row(company: str, zone: str) -> dict[str, float]:
        text = f"{company}落户{zone}。"
        ends = [Entity("c", "Organization", company, provenance=[Provenance("t", text, 0, len(company), "pattern:x")]),
                Entity("z", "Zone", zone, provenance=[Provenance("t", text, len(company) + 2, len(text) - 1, "pattern:x")])]
        relation = Relation("c", "settledIn", "z", provenance=[Provenance("t", text, 0, len(text), "pattern:settle-verb")])
        return relation_features(relation, *ends, text, {}, set())

    traditional, simplified = row("星河集團", "鳳鳴開發區"), row("星河集团", "凤鸣开发区")
    assert "subject_last=settledIn|团" in traditional and "object_last2=settledIn|发区" in traditional
    assert traditional == simplified


def test_a_fields_features_say_whether_its_focus_subject_is_named_in_its_sentence():
    from kg.model import Article

    article = Article(id="t", title="", body=("青溪高新区举行招商大会。今年，青溪高新区将重点发展智能家电和港航物流。",
                                              "目前已规划约2平方公里，重点发展精密铸件和海藻食品。"))
    record = rule_extraction(article)[0]
    rows = dict(zip((e.name for e in record.entities), featurise(record)[0]))
    assert "focus_subject=Zone|sentence" in rows["智能家电"]
    assert "focus_subject=Zone|article" in rows["精密铸件"]


def test_a_field_lists_relation_is_read_from_its_cue_not_from_the_words_between_its_ends():
    """The strength of the cue a list stands after (重点发展) and before (等三大主导产业, a count equal to its items);
    the words between a zone and one of its listed fields are left out (the rest of the list, or of the sentence)."""
    from kg.model import Article

    text = "青溪高新区将重点发展智能家电、精密铸件、港航物流等三大主导产业，推进科技创新。"
    record = rule_extraction(Article(id="t", title="", body=(text,)))[0]
    names = {e.id: e.name for e in record.entities}
    rows = {names[r.object]: row for r, row in zip(record.relations, featurise(record)[1])
            if r.predicate == "focusIndustry" and names[r.subject] == "青溪高新区"}
    row = rows["港航物流"]
    assert {"lead_cue=focusIndustry|develop", "close_cue=focusIndustry|ranked", "close_count=focusIndustry|equal",
            "cues=focusIndustry|develop|ranked"} <= set(row)
    assert not any(k.startswith(("between=focusIndustry", "left=focusIndustry", "right=focusIndustry")) for k in row)
    fields = dict(zip((e.name for e in record.entities), featurise(record)[0]))
    assert "lead_cue=Industry|develop" in fields["智能家电"]


def test_an_entity_in_general_text_takes_the_threshold_fitted_for_general_text():
    from kg.extract.learned import GENERAL, ZONE_NEWS, entity_groups
    from kg.model import Article

    def organisations(thresholds: dict[str, float], body: str) -> set[str]:
        model = ExtractionFilter({"entity": {BIAS: 0.0}, "relation": {BIAS: -10.0},  # every entity 0.5 likely, no rescue
                                  "threshold": {"entity": thresholds, "relation": {}}, "unfiltered_types": ["Person"]})
        record, sentences = rule_extraction(Article(id="t", title="", body=(body,)))
        return {e.name for e in model.apply(record, sentences).entities if e.type == "Organization"}

    general, zone_news = "蓝湾科技有限公司发布了新款手机。", "蓝湾科技有限公司参观了青松高新区。"
    rows = featurise(rule_extraction(Article(id="t", title="", body=(general,)))[0])[0]
    assert entity_groups(rows[0]) == [f"Organization|{GENERAL}", "Organization"]
    rows = featurise(rule_extraction(Article(id="t", title="", body=(zone_news,)))[0])[0]
    assert [entity_groups(row) for row in rows if "type=Organization" in row] == [[f"Organization|{ZONE_NEWS}", "Organization"]]
    assert [entity_groups(row) for row in rows if "type=Zone" in row] == [["Zone"]]
    fitted = {"Organization|general": 0.3, "Organization|zone": 0.7, "Organization": 0.7}
    assert organisations(fitted, general) == {"蓝湾科技有限公司"}
    assert organisations(fitted, zone_news) == set()
    assert organisations({"Organization": 0.3}, zone_news) == {"蓝湾科技有限公司"}  # a model fitted by type alone


def test_a_names_word_shape_tells_common_words_from_a_proper_part():
    from kg.extract.learned import word_shape

    category = word_shape("Organization", "股权投资机构")  # a list's category, common words only
    assert "common_words=Organization" in category and "proper=Organization" not in category
    assert "lexeme=Organization|n" in word_shape("Organization", "企业界")  # one common word of the dictionary
    named = word_shape("Organization", "杭州青溪科技有限公司")  # a place opens it
    assert "proper=Organization" in named and "common_words=Organization" not in named
    assert "words=Organization|>4" in named or "words=Organization|<=4" in named


def test_the_word_shape_is_among_an_entitys_features():
    from kg.model import Article

    text = "企业界代表出席。"
    article = Article(id="t", title="", body=(text,))
    entity = Entity("o", "Organization", "企业界", provenance=[Provenance("t", text, 0, 3, "pattern:x")])
    assert "common_words=Organization" in entity_features(entity, article.text, 0)


def test_a_list_the_whole_is_built_around_and_a_list_that_qualifies_projects_are_told_apart():
    """以A、B、C为核心的产业集群 ranks fields without a ranked word (close_cue core); …等领域项目 names what projects are
    (close_cue thing); what the clause says before the list is read as a scene (形成: the zone's industries take shape)."""
    from kg.model import Article

    text = "近年来，青溪工业园区形成以智能家电、精密铸件、港航物流为核心的产业集群。"
    record = rule_extraction(Article(id="t", title="", body=(text,)))[0]
    fields = dict(zip((e.name for e in record.entities), featurise(record)[0]))
    assert {"close_cue=Industry|core", "lead_scene=Industry|form", "scene_close=Industry|form|core"} <= set(fields["精密铸件"])
    from kg.extract.learned import _cue_features

    assert "close_cue=Industry|thing" in _cue_features("Industry", "今年新签约项目12个，涉及", "等领域项目", 2)
    # a talk's topics (分享了A、B等内容) are what was said, not a focus
    assert "close_cue=Industry|thing" in _cue_features("Industry", "三位专家分享了", "等内容。", 2)


def test_a_field_relation_reads_the_scene_between_its_subject_and_the_list():
    """在某签约仪式上，签约项目涵盖A、B等主导产业: signed projects stand between the event and the list."""
    from kg.model import Article

    text = "在青溪经济开发区项目签约仪式上，集中签约的12个重大项目涵盖智能家电、港航物流等主导产业。"
    record = rule_extraction(Article(id="t", title="", body=(text,)))[0]
    names = {e.id: e.name for e in record.entities}
    rows = [row for r, row in zip(record.relations, featurise(record)[1]) if r.predicate == "focusIndustry"
            and names[r.object] == "港航物流"]
    assert rows and all("between_scene=focusIndustry|Zone|projects" in row for row in rows)


def test_a_fields_sentence_tells_whose_sentence_it_is_by_the_type_of_the_names_before_it():
    """某开发区聚焦A、B: a zone opens the sentence; 凤鸣科技有限公司计划…引入A、B: a company does, and the filter weighs
    each apart (a company's plans name its projects, not anyone's focus)."""
    from kg.model import Article

    text = ("青溪经济开发区重点发展智能家电、精密铸件等主导产业。凤鸣科技有限公司计划在青溪经济开发区设立总部，"
            "引入港航物流、海洋牧场等产业的龙头企业。")
    record = rule_extraction(Article(id="t", title="", body=(text,)))[0]
    fields = dict(zip((e.name for e in record.entities), featurise(record)[0]))
    assert {"sentence_opener=Industry|Zone", "nearest_named=Industry|Zone"} <= set(fields["精密铸件"])
    assert "sentence_opener=Industry|Organization" in fields["港航物流"]
