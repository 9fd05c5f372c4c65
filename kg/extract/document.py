"""One article prepared for matching: normalised text, sentences, mentions.

``Document.simplified`` is the text the finders read: ``matching_text`` (full-width
folded, lost middle dots restored) converted to simplified script, always the
same length as ``Article.text`` so that every offset found in it indexes the
original.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict ..." lines on every run's stderr

from kg.extract.script import to_simplified
from kg.model import Article
from kg.text import matching_text

_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")


@dataclass
class Mention:
    """A surface form of an entity at one place in the text."""

    start: int
    end: int
    type: str
    kind: str | None
    method: str
    confidence: float = 1.0
    name: str = ""  # the surface as matched (normalised, simplified)
    honors: set[str] = field(default_factory=set)
    canonical: str | None = None  # set when the surface is a short form of a known name
    generic: bool = False  # 该公司 / 开发区 / 峰会: refers back, never names a new entity

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


class Occupancy:
    """Which characters are already covered by mentions: overlap checks in O(length of the span)."""

    def __init__(self, size: int, spans=()) -> None:
        self._covered = bytearray(size + 1)
        for start, end in spans:
            self.mark(start, end)

    def mark(self, start: int, end: int) -> None:
        self._covered[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self._covered.find(1, start, end) >= 0  # searched in C, no slice copied


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


class Document:
    """An article with its matching text and sentence index."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.matching = matching_text(self.text)
        # what the finders match on: the matching text in simplified script, clause punctuation unified
        self.simplified = _clause_punctuation(to_simplified(self.matching))
        self.sentences = list(_split(self.simplified))
        self._sentence_starts = [s.start for s in self.sentences]
        self.mentions: list[Mention] = []
        self._index_state: tuple[int, int] | None = None
        self.tagged: list | None = None  # statistical tagger spans, filled by kg.extract.tagging
        # (first, second) of two numbered events held together (第七届某某交易会暨第三届某某论坛), by find_events
        self.held_together: list[tuple[Mention, Mention]] = []

    def surface(self, start: int, end: int) -> str:
        """The name as written (widths folded), for output."""
        return self.matching[start:end]

    def sentence_at(self, offset: int) -> Sentence:
        return self.sentences[max(0, bisect_right(self._sentence_starts, offset) - 1)]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.simplified[sentence.start : sentence.end]

    def add(self, mention: Mention) -> Mention:
        mention.name = mention.name or self.simplified[mention.start : mention.end]
        self.mentions.append(mention)
        return mention

    def name_occupancy(self) -> Occupancy:
        """The characters mentions other than places cover (a place may sit inside a longer name)."""
        return Occupancy(len(self.simplified), ((m.start, m.end) for m in self.mentions if m.type != "Place"))

    def in_sentence(self, sentence: Sentence, types: tuple[str, ...] | None = None) -> list[Mention]:
        """Mentions starting in the sentence, in text order (indexed once per state of the mention list)."""
        state = (id(self.mentions), len(self.mentions))
        if self._index_state != state:
            self._by_sentence: dict[int, list[Mention]] = {}
            for m in sorted(self.mentions, key=lambda m: m.start):
                self._by_sentence.setdefault(self.sentence_at(m.start).index, []).append(m)
            self._index_state = state
        found = self._by_sentence.get(sentence.index, [])
        return [m for m in found if types is None or m.type in types]


_ASCII_CLAUSE = re.compile(r"(?<!\d)[,;:!?]|[,;:!?](?!\d)")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}


def _clause_punctuation(text: str) -> str:
    """Clause punctuation in one (full-width) form, so cue patterns need one spelling.

    matching_text folds ，；： to ASCII; the finders want them back (same length),
    except between digits (4,860万元, 09:12).
    """
    return _ASCII_CLAUSE.sub(lambda m: _FULL[m.group()], text)


def _split(text: str):
    paragraph = 0
    index = 0
    last_end = 0
    for match in _SENTENCE.finditer(text):
        if "\n" in text[last_end : match.start()] and index:
            paragraph += 1
        last_end = match.end()
        if not match.group().strip():
            continue
        yield Sentence(index, match.start(), match.end(), paragraph)
        index += 1


@lru_cache(maxsize=1)
def _suffix_words() -> None:
    """Teach the segmenter the cue words, so 经开区 or 管委会 is never split across a name edge."""
    from kg.extract.lexicon import EVENT_HEADS, ORG_SUFFIXES, ZONE_SUFFIXES

    for word in (*ORG_SUFFIXES, *ZONE_SUFFIXES, *EVENT_HEADS):
        if len(word) >= 2:
            jieba.add_word(word, freq=20000)


# Tags of jieba's dictionary that mark a proper name, what a proper name starts with: a place's, a person's or trade
# name (and a transliteration's), another proper noun, an abbreviation (琼粤, 兰白, 浦东), an organisation's
PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "j", "nt"})


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Part-of-speech tags of jieba's dictionary words (no tagging pass needed)."""
    jieba.posseg.initialize()
    return jieba.posseg.dt.word_tag_tab


@lru_cache(maxsize=32768)
def tokens(window: str) -> tuple[str, ...]:
    """Dictionary segmentation of a short window (cached: names repeat; 1,000 generated articles ask for
    about 18,500 distinct windows, which 4,096 entries kept evicting)."""
    _suffix_words()
    return tuple(jieba.cut(window, HMM=False))
