"""Reading a person's name: Chinese names (surname + one or two characters, the
third decided by what follows: 表示, 在, 等, a title …), transliterated names
(X·Y, or transliteration characters before a post-name word), and the titles
and forms of address that make a surname a reference (李院士, 王总) instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import ahocorasick

from kg.extract.automaton import build
from kg.extract.automaton import occurrences as occurrences_by_word
from kg.extract.document import word_tags
from kg.extract.gazetteers import nobel_laureates, role_titles
from kg.extract.lexicon import (BASE_TITLES, COMPOUND_SURNAMES, EVENT_HEADS, HONORIFICS, ORG_SUFFIXES, POST_NAME_WORDS,
                                SURNAMES, ZONE_SUFFIXES)

# Characters of transliterated foreign names: the common phonetic transcription
# characters of Xinhua's 外国人名译名 table (with the usual female-name characters),
# plus every character of the multi-part (X·Y) names in the Nobel laureate gazetteer,
# so the set grows with reference data rather than with names seen in articles.
_PHONETIC_TABLE = (
    "阿埃艾爱安昂奥巴邦贝本比彼宾波伯博布查达戴丹道德迪蒂丁东杜多厄恩法菲费芬丰弗福夫盖甘冈戈格根古瓜哈海汉豪赫亨洪胡"
    "华霍基吉加贾杰金卡凯坎康科克肯库夸奎拉莱赖兰朗劳勒雷里利列林琳隆卢鲁路伦罗洛吕马迈麦曼芒梅门蒙米明莫姆穆纳"
    "奈南内尼涅宁纽努诺欧帕潘佩彭皮平珀普齐奇契恰乔切琼丘萨塞桑瑟森沙莎尚舍什施舒斯松苏索塔泰坦汤唐特提图托瓦万"
    "威韦维温沃乌西希谢辛休徐雅亚扬耶伊因尤于约泽扎詹兹佐"
    "娜丽娅莉露玛妮琪蕾黛娃"
)


def _laureate_characters() -> set[str]:
    try:
        laureates = nobel_laureates()
    except (FileNotFoundError, OSError):
        return set()
    return {ch for l in laureates for name in l.chinese_names if "·" in name for ch in name if "\u4e00" <= ch <= "\u9fff"}


TRANSLIT = frozenset(_PHONETIC_TABLE) | frozenset(_laureate_characters())
DOT_NAME = re.compile(r"[\u4e00-\u9fff]{1,7}(?:·[\u4e00-\u9fff]{1,9}){1,3}")


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Titles longest first (base vocabulary plus the role-title gazetteer)."""
    try:
        extra = [t.title for t in role_titles()]
    except (FileNotFoundError, OSError):
        extra = []
    # 管委会主任, 实验室主任: the organisation word belongs to the organisation's name, not the title
    from kg.extract.lexicon import ORG_SUFFIXES, ZONE_SUFFIXES

    # 东莞市委书记: the party committee (市委, 区委 …) is the organisation the title is held at
    heads = (*ORG_SUFFIXES, *ZONE_SUFFIXES, "中心", "学部", "系", "人大", "政协", "街道办", "学术委员会",
             "省委", "市委", "区委", "县委", "州委")
    # bylines (记者, 通讯员, 编辑) are not content: a name after them is no entity of the article
    byline = ("记者", "通讯员", "编辑", "主编", "总编辑", "副总编辑", "摄影", "实习生", "主持人")
    # …but 厅长, 局长 are the head of the 厅 / 局 named before them (安徽省商务厅厅长)
    extra = [t for t in extra if (not t.startswith(heads) or len(t) == 2 and t.endswith("长")) and t not in byline]
    return tuple(sorted({*BASE_TITLES, *extra}, key=len, reverse=True))


@lru_cache(maxsize=1)
def title_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, titles())))


@lru_cache(maxsize=1)
def laureate_forms() -> dict[str, str]:
    """Every Chinese full form and short form of a laureate -> the usual full form."""
    forms: dict[str, str] = {}
    try:
        laureates = nobel_laureates()
    except (FileNotFoundError, OSError):
        return forms
    for laureate in laureates:
        if not laureate.chinese_names:
            continue
        main = laureate.chinese_names[0]
        for form in laureate.chinese_names:
            forms[form] = main
        for short in laureate.short_forms:
            forms.setdefault("~" + short, main)
    return forms


def occurrences(text: str, word: str) -> Iterator[int]:
    """Start offsets of every occurrence of ``word`` (no regex compiled per word)."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + len(word))


def dotted_names(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of transliterated names (X·Y), trimmed to transliteration characters."""
    for match in DOT_NAME.finditer(text, start, len(text) if end is None else end):
        span = trim_dotted(text, match.start(), match.end())
        if span:
            yield span


def trim_dotted(text: str, start: int, end: int) -> tuple[int, int] | None:
    """请到格雷格·塞门扎所言 -> 格雷格·塞门扎: transliteration characters around the dots only."""
    name = text[start:end]
    parts = name.split("·")
    first, last = parts[0], parts[-1]
    left = len(first)
    while left > 0 and first[left - 1] in TRANSLIT:
        left -= 1
    for title in title_re().finditer(first, max(0, left - 8)):  # 外籍院士瓦列里·邦杜: the name starts after the title
        if len(title.group()) >= 2 and left < title.end() < len(first):
            left = title.end()
    right = 0
    while right < len(last) and last[right] in TRANSLIT and not (right >= 2 and ends_name(last, right)):
        right += 1
    if left == len(first) or right == 0:
        return None
    return start + left, end - (len(last) - right)


@lru_cache(maxsize=1)
def undotted_laureates() -> tuple[str, ...]:
    """Laureates written without a middle dot (Chinese names): matched by plain search."""
    return tuple(form for form in laureate_forms() if not form.startswith("~") and "·" not in form and len(form) >= 2)


@lru_cache(maxsize=1)
def _undotted_automaton():
    return build(undotted_laureates())


def undotted_laureate_occurrences(text: str) -> list[tuple[int, str]]:
    """(start, form) of every laureate written without a middle dot, in one pass over the text."""
    return occurrences_by_word(_undotted_automaton(), text)


@lru_cache(maxsize=1)
def _short_form_order() -> tuple[dict[str, int], ahocorasick.Automaton]:
    """Laureate short forms in gazetteer order, and an automaton over them."""
    order = {key[1:]: index for index, key in enumerate(laureate_forms()) if key.startswith("~")}
    return order, build(order)


def laureate_short_forms_in(text: str) -> list[str]:
    """The laureate short forms occurring in the text, in gazetteer order."""
    order, automaton = _short_form_order()
    present = {word for _, word in automaton.iter(text)} if len(automaton) else set()
    return sorted(present, key=order.__getitem__)


def read_name(text: str, i: int) -> int | None:
    """End of a person's name starting at ``i``, None when none starts there."""
    dot = DOT_NAME.match(text, i)
    if dot:
        span = trim_dotted(text, dot.start(), dot.end())
        if span and span[0] == i:
            return span[1]
    foreign = _foreign_name_end(text, i)
    surname = next((s for s in COMPOUND_SURNAMES if text.startswith(s, i)), None)
    if surname is None:
        if i >= len(text) or text[i] not in SURNAMES:
            return foreign
        surname = text[i]
    j = i + len(surname)
    if text.startswith(_VERBS_AFTER_NAME, j):
        return foreign  # 研究员胡表示: a surname alone, then what the person said (a name the page lost)
    given = 0
    while given < 2 and j + given < len(text) and "\u4e00" <= text[j + given] <= "\u9fff":
        if given == 1 and (ends_name(text, j + 1) or _address_follows(text, j + 1)) and not _closing_given_char(text, j + 1):
            break
        given += 1
    if given == 0 or given == 1 and text[j] in HONORIFICS:
        return foreign  # 王总, 李董: a form of address
    end = j + given
    if (given == 2 and len(surname) == 1 and text[j] in SURNAMES and end + 1 < len(text) and text[end + 1] in _NAME_CLOSE
            and "\u4e00" <= text[end] <= "\u9fff" and not ends_name(text, end)):
        end += 1  # 林郑某某，: a married name puts the husband's surname first, four characters in all
    if _reference_word_re().match(text, j):
        return None  # 陈主任, 李院士, 饶先生: a reference, not a name
    if _is_common_word(text[i:end]) or word_tags().get(text[i : i + 2]) in ("p", "c", "d", "r", "u"):
        return foreign  # 关于豪华版: a function word, not a surname
    if text[j] in "我你他她它们" or given == 2 and word_tags().get(text[j:end]) in ("t", "m", "f", "p", "c", "d", "r") \
            and not _closing_given_char(text, j + 1):
        return foreign  # 但我, 于凌晨: no given name
    return foreign if foreign and foreign > end else end


#: Two-character words that follow a name (表示, 指出, 出席): right after a surname they leave it no given name.
_VERBS_AFTER_NAME = tuple(w for w in POST_NAME_WORDS if len(w) == 2)
_NAME_CLOSE = frozenset("，、。；：,;:）) \n")  # what closes a name standing alone
# Words of one character after a name that are also given names' last characters (钱大为, 李建和, 王志同, 周文曾)
_GIVEN_AS_WELL = frozenset("为和同亦曾")


def _closing_given_char(text: str, k: int) -> bool:
    """副主任钱大为，: a character that would be a word after the name ends it when punctuation follows."""
    return text[k] in _GIVEN_AS_WELL and text[k + 1 : k + 2] in _NAME_CLOSE
_ADDRESS_WORDS = ("先生", "女士", "小姐", "老师", "同志", "师傅")
_NAME_HEADS = tuple(h for h in (*ORG_SUFFIXES, *ZONE_SUFFIXES, *EVENT_HEADS, "区", "市", "县", "省") if len(h) <= 3)


def _address_follows(text: str, k: int) -> bool:
    """王诚王总: a second surname followed by a form of address starts a new reference (not when the form
    of address begins a title: 某某平总书记, 某某王总经理 end the name with the surname-like character)."""
    return text[k] in SURNAMES and text[k + 1 : k + 2] in HONORIFICS and not title_re().match(text, k + 1)


def _is_common_word(candidate: str) -> bool:
    """关于, 解释, 皮划艇, 高新区: a dictionary word or a name head that is not a person's name."""
    if candidate.endswith(_NAME_HEADS):
        return True
    tag = word_tags().get(candidate)
    if len(candidate) == 2:
        return tag in ("p", "c", "d", "v", "u", "r", "f", "t", "m", "vn", "ad")
    return tag is not None and not tag.startswith("nr")


def _foreign_name_end(text: str, i: int) -> int | None:
    """马基延科指出: up to five transliteration characters before a post-name word."""
    k = i
    while k < len(text) and k - i < 5 and text[k] in TRANSLIT:
        k += 1
        if k - i >= 3 and ends_name(text, k):
            return k
    return None


def ends_name(text: str, k: int) -> bool:
    """True when a name cannot go on at ``k`` (a post-name word, a title or non-CJK follows)."""
    if k >= len(text) or not ("\u4e00" <= text[k] <= "\u9fff"):
        return True
    return _name_end_re().match(text, k) is not None


# What may follow a title that closes a name (李某局长、 / 李某委员均到场 / 李某创办人进行演讲): anything but a
# character that makes the title the start of a longer word (主任委员, 局长助理)
_AFTER_TITLE = re.compile(r"[^\u4e00-\u9fff]|[等和及与带率在均都也]|进行|发表|致辞|致词|出席|参加|到场|莅临|表示|介绍|指出|主持|宣布|$")


def title_closes(text: str, k: int) -> bool:
    """True when the title ending at ``k`` is a whole word: punctuation, a list word or a verb follows it."""
    return _AFTER_TITLE.match(text, k) is not None


def _alternation(words) -> re.Pattern[str]:
    """One compiled alternation: "does any of these words start at k" in a single match."""
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


@lru_cache(maxsize=1)
def _name_end_re() -> re.Pattern[str]:
    return _alternation((*POST_NAME_WORDS, *(t for t in titles() if len(t) >= 2)))


@lru_cache(maxsize=1)
def _reference_word_re() -> re.Pattern[str]:
    return _alternation(t for t in (*titles(), *_ADDRESS_WORDS) if len(t) >= 2)


def looks_transliterated(name: str) -> bool:
    letters = [ch for ch in name if ch != "·"]
    return sum(ch in TRANSLIT for ch in letters) >= 0.7 * len(letters)


def is_plausible_name(name: str) -> bool:
    if "·" in name:
        return looks_transliterated(name)
    if 3 <= len(name) <= 6 and all(ch in TRANSLIT for ch in name):
        return True  # 德罗巴, 莫耶斯: a foreign name written without its dot
    if not 2 <= len(name) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1] if name[0] in SURNAMES else ""
    return bool(surname) and not name.startswith(_VERBS_AFTER_NAME, len(surname))  # 胡表示: a surname, then its verb
