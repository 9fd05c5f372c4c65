"""Train the zone-news span tagger (kg.extract.spans) on gold articles.

Gold files list names, not offsets: every occurrence of an entity's name or alias in the article's
matching text is a span of its type, longest names first (首届光明科学城论坛 before the series name
inside it), so nested names label the outer one as the reader of the sentence would.  Names the
gold lists under ``ignore`` are left unlabelled (O), like everything else no gold names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.extract.document import Document, finder_form
from kg.extract.spans import LABELLED_TYPES
from kg.extract.tagger import char_labels, normalise, sentence_features
from kg.model import Article

Span = tuple[int, int, str]


def gold_spans(doc: Document, gold: dict) -> list[Span]:
    """Non-overlapping (start, end, type) spans of the gold's names in the document's matching text."""
    names = sorted({(finder_form(form), entity["type"])
                    for entity in gold.get("entities", []) if entity["type"] in LABELLED_TYPES
                    for form in (entity["name"], *entity.get("aliases", []))},
                   key=lambda item: (-len(item[0]), item))
    text = doc.simplified
    covered = bytearray(len(text))
    spans = []
    for name, kind in names:
        if len(name) < 2:
            continue
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(covered[start:end]):
                spans.append((start, end, kind))
                covered[start:end] = b"\1" * (end - start)
            start = text.find(name, start + 1)
    return sorted(spans)


def sequences(pairs: Iterable[tuple[dict, Article]]) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, labels) for every sentence of every gold article."""
    for gold, article in pairs:
        doc = Document(article)
        spans = gold_spans(doc, gold)
        for sentence in doc.sentences:
            text = doc.simplified[sentence.start: sentence.end]
            if not text.strip():
                continue
            inside = [(s - sentence.start, e - sentence.start, k) for s, e, k in spans
                      if sentence.start <= s and e <= sentence.end]
            yield sentence_features(normalise(text)), char_labels(len(text), inside)


def train(pairs: Iterable[tuple[dict, Article]], out: Path, c1: float = 0.05, c2: float = 0.01,
          max_iterations: int = 150) -> Path:
    """Fit a CRF on the pairs' sentences and write it to ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences(pairs):
        trainer.append(features, labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out
