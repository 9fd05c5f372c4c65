"""Titles and honours to the left of a person's name.

``俄罗斯工程院外籍院士，昆翎医药联合创始人兼首席战略官，谱新生物联合创始人兼联席董事长张丹``
reads, from the name leftwards, segment by segment (joined by ，、兼): each
segment is ORGANISATION + TITLE.  A title after an academy is an honour and a
membership; 诺贝尔…奖得主 is the Nobel honour; other titles are roles.  An
organisation without a suffix (谱新生物) is found by the same cue: the words
before a title that precedes a name name an organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.boundary import left_edge, run_start
from kg.extract.document import Document, Mention, tokens, word_tags
from kg.extract.lexicon import BODY_ENDINGS, GENERIC_HEADS, HONOUR_TITLES
from kg.extract.forms import strip_leading_places
from kg.extract.gazetteers import academy_names
from kg.extract.names import read_name, title_closes, titles
from kg.extract.places import best_candidate

_BODY_ENDINGS = (*BODY_ENDINGS, "处")
_AFTER_NAME = re.compile(r"^(?:当选|担任|出任|受聘担任|受聘为|兼任)")


@dataclass
class Role:
    person: Mention
    org: Mention | None
    title: str
    start: int  # where the title (or its organisation) begins
    body: str | None = None  # 某集团 of 某集团党委委员: the body whose party committee the post is in


def _title_ending_at(text: str, end: int) -> tuple[int, str] | None:
    """Longest title (or chain 联合创始人兼首席战略官) ending at ``end``."""
    best = None
    for title in titles():
        if text.endswith(title, 0, end):
            best = (end - len(title), title)
            break
    if best is None:
        return None
    start, title = best
    if text[start - 1 : start] == "兼":
        previous = _title_ending_at(text, start - 1)
        if previous:
            return previous[0], text[previous[0] : end]
    return start, title


def find_roles(doc: Document) -> list[Role]:
    text = doc.simplified
    by_end: dict[int, Mention] = {}
    for m in doc.mentions:
        if m.type in ("Organization", "Zone") and (m.end not in by_end or m.start < by_end[m.end].start):
            by_end[m.end] = m
    persons = sorted((m for m in doc.mentions if m.type == "Person"), key=lambda m: m.start)
    roles: list[Role] = []
    previous_role: Role | None = None
    previous: tuple[Mention, list[Role]] | None = None  # the person before and the roles read for them
    for person in persons:
        own = _left_chain(doc, person, by_end, previous_role)
        held = own + _academies_before(doc, person, by_end, own)
        if not own:
            held.extend(_title_after_name(doc, person, by_end))
        if not held and previous is not None:
            held = _academicians_listed(text, person, *previous)
        roles.extend(held)
        previous = person, held
        roles.extend(_right_of_name(doc, person))
        if own:
            previous_role = own[0]
        if person.method == "pattern:list-name":
            roles.extend(_list_cue_roles(text, person, by_end))
    return roles


def _left_chain(doc: Document, person: Mention, by_end: dict[int, Mention], previous_role: Role | None) -> list[Role]:
    """Segments ORG+TITLE from the name leftwards, joined by ，、兼."""
    text = doc.simplified
    position = person.start
    if text[position - 1 : position] in (" ", "\u3000") and text[person.end : person.end + 1] in ("：", ":"):
        position -= 1  # a caption 中国科学院院士 李某：: the title before the space
    chain: list[Role] = []
    unplaced: set[int] = set()  # roles whose body the text names without its place: they take no other body
    while True:
        titled = _title_ending_at(text, position)
        if not titled:
            break
        title_start, title = titled
        if any(m.type == "Person" and m.end == title_start for m in doc.mentions):
            break  # 王某局长、张某市长、李某: each title follows its own holder's name
        party = _place_party_committee(doc, title_start, title)
        if party is not None:
            (org, title), title_start = party, title_start + len(_PLACE_PARTY_UNIT)
            by_end[org.end] = org
        else:
            org = by_end.get(title_start)
        if org is None and title in HEAD_TITLES and text[title_start - 1] != title[0]:
            org = by_end.get(title_start + 1)
        if org is None and text[title_start - 1 : title_start] == "的":
            org = by_end.get(title_start - 1)  # 云栖资本的董事长周明远
        if org is None and title_start and text[title_start - 1] not in "，、。；：:,\n“”" and title not in HONOUR_TITLES:
            org = _discover_org(doc, title_start, title)
            if org:
                title = text[org.end : title_start] + title
                by_end[org.end] = org
        if org is not None and org.type == "Organization":
            _to_segment_start(doc, org)
        after_person = previous_role is not None and previous_role.person.end == title_start - 1
        if org is None and text[title_start - 1 : title_start] == "、" and after_person and previous_role.org \
                and not (_heads_place(title) and not previous_role.org.name.endswith("政府")):  # 省委书记张三、省长李四
            org = previous_role.org  # 管委会主任吴海涛、副主任何玲: the list goes on at the same body
        start = org.start if org else title_start
        if org is None and title_start and title not in HONOUR_TITLES:
            body_start = left_edge(text, title_start, max_len=14)
            if text[body_start - 1 : body_start] in ("，", ",", "、"):
                start = body_start  # 市委书记、市人大常委会主任张某: an unplaced body read past, the chain goes on
                unplaced.add(len(chain))
        chain.append(Role(person, org, title, start))
        position = chain[-1].start
        if org is not None and text[position - 1 : position] == "原" and text[position - 2 : position - 1] in ("，", ",", "、"):
            position -= 1  # 某学会理事长，原某某大学校长张某: a former post before the body, the chain goes on
        if text[position - 1 : position] in ("，", ",", "、") and _title_ending_at(text, position - 1):
            position -= 1
            continue
        break
    for role in chain:
        _party_unit_to_body(doc, role)
    for index, role in enumerate(chain):  # 云栖资本董事长、总经理张三: 总经理 at the body named further left
        if role.org is None and role.title not in HONOUR_TITLES and index not in unplaced:
            held = next((r for r in chain[index + 1 :] if r.org is not None), None)
            if held is not None and _heads_place(role.title) and not held.org.name.endswith("政府"):
                continue  # 某省委书记、省长张三: the head of the place holds no post of its party committee
            if held is not None:
                role.org, role.body = held.org, held.body
    return chain


def _heads_place(title: str) -> bool:
    """省长, 常务副市长, 代区长: the head (or a deputy head) of a place."""
    head = next((h for h in _PLACE_HEADS if title.endswith(h)), None)
    return head is not None and all(ch in "副常务代理原前" for ch in title[: -len(head)])


_PARTY_UNITS = ("党委", "党组")
_PLACE_PARTY_UNIT = "党委"


def _place_party_committee(doc: Document, title_start: int, title: str) -> tuple[Mention, str] | None:
    """某自治区党委书记, 某新城党委副书记: the 党委 of the title after a place or zone is that place's party
    committee, a body of its own (the title is 书记); a company's 党委 is the company's (_party_unit_to_body)."""
    unit_end = title_start + len(_PLACE_PARTY_UNIT)
    if not title.startswith(_PLACE_PARTY_UNIT) or len(title) <= len(_PLACE_PARTY_UNIT):
        return None
    read = [m for m in doc.mentions if m.type == "Organization" and m.end == unit_end and m.start < title_start and not m.generic]
    if read:
        return min(read, key=lambda m: m.start), title[len(_PLACE_PARTY_UNIT) :]
    local = [m for m in doc.mentions if m.type in ("Place", "Zone") and m.end == title_start and not m.generic]
    if not local:
        return None
    start = min(m.start for m in local)
    org = doc.add(Mention(start, unit_end, "Organization", "GovernmentBody", "pattern:party-committee", 0.8))
    return org, title[len(_PLACE_PARTY_UNIT) :]


_LOCAL_ENDINGS = ("省", "市", "区", "县", "州", "镇", "乡", "村", "街道", "园区", "开发区", "高新区", "新区")


def _party_unit_to_body(doc: Document, role: Role) -> None:
    """某集团党委委员、副总裁张三: a company's or department's party committee is a post of that body: the
    role names the body (kg.extract.relations finds it among the entities; a place's or zone's 党委 is a
    body of its own)."""
    org = role.org
    if org is None or org.type != "Organization" or not org.name.endswith(_PARTY_UNITS) or len(org.name) < 4:
        return
    body = org.name[:-2]
    if body.endswith(_LOCAL_ENDINGS) or any(m.type in ("Place", "Zone") and m.start == org.start and m.end == org.end - 2
                                             for m in doc.mentions):
        return
    role.title = org.name[-2:] + role.title
    role.body = body


_ACADEMICIAN = re.compile(r"(?:外籍)?院士(?=[、，,兼 ]|$)")


def _academies_before(doc: Document, person: Mention, by_end: dict[int, Mention], chain: list[Role]) -> list[Role]:
    """中国科学院院士、某国科学院院士、某大学某系主任张三: every academy of the run of titles before
    the name, however the chain of posts between reads (an academy the gazetteer knows is named
    even when no other finder read it)."""
    text = doc.simplified
    start = max(text.rfind(ch, 0, person.start) for ch in "。；：:\n") + 1
    start = max([start] + [m.end for m in doc.mentions if m.type == "Person" and start <= m.end <= person.start
                           and m is not person])
    held = {id(r.org) for r in chain if r.org is not None}
    found = []
    for match in _ACADEMICIAN.finditer(text, start, person.start):
        org = _academy_named_before(doc, start, match.start(), by_end.get(match.start()))
        if org is not None:
            by_end[org.end] = org
        if org is None or org.start < start or id(org) in held:
            continue
        held.add(id(org))
        found.append(Role(person, org, match.group(), org.start))
    return found


def _academy_named_before(doc: Document, start: int, end: int, read: Mention | None) -> Mention | None:
    """The organisation ending at ``end`` before 院士: the one read, widened to the gazetteer academy
    whose name ends there when that is longer (国际某某科学院 read as a bare 科学院), else a new mention."""
    text = doc.simplified
    names = [key for key in academy_names() if len(key) >= 3 and text.endswith(key, start, end)]
    name = max(names, key=len) if names else None
    if name is None or read is not None and read.end - read.start >= len(name):
        return read
    if read is not None and read.type == "Organization":
        read.start, read.name, read.generic = end - len(name), name, False
        return read
    return doc.add(Mention(end - len(name), end, "Organization", "Academy", "gazetteer:academy", 0.9, name=name))


def _title_after_name(doc: Document, person: Mention, by_end: dict[int, Mention]) -> list[Role]:
    """中国工程院某某院士, 某管理局某某局长、…: the body right before the name, the title right after it."""
    text = doc.simplified
    org = by_end.get(person.start)
    title = _title_at(text, person.end)
    if org is None and title and len(title) >= 2:
        org = _headed_body(doc, person, title)
    if org is None or org.type != "Organization" or title is None or len(title) < 2:
        return []
    if not title_closes(text, person.end + len(title)):
        return []  # the title word begins a longer word
    return [Role(person, org, title, org.start)]


def _headed_body(doc: Document, person: Mention, title: str) -> Mention | None:
    """某某院沈某副院长, 某某部王某部长: a body with no suffix of its own, named right before a person whose title is
    that body's head (the body's last character, 院 / 部 / 局 / 署 / 会, heads the title)."""
    text = doc.simplified
    ending = text[person.start - 1 : person.start]
    if ending not in "院部局署会厅" or not title.lstrip("副常务执行").startswith(ending):
        return None
    start = left_edge(text, person.start, max_len=12)
    name = text[start : person.start]
    if len(name) < 3 or _only_places(name) or names_no_body(text, start, person.start) or any(
            m.start < person.start and start < m.end for m in doc.mentions if m.type != "Place"):
        return None
    return doc.add(Mention(start, person.start, "Organization", "GovernmentBody" if ending != "会" else None,
                           "pattern:org-title-name", 0.75, name=name))


_APPOSITION = re.compile(r"^[（(，]")


def _right_of_name(doc: Document, person: Mention) -> list[Role]:
    """张三当选联盟理事长 / 张三（云栖资本董事长） / 张三，云栖资本董事长，…: the post after the name."""
    text = doc.simplified
    after = _AFTER_NAME.match(text[person.end : person.end + 12]) or _APPOSITION.match(text[person.end : person.end + 1])
    if not after:
        return []
    rest = person.end + after.end()
    found = []
    for m in doc.mentions:
        if m.type == "Organization" and m.start == rest:
            titled = _title_at(text, m.end)
            closes = text[m.end + len(titled) : m.end + len(titled) + 1] if titled else ""
            if titled and (after.group() not in "（(，" or closes in "）)，。、；"):
                if after.group() == "，" and _next_person_in_clause(doc, m.end):
                    continue  # 沈觅，党工委副书记、管委会副主任张爱民: the next person's posts
                found.append(Role(person, m, titled, m.start))
    return found


_LIST_CUE = re.compile(r"[^，。；：]{0,40}?等(?:[\d一二三四五六七八九十两几多]+)?[位名人]?")


def _academicians_listed(text: str, person: Mention, before: Mention, their_roles: list[Role]) -> list[Role]:
    """某某科学院院士吴某、吕某、罗某: a bare name listed right after an academician shares the academy (院士, a
    title said of many; a post such as 市委书记 before a list is the first name's alone)."""
    if text[before.end : person.start] not in ("、", "和", "及"):
        return []
    return [Role(person, r.org, r.title, r.start) for r in their_roles if r.title.endswith("院士") and r.org is not None]


def _list_cue_roles(text: str, person: Mention, by_end: dict[int, Mention]) -> list[Role]:
    """裴钢、杨胜利、李劲松、张丹等四名中国科学院院士: the closing cue is every member's."""
    match = _LIST_CUE.match(text, person.end)
    if not match:
        return []
    cue_start = match.end()
    cue = text[cue_start : cue_start + 16]
    if cue.startswith(("诺贝尔", "诺奖")):
        person.honors.add("NobelLaureate")
        return []
    academician = re.match(r"([^，。；、]{2,12}?)(外籍)?院士", cue)
    if not academician:
        return []
    org = by_end.get(cue_start + academician.end(1))
    if org is None or org.start != cue_start:
        return []
    return [Role(person, org, (academician.group(2) or "") + "院士", cue_start)]


_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+[届次]")
_SEGMENT_NOT_FIRST = ("v", "p", "d", "c", "r")


def _segment_start(doc: Document, start: int, end: int) -> int | None:
    """In a chain of posts (院士、中新某某研究院理事长张三) each segment is one body and its title: where the segment
    holding [start, end) begins, when the 、 / ， before it (or a 兼 / 暨 after a title) ends a title or a person's name
    and only name characters run from there to ``start`` (else None: the words before may be a clause of their own)."""
    text = doc.simplified
    segment = run_start(text, start, max_len=20)
    for joiner in ("兼", "暨"):  # 某科学院院长兼某实验室主任: the post before 兼 is a segment of its own
        at = text.rfind(joiner, segment, start)
        if at >= 0 and _title_ending_at(text, at):
            segment = at + 1
    if text[segment : segment + 1] == "原":
        segment += 1  # 、原某某大学校长: a former post, not the body's name
    ordinal = _ORDINAL.match(text, segment, start)
    if ordinal:
        segment = ordinal.end()  # 第十二届全国政协副主席: the term is the post's, not the body's
    if start - segment < 1 or end - segment > 24:
        return None
    if text[segment - 1 : segment] not in ("、", "，", ",", "兼", "暨", "届", "次"):
        return None
    before = segment - 1
    if text[before] in "、，," and not (_title_ending_at(text, before)
                                      or any(m.type == "Person" and m.end == before for m in doc.mentions)):
        return None
    lead = text[segment:start]
    if word_tags().get(tokens(lead)[0]) in _SEGMENT_NOT_FIRST or _only_places(lead):
        return None  # 听取某园…, 在财政司: a verb or preposition opens a clause; 宁夏 + 某市委: places the body is named without
    if any(m.type in ("Person", "Event", "Zone") and segment <= m.start < start for m in doc.mentions):
        return None
    return segment


def _to_segment_start(doc: Document, org: Mention) -> None:
    """A body read short at its left (研究院, 医院) in a chain of posts runs back to its segment's start."""
    segment = _segment_start(doc, org.start, org.end)
    if segment is not None:
        # (a bare 集团 or 医院 read as referring back is, so widened, a name of its own)
        org.start, org.name, org.generic, org.canonical = segment, doc.simplified[segment : org.end], False, None


def _next_person_in_clause(doc: Document, start: int) -> bool:
    ends = [i for i in (doc.simplified.find(ch, start) for ch in "，。；") if i >= 0]
    clause_end = min(ends or [len(doc.simplified)])
    return any(m.type == "Person" and start <= m.start < clause_end for m in doc.mentions)


def _title_at(text: str, start: int) -> str | None:
    for title in titles():
        if text.startswith(title, start):
            return title
    return None


_TITLE_MODIFIERS = ("执行", "高级", "资深", "常务", "首席", "副", "前", "原", "著名", "知名", "相关", "主管", "专职", "兼职", "名誉",
                    # 荣誉董事长, 创会会长, 二级调研员, 主席团名誉主席: grades and honours of the post, not the body
                    "荣誉", "创会", "一级", "二级", "三级", "四级", "主席团", "第一")
# 部长, 局长, 厅长 said of a body whose name ends in that character (国家发展部长 = 国家发展部 + 部长)
HEAD_TITLES = ("部长", "局长", "厅长", "署长")
# 市长, 县长, 区长: the head of the place just named (武汉市长), no body named by the text
_PLACE_ENDINGS = ("市", "县", "省", "区", "州", "镇")
# The units inside a body whose names join two fields with 和 (微生物学和免疫学系, 发展和改革委, 科技和信息化局).
_DEPARTMENT_ENDINGS = ("处", "系", "局", "部", "委", "室", "科", "司", "办", "所", "中心")
_PLACE_HEADS = ("市长", "县长", "区长", "省长", "州长", "镇长", "乡长")
_COMMON_TAGS = {"n", "v", "vn", "a", "ad", "d", "b", "r", "t", "f", "m", "an", "nr"}


def _discover_org(doc: Document, end: int, title: str) -> Mention | None:
    """锐晶激光人力资源经理张倩: the words before the title name the employer."""
    text = doc.simplified
    start = left_edge(text, end, max_len=18)  # 某某发展研究中心产业经济研究部: a department inside a body is long
    if start == end and text.endswith("中心", 0, end):
        start = left_edge(text, end - 2, max_len=16)  # 某某研究院华东科学中心主席: 中心 (a stop word elsewhere) heads the body
    segment = _segment_start(doc, max(start, end - 1), end)
    if segment is not None and segment < start:
        start = segment  # 秘书长张三、某某学院远程教育中心主任: the segment of a chain of posts is the body's whole name
    if text[start - 1 : start] == "和" and text[start:end].endswith(_DEPARTMENT_ENDINGS) \
            and not any(m.type == "Person" and m.end == start - 1 for m in doc.mentions):
        start = left_edge(text, end, max_len=24, joiners="和")  # 某海关自贸区和特殊区域发展处: one office of two fields
    person = _trailing_person(text[start:end])
    if person is not None:  # 某某管理局王某某局长: the official's name stands between the body and the title
        end = start + person
        if text[start:end].endswith(_PLACE_ENDINGS):
            return None  # 某某市林某某市长: a place's office
    elif title in HEAD_TITLES and text[end - 1] != title[0] and not _acting_or_deputy(text[start:end]):
        end += 1  # 某国国家发展部长: the 部 of 部长 ends the body's name (a 部长 of 国家发展部)
    # a field prefix of the title (人力资源经理) is part of the title, not the name
    name = text[start:end]
    if len(name) < 2 or name in ("公司", "企业", "集团"):
        return None
    if any(m.type == "Place" and m.end == end and m.start <= start for m in doc.mentions):
        return None  # 浦东新区区长: a place's office, not an organisation named by the text
    if text.startswith(_PLACE_HEADS, end) and _only_places(name + text[end]):
        return None  # 武汉市长, 云林县县长: the title's 市 / 县 ends the place, which is no organisation
    if _only_places(name) or names_no_body(text, start, end):
        return None
    embassy = name.rfind("驻")
    if embassy > 0 and (name[embassy + 1 :] == "华" or _only_places(name[embassy + 1 :])):
        return None  # 中国驻某国大使: the embassy is not named, only the post
    while name and name.endswith(_TITLE_MODIFIERS):  # 绿城集团执行总经理, 中央电视台著名主持人
        cut = next(m for m in _TITLE_MODIFIERS if name.endswith(m))
        end -= len(cut)
        name = text[start:end]
    acting = _acting_or_deputy(name)
    if acting:  # 某区政府代区长, 某管理局代理局长: the post is held acting, the body ends before 代
        end -= len(acting)
        name = text[start:end]
    parts = tokens(name)
    if len(name) < 2 or len(parts) == 1 and word_tags().get(name) in _COMMON_TAGS or "记者" in name or name.startswith("本报"):
        return None  # 大堂经理, 艺术总监, 早报记者: a common word before a title is no employer
    # (某集团董事局主席: the board is the company's, whom the post is of)
    for prefix in ("董事局", "董事会", "人力资源", "市场", "营销", "销售", "技术", "研发", "财务", "行政", "运营", "品牌", "产品", "项目", "区域", "大中华区", "中国区"):
        if name.endswith(prefix) and len(name) - len(prefix) >= 2:
            end -= len(prefix)
            name = text[start:end]
    named = [m for m in doc.mentions if m.type in ("Organization", "Zone") and m.end == end and not m.generic]
    if named:  # 江苏蓝储新能源科技有限公司人力资源总监: the employer was already read by its suffix
        return min(named, key=lambda m: m.start)
    existing = next((m for m in doc.mentions if m.type in ("Organization", "Zone") and m.span == (start, end)), None)
    return existing or doc.add(Mention(start, end, "Organization", None, "pattern:org-title-name", 0.75, name=name))


# 代 / 代理 (acting) and 副 before a head's title, after a body's last character: the post's, not the body's
_ACTING = ("代理", "代", "常务副", "副")
_BODY_LAST = "府局署委部厅院会办处"


def _acting_or_deputy(name: str) -> str:
    """The acting or deputy word closing ``name`` right after a body's head character (某区政府|代, 某署|副), or ''."""
    word = next((w for w in _ACTING if name.endswith(w)), "")
    return word if word and name[: -len(word)][-1:] in _BODY_LAST else ""


def _only_places(name: str) -> bool:
    """新竹市, 山东省潍坊, 武汉: a place or places one after another, no body."""
    if not name:
        return False
    if best_candidate(name) is not None:
        return True
    rests = strip_leading_places(name)
    return bool(rests) and best_candidate(rests[-1]) is not None


def _trailing_person(name: str) -> int | None:
    """Where a person's name closing ``name`` begins, when a body's name (its suffix) or a place comes before it."""
    for cut in range(max(2, len(name) - 3), len(name) - 1):
        body = name[:cut]
        if read_name(name, cut) == len(name) and (body.endswith(_BODY_ENDINGS) or body.endswith(_PLACE_ENDINGS) or _only_places(body)):
            return cut
    return None


# 政府, 部委, 央企: a kind of body, never one the text names
_UNNAMED_BODIES = frozenset("政府 地方政府 部委 央企 国企 省属国企 市属国企 省委省政府 市委市政府 党委政府 省政府 市政府 区政府 县政府 州政府 镇政府".split()
                            # a body's unit or committee said without the body (党委常委, 组织部部长, 人大常委会主任)
                            + "党委 党组 党工委 纪委 纪工委 监委 监察工委 组织部 宣传部 统战部 办公室 管委会 人大常委会 政协 发改委".split())
# 自治区人大常委会, 区委办公室, 市委组织部: the place or the party committee named without its place
_UNPLACED_HEADS = ("省", "市", "区", "县", "州", "镇", "乡", "自治区", "省委", "市委", "区委", "县委", "州委")


def unplaced_body(name: str) -> bool:
    """市委, 省商务厅, 区经发局, 政府: a body without the place that makes it one (the guide leaves these out)."""
    parts = tokens(name)
    return name in _UNNAMED_BODIES or len(parts) > 1 and parts[0] in _UNPLACED_HEADS \
        or name in ("省委", "市委", "区委", "县委", "州委") or _zone_body_unnamed(name)


# Heads of the bodies every place has (财政局, 发改委, 派出所, 行业协会, 党委); 部, 院, 办, 总局 also head the
# central bodies known by a short form alone (a ministry, an academy), which the gazetteer reads.
_LOCAL_HEADS = ("委", "局", "会", "所", "府", "司", "校", "组织部", "宣传部", "统战部")
_CENTRAL_HEADS = ("总局", "管局", "总会")
_COMMON_TAGS_OF_KINDS = ("n", "j", "vn", "v", "l")


def names_no_body(text: str, start: int, end: int) -> bool:
    """The words at [start, end) name no body: one without its place (unplaced_body) or a kind of body."""
    return unplaced_body(text[start:end]) or kind_of_body_at(text, start, end)


def kind_of_body_at(text: str, start: int, end: int) -> bool:
    """kind_of_body, for the name at [start, end): unless a joiner stands before it (某某科技及工业局 is one body's
    name, joined later by join_field_names)."""
    return text[start - 1 : start] not in ("及", "和", "与") and kind_of_body(text[start:end])


def kind_of_body(name: str) -> bool:
    """组织部, 发改委, 商协会, 行业协会, 跨国公司: a common word (or two, four characters at most) for a kind of body,
    with no place, trade name or field of its own before the head: the text names no body by it."""
    parts = tokens(name)
    if not name.endswith(_LOCAL_HEADS) or name.endswith(_CENTRAL_HEADS) or any(best_candidate(p) for p in parts) \
            or strip_leading_places(name):
        return False
    if len(parts) == 1:
        return word_tags().get(name) in _COMMON_TAGS_OF_KINDS
    return len(name) <= 4 and all(word_tags().get(p) in ("n", "j") for p in parts)


def _zone_body_unnamed(name: str) -> bool:
    """高新区工委, 开发区管委会: the body of a zone the text does not name there (a bare 高新区 is any zone)."""
    return any(name.startswith(head) and len(name) > len(head) for head in GENERIC_HEADS if head.endswith("区"))
