"""Lists share the cue of the list: in 复星医药、康桥资本、倚锋资本和高特佳资本等机构
one suffix-confirmed member (康桥资本) or the closing 等…企业/机构 makes every
member an organisation, including those without a suffix (复星医药, 岛津)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.extract.boundary import is_name_char, left_edge, right_edge
from kg.extract.document import Document, Mention, Occupancy, tokens, word_tags
from kg.extract.forms import strip_leading_places
from kg.extract.gazetteers import lookup_place
from kg.extract.industries import industry_term
from kg.extract.places import best_candidate
from kg.extract.lexicon import BASE_TITLES, COMPANIES_STATED, FUNCTION_CHARS, GENERIC_HEADS, ONE_OF_THE_SETTLED
from kg.extract.names import titles
from kg.extract.people import names_a_person
from kg.extract.roles import names_no_body

_CLAUSE = re.compile(r"[^，。；：:\n]+")
# 等 + a body word closes a list of companies, unless the items are the fields the companies are in
# (以A、B等特色优势产业为主的中小企业; 等行业龙头企业 are the firms leading their trade)
_CLOSING_ORG = re.compile(r"^等(?!领域|产业|行业(?!龙头|领军|骨干|头部|知名|领先)|环节|方向|方面|项目)(?![^，。；]{0,12}?(?:产业|行业)为主)(?:[\d一二三四五六七八九十两几多余]+家)?[^，。；]{0,30}?(?:企业|机构|公司|单位|厂商|集团|品牌|龙头|巨头)"
                          # 对A、B等项目进行考察, A、B等项目负责人: the projects visited or whose heads meet are the firms
                          r"|^等(?:[\d一二三四五六七八九十两几多余]+个)?(?:重点)?项目(?:负责人|进行了?(?:实地)?(?:考察|调研|参观|走访|察看))"
                          # A、B等相关负责同志: the bodies whose officials attend
                          r"|^等(?:相关|有关)(?:负责同志|负责人)"
                          # 家 counts bodies (A、B等8家有意进驻园区的厂…, 等15家央企), unless what is counted is named a zone,
                          # a park, a base or a cluster (等7家国家级经开区, 等10家集群), not where the bodies go
                          r"|^等[\d一二三四五六七八九十两几多余]+家(?![^，。；]{0,12}?(?<!进驻|入驻|落户|落地)"
                          r"(?:园区|园|开发区|经开区|高新区|新区|片区|示范区|试验区|集群|基地))")
# 等 then a count or class words and what the items are kinds of (等多个领域的外资企业, 等特色优势产业为主的中小企业,
# 等多种方式做好入园企业服务): the list is of fields or ways, and a later body word belongs to the next words.  A field
# described after 等 (等细胞治疗领域知名企业) says what the listed companies do; a body word right after the field
# (等汽车产业企业) still closes a list of companies.
_FIELDS_BEFORE_BODY = re.compile(r"^等(?:[\d一二三四五六七八九十两几多余]+[个种类项大]?)?(?:特色|优势|重点|新兴|主导|相关|传统)*"
                                 r"(?:领域|方面|行业|产业|环节|方向|方式|形式|举措|措施)(?!企业|机构|公司|单位|厂商|集团|品牌|龙头)")
# A list after one of these names fields, not organisations (围绕A、B; 在A、B等领域).
_FIELD_CUE = re.compile(r"(?:围绕|涵盖|涉及|聚焦|面向|包括|在|覆盖|瞄准)$")
_GENERIC_AFTER = ("机构", "单位", "企业", "公司", "代表", "领域", "产业", "行业", "环节")
# (a 和 / 及 right after 、 begins the next item's name, 、和韵、: it joins nothing)
_ITEM_SPLIT = re.compile(r"、|(?<!、)[和及]")
# A list closed by 等 + what its items are kinds of (研发、检测、设计等方面; A、B等多个领域): fields or activities,
# even when a body is named in the same clause (某大学等高校在研发、检测等方面合作).  Lists of projects
# (A、B等16个项目) name their owners, so 项目 is no such closing.
_FIELD_CLOSE = re.compile(r"等(?:[\d一二三四五六七八九十两几多余]+[个项类大种]?)?(?:多个|重点|新兴|相关)?"
                          r"(?:领域|方面|行业|环节|方向|业务|方式|形式|举措|措施|板块)")
#: What follows a body word when it speaks of the bodies' people (等企业家, 等企业代表, 等单位负责人).
_THEIR_PEOPLE_AFTER = re.compile(r"家|代表|负责|领导|高管|人士|主要负责")
# (总部型、龙头型等平台企业: kinds of firms by what they are, ending in 型 or 类)
_CATEGORY_ENDINGS = ("企业", "院校", "院所", "机构", "单位", "部门", "国企", "央企", "型", "类")
# A count of bodies right after a list's last item, without 等 (A、B、C6家企业已在某新区注册): the count closes the
# list as 等…企业 does; 家 counts bodies only (个 may count projects or fields).
_COUNT_CLOSE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z)）])[\d一二三四五六七八九十两]+家(?:企业|公司|单位|机构)")

#: A verb of founding or funding together right after a list (A、B共同发起设立, A、B等平台联合出资): its subjects are
#: bodies.  (等 and what the items are called, 等中央、地方金融投资平台, may stand between)
_JOINT_FOUNDING = re.compile(r"(?:等[^，。；等]{0,16}?)?(?:共同|联合)(?:出资|投资)?(?:发起)?(?:设立|出资|组建|发起|成立)")
#: Verbs that join a body to others right before the first of them (A联合B、C): the name begins after them.
_JOINING_VERBS = ("联合", "联手", "携手", "会同")

# 等…企业 then 和 / 及 and a second list: A、B等龙头企业和C、D等骨干企业 are two lists, each closed by its own words.
_SECOND_LIST = re.compile(r"等[^，。；、等]{0,12}?(?:企业|机构|公司|单位|厂商)(?=(?:和|及|以及)[^，。；]*、[^，。；]*等)")


def _list_clauses(text: str) -> Iterator[re.Match]:
    """The clauses of the text, a clause holding two closed lists joined by 和 / 及 read as two (each a match of
    _CLAUSE over its part, so a part is handled as a clause is)."""
    for clause in _CLAUSE.finditer(text):
        start = clause.start()
        for second in _SECOND_LIST.finditer(text, clause.start(), clause.end()):
            rest = text[second.start() : clause.end()]
            if _CLOSING_ORG.match(rest) and not _FIELDS_BEFORE_BODY.match(rest):
                yield _CLAUSE.match(text, start, second.end())
                start = second.end() + (2 if text.startswith("以及", second.end()) else 1)
        yield _CLAUSE.match(text, start, clause.end())


def find_listed_orgs(doc: Document, tagged: bool = False) -> list[Mention]:
    """With ``tagged`` (a second pass after the tagger): only lists two of whose items are organisations already,
    one of them the tagger's, and whose every other item reads as a short trade name (no field, no common words)."""
    text = doc.simplified
    found = []
    # kept up to date below, so a long article is not rescanned for every clause
    orgs = {(m.start, m.end) for m in doc.mentions if m.type == "Organization" and not m.generic}
    tagged_orgs = {(m.start, m.end) for m in doc.mentions if m.type == "Organization" and m.method == "crf"}
    taken = doc.name_occupancy()
    described = {m.end for m in doc.mentions if m.method == "pattern:described-company"}
    named = {m.start for m in doc.mentions if not m.generic}  # kept up to date as orgs is
    for clause in _list_clauses(text):
        body = clause.group()
        if "、" not in body and "等" not in body:
            continue
        closing = None
        closing_end = None  # where the body word that closes the list ends
        cut = len(body)
        for m in re.finditer("等", body):
            close = _CLOSING_ORG.match(body[m.start() :])
            if close and not _FIELDS_BEFORE_BODY.match(close.group()):
                closing = m.start()
                closing_end = m.start() + close.end()
                cut = m.start()
                break
        # A联手B、C、D共同发起设立; 由A、B等中央、地方平台共同设立: who founds or funds something together are bodies
        joint = _JOINT_FOUNDING.search(body, body.find("、") + 1) if closing is None and "、" in body else None
        if joint:
            closing = cut = joint.start()
            closing_end = joint.end()
        counted = _COUNT_CLOSE.search(body) if closing is None else None
        last = body[body.rfind("、", 0, counted.start()) + 1 : counted.start()] if counted else ""
        if counted and "、" in body[: counted.start()] and 2 <= len(last) <= 12 and not any(ch in FUNCTION_CHARS for ch in last):
            closing = cut = counted.start()  # (…代表某市政府与10家企业签约: the count is whom the last item signs with)
            closing_end = counted.end()
        # 艾某某、B等一批配套企业: a list its closing word says is of bodies has no person in it, however much an
        # item of three characters reads like a full name (not 等企业家, 等企业代表: then the items are people)
        of_bodies = closing_end is not None and not _THEIR_PEOPLE_AFTER.match(body, closing_end)
        list_start = clause.start()
        # 入驻企业有A、B等; 首批签约企业分别为：A、B: the words before the list say its items are companies
        stated = COMPANIES_STATED.search(text, max(0, clause.start() - 16), clause.start() + cut) if closing is None else None
        # (not a list of kinds of projects, 总部项目14个、…, nor of companies described, 领先的…生产商「A」)
        listed = text[max(stated.end(), clause.start()) : clause.end()] if stated else ""
        if stated and "、" in listed and text[stated.end() : clause.start()] in ("", "：", ":") \
                and not re.search(r"[\d「」“”的]|项目", listed):
            list_start = max(stated.end(), clause.start())
            closing = cut = len(body) - 1 if body.endswith("等") else len(body)
        if closing is not None and _PROJECT_LIST_CLOSE.match(body[closing:]) and _placed_projects(doc, clause.start(), body[:closing]):
            continue  # 某区A…生产项目、某县B…项目等…项目: a list of projects, whose owners find_project_owners reads
        field_close = _FIELD_CLOSE.search(body) if closing is None else None
        if field_close:
            cut = field_close.start()
        items = _items(text, list_start, clause.start() + cut, closing is not None)
        if len(items) < 2 and closing is None:
            continue
        if field_close:
            items = [span for span in items if span in orgs]  # only the bodies already read stay in such a list
        # 国投创新、礼来亚洲基金等机构: a fund named in a list of bodies is an investor (one of the founders of another
        # fund, 由A基金、B公司共同出资, stays a fund)
        if closing is not None and not joint:
            for m in doc.mentions:
                # (某基金由A基金、B公司等单位共同出资: the fund before the list is what they invest in)
                if m.type == "Fund" and not m.generic and clause.start() <= m.start and m.end <= clause.start() + cut \
                        and not re.match(r"(?:是|将)?由", text[m.end : m.end + 2]):
                    m.type, m.kind = "Organization", "InvestmentFirm"
                    orgs.add((m.start, m.end))
        runs = _verb_runs(text, items, named)
        for run in runs:
            # (a company found by what it is may open the list: 龙头企业A、B、C，…)
            anchored = any(span in orgs for span in run) or bool(run) and run[0] == items[0] and run[0][1] in described
            # the closing word (A、B等企业) speaks of the run it ends
            if not (anchored or closing is not None and run is runs[-1]):
                continue
            if tagged and not (any(span in tagged_orgs for span in run) and sum(span in orgs for span in run) >= 2
                               and all(span in orgs or _trade_name(text[span[0] : span[1]]) for span in run)):
                continue
            # (包括A、B等22家厂商: a closing that says the items are bodies outweighs the cue)
            if run and _FIELD_CUE.search(text[max(0, run[0][0] - 2) : run[0][0]]) and not (anchored or of_bodies):
                continue
            added = len(found)
            _add_listed(doc, run, items[0], orgs, taken, of_bodies, found)
            named.update(m.start for m in found[added:])
    return found


def _verb_runs(text: str, items: list[tuple[int, int]], named: set[int]) -> list[list[tuple[int, int]]]:
    """A资本、B资本和C资本参与某新区、园林城市…: an item with a verb inside, a name right after the verb, is
    where one list ends (the verb's subjects) and another begins (its objects); each run of items on either side is
    a list of its own, and the glued item belongs to neither (a verb's word inside a name, 阻燃材料, has no name after it).
    So is an item holding a clause of its own (A、B在…作出的部署和C: 的 stands in no name)."""
    runs: list[list[tuple[int, int]]] = [[]]
    for index, (start, end) in enumerate(items):
        if 0 < index < len(items) - 1 and (_verb_then_name(text, start, end, named) or "的" in text[start + 1 : end - 1]):
            runs.append([])
            continue
        runs[-1].append((start, end))
    return [run for run in runs if run]


def _verb_then_name(text: str, start: int, end: int, named: set[int]) -> bool:
    """A verb of two characters inside [start, end), not its first word, with a name found beginning right after it."""
    position = start
    for index, part in enumerate(tokens(text[start:end])):
        position += len(part)
        if index and len(part) >= 2 and word_tags().get(part) == "v" and position in named and position < end:
            return True
    return False


def _add_listed(doc: Document, items: list[tuple[int, int]], first: tuple[int, int], orgs: set[tuple[int, int]],
                taken: Occupancy, of_bodies: bool, found: list[Mention]) -> None:
    """Read the items of one list as organisations, but for kinds, fields, places and people."""
    text = doc.simplified
    # (市级领导顾某、张某某代表…与A、B等10家企业签约: an item read as a person by its title keeps every item checked)
    of_bodies = of_bodies and not any(names_a_person(text, start, end, alone=False) for start, end in items)
    # a list most of whose items are common words lists fields (华为、小米、腾讯 keeps 小米)
    fields = 2 * sum(_a_field(text[s:e]) for s, e in items) > len(items)
    for start, end in items:
        if (start, end) in orgs or taken.overlaps(start, end) or text.startswith(_GENERIC_AFTER, end):
            continue
        if text.endswith(_CATEGORY_ENDINGS, start, end):
            continue  # 重点企业、大型国有企业、高等院校等单位: kinds of bodies, none named
        leading = tokens(text[start:end])[0]
        if (start, end) == first and word_tags().get(leading) == "v" and not text.endswith(_JOINING_VERBS, 0, start) \
                or industry_term(text[start:end]):
            continue  # 设置整车: a verb leaked into the first item (联合建邦股权: not after a verb of joining, its own)
        name = text[start:end]
        if fields and _a_field(name):
            continue  # 汽车、通信、电子等企业; 研发、检测、设计等方面: one common word names a field, not a body
        if names_no_body(text, start, end):
            continue  # 政府、行业协会、高校: kinds of bodies the list speaks of, none named
        if _plausible(name) and not _a_place(name) and not names_a_person(text, start, end, alone=not of_bodies):
            found.append(doc.add(Mention(start, end, "Organization", None, "pattern:enumeration", 0.75, name=name)))
            orgs.add((start, end))
            taken.mark(start, end)


# 签约A年产…、B…基地等产业项目N个; A等55个项目成功签约: the items of a list of projects at a stage open with
# the investing company's short name (no legal suffix); what follows it describes the project.
# (赴A、B等地考察项目: places visited, not companies)
_PROJECT_LIST_CLOSE = re.compile(r"^等(?:[\d一二三四五六七八九十百两几多余]+(?:个|家|项)|一批)?(?!地)[^，。；、]{0,8}?项目"
                                 r"|^等(?:世界|中国|国内|全国)[^，。；]{0,20}?项目")  # 等世界500强、中国500强企业投资项目
_SETTLING = "签约|落户|落地|入驻|进驻|引进|招引"  # the stages that bring a project in
_PROJECT_STAGE = re.compile(_SETTLING + "|开工|投产|投运|推进|续建")
# (已有A、B等项目落户: the verb of having opens the list as a stage's verb does)
_STAGE_BEFORE = re.compile(f"(?:{_SETTLING}|推进|包括|如|已有|现有|还有|拥有|共有)(?:了)?")
# where a project's description starts after the company's short name
_DESCRIPTION = re.compile(r"[\d（(]|投资(?=\d|约|超)|年产|新建|新能源|智能|西部|东部|南部|北部|中部|数字|高端|新型|生产|制造|总部|研发|产业|基地|电影|文化|项目")
_COMPANY_WORD = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,6}?(?:股份|集团|控股)")


def find_project_owners(doc: Document) -> list[Mention]:
    """The company that opens an item of a list of projects at a stage (签约, 落户, 开工 …)."""
    text = doc.simplified
    found = []
    taken = doc.name_occupancy()
    for clause in _CLAUSE.finditer(text):
        body = clause.group()
        if "项目" not in body:
            continue
        close = next((m.start() for m in re.finditer("等", body) if _PROJECT_LIST_CLOSE.match(body[m.start():])), None)
        # 如某区A…项目、某县B…项目、某市C…项目: items that each name where the project is, then whose it is, then
        # what it is, are a list of projects by their shape, with or without 等 and a stage verb
        placed = _placed_projects(doc, clause.start(), body[:close] if close is not None else body)
        if close is None and placed:
            close = len(body)
        if close is None:
            continue
        if not placed and not _PROJECT_STAGE.search(text, clause.start(), doc.sentence_at(clause.start()).end):
            continue
        # the list starts after the clause's verb (西咸新区签约A…、B…等), else at the clause's start (A等N个项目签约)
        head = body[:close].split("、")[0]
        verbs = list(_STAGE_BEFORE.finditer(head))
        first = verbs[-1].end() if verbs else 0
        position = clause.start() + first
        for part in re.split("、", body[first:close]):
            start, item = position, part
            position += len(part) + 1
            lead = _leading_place(doc, start, item)  # 某某区A公司…项目: the district where the project is, then its owner
            start, item = start + lead, item[lead:]
            # after the place the owner's short name opens the item; without a place the item may be a field
            cuts = (_description_start(item), _common_word_start(item)) if lead else (_description_start(item),)
            short = _COMPANY_WORD.match(item)
            if short:
                name = short.group()
            elif 2 <= len(item) <= 8 and (not _DESCRIPTION.search(item) or body[first:close] == item):
                name = item  # A等35个项目开工: a lone item is the company's whole name
            else:
                cut = next((c for c in cuts if c is not None and 2 <= c <= 5), None)
                name = item[:cut] if cut is not None else ""
            if not 2 <= len(name) <= 8 or not _plausible(name) or _a_place(name) or best_candidate(name) \
                    or industry_term(name) or _a_field(name) or _common_words(name) or _ends_in_a_locality(name):
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


def _ends_in_a_locality(name: str) -> bool:
    """世界前(100强企业): a lone locality word (前, 后, 内) ends a phrase that ranks or places, never a name."""
    last = tokens(name)[-1]
    return len(last) == 1 and word_tags().get(last) == "f"


def _description_start(item: str) -> int | None:
    cut = _DESCRIPTION.search(item, 2)
    return cut.start() if cut else None


def _common_word_start(item: str) -> int | None:
    """Where the words that describe a project begin after its owner's short name (A|特种装备…, A|环保包装材料…):
    the first word of two characters or more past the name's first two that is a common word or a place."""
    offset = 0
    for part in tokens(item):
        if offset >= 2 and len(part) >= 2 and (word_tags().get(part) in ("n", "vn", "v", "l", "j", "b", "a") or lookup_place(part)):
            return offset
        offset += len(part)
    return None


_UNLISTED_COUNTY = re.compile(r"[\u4e00-\u9fff]{2}[市县区旗](?![场长委政])")


def _placed_projects(doc: Document, start: int, body: str) -> bool:
    """Two items or more of a list open with the place where the project is (某区A…项目、某县B…项目)."""
    placed = 0
    for part in body.split("、"):
        opening = _STAGE_BEFORE.match(part)  # 如某区A…项目, 包括某区A…项目
        skip = opening.end() if opening else 0
        placed += _leading_place(doc, start + skip, part[skip:]) > 0 and "项目" in part
        start += len(part) + 1
    return placed >= 2


def _leading_place(doc: Document, start: int, item: str) -> int:
    """How many characters of an item of a list of projects a place or zone opens (某某区A…项目, 某某经开区A…项目)."""
    # 某某经开区A…项目 (a zone, not 某区A产业园项目: a park the project builds, whose name holds its owner)
    zone = max((m.end - start for m in doc.mentions if m.type == "Zone" and m.kind != "Park" and not m.generic
                and m.start == start), default=0)
    if zone and len(item) - zone >= 4:
        return zone
    places = strip_leading_places(item)  # one level: the owner's name may begin like a place (京东, 中山)
    if places:
        head = item[: len(item) - len(places[0])]
        candidate = best_candidate(head)
        # a district or county is where the project is; a province or city more often begins the owner's name (台州某某)
        return len(head) if candidate and candidate.level in ("District", "County") and len(places[0]) >= 4 else 0
    county = _UNLISTED_COUNTY.match(item)  # a county-level city the gazetteer does not list yet
    return county.end() if county and len(item) - county.end() >= 4 else 0


# 传感器提供商「A」, 医疗器材公司「B」: a company's name in corner quotes, right after the words that say what it is
# (Hong Kong and Taiwan news name companies so in lists).
_QUOTED_COMPANY = re.compile(r"(?:公司|企业|商|集团|机构|品牌|独角兽)「([^「」，。；、]{2,40})」")


def find_quoted_companies(doc: Document) -> list[Mention]:
    """The company a description introduces by its name in corner quotes (…研发及生产商「A」); the description
    (医疗器材公司, found by its suffix) names no body of its own."""
    found = []
    for match in _QUOTED_COMPANY.finditer(doc.simplified):
        start, end = match.span(1)
        if _overlaps(doc, start, end) or lookup_place(match.group(1)):
            continue
        described = [m for m in doc.mentions if m.type == "Organization" and m.end == start - 1]
        if described:
            doc.mentions = [m for m in doc.mentions if m not in described]
        found.append(doc.add(Mention(start, end, "Organization", "Company", "pattern:quoted-company", 0.7,
                                     name=match.group(1))))
    return found


# 龙头企业A、B…; 研发机构A在某区投资…: what a body is, then its name, then the next item of a list or the body's own
# doing.  (After 公司 stands what the company makes, not a name: 某某有限公司工业涂料项目.)
_DESCRIPTIONS = ("企业", "机构", "央企", "国企", "制造商", "供应商", "服务商", "运营商")
_DESCRIBED = re.compile(f"(?:{'|'.join(_DESCRIPTIONS)})(?:——|—)?" r"([\u4e00-\u9fffA-Za-z()（）]{2,12}?)(?=、|在|投资\d)")
# Words of a description or a doing, never of a name (企业代表, 机构积极参与).
_NOT_IN_NAME = ("v", "vn", "d", "ad", "a", "an", "l", "i", "p", "r", "m", "q", "t", "c", "u", "f", "uj", "ul")


def find_described_companies(doc: Document) -> list[Mention]:
    """The company named right after the words that say what it is (国内社交电商的龙头企业A、B等项目)."""
    text = doc.simplified
    found = []
    taken = doc.name_occupancy()
    for match in _DESCRIBED.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if tokens(text[match.start() : end])[0] not in _DESCRIPTIONS:
            continue  # the descriptive word runs on into the next (企业家, 机构改革)
        parts = tokens(name)
        if any(word_tags().get(part) in _NOT_IN_NAME for part in parts) or parts[0] in FUNCTION_CHARS or parts[0] == "代表" \
                or "项目" in name:
            continue  # 企业积极参与, 企业数量, 企业港项目: what the bodies do or how many, or what is built; no name
        if not _plausible(name) or _a_place(name) or best_candidate(name) or industry_term(name) or _a_field(name) \
                or _common_words(name) or name.endswith(_CATEGORY_ENDINGS) or _overlaps(doc, start, end) or taken.overlaps(start, end):
            continue
        found.append(doc.add(Mention(start, end, "Organization", "Company", "pattern:described-company", 0.7, name=name)))
        taken.mark(start, end)
    # A作为此次签约企业之一，…: the body that opens its clause, then what it is one of
    for match in ONE_OF_THE_SETTLED.finditer(text):
        start = max(text.rfind(ch, 0, match.start()) for ch in "，。；：\n") + 1
        start += len(text[start : match.start()]) - len(text[start : match.start()].lstrip())
        end, name = match.start(), text[start : match.start()]
        parts = tokens(name) if name else [""]
        if not _plausible(name) or word_tags().get(parts[0]) in _NOT_IN_NAME or _a_place(name) or best_candidate(name) \
                or names_a_person(text, start, end) or _overlaps(doc, start, end) or taken.overlaps(start, end):
            continue
        found.append(doc.add(Mention(start, end, "Organization", "Company", "pattern:described-company", 0.7, name=name)))
        taken.mark(start, end)
    return found


_INVESTS = re.compile(r"(?<!总)(?:拟|将|计划|预计|追加|再|还将)?投资(?:约|超过|超)?\d")


#: What kind of investment a sum is (完成固定资产投资38亿元, 基建投资): no investor.
_INVESTMENT_KINDS = ("固定资产", "基建", "基础设施", "技改", "民间", "外商", "社会")


def find_investors(doc: Document) -> list[Mention]:
    """科伦药业拟投资20亿元建设…: whoever invests a sum in a project is an organisation."""
    text = doc.simplified
    found = []
    for match in _INVESTS.finditer(text):
        end = match.start()
        start = left_edge(text, end, max_len=16)
        name = text[start:end]
        if end - start < 2 or _overlaps(doc, start, end) or not _plausible(name) or text[start - 1 : start] == "的" \
                or name.endswith(("协议", "项目", "合计", "累计", "共计", "计划", "一期", "二期", *_INVESTMENT_KINDS)) \
                or name.startswith(("单", "每", "各", "人均", "平均", "总", "累计", "双方", "三方", "多方")):  # 单笔投资500万元: an amount, no investor
            continue
        leading = tokens(name)[0]
        if word_tags().get(leading) in ("v", "vn", "r", "t", "m") or best_candidate(name) or industry_term(name):
            continue
        found.append(doc.add(Mention(start, end, "Organization", "Company", "pattern:investor", 0.7, name=name)))
    return found


# An item of a closed list this short is one name however its words segment (云海联合 ends in a verb, 今日云栖
# opens with a time word): the walks that find a name's edge in running text would leave nothing of it.
_WHOLE_ITEM = 8


def _items(text: str, start: int, end: int, closed: bool = False) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = start
    for part in _ITEM_SPLIT.split(text[start:end]):
        trailing = len(part) < 2 and spans[-1][1] - spans[-1][0] >= 2 if spans else False
        after_verb = word_tags().get(text[position - 3 : position - 1]) == "v" if position - start >= 3 else False
        if spans and text[position - 1] in "和及" and (trailing or after_verb):
            # 新疆某某德和等企业: a 和 / 及 with no item after it ends the last item's name; 包括和某光电: one right
            # after the list's verb begins the first; either way it joins nothing
            spans[-1] = (spans[-1][0], position + len(part))
        else:
            spans.append((position, position + len(part)))
        position += len(part) + 1
    if not spans:
        return []
    items = []
    for index, (s, e) in enumerate(spans):
        whole = closed and 2 <= e - s <= _WHOLE_ITEM and all(is_name_char(ch) for ch in text[s:e])
        if index == 0:
            edge = _after_introducing_verb(text, left_edge(text, e, max_len=16), e)
            if text[edge - 1 : edge] in "和与及" and edge >= 3 and word_tags().get(text[edge - 3 : edge - 1]) == "v":
                edge -= 1  # 包括和某光电、…: a joiner right after the verb joins nothing, it begins the first name
            s = s if whole and e - edge < 2 and text[e] == "、" else edge
        if index == len(spans) - 1:
            edge = right_edge(text, s, e)
            closing = text.find(")", edge, e)
            if text.count("(", s, edge) > text.count(")", s, edge) and closing >= 0:
                edge = closing + 1  # A(某某运营中心)等: the walk stopped inside the bracket the name opened
            # (a 和 that ends the name is no stop word there: 某某德和)
            e = e if whole and (edge - s < 2 and text[s - 1] == "、" or text[e - 1] in "和及") else edge
        if e - s >= 2:
            items.append((s, e))
    return items


# One-character verbs that introduce a list (集群内有A、B等企业; 如A、B等): longer verbs (不乏, 包括, 播报) introduce
# one by being verbs; a one-character verb inside a short name (联适导航) does not.
_LONE_INTRODUCERS = "有如是"


def _after_introducing_verb(text: str, start: int, end: int) -> int:
    """Where the first item of a list begins once the verb that introduces the list is left out: 不乏A、B等企业,
    集群内有A、B等企业 and 共播报A、B等N家企业 take the walk left past the verb into the first item."""
    parts = tokens(text[start:end])
    offset = start
    for index, part in enumerate(parts[:-1]):
        offset += len(part)
        # the verb opens the walk or follows where (集群内有): a verb after other words (公共服务示范平台) is the name's own
        opens = index == 0 or parts[index - 1] in ("内", "中", "里") or word_tags().get(parts[index - 1]) == "f"
        if opens and word_tags().get(part) == "v" and (len(part) >= 2 or part in _LONE_INTRODUCERS) and end - offset >= 2:
            return offset
    return start


def _overlaps(doc: Document, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end and m.type != "Place" for m in doc.mentions)


def _a_place(name: str) -> bool:
    """承德, 河北保定, 天津宝坻 in a list of 地方政府: places, not bodies the list's cue names."""
    return bool(lookup_place(([name] + strip_leading_places(name))[-1]))


def _a_field(name: str) -> bool:
    parts = tokens(name)
    return len(parts) == 1 and word_tags().get(name) in ("n", "vn", "v", "an", "j") or name.endswith(("机构", "单位"))


def _trade_name(name: str) -> bool:
    """A short item with no field, common words, verb or place at its front: a company's trade name."""
    if not 2 <= len(name) <= 6 or industry_term(name) or _a_field(name) or _common_words(name) or _a_place(name):
        return False
    return word_tags().get(tokens(name)[0]) not in ("v", "vn", "d", "p", "c", "r", "m", "t")


def _common_words(name: str) -> bool:
    """人才住房, 科技金融: common nouns only, what is built or done, not whose name it is."""
    parts = tokens(name)
    return all(len(part) >= 2 and word_tags().get(part) in ("n", "vn", "an") for part in parts)


@cache
def _post_endings() -> tuple[str, ...]:
    """Titles of two or more characters, and 成员: a list item ending in one is a post."""
    return (*(title for title in titles() if len(title) >= 2), "成员")


def _plausible(name: str) -> bool:
    if not 2 <= len(name) <= 12 or re.search(r"\d|[“”\"《》*]", name):
        return False
    if re.search(r"[一二两三四五六七八九十几多]个?[省市区县镇园]", name):
        return False  # 两区一县, 三省一市: places counted, no body
    if name.endswith(_post_endings()):
        return False  # 省委常委、某市委书记…: a list of posts, not of bodies
    return not any(title in name for title in BASE_TITLES if len(title) >= 2)


# A list of a zone's parts closed by a count of parks (布局A园、B园等N大园区; 打造的是A、B等N个园区; 推进了A、B“N大园”;
# 以“A园、B园、C片区”等“N园N区”为载体): every item is one of the zone's parks.  Without a count
# (Z1、Z2等园区) the list may be of zones of a region, so the count is required.
_PART_CLOSE = (r"”?、?(?:等”?|“)?(?:[\d一二三四五六七八九十两]+(?:个|大)[^，。；、“”]{0,4}?(?:园区|园|片区|分园|板块|组团)"
               r"|“[一二三四五六七八九十两]+园[一二三四五六七八九十两]+区”)")
_PART_LIST = re.compile(r"(?P<items>(?:[^，。；：:、“”,;\s]{2,18}、)+[^，。；：:、“”,;\s]{2,18}?)" + _PART_CLOSE)
# What introduces the list when no quote or colon does: the verb of laying out or counting parts.
_PART_INTRODUCER = re.compile(r"(?:的是|布局|打造|建设|建成|包括|包含|涵盖|形成|设立|拥有|下辖|分为|规划|推进)了?")
_PART_ENDINGS = ("园区", "园")


def part_lists(text: str) -> list[tuple[int, list[tuple[int, int]]]]:
    """The lists of a zone's parts: (where the list begins, the item spans)."""
    lists = []
    for match in _PART_LIST.finditer(text):
        start, end = match.span("items")
        first_end = text.index("、", start)
        if text[start - 1 : start] not in ("“", "：", ":", "—"):
            verbs = list(_PART_INTRODUCER.finditer(text, start, first_end))
            if not verbs:
                continue  # 所在的A、B等5个园区: no verb lays the parts out, the items may be a region's zones
            start = verbs[-1].end()
        spans, position = [], start
        for piece in text[start:end].split("、"):
            spans.append((position, position + len(piece)))
            position += len(piece) + 1
        lists.append((start, [s for s in spans if s[1] - s[0] >= 2]))
    return lists


def find_listed_parks(doc: Document) -> list[Mention]:
    """The items of a list of a zone's parts that end as a park does (凤鸣园, 云湖园) are parks, though 园
    alone is no zone suffix, and though their words only describe (a 科技…园 or 现代…园区: the list names them);
    items another name already covers are left to it."""
    text = doc.simplified
    taken = Occupancy(len(text), ((m.start, m.end) for m in doc.mentions if m.type != "Place" and not m.generic))
    found = []
    for _, spans in part_lists(text):
        for start, end in spans:
            name = text[start:end]
            if (not name.endswith(_PART_ENDINGS) or name in GENERIC_HEADS or not 3 <= end - start <= 14
                    or not all(is_name_char(ch) for ch in name) or taken.overlaps(start, end)):
                continue
            # the bare kind a descriptive name was read as (科技[…园]) is this park's own word
            doc.mentions[:] = [m for m in doc.mentions if not (m.generic and start <= m.start and m.end <= end)]
            found.append(doc.add(Mention(start, end, "Zone", "Park", "pattern:listed-park", 0.7, name=name)))
            taken.mark(start, end)
    return found
