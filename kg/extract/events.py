"""Events: the full noun phrase before an event head (论坛, 峰会, 签约仪式 …).

The phrase may carry a year (2024), an edition (首届, 第二届), a zone or place
prefix, a theme in quotes and a joined second event (成立大会暨第一次会员大会).
A head with nothing distinctive before it (峰会, 本次研讨会) is a generic
mention that coreference points at the event being reported.
"""

from __future__ import annotations

import re

from kg.extract.boundary import run_start
from kg.extract.document import Document, Mention, tokens, word_tags
from kg.extract.lexicon import EVENT_HEADS, EVENT_SUBPARTS, GENERIC_PREFIXES

_HEAD_RE = re.compile("|".join(sorted(map(re.escape, EVENT_HEADS), key=len, reverse=True)))
_QUOTES = "“”\"《》"
# Words at which an event name's left edge stops (verbs of holding, prepositions, determiners).
_STOPS = frozenset(
    """在 由 于 举办 举行 召开 开幕 参加 出席 的 了 是 为 将 也 还 已 并 等 对 向 从 以 经 据 把 被 让 同 跟 到 赴
    来 去 又 再 本 本次 本届 此次 这次 该 上 期间 今年 去年 目前 日前 近日 其中 作为 通过 获评 入选 接连 先后 组织
    邀请 出席 主持 亮相 开展 围绕 设置 相比 同步 场外 现场 两场 一场 系列""".split()
)
_DETERMINERS = ("该", "本", "此", "这", "其", "各", "上届", "下届", "历届", "每届", "首届", "本届", "往届", "相关", "有关",
                "各类", "多个", "多场", "一系列", "此类", "同类", "一场", "两场")
_COUNTED = re.compile(r"(?:[一两几这那该本此每]|多)(?:场|次|个|届|项|类)(?:的)?$")
_YEAR = re.compile(r"^(?:\d{4}年?度?)")
EDITION = re.compile(r"^(?:\d{4}年?度?)?(第([一二三四五六七八九十百\d]+)届|首届)")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def find_events(doc: Document) -> list[Mention]:
    text = doc.simplified
    found: list[Mention] = []
    for match in _HEAD_RE.finditer(text):
        head_start, end = match.span()
        if any(text.endswith(part, 0, end) for part in EVENT_SUBPARTS) and "暨" not in text[max(0, head_start - 12) : head_start]:
            continue
        start = _left(text, head_start)
        name = _clean(text[start:end])
        prefix = _clean(text[start:head_start])
        core = EDITION.sub("", prefix)
        generic = len(re.sub(r"[\d年度]", "", core)) < 2 or core.startswith(_DETERMINERS) or prefix.endswith("类")
        # 举办…论坛：A、B、C — a head that introduces a list names the category, not an event
        generic = generic or text[end : end + 1] in ("：", ":") and "、" in text[end : end + 60]
        # 一场国际生物医药论坛, 这次论坛: a counted or pointed-at event is a reference, not a name
        generic = generic or bool(_COUNTED.search(text, max(0, start - 3), start))
        if generic:
            start = head_start if not prefix.startswith(GENERIC_PREFIXES) else start
        mention = Mention(start, end, "Event", _kind(match.group()), "pattern:event-head", 0.85, name=name, generic=generic)
        found.append(doc.add(mention))
    return _join(doc, found)


def _left(text: str, head_start: int) -> int:
    start = run_start(text, head_start, max_len=40, extra=_QUOTES)
    edge = head_start
    for token in reversed(tokens(text[start:head_start])):
        if token in _STOPS or word_tags().get(token) in ("p", "r", "uj", "ul", "d") and token not in ("与", "暨"):
            break
        edge -= len(token)
    # a year belongs to the name only at its start: "会议2024" is not a name start
    return edge


def _join(doc: Document, found: list[Mention]) -> list[Mention]:
    """成立大会暨第一次会员大会: one event, the first part an alias."""
    by_end = {m.end: m for m in found if not m.generic}
    for mention in found:
        if doc.simplified[mention.start - 1 : mention.start] == "暨" or doc.simplified[mention.start : mention.start + 1] == "暨":
            first_end = mention.start - 1 if doc.simplified[mention.start - 1] == "暨" else mention.start
            first = by_end.get(first_end)
            if first:
                mention.start = first.start
                mention.name = _clean(doc.simplified[first.start : mention.end])
                mention.generic = False
                mention.canonical = mention.name
                first.canonical = mention.name
    return found


def _clean(name: str) -> str:
    return name.strip()


def _kind(head: str) -> str:
    kinds = {
        "论坛": "Forum", "峰会": "Summit", "研讨会": "Seminar", "大会": "Conference", "年会": "Conference",
        "推介会": "PromotionMeeting", "签约仪式": "SigningCeremony", "博览会": "Fair", "展览会": "Fair",
        "交易会": "Fair", "招聘会": "Fair", "颁奖典礼": "AwardCeremony", "典礼": "AwardCeremony",
    }
    return kinds.get(head, "Event")


def edition(name: str) -> int | None:
    """首届 -> 1, 第二届 -> 2, 第12届 -> 12; None without an edition."""
    match = EDITION.match(name)
    if not match:
        return None
    if match.group(1) == "首届":
        return 1
    number = match.group(2)
    if number.isdigit():
        return int(number)
    if number.startswith("十"):
        return 10 + _NUMERALS.get(number[1:], 0)
    if "十" in number:
        tens, _, ones = number.partition("十")
        return _NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(ones, 0)
    return _NUMERALS.get(number)


def series_name(name: str) -> str | None:
    """The series an edition belongs to: the name without year and edition."""
    match = EDITION.match(name)
    return name[match.end() :] if match else None


def without_year(name: str) -> str:
    return _YEAR.sub("", name)
