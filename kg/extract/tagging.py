"""Recall from the statistical tagger (kg.extract.tagger), gated.

The tagger runs only on sentences where a cue expects a name that no finder
found (a title with no name after it, 表示 / 说 with no name before it), and a
CLUENER ``name`` span becomes a Person only when it sits at such a cue and has
a plausible form (surname + given name, or a transliterated name) and is not
a place.  So the tagger adds the names the title rules cannot read (a rare
surname, an unusual given name), never chrome, and costs little time.
"""

from __future__ import annotations

import os
from functools import lru_cache

from kg.extract.document import Document, Mention
from kg.extract.lexicon import SURNAMES
from kg.extract.people import TRANSLIT, is_plausible_name, titles
from kg.extract.places import best_candidate

#: KG_TAGGER=off disables the tagger (used by the benchmark to measure its share).
ENABLED = os.environ.get("KG_TAGGER", "on") != "off"


@lru_cache(maxsize=1)
def _tagger():
    try:
        from kg.extract.tagger import default_tagger

        return default_tagger()
    except (ImportError, OSError, FileNotFoundError):
        return None


_SPEECH = ("表示", "说", "介绍", "指出", "认为", "强调", "透露", "致辞")


def _cue_positions(text: str) -> list[int]:
    """Where an unread name may stand: after a title followed by a surname, or before a speech
    word preceded by a surname two or three characters earlier."""
    positions = []
    for title in titles():
        start = text.find(title)
        while start >= 0:
            after = start + len(title)
            if after < len(text) and (text[after] in SURNAMES or text[after] in TRANSLIT):
                positions.append(after)
            start = text.find(title, start + 1)
    for word in _SPEECH:
        start = text.find(word)
        while start >= 0:
            if any(start - n >= 0 and text[start - n] in SURNAMES for n in (2, 3)):
                positions.append(start)
            start = text.find(word, start + 1)
    return positions


def add_tagged(doc: Document) -> list[Mention]:
    """Tagger names where a cue expects a name and no finder found one (the tagger runs on those sentences only)."""
    tagger = _tagger() if ENABLED else None
    if tagger is None:
        return []
    found = []
    taken = [(m.start, m.end) for m in doc.mentions]
    for sentence in doc.sentences:
        text = doc.st[sentence.start : sentence.end]
        open_cues = [sentence.start + p for p in _cue_positions(text)
                     if not any(s - 1 <= sentence.start + p <= e + 1 for s, e in taken)]
        if not open_cues:
            continue
        for span in tagger.tag_sentence(text):
            start, end = sentence.start + span.start, sentence.start + span.end
            if span.label != "name" or not any(abs(start - c) <= 1 or abs(end - c) <= 1 for c in open_cues):
                continue
            name = doc.st[start:end]
            if not is_plausible_name(name) or best_candidate(name) is not None:
                continue  # 安吉 is a county before it is anybody's name
            if any(s < end and start < e for s, e in taken):
                continue
            found.append(doc.add(Mention(start, end, "Person", None, "crf", round(span.confidence, 3), name=name)))
            taken.append((start, end))
    return found
