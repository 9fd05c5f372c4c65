"""Character-level CRF tagger for names and organisations the cue patterns miss.

The model is a linear-chain CRF (python-crfsuite) over characters with BIOES
labels for the ten CLUENER2020 classes; it is trained by
``scripts/train_tagger.py`` on the CLUENER2020 training split (see
``kg/extract/models/MODEL_CARD.md`` for source, terms and held-out scores).

Usage::

    from kg.extract.tagger import default_tagger
    for span in default_tagger().tag(article.text):
        article.text[span.start:span.end], span.label, span.confidence

Offsets index the text given to ``tag`` (end exclusive).  Long texts are cut
into sentences internally; the features read a length-preserving normalised
form (full-width -> half-width), so offsets need no mapping back.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import jieba
import pycrfsuite

MODEL_PATH = Path(__file__).resolve().parent / "models" / "cluener_char_crf.crfsuite"
# The screening model: same data, ±1 character window only (screen_features), four classes.
SCREEN_PATH = MODEL_PATH.with_suffix(".screen.crfsuite")

# Every CLUENER2020 class is kept: the tagger needs book/game/movie/scene to
# tell a novel or a park apart from a company; callers pick the classes they use.
LABELS = ("name", "company", "organization", "government", "position", "address", "book", "game", "movie", "scene")

# A sentence ends after one of these (full-width forms normalise to the ASCII ones).
_SENTENCE_END = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;\n]+|$)")

# Cue words (general Chinese morphology, not names): a cue that ends an
# organisation or place name, and titles that sit right before or after a person's name.
SUFFIX_CUES: dict[str, tuple[str, ...]] = {
    "co": ("公司", "集团", "银行", "资本", "基金", "控股", "股份", "科技", "证券", "保险", "网", "报", "电视台", "传媒", "有限"),
    "edu": ("大学", "学院", "研究院", "研究所", "研究中心", "实验室", "医院", "中学", "小学", "学校", "科学院", "工程院"),
    "gov": ("政府", "委员会", "管委会", "人大", "政协", "部", "局", "厅", "署", "办公室", "法院", "检察院", "公安", "海关", "军"),
    "org": ("协会", "学会", "联合会", "商会", "基金会", "俱乐部", "队", "联盟", "组织", "乐队", "中心", "党"),
    "loc": ("省", "市", "县", "区", "镇", "乡", "村", "路", "街", "道", "号", "大道", "广场", "大厦", "园", "开发区", "高新区"),
}
TITLE_CUES = (
    "院士", "教授", "博士", "先生", "女士", "主席", "总裁", "董事长", "总经理", "经理", "主任", "书记", "部长", "局长",
    "市长", "省长", "县长", "校长", "院长", "所长", "秘书长", "总监", "副总", "记者", "总统", "总理", "首相", "大使",
    "导演", "演员", "教练", "球员", "队长", "创始人", "负责人", "发言人", "分析师", "研究员", "工程师", "得主", "获得者",
)
_SUFFIX_CLASS = {w: cls for cls, words in SUFFIX_CUES.items() for w in words}
_TITLES = frozenset(TITLE_CUES)


@dataclass(frozen=True)
class TaggedSpan:
    """One entity mention found by the tagger; ``end`` is exclusive."""

    start: int
    end: int
    label: str  # a CLUENER class, see LABELS
    confidence: float  # mean per-character marginal probability of the span's labels


def matching_char(ch: str) -> str:
    """Full-width -> half-width and similar compatibility folds, only when one char stays one char."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def normalise(text: str) -> str:
    """Length-preserving normal form the features read (offsets stay valid)."""
    try:
        from kg.text import matching_text  # the loaders' shared normaliser, when present
    except ImportError:
        return "".join(matching_char(ch) for ch in text)
    folded = matching_text(text)
    return folded if len(folded) == len(text) else "".join(matching_char(ch) for ch in text)


def split_sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pairs: a sentence keeps its closing punctuation but not the
    whitespace around it (indents, line breaks), which the training sentences never had."""
    for match in _SENTENCE_END.finditer(text):
        stripped = match.group().strip()
        if stripped:
            yield match.start() + match.group().index(stripped), stripped


@functools.lru_cache(maxsize=1)
def name_initials() -> frozenset[str]:
    """Characters that often begin a person's name, read from jieba's dictionary.

    jieba's dictionary tags person names ``nr``; a character that starts at
    least 40 of its two- and three-character ``nr`` entries is a common surname
    (王 李 张 …) or a common first syllable of a transliterated name (阿 斯 …).
    """
    counts: Counter[str] = Counter()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as lines:
        for line in lines:
            word, _freq, tag = line.split()
            if tag == "nr" and len(word) in (2, 3):
                counts[word[0]] += 1
    return frozenset(ch for ch, n in counts.items() if n >= 40)


@functools.lru_cache(maxsize=8192)
def char_type(ch: str) -> str:
    if ch == "^" or ch == "$":
        return ch
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "cjk"
    if ch.isdigit():
        return "dig"
    if ch.isascii() and ch.isalpha():
        return "LAT" if ch.isupper() else "lat"
    if ch.isspace():
        return "sp"
    return "pun" if unicodedata.category(ch).startswith(("P", "S")) else "oth"


def word_positions(sentence: str) -> list[str]:
    """jieba's segmentation as one B/M/E/S letter per character."""
    tags: list[str] = []
    for word in jieba.cut(sentence, HMM=True):
        tags.extend("S" if len(word) == 1 else "B" + "M" * (len(word) - 2) + "E")
    return tags


@functools.lru_cache(maxsize=1)
def _cue_automaton():
    """Every suffix and title cue in one Aho-Corasick automaton: match -> (length, suffix class, is a title)."""
    automaton = ahocorasick.Automaton()
    for word in {*_SUFFIX_CLASS, *_TITLES}:
        automaton.add_word(word, (len(word), _SUFFIX_CLASS.get(word, ""), word in _TITLES))
    automaton.make_automaton()
    return automaton


def cue_marks(sentence: str) -> tuple[list[str], list[str], list[bool], list[bool]]:
    """Per char: suffix-cue class ending here, starting here; title ending here, starting here.

    Where cues overlap, the longest cue starting at a char and the shortest cue
    ending at it give the class (the marks the model was trained with).
    """
    n = len(sentence)
    suffix_end, suffix_start = [""] * n, [""] * n
    title_end, title_start = [False] * n, [False] * n
    start_length, end_length = [0] * n, [0] * n
    for last, (k, cls, is_title) in _cue_automaton().iter(sentence):
        i = last - k + 1
        if cls:
            if k > start_length[i]:
                suffix_start[i], start_length[i] = cls, k
            if not end_length[last] or k < end_length[last]:
                suffix_end[last], end_length[last] = cls, k
        if is_title:
            title_start[i], title_end[last] = True, True
    return suffix_end, suffix_start, title_end, title_start


def sentence_features(sentence: str) -> list[list[str]]:
    """CRF attributes for each character of one (normalised) sentence.

    Built column by column (one comprehension per template), about twice as
    fast as indexing per character; with the CRF itself, this is where the
    tagger spends its time.
    """
    n = len(sentence)
    padded = "^^" + sentence + "$$"
    cm2, cm1, c0, cp1, cp2 = (padded[k : k + n] for k in range(5))
    types = [char_type(ch) for ch in padded]
    bmes = ["", *word_positions(sentence), ""]
    rows = [
        list(row)
        for row in zip(
            ["b"] * n,
            ["c0=" + a for a in c0], ["c-1=" + a for a in cm1], ["c+1=" + a for a in cp1],
            ["c-2=" + a for a in cm2], ["c+2=" + a for a in cp2],
            ["c-1c0=" + a + b for a, b in zip(cm1, c0)], ["c0c+1=" + a + b for a, b in zip(c0, cp1)],
            ["c-2c-1=" + a + b for a, b in zip(cm2, cm1)], ["c+1c+2=" + a + b for a, b in zip(cp1, cp2)],
            ["c-1c0c+1=" + padded[p - 1 : p + 2] for p in range(2, n + 2)],
            ["t0=" + t for t in types[2 : n + 2]],
            ["t-1t0t+1=" + "|".join(types[p - 1 : p + 2]) for p in range(2, n + 2)],
            ["w=" + w for w in bmes[1 : n + 1]],
            ["w-1w0w+1=" + "".join(bmes[p - 1 : p + 2]) for p in range(1, n + 1)],
        )
    ]
    initials = name_initials()
    suffix_end, suffix_start, title_end, title_start = cue_marks(sentence)
    next_suffix = n + 99  # position of the nearest suffix cue starting after i
    for i in range(n - 1, -1, -1):
        row = rows[i]
        if padded[i + 2] in initials:
            row.append("init0")
        if padded[i + 1] in initials:
            row.append("init-1")
        # a suffix cue starting 1..8 chars ahead: the char is probably inside the name it closes
        if next_suffix - i <= 8:
            row.append(f"sfx+{min(next_suffix - i, 4)}={suffix_start[next_suffix]}")
        if suffix_end[i]:
            row.append("sfxend=" + suffix_end[i])
        if suffix_start[i]:
            row.append("sfxstart=" + suffix_start[i])
            next_suffix = i
        for d in (1, 2, 3, 4):
            if i + d < n and title_start[i + d]:
                row.append(f"title+{d}")
            if i - d >= 0 and title_end[i - d]:
                row.append(f"title-{d}")
        if title_start[i] or title_end[i]:
            row.append("title0")
    return rows


def screen_features(sentence: str) -> list[list[str]]:
    """The screening model's attributes: characters and bigrams in a ±1 window, nothing else.

    About a third of ``sentence_features``' strings and no jieba pass: cheap enough to run on
    every sentence and tell which ones may hold a name or an organisation (see ``CharTagger``).
    """
    padded = "^" + sentence + "$"
    cm1, c0, cp1 = padded[:-2], padded[1:-1], padded[2:]
    return [
        ["b", "c0=" + b, "c-1=" + a, "c+1=" + c, "c-1c0=" + a + b, "c0c+1=" + b + c]
        for a, b, c in zip(cm1, c0, cp1)
    ]


def char_labels(length: int, spans: Iterable[tuple[int, int, str]], scheme: str = "bioes") -> list[str]:
    """One label per character, BIOES or BIO."""
    labels = ["O"] * length
    for start, end, cls in sorted(spans):
        if any(labels[i] != "O" for i in range(start, end)):
            continue  # overlapping annotation: keep the first
        labels[start : end] = ["B-" + cls] + ["I-" + cls] * (end - start - 1)
        if scheme == "bioes":
            labels[start] = "S-" + cls if end - start == 1 else "B-" + cls
            if end - start > 1:
                labels[end - 1] = "E-" + cls
    return labels


def spans_from_labels(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end-exclusive, class) for each well-formed run B/I*/E or S (BIOES); stray I/E open a span too."""
    spans: list[tuple[int, int, str]] = []
    start, current = -1, ""
    for i, tag in enumerate([*labels, "O"]):
        prefix, _, cls = tag.partition("-")
        if current and (prefix in ("B", "S", "O") or cls != current):
            spans.append((start, i, current))
            current = ""
        if prefix in ("B", "S") or (prefix in ("I", "E") and not current):
            start, current = i, cls
        if prefix in ("E", "S") and current:
            spans.append((start, i + 1, current))
            current = ""
    return spans


class CharTagger:
    """A trained character CRF; ``tag`` returns entity spans with confidences."""

    def __init__(self, model_path: Path, features: Callable[[str], list[list[str]]] | None = None) -> None:
        if not model_path.is_file():
            raise FileNotFoundError(f"{model_path}: no tagger model (run scripts/train_tagger.py)")
        self.model_path = model_path
        self._features = features or sentence_features  # a training ablation passes a filtered variant
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    @classmethod
    def load(cls, model_path: Path | None = None) -> "CharTagger":
        return cls(model_path or MODEL_PATH)

    def tag_sentence(self, sentence: str, classes: Collection[str] = LABELS) -> list[TaggedSpan]:
        """Spans of the given ``classes`` in one sentence (no splitting); offsets index ``sentence``.

        A caller that uses a few classes names them: each span's confidence costs one
        forward-backward marginal per character, and most tagged characters belong to
        classes a caller ignores (positions, addresses).
        """
        if not sentence.strip():
            return []
        labels = self._tagger.tag(self._features(normalise(sentence)))
        found = []
        for start, end, cls in spans_from_labels(labels):
            if cls not in classes:
                continue
            marginals = [self._tagger.marginal(labels[i], i) for i in range(start, end)]
            found.append(TaggedSpan(start, end, cls, round(sum(marginals) / len(marginals), 4)))
        return found

    def may_tag(self, sentence: str, positions: Collection[int], chance: float) -> bool:
        """Whether, at any of ``positions``, the probability that the character belongs to some
        entity (1 - marginal of O) reaches ``chance``; no Viterbi pass, marginals only."""
        if not positions or not sentence.strip():
            return False
        self._tagger.set(self._features(normalise(sentence)))
        below = 1.0 - chance
        return any(self._tagger.marginal("O", i) <= below for i in positions)

    def tag(self, text: str) -> list[TaggedSpan]:
        """Spans in a text of any length, sentence by sentence; offsets index ``text``."""
        spans = []
        for offset, sentence in split_sentences(text):
            for span in self.tag_sentence(sentence):
                spans.append(TaggedSpan(span.start + offset, span.end + offset, span.label, span.confidence))
        return spans


@functools.lru_cache(maxsize=1)
def default_tagger() -> CharTagger:
    """The shipped model, loaded once per process."""
    return CharTagger.load()


@functools.lru_cache(maxsize=1)
def default_screen() -> CharTagger:
    """The shipped screening model (``screen_features``), loaded once per process."""
    return CharTagger(SCREEN_PATH, features=screen_features)
