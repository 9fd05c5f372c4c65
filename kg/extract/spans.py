"""Recall for the zone-news types no cue found: a character CRF trained on annotated zone news.

The CLUENER tagger (kg.extract.tagger) knows persons and organisations of general news; it has no
classes for zones, events, funds, clusters or industries, and real pages name those in ways no
suffix cue foresees (a forum called by its brand, a company by its trade name).  This tagger uses
the same character features with labels of the contract's types, learned from gold articles (the
shared corpus and bench/realdev; ``scripts/train_extraction_models.py``).  Its spans are added where no
finder read anything, as mentions of method ``crf:zone-news``; the learned filter
(kg.extract.learned) then judges them like every other finding.

The environment variable ``KG_SPAN_MODEL`` names another model file, or ``off`` to do without (the
extraction cache keys on it); bench/realdev_score.py trains one per fold.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from kg.extract.document import Document, Mention, Occupancy
from kg.extract.tagger import CharTagger
from kg.settings import SPAN_MODEL_SETTING

MODEL = Path(__file__).resolve().parent / "models" / "zone_news_char_crf.crfsuite"
METHOD = "crf:zone-news"

#: The contract types the model labels.  Persons and places are labelled too, so the model learns
#: where they stand, but the cue finders already read those well: only the others become mentions.
LABELLED_TYPES = ("Person", "Organization", "Zone", "Place", "Event", "Fund", "Cluster", "Industry")
ADDED_TYPES = ("Organization", "Zone", "Event", "Fund", "Cluster", "Industry")


@lru_cache(maxsize=4)
def _load(path: str) -> CharTagger | None:
    if path == "off" or not Path(path).is_file():
        return None
    return CharTagger(Path(path))


def active_span_tagger() -> CharTagger | None:
    """The model named by KG_SPAN_MODEL, else the shipped one (None when switched off or absent)."""
    return _load(os.environ.get(SPAN_MODEL_SETTING, "") or str(MODEL))


def add_spans(doc: Document) -> list[Mention]:
    """Mentions for the tagger's spans of ADDED_TYPES that overlap no mention the finders made."""
    tagger = active_span_tagger()
    if tagger is None:
        return []
    taken = Occupancy(len(doc.simplified), ((m.start, m.end) for m in doc.mentions if m.type != "Place"))
    places = [(m.start, m.end) for m in doc.mentions if m.type == "Place"]
    found = []
    for sentence in doc.sentences:
        for span in tagger.tag_sentence(doc.simplified[sentence.start: sentence.end]):
            start, end = sentence.start + span.start, sentence.start + span.end
            if span.label not in ADDED_TYPES or end - start < 2 or taken.overlaps(start, end):
                continue
            if any(s < end and start < e and not (start <= s and e <= end) for s, e in places):
                continue  # a name may hold a place (杭州高新区), never cut one
            found.append(doc.add(Mention(start, end, span.label, None, METHOD, round(span.confidence, 3))))
            taken.mark(start, end)
    return found
