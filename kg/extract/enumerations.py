"""Lists share the cue of the list: in 复星医药、康桥资本、倚锋资本和高特佳资本等机构
one suffix-confirmed member (康桥资本) or the closing 等…企业/机构 makes every
member an organisation, including those without a suffix (复星医药, 岛津)."""

from __future__ import annotations

import re

from kg.extract.boundary import left_edge, right_edge
from kg.extract.document import Document, Mention, tokens, word_tags
from kg.extract.forms import strip_leading_places
from kg.extract.gazetteers import lookup_place
from kg.extract.industries import industry_term
from kg.extract.places import best_candidate
from kg.extract.lexicon import BASE_TITLES

_CLAUSE = re.compile(r"[^，。；：:\n]+")
_CLOSING_ORG = re.compile(r"^等(?!领域|产业|行业|环节|方向|方面|项目)(?:[\d一二三四五六七八九十两几多余]+家)?[^，。；]{0,30}?(?:企业|机构|公司|单位|厂商|集团|品牌|龙头)")
# A list after one of these names fields, not organisations (围绕A、B; 在A、B等领域).
_FIELD_CUE = re.compile(r"(?:围绕|涵盖|涉及|聚焦|面向|包括|在|覆盖|瞄准)$")
_GENERIC_AFTER = ("机构", "单位", "企业", "公司", "代表", "领域", "产业", "行业", "环节")
_ITEM_SPLIT = re.compile(r"[、和及]")


def find_listed_orgs(doc: Document) -> list[Mention]:
    text = doc.simplified
    found = []
    # kept up to date below, so a long article is not rescanned for every clause
    orgs = {(m.start, m.end) for m in doc.mentions if m.type == "Organization" and not m.generic}
    taken = doc.name_occupancy()
    for clause in _CLAUSE.finditer(text):
        body = clause.group()
        if "、" not in body and "等" not in body:
            continue
        closing = None
        cut = len(body)
        for m in re.finditer("等", body):
            if _CLOSING_ORG.match(body[m.start() :]):
                closing = m.start()
                cut = m.start()
                break
        items = _items(text, clause.start(), clause.start() + cut)
        if len(items) < 2 and closing is None:
            continue
        if closing is not None:  # 国投创新、礼来亚洲基金等机构: a fund named in a list of bodies is an investor
            for m in doc.mentions:
                if m.type == "Fund" and not m.generic and clause.start() <= m.start and m.end <= clause.start() + cut:
                    m.type, m.kind = "Organization", "InvestmentFirm"
                    orgs.add((m.start, m.end))
        anchored = any(span in orgs for span in items)
        if not (anchored or closing is not None):
            continue
        if items and _FIELD_CUE.search(text[max(0, items[0][0] - 2) : items[0][0]]) and not anchored:
            continue
        # a list most of whose items are common words lists fields (华为、小米、腾讯 keeps 小米)
        fields = 2 * sum(_a_field(text[s:e]) for s, e in items) > len(items)
        for start, end in items:
            if (start, end) in orgs or taken.overlaps(start, end) or text.startswith(_GENERIC_AFTER, end):
                continue
            leading = tokens(text[start:end])[0]
            if (start, end) == items[0] and word_tags().get(leading) == "v" or industry_term(text[start:end]):
                continue  # 设置整车: a verb leaked into the first item
            name = text[start:end]
            if fields and _a_field(name):
                continue  # 汽车、通信、电子等企业; 研发、检测、设计等方面: one common word names a field, not a body
            if _plausible(name) and not _a_place(name):
                found.append(doc.add(Mention(start, end, "Organization", None, "pattern:enumeration", 0.75, name=name)))
                orgs.add((start, end))
                taken.mark(start, end)
    return found


# 签约A年产…、B…基地等产业项目N个; A等55个项目成功签约: the items of a list of projects at a stage open with
# the investing company's short name (no legal suffix); what follows it describes the project.
# (赴A、B等地考察项目: places visited, not companies)
_PROJECT_LIST_CLOSE = re.compile(r"^等(?:[\d一二三四五六七八九十百两几多余]+(?:个|家|项)|一批)?(?!地)[^，。；、]{0,8}?项目")
_PROJECT_STAGE = re.compile(r"签约|落户|落地|入驻|进驻|引进|招引|开工|投产|推进|续建")
_STAGE_BEFORE = re.compile(r"(?:签约|落户|落地|入驻|进驻|引进|招引|推进|包括|如)(?:了)?")
# where a project's description starts after the company's short name
_DESCRIPTION = re.compile(r"[\d（(]|年产|新建|新能源|智能|西部|东部|南部|北部|中部|数字|高端|新型|生产|制造|总部|研发|产业|基地|电影|文化|项目")
_COMPANY_WORD = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,6}?(?:股份|集团|控股)")


def find_project_owners(doc: Document) -> list[Mention]:
    """The company that opens an item of a list of projects at a stage (签约, 落户, 开工 …)."""
    text = doc.simplified
    found = []
    taken = doc.name_occupancy()
    for clause in _CLAUSE.finditer(text):
        body = clause.group()
        close = next((m.start() for m in re.finditer("等", body) if _PROJECT_LIST_CLOSE.match(body[m.start():])), None)
        if close is None:
            continue
        if not _PROJECT_STAGE.search(text, clause.start(), doc.sentence_at(clause.start()).end):
            continue
        # the list starts after the clause's verb (西咸新区签约A…、B…等), else at the clause's start (A等N个项目签约)
        head = body[:close].split("、")[0]
        verbs = list(_STAGE_BEFORE.finditer(head))
        first = verbs[-1].end() if verbs else 0
        position = clause.start() + first
        for part in re.split("、", body[first:close]):
            start, item = position, part
            position += len(part) + 1
            short = _COMPANY_WORD.match(item)
            if short:
                name = short.group()
            elif 2 <= len(item) <= 8 and (not _DESCRIPTION.search(item) or body[first:close] == item):
                name = item  # A等35个项目开工: a lone item is the company's whole name
            else:
                cut = _DESCRIPTION.search(item, 2)
                name = item[: cut.start()] if cut and 2 <= cut.start() <= 5 else ""
            if not 2 <= len(name) <= 8 or not _plausible(name) or _a_place(name) or best_candidate(name) \
                    or industry_term(name) or _a_field(name) or _common_words(name):
                continue
            # B新能源乘用车研发中心 found by its suffix names the project; the body is B
            whole = next((m for m in doc.mentions if m.type == "Organization" and (m.start, m.end) == (start, start + len(item))), None)
            if whole is not None and whole.kind == "Company":
                continue  # 某某(无锡)有限公司等企业的…项目: the item is a company's full name already
            if whole is not None and len(name) < len(item):
                whole.end, whole.name, whole.kind, whole.method = start + len(name), name, "Company", "pattern:project-owner"
                found.append(whole)
                continue
            if taken.overlaps(start, start + len(name)):
                continue
            found.append(doc.add(Mention(start, start + len(name), "Organization", "Company", "pattern:project-owner", 0.7,
                                         name=name)))
            taken.mark(start, start + len(name))
    return found


_INVESTS = re.compile(r"(?<!总)(?:拟|将|计划|预计|追加|再|还将)?投资(?:约|超过|超)?\d")


def find_investors(doc: Document) -> list[Mention]:
    """科伦药业拟投资20亿元建设…: whoever invests a sum in a project is an organisation."""
    text = doc.simplified
    found = []
    for match in _INVESTS.finditer(text):
        end = match.start()
        start = left_edge(text, end, max_len=16)
        name = text[start:end]
        if end - start < 2 or _overlaps(doc, start, end) or not _plausible(name) or text[start - 1 : start] == "的" \
                or name.endswith(("协议", "项目", "合计", "累计", "共计", "计划", "一期", "二期")) \
                or name.startswith(("单", "每", "各", "人均", "平均", "总", "累计", "双方", "三方", "多方")):  # 单笔投资500万元: an amount, no investor
            continue
        leading = tokens(name)[0]
        if word_tags().get(leading) in ("v", "vn", "r", "t", "m") or best_candidate(name) or industry_term(name):
            continue
        found.append(doc.add(Mention(start, end, "Organization", "Company", "pattern:investor", 0.7, name=name)))
    return found


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for part in _ITEM_SPLIT.split(text[start:end]):
        spans.append((position, position + len(part)))
        position += len(part) + 1
    if not spans:
        return []
    items = []
    for index, (s, e) in enumerate(spans):
        if index == 0:
            s = left_edge(text, e, max_len=16)
        if index == len(spans) - 1:
            e = right_edge(text, s, e)
        if e - s >= 2:
            items.append((s, e))
    return items


def _overlaps(doc: Document, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end and m.type != "Place" for m in doc.mentions)


def _a_place(name: str) -> bool:
    """承德, 河北保定, 天津宝坻 in a list of 地方政府: places, not bodies the list's cue names."""
    return bool(lookup_place(([name] + strip_leading_places(name))[-1]))


def _a_field(name: str) -> bool:
    parts = tokens(name)
    return len(parts) == 1 and word_tags().get(name) in ("n", "vn", "v", "an", "j") or name.endswith(("机构", "单位"))


def _common_words(name: str) -> bool:
    """人才住房, 科技金融: common nouns only, what is built or done, not whose name it is."""
    parts = tokens(name)
    return all(len(part) >= 2 and word_tags().get(part) in ("n", "vn", "an") for part in parts)


def _plausible(name: str) -> bool:
    if not 2 <= len(name) <= 12 or re.search(r"\d|[“”\"《》*]", name):
        return False
    return not any(title in name for title in BASE_TITLES if len(title) >= 2)
