"""Huge articles are read in paragraph-sized windows, so extraction cost stays linear in the text's length.

Several finders compare each mention or candidate with every other one in the article, which is fine for
news (a few thousand characters) and quadratic for a 1 MB dump.  An article whose text is longer than
``WINDOW_CHARS`` is cut into windows that end at a paragraph break (else a sentence end, else a hard cut),
each window is extracted as an article of its own, and the windows' entities and relations are merged back
with their offsets moved into the whole text.  What a window loses is cross-window resolution inside the
article (a short form whose full name is in another window); the entities of one name still merge here and
across articles in ``kg.resolve``.  Articles up to ``WINDOW_CHARS`` are extracted whole, as before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

from kg.model import Article, Entity, Extraction, Provenance, Relation

#: Longer than any news article seen (the corpus's longest is under 9,000 characters).
WINDOW_CHARS = 20_000
_PARAGRAPH_BREAK = "\n\n"
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def _cut(text: str, start: int) -> int:
    """Where the window starting at ``start`` ends: after the last paragraph break in reach, else the last
    sentence end, else at ``WINDOW_CHARS``; never in the first half, so windows stay large."""
    limit = start + WINDOW_CHARS
    if limit >= len(text):
        return len(text)
    floor = start + WINDOW_CHARS // 2
    brk = text.rfind(_PARAGRAPH_BREAK, floor, limit)
    if brk >= 0:
        return brk + len(_PARAGRAPH_BREAK)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(floor, limit - 2000), limit)]
    return ends[-1] if ends else limit


def windows(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each window of ``text``; they tile it exactly."""
    start = 0
    while start < len(text):
        end = _cut(text, start)
        yield start, end
        start = end


def _moved(records: list[Provenance], offset: int) -> list[Provenance]:
    # Metadata provenance (来源, 发布开发区) has offsets 0, 0 by convention: it is not in the text.
    return [p if p.end == 0 else dataclasses.replace(p, start=p.start + offset, end=p.end + offset) for p in records]


def extract_in_windows(article: Article, extract: Callable[[Article], Extraction]) -> Extraction:
    """``extract`` run on each window of the article, merged into one Extraction of the whole article."""
    text = article.text
    entities: dict[str, Entity] = {}
    relations: dict[tuple, Relation] = {}
    for start, end in windows(text):
        part = extract(dataclasses.replace(article, title="", body=(text[start:end],)))
        for e in part.entities:
            merged = entities.setdefault(e.id, dataclasses.replace(e, aliases=set(), honors=set(), attributes={},
                                                                   provenance=[]))
            merged.aliases |= e.aliases
            merged.honors |= e.honors
            for key, value in e.attributes.items():
                merged.attributes.setdefault(key, value)  # the first window stating it keeps it
            merged.provenance += _moved(e.provenance, start)
        for r in part.relations:
            merged = relations.setdefault(r.key, dataclasses.replace(r, attributes={}, provenance=[]))
            for key, value in r.attributes.items():
                merged.attributes.setdefault(key, value)
            merged.provenance += _moved(r.provenance, start)
    for record in (*entities.values(), *relations.values()):
        record.provenance = list(dict.fromkeys(record.provenance))  # metadata provenance comes with every window
    for e in entities.values():
        e.aliases.discard(e.name)
    return Extraction(article=article, entities=list(entities.values()), relations=list(relations.values()))
