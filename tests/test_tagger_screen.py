"""The screening CRF (kg.extract.tagger.default_screen) that decides which sentences the full tagger reads."""

from __future__ import annotations

from pathlib import Path

from conftest import require_shared
from loaders import load_paths

from kg.extract import extract_article, tagging
from kg.extract.tagger import SCREEN_PATH, default_screen

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_screen_model_is_small_and_loaded_once():
    assert SCREEN_PATH.stat().st_size < 5_000_000
    assert default_screen() is default_screen()


def test_a_sentence_goes_to_the_tagger_for_an_unread_name_only():
    sentence = "今天上午，王建国在会上表示，将加快推进项目建设。"
    name = range(sentence.index("王建国"), sentence.index("王建国") + 3)
    assert default_screen().may_tag(sentence, name, tagging.SCREEN_CHANCE)
    assert not default_screen().may_tag(sentence, [], tagging.SCREEN_CHANCE)  # every character already read
    assert not default_screen().may_tag("2023年12月31日。", range(11), tagging.SCREEN_CHANCE)
    assert not default_screen().may_tag("  ", range(2), tagging.SCREEN_CHANCE)


def _extracted(articles) -> list:
    return [sorted((e.type, e.name, tuple((p.start, p.end, p.method) for p in e.provenance)) for e in
                   extract_article(article).entities) for article in articles]


def test_screened_tagging_finds_what_the_tagger_on_every_sentence_finds_on_the_corpus(monkeypatch):
    articles = load_paths([str(require_shared(SHARED / "corpus"))]).articles
    screened = _extracted(articles)
    monkeypatch.setattr(tagging, "SCREENED", False)
    everywhere = _extracted(articles)
    assert any(p[2] == "crf" for entities in everywhere for e in entities for p in e[2])  # the tagger adds some
    assert screened == everywhere

