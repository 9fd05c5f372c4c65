"""The zone-news span tagger (kg.extract.spans): how its training reads gold, and what it adds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import require_shared

from kg.cache import extractor_version
from kg.extract.document import Document
from kg.extract.filter_training import gold_pairs
from kg.extract.pipeline import rule_extraction
from kg.extract.span_training import gold_spans, sequences, train
from kg.extract.spans import ADDED_TYPES, METHOD
from kg.model import Article
from kg.settings import SPAN_MODEL_SETTING

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _article(body: str) -> Article:
    return Article(id="spans-test", title="", body=(body,))


def test_gold_names_label_their_longest_occurrence_once_and_ignored_names_stay_unlabelled():
    article = _article("首届光明科学城论坛在光明区举行。光明科学城论坛由光明区主办，另有某某活动。")
    gold = {"entities": [{"type": "Event", "name": "首届光明科学城论坛", "aliases": []},
                         {"type": "EventSeries", "name": "光明科学城论坛", "aliases": []},
                         {"type": "Place", "name": "光明区", "aliases": []},
                         {"type": "Event", "name": "某某活动", "aliases": []}],
            "ignore": [{"type": "Event", "name": "另有某某活动"}]}
    doc = Document(article)
    spans = gold_spans(doc, gold)
    named = [(doc.simplified[s:e], k) for s, e, k in spans]
    # the series is not a labelled type: its name inside the event is part of the event's span,
    # and its standalone occurrence stays O
    assert ("首届光明科学城论坛", "Event") in named
    assert ("光明科学城论坛", "EventSeries") not in named
    assert named.count(("光明区", "Place")) == 2
    assert all(not (s1 < e2 and s2 < e1) for i, (s1, e1, _) in enumerate(spans) for s2, e2, _ in spans[i + 1:])


def test_traditional_and_full_width_gold_names_match_the_finders_text():
    article = _article("蘇州工業園區舉辦ＡＩ產業大會。")
    gold = {"entities": [{"type": "Zone", "name": "蘇州工業園區", "aliases": []},
                         {"type": "Event", "name": "AI產業大會", "aliases": []}]}
    doc = Document(article)
    assert [(doc.simplified[s:e], k) for s, e, k in gold_spans(doc, gold)] == [("苏州工业园区", "Zone"),
                                                                               ("AI产业大会", "Event")]
    features, labels = next(sequences([(gold, article)]))
    assert len(features) == len(labels) == len(doc.simplified.rstrip())
    assert labels[:6] == ["B-Zone", "I-Zone", "I-Zone", "I-Zone", "I-Zone", "E-Zone"]


@pytest.fixture(scope="module")
def corpus_model(tmp_path_factory):
    pairs = gold_pairs(sorted((require_shared(CORPUS) / "dev" / "gold").glob("*.json")), [CORPUS])
    assert len(pairs) >= 10
    return train(pairs, tmp_path_factory.mktemp("spans") / "model.crfsuite", max_iterations=60)


def test_a_trained_model_adds_mentions_only_where_no_finder_read(corpus_model, monkeypatch):
    seed = gold_pairs([CORPUS / "gold" / "seed-anji-cgt-2023.json"], [CORPUS])[0][1]
    monkeypatch.setenv(SPAN_MODEL_SETTING, "off")
    before = extractor_version()
    without, _ = rule_extraction(seed)
    monkeypatch.setenv(SPAN_MODEL_SETTING, str(corpus_model))
    assert extractor_version() != before  # the cache keys on the chosen model
    with_spans, _ = rule_extraction(seed)
    added = [p for e in with_spans.entities for p in e.provenance if p.method == METHOD]
    rule_spans = [(p.start, p.end) for e in without.entities for p in e.provenance if p.end > p.start]
    assert added, "a model trained on zone news finds something in the seed article"
    for p in added:
        assert all(not (p.start < end and start < p.end) for start, end in rule_spans)
    assert {e.type for e in with_spans.entities if any(p.method == METHOD for p in e.provenance)} <= set(ADDED_TYPES)
