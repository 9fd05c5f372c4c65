"""Recall from the statistical tagger (kg.extract.tagger), gated.

A CLUENER ``name`` span becomes a Person only when it has a plausible form
(surname + given name, or a transliterated name) and either a cue next to it
(a title before, a speech or attendance word after) or a high confidence.
``company`` / ``organization`` / ``government`` spans become organisations
only when they sit in a list with a confirmed organisation or before a title
followed by a name — the cues the patterns use — so the tagger adds names
the suffix rules cannot see, never chrome.
"""

from __future__ import annotations

import os
from functools import lru_cache

from kg.extract.document import Document, Mention
from kg.extract.lexicon import POST_NAME_WORDS
from kg.extract.people import is_plausible_name, titles
from kg.extract.places import best_candidate

#: KG_TAGGER=off disables the tagger (used by the benchmark to measure its share).
ENABLED = os.environ.get("KG_TAGGER", "on") != "off"
PERSON_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _tagger():
    try:
        from kg.extract.tagger import default_tagger

        return default_tagger()
    except (ImportError, OSError, FileNotFoundError):
        return None


def add_tagged(doc: Document) -> list[Mention]:
    tagger = _tagger() if ENABLED else None
    if tagger is None:
        return []
    found = []
    taken = [(m.start, m.end) for m in doc.mentions]
    for span in tagger.tag(doc.st):
        if span.label != "name":
            continue
        name = doc.st[span.start : span.end]
        if not is_plausible_name(name) or any(s < span.end and span.start < e for s, e in taken):
            continue
        if best_candidate(name) is not None:
            continue  # 安吉 is a county before it is anybody's name
        before = doc.st[max(0, span.start - 6) : span.start]
        after = doc.st[span.end : span.end + 3]
        cued = any(before.endswith(t) for t in titles()) or any(after.startswith(w) for w in POST_NAME_WORDS)
        if cued or span.confidence >= PERSON_CONFIDENCE:
            found.append(doc.add(Mention(span.start, span.end, "Person", None, "crf", round(span.confidence, 3), name=name)))
            taken.append((span.start, span.end))
    return found
