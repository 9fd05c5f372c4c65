"""Text repair for matching, without moving a single character.

Loaders keep ``Article.body`` exactly as the source has it, so that evidence
offsets can always be cut back out of the original.  Extraction matches on
``matching_text(article.text)`` instead: a string of the *same length* in
which

- each character whose NFKC form is a single character is replaced by that
  form (full-width ``，：（）Ａ１`` and the ideographic space fold to ASCII);
- a ``?`` or ``？`` standing between two name characters (CJK ideographs or
  Latin letters) is a middle dot lost by an encoding round trip
  (``两山?国际`` -> ``两山·国际``) unless the clause before it asks a question;
- the katakana middle dot (U+30FB, which Python's gb2312 codec produces for
  GBK's ``·``) and its half-width form become U+00B7, and so do other dot
  look-alikes (``•`` ``‧``) when they join two name characters.

Because the length is preserved, an offset into the repaired text is an
offset into the original.  ``repair`` applies only the dot restoration (it
keeps full-width punctuation), for display.

``replace_lone_surrogates`` is the one repair loaders make to the text
itself: a lone surrogate (a JSON ``"\\ud800"`` escape, an undecodable byte of
a file name) is not Unicode text and cannot be written as UTF-8, so it
becomes U+FFFD, one character for one, and offsets stay valid.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MIDDLE_DOT = "\u00b7"
REPLACEMENT_CHARACTER = "\ufffd"
#: A code point in the surrogate range: in a Python str it always stands alone (pairs are decoded to one).
LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Always a middle dot: katakana middle dot and its half-width form.
_ALWAYS_DOT = {"\u30fb", "\uff65"}
# A middle dot only when it joins two name characters.
_JOINING_DOTS = {"\u2022", "\u2027", "\u2219", "\u22c5"}
_QUESTION_MARKS = {"?", "\uff1f"}

# Words that make a clause a real question ("为何…发声?"), so its "?" stays.
_QUESTION_CUES = re.compile(r"吗|呢|为何|如何|何时|何地|何处|何以|何种|什么|怎|哪|谁|是否|多少|难道|岂|可否|能否|有没有|是不是")
# Where the clause a question mark closes begins.
_CLAUSE_END = re.compile(r"[。！!？?；;\n]")


def _is_name_char(ch: str) -> bool:
    """CJK ideograph or Latin letter: the characters a transliterated name is made of."""
    if not ch:
        return False
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F:
        return True
    return ch.isascii() and ch.isalpha()


def _asks_question(text: str, index: int) -> bool:
    """True when the clause ending at ``index`` contains a question word."""
    start = 0
    for match in _CLAUSE_END.finditer(text, 0, index):
        start = match.end()
    return bool(_QUESTION_CUES.search(text, start, index))


# Every character _lost_dot_positions may keep, so one regex scan finds the few places to look at.
_DOT_CANDIDATES = re.compile(
    "[" + "".join(re.escape(ch) for ch in sorted({*_ALWAYS_DOT, *_QUESTION_MARKS, *_JOINING_DOTS})) + "]")


def _lost_dot_positions(text: str) -> list[int]:
    """Positions of characters that stand for a middle dot."""
    positions = []
    for match in _DOT_CANDIDATES.finditer(text):
        i, ch = match.start(), match.group()
        if ch in _ALWAYS_DOT:
            positions.append(i)
            continue
        if ch not in _QUESTION_MARKS and ch not in _JOINING_DOTS:
            continue
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if not (_is_name_char(before) and _is_name_char(after)):
            continue
        if ch in _QUESTION_MARKS and _asks_question(text, i):
            continue
        positions.append(i)
    return positions


def repair(text: str) -> str:
    """Restore lost middle dots; everything else stays as it is (same length)."""
    chars = list(text)
    for i in _lost_dot_positions(text):
        chars[i] = MIDDLE_DOT
    return "".join(chars)


@lru_cache(maxsize=65536)  # texts use a few thousand distinct characters; NFKC per character was the cost
def _fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def matching_text(text: str) -> str:
    """The text extraction matches on: same length as ``text``, dots restored, widths folded."""
    chars = list(map(_fold, text))
    for i in _lost_dot_positions(text):
        chars[i] = MIDDLE_DOT
    return "".join(chars)


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD (same length), and how many were replaced."""
    return LONE_SURROGATE.subn(REPLACEMENT_CHARACTER, text)


# Some mirror sites print a reading after every character they convert (產(chǎn)業(yè)): a pinyin syllable with its tone
# mark, in parentheses right after a Han character.  It is markup of the converter, not text: it splits names.
PINYIN_GLOSS = re.compile("(?<=[\u4e00-\u9fff])[(\uff08][a-z\u00fc]*[\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8"
                          "\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc][a-z\u00fc]*[)\uff09]")


def strip_pinyin_glosses(text: str) -> tuple[str, int]:
    """``text`` without the pinyin readings a converter put after its characters, and how many were removed."""
    return PINYIN_GLOSS.subn("", text)
