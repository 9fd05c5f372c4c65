"""Within one article: mentions -> local entities (coreference).

Mentions of one thing are joined when one is a derived form of another (a
zone's short form, a company's core name, a laureate's surname) and generic
references (该公司, 开发区, 管委会, 本次研讨会) point at the most recent named
entity of their kind, or at the article's own zone or main event.  A 管委会 or
党工委 with no administration named before stays unresolved: the text does not
name that body (the guide's elided 党工委委员、管委会副主任).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.extract.document import Document, Mention, tokens, word_tags
from kg.extract.forms import FIELD_WORDS, LEGAL_SUFFIXES, brandless_company, forms, strip_leading_places
from kg.extract.events import held_within
from kg.extract.gazetteers import lookup_place
from kg.extract.industries import gazetteer_terms
from kg.extract.lexicon import EVENT_SESSIONS, GENERIC_HEADS, GENERIC_PREFIXES, ORG_SUFFIXES, ZONE_SUFFIXES_LONGEST_FIRST
from kg.extract.places import best_candidate
from kg.extract.places import canonical_place
from kg.extract.script import to_simplified
from kg.identity import normalise_name


@dataclass
class LocalEntity:
    type: str
    name: str
    kind: str | None
    mentions: list[Mention] = field(default_factory=list)
    honors: set[str] = field(default_factory=set)
    attributes: dict[str, object] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    @property
    def aliases(self) -> set[str]:
        return {m.name for m in self.mentions if not m.generic} - {self.name}


def _base_name(mention: Mention) -> str:
    if mention.canonical:
        return mention.canonical
    if mention.type == "Place":
        return canonical_place(mention.name)
    return mention.name


def group(doc: Document) -> list[LocalEntity]:
    """Named mentions grouped into entities; generic mentions attached to them."""
    named = sorted((m for m in doc.mentions if not m.generic), key=lambda m: (-(m.end - m.start), m.start))
    entities: list[LocalEntity] = []
    index: dict[tuple[str, str], LocalEntity] = {}
    for mention in named:
        base = _base_name(mention)
        entity = index.get((mention.type, normalise_name(base))) or index.get((mention.type, normalise_name(mention.name)))
        if entity is None:
            entity = LocalEntity(mention.type, base, mention.kind)
            entities.append(entity)
            for form in forms(mention.type, base) | _short_forms(mention.type, base):
                index.setdefault((mention.type, normalise_name(form)), entity)
        entity.mentions.append(mention)
        entity.honors |= mention.honors
        if entity.kind in (None, "Organization") and mention.kind:
            entity.kind = mention.kind
    entities = _merge_contained_events(entities, doc)
    entities = _merge_clusters_by_field(entities)
    entities = _merge_abbreviations(entities)
    entities = _merge_zone_abbreviations(entities)
    entities = _merge_declared_funds(entities, doc)
    entities = _merge_short_forms(entities, "Fund", lambda name: len(name) >= 4, _fund_abbreviates, by_aliases=True)
    entities = _merge_fund_appositions(entities, doc)
    _attach_generic(doc, entities)
    return sorted(entities, key=lambda e: e.first)


def _short_forms(entity_type: str, name: str) -> set[str]:
    if entity_type == "Fund":
        return _fund_short_forms(name)
    if entity_type == "Organization":
        return _org_short_forms(name)
    return set()


_GROUP_SUFFIXES = ("集团股份有限公司", "集团有限公司", "集团公司", "集团")
_NATIONAL_BODY = re.compile(r"^(?:国家|中国)(.{2,6}(?:部|委|署|总局))$")
_OWN_BODY_SUFFIXES = tuple(sorted((s for s in ORG_SUFFIXES if len(s) >= 2), key=len, reverse=True))


def _org_short_forms(name: str) -> set[str]:
    """The forms a news text uses for a body it named in full a moment before.  Within one article only (two
    articles' 战略咨询委员会 are two committees):

    - a group without its legal words or without 集团 (某某集团有限公司 -> 某某集团, 某某; 某某集团公司 -> 某某集团);
    - a company's trade name of two characters (某某科技股份有限公司 -> 某某), which org_forms leaves out across articles;
    - a party committee without 中共 (中共某某省委 -> 某某省委), a national body without 国家 (国家某某部 -> 某某部);
    - a newspaper without its 社 (某某日报社 -> 某某日报);
    - a body inside a named body by its own name (某某大学某某研究院战略咨询委员会 -> 战略咨询委员会)."""
    short: set[str] = set()
    for base in {name, *strip_leading_places(name)}:
        group = next((s for s in _GROUP_SUFFIXES if base.endswith(s)), None)
        if group:
            core = base[: -len(group)]
            if len(core) >= 2 and best_candidate(core) is None:
                short.update({core + "集团", core})
        legal = next((s for s in LEGAL_SUFFIXES if base.endswith(s)), None)
        if legal:
            core = base[: -len(legal)]
            for word in FIELD_WORDS:
                if core.endswith(word) and len(core) - len(word) == 2 and best_candidate(core[:2]) is None:
                    short.add(core[:2])
    if name.startswith("中共") and len(name) >= 5:
        short.add(name[2:])
    national = _NATIONAL_BODY.match(name)
    if national:
        short.add(national.group(1))
    if name.endswith("报社"):
        short.add(name[:-1])
    for split in range(3, len(name) - 3):
        head, tail = name[:split], name[split:]
        own = next((s for s in _OWN_BODY_SUFFIXES if tail.endswith(s)), None)
        if head.endswith(_OWN_BODY_SUFFIXES) and own and len(tail) - len(own) >= 2 and tail not in GENERIC_HEADS \
                and not tail.startswith(GENERIC_PREFIXES) and best_candidate(tail[:2]) is None and best_candidate(tail[:3]) is None:
            short.add(tail)  # every body inside: 某大学某研究院咨询委员会 -> 某研究院咨询委员会, 咨询委员会
    return {s for s in short if s != name and s not in GENERIC_HEADS}


_FUND_KINDS = ("产业投资基金", "产业引导基金", "投资基金", "产业基金")
# The legal form of a fund set up as a partnership (某某投资基金合伙企业(有限合伙)): the fund is named again without it.
_PARTNERSHIP_FORM = re.compile(r"(?:合伙企业|合伙)?(?:[(（]有限合伙[)）])?$")


def _without_partnership(name: str) -> str:
    return name[: _PARTNERSHIP_FORM.search(name).start()] or name


# A fund's name opening with a zone's (某新区…基金): the shortest run of two or more characters to a zone's kind word
_ZONE_BEFORE = re.compile(r"^.{2,}?(?:%s)" % "|".join(ZONE_SUFFIXES_LONGEST_FIRST))


def _fund_short_forms(name: str) -> set[str]:
    """某新区高质量发展产业投资基金 -> 高质量发展产业投资基金, 高质量发展基金: a fund named again without its zone or
    place, and without the words of its kind.  Within one article only: two zones' 高质量发展基金 are two funds."""
    core = _without_partnership(name)
    bases = {core, *strip_leading_places(core)}
    zone = _ZONE_BEFORE.match(name)
    if zone:
        bases.add(name[zone.end():])
    short = set()
    for base in bases:
        kind = next((k for k in _FUND_KINDS if base.endswith(k)), None)
        if kind and len(base) - len(kind) >= 2:
            short.add(base[: -len(kind)] + "基金")
            if base != name:
                short.add(base)  # 高质量发展产业投资基金: the whole name without its zone or place
    if core != name:
        short.add(core)  # 某某股权投资基金 of 某某股权投资基金合伙企业(有限合伙)
    return short


# A short name declared for the fund just named: 某某基金(以下简称“某某基金”), 某某基金合伙企业(某某基金).
_DECLARES = re.compile(r"[(（](?:以下|下文)?(?:简称|下称)?[:：]?[“\"「]?")
_DECLARED_CLOSE = re.compile(r"[”\"」]?[)）]")


def _merge_declared_funds(entities: list[LocalEntity], doc: Document) -> list[LocalEntity]:
    """A fund's short name the text declares in brackets right after its full name joins that fund, wherever its
    words would otherwise take it (科创基金 after 江西某某科技创新股权投资基金, not the 省级科创基金 of the title)."""
    of = {id(m): e for e in entities if e.type == "Fund" for m in e.mentions}
    by_start = {m.start: m for m in doc.mentions if id(m) in of and not m.generic}
    for m in sorted(by_start.values(), key=lambda m: m.start):
        opened = _DECLARES.match(doc.simplified, m.end)
        short = by_start.get(opened.end()) if opened else None
        if short is None or not _DECLARED_CLOSE.match(doc.simplified, short.end):
            continue
        full, named = of[id(m)], of[id(short)]
        if named is full:
            continue
        moved = [x for x in named.mentions if x.name == short.name]
        named.mentions[:] = [x for x in named.mentions if x.name != short.name]
        full.mentions.extend(moved)
        for x in moved:
            of[id(x)] = full
    return [e for e in entities if e.type != "Fund" or e.mentions]


def _merge_fund_appositions(entities: list[LocalEntity], doc: Document) -> list[LocalEntity]:
    """某某建设基金“某某1号基金”: a fund's name in quotes right after another's is the same fund's own name."""
    of = {id(m): e for e in entities if e.type == "Fund" for m in e.mentions}
    by_start = {m.start: m for m in doc.mentions if id(m) in of and not m.generic}
    gone = set()
    for m in sorted(by_start.values(), key=lambda m: m.start):
        opened = doc.simplified[m.end : m.end + 1]
        quoted = (by_start.get(m.end) or by_start.get(m.end + 1)) if opened and opened in "“\"「" else None
        first, second = of[id(m)], quoted and of[id(quoted)]
        if second is not None and second is not first and id(first) not in gone and id(second) not in gone:
            second.mentions.extend(first.mentions)
            gone.add(id(first))
            for moved in first.mentions:
                of[id(moved)] = second
    return [e for e in entities if id(e) not in gone]


def _fund_abbreviates(short: str, full: str) -> bool:
    """某新区科创母基金 -> 科创母基金 (its name after its zone or place), 某某综保产业发展投资基金 -> 某某综保基金 (its
    first words and 基金): within one article a fund named again by the words that tell it from other funds."""
    full = _without_partnership(full)
    if not (short.endswith("基金") and full.endswith("基金")):
        return False
    if full.endswith(short):
        return True
    return _skipped_runs(short, full) is not None and short[:2] == full[:2]


def _merge_contained_events(entities: list[LocalEntity], doc: Document) -> list[LocalEntity]:
    """合肥高新区2024年度…颁奖典礼 and 2024年度…颁奖典礼 (title), 成立大会 and 成立大会暨…,
    2024宁波杭州湾新区新材料产业发展论坛 and 2024新材料产业发展论坛, 2024人工智能产业峰会 (title) and
    2024萧山人工智能产业峰会 (body, 萧山 written elsewhere in the article): one event."""
    events = sorted((e for e in entities if e.type == "Event"), key=lambda e: len(e.name))
    places = sorted({m.name for m in doc.mentions if m.type in ("Zone", "Place") and not m.generic}, key=len, reverse=True)

    cores: dict[str, str] = {}  # the pair loop below asks for the same names again and again

    def core(name: str) -> str:
        if name not in cores:
            stripped = name
            for place in places:
                stripped = stripped.replace(place, "")
            cores[name] = _undated(stripped)
        return cores[name]

    gone = set()
    for i, short in enumerate(events):
        for long in events[i + 1 :]:
            if id(long) in gone or len(short.name) < 6:
                continue
            if _sub_session(long.name) and not _sub_session(short.name) or short.name in long.name and held_within(short.name, long.name):
                continue  # 某某论坛 and 2023某某论坛科技分会, 某某博览会 and 第N届某某博览会投资说明会: held within the event
            if short.name not in long.name and not (len(core(short.name)) >= 6 and core(short.name) == core(long.name)) \
                    and _without_repeats(long.name) != short.name \
                    and not _with_a_place(short.name, long.name, doc.text):
                continue
            long.mentions.extend(short.mentions)
            gone.add(id(short))
            break
    return [e for e in entities if id(e) not in gone]


def _without_repeats(name: str) -> str:
    """“金秋招商金秋招商月”: a page that writes a word twice in a row still names the same event."""
    return re.sub(r"([\u4e00-\u9fff]{2,})\1", r"\1", name)


def _sub_session(name: str) -> bool:
    return name.endswith(EVENT_SESSIONS) and "暨" not in name  # 成立大会暨第一次会员大会 is one event


def _undated(name: str) -> str:
    return re.sub(r"\d{4}年?度?|\([^)]*\)", "", name)


def _with_a_place(short: str, long: str, text: str) -> bool:
    """The longer event name is the shorter with a place written into it (2024人工智能产业峰会,
    2024萧山人工智能产业峰会), a place the article writes outside the name too (萧山经开区): the text says
    where the event named without its place is."""
    short, long = _undated(short), _undated(long)
    if len(short) < 6 or len(long) <= len(short):
        return False
    for split in range(len(short) + 1):
        head, tail = short[:split], short[split:]
        if long.startswith(head) and long.endswith(tail):
            place = long[split : len(long) - len(tail)]
            if lookup_place(place) and text.count(place) > text.count(long):
                return True
    return False


def _cluster_field(name: str) -> str:
    """安吉县生物医药与医疗器械产业集群 and “生物医药与医疗器械”特色产业集群 share the field 生物医药与医疗器械."""
    core = re.sub(r"\([^)]*\)$", "", name)
    core = re.sub(r"(?:特色)?(?:产业集群|产业群|集群)$", "", core)
    stripped = strip_leading_places(core)
    return stripped[-1] if stripped else core


def _merge_clusters_by_field(entities: list[LocalEntity]) -> list[LocalEntity]:
    """In one article, clusters named for the same field are one cluster (the fullest name wins)."""
    by_field: dict[str, LocalEntity] = {}
    gone = set()
    for e in sorted((e for e in entities if e.type == "Cluster"), key=lambda e: -len(e.name)):
        field = _cluster_field(e.name)
        keeper = next((k for f, k in by_field.items() if len(field) >= 2 and (f == field or f.endswith(field))), None)
        if keeper is None:
            by_field[field] = e
            continue
        keeper.mentions.extend(e.mentions)
        gone.add(id(e))
    return [e for e in entities if id(e) not in gone]


_LEGAL_WORDS = ("股份有限公司", "有限责任公司", "有限公司")
# Bodies whose names share a place and a kind while being different bodies (凤鸣大学, 凤鸣工业大学).
_DISTINCT_KINDS = ("大学", "学院", "银行", "医院", "中学", "小学")


def _merge_abbreviations(entities: list[LocalEntity]) -> list[LocalEntity]:
    """园管局 after 某某部产业园区管理局, 某某管委会 after 某某经济开发区管委会, 云杉科技集团 after 云杉科技投资集团有限公司:
    within one article a body named again by some of its name's characters in order (its first character, the
    head of its kind) is the body named before (the guide counts such short forms as its aliases)."""
    def may_abbreviate(name: str) -> bool:
        return (len(name) >= 3 and not name.endswith(_DISTINCT_KINDS) and name not in GENERIC_HEADS
                and not brandless_company(name))

    return _merge_short_forms(entities, "Organization", may_abbreviate, _abbreviates)


def _merge_short_forms(entities: list[LocalEntity], entity_type: str, may_abbreviate: Callable[[str], bool],
                       abbreviates: Callable[[str, str], bool], by_aliases: bool = False) -> list[LocalEntity]:
    """Entities of ``entity_type`` whose name abbreviates exactly one longer one's join it (longest names first);
    ``by_aliases``: its name or one of its aliases (a fund's declared short name beside its legal name)."""
    named = sorted((e for e in entities if e.type == entity_type), key=lambda e: -len(e.name))
    gone = set()
    for short in named:
        if not may_abbreviate(short.name):
            continue
        fuller = [e for e in named if id(e) not in gone and e is not short and len(e.name) > len(short.name)
                  and any(abbreviates(short.name, n) for n in ({e.name, *e.aliases} if by_aliases else (e.name,))
                          if len(n) > len(short.name))]
        if len(fuller) == 1:
            fuller[0].mentions.extend(short.mentions)
            gone.add(id(short))
    return [e for e in entities if id(e) not in gone]


# Long words of a zone's kind and their usual short forms, compared as one (自由贸易试验区 / 自贸区).
_ZONE_WORDS = (("自由贸易试验区", "自贸区"), ("自贸试验区", "自贸区"), ("自由贸易港", "自贸港"), ("综合保税区", "综保区"), ("经济技术开发区", "经开区"),
               ("高新技术产业开发区", "高新区"), ("经济开发区", "经开区"))
# Word classes of what an abbreviation leaves out (改革创新, 转型, 国家): common words, never a proper name nor an industry.
_DROPPABLE_TAGS = ("n", "v", "vn", "a", "an", "ad", "d", "l", "i")


def _merge_zone_abbreviations(entities: list[LocalEntity]) -> list[LocalEntity]:
    """青溪示范区 after 青溪改革创新示范区, 某某自贸区某某新片区 after 中国(某某)自由贸易试验区某某新片区: within one
    article a zone named again by its name with common words left out is the zone named before."""
    return _merge_short_forms(entities, "Zone", lambda name: True, _zone_abbreviates)


def _zone_words(name: str) -> str:
    """The name as compared: 中国(某某) and a leading place's 省 / 市 dropped, kind words in their short forms."""
    name = re.sub(r"^中国\((.{2,6})\)", r"\1", to_simplified(name))
    level = re.match(r"(.{2,3}?)[省市](?=.{3})", name)
    if level and lookup_place(level.group(1)):
        name = level.group(1) + name[level.end():]
    for long, short in _ZONE_WORDS:
        name = name.replace(long, short)
    return re.sub(r"(产业|科技|工业|软件|创业)园区$", r"\1园", name)  # 某某科技园区 / 某某科技园


def _zone_abbreviates(short: str, full: str) -> bool:
    """The short name keeps the full name's start and its zone word, and what it leaves out of the full name's
    stem are whole common words (青溪|改革创新|示范区, 郑州|国家|高新区, 石家庄|市|高新区), never a proper name
    (青溪|凤鸣|经开区 is another zone)."""
    short, full = _zone_words(short), _zone_words(full)
    head = next((h for h in ZONE_SUFFIXES_LONGEST_FIRST if short.endswith(h)), None)
    if head is None or not full.endswith(head) or len(short) - len(head) < 2:
        return False
    if short == full:
        return True  # 某某经开区 for 某某经济开发区, 某某自贸区某某新片区 for 中国(某某)自由贸易试验区某某新片区
    if full.endswith(short) and any(lookup_place(full[:n]) for n in (2, 3)) and not short.startswith(GENERIC_PREFIXES):
        return True  # 某某经济开发区 after 某省某市某某经济开发区: the name without the places it lies in
    stem, full_stem = short[: -len(head)], full[: -len(head)]
    if stem.startswith(GENERIC_PREFIXES) or stem[0] != full_stem[0]:
        return False
    skipped = _skipped_runs(stem, full_stem)
    if skipped is None:
        return False
    for run in filter(None, skipped):
        if run in ("市", "省"):
            continue
        parts = tokens(run)
        if not all(len(t) >= 2 and word_tags().get(t) in _DROPPABLE_TAGS and best_candidate(t) is None
                   and t not in gazetteer_terms() for t in parts):
            return False  # 长春|汽车|经开区: an industry names another zone
    return True


# A committee named by its place alone (某某市委) is its own body beside the place's other committees (某某市发改委).
_PLACE_COMMITTEES = ("省委", "市委", "区委", "县委", "州委", "党委", "党工委", "工委")


def _abbreviates(short: str, full: str) -> bool:
    short_places, full_places = _leading_places(short), _leading_places(full)
    if short_places != full_places or short[len(short_places):] in (*_PLACE_COMMITTEES, "政府"):
        return False  # 某省政府 and 某省某县政府, 某市委 and 某市发改委: different bodies of different places or kinds
    if short.endswith("委") and not full.endswith(("委员会", short[-2:])):
        return False  # 某区委 and 某经开区党工委: a committee abbreviates a committee of the same word
    if len(short) >= 4 and full.endswith(short):
        return True  # 粤港澳大湾区云岭联盟 -> 云岭联盟: the name without the region it is named after
    if short.endswith(_LEGAL_WORDS) and full.endswith(_LEGAL_WORDS):
        return False  # 青源科技有限公司 beside 青禾新能源科技有限公司: a legal name is written whole, so two are two companies
    core = next((full[: -len(s)] for s in _LEGAL_WORDS if full.endswith(s) and not short.endswith(s)), full)
    if short[-1] != core[-1] and not (core.endswith("委员会") and short[-1] == "委"):
        return False  # the head of the kind ends both (局 / 管委会 / 集团; 委 for 委员会)
    # where a name can begin: its start, after its places, after 国家 / 中国, after a parent body (经济部|园管局)
    starts = {full[0], *(rest[0] for rest in strip_leading_places(full) if rest)}
    starts |= {full[i + 1] for i, ch in enumerate(full[:-3]) if ch in "部委局院府" or full.startswith(("国家", "中国"), i - 1)}
    return short[0] in starts and _skipped_runs(short, core) is not None


def _skipped_runs(short: str, full: str) -> list[str] | None:
    """What ``full`` has before, between and after the characters of ``short`` found in it in order (each at its
    first place after the one before); None when ``short`` is not in ``full`` that way."""
    skipped, position = [], 0
    for ch in short:
        found = full.find(ch, position)
        if found < 0:
            return None
        skipped.append(full[position:found])
        position = found + 1
    skipped.append(full[position:])
    return skipped


def _leading_places(name: str) -> str:
    rests = strip_leading_places(name)
    return name[: len(name) - len(rests[-1])] if rests else ""


def _attach_generic(doc: Document, entities: list[LocalEntity]) -> None:
    by_mention = {id(m): e for e in entities for m in e.mentions}
    for mention in sorted((m for m in doc.mentions if m.generic), key=lambda m: m.start):
        target = _antecedent(doc, mention, entities, by_mention)
        if target is not None:
            target.mentions.append(mention)
            by_mention[id(mention)] = target


def _person_antecedent(doc: Document, mention: Mention, entities: list[LocalEntity]) -> LocalEntity | None:
    """李院士 / 陈主任 / 刘董事长: the person of that surname named before, with that title if several."""
    surname, title = mention.name[:1], mention.name[1:]
    before = [e for e in entities if e.type == "Person" and e.name.startswith(surname) and e.first < mention.start]
    if not before:
        return None

    def titled(e: LocalEntity) -> bool:
        return any(title in doc.simplified[max(0, m.start - 16) : m.start] for m in e.mentions if not m.generic)

    matching = [e for e in before if titled(e)] or before
    return max(matching, key=lambda e: max(m.start for m in e.mentions if m.start < mention.start))


def _antecedent(doc, mention, entities, by_mention):
    if mention.type == "Person":
        return _person_antecedent(doc, mention, entities)
    head = mention.name[-2:]
    candidates = [
        e for e in entities
        if e.type == mention.type and (mention.type not in ("Organization",) or e.name.endswith(head))
    ]
    if not candidates:
        return None
    before = [e for e in candidates if e.first < mention.start]
    # 生物岛 after 广州国际生物岛: a bare head that ends a name refers to that name
    same_head = [e for e in before if e.name.endswith(mention.name) and len(mention.name) >= 3]
    if same_head:  # (of two such names, the one named last before it: A产业园、B产业园 … A产业园建设现场。该产业园…)
        return max(same_head, key=lambda e: max(m.start for m in e.mentions if m.start < mention.start))
    if mention.type == "Zone" and doc.article.zone:
        zone_keys = forms("Zone", doc.article.zone)
        for e in candidates:
            if any(normalise_name(f) in {normalise_name(z) for z in zone_keys} for f in [e.name, *e.aliases]):
                return e
    if mention.type == "Event":  # 本届论坛: the latest forum named before, not a meeting named since; 峰会 after
        # 某某峰会暨某某会议: the joint name's part that ends on the head
        before = [e for e in before if any(part.endswith(head) for part in e.name.split("暨"))] or before
    if before:
        return max(before, key=lambda e: max(m.start for m in e.mentions if m.start < mention.start))
    return candidates[0]
