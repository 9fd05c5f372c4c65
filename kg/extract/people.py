"""Persons: names read after titles, at the head of speech clauses, in lists
closed by 等N位/名, from the laureate gazetteer, and transliterated names with
a person cue.  A surname followed by a title (李院士, 陈主任) is a reference to a
person named before, never a new person.
"""

from __future__ import annotations

import re

from kg.extract.document import Document, Mention, word_tags
from kg.extract.lexicon import BODY_ENDINGS, POST_NAME_WORDS, SURNAMES
from kg.extract.names import (DOT_NAME, dotted_names, is_plausible_name, laureate_forms, looks_transliterated,
                              laureate_short_forms_in, occurrences, read_name, title_closes, title_re, titles,
                              undotted_laureate_occurrences)

# 等N位 closes a list; so does a bare count after it (干某、金某、王某三位院士)
_NUMBER_CUE = re.compile(r"等(?:[\d一二三四五六七八九十两几多]+|\d+余)?[位名人]?|(?<=[\u4e00-\u9fff])[\d两三四五六七八九十]+[位名]")
_LIST_SPLIT = re.compile(r"[、和及与]")
_HONOUR_AFTER = ("院士", "教授", "博士")  # 丛某院士、赵某院士等46位院士: the honour after a listed name
# 企业代表齐聚一堂, 嘉宾相聚某地: a verb of gathering after a title, no name
_GATHER = re.compile(r"齐聚|相聚|汇聚|云集|聚首")

# 驻华大使尤里·先科, 谢尔盖·马纳萨良: a transliterated name runs, dot by dot, to the punctuation or list word after it
_DOTTED_RUN = re.compile(r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8}?)+(?=[，,、。；;：:（(\s]|等|出席|参加|和|及|与|$)")


def find_titled(doc: Document) -> list[Mention]:
    """Names right after a title (总经理陈静, 院士李振华, 得主迈克尔·莱维特)."""
    text = doc.simplified
    found = []
    for match in title_re().finditer(text):
        start = match.end()
        if text[start : start + 1] in (" ", "\u3000"):
            start += 1  # a caption 中国科学院院士 李某：…: the name after a space, then a colon
        end = read_name(text, start)
        # a caption's name ends its line (中国工程院院士 李某) or goes on after a colon
        if end is None or start > match.end() and text[end : end + 1] not in ("：", ":", "\n", ""):
            continue
        # 驻华大使尤里·先科: a transliterated name runs on past its first part
        dotted = _DOTTED_RUN.match(text, start) if "·" in text[start : end + 1] else None
        end = max(end, dotted.end()) if dotted else end
        name = text[start:end]
        if not is_plausible_name(name) or _GATHER.match(text, start):
            continue
        found.append(doc.add(Mention(start, end, "Person", None, "pattern:title-name", 0.9, name=name)))
    return found


def find_named_before_title(doc: Document) -> list[Mention]:
    """中国工程院某某院士, 某管理局某某局长、…: a name between a body (or place) and a title."""
    text = doc.simplified
    ends = {m.end for m in doc.mentions if m.type in ("Organization", "Zone", "Place") and not m.generic}
    found = []
    for match in title_re().finditer(text):
        if len(match.group()) < 2:
            continue
        closes = title_closes(text, match.end())
        for start in (match.start() - 3, match.start() - 2):
            if title_re().match(text, start):
                continue  # 某公司董事总经理: a longer title, no name
            candidate = text[start : match.start()]
            # (落实某某总书记重要讲话: a name the segmenter's dictionary knows needs neither a body before it nor a
            # word boundary after its title)
            known = word_tags().get(candidate) == "nrfg"
            opens = closes and (start in ends or _after_unread_body(text, start) or _after_titled_item(text, start))
            if not (opens or known) or read_name(text, start) != match.start():
                continue
            # 某集团党委委员: a common word (党委, 党组) between the body and the title is no name;
            # 相关部门的代表: nor is a particle's phrase
            if (known or word_tags().get(candidate, "nr") == "nr") and is_plausible_name(candidate) \
                    and not _PARTICLES & set(candidate):
                found.append(doc.add(Mention(start, match.start(), "Person", None, "pattern:name-title", 0.8)))
                break
    return found


_PARTICLES = frozenset("的了在是与及")  # never inside a name (other function characters are: 李同华, 王和平)

# 某某同业公会李某理事长、某市李某副市长: the body or place that a list item opens with, unread by any finder
_BODY_ENDINGS = (*BODY_ENDINGS, "局", "厅", "办", "市", "县", "省")
_LIST_ITEM_OPEN = re.compile(r"(?:^|[、，,：:；;\n（(])[\u4e00-\u9fff]{2,16}$")


def _after_unread_body(text: str, start: int) -> bool:
    """A body's name (its suffix) ends at ``start`` and opens a list item or a clause."""
    return text.endswith(_BODY_ENDINGS, 0, start) and _LIST_ITEM_OPEN.search(text, max(0, start - 17), start) is not None


def _after_titled_item(text: str, start: int) -> bool:
    """周某院长、干某副院长: the item before ends with a title, so this one is a name and a title too."""
    return text[start - 1 : start] in ("、", "，") and any(text.endswith(t, 0, start - 1) for t in titles() if len(t) >= 2)


_SPEECH = re.compile(r"(?:^|(?<=[，。；：“”\n]))(?=[\u4e00-\u9fff]{2,5}(?:表示|说|介绍|指出|认为|透露|强调|坦言))")


def find_speakers(doc: Document) -> list[Mention]:
    """A clause that opens with a name and a speech verb (宣家鑫说，…): the name is a person's."""
    text = doc.simplified
    found = []
    for match in _SPEECH.finditer(text):
        start = match.start()
        end = read_name(text, start)
        if end is None or not re.match(r"表示|说|介绍|指出|认为|透露|强调|坦言", text[end : end + 2]):
            continue
        name = text[start:end]
        if is_plausible_name(name):
            found.append(doc.add(Mention(start, end, "Person", None, "pattern:speaker", 0.8, name=name)))
    return found


def find_references(doc: Document) -> list[Mention]:
    """李院士, 陈主任, 刘董事长: a surname and a title refer back to a person named before (never a new one)."""
    text = doc.simplified
    found = []
    for match in title_re().finditer(text):
        start = match.start() - 1
        if start < 0 or text[start] not in SURNAMES or read_name(text, match.end()) is not None:
            continue
        if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in "，。、；：“”的和与及":
            continue  # 管委会副主任: the character before the title belongs to a word, not a surname
        found.append(doc.add(Mention(start, match.end(), "Person", None, "pattern:surname-title", 0.7,
                                     name=text[start : match.end()], generic=True)))
    return found


def find_listed(doc: Document) -> list[Mention]:
    """Names in a list closed by 等N位/名 + a person word (院士, 获得者, 专家, 嘉宾)."""
    text = doc.simplified
    found = []
    for match in _NUMBER_CUE.finditer(text):
        after = text[match.end() : match.end() + 12]
        if not re.match(r"[^，。；]{0,8}?(院士|获得者|得主|专家|嘉宾|学者|代表|领导|负责人|人)", after):
            continue
        # 宋某、孙某等市级领导参加: leaders of a named level need no count
        if not re.search(r"[位名人]", match.group()) and not re.match(r"(?:嘉宾|专家|院士|[省市区县州级]{1,3}领导)", after):
            continue
        start = match.start()
        list_start = start
        while list_start > 0 and text[list_start - 1] not in "，。；：\n,;:!?！？":
            list_start -= 1
        items = _LIST_SPLIT.split(text[list_start:start])
        offset = list_start
        spans = []
        for item in items:
            spans.append((offset, offset + len(item)))
            offset += len(item) + 1
        names = []
        for item_start, item_end in spans:
            name = _trim_item(text, item_start, item_end)
            if name:
                names.append(name)
        counted_only = not match.group().startswith("等")  # without 等 only a list of names, each one a name
        if counted_only and (len(names) < 2 or len(names) < len(spans)):
            continue
        if len(names) >= 2 or names and len(spans) == 1:
            for item_start, item_end in names:
                found.append(doc.add(Mention(item_start, item_end, "Person", None, "pattern:list-name", 0.85)))
    return found


def _trim_item(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name at the end of a list item (邀请到格雷格·塞门扎 -> 格雷格·塞门扎; 某国工程院院士李某 -> 李某;
    李某院士 -> 李某)."""
    honour = next((t for t in _HONOUR_AFTER if text.endswith(t, start, end)), None)
    if honour and end - len(honour) - start >= 2:
        end -= len(honour)
    item = text[start:end]
    after_title = [m.end() for m in title_re().finditer(item) if m.end() < len(item)]
    for cut in after_title[-1:]:  # the name right after the item's last title, before any other reading
        if is_plausible_name(item[cut:]) and read_name(text, start + cut) == end:
            return start + cut, end
    for cut in range(len(item)):
        candidate = item[cut:]
        if is_plausible_name(candidate) and read_name(text, start + cut) == end:
            return start + cut, end
    return None


def find_laureates(doc: Document) -> list[Mention]:
    """Gazetteer laureates by full name; short forms when the full name is in the article or a Nobel cue is near."""
    text = doc.simplified
    forms = laureate_forms()
    found = []
    spans = set()
    for match in DOT_NAME.finditer(text):  # every full form is X·Y: try the cuts of each dotted run
        first_dot, last_dot = text.index("·", match.start()), text.rindex("·", match.start(), match.end())
        for start in range(match.start(), first_dot):
            end = next((e for e in range(match.end(), last_dot + 1, -1) if text[start:e] in forms), None)
            if end is not None:
                spans.add((start, end))
                break
    spans.update((s, s + len(form)) for s, form in undotted_laureate_occurrences(text))
    for start, end in sorted(spans):
        form = text[start:end]
        found.append(doc.add(Mention(start, end, "Person", None, "gazetteer:nobel", 1.0, name=form,
                                     honors={"NobelLaureate"}, canonical=form)))
    written = {forms[m.name]: m.name for m in found}
    for short in laureate_short_forms_in(text):
        main = forms["~" + short]
        for start in occurrences(text, short):
            end = start + len(short)
            if text[start - 1 : start] == "·" or text[end : end + 1] == "·":
                continue
            near = text[max(0, start - 15) : start]
            if main not in written and not ("诺贝尔" in near or "诺奖" in near):
                continue
            found.append(
                doc.add(Mention(start, end, "Person", None, "gazetteer:nobel-short", 0.9, name=short,
                                honors={"NobelLaureate"}, canonical=written.get(main, main)))
            )
    return found


def find_dotted(doc: Document) -> list[Mention]:
    """Transliterated names (X·Y) with a person cue around them."""
    text = doc.simplified
    found = []
    for start, end in dotted_names(text):
        if not looks_transliterated(text[start:end]):
            continue
        before = text[max(0, start - 12) : start]
        after = text[end : end + 4]
        cue = any(t in before for t in ("得主", "获得者", "教授", "院士", "、", "首席", "总裁", "执行官", "董事长", "先生", "女士"))
        cue = cue or any(after.startswith(w) for w in POST_NAME_WORDS)
        if cue:
            found.append(doc.add(Mention(start, end, "Person", None, "pattern:dot-name", 0.85)))
    return found


# What may follow the last name of a list: punctuation, a list word, or the list's own verb
# (王某、李某出席, 王某、李某均到场, 王某、李某分别致辞)
_LIST_ITEM_CLOSE = re.compile(r"[、，,。；;：:）)\s]|等|和|及|与|以及|均|都|也|分别|一行|一同|共同|出席|参加|参会|到场|莅临|陪同|$")
_LIST_JOINERS = ("以及", "、", "和", "及")
_LIST_HEADS = ("领导", "嘉宾", "同志", "成员")  # 市级领导王某、张某: the word that opens a list of people


def find_list_mates(doc: Document) -> list[Mention]:
    """市领导王某、张某、胡某出席: a name listed, item for item, next to a person is a person too (the
    cue finders and the tagger read some items of a long list, not all)."""
    text = doc.simplified
    taken = doc.name_occupancy()
    persons = sorted((m for m in doc.mentions if m.type == "Person" and not m.generic), key=lambda m: m.start)
    found = []
    for person in persons:
        for step in (_next_item, _previous_item):
            item = step(text, person.start, person.end)
            while item is not None and not taken.overlaps(*item):
                start, end = item
                found.append(doc.add(Mention(start, end, "Person", None, "pattern:list-mate", 0.8, name=text[start:end])))
                taken.mark(start, end)
                item = step(text, start, end)
    return found


def names_a_person(text: str, start: int, end: int, alone: bool = True) -> bool:
    """市级领导顾某, 张某某: a list item that is a person's name after a title or a list head, or (with ``alone``) a
    full name (three characters) alone (a bare two-character item is as often a company's short name: 云帆, 小米)."""
    for cut in range(start, end - 1):
        head = text[start:cut]
        if not head and (end - start != 3 or not alone) or head and not head.endswith(_LIST_HEADS) and not any(
                head.endswith(t) for t in titles() if len(t) >= 2):
            continue
        if read_name(text, cut) == end and is_plausible_name(text[cut:end]) and word_tags().get(text[cut:end], "nr") == "nr":
            return True
    return False


def _next_item(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name right after ``end`` and its joiner (、), when the item is that name alone."""
    joiner = next((j for j in _LIST_JOINERS if text.startswith(j, end)), None)
    if joiner is None:
        return None
    item_start = end + len(joiner)
    item_end = read_name(text, item_start)
    if item_end is None or not is_plausible_name(text[item_start:item_end]) or not _LIST_ITEM_CLOSE.match(text, item_end):
        return None
    return item_start, item_end


def _previous_item(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name right before ``start`` and its 、, when the item is that name alone (after a delimiter or a title)."""
    if text[start - 1 : start] != "、":
        return None
    for length in (2, 3, 4):
        item_start = start - 1 - length
        if item_start < 0 or read_name(text, item_start) != start - 1 or not is_plausible_name(text[item_start : start - 1]):
            continue
        opens = text[item_start - 1 : item_start]
        if not opens or opens in "、，,：:；;（(\n 　" or text.endswith(_LIST_HEADS, 0, item_start) \
                or any(text.endswith(t, 0, item_start) for t in titles() if len(t) >= 2):
            return item_start, start - 1
    return None
