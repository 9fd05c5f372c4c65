"""Where a name begins: walking left from a suffix or head word.

A name ends at a cue (有限公司, 开发区, 论坛 …); its left edge is found by
segmenting the run of name characters before the cue and walking back over
words until a function word, a news verb, a number or punctuation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.document import tokens, word_tags
from kg.extract.lexicon import EXAMPLE_WORDS, FUNCTION_CHARS, MEASURE_CHARS, STOP_POS, STOP_TOKENS, WEAK_FUNCTION_CHARS

MAX_NAME = 24


def is_name_char(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or (ch.isascii() and ch.isalnum()) or ch in "·()&+-"


def run_start(text: str, end: int, max_len: int = MAX_NAME, extra: str = "") -> int:
    """Start of the run of name characters ending at ``end`` (balanced parentheses only)."""
    i = end
    depth = 0
    while i > 0 and end - i < max_len:
        ch = text[i - 1]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                break
            depth -= 1
        elif not (is_name_char(ch) or ch in extra):
            break
        i -= 1
    while depth and i < end:  # an unclosed ')' inside: cut at it
        j = text.find(")", i, end)
        if j < 0:
            break
        i = j + 1
        depth -= 1
    return i


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Role titles that can stand between a place or body and a name (the broad honours such as 院士 excluded)."""
    from kg.extract.names import titles

    return frozenset(t for t in titles() if t not in ("院士", "教授", "研究员", "专家", "学者", "代表", "委员", "理事"))


def is_stop(token: str) -> bool:
    if token in STOP_TOKENS or len(token) >= 2 and token in title_words():
        return True  # a title never sits inside an organisation's name (证监会副主席姚刚和…)
    if len(token) == 1 and token in FUNCTION_CHARS:
        return True
    if token.isdigit() or "届" in token:
        return True  # 第十届某某省人大常委会: a body's term (an edition) is no part of its name
    if len(token) == 1:
        # single characters of unknown words (智擎, 楚天) carry misleading dictionary tags
        return not is_name_char(token) or token in MEASURE_CHARS
    if token[-1] in "在于" or word_tags().get(token) == "t" and any(ch in token for ch in "年月日期"):
        return True  # 放在, 位于; 今年以来
    return word_tags().get(token) in STOP_POS


def left_edge(text: str, end: int, max_len: int = MAX_NAME, extra: str = "", joiners: str = "") -> int:
    """Leftmost start of a name whose last character is at ``end - 1``."""
    start = run_start(text, end, max_len, extra)
    window = text[start:end]
    if not window:
        return end
    edge = end
    parts = tokens(window)
    for index in range(len(parts) - 1, -1, -1):
        token = parts[index]
        if extra and all(ch in extra for ch in token) and index > 0:
            edge -= len(token)  # “生物医药与医疗器械”特色产业集群: quotes inside the name
            continue
        if token in joiners and index > 0 and not is_stop(parts[index - 1]) and not _ends_a_name(parts[index - 1]):
            edge -= len(token)  # 生物医药及高端医疗器械集群: a joiner between two fields
            continue
        if token == "我":  # 我区, 我市: the speaker's own district, never the start of a name
            if index + 1 < len(parts) and parts[index + 1] in ("区", "市", "省", "县", "镇"):
                edge += 1
            break
        # 、亿航某某有限公司, 。万科: a measure character right after punctuation begins a trade name (after a number it
        # is a measure: 100亿元 keeps its digits in the run, so it is never first there)
        # (、百年某某基金, ，亿年光学: a round number of years right after punctuation is a trade name's first word)
        opens_run = index == 0 and (token in MEASURE_CHARS or token in _AGE_WORDS) and (start == 0 or not is_name_char(text[start - 1]))
        if token == "全国" and index == 0 and national_body(text, start, end):
            edge -= len(token)  # 、全国某某商会联盟主席: a national association's name opens with 全国
            break
        if is_stop(token) and not opens_run and not _inside_unknown_word(parts, index) and not _starts_unknown_word(parts, index) \
                and not _numbered_unit(parts, index) and not _uncounted_measure(parts, index, text[start - 1 : start]):
            break
        if _introduces_example(parts, index):
            break  # 如深圳某某科技公司, 即中科某某基金: the word that introduces an example is no part of its name
        if _function_char_then_place(token):
            edge -= len(token) - 1  # 从金华 / 到滨海: the segmenter glued a preposition to the place that starts the name
            break
        if token == "假" and text[edge - 2 : edge - 1] in ("日", "）", ")"):
            break  # 今日假某科学园举行: 假 after a day is 在 (Hong Kong and Taiwan usage), no part of the name
        edge -= len(token)
    return edge


#: What a list item or a clause opens after; and the heads of the associations a 全国 opens (全国某某商会联盟).
_CLAUSE_OPENERS = frozenset("、，,。；;：:\n")
_NATIONAL_BODY_HEADS = ("联盟", "商会", "协会", "学会", "研究会", "联合会", "促进会", "联谊会", "总会")


def national_body(text: str, start: int, end: int) -> bool:
    """全国 opening a list item or a clause, and an association's head ending the name: 全国 is part of the name."""
    return text.startswith("全国", start) and (start == 0 or text[start - 1] in _CLAUSE_OPENERS) \
        and text[start:end].endswith(_NATIONAL_BODY_HEADS)


#: The units a group numbers (某铁二十局, 某建三局, 某集团第七研究所): the number is part of the unit's name.
_NUMBERED_UNITS = frozenset({"局", "公局", "所", "院", "厂", "研究所", "研究院"})
_NUMERAL = re.compile(r"[一二三四五六七八九十百零\d]+")


def _numbered_unit(parts: tuple[str, ...], index: int) -> bool:
    """A numeral between a group's name and the unit it numbers (某铁/二十/局): no number ends the name there
    (after a place it counts: 香港/8/所/大学)."""
    return 0 < index < len(parts) - 1 and bool(_NUMERAL.fullmatch(parts[index])) and parts[index + 1] in _NUMBERED_UNITS \
        and not is_stop(parts[index - 1]) and is_name_char(parts[index - 1][-1]) and word_tags().get(parts[index - 1]) != "ns"


def _uncounted_measure(parts: tuple[str, ...], index: int, before_run: str) -> bool:
    """A two-character word the dictionary calls a measure (立元, 会元) with no number before it: a measure
    follows a count (30公里), so without one the word is a name's (包括立元集团)."""
    token = parts[index]
    if len(token) < 2 or word_tags().get(token) != "q":
        return False
    left = parts[index - 1] if index else before_run
    return not (left[-1:].isdigit() or left[-1:] in "一二三四五六七八九十百千万亿两几多余数每")


#: Round numbers of years (百年, 千年) that open trade names; elsewhere a numeral word ends a name.
_AGE_WORDS = frozenset({"百年", "千年", "万年", "亿年"})


def _introduces_example(parts: tuple[str, ...], index: int) -> bool:
    """如 / 即 alone before a place's name (如/深圳…), unless the word and what follows make a place themselves
    (如/东海…: 如东, a county)."""
    from kg.extract.places import best_candidate

    token = parts[index]
    if token not in EXAMPLE_WORDS or index + 1 >= len(parts) or word_tags().get(parts[index + 1]) != "ns":
        return False
    following = parts[index + 1]
    return not any(best_candidate(token + following[:k]) for k in range(1, len(following) + 1))


def _function_char_then_place(token: str) -> bool:
    from kg.extract.places import best_candidate

    return len(token) >= 3 and token[0] in FUNCTION_CHARS and best_candidate(token[1:]) is not None


def _ends_a_name(token: str) -> bool:
    """公司与…, 大学与…: a joiner after a complete organisation name separates two names."""
    from kg.extract.lexicon import CLUSTER_HEADS, FUND_HEADS, ORG_SUFFIXES, ZONE_SUFFIXES

    # 凤鸣母基金和专项子基金: a fund or cluster before the joiner is a name of its own too
    return token.endswith((*ORG_SUFFIXES, *ZONE_SUFFIXES, *FUND_HEADS, *CLUSTER_HEADS))


def _inside_unknown_word(parts: tuple[str, ...], index: int) -> bool:
    """鸢/都, 苏州/元/启: a lone character after another lone character belongs to an unknown name.

    Weak function characters (都, 同) and measure words (元, 台) qualify; 元 after a
    number (100亿元) is a measure and ends the name.
    """
    token = parts[index]
    if len(token) != 1 or index == 0:
        return False
    left = parts[index - 1]
    if token in MEASURE_CHARS:
        return not (left[-1:].isdigit() or left[-1:] in "一二三四五六七八九十百千万亿两几多余")
    if token not in WEAK_FUNCTION_CHARS:
        return False
    return len(left) == 1 and is_name_char(left) and left not in FUNCTION_CHARS and not left.isdigit()


def _starts_unknown_word(parts: tuple[str, ...], index: int) -> bool:
    """上海/和/誉: a function character between a place and a lone character begins a trade name; so does
    和 after a place and a lone character (河北/三/和/重工)."""
    from kg.extract.places import best_candidate

    token = parts[index]
    if len(token) != 1 or token not in FUNCTION_CHARS or token == "的" or index + 1 >= len(parts):
        return False  # 的 after a place is the possessive (石狮市的凤鸣工业区), never inside a trade name
    right = parts[index + 1]
    left = parts[index - 1] if index else ""
    if token == "和" and len(left) == 1 and is_name_char(left) and left not in FUNCTION_CHARS and index > 1 \
            and best_candidate(parts[index - 2]) is not None:
        return True  # 河北/三/和/重工装备: a place, then a trade name 三和 the segmenter split at 和
    if not (len(right) == 1 and is_name_char(right) and right not in FUNCTION_CHARS):
        return False
    # 安庆市/对/凤鸣…: a place written with its level is a clause's place, a preposition after it (a trade name
    # follows the bare place: 上海和誉); 银川/各/大…: 各 is a determiner (other weak characters open trade names: 某地经投)
    if left[-1:] in _LEVEL_ENDINGS and len(left) >= 3 or token == "各":
        return False
    return index > 0 and best_candidate(left) is not None


#: The last character of a place written with its level (安庆市, 江西省, 青溪县).
_LEVEL_ENDINGS = frozenset("省市县区州盟旗")


def right_edge(text: str, start: int, end: int) -> int:
    """End of the name that begins at ``start`` within ``text[start:end]``: cut at the first stop word."""
    edge = start
    for token in tokens(text[start:end]):
        if is_stop(token):
            break
        edge += len(token)
    return edge
