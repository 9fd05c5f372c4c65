"""The bodies an organiser list names (由A、B和C联合主办, 由A主办，B、C承办): each item is one whole body.

Between 由 and the verb of hosting the text lists bodies and nothing else, so an item that ends as a body
does (委员会, 政府, 科协, 报社, 分委会, 中心) is that body's whole name, however the suffix walks read its
words: 信息和通信技术某某联盟 is no list of 信息 and a 联盟, 某某海外联谊会 is more than its 联谊会, 某某学院
某某中心 is one body, not two.  A list broken by a line (由A、B / 及C主办) is still one list.
"""

from __future__ import annotations

import re

from kg.extract.document import Document, Mention
from kg.extract.lexicon import ORG_SUFFIXES

# Heads of a body's name besides the suffixes of kg.extract.lexicon (某市政府, 某某分委会, 某某报社, 某区科协).
_HEADS: dict[str, str | None] = {
    **{suffix: kind for suffix, (_, kind) in ORG_SUFFIXES.items()},
    "政府": "GovernmentBody", "分委会": "GovernmentBody", "组委会": None, "委": "GovernmentBody", "部": "GovernmentBody",
    "办": "GovernmentBody", "司": "GovernmentBody", "署": "GovernmentBody", "科协": "Association", "侨联": "Association",
    "联谊会": "Association", "基金会": None, "中心": None, "报社": "Media", "杂志社": "Media", "时报社": "Media",
}
_HEAD_ENDINGS = tuple(sorted(_HEADS, key=len, reverse=True))
# The verbs of organising that close a list (联合主办, 共同承办); 举办 only after 由 (由A举办; A举办 holds, see relations).
_VERB = re.compile(r"(?:共同|联合)?(?:主办|承办|举办)")
# 由 as the agent's mark, not inside 自由, 理由, 经由, 缘由, 由于.
_BY = re.compile(r"(?<![自理经缘])由(?!于)")
# A clause that another verb of the same sentence opens: 由A主办，B承办; 由A指导，B主办; 由A主办、B承办.
_EARLIER_VERB = re.compile(r"(?:主办|承办|协办|指导|支持)[，、]?$")
_ITEM = re.compile(r"[^、\n]+")  # (a line break inside the list ends an item as 、 does)
# What joins two bodies inside one item (A和B, A与B, A以及B, A携手B, A联合B).
_JOINER = re.compile(r"以及|和|及|与|携手|联合(?!会)|会同")
_CLOSE = re.compile(r"(?:等(?:[\d一二三四五六七八九十]+家)?(?:单位|部门|机构)?|共同|联合|携手)+$")
# Words no body's name holds: verbs and roles of the clause, a count (三部委, 三省一市), a vague reference (有关学会).
_NOT_A_NAME = re.compile(r"[，。；：\d]|的|在|作为|主席|代表|通过|会同|有关|相关|各|轮值|首次|主办|承办|协办|指导|支持|举办|"
                         r"[一二两三四五六七八九十]+[省市区县部家个方地]")
# The last character of a body's name (民革某省委会, 某某银行): a 和 after it lists a second body.
_BODY_LAST = "会院部委局厅府办署司社所行"
_QUOTED = re.compile(r"^[“「\"‘](.+)[”」\"’]$")
_TRAILING_GLOSS = re.compile(r"[(（][^()（）]*[)）]$")  # 某某研究院(QXRI), 某委统战部(某市侨务办公室)


def find_organisers(doc: Document) -> list[Mention]:
    """The whole bodies of the organiser lists (added to the document), in place of the parts read inside them."""
    text = doc.simplified
    found: list[Mention] = []
    for verb in _VERB.finditer(text):
        start = _slot_start(text, verb.start(), verb.group().endswith("举办"))
        if start is None:
            continue
        for item in _ITEM.finditer(text, start, verb.start()):
            for s, e in _bodies(text, item.start(), item.end()):
                covering = [m for m in doc.mentions if m.start <= s and e <= m.end and not m.generic
                            and m.type in ("Organization", "Zone", "Person")]
                if any((m.start, m.end) != (s, e) for m in covering):
                    continue  # inside a longer name
                # (the words a walk read inside the name are no names of their own: the 某某论坛 of 某某论坛委员会)
                doc.mentions[:] = [m for m in doc.mentions if not (s <= m.start and m.end <= e and (m.start, m.end) != (s, e)
                                                                   and m.type in ("Organization", "Event", "Fund"))]
                if not covering:
                    kind = _HEADS[next(h for h in _HEAD_ENDINGS if text.endswith(h, s, e))]
                    found.append(doc.add(Mention(s, e, "Organization", kind, "pattern:organiser-list", 0.85)))
    return found


def _slot_start(text: str, verb: int, by_only: bool) -> int | None:
    """Where the list before the verb begins: after 由, or after the clause of an earlier verb of the sentence
    (由A主办，B承办).  A line break where no punctuation ends the line is inside the list."""
    clause = max(text.rfind(ch, 0, verb) for ch in "，。；：！？")
    by = None
    for by in _BY.finditer(text, clause + 1, verb):
        pass
    if by is not None:
        start = by.end()
    elif not by_only and clause >= 0 and text[clause] == "，" and _EARLIER_VERB.search(text, 0, clause + 1) \
            and _BY.search(text, max(text.rfind(ch, 0, clause) for ch in "。；！？") + 1, clause):
        start = clause + 1
    else:
        return None
    # (由A、B和C: an earlier verb's clause ends the list of this one, 由A主办、B承办)
    earlier = list(re.finditer(r"(?:主办|承办|协办|指导|支持)、", text[start:verb]))
    if earlier:
        start += earlier[-1].end()
    return start if 0 < verb - start <= 150 else None


def _bodies(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The bodies one item of the list names: the item, or the bodies a joiner lists in it (A和B, 民革某省委会和某部)
    when each part before a joiner ends as a body does."""
    start, end = _name_span(text, start, end)
    opening = _JOINER.match(text, start, end)
    if opening and text[start - 1 : start].isspace():
        start = opening.end()  # (由A、B / 及C主办: the line after the break opens with the list's joiner)
    close = _CLOSE.search(text, start, end)
    if close:
        end = close.start()
    pieces, position = [], start
    for joiner in _JOINER.finditer(text, start, end):
        pieces.append(_name_span(text, position, joiner.start()))
        position = joiner.end()
    pieces.append(_name_span(text, position, end))
    if len(pieces) == 1 or not all(_body_like(text, s, e) for s, e in pieces[:-1]):
        pieces = [(start, end)]
    # (青溪同学会(青溪留学人员联谊会): where a gloss follows, which of the two names the body goes by is not said)
    return [(s, e) for s, e in pieces if _a_name(text[s:e]) and not _TRAILING_GLOSS.search(text, s, e)]


def _body_like(text: str, start: int, end: int) -> bool:
    """The part before a joiner ends as a body does, a gloss in brackets after it left aside (信息和通信技术…联盟:
    信息 does not, the 和 is the name's own)."""
    gloss = _TRAILING_GLOSS.search(text, start, end)
    end = gloss.start() if gloss else end
    return end > start and (text.endswith(_HEAD_ENDINGS, start, end) or text[end - 1] in _BODY_LAST)


def _name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces and the quotes around it."""
    name = text[start:end]
    start += len(name) - len(name.lstrip())
    end = start + len(name.strip())
    quoted = _QUOTED.match(text[start:end])
    if quoted:
        start, end = start + 1, end - 1
    return start, end


def _a_name(name: str) -> bool:
    # (省科技厅, 市政府: a body the sentence names by its rank alone is another rule's)
    return (5 <= len(name) <= 30 and name.endswith(_HEAD_ENDINGS) and not _NOT_A_NAME.search(name)
            and name[0] not in "省市县区州本该" and "\n" not in name)
