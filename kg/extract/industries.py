"""Industries: fields named in focus cues, in the cores of cluster names, and
the industry gazetteer's terms where a field cue (产业, 领域, 企业) follows.

聚焦X、Y和Z / 重点投向X和Y领域 / 在X、Y、Z等领域 / X和Y两大主导产业 / 把X作为…产业:
every list item is a field.  产业集群 names carry their field (武汉市光电子信息产业集群 ->
光电子信息) once the place or zone prefix is taken off.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.boundary import left_edge
from kg.extract.document import Document, Mention, tokens, word_tags
from kg.extract.gazetteers import industries, lookup_place
from kg.extract.lexicon import STOP_TOKENS, count_value

_ITEM = r"[\u4e00-\u9fffA-Za-z0-9“”\"()]{2,14}"
_QUALIFIED_ITEM = rf"(?:[\u4e00-\u9fff]{{1,10}}的)?{_ITEM}"
# A list of fields closes with 产业 / 领域 / 展区 …, optionally after 等 and a count (四大展区, 两大主导产业).
# 和港航物流“五大主导产业”: the count and sector word may stand in quotes.
_CLOSER = re.compile(
    r"(?:等)?[“\"]?(?:[\d两三四五六七八九十]+大)?(?:主导|支柱|重点|特色|新兴|优势|战略性新兴|战略新兴|前沿|先导|首位)?"
    # 某省现代产业引导(基金) / 某市产业创新(生态圈) / 短板产业补链: 产业 before a body or an activity is a modifier, no closer
    r"(?:产业(?!园|集群|群|基金|联盟|协会|促进会|链|规模|体系|发展|基础|生态|项目|化|区|投资基金|引导|创新|合作|[补延强升建固]链)"
    r"|领域|行业|赛道|展区|板块"
    r"|(?<=大)方向|(?<=主攻)方向|(?<=重点)方向)"
    # 项目能级高、投资大、赛道新: a one-character quality after the closer makes the list qualities, not fields
    r"(?![新广宽多全大高强][，。；、,\s])"
)
# 机械制造、纺织服装等传统主导产业 / 航运物流、港口贸易等现代服务业 / 电子信息等新区重点发展产业: a list closed
# by 等 and a few words that end on a sector word names fields, whatever the words in between say of them.
_ETC_CLOSER = re.compile(r"等(?:[\d两三四五六七八九十]+大)?[\u4e00-\u9fff]{0,10}?(?:产业|领域|行业|服务业|制造业|板块)"
                         r"(?!园|集群|群|基金|联盟|协会|促进会|链|化|区)")
# The count a list announces (四大主导产业): when its 、-items are exactly that many, 和 / 及 / 与 join words inside
# an item (高端汽车和新能源智能汽车 is one of the four), not two items.
_COUNT = re.compile(r"^(?:等)?[“\"]?([两三四五六七八九十]|\d)大")
_CLAUSE_EDGE = "，。；：“”\n"
# 涉及 / 涵盖 / 覆盖 before a list say what projects, activities or results cover, 用于 / 应用于 what a product or technology
# serves; only a ranked closer (主导产业) makes them fields.
# (用于投资 / 用于支持: what a fund's money goes to, as 投向 says)
# 来自A、B等领域的企业: where attendees come from, not anyone's fields
_PROJECT_SCOPE = re.compile(r"涉及|涵盖|(?<!议题)(?<!主题)覆盖|用于(?!投资|支持)|应用于|应用在|来自")
_RANKED_CLOSER = re.compile(r"主导|支柱|首位")
# 形成A板块、B板块、C板块三大主导产业集群: a counted, ranked cluster closer lists the zone's fields
_COUNTED_CLUSTERS = re.compile(r"[两三四五六七八九十]大(?:主导|支柱|特色|优势)?产业集群")
# 构建A、B和C“2+1”主导产业体系 / 投向A、B等“2+8”特色产业: a quoted count formula before a sector word closes a list
# of the fields it counts (the formula, not 产业体系 alone, says the list is the zone's own fields)
_FORMULA_CLOSER = re.compile(r"(?:等)?[“\"][\dX+]+[”\"](?:现代|特色|主导|重点|优势)?产业(?:体系|格局)?")
# …等高端制造业项目 / 新材料领域13个: a list closed by what projects are, or counted per field, states no focus
# (unless the closer counts and ranks the fields: A、B、C等三大主导产业项目68个 are the zone's three fields)
_NOT_FOCUS_AFTER = re.compile(r"项目|[\d两三四五六七八九十]+个")
_COUNTED_RANKED = re.compile(r"[两三四五六七八九十]大(?:主导|支柱|首位)产业$")
# 介绍了A、B等特色产业发展情况 / 展示A、B等产业发展成果: a survey of how fields fare, said of a region in passing (a
# zone's ranked fields, 主导产业发展情况, are still its fields)
_REPORTED_AFTER = re.compile(r"(?:发展)?(?:情况|成果|成效|现状)")
# 在A、B等领域全面合作 / 等领域展开合作: domains where two partners work together, not what either focuses on (产业专题对接会
# after 产业 is an event's name)
_PARTNERSHIP_AFTER = re.compile(r"[^，。；]{0,6}?(?:合作|交流|对接|协作)")
_ABILITY_AFTER = re.compile(r"[^，。；]{0,12}?(?:能力|实力|经验|积累)")
# 围绕A、B等产业领域开展深度合作: what partners work on together (交流 after a topic is an event's, not left out)
_COOPERATION_AFTER = re.compile(r"[^，。；]{0,6}?(?:合作|协作)")
# 经济、文化、社会等各领域 / 等多个领域: every domain of a partnership, not fields
_EVERY_FIELD = re.compile(r"等(?:各|多个|诸多|众多|相关|各个)(?:领域|行业|方面)")
# 围绕A、B、C5大类53项指标 / 在A、B等方面: criteria and aspects, not fields
_CRITERIA = re.compile(r"[^，。；]{0,4}?(?:大类|项指标|方面)")
_EXAMPLES = re.compile(r"为代表的[^，。；]*$")
_FUNCTIONS = re.compile(r"[^，。；]*?[为于]一体")
_SHAPES = (
    re.compile(rf"(?:把|将)({_ITEM}?)作为[^，。；]{{0,20}}产业"),
    re.compile(rf"(?:^|[，。；])({_ITEM}(?:[、和及与]{_ITEM})*?)(?:是|成为)[^，。；]{{0,20}}"
               rf"(?:主导|支柱|一号|重点|战略性|未来|新兴|看家|前沿|主攻)(?:产业|方向)"),
    re.compile(rf"以({_ITEM}?)为(?!代表)[^，。；]{{0,8}}产业"),
    # 以A、B为主导的产业体系 / 以A为特色 / 以A为主攻方向: a list the zone ranks first, whether or not 产业 follows
    # (not 以A为引领 / 为支撑 / 为主体: 以新发展理念为引领, 以企业为主体 are how a plan is run, not fields)
    re.compile(rf"以({_ITEM}(?:[、和及与]{_ITEM})*?)为(?:主导|特色|主攻方向|首位)(?!的企业|企业)"),
    # 围绕A、B和C为核心 / 以A、B为核心: a list of two or more the zone builds around (以企业为核心, a single word,
    # says how a plan is run)
    re.compile(rf"(?:以|围绕)({_ITEM}(?:、{_ITEM})+(?:[和及与]{_ITEM})?)为核心"),
    # 按照“A、B、C”的产业定位 / “A、B和C”主导产业: a quoted list the zone's own positioning words follow
    re.compile(rf"[“\"]({_ITEM}(?:、{_ITEM})+(?:[和及与]{_ITEM})?)[”\"]的?(?:产业定位|主导产业|产业布局|产业方向|产业体系)"),
    # 主导产业为A、B和C / 首位产业是A / 主导产业：A、B、C: the ranked word first, the fields after it (not 以…优势产业
    # 为主的B: what the fields make B)
    re.compile(rf"(?:主导|支柱|首位|重点|特色|优势|主要|主营)产业(?:方向)?(?:主要)?(?:为(?!主)|是|有|包括|：|:)({_ITEM}(?:[、和及与]{_ITEM})*?)(?:等|[，。；]|$)"),
    # 某园区重点发展A和B。/ 大力发展A、B、C，…: what a zone develops first, listed without a closing sector word
    # (an item may carry a qualifier closed by 的, which keeps the list whole: 重点发展A、B、本地传统工业基础上的C及D)
    re.compile(rf"(?:重点投向|主要投向|投向|重点支持|聚焦|锚定|重点发展|大力发展)({_QUALIFIED_ITEM}(?:[、和及与]{_QUALIFIED_ITEM})*?)"
               rf"(?:项目|企业|$|[，。；])"),
    re.compile(rf"(?:围绕|聚焦)({_ITEM}(?:[、和及与]{_ITEM})*?)(?:开展|展开|进行|推进|布局)"),
    # 投向某区战略新兴产业，包括A、B、C等: the fields an industry word announces
    re.compile(rf"(?:产业|领域)，(?:主要)?包括({_ITEM}(?:[、和及与]{_ITEM})*?)(?:等|[。；]|$)"),
    # 围绕A、B、C产业发展 / 重点培育A、B等五大百亿集群: the closer is followed by what is done with the fields
    re.compile(rf"围绕({_ITEM}(?:[、和及与]{_ITEM})*?)(?:等)?产业(?:发展|集聚|链)"),
    re.compile(rf"(?:重点培育|重点发展|重点打造)({_ITEM}(?:[、和及与]{_ITEM})*?)等[\d两三四五六七八九十]+大[^，。；]{{0,4}}?(?:产业)?集群"),
)
_LEADING = re.compile(r"^(?:.*?(?:的|是))?(?:聚焦|锚定|重点投向|主要投向|投向|重点支持|涉及|涵盖|围绕|在|面向|瞄准|布局|发展|覆盖|提供|设置|设有|以|把|将|对|在|重点|推动|培育|打造|紧盯|紧扣"
                      r"|大力|全力|着力|加快|积极|优先|突出|主要|壮大|做强|做大|做优|提升|升级)+")
_BAD_ITEM = re.compile(r"(企业|公司|基地|中心|平台|政策|资金|人才|环节|场景|岗位|期间|方面|过程|工作|建设|地区|全市|全区|个|家|年|月|日|细分|前沿"
                       r"|论坛|大会|会议|峰会|类|定位)$|^年度"  # an event's name, a category (产业类), a year's label, a
                       # positioning (锚定“A、B”的定位)
                       # an activity between partners or on results (企业合作, 市场对接, 技术转移, 成果转化, 精准招商)
                       r"|(?:合作|对接|转移|交流|引育|招商|孵化|转化|投资)$"
                       # a quality stated of something (主业突出, 结构优化, 营商环境优良, 企业家主导): a clause, no field
                       r"|(?:突出|优化|明显|完善|丰富|优良|主导|驱动|显著)$"
                       # a role, a rank or a capacity (策源地, 国家级, 创新能力, 规模实力): what a zone is or has, no field
                       r"|(?:(?<=..)地|级|能力|实力)$")  # (寒地: a two-character field)
_NOT_FIELDS = {"产业", "领域", "行业", "方向", "前沿", "高端", "相关", "上下游", "重点", "核心", "看家", "一号", "未来", "新兴",
               "主导", "主攻", "支柱", "战略性", "特色", "优势", "传统", "本地", "配套", "这一", "该", "又一", "多个", "各个", "更多",
               "年度", "季度",
               # what a field list also holds on real pages: activities, qualities and scopes, not fields
               "交流", "合作", "科技", "国际", "创新", "创业", "管理", "分析", "运营", "业务", "目标", "优化", "协同", "区域",
               "地区", "高地", "案例", "优秀", "关键", "政府", "学术", "成果", "区域性", "高层次", "新技术", "常委",
               # 由单一产业向集群转变: the head word of a cluster names a shape of industry, no field
               "集群", "产业集群", "产业群"}


@lru_cache(maxsize=1)
def gazetteer_terms() -> dict[str, str]:
    """Every label and synonym of the industry scheme -> its preferred label."""
    try:
        terms = industries()
    except (FileNotFoundError, OSError):
        return {}
    table: dict[str, str] = {}
    for term in terms:
        table[term.name] = term.name
        for synonym in term.synonyms:
            table.setdefault(synonym, term.name)
    return table


def industry_term(name: str) -> str | None:
    """The preferred label when ``name`` is a field of the industry scheme."""
    return gazetteer_terms().get(name)


def field_ends_at(text: str, end: int, low: int = 0) -> bool:
    """A field of the industry scheme (2–6 characters, starting at ``low`` or after) ends at ``end``: the first of
    two fields joined by 及 / 和 inside one name (某市生物医药及服务外包推介会, 某光电和材料产业园)."""
    return any(industry_term(text[end - size : end]) for size in range(2, 7) if end - size >= low)


def clean_item(item: str) -> str:
    item = item.strip("“”\"")
    item = _LEADING.sub("", item)
    item = re.sub(r"(?<=..)(?:产业)?(?:板块|传统|战略性新兴|新兴)$", "", item)  # 装备制造业板块, 食品饮料传统(产业): the field
    # twice: 智能家电产业等主导产业 -> 智能家电产业 -> 智能家电 (a list item written with its own sector word)
    for _ in range(2):
        item = re.sub(r"(?:(?:领域|产业)的.*|等.*|[\d两三四五六七八九十]+大.*|领域|产业|行业|方向|项目)$", "", item)
    item = re.sub(r"为(?:主导|主攻|重点|特色|核心|支撑|引领|代表|主)$", "", item)  # 以A为主攻(方向): the field before 为
    item = re.sub(r"\([^)]*\)$", "", item.strip("“”\"")).rstrip("为的了在")  # 某组织成员在(A领域): a preposition
    process = re.match(r"(.{2,})(?:制备|研发|应用|生产|开发)$", item)
    return process.group(1) if process and not industry_term(item) else item


# Scope words before a field (2024, 1至5月, 全区, 长三角, 太湖湾地区, 中国): where or when, not what.
_LEADING_SCOPE = re.compile(
    r"^(?:\d{4}年?度?|\d+至\d+月|月|全区|全市|全省|全县|区内|市内|本地|当地|园区|该区|全球|全国|中国|国内|"
    r"长三角|珠三角|京津冀|粤港澳大湾区|大湾区|成渝|东北|华东|华南|华北|华中|西南|西北|东部|中部|西部|.{0,6}?地区|.{0,4}?两[地岸])"
)


def core_field(text: str, item: str, start: int, prefixes: set[str]) -> tuple[str, int]:
    """天津生物医药 -> 生物医药, 2024智能网联新能源汽车 -> 智能网联新能源汽车, 光谷人工智能 -> 人工智能
    (a place, zone or time before a field is not part of it); 半导体 -> 第三代半导体 when the text says so."""
    end = start + len(item)
    for length in range(min(10, end), len(item), -1):  # a longer field ending here (第三代半导体)
        if industry_term(text[end - length : end]):
            return text[end - length : end], end - length
    changed = True
    while changed and len(item) > 2:
        changed = False
        scope = _LEADING_SCOPE.match(item)
        head = scope.group() if scope else next(
            (p for p in sorted(prefixes, key=len, reverse=True) if item.startswith(p) and len(item) - len(p) >= 2), None)
        if head is None:
            head = next((item[:n] for n in range(min(6, len(item) - 2), 1, -1) if lookup_place(item[:n])), None)
        if head and len(item) - len(head) >= 2 and not industry_term(head):  # 港口贸易: a field word, not the town 港口
            item, start, changed = item[len(head) :], start + len(head), True
    return item, start


@lru_cache(maxsize=1)
def _joined_terms() -> tuple[str, ...]:
    """Fields of the scheme whose name joins two words with 与 (细胞与基因治疗), longest first."""
    return tuple(sorted((t for t in gazetteer_terms() if "与" in t), key=len, reverse=True))


def _joiner_length(text: str, position: int) -> int:
    return 2 if text.startswith("以及", position) else 1


def _inside_term(text: str, start: int, end: int, low: int, high: int) -> bool:
    """[start, end) lies inside a term of the industry scheme written within [low, high) (智能网联汽车: the segmenter's
    verb 联 is part of 智能网联)."""
    for length in range(end - start + 1, 11):
        for s in range(max(low, end - length), min(start, high - length) + 1):
            if industry_term(text[s : s + length]):
                return True
    return False


def _bound(token: str) -> bool:
    """A character that is no word by itself (增材制造 read 增 / 材 / 制造): the verb before it is part of the field."""
    return len(token) == 1 and word_tags().get(token) in (None, "zg", "ng", "vg", "ag", "g")


def split_fields(text: str, start: int, end: int, count: int | None = None) -> list[tuple[int, str]]:
    """List items between start and end; 与 joins two fields unless the whole is one (船舶与海洋工程装备).  Where 、
    parts the items, 和 / 及 / 与 inside an item before the last join words of that one item (A及B、C和D: the items
    A及B, C, D), and inside every item when the list's announced ``count`` equals its number of 、-items."""
    items = []
    segment = text[start:end]
    counted = count is not None and count > 1 and segment.count("、") + 1 == count
    # A、B、C和D、E五大产业: the count takes in every 和 / 及, so each parts two fields wherever it stands
    split_every = (count is not None and not counted
                   and segment.count("、") + 1 + len(re.findall("以及|[和及]", segment)) == count)
    parts, position = [], start
    lead = re.match("以及|[及和与]", segment)
    if lead:  # ，以及A、B等: the joiner ties the list to the clause before, it is no part of A
        segment, position = segment[lead.end():], start + lead.end()
    top = re.split("[、+]", segment)  # 手工编织业+跨境结算: a plus joins two fields of a formula as 、 does
    for index, part in enumerate(top):
        if counted or index < len(top) - 1 and not split_every:
            parts.append((position, part, True))
        else:  # the last 、-item (or the whole list without 、): 和 / 及 / 以及 join items here
            offset = position
            for piece in re.split("以及|[和及]", part):
                parts.append((offset, piece, False))
                offset += len(piece) + _joiner_length(text, offset + len(piece))
        position += len(part) + 1
    # A、B与C、D与E: where the 、-items join words with 与, the last item's 与 joins words of one item too
    joins_inside = any("与" in part for _, part, whole in parts if whole)
    for position, part, whole in parts:
        joined = next((t for t in _joined_terms() if t in part), None)
        if joined:  # 安吉两山·国际细胞与基因治疗(CGT): the field 细胞与基因治疗 inside
            items.append((position + part.index(joined), joined))
            continue
        pieces = [part] if whole or joins_inside or industry_term(clean_item(part)) else part.split("与")
        offset = position
        for piece in pieces:
            items.append((offset, piece))
            offset += len(piece) + 1
    if items:  # the first item's left edge: words before it (安吉在, 做好, 过去一年在) are not the field
        first_start, first = items[0]
        end = stop = first_start + len(first)
        edge = left_edge(text, end, max_len=len(first))
        joiner = re.search("[和及与]", first) if "、" in segment else None
        if joiner:  # 形成A及B板块、C板块两大…: the item joins two words, the name edge would part them; the words
            edge = first_start  # before A are trimmed as a one-word item's would be
            end = stop = first_start + joiner.start()
        following = ""
        for token in reversed(tokens(text[edge:end])):
            taken = end < stop
            if (taken and word_tags().get(token) in ("v", "vn", "vd", "ad", "d") and not industry_term(token)
                    and not _inside_term(text, end - len(token), end, edge, stop) and not _bound(following)
                    and not (len(token) == 1 and len(following) == 1)):
                break  # 发展生物医药 -> 生物医药, while 智能制造 keeps its verbal noun and 智能网联 its 联 (and 临空经济,
                # read 临 / 空 / 经济, its 临: two single characters in a row are one word the segmenter parted)
            end -= len(token)
            following = token
        edge = end if end > edge else edge
        items[0] = (edge, text[edge : first_start + len(first)])
    return [(s, clean_item(item)) for s, item in items]


def find_industries(doc: Document) -> list[Mention]:
    text = doc.simplified
    found: list[Mention] = []
    seen: set[tuple[int, int]] = set()

    prefixes = {m.name for m in doc.mentions if m.type in ("Zone", "Place", "Organization") and not m.generic}

    def add(start: int, item: str, method: str) -> None:
        start = text.find(item, start)
        if start < 0:
            return
        item, start = core_field(text, item, start, prefixes)
        lead = _LEADING.match(item)
        if lead and lead.end() >= 2 and len(item) - lead.end() >= 2 and not industry_term(item):
            # 某高新区大力发展数字经济: the verb after the zone (one character is kept: 对外贸易, 在线教育 are fields)
            item, start = item[lead.end() :], start + lead.end()
        if start < 0 or (start, start + len(item)) in seen or not plausible_field(item):
            return
        seen.add((start, start + len(item)))
        found.append(doc.add(Mention(start, start + len(item), "Industry", None, method, 0.75, name=item)))
        _yield_tagged_fields(doc, start, start + len(item), method == "pattern:focus-table")

    closers = sorted({(c.start(), c.group()) for pattern in (_CLOSER, _ETC_CLOSER, _COUNTED_CLUSTERS, _FORMULA_CLOSER)
                      for c in pattern.finditer(text)})
    for closer_start, closer in closers:
        if (_NOT_FOCUS_AFTER.match(text, closer_start + len(closer)) and not _COUNTED_RANKED.search(closer)
                or _REPORTED_AFTER.match(text, closer_start + len(closer)) and not _RANKED_CLOSER.search(closer)
                or _EVERY_FIELD.match(closer)
                or _domains_of(text, closer, closer_start + len(closer))):
            continue
        clause_start = max(text.rfind(ch, 0, closer_start) for ch in _CLAUSE_EDGE) + 1
        if _PROJECT_SCOPE.search(text, clause_start, closer_start) and not _RANKED_CLOSER.search(closer):
            continue  # 签约项目涉及A、B等领域: what projects cover, not a zone's fields (…涵盖A、B等主导产业 is);
            # 涉及A、B等重点产业和C、D等未来产业: the scope verb covers the second list too
        etc = text.rfind("等", clause_start, closer_start)
        if 0 <= etc < closer_start - 1:
            clause_start = etc + 1  # 岛津、赛默飞等细胞与基因治疗领域: the field is after 等
        examples = _EXAMPLES.search(text, clause_start, closer_start)
        if examples and not (_RANKED_CLOSER.search(closer) and examples.end() - examples.start() <= len("为代表的")):
            continue  # 以A、B为代表的某类产业增速…: examples of a class the zone has, not fields it states as its focus
        if examples:  # 以A、B为代表的“3+1”主导产业体系: the zone's ranked fields, the list before 为代表的
            closer_start = examples.start()
        if _FUNCTIONS.match(text, closer_start):
            continue  # 集A、B、C等多功能为一体: functions a place combines, not fields
        counted = _COUNT.match(closer)
        count = count_value(counted.group(1)) if counted else None
        for start, item in split_fields(text, clause_start, closer_start, count):
            add(start, item, "pattern:focus-list")
    for start, item in _table_fields(text):
        add(start, item, "pattern:focus-table")
    for shape in _SHAPES:
        for match in shape.finditer(text):
            if (_CRITERIA.match(text, match.end(1)) or re.search(r"\d+大类|项指标", match.group(1))
                    or _COOPERATION_AFTER.match(text, match.end(1))):
                continue
            for start, item in split_fields(text, match.start(1), match.end(1)):
                add(start, item, "pattern:focus-list")
    return found


# A table's column of fields (名称  主导产业 / 园区名称  主要产业  …): notices that list zones or clusters give each
# row's fields in a column headed so; the row's zone is what focuses on them
_FIELD_COLUMN = re.compile(r"(?:主导|主要|重点|特色|首位|优势|支柱)产业(?:方向|领域)?|产业(?:方向|定位)")


def _domains_of(text: str, closer: str, end: int) -> bool:
    """The list names domains two partners work in (在A、B等领域合作 / 围绕A、B等产业领域开展深度合作) or where someone
    is able (在A、B等领域具有较强的研发实力 / 提升在A、B等领域的创新能力): a company's or a team's, no focus."""
    if not closer.endswith(("领域", "行业")):
        if not text.startswith("领域", end):
            return False
        end += len("领域")
    return bool(_PARTNERSHIP_AFTER.match(text, end) or _ABILITY_AFTER.match(text, end))


def _table_fields(text: str) -> list[tuple[int, str]]:
    """(offset, field) of every cell under a field column of a table written one row a line, cells apart by spaces."""
    found: list[tuple[int, str]] = []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    for index, (_, header) in enumerate(lines):
        cells = header.split()
        columns = [i for i, cell in enumerate(cells) if _FIELD_COLUMN.fullmatch(cell)]
        if len(cells) < 2 or len(columns) != 1 or re.search("[，。；]", header):
            continue
        from_end = len(cells) - columns[0]
        for offset, row in lines[index + 1 :]:
            if not row.strip():
                continue
            row_cells = list(re.finditer(r"\S+", row))
            if len(row_cells) < len(cells) or re.search("[。；]", row):
                break  # the table ends where a line is no row filling every column
            cell = row_cells[len(row_cells) - from_end]
            for part in re.finditer(r"[^、，,/]+", cell.group()):
                found.append((offset + cell.start() + part.start(), part.group()))
    return found


def _yield_tagged_fields(doc: Document, start: int, end: int, in_table: bool = False) -> None:
    """The tagger's organisation on a listed field's span (港口贸易, 国际物流 between two fields; blanks before a table
    cell are no name) is that field: a guess of the tagger, which outranks an Industry when overlaps are settled,
    gives way to the list it stands in when the name holds a term of the industry scheme or stands in a field column."""
    name = doc.simplified[start:end]
    if not in_table and not any(len(term) >= 2 and term in name for term in gazetteer_terms()):
        return
    doc.mentions[:] = [m for m in doc.mentions if not (m.type == "Organization" and m.method == "crf" and m.end == end
                                                       and m.start <= start and not doc.simplified[m.start:start].strip())]


def written_with_sector_word(doc: Document, mentions: list[Mention]) -> set[str]:
    """A field as the text writes it with its sector word (A产业、B产业、C产业 / 推进某某产业发展): the field's name
    is without 产业 (a list's shared closer is no part of its items), and that written form is the same field."""
    return {doc.surface(m.start, m.end + 2) for m in mentions
            if not m.generic and m.end > m.start and doc.simplified.startswith("产业", m.end)}


# 等战略新兴业务领域 / 主导产业及高成长性的产业: the rank or the quality a closer states of the fields before it
_DESCRIPTOR = re.compile(r"^战略性?(?:新兴业务)?$|^.{1,4}性$")


def plausible_field(item: str) -> bool:
    if lookup_place(item):
        return False  # 雅安市, 重庆: where, not what
    if _DESCRIPTOR.search(item) and not industry_term(item) or item.count("(") != item.count(")") or item.startswith("("):
        return False  # 光伏发电): the tail of a bracketed list inside a longer name (国家新型工业化(A、B)产业示范基地);
        # (某区)与某市: the bracket after a zone's name
    if not 2 <= len(item) <= (14 if re.search("[和及与]", item) else 10) or item in _NOT_FIELDS or _BAD_ITEM.search(item) or item[0] in "这该此其各每本一" or "最" in item:
        return False
    if "·" in item or not industry_term(item) and word_tags().get(item) in ("a", "ad", "v", "t", "m", "d", "r"):
        return False  # 完整, 年度: not a field
    if not industry_term(item) and (re.search(r"界$|界?不同$|新$|产业..", item) or _starts_with_action(item)):
        return False  # 学术界(不同领域), 发展新(赛道), 加快开辟…, 新材料产业发展: a community, a leftover adjective,
        # an action, or what is done with a field
    # a count, a year or an amount is no field; a generation of a technology is (5G, 3D打印)
    return not (re.search(r"\d", item) and not re.fullmatch(r"\d[A-Z][\u4e00-\u9fff]*", item)
                or re.search(r"[，。；：]|亿|万", item))


def _starts_with_action(item: str) -> bool:
    first = tokens(item)[0] if tokens(item) else ""
    return first != item and first in STOP_TOKENS and word_tags().get(first) == "v"


_PLACE_FIELD = re.compile(r"(?:区|市|县|旗|镇)[(（]([\u4e00-\u9fff]{2,14})[)）](?:中小企业)?(?:特色)?(?:产业集群|产业群|集群)$")


def cluster_core(name: str) -> str:
    """武汉市光电子信息产业集群 -> 光电子信息 (prefix places and zones are stripped by the caller's forms)."""
    placed = _PLACE_FIELD.search(name)
    if placed:  # 某某市某区(能源互联网)特色产业集群: the field is in the brackets, the words before them are the place
        return placed.group(1)
    core = re.sub(r"(?:特色)?(?:产业集群|产业群|集群)(?:\(.*\))?$", "", name)
    core = re.sub(r"^(?:“|\")", "", core)
    core = re.sub(r"^(?:\d{4})?年度?", "", core)  # 2022年度某市特色产业集群: a year's list, not a field
    return core
