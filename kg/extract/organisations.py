"""Organisations, zones, funds and clusters found by the suffix that ends their name.

The suffix gives the type and kind (有限公司 -> Company, 管委会 -> GovernmentBody,
高新区 -> Zone, 产业园 -> Park, 基金 -> Fund, 产业集群 -> Cluster); the left edge
comes from kg.extract.boundary.  A suffix with nothing distinctive before it
(该公司, 开发区, 管委会) is kept as a *generic* mention that coreference later
points at the entity it stands for.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.automaton import build, occurrences_by_start
from kg.extract.boundary import is_name_char, left_edge, national_body, run_start, title_words
from kg.extract.document import PROPER_TAGS, Document, Mention, tokens, word_tags
from kg.extract.forms import names_a_kind, strip_leading_places
from kg.extract.gazetteers import government_bodies, lookup_place
from kg.extract.industries import field_ends_at, industry_term
from kg.extract.names import occurrences, titles
from kg.extract.places import best_candidate
from kg.extract.roles import kind_of_body_at, unplaced_body
from kg.extract.lexicon import (BODY_ENDINGS, CATEGORY_KIND, NAME_STOP_WORDS, FUNCTION_CHARS, STOP_TOKENS, CLUSTER_HEADS, COLLECTIVE_RANKS, DESCRIPTIVE_ZONE_WORDS, DIRECTION_WORDS, FUND_HEADS, GENERIC_HEADS, GENERIC_PREFIXES,
                                ORG_SUFFIXES, ZONE_SUFFIXES)

QUOTES = "“”\"'‘’《》「」"
# The last character of a body's name (国务院, 某部, 某市政府, 某某办): a 和 after it lists a second body.
_BODY_HEAD_CHARS = "院部委局厅府办署"
# Institutes, universities and associations join two fields with 与 (材料技术与工程研究所).
_JOINED_KINDS = ("ResearchInstitute", "University", "Association", "Alliance")

#: 某市某某产业基地, 某区某某产业功能区, 某县某某小镇, 某开发区某地分园: heads that name a zone after a place or a
#: zone's name; after other words (人才创新基地, 特色小镇, 国家战略功能区) they name a project, an honour or a kind.
_LED_ZONE_HEADS = ("基地", "功能区", "聚集区", "小镇", "分园", "分区")

_SUFFIXES: dict[str, tuple[str, str | None]] = {
    **ORG_SUFFIXES,
    **{suffix: ("Zone", kind) for suffix, kind in ZONE_SUFFIXES.items()},
    **{head: ("Fund", None) for head in FUND_HEADS},
    # 某某创业投资合伙企业(有限合伙): an investment partnership is a fund by its legal name (the form after it: _FUND_GLOSS)
    "投资合伙企业": ("Fund", None),
    **{head: ("Cluster", None) for head in CLUSTER_HEADS},
    **{head: ("Zone", "Park" if head.startswith("分") else "Zone") for head in _LED_ZONE_HEADS},
    # 企业服务中心, 技术创新中心, 路演中心: a service or research body (a venue, 会展中心 or 会议中心, is none of these)
    **{head: ("Organization", None) for head in ("服务中心", "创新中心", "研发中心", "路演中心", "促进中心", "投促中心",
                                                 "双创中心", "孵化中心", "融媒中心", "协同中心")},
}
_SUFFIX_AUTOMATON = build(_SUFFIXES)
# A suffix followed by one of these is the start of another word (大学生, 大学城, 学会议, 资本市场, 集团化).
_NOT_AFTER = {"研究所": "需", "学会": "议", "大学": "生城", "学院": "士", "资本": "市金化运", "集团": "化", "基金": "会池小化", "基地": "项", "示范园": "区", "产业群": "聚", "联盟": "章链", "园区": "内外",
              "局": "长面势部", "厅": "长"}
# Leading words that make a cluster or fund name a category, not a thing.
_CATEGORY_PREFIXES = ("国家", "省级", "市级", "国家级", "省", "先进制造业", "战略性新兴", "特色产业", "中小企业", "首批", "第一批", "第二批",
                      # 县域特色产业集群: the clusters of every county; 战略合作基金: what a fund is for, not which fund
                      "县域", "战略")


def find_suffixed(doc: Document, place_spans: set[tuple[int, int]]) -> list[Mention]:
    """Suffix-ended names in the document (added to it) and generic references."""
    found: list[Mention] = []
    text = doc.simplified
    ends: dict[int, tuple[int, str]] = {}
    suffixes_at = occurrences_by_start(_SUFFIX_AUTOMATON, text)
    for start in sorted(suffixes_at):
        suffix = max(suffixes_at[start], key=len)  # the longest suffix starting here
        end = start + len(suffix)
        if end < len(text) and text[end] in _NOT_AFTER.get(suffix, ""):
            continue
        if end not in ends or len(suffix) > len(ends[end][1]):
            ends[end] = (start, suffix)
    for end, (suffix_start, suffix) in sorted(ends.items()):
        entity_type, kind = _SUFFIXES[suffix]
        if kind == "Company" and text.endswith("子公司", 0, end):
            continue  # 某集团全资子公司: the word for a subsidiary names none (the parent is found by its own suffix)
        if kind == "Company" and text[suffix_start - 1 : suffix_start] == "(" and text[end : end + 1] == ")" \
                and not is_name_char(text[end + 1 : end + 2] or "。"):
            # 某某实业(集团): the company's kind in brackets closes its name (某某(集团)某某有限公司 goes on); the
            # walk starts before the bracket
            suffix_start, end = suffix_start - 1, end + 1
        extra = QUOTES if entity_type in ("Cluster", "Fund") else ""
        joiners = "与及和" if entity_type in ("Cluster", "Fund") else "与" if kind in _JOINED_KINDS else ""
        start = left_edge(text, suffix_start, extra=extra, joiners=joiners) if suffix_start else suffix_start
        if (start, end) in place_spans:
            continue
        # 商务部和湖南省人民政府: two bodies listed (a body's name or a place before the second one), not one name
        listed = start - 1 in ends or any(span[0] == start for span in place_spans)
        # 国务院和某某自治区人民政府, 某市政府和某某管委会: a body's own head word before 和 ends a first body
        listed = listed or start > 1 and text[start - 2] in _BODY_HEAD_CHARS
        if kind == "GovernmentBody" and start > 1 and text[start - 1] == "和" and not listed:
            # 人力资源和社会保障局, 发展和改革委员会: government names join two fields with 和
            extended = left_edge(text, start - 1)
            if start - 1 - extended >= 2:
                start = extended
        if suffix.startswith("领导小组"):
            start = _task_start(text, start)
        elif kind == "Company" or entity_type == "Organization" and suffix.endswith("中心"):
            start = _inner_word_start(text, start, "建设" if kind == "Company" else "企业")
            if kind == "Company" and suffix_start - start <= 2:
                # 某某联合控股有限公司: the walk stopped at 联合 (A联合B举办) with too little left to name a company
                start = _inner_word_start(text, start, "联合")
            start = _after_kind_word(text, start, suffix_start)
            if kind == "Company":
                start = _after_zone_name(text, ends, start, suffix_start)
        if entity_type == "Fund":
            start = _fund_start(text, start, suffix_start, extra)
            quoted = max(text.rfind(mark, max(0, start - 8), start) for mark in "“「")
            if quoted >= 0 and text[end : end + 1] in "”」" and all(is_name_char(ch) for ch in text[quoted + 1 : start]):
                start = quoted + 1  # “百亿青松基金”: a quoted fund name is whole, its amount word included
            gloss = _FUND_GLOSS.match(text, end)
            end = gloss.end() if gloss else end
        start = _after_leading_verb(text, start, suffix_start, entity_type != "Organization", entity_type == "Cluster")
        if entity_type in ("Zone", "Fund", "Cluster"):
            start = _after_governing_words(text, start, suffix_start)
        if entity_type in ("Zone", "Cluster"):
            start = _after_opening_verb(text, start, suffix_start)
        if entity_type == "Cluster":
            start = _listed_places_start(text, start)
        if entity_type == "Zone":
            start = _after_legal_name(text, start, suffix_start)
            start = _after_field(text, start, suffix_start)
        if entity_type in ("Organization", "Zone"):
            start = _confirmed_start(text, start, suffix_start, end)
        if entity_type == "Zone":
            start = _after_named_zone(text, ends, start, suffix_start, suffix)
            start = _joined_fields_start(text, start, suffix_start, kind)
        if entity_type == "Zone" and text[start : start + 1] in "(（":
            start = _before_opening_bracket(text, start)
        if entity_type == "Zone":
            start = _before_partner_dash(text, start, suffix_start)
        if kind == "Company" and (parent := text.rfind("子公司", start, suffix_start)) >= 0:
            start = parent + 3  # 某集团子公司某某有限公司: the subsidiary's own name follows the word for it
        mention = _make(doc, start, suffix_start, end, entity_type, kind)
        if mention and entity_type == "Zone":
            mention = _with_bracketed_part(text, mention)
        if mention:
            found.append(doc.add(mention))
    found += _find_sites(doc)
    found += _find_place_parks(doc)
    found += _find_national_bodies(doc)
    found += _find_government_bodies(doc)
    found += _find_committees(doc, place_spans)
    return _drop_nested_zones(doc, found)


# 某高新区(某某区), 某科技园(某地), 某园(武汉园), 某保税区(一期): a bracket right after a zone's kind word that holds a
# place, a part park or a phase is part of the zone's name (two zones sharing one administration, a branch, a stage);
# a gloss (以下简称…, 现…, 原…) or a second zone's full name (某产业园(某高新区)) is not.
_BRACKETED_PART = re.compile(r"\(([\u4e00-\u9fff]{1,8})\)")
_PART_HEADS = ("园", "片区", "新区", "园区", "分园")
_PHASE = re.compile(r"[一二三四五六七八九十\d]期")


def _bracketed_part(content: str) -> bool:
    if _PHASE.fullmatch(content):
        return True
    if content.startswith(("现", "原", "以下", "简称", "即", "含", "不含", "包括")):
        return False
    if content.endswith(_PART_HEADS) and len(content) <= 5:
        return True
    place = best_candidate(content)
    return place is not None and place.level in ("City", "County", "District") or content.endswith(("区", "县")) \
        and best_candidate(content[:-1]) is not None


def _before_opening_bracket(text: str, start: int) -> int:
    """中以(某地)某某合作园区, 中德(某地)…: no zone's name opens with a bracket; a word of two or three characters
    that opens the clause before it (the walk stopped at 以, a function character) is the name's first word."""
    back = start
    while back > 0 and start - back < 3 and "\u4e00" <= text[back - 1] <= "\u9fff":
        back -= 1
    return back if start - back >= 2 and (back == 0 or not is_name_char(text[back - 1])) else start


_DASHES = "—－"


def _before_partner_dash(text: str, start: int, suffix_start: int) -> int:
    """中国—某盟产业合作区, 某口岸——某口岸经济合作区: a cooperation zone is named by both partners joined with a
    dash, which the left walk stops at; the first partner's name is part of the zone's."""
    dash = start
    while dash > 0 and start - dash < 2 and text[dash - 1] in _DASHES:
        dash -= 1
    if dash == start or dash == 0 or "合作" not in text[start : suffix_start + 4]:
        return start
    partner = left_edge(text, dash)
    for token in tokens(text[partner:dash])[:-1]:
        # 深入探讨|中蒙某地: verbs, adverbs and set phrases that govern the zone open no partner's name
        if len(token) < 2 or word_tags().get(token) not in (*_VERB_TAGS, "p", "c") or lookup_place(token):
            break
        partner += len(token)
    return partner if 2 <= dash - partner <= 8 else start


def _with_bracketed_part(text: str, mention: Mention) -> Mention:
    """The zone mention with the bracket after its kind word, when that bracket names a part of it; a bare kind
    (高新区(某区)) then names one zone, the one the district's own name makes plain."""
    match = _BRACKETED_PART.match(text, mention.end)
    if match is None or not _bracketed_part(match.group(1)):
        return mention
    if mention.generic and (mention.name not in GENERIC_HEADS or _PHASE.fullmatch(match.group(1))
                            or match.group(1).endswith(_PART_HEADS)):
        return mention
    mention.end = match.end()
    mention.name = mention.name + match.group()
    mention.generic = False
    return mention


#: The endings of a company's legal name: no zone's name runs on past one (某某有限公司某新区…项目: the company, then the zone).
_LEGAL_NAME_ENDS = ("有限公司", "有限责任公司", "股份公司")


def _after_field(text: str, start: int, suffix_start: int) -> int:
    """工业互联网某市工业园区, 装备制造(某某装备)某省某市高新区, 形势下某省沿边产业园: a field (with its gloss in
    brackets) or a locative 下 right before a province or city that the walk took in is what the zone was picked
    for or the clause's words, no part of a name that opens with no place; the zone's name begins at the place."""
    parts = tokens(text[start:suffix_start])
    if len(parts) < 2 or best_candidate(parts[0]) is not None:
        return start
    at = start
    for index, token in enumerate(parts):
        place = best_candidate(text[at : at + 2]) or best_candidate(text[at : at + 3])
        if index and place is not None and place.level in ("Province", "City"):
            before = text[start:at]
            if field_ends_at(text, at, start) or before.endswith((")", "）")) or parts[index - 1] == "下":
                return at
            return start
        at += len(token)
    return start


def _after_legal_name(text: str, start: int, suffix_start: int) -> int:
    """Where a zone's name starts once a company's legal name before it in the walk is left out."""
    ends = [i + len(ending) for ending in _LEGAL_NAME_ENDS if (i := text.rfind(ending, start, suffix_start)) >= 0]
    return max(ends, default=start)


# 在广州国际生物岛建设…基地 / 落户…科学岛: a place-led name in the site slot of a project, ending in a
# landform word (岛, 湾, 谷, 港), names a park; the suffix alone does not (海南岛 is a place, 山谷 a word).
_SITE = re.compile(r"(?:在|落户|落地|入驻|扎根)([\u4e00-\u9fff]{4,10}?(?:岛|湾|谷|港))(?=建设|设立|打造|投资|落地|落户|布局|，|。|；)")


# 国家外汇管理局, 国家发改委, 中国某某地质总局, 国家工业和信息化部: a national body is named by 国家 / 中国, its field
# and the kind of body, with no place before it (the suffix finder wants a place before 局, and takes 国家 for a determiner).
_NATIONAL_BODY = re.compile(r"(?:国家|中国)([\u4e00-\u9fff]{2,9}?)(总局|总署|委员会|局|委|部|署)")
# Words that make 国家… a category, a phrase or a zone, not one body (国家有关部门, 国家级, 国家各部委, 国家和地方,
# 国家高新区管委会: the 管委会 of a national zone, read by its suffix).
_NATIONAL_NOT_AFTER = {"部": "署门分位队件落属下委", "委": "托屈婉会", "局": "面势限部促", "署": "名理"}
_NOT_NATIONAL = re.compile(r"级|有关|相关|各|部分|重点|及|与|、|的|区|园|[和]$|^和")


# 某某市委, 某某省委, 某某区区委, 某某自治区党委, 某某新区党工委, 中共某某县委, 民盟某某市委会: a party committee is named by
# the place it governs (the guide: a body whose name identifies it on its own); bare 市委 / 省委 stay out.  The same
# holds for a place's offices written in their short forms (某某市台办, 某某区国资委).
_COMMITTEE = re.compile(r"(?:回族|壮族|维吾尔|藏族|蒙古族)?(?:自治区|自治州)?"
                        r"(?:[省市区县州旗盟]?委(?:会)?|党委|党工委|工委|"
                        r"台办|外办|侨办|发改委|国资委|经信委|工信委|科委|商务委|政法委|纪委)")
# A committee's own departments (宣传部, 组织部, 统战部, 办公厅, 政法委, 编办); 常委 is a title, not one of them.
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:部|办公厅|办公室)(?![长])|政法委|编办|外办|台办")
# Democratic parties and the Communist Party named before the place (中共某某市委, 民盟某某省委).
_PARTIES = ("中共", "民盟", "民建", "民进", "民革", "农工党", "致公党", "九三学社", "台盟")
# Characters that make 委 / 办 the start of another word (委托, 委员, 委派, 办理).
_NOT_AFTER_COMMITTEE = "托员派屈婉身理法"


def _find_committees(doc: Document, place_spans: set[tuple[int, int]]) -> list[Mention]:
    text = doc.simplified
    found = []
    taken = [(m.start, m.end) for m in doc.mentions if m.type != "Place" and not m.generic]
    for place_start, place_end in sorted(place_spans):
        match = _COMMITTEE.match(text, place_end)
        if match is None:
            continue
        body = match.group()
        # the committee word with its level (市委, 区委, 市委会): a place written with its level lends it to 委
        word = text[place_end - 1] + body if body.startswith("委") else body
        if body.startswith("委") and text[place_end - 1] not in "省市区县州旗盟":
            continue  # 某某委: the place's own level must come before a committee written as 委
        end = match.end()
        if text[end : end + 1] and text[end] in _NOT_AFTER_COMMITTEE and body.endswith(("委", "办")):
            continue  # 某某市委托, 某某市办理: 委 / 办 begin a verb
        department = _DEPARTMENT.match(text, end)
        if department and body.endswith("委"):
            end = department.end()  # 某某省委宣传部, 某某市委办公厅: a department of the committee, named as written
        start = place_start
        party = next((p for p in _PARTIES if text.endswith(p, 0, start)), None)
        if party:
            start -= len(party)
        if word.endswith("委会") and not party or any(s < end and start < e for s, e in taken):
            continue  # 市委会 is a democratic party's committee; a name already read here stays
        name = text[start:end]
        # no kind: the relation rules treat a listed committee as the enumerations' bodies (某某区委、区政府相关领导出席);
        # the committee word is the name's suffix, so the mention is a suffix finder's to the learned filter
        found.append(doc.add(Mention(start, end, "Organization", None, "pattern:suffix", 0.9, name=name)))
        taken.append((start, end))
    return found


def _find_national_bodies(doc: Document) -> list[Mention]:
    text = doc.simplified
    found = []
    named = [(m.start, m.end) for m in doc.mentions if not m.generic and m.type != "Place"]
    for match in _NATIONAL_BODY.finditer(text):
        start, end = match.span()
        field, kind = match.groups()
        # 某国国家发展部, 某国科技部国家科技发展署: a country or a parent body before 国家 belongs to the name
        start = min(start, left_edge(text, start, max_len=8))
        if _NOT_NATIONAL.search(field) or best_candidate(field[:2]) is not None:
            continue
        if kind == "部" and field.endswith(("东", "西", "南", "北", "中")):
            continue  # 中国某某西部基地: 西部 is a region, not a ministry
        if text[end : end + 1] and text[end] in _NATIONAL_NOT_AFTER.get(kind, ""):
            continue  # 国家战略部署, 国家有关部门: the kind's character begins another word
        if any(s < end and start < e for s, e in named):
            continue  # part of a longer name already read (国家高新区管委会)
        found.append(doc.add(Mention(start, end, "Organization", "GovernmentBody", "pattern:national-body", 0.85,
                                     name=text[start:end])))
    return found


@cache
def _government_body_forms() -> tuple[object, dict[str, str]]:
    """The automaton of every central body's names and short forms, and each form's official name."""
    official = {form: body.name for body in government_bodies() for form in (body.name, *body.short_forms)}
    return build(official), official


@cache
def _title_words() -> frozenset[str]:
    """names.titles() as a set: asked once per word after a body."""
    return frozenset(titles())


# Endings of a unit inside a body (科技部火炬中心, 人民银行某某分行) beside lexicon.BODY_ENDINGS.
_UNIT_ENDINGS = (*BODY_ENDINGS, "中心", "分行", "支行", "所", "处", "司", "站")


def _whole_words(text: str, start: int, end: int) -> bool:
    """The span starts and ends between dictionary words (高等教育部, 财政部门: no ministry), and the words after it,
    up to a verb, a particle, a title or punctuation, name no unit of it (科技部火炬中心, 人民银行某某分行)."""
    left = max(0, start - 4)
    edges, at = set(), left
    for token in tokens(text[left : end + 4]):
        at += len(token)
        edges.add(at)
    if (start != left and start not in edges) or (end not in edges and text[end - 1 : end + 1] not in _title_words()):
        return False  # 行政院长, 科技部长: the body's last character and 长 are its head's title
    for token in tokens(text[end : end + 12]):
        tag = word_tags().get(token) or "x"
        if token in _title_words():
            return True  # 全国工商联常委: a title after the body (常委 ends as 市委 does, but names a post)
        if token in ("分行", "支行") or (token.endswith(_UNIT_ENDINGS) and tag[0] != "v"):
            return False
        if not is_name_char(token[0]) or token in FUNCTION_CHARS or tag[0] in "vpcu":
            return True
    return True


def _find_government_bodies(doc: Document) -> list[Mention]:
    """科技部, 工信部, 行政院: the central bodies a gazetteer lists, where they stand as whole words on their own."""
    automaton, official = _government_body_forms()
    text = doc.simplified
    # A zone the suffix walk read across the body (行政院核定某某园区) does not hide it.
    named = [(m.start, m.end) for m in doc.mentions if not m.generic and m.type not in ("Place", "Zone")]
    found, last_end = [], 0
    for start, words in sorted(occurrences_by_start(automaton, text).items()):
        form = max(words, key=len)
        end = start + len(form)
        if start < last_end or not _whole_words(text, start, end) or any(s < end and start < e for s, e in named):
            continue
        last_end = end
        found.append(doc.add(Mention(start, end, "Organization", "GovernmentBody", "gazetteer:government-body", 0.9,
                                     name=form)))
    # One body written in several forms (工业和信息化部 … 工信部): its entity is named by the longest form written.
    written: dict[str, str] = {}
    for mention in found:
        body = official[mention.name]
        written[body] = max(written.get(body, ""), mention.name, key=len)
    for mention in found:
        if written[official[mention.name]] != mention.name:
            mention.canonical = written[official[mention.name]]
    return found


# 产业引导基金(母基金): the fund's tier in parentheses belongs to its name; so does the legal form of a fund set up
# as a partnership (某某股权投资基金合伙企业(有限合伙), 某某基金合伙(下称…)), though not a partner (基金合伙人).
_FUND_GLOSS = re.compile(r"合伙企业(?:[(（]有限合伙[)）])?|合伙(?:[(（]有限合伙[)）]|(?=[(（]))|[(（](?:母基金|子基金|有限合伙)[)）]")
# What a fund is for, said right before 基金 (基础设施建设基金, 政府引导母基金, 企业上市培育基金): these verbs end
# the walk before other names, but inside a fund's name they are its purpose.
_FUND_PURPOSES = ("建设", "培育", "引导", "扶持", "发展", "升级", "转型", "纾困", "帮扶")
_SERIAL = re.compile(r"[\d一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]+号$")


# The task a leading group is for, said right before 领导小组 (某科技城建设领导小组, 某市推进改革工作领导小组): these
# words end the walk before other names, but inside a group's name they are its task.
_TASKS = ("建设", "推进", "改革", "创建", "整治", "申报", "保障", "攻坚")


def _confirmed_start(text: str, start: int, suffix_start: int, end: int) -> int:
    """按下某某科创大学 / 迎来某某大学 / 左起某某管理局: the left walk took in the words before a body's name
    (the segmenter glued them on, or they are no stop words); where the text also writes a shorter form of
    the same name standing on its own (after punctuation), the name starts there unless what the walk added
    is a place or ends a name of its own (浙江 of 浙江某某大学 stays)."""
    for cut in range(start + 1, suffix_start - 1):
        form = text[cut:end]
        added = text[start:cut]
        if not is_name_char(text[cut - 1]) or form.startswith(GENERIC_PREFIXES):
            continue
        if best_candidate(added) is not None or strip_leading_places(added) or best_candidate(added[:2]) is not None \
                or best_candidate(added[:3]) is not None or added.endswith((*ORG_SUFFIXES, *ZONE_SUFFIXES)):
            return start
        if not any(_governs(t) or word_tags().get(t) in ("f", "m", "r") or t in STOP_TOKENS for t in tokens(added)):
            continue  # 粤港澳大湾区|某某联盟: a region or a name before the shorter form belongs to the name
        if any(not is_name_char(text[i - 1]) for i in occurrences(text, form) if i > 0 and i != cut) or text.startswith(form):
            return cut
    return start


def _after_kind_word(text: str, start: int, suffix_start: int) -> int:
    """其母公司某某投资集团, 上市公司某某科技有限公司: a dictionary word for a kind of company (one word, 母公司,
    上市公司) that opens the prefix says what the company is; its name begins after it."""
    parts = tokens(text[start:suffix_start])
    if len(parts) >= 2 and len(parts[0]) >= 3 and parts[0].endswith(("公司", "企业")) and parts[0] in word_tags() \
            and suffix_start - start - len(parts[0]) >= 2:
        return start + len(parts[0])
    return start


def _inner_word_start(text: str, start: int, word: str) -> int:
    """某某城市建设投资有限公司, 某某高新区企业服务中心: 建设 and 企业 end the walk before most names, but after a
    name (a place, a zone, a trade name) and inside a company's or a service centre's name they are its own words."""
    if not text.endswith(word, 0, start):
        return start
    before = left_edge(text, start - len(word))
    return before if start - len(word) - before >= 2 else start


def _task_start(text: str, start: int) -> int:
    """The left edge of a leading group's name past the words of its task (某某科技城建设领导小组办公室)."""
    for _ in range(2):
        task = next((t for t in _TASKS if text.endswith(t, 0, start)), None)
        if task is None:
            break
        start = left_edge(text, start - len(task))
    return start


def _fund_start(text: str, start: int, suffix_start: int, extra: str) -> int:
    """The left edge of a fund's name past its purpose words and its serial number (城市开发1号棚改基金)."""
    while start == suffix_start or text[start:suffix_start] in _FUND_PURPOSES:
        purpose = next((p for p in _FUND_PURPOSES if text.endswith(p, 0, start)), None)
        if purpose is None:
            break
        start = left_edge(text, start - len(purpose), extra=extra)
    serial = _SERIAL.search(text, max(0, start - 6), start + 1) if text[start : start + 1] == "号" else None
    if serial:
        start = left_edge(text, serial.start(), extra=extra)
    opening = max(text.rfind(mark, start, suffix_start) for mark in "“「")
    if opening >= 0 and not any(mark in text[opening:suffix_start] for mark in "”」"):
        start = opening + 1  # 廊道建设基金“某某1号棚改基金”: the quote opens the fund's own name
    # 《某基金实施方案》《某基金管理办法》: a book title closes before the fund, never inside its name
    closed = max(text.rfind(mark, start, suffix_start) for mark in "》《")
    return closed + 1 if closed >= 0 else start


def _find_sites(doc: Document) -> list[Mention]:
    found = []
    for match in _SITE.finditer(doc.simplified):
        start, end = match.span(1)
        name = match.group(1)
        led_by_place = any(best_candidate(name[:cut]) is not None for cut in (2, 3))
        if not led_by_place or best_candidate(name) is not None:
            continue
        if any(m.start < end and start < m.end and m.type != "Place" for m in doc.mentions):
            continue  # already part of another name
        found.append(doc.add(Mention(start, end, "Zone", "Park", "pattern:site-cue", 0.7, name=name)))
    return found


def find_base_zones(doc: Document) -> list[Mention]:
    """某某能源化工基地 … 某某基地: a base the text also calls by its first word and 基地 alone is spoken of as a place
    of its own, a zone (companies settle in it); a 基地 named only once in full is mostly a project or an honour
    (某某产业示范基地), so 基地 is no zone suffix."""
    text = doc.simplified
    taken = doc.name_occupancy()
    found = []
    for suffix in re.finditer("基地", text):
        start = left_edge(text, suffix.start())
        name = text[start : suffix.end()]
        short = next((name[:n] + "基地" for n in (2, 3) if len(name) >= n + 6 and _standalone(text, name[:n] + "基地")), None)
        if short is None or len(name) > 14 or taken.overlaps(start, suffix.end()) or best_candidate(name[:-2]):
            continue
        for form, canonical in ((name, None), (short, name)):
            for occurrence in re.finditer(re.escape(form), text):
                if not taken.overlaps(*occurrence.span()):
                    taken.mark(*occurrence.span())
                    found.append(doc.add(Mention(*occurrence.span(), "Zone", "Zone", "pattern:base-short-form", 0.7,
                                                 name=form, canonical=canonical)))
    return found


def _standalone(text: str, short: str) -> bool:
    """某某基地 stands in the text as a name of its own: its first word is a proper one (not 制造 of 装备制造基地) and
    a name starts there."""
    head = short[:-2]
    if word_tags().get(head) in ("n", "vn", "v", "a", "an", "d"):
        return False
    return any(left_edge(text, m.start() + len(head)) == m.start() for m in re.finditer(re.escape(short), text))


# 海淀园, 西青园: a park of a zone named by its district and 园 (一区十园 lists them), and the other 园 of that list.
_PARK = re.compile(r"[\u4e00-\u9fff]{2,6}?园(?![区林艺地内外长丁子])")
_LISTED_PARK = re.compile(r"(?<=[、，,：:])[\u4e00-\u9fff]{2,4}园(?=[、，,。；])")


def _find_place_parks(doc: Document) -> list[Mention]:
    """Parks named by a district (天开西青园, 海淀园), and the 园 listed with them (、德胜园、)."""
    text = doc.simplified
    found = []
    taken = doc.name_occupancy()
    for match in _PARK.finditer(text):
        end = match.end()
        place = next((n for n in (3, 2) if best_candidate(text[end - 1 - n : end - 1]) or
                      any(c.level in ("District", "County") for c in lookup_place(text[end - 1 - n : end - 1]))), None)
        if place is None:
            continue
        start = left_edge(text, end - 1 - place)
        start = start if best_candidate(text[start : end - 1 - place]) is None and end - 1 - start <= 6 else end - 1 - place
        if taken.overlaps(start, end):
            continue
        taken.mark(start, end)
        found.append(doc.add(Mention(start, end, "Zone", "Park", "pattern:place-park", 0.7, name=text[start:end])))
        sentence = doc.sentence_at(start)
        for other in _LISTED_PARK.finditer(text, sentence.start, sentence.end):
            listed = "、" in (text[other.start() - 1], text[other.end()])
            if listed and not taken.overlaps(*other.span()):
                taken.mark(*other.span())
                found.append(doc.add(Mention(other.start(), other.end(), "Zone", "Park", "pattern:place-park", 0.6,
                                             name=other.group())))
    return found


_VERB_TAGS = ("v", "vd", "d", "ad", "l", "i")
# Words that govern a name without being part of it (认定…, 签订…, 进一步优化…, 一季度…, 随着…).
_GOVERNING_TAGS = ("v", "vd", "vn", "d", "ad", "l", "i", "t", "mq", "p", "c", "uz", "ul")
# A place written as a city, county or district the gazetteer may not list (盘州市, 玉屏县).
_PLACE_LIKE = re.compile(r"[\u4e00-\u9fff]{1,3}?(?:市|县|区|州|旗)")
# Characters that end the word before a name and never begin one (伴随着, 获批, 百亿级).
_WORD_ENDINGS = "着著了过批好"


def _after_governing_words(text: str, start: int, suffix_start: int) -> int:
    """拟认定青溪县…产业集群, 签订凤鸣产业基金, 进一步优化青溪新片区, 一季度凤鸣开发区: a zone's, fund's or
    cluster's name begins after the verbs, adverbs and time words that govern it, where a proper name begins."""
    if start < suffix_start and text[start] in _WORD_ENDINGS and start > 0 and is_name_char(text[start - 1]):
        start += 1
    parts = tokens(text[start:suffix_start])
    if parts and all(_governs(t) and word_tags().get(t) in ("v", "d", "p", "c", "ad", "uz") for t in parts):
        return suffix_start  # 但不干预基金, 紧紧围绕集群: the bare head after the words that govern it
    offset = 0
    leading = True
    for index, token in enumerate(parts[:-1]):
        leading = leading and _governs(token)
        # 扩充凤青基金 inside a longer run: a verb of two characters before a proper name ends what came before
        inner = word_tags().get(token) == "v" and len(token) >= 2 and not lookup_place(token)
        # 某地节能环保产业集群: a verb that opens a field (节能环保) is the field's first word
        at = start + offset
        inner = inner and not any(industry_term(text[at : at + n]) for n in range(len(token) + 2, len(token) + 5))
        # 本届凤洽会凤鸣新区: an event's short name before the zone that takes part in it
        inner = inner or len(token) >= 3 and token.endswith("会")
        offset += len(token)
        if not (leading or inner):
            continue
        rest = text[start + offset : suffix_start]
        place = _PLACE_LIKE.match(rest)
        proper = (word_tags().get(parts[index + 1]) in PROPER_TAGS or best_candidate(parts[index + 1])
                  or best_candidate(rest[:2]) or best_candidate(rest[:3]))
        if len(rest) >= 2 and (proper or leading and (place and len(rest) > place.end() + 1 or rest.startswith(("国家", "中国")))):
            return start + offset
        if leading and index == 0 and len(token) >= 2 and word_tags().get(token) == "p" and len(rest) >= 3:
            return start + offset  # 随着新能源产业园: a preposition of two characters never begins a name
    return start


def _listed_places_start(text: str, start: int) -> int:
    """某市、某市、某市某某集群: a cluster shared by several places lists them all before its fields; places
    listed with 、 right before the name are part of it (a word before the first place governs the list)."""
    at = start
    while at >= 3 and text[at - 1] == "、":
        sep = at - 1
        low = run_start(text, sep, 8)
        place_at = next((k for k in range(low, sep - 1) if best_candidate(text[k:sep]) is not None), None)
        if place_at is None:
            break
        at = place_at
        if place_at > low:
            break
    return at


def _governs(token: str) -> bool:
    tag = word_tags().get(token)
    if best_candidate(token) is not None or lookup_place(token):
        return False  # 遵义 is tagged a verb
    return tag in _GOVERNING_TAGS and (len(token) >= 2 or tag in ("p", "d", "c")) or token in FUNCTION_CHARS


def _after_leading_verb(text: str, start: int, suffix_start: int, lone_verbs: bool = True, regions: bool = False) -> int:
    """勾勒出井冈山经开区, 来滨海新区, 保留河北辛集经济开发区, 导入江西省某某集团: a name starts at the place after a
    verb the left walk took in (verbs can stand inside names, so the walk does not stop at them).  Without
    ``lone_verbs`` (a company's name) the verb must be a word of two characters: 新浪乐居北京公司 keeps its 居."""
    parts = tokens(text[start:suffix_start])
    offset = 0
    for index, token in enumerate(parts):
        verb = parts[index - 1] if index else ""
        placed = best_candidate(token) is not None or word_tags().get(token) == "ns" and best_candidate(token[:2]) is not None
        # 环杭州湾某某集群: with ``regions`` (a cluster spans a region) 环 before a place names the area around it
        if word_tags().get(verb) in _VERB_TAGS and (lone_verbs or len(verb) >= 2) and placed and not (regions and verb == "环"):  # 继|上海临江新区
            return start + offset
        offset += len(token)
    return start


def _whole_of(prefix: str) -> bool:
    """某某全园区: 全 before the head speaks of the whole of a zone named before it (安全产业园 keeps its word)."""
    parts = tokens(prefix)
    return len(parts) > 1 and parts[-1] == "全"


#: 做大做强, 做大做优做强: a verb repeated, each time with its aim, a set phrase the segmenter leaves in characters.
_PAIRED_VERBS = re.compile(r"(?:做[大强优精实特新]){2,}")


def _after_opening_verb(text: str, start: int, suffix_start: int) -> int:
    """紧盯某某产业园, 借鉴某某合作园区, 构建某某产业集群: a verb of two characters (紧盯 is tagged a state word) that
    opens what the left walk took in governs the name after it (the walk does not stop at verbs, which stand inside
    unknown names).  A place the segmenter tags as a verb (包头), a field (集成电路) and a verb that makes a kind
    (引领型) stay."""
    paired = _PAIRED_VERBS.match(text, start, suffix_start)
    if paired:
        return paired.end()  # 做大做强产业园区: a verb said twice over its aims governs what follows
    parts = tokens(text[start:suffix_start])
    verb = parts[0] if len(parts) > 1 else ""
    if len(verb) != 2 or word_tags().get(verb) not in ("v", "z") or verb in _NAME_WORDS or lookup_place(verb):
        return start
    if text[start + 2 : start + 3] in ("型", "性", "式") or any(industry_term(text[start : start + n]) for n in range(3, 7)):
        return start
    return start + len(verb)


def _joined_fields_start(text: str, start: int, suffix_start: int, kind: str | None) -> int:
    """青溪光电和凤鸣材料产业园, 某A及B产业园 (A a field): a park named by two fields joined with 和 / 及 takes in
    the first field (and what comes before it), which the left walk stopped at the joiner."""
    if kind != "Park" or text[start - 1 : start] not in ("和", "及") or suffix_start - start < 2 \
            or any(lookup_place(text[start : start + n]) for n in (2, 3)):
        return start  # 某食品和临川…产业园: a park named after its own place begins a name of its own
    before = left_edge(text, start - 1)
    return before if field_ends_at(text, start - 1, before) else start


#: Short forms of a zone's kind, never a legal name's division (某经开区某某有限公司 is the company of that zone).
_ZONE_ABBREVIATIONS = ("经开区", "高新区", "综保区", "自贸区")
#: Tags of a word that opens a trade name (a person's or a proper name, a place), not a business word (投资, 城市).
_TRADE_NAME_TAGS = {"nr", "nrt", "nrfg", "nz", "ns", None}


def _after_zone_name(text: str, ends: dict[int, tuple[int, str]], start: int, suffix_start: int) -> int:
    """Z临汾某某集团 / 某经开区云栖某某有限公司: after a zone's name, a company whose own name opens with a place (its
    legal name's division), or with a trade name after a zone written in short (经开区 divides no legal name), is
    the company written where it is: its name begins after the zone's.  A trade name after a zone's full name
    (沧州凤鸣新区欧特某某有限公司: the zone may be the legal name's division) or a zone's own business words
    (某高新区投资发展有限公司) keep the name whole."""
    for zone_end in sorted(e for e in ends if start < e <= suffix_start - 2):
        zone_start, zone_suffix = ends[zone_end]
        if _SUFFIXES[zone_suffix][0] != "Zone" or zone_start - start < 2 or zone_suffix in ("新区", "新城") \
                or suffix_start - zone_end < 4:
            continue
        placed = any(best_candidate(text[zone_end : zone_end + n]) is not None for n in (2, 3))
        first = tokens(text[zone_end:suffix_start])[0]
        traded = zone_suffix in _ZONE_ABBREVIATIONS and (len(first) == 1 or word_tags().get(first) in _TRADE_NAME_TAGS)
        if placed or traded:
            return zone_end
    return start


def _after_named_zone(text: str, ends: dict[int, tuple[int, str]], start: int, suffix_start: int, suffix: str) -> int:
    """Z凤鸣产业园, Z凤鸣新城 (Z a zone's full name): a zone named in full right before a park or town of its own
    name is two zones written in a row (the second lies in the first), not one name.  A park named by the zone and
    a kind word (Z医药产业园, Z光子产业园) stays whole, and so does a part named by a place alone (Z + a place + 园区); other
    kinds after a zone (Z凤鸣片区) keep the zone's name as their own."""
    if _SUFFIXES[suffix][1] != "Park" and suffix not in ("工业园区", "新城"):
        return start
    for zone_end in sorted((e for e in ends if start < e <= suffix_start - 2), reverse=True):
        zone_start, zone_suffix = ends[zone_end]
        if _SUFFIXES[zone_suffix][0] != "Zone" or zone_start - start < 2:
            continue
        second = zone_end + 1 if text[zone_end] in "·." else zone_end
        own = text[second:suffix_start]
        parts = tokens(own)
        # (星澜产业园: a word the segmenter does not know, cut into characters, is a name, whatever 星 alone is)
        unknown = len(parts) >= 2 and all(len(part) == 1 for part in parts)
        if (len(own) < 2 or own[0] in "内的和与及在" or lookup_place(own) or names_a_kind(text[second : suffix_start + len(suffix)])
                or word_tags().get(parts[0]) == "n" and not unknown or _joined_across_suffix(own, suffix)):
            return start  # Z光子产业园: a common word opens a kind of park, not a name
        return second
    return start


def _led_by_place_or_zone(prefix: str) -> bool:
    """A prefix that opens with a place (not 中国 / 国家, which open a national designation) or holds a zone's name."""
    if prefix.startswith(("中国", "国家", "全国")):
        return False
    if any(word in prefix[:-1] for word in ZONE_SUFFIXES if ZONE_SUFFIXES[word] == "Zone"):
        return True
    parts = tokens(prefix)
    place = best_candidate(parts[0]) if parts else None
    if place is not None and place.level == "Province":
        # 某省医疗健康产业示范基地, 某省制造基地: a province and a field name a designation; a zone of the province
        # is named by a place or a proper word of its own after it (某省某东能源化工基地)
        return len(parts) > 1 and (word_tags().get(parts[1]) in (*PROPER_TAGS, "j", None) or bool(lookup_place(parts[1])))
    return bool(strip_leading_places(prefix) or best_candidate(prefix[:2]) or best_candidate(prefix[:3])
                or any(lookup_place(prefix[:n]) for n in (2, 3)))


def _make(doc: Document, start: int, suffix_start: int, end: int, entity_type: str, kind: str | None) -> Mention | None:
    text = doc.simplified
    if text[suffix_start:end] in _LED_ZONE_HEADS and not _led_by_place_or_zone(_clean(text[start:suffix_start])):
        return None
    if text[suffix_start:end] == "示范园" and not (_led_by_place_or_zone(_clean(text[start:suffix_start])) or any(
            best_candidate(m.group(1)) for m in re.finditer(r"\(([\u4e00-\u9fff]{2,4})\)", text[start:suffix_start]))):
        return None  # 某某创新引领示范园, 中小企业创新创业示范园: a title or the class; a place (中国(某市)…) names one park
    date_word = _DATE_WORD.match(text, start) if text[start - 1 : start].isdigit() else None
    if date_word and date_word.end() < suffix_start:  # (of any name: 15日某某控股集团)
        start = date_word.end()  # 2025年度某某科技城十大成果, 8月某某自贸试验区: a date's word is no part of the name
    unopened = max(text.rfind(")", start, suffix_start), text.rfind("）", start, suffix_start))
    if unopened >= 0 and "(" not in text[start:unopened] and "（" not in text[start:unopened]:
        start = unopened + 1  # 某开发区(某某开发区)青溪工业园区: a bracket closed before the name began ends what came before
    party = next((p for p in _PARTIES if text.startswith(p, start)), "") if entity_type == "Zone" else ""
    if party and suffix_start - start >= len(party) + 2:
        start += len(party)  # 中共某某新区工作委员会: the zone named inside its party committee's name is the zone
    ranked = _ranked_place(_clean(text[start:suffix_start])) if entity_type == "Zone" else None
    if ranked:
        start = suffix_start - len(ranked)  # 国家级渭南经开区: the rank is no part of the zone's name
    name = _clean(text[start:end])
    prefix = _clean(text[start:suffix_start])
    suffix = text[suffix_start:end]
    government_fund = entity_type == "Fund" and _government_fund_named(prefix, text, end)
    # 本届, 全市 are determiners; 本溪湖, 全椒 begin with a place
    determiner = prefix.startswith(GENERIC_PREFIXES) and not any(best_candidate(prefix[:n]) for n in (2, 3)) and not (
        entity_type == "Zone" and _ranked_place(prefix)) and not _opens_with_a_numeral_word(prefix) and not government_fund \
        and not national_body(text, start, end)
    # 高新区管委会 after 某某高新区管委会: the body of a zone named by its bare kind refers back like 管委会 alone
    zone_body = kind == "GovernmentBody" and prefix in GENERIC_HEADS and any(
        m.type == "Organization" and not m.generic and m.name.endswith(name) and len(m.name) > len(name) for m in doc.mentions)
    generic = len(prefix) < 2 or name in GENERIC_HEADS or determiner or zone_body
    if entity_type == "Zone" and (_describes_zones(prefix, suffix) or _aimed_at(text, start, prefix) or _in_slogan(text, start, end, prefix)
                                  or _title_conferred(text, start, prefix) or _role_held_as(text, start, end)
                                  or _PLURAL.search(text, max(0, start - 8), start) or _ONE_OF.match(text, end)
                                  or _RANK_AND_ABOVE.search(prefix)
                                  or _joined_across_suffix(prefix, suffix) or _stacked_kinds(prefix, kind)
                                  or _whole_of(prefix)):
        return Mention(suffix_start, end, entity_type, kind, "pattern:suffix", 0.9, name=text[suffix_start:end], generic=True)
    if entity_type in ("Cluster", "Fund") and _is_category(prefix) and not _DECLARED_SHORT.match(text, end) \
            and not _DECLARED_BEFORE.search(text, max(0, start - 8), start) and not government_fund:
        return None  # (设立政府投资引导基金(以下简称“引导基金”): a kind of fund the text then names, as one fund, both times)
    if entity_type == "Organization" and suffix.endswith("中心") and _CENTRE_AIMED_AT.search(text, max(0, start - 6), start) \
            and _SCOPE_WORDS.search(prefix):
        return None  # 打造某湾区国际科技创新中心: the standing a place aims at, not a body
    if entity_type == "Zone" and _BRAND_TITLE.search(prefix):
        return None  # 某省某某知名品牌示范区: a quality title a set of firms earns, not a zone anyone governs
    if entity_type == "Cluster" and (_names_no_cluster(prefix, text[suffix_start:end])
                                     or _PLURAL.search(text, max(0, start - 8), start)):
        return None  # (形成纺织、机电两个智造产业集群: clusters counted are a class, as zones counted are)
    if entity_type == "Fund" and re.match(r"有限|股份|体系|管理(?:有限|股份|公司|人)", text[end : end + 4]):
        return None  # 某某基金(管理)有限公司 is a company; 全链条基金体系 is a system of funds
    if entity_type == "Fund" and re.match(r"[”\"」』]?集?群", text[end : end + 3]):
        return None  # 母基金+子基金集群, 千亿元级产业投资基金群: funds gathered, none of them named
    if entity_type == "Fund" and _NO_FUND_PREFIX.search(prefix):
        return None  # (第一)只创业投资母基金, 首只基金: counted; 基金管理委员会负责审定基金, 单笔投资不超过基金: a clause
    if entity_type == "Fund" and _GRANT_BEFORE.search(text, max(0, start - 4), start) and not _INVESTS_AFTER.match(text, end):
        return None  # 获得“某某创意基金”、“某某培育计划”资助: a grant a firm wins, not a fund that invests
    if entity_type == "Cluster" and prefix.endswith(("设施", "装置")):
        return None  # 某某设施集群: research facilities gathered, not an industry's cluster
    if suffix_start + 1 == end and (not strip_leading_places(name) or text[suffix_start - 1 : end] in word_tags()):
        return None  # 厅 / 局 name a government department only after a place (安徽省…厅), never 展厅 or 格局
    descriptive_tags = ("v", "vn", "a", "ad", "d", "an", "l") if entity_type == "Zone" else ("v", "vn", "a", "ad", "d", "an")
    if not generic and word_tags().get(prefix) in descriptive_tags and not lookup_place(prefix):
        return None  # 共享实验室, 配套园区, 不断完善产业园区: a description, not a name
    if entity_type == "Organization" and not generic and _describes_bodies(prefix, suffix_start, end, text):
        return None
    if suffix == "公会" and (not prefix or word_tags().get(prefix) in ("n", "vn", "v", "b", "an", "nz") or prefix.endswith("办")):
        return None  # 产业公会: a kind of guild; 主任办公会: a meeting of the heads of an office, no guild
    if entity_type == "Organization" and not generic and kind_of_body_at(text, start, end):
        return None  # 行业协会, 派出所: a kind of body every place has, none named (某某科技及工业局 is one body)
    if suffix in ("办公室", "办事处") and not generic and not _placed(prefix):
        return None  # 综合办公室, 党政办公室: an office is named by the place, zone or body it belongs to
    if name.endswith("公司") and not name.endswith("有限公司") and prefix and not prefix.startswith(GENERIC_PREFIXES):
        named = any(m.name == prefix for m in doc.mentions if m.type in ("Zone", "Organization", "Place"))
        if not (named or len(prefix) >= 3 and strip_leading_places(prefix)):
            return None  # 子公司, 上市公司: a kind of company; 香港科技园公司, 澳门彩票公司 are names
    if generic:
        # Only a bare head word (or 该/本 + head) refers back; other short stems are noise.
        if not (len(prefix) == 0 or prefix.startswith(GENERIC_PREFIXES) or zone_body):
            return None
        start = suffix_start
    return Mention(start, end, entity_type, kind, "pattern:suffix", 0.9, name=_clean(text[start:end]), generic=generic)


_DATE_WORD = re.compile(r"年度|年|月|日")
_BRAND_TITLE = re.compile(r"品牌(?:创建|建设|培育)?$")


def _opens_with_a_numeral_word(prefix: str) -> bool:
    """两溪产业集团, 多彩某某公司: 两 / 多 counts (两家公司, 多个园区) only before a measure word or the head itself;
    before other characters they begin a name."""
    return len(prefix) >= 2 and prefix[0] in "两多" and prefix[1] not in "个家只支座所种条批项位名间次届人大类地方些省市区县国岸"


def _placed(prefix: str) -> bool:
    """A prefix that begins with a place or holds a zone's or body's name (某市人民政府驻某地, 某某示范区)."""
    if unplaced_body(prefix) or prefix[:1] in "省市区县州":
        return False  # 市政府办公室: the office of a body the text leaves unplaced
    return bool(strip_leading_places(prefix) or best_candidate(prefix[:2]) or best_candidate(prefix[:3])
                or any(word in prefix for word in (*ZONE_SUFFIXES, "政府", "管委会")))


# Words that say what a centre does, not whose it is (科技创新中心, 成果转化服务中心, 产业创新中心).
_CENTRE_FIELDS = frozenset("科技 产业 技术 成果 转化 成果转化 企业 综合 国际 全球 影响力 科创 创业 人才 政务 金融 数据 "
                           "科技创新 协同 区域 具有 全球影响力 与".split())


def _describes_bodies(prefix: str, suffix_start: int, end: int, text: str) -> bool:
    """研究型大学, 项目路演+资本, 科技创新中心: a kind of body, two things joined, or what a centre does."""
    if prefix.endswith("型"):
        return True  # 研究型大学, 创新型企业: a kind
    if "+" in prefix and len(prefix.rsplit("+", 1)[1]) < 2:
        return True  # 项目路演+资本对接, 地方侨联+大学侨联: a formula, not a name
    if text[suffix_start:end].endswith("中心") and all(t in _CENTRE_FIELDS for t in tokens(prefix)):
        return True
    return False


# A free-trade port or pilot zone is one zone named after its whole province (某省自由贸易港, 某省自贸区).
_PROVINCE_WIDE = ("自由贸易港", "自贸港", "自由贸易试验区", "自贸区")


def _ranked_place(prefix: str) -> str | None:
    """国家级渭南 (of 国家级渭南经开区): a rank before a place is the rank of one zone named after the place; the
    prefix without its rank, None when no place follows a rank."""
    rank = re.match(r"(?:国家级|自治区级|省级|市级|县级)", prefix)
    rest = prefix[rank.end():] if rank else ""
    return rest if rest and (best_candidate(rest[:2]) is not None or best_candidate(rest[:3]) is not None) else None


def _describes_zones(prefix: str, suffix: str = "") -> bool:
    """科技园区, 世界一流科学城, 浙江省国家级经开区: words that describe zones, or a rank after a place, name none;
    nor does a rank after words that are no place (长江经济带国家级…示范开发区) or a kind (生态型都市工业园区)."""
    rest = _ranked_place(prefix)
    if rest:
        return _describes_zones(rest, suffix)
    unplaced = min((prefix, *strip_leading_places(prefix)), key=len)
    if unplaced.endswith(COLLECTIVE_RANKS) and not (_district_rank(unplaced) or suffix == "新区" and _district_rank(prefix, suffix)) or _unplaced_rank(prefix) or CATEGORY_KIND.match(prefix):
        return True
    if re.match(r"[沪苏浙皖京津冀川渝粤闽赣湘鄂豫鲁晋陕甘宁青新藏桂琼黔滇蒙辽吉黑]{3}", prefix):
        return True  # 沪苏浙自贸试验区: three provinces' zones together, a collective label
    if "特色" in prefix or prefix.startswith(("代表性", "示范性", "标杆")):
        return True  # 某市特色产业园区, 代表性化工园区: a designation parks are selected into, no one zone
    if "标杆" in unplaced or re.search(r"[\u4e00-\u9fff]式", unplaced):
        return True  # 打造标杆式智造新城, 花园式工业园区: the kind of zone aimed at (a slogan), no zone's name
    if re.fullmatch(r"(?:长三角|珠三角|京津冀|粤港澳|成渝|东北|中部|西部|东部)(?:地区|区域)?(?:自贸|自由贸易)?", prefix):
        return True  # 长三角自贸区: a region's zones together
    if "+" in prefix:
        return True  # 自贸港+综保区: a formula of kinds of zone, not a name
    if re.match(r"沿[边江海黄河湖线岸]", prefix):
        return True  # 沿边临港产业园区, 沿黄经开区: the zones along a border, a coast or a river, with no place before them
    if re.search(r"最|十佳|百强|十强|首选|唯一", prefix):
        return True  # 荣获“中国最具投资价值开发区”, 作为中国唯一科技城: an honour's or an epithet's superlative, no zone's name
    if re.search(r"[一二三四五六七八九十百两几多]大", unplaced):
        return True  # 某市十大科技示范园区, 四大开发区: a counted set of zones, no one zone
    if _provincial_rank(prefix):
        return True  # 获批湖南省级化工园区: a province's rank names a designation all its zones of a kind can hold
    if prefix.startswith(("级", "型", "类")):
        return True  # 建成千亿级高新园区: the walk stopped at the number, what is left is a kind of zone
    if re.search(r"全(?:国|省|市|区|县)$", prefix) or prefix == "中国" and not suffix.endswith(_PROVINCE_WIDE):
        return True  # 深入研究全市开发区: all the zones of a place, the walk took in the words before
    if re.search(r"多地|两地|各地|均有|现有|已有|上述|区域$|[省市县]域$", prefix) or re.fullmatch(r"[省市县区]{2,}", prefix):
        return True  # 江西省多地开发区, 京冀两地开发区, 某省县域工业园区, 县市区产业园, 某市现有开发区: zones of several places
    placed = prefix.removesuffix("国家")  # 某省国家高新区: the province's national zones, a class as 省级 ones are
    province = best_candidate(placed)
    if province is not None and placed in (province.name, province.short) and province.name.endswith(("省", "自治区")) \
            and not suffix.endswith(_PROVINCE_WIDE):
        return True  # 江西开发区: a province's zones (one zone is named after its city or county)
    if _described_part(unplaced):
        return True  # 北京南部现代制造业新区: a part of a place described, no zone's name
    return all(t in DESCRIPTIVE_ZONE_WORDS for t in tokens(prefix)) or all(t in DESCRIPTIVE_ZONE_WORDS for t in _words(prefix))


def _described_part(unplaced: str) -> bool:
    """南部现代制造业新区, 中部生物医药示范区: a part of a country or place and descriptive words or a field, the
    kind of zone a region is to build (a goal), no zone's name."""
    parts = tokens(unplaced)
    return len(parts) >= 2 and parts[0] in DIRECTION_WORDS and (
        all(t in DESCRIPTIVE_ZONE_WORDS for t in parts[1:]) or industry_term("".join(parts[1:])) is not None)


# 某开发区是某市四大开发区之一, 某试点园区之一: the class a zone is one of, not a zone's name.
_ONE_OF = re.compile(r"[”\"」]?之一")


def _joined_across_suffix(prefix: str, suffix: str) -> bool:
    """建设科技创新城: the suffix's first character ends a word of the prefix (创新 | 新城), so the name is the
    descriptive words 科技创新 before a bare 城, not a place or a name before 新城."""
    joined = prefix[-1:] + suffix[:1]
    return len(joined) == 2 and joined in word_tags() and _describes_zones(prefix + suffix[0])


def _stacked_kinds(prefix: str, kind: str | None) -> bool:
    """某自贸港先行区示范区, 某自主创新示范区高新区: a zone word right after another zone's kind (…区) names a
    label or the zones of that area, not one zone (a park inside a zone, …高新区软件园, is read by its own kind)."""
    return kind == "Zone" and prefix.endswith(_ZONE_KIND_ENDINGS) and not prefix.endswith("园区")


_ZONE_KIND_ENDINGS = tuple(s for s in ZONE_SUFFIXES if s.endswith("区")) + ("先行区", "先导区")


def _words(prefix: str) -> list[str]:
    """The prefix cut into the descriptive words it is made of, longest first (科创 and 零碳 are no dictionary words)."""
    words, i = [], 0
    while i < len(prefix):
        word = next((prefix[i:j] for j in range(len(prefix), i, -1) if prefix[i:j] in DESCRIPTIVE_ZONE_WORDS), prefix[i])
        words.append(word)
        i += len(word)
    return words


# 打造“生态都市园区”, 将打造成一个…的医疗健康产业园, 是…于一体的低碳示范区: what a zone is to become or is
# described as, not a zone's name (the guide's slogans that look like zones).
#: The verbs of what a place or zone is to become (打造, 建设成为, 定位为).
_GOAL_VERBS = "打造|打造成|建成|建设成|建设成为|成为|定位为"
_GOAL = re.compile(f"(?:{_GOAL_VERBS}|是)(?:一个|一座)?[“\"「]$|"
                   r"(?:打造|建成|成为|是)(?:全球|全国|国内|全省|世界|中国)?(?:第一个|首个|首家|唯一一个)$")
_DESCRIBED = re.compile(r"(?:打造|建成|建设成|成为|定位为|是|形成)(?:一个|一座)?[^。；;：:]*的$")
# 围绕建设A区、B区: the items of a list of goals a zone works towards; 为某新区建设A区、B区添动力: what a deed
# helps a place become (为 and the place before the verb).
_GOAL_LIST = re.compile(r"(?:(?:围绕|着力|致力于)|为[^，。；、“”]{0,6})(?:建设|打造)(?:[^，。；、“”]{2,16}、)*$")
# 全国首批13个…产业园区, 218家国家级经开区: zones counted in the plural are a class, not one zone.
# 打造一批“…园区”: a batch of zones aimed at, no one zone.
_PLURAL = re.compile(r"(?:(?<![\d])(?:[2-9]|\d{2,})|[两二三四五六七八九十百千几多]+)[个家座]$|(?:一批|若干|一系列)[“\"「]?$")
# 自治区级以上园区, 省级及以上园区: the zones of a rank and those above it are a class
_RANK_AND_ABOVE = re.compile(r"级?(?:及)?以[上下]$")


def _aimed_at(text: str, start: int, prefix: str) -> bool:
    """A zone word in the slot of a goal or a description (打造X园区, 是…的X示范区) with no place in its prefix."""
    if strip_leading_places(prefix) or best_candidate(prefix[:3]) is not None or best_candidate(prefix[:2]) is not None:
        return False
    before = text[max(0, start - 40) : start]
    return bool(_GOAL.search(before) or _DESCRIBED.search(before) or _GOAL_LIST.search(before))


# 列为某市示范工业园区, 被评为省级重点产业园区: a title conferred on a zone (a place and a grade before the zone word),
# not the zone's name; an upgrade to a named zone (升级为某某高新技术产业开发区) has no grade word and stays a name.
_CONFERRING = re.compile(r"(?:列为|评为|认定为|命名为|授予|确定为|评定为)$")
_GRADES = ("示范", "重点", "特色", "优秀", "先进", "星级", "标准化", "模范")


def _title_conferred(text: str, start: int, prefix: str) -> bool:
    """A zone word after a conferring verb whose prefix is a place and a grade word (列为某市示范工业园区)."""
    return bool(_CONFERRING.search(text, max(0, start - 4), start)) and any(
        rest.startswith(_GRADES) for rest in [prefix, *strip_leading_places(prefix)])


def _role_held_as(text: str, start: int, end: int) -> bool:
    """作为某某示范园区，某园区…: a zone word right after 作为 and closed by a comma (or a list's 、) is a role or a
    title the zone named after it holds, not a zone of its own."""
    return start >= 2 and text.startswith("作为", start - 2) and text[end : end + 1] in ("，", ",", "、")


# What closes a quoted list of goals: “…、…示范区”目标, “…、…示范区”三大核心定位.
_SLOGAN_AFTER = re.compile(r"^[”\"」](?:等)?(?:[一二三四五六七八九十两\d]+[大个项])?(?:核心|发展|战略)?(?:目标|定位|战略|理念|愿景|使命|任务)")


_THEME_AFTER = re.compile(r"为(?:主题|题|主线|宗旨)")
# 打造 / 建成 / 成为 … 国际科技创新中心: a centre of a scope (国际, 全球, 世界, 区域) that a place aims to become
_CENTRE_AIMED_AT = re.compile(f"(?:{_GOAL_VERBS}|建设|争创|创建)(?:成为?|为)?$")
_SCOPE_WORDS = re.compile(r"国际|全球|世界|区域")


def _in_slogan(text: str, start: int, end: int, prefix: str) -> bool:
    """A zone word with no place in its prefix inside a quoted list of goals or positionings, or a quoted theme: a slogan, not a zone."""
    if strip_leading_places(prefix) or best_candidate(prefix[:3]) is not None or best_candidate(prefix[:2]) is not None:
        return False
    opening = max(text.rfind("“", max(0, start - 60), start), text.rfind("「", max(0, start - 60), start))
    closing = re.search(r"[”\"」]", text[end : end + 40])
    if opening < 0 or closing is None:
        return False
    quoted = text[opening + 1 : end + closing.start()]
    # Named as goals either after the list (…”目标) or before it (打造“A、B、C”): a goal verb opens the quote.
    named_goals = _SLOGAN_AFTER.match(text[end + closing.start() :]) or _GOAL.search(text[max(0, opening - 8) : opening + 1])
    if re.search(r"[”“。]", quoted):
        return False
    # 以“建设…的某某产业集聚区”为主题: a meeting's theme states an aim, as a list of goals does
    themed = text[max(0, opening - 1) : opening] == "以" and _THEME_AFTER.match(text, end + closing.start() + 1)
    return bool(themed) or ("、" in quoted and bool(named_goals))


def _district_rank(prefix: str, suffix: str = "") -> bool:
    """曹妃甸国家级: a district or county before the rank names one zone (a province's or city's are its zones);
    so does a city before 国家级新区, a new area a city has one of (某市国家级开发区 are that city's zones)."""
    before = prefix[: -len(next(r for r in COLLECTIVE_RANKS if prefix.endswith(r)))]
    candidates = lookup_place(before)
    levels = ("District", "County", "City") if suffix == "新区" and prefix.endswith("国家级") else ("District", "County")
    return bool(candidates) and all(c.level in levels for c in candidates)


def _rank_at(prefix: str) -> int:
    """Where the first of COLLECTIVE_RANKS (国家级, 省级 …) found in the prefix begins; -1 if none is."""
    return next((prefix.find(r) for r in COLLECTIVE_RANKS if r in prefix), -1)


def _provincial_rank(prefix: str) -> bool:
    """湖南省级化工园区, 浙江省级高新区: a rank right after a province (no city or county) is a class of zones."""
    rank = _rank_at(prefix)
    candidates = lookup_place(prefix[:rank]) if rank >= 2 else []
    return bool(candidates) and all(c.level == "Province" for c in candidates)


def _unplaced_rank(prefix: str) -> bool:
    """A rank (国家级, 世界级) with nothing before it that names a place: 曹妃甸国家级… is one zone, 长江经济带国家级… a label."""
    rank = _rank_at(prefix)
    if rank < 0:
        return False
    before = prefix[:rank]
    return not any(lookup_place(before[i:j]) for i in range(len(before)) for j in range(i + 2, min(len(before), i + 6) + 1))


# The words of a programme's class of clusters (2023年度某省中小企业特色产业集群, 国家级战略性新兴产业集群): a
# name made of a year, places, a rank and these words alone is the class (a list's title), not one cluster.
_CLUSTER_CLASS = re.compile(r"(?:\d{4}年度?|年度|国家级|省级|市级|县级|国家|中国|先进制造业|战略性新兴|中小企业|特色|优势|重点|"
                            r"主导|新兴|高新技术|创新型|创新|产业|优秀|典型|区域|地区|本地区|百强|[百千万亿]+级)+")


def _class_only(prefix: str) -> bool:
    """The prefix holds no field of its own once places and class words are dropped."""
    rest = prefix
    for _ in range(3):
        rest = _CLUSTER_CLASS.sub("", min((rest, *strip_leading_places(rest)), key=len))
        rest = re.sub(r"^[\u4e00-\u9fff]{1,3}?(?:省|市|县|区)", "", rest) if len(rest) <= 4 else rest
    return len(re.sub(r"[^\u4e00-\u9fff]", "", rest)) < 2


def _placed_field(words: str) -> bool:
    """滑县能源新材料: a place, then a field of its own (what names one cluster of a programme's class)."""
    places = strip_leading_places(words)
    place = _PLACE_LIKE.match(words)
    rest = places[-1] if places else words[place.end():] if place else ""
    return bool(places or place) and not _class_only(rest)


def _names_no_cluster(prefix: str, head: str) -> bool:
    """特色产业集群 after a year and a place (2022年度某市特色产业集群), four industries' 四大产业集群, a zone's
    产业集群, 区域集群 / 优秀集群 / 围绕集群: a class, a count or a zone's clusters, not a named cluster."""
    if _class_only(prefix):
        return True
    if re.search(r"[一二三四五六七八九十两几多]大", prefix) or prefix.startswith("级"):
        return True  # 汽车、电子…四大产业集群; 千亿级生物医药产业集群 (the walk stopped at the number)
    if prefix.endswith(tuple(ZONE_SUFFIXES)):
        return True  # 凤鸣经开区产业集群: the zone's clusters
    if head == "集群" and not strip_leading_places(prefix) and (len(prefix) < 4 or prefix in word_tags()):
        return True  # 区域集群, 紧紧围绕集群: a bare 集群 names a cluster after its place or a field of several words
    return False


#: Winning or applying for a fund (获得“某某基金”, 申请某某基金): a grant, unless the fund then invests (获得某某基金投资).
_GRANT_BEFORE = re.compile(r"(?:获得|申请|申报)[“\"「]?$")
_INVESTS_AFTER = re.compile(r"[”\"」]?(?:的)?(?:投资|领投|跟投|注资|增资|入股)")
#: A short name the text declares for what it has just named (以下简称“某某”, 下称某某): it names one thing.
_DECLARED_SHORT = re.compile(r"[(（](?:以下|下文)?(?:简称|下称)")
_DECLARED_BEFORE = re.compile(r"(?:简称|下称)[:：]?[“\"「]?$")


#: Before a fund's head, what names no fund: a measure word (第一|只…基金, 首只基金), a clause read up to it (…基金
#: 管理委员会负责审定基金, 投资原则上不超过基金) or the 一X一Y formula of a policy (一区一基金, 一县一基金).
_NO_FUND_PREFIX = re.compile(r"^(?:[支只个]|首只)|基金|不|未|原则上|^一[\u4e00-\u9fff]{1,2}一$")
_GOVERNMENT_LEVEL = re.compile(r"^(?:国家|省)级?")
_FUND_KIND_WORDS = re.compile(r"产业|投资|引导|股权|创业|创投|发展|政府|专项|母")
_GRANT_AFTER = re.compile(r"[”\"」]?(?:项目|资助|课题|面上|青年|获得者)")


def _government_fund_named(prefix: str, text: str, end: int) -> bool:
    """国家凤鸣装备产业投资基金, 省青禾产业引导基金: the state's or the province's fund for a named field is one fund, as
    国家级产业基金 is a category; a grant programme (国家某某科学基金, …项目, …资助, …获得者) stays out."""
    level = _GOVERNMENT_LEVEL.match(prefix)
    if not level or _GRANT_AFTER.match(text, end):
        return False
    field = _FUND_KIND_WORDS.sub("", prefix[level.end():])
    # 国家杰出青年科学基金: a science foundation's grants, not an investment fund
    return len(field) >= 2 and not re.search(r"[各等类级]", field) and not field.endswith("科学")


def _is_category(prefix: str) -> bool:
    """国家先进制造业集群, 安徽省先进制造业集群: a list's category, not a cluster."""
    marker = next((prefix.find(m) for m in ("先进制造业", "战略性新兴", "中小企业特色") if m in prefix), -1)
    if marker >= 0 and not _placed_field(prefix[:marker]):
        return True  # 浙江省415X先进制造业集群: a programme's category of clusters (滑县能源新材料中小企业特色… is one)
    if prefix in ("产业", "投资", "产业投资", "股权投资", "引导", "产业引导", "政府引导"):
        return True  # 产业基金, 产业引导基金 alone: what kind of fund, not which
    if re.fullmatch(r"[省市县区]{2,4}(?:级)?", prefix):
        return True  # 县市区基金, 省市级基金: the funds of every level of government, none of them named
    if prefix in ("股权", "私募", "私募股权", "创业投资", "风险投资", "信托", "新设", "天使", "创业") \
            or re.fullmatch(r"[\d支只个类母]*子", prefix) or prefix.startswith("政府"):
        return True  # 股权基金, 新设基金, 子基金, 政府产业扶持基金, 天使投资基金, 创业投资基金: a kind of fund
    if re.fullmatch(r"[对向]?(?:投资|产业|股权|创投|母|[\d支只个类])*[-—]?子", prefix) or prefix.endswith(("与", "和", "及")):
        return True  # 投资子基金, 母-子基金, 对子基金出资: the tier of a fund; 政策与基金: a fund joined to something else
    if "+" in prefix or prefix.endswith("母子"):
        return True  # 母基金+直投+专项基金, 母子基金: ways of investing, no fund named
    if prefix.endswith(("类", "类子")) or re.match(r"^[\u4e00-\u9fff]{1,3}性|^(?:复合|混合|开放|封闭|成长|政策)型", prefix):
        return True  # 产业类子基金, 区域性产业投资基金: a kind of fund
    if prefix.endswith("基金") or _unplaced_rank(prefix) or CATEGORY_KIND.match(prefix):
        return True  # 产业基金集群 gathers funds; 世界级产业集群, 成长型制造业集群 are kinds of cluster
    return any(p.startswith(_CATEGORY_PREFIXES) for p in (prefix, *strip_leading_places(prefix)))


def _clean(name: str) -> str:
    return "".join(ch for ch in name if ch not in QUOTES)


def _drop_nested_zones(doc: Document, found: list[Mention]) -> list[Mention]:
    """A zone name that only begins a longer zone name (自由贸易试验区 in …临港新片区) is not one of its own."""
    zones = [m for m in found if m.type == "Zone" and not m.generic]
    nested = {id(m) for m in zones for other in zones if other is not m and other.start == m.start and other.end > m.end}
    doc.mentions = [m for m in doc.mentions if id(m) not in nested]
    return [m for m in found if id(m) not in nested]


# Verbs, prepositions, conjunctions and adverbs of the left walk's stop list that open a clause, not a name.
_CLAUSE_TAGS = ("v", "p", "c", "d", "ad", "vd")
# The name's own words at its front (lexicon.NAME_STOP_WORDS), and verbs that open bodies' names too (创建…, 发展…).
_NAME_WORDS = NAME_STOP_WORDS | {"创建", "发展", "协同", "集聚", "培育"}
# The people of a body read with its name (某某集团相关领导, 某局部门领导, 某某商会各位领导, 某某局相关).
_PEOPLE_TAIL = re.compile(r"(?:相关|有关|各位|部门|主要)+(?:领导|负责人|同志)?$|(?:领导|负责人)$")
# The organising verb after a body (由某市政府主办): no name ends in it.
# (商务部、教育部、某某部三部委举办: the count of bodies listed, after the last one)
_ORGANISING_TAIL = re.compile(r"(?:共同|联合)?(?:主办|承办|协办)$|(?<=[部委局])[两二三四五六七八九十]+(?:部委|部门|单位)$")
# What ends a body's or a name's own words: before a joiner it closes a first name (某某大学与…, 市政府和…).
_NAME_ENDINGS = (*ORG_SUFFIXES, *ZONE_SUFFIXES, "院", "会", "部", "委", "署", "府", "局", "厅", "办", "处", "司", "所",
                 "中心", "馆", "社", "站", "队", "省", "市", "县", "区")


def join_field_names(doc: Document) -> list[Mention]:
    """某某工程与技术科学院, 某某与法规委员会, 某某促进和某某合作局: a body's name joins two fields with 与 / 和 / 及;
    a finder that stopped at the joiner read only the second field and the head.  The name takes in the first
    field when it is no name of its own (no body's head, no place, nobody's name) and the second opens with no
    place (某省科技厅和某市科委 are two bodies)."""
    text = doc.simplified
    others = [m for m in doc.mentions if m.type not in ("Place", "Zone", "Industry")]
    grown = []
    for m in doc.mentions:
        if m.type != "Organization" or m.generic or m.kind in ("Company", "InvestmentFirm") or m.start < 3 \
                or text[m.start - 1] not in "与和及":
            continue  # a company's name joins no fields (某某与某某集团 are two)
        joiner = m.start - 1
        start = left_edge(text, joiner)
        before = tokens(text[run_start(text, joiner) : start])
        if before and not text.endswith(_NAME_ENDINGS, 0, start) and word_tags().get(before[-1]) != "p":
            continue  # the walk stopped at a verb or an adverb (实施…和…): a clause's objects, not one name (由… names who)
        first = text[start:joiner]
        if len(first) < 2 or first.endswith(_NAME_ENDINGS) or first in GENERIC_HEADS or first in STOP_TOKENS:
            continue
        if best_candidate(first) is not None or word_tags().get(tokens(first)[0]) in ("d", "p", "c"):
            continue  # 北京和上海…: places listed; 始终与…: an adverb opens a clause, no field
        if _stands_alone(text, m.name, m.start):
            continue  # 某某港与某某管理局: the second body is named on its own elsewhere (在某某管理局…)
        if strip_leading_places(m.name) or best_candidate(m.name[:2]) is not None or best_candidate(m.name[:3]) is not None:
            continue
        # (a list's item cut at the joiner, 由A和B联合会、C主办 read as A, B联合会: the first field, no name of its own)
        split = [o for o in others if o.method == "pattern:enumeration" and (o.start, o.end) == (start, joiner)]
        read = [o for o in others if o is not m and o not in split and o.start < joiner and start < o.end]
        parent = _parent_body(text, read, start, joiner)
        if parent is not None:
            start = parent.start  # 某某政府某某及某某局, 某某中心发展战略和区域经济研究部: a department of the body named first
        elif read:
            continue  # the first part is a name read already (a person, a body)
        doc.mentions = [o for o in doc.mentions if all(o is not x for x in split)]
        m.start, m.name = start, text[start : m.end]
        grown.append(m)
    return grown


def _parent_body(text: str, read: list[Mention], start: int, joiner: int) -> Mention | None:
    """The one body read in the first part of a joined name, followed by a field of two or more characters up to the
    joiner (某某政府|创新科技|及工业局): the joined name is a department of that body."""
    if len(read) != 1:
        return None
    parent = read[0]
    field_words = text[parent.end : joiner]
    if parent.type != "Organization" or parent.generic or parent.start < start or len(field_words) < 2 \
            or field_words.endswith(_NAME_ENDINGS) or field_words in GENERIC_HEADS or field_words in STOP_TOKENS \
            or best_candidate(field_words) is not None or not all("\u4e00" <= ch <= "\u9fff" for ch in field_words):
        return None
    return parent


def _stands_alone(text: str, name: str, at: int) -> bool:
    """A name begins at another occurrence of ``name`` (after a stop word or punctuation, not after a joiner)."""
    return any(i != at and text[i - 1] not in "与和及" and left_edge(text, i + len(name)) == i
               for i in occurrences(text, name) if i > 0)


def drop_leading_words(doc: Document) -> list[Mention]:
    """依托某某化学, 随着某某光伏, 明确中共某某工委, 原某某大学校长: a list's or a tagger's span took in the clause's
    verb, preposition or adverb (a word the left walk stops at) or the 原 of a former post before a body's name;
    the name starts after it.  Words that also open names (联合, 共同, 海外, 建设) stay."""
    text = doc.simplified
    cut = []
    for m in doc.mentions:
        if m.type != "Organization" or m.generic or m.end <= m.start:
            continue
        word = _leading_clause_word(m.name) or _apposition(m.name) or _verb_before_place(m.name)
        if not word and m.name[:1] == "原" and len(m.name) >= 5 and any(text.startswith(t, m.end) for t in title_words()):
            word = m.name[0]  # 原某某大学校长: the post was held there, 原 is no part of the name
        if word:
            m.start, m.name = m.start + len(word), m.name[len(word):]
            cut.append(m)
        tail = _PEOPLE_TAIL.search(m.name)
        if tail and tail.start() >= 2:
            m.end, m.name = m.end - len(tail.group()), m.name[: tail.start()]  # 某某集团相关领导: the body's people
            cut.append(m)
        elif (organising := _ORGANISING_TAIL.search(m.name)) and organising.start() >= 4:
            m.end, m.name = m.end - len(organising.group()), m.name[: organising.start()]  # 由某市政府主办: the verb after it
            cut.append(m)
        elif m.name.endswith("以") and text.startswith("及", m.end) and len(m.name) >= 3:
            m.end, m.name = m.end - 1, m.name[:-1]  # 某某银行以及…: a list split at the 及 of 以及
            cut.append(m)
    return cut


def _leading_clause_word(name: str) -> str:
    for n in (3, 2):
        word, rest = name[:n], name[n:]
        if word in STOP_TOKENS and word not in _NAME_WORDS and word_tags().get(word) in _CLAUSE_TAGS and len(rest) >= 3 \
                and best_candidate(name[: n + 1]) is None and not rest.startswith(GENERIC_PREFIXES):
            return word
    return ""


# What a body is, said right before its name (纳税大户某某公司, 央企中国某某集团, 区属国企某某控股, 重要嘉宾某某协会).
# (a company's own name before its unit, 某某公司上海分公司, is no such word: only 上市公司, 子公司 … are)
_DESCRIBING_ENDS = ("企业", "央企", "国企", "民企", "外企", "上市公司", "子公司", "母公司", "大户", "嘉宾", "单位", "机构")


def _opens_with_place(rest: str) -> bool:
    return rest.startswith(("中国", "国家", "中共")) or any(best_candidate(rest[:n]) is not None for n in (2, 3))


def _apposition(name: str) -> str:
    """纳税大户重庆某某有限公司, 上市公司安某生物: a word saying what kind of body follows stands before a name that
    opens with a place: the name starts at the place."""
    for i in range(2, len(name) - 3):
        if name.endswith(_DESCRIBING_ENDS, 0, i) and _opens_with_place(name[i:]):
            return name[:i]
    return ""


def _verb_before_place(name: str) -> str:
    """有兰州某某有限公司, 与日本某某, 明确中共某某工委: the clause's verb, preposition or adverb (alone in the
    segmentation, no place's first characters) before a name that opens with a place."""
    word = tokens(name)[0]
    if len(word) > 2 or len(name) - len(word) < 4 or word in _NAME_WORDS or word_tags().get(word) not in _CLAUSE_TAGS \
            or lookup_place(word) or any(best_candidate(name[:n]) is not None for n in (2, 3)):
        return ""
    return word if _opens_with_place(name[len(word):]) else ""


# A company's unit named by where it works (某某集团陕西公司, 某某集团武汉总部, 某某集团大中华区, 某某一局西南公司).
_UNIT_AFTER = re.compile(r"([\u4e00-\u9fff]{2,4}?)(分公司|公司|总部|区域总部|运营中心|分行|分院)|()(大中华区|中国区|亚太区)")
_REGIONS = ("华东", "华南", "华北", "华中", "西南", "西北", "东北", "亚太", "全球")
_GROUP_ENDS = ("集团", "公司", "局", "银行", "证券")


def join_units(doc: Document) -> list[Mention]:
    """某某集团陕西公司: a company's name, then a place or a region and a unit's head word, is the unit's whole name
    (a department inside a body is named as written); the place and any shorter body read inside it leave."""
    text = doc.simplified
    grown = []
    absorbed: set[int] = set()  # ids of the mentions a grown unit took in, dropped once at the end
    for m in doc.mentions:
        if id(m) in absorbed or m.type != "Organization" or m.generic or m.kind not in ("Company", "GovernmentBody", None) \
                or not m.name.endswith(_GROUP_ENDS):
            continue
        unit = _UNIT_AFTER.match(text, m.end)
        if not unit:
            continue
        where = unit.group(1) or ""
        if where and not (where in _REGIONS or best_candidate(where) is not None):
            continue
        end = unit.end()
        inside = [o for o in doc.mentions if o is not m and id(o) not in absorbed and o.type in ("Organization", "Place")
                  and m.end <= o.start < end]
        if any(o.end > end for o in inside):
            continue
        absorbed.update(id(o) for o in inside)
        m.end, m.name = end, text[m.start : end]
        grown.append(m)
    doc.mentions = [o for o in doc.mentions if id(o) not in absorbed]
    return grown
