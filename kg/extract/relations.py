"""Relations between the local entities of one article, read from cue words.

Each rule names its cue in the provenance method: attend-verb (speech:attend-verb when only a verb of saying
cues it), sign-party, held-in, host-verb, settle-verb, fund-founder, fund-partner, fund-zone-name, title-chain, academy,
name-prefix, located-cue, article-zone (locatedIn: the article's zone by default), focus-cue;
list:located, a list of a zone's parts or a place's zones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.extract.attributes import amount_yuan, investment_amount
from kg.extract.document import Document, Mention, Sentence
from kg.extract.events import ORDINAL
from kg.extract.forms import ADMIN_SUFFIXES, strip_leading_places, zone_forms
from kg.extract.gazetteers import academy_of_unit, lookup_place
from kg.extract.grouping import LocalEntity
from kg.extract.lexicon import (ATTEND_CUES, COMPANIES_STATED, HELD_CUES, HONOUR_TITLES, HOST_CUES, ONE_OF_THE_SETTLED, ORG_ATTEND_CUES,
                                ORGANISER_CUES, SAYING_CUES, SIGN_CUES, ZONE_SUFFIXES_LONGEST_FIRST)
from kg.extract.roles import Role
from kg.extract.script import to_simplified


#: The one-character short forms of cities that news writes after 在 (在京举行, 在沪召开, 在穗开幕).
_CITY_SHORT = {"京": "北京", "沪": "上海", "穗": "广州", "津": "天津", "渝": "重庆", "蓉": "成都", "榕": "福州",
               "汉": "武汉", "杭": "杭州", "港": "香港", "澳": "澳门", "厦": "厦门", "哈": "哈尔滨", "甬": "宁波", "筑": "贵阳"}
#: Venue words after a place's name (某某宫, 某省大厦, 某某国际会议中心): the place names the venue, not where it is.
_VENUES = ("宫", "馆", "厅", "大厦", "饭店", "宾馆", "酒店", "会堂", "礼堂", "会议中心", "国际会议中心", "会展中心",
           "国际会展中心", "博览中心", "山庄")
#: A zone's verb of bringing companies in (or of having gathered them: 已聚集A、B等企业), close before the list that names them.
# (引进A、B、C、D等企业: the items of a list before the company, however many, stand between it and the verb;
# 招商引资企业A、B, 新增A、B等企业: the firms the zone's investment drive brought in)
# (园区已入驻A、B等企业: the companies a zone has taken in, after the verb of settling; 依托A、B等明星企业, 将导入A…项目:
# the companies it relies on, the projects it brings in)
_BROUGHT_IN = re.compile(r"(?:引进|招引|引入|吸引|聚集|集聚|招商引资|新增|入驻|进驻|落户|依托|导入)[^，。；]{0,12}(?:[^，。；、]{2,20}、)*$")
# A sentence that reports projects at a stage (签约, 开工, 竣工, 投产 …): a company's own project named there
# (A投资14亿元的智能水表产业园项目、B公司1号生产线项目) is the company settling in the zone.
_PROJECT_STAGE = re.compile(r"签约|开工|竣工|投产|落地|落户|入驻|进驻|引进|招引|开竣工|达产|建成(?!后)|在建|(?:加紧|正在|加快)建设")
#: Projects said to be signed, landed or brought in, right before the list that names them (签约项目包括…).
#: Its own sentence says so, or the sentence just before (本次签约的项目，涉及…。包括A…、B…).
_SETTLE_CUE = re.compile("落户|落地|入驻|进驻|扎根|迁至|迁到|迁入")
_PROJECTS_STATED = re.compile(r"(?:签约|落地|落户|引进|入驻)[^。；]{0,8}项目(?:[^。；]{0,30}|[^。；]{0,80}。)$")
#: A clause that opens with a verb of settling (A是某集团的子公司，入驻X开发区): its subject is the company before the comma.
_SETTLES_NEXT = re.compile(r"，(?:已|已经|先后|相继|正式|于\d{4}年[^，。；]{0,6})?(?:落户|入驻|进驻|搬迁至|迁至|迁入)")
#: A clause that opens with a verb of settling, a date or a place it moves from before it (，于2017年从北京搬迁至…),
#: or that builds in a zone (，在某产业园建设…).
_SETTLES_LATER = re.compile(r"，(?:[^，。；]{0,12}?(?:落户|入驻|进驻|搬迁至|迁至|迁入|迁到)|(?:将|拟|计划)?在[^，。；]{2,20}?(?:建设|设立|注册|落户|落地))")
_OWN_PROJECT = re.compile(r"[^，。；：]{0,30}?(?:项目|生产基地)")
#: A word pointing back at what the text has just named (该园区, 此园区), right before a zone's generic head.
_POINTER = re.compile(r"(?:该|此|这个|这一)$")
#: A zone's own companies, right before the list that names them (Z企业A、B; Z内重点企业A): they are in it.
_ZONE_COMPANIES = re.compile(r"(?:内|区内|的)?(?:重点|骨干|龙头|入驻|入园|规上)?企业(?:[^，。；、]{2,20}、)*$")
#: A body's verb of setting a fund up, right after its name (开发区新设立…基金, X牵头发起).
#: (武汉某区26日宣布设立…基金: a day and a verb of announcing may stand between)
_SETS_UP = re.compile(r"(?:\d{1,2}日)?(?:宣布|决定)?(?:新|拟|将|已|正式|共同|先行)?(?:发起|牵头|设立|组建|建立)")
#: The close of a list of sub-funds after its first item (…、B基金以及C基金等4支子基金).
_SUB_FUNDS = re.compile(r"[^，。；]{0,60}?等[\d一二三四五六七八九十两]+[支只个]子基金")
#: A verb of organising an event right after a body (由X主办, X联合承办).
_ORGANISES_AFTER = re.compile(r"(?:联合|共同)?(?:主办|承办|协办|举办)")
#: A body's verb of putting money in, right after its name (某管委会出资3亿元, 共同出资, 认缴出资).
_PUTS_IN = re.compile(r"(?:共同|联合|首期|分别|拟|将)?(?:认缴)?出资")
#: What stands between a body and the fund it owns or set up (A旗下的F, B发起设立的G).
_OWNS = re.compile(r"旗下的?|(?:发起|出资|联合|共同|独资)?设立的|发起的")
#: A government or party committee named without a suffix the finders type (省政府, 某省委, 某区委): a public body.
_GOVERNMENT_NAME = re.compile(r"(?:政府|[省市区县]委|党委|党工委)$")
#: Bodies that join a fund's signing or launch but put no money in it (协会, 联盟, 基金会 are kinds of their own).
_NOT_INVESTORS = ("GovernmentBody", "Association", "Alliance")
_SETUP_VERB = re.compile(r"设立|建立|组建|发起|成立")
#: The verb of setting up right before a fund's name, an amount at most between (设立1亿元…基金, 决定设立…基金).
#: (设立总规模500亿元的…基金: the fund's size may stand between)
_SET_UP_BEFORE = re.compile(r"(?:设立|组建|发起设立|联合设立|建立)[^，。；、]{0,14}$")
#: A verb of setting up together that ends its sentence, no fund named after it (…，A联合B、C共同发起设立。).
_JOINT_SETUP_END = re.compile(r"(?:共同|联合)(?:出资)?(?:发起)?(?:设立|组建|成立)(?=[。；！]|$)")
#: A count of funds before a generic 基金 (两只新设立基金, 3支子基金): several funds, no one of them.
_FUND_COUNT = re.compile(r"[两二三四五六七八九十\d]+[只支][^，。；、]{0,8}$")
#: Bodies named as a fund's sponsors (A和B作为初始主发起人): the first one listed, or each of the list.
_SPONSORS = re.compile(r"(?:[、和与及][^，。；]{0,30}?)?作为[^，。；]{0,4}发起人")
#: What joins a fund's co-founder to the founder before it (A、B; A与B; A作为发起人，联合B).
# (由A牵头，联合B: the lead named first; A联手C、B: a body no rule read may stand between in the list)
_CO_FOUNDER = re.compile(r"(?:管委会|管理委员会)?(?:作为[^，。；]{0,10}，|牵头，?)?(?:[、和与及]|以及|联合|联手|携手|会同)"
                         r"(?:[^，。；、和与及由]{2,12}、)*")
#: The end of a list of parties (等15家企业, 等一批项目) right before its clause's comma.
_LIST_CLOSE = re.compile(r"等[\d一二三四五六七八九十百几多余]*[家个批项位]*(?:优质|大|国内外|知名|国内外知名)*(?:企业|公司|项目|单位|机构)$")
#: A phrase of circumstance opening a clause (随着A、B等项目的落户，…): the settling it names is a noun, its place the
#: next clause's subject.
_CIRCUMSTANCE = re.compile("随着")
_NOMINAL_VERB = re.compile(r"的[^，。；、的]{1,6}$")
#: A list's close joined to the next list (A、B等一批基金项目和C、D…).
_JOINED_LIST = re.compile(r"等[^，。；、和及]{0,16}?(?:企业|公司|项目|单位|机构)(?:和|及|以及)")
#: A verb of settling or investing, not of signing alone (A与B签约 settles A nowhere by itself).
_SETTLE_ACT = re.compile(r"落户|落地|入驻|进驻|来此|扎根|将在|在[^，。；]{2,20}(?:建设|设立|注册)|设立|投资建厂|投资建设|(?:搬迁|迁)(?:至|到|入)")
#: The verbs of signing (A与B签约, 签订, 签署).
_SIGNS = re.compile("|".join(SIGN_CUES))
#: A verb of investing, building or settling right after a place (在某市投资…, 在海南落地).
_BUILDS_AFTER = re.compile(r"(?:[^，。；]{0,3}?)(?:投资|建设|新建|设立|注册|落户|落地|建厂)")
#: A building's name right after a verb of settling (入驻某某大厦, 进驻某某广场): where in town, not a zone.
_BUILDING_AFTER = re.compile(r"[^，。；、]{2,10}?(?:广场|大厦|大楼|写字楼|商场|购物中心)")
#: Words that make a stage hoped for or conditional, right before its verb (有望签约, 若落地, 一旦投产).
_HEDGED = re.compile(r"(?:有望|若|如果|一旦|假如|争取)[^，。；]{0,2}$")
#: Adverbs between a subject and its verb of bringing in (已先后引进, 累计集聚, 成功引进).
_ADVERBS_BEFORE_VERB = r"(?:已|已经|先后|相继|累计|共|新|成功|陆续|还|也|近年来|目前)*"
# A district or county right before a listed project's owner (某某区A…项目, 某某县B…项目): where the project is.
_DISTRICT_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,3}(?<!新|园|业|发|开|技|贸|税)[区县市旗]$")


@dataclass
class LocalRelation:
    subject: LocalEntity
    predicate: str
    object: LocalEntity
    evidence: Sentence
    method: str
    confidence: float = 0.8
    title: str | None = None
    attributes: dict[str, object] = field(default_factory=dict)  # e.g. a settling's amount_yuan, amount_text


#: A government body or a company said by its bare head word (管委会, 公司) is not named by the title phrase; a bare
#: 联盟, 协会 after the article has named it (联盟理事长) is the one the article is about.
_UNNAMED_KINDS = ("GovernmentBody", "Company")


class RelationFinder:
    def __init__(self, doc: Document, entities: list[LocalEntity], roles: list[Role]) -> None:
        self.doc = doc
        self.entities = entities
        self.roles = roles
        self.of = {id(m): e for e in entities for m in e.mentions}
        self.found: dict[tuple, LocalRelation] = {}
        # 第七届某某交易会暨第三届某某论坛: the second of two numbered events held together reports the first
        self.first_held = {id(self.entity(second)): self.entity(first) for first, second in doc.held_together
                           if self.entity(first) is not None and self.entity(second) is not None}
        self.main_event = self._main_event()
        self.main_zone = self._main_zone()
        self.joint = self._joint_events()
        # 某市某届年会——“某某论坛”: a gathering and its title, where and by whom one is held holds for the other (who
        # attends a session is not said to attend the whole)
        self.titled = self._joint_events(r"——[“「\"]?")

    # -- helpers -------------------------------------------------------------
    def add(self, subject: LocalEntity | None, predicate: str, obj: LocalEntity | None, sentence: Sentence, method: str,
            confidence: float = 0.8, title: str | None = None, attributes: dict[str, object] | None = None) -> None:
        if subject is None or obj is None or subject is obj:
            return
        key = (id(subject), predicate, id(obj))
        held = self.found.get(key)
        if held is not None and title and held.title and title not in held.title.split("、"):
            held.title += "、" + title  # 某集团党委书记、董事长: one post-holding, its titles joined as the text lists them
        if held is not None and held.method.startswith("speech:") and not method.startswith("speech:"):
            held.evidence, held.method = sentence, method  # 某某表示… then 某某出席: the verb of attending is the evidence
        if key not in self.found:  # the first sentence stating a fact gives its evidence and its attributes
            self.found[key] = LocalRelation(subject, predicate, obj, sentence, method, confidence, title,
                                            dict(attributes or {}))
            # 某某博览会开幕式暨某某论坛: who attends, where and by whom one is held holds for the other too
            if predicate == "attended":
                for other in self.joint.get(id(obj), ()):
                    self.add(subject, predicate, other, sentence, method, confidence)
            elif predicate in ("heldIn", "organizedBy"):
                for other in (*self.joint.get(id(subject), ()), *self.titled.get(id(subject), ())):
                    self.add(other, predicate, obj, sentence, method, confidence)

    def entity(self, mention: Mention) -> LocalEntity | None:
        return self.of.get(id(mention))

    def mentions(self, sentence: Sentence, *types: str) -> list[Mention]:
        return [m for m in self.doc.in_sentence(sentence, types or None) if id(m) in self.of]

    def _main_event(self) -> LocalEntity | None:
        # (为贯彻某某会议精神，…: a meeting whose spirit is carried out is cited, not the one the article reports)
        events = [e for e in self.entities if e.type == "Event" and not self._only_cited(e)]
        if not events:
            return None
        held = [e for e in events if any(re.search("举行|开幕|召开|举办", self._after(m, 30)) for m in e.mentions)]
        # 某某洽谈会启幕第二天，某某推介会在厦门召开: the subject of the holding verb, not the event whose opening dates it
        # (a photo's caption, …举办某某仪式。(某某提供), names a moment of the day, not the event the article reports)
        subject = [e for e in events if any(_HELD_HERE.match(self._after(m, 40)) for m in e.mentions
                                            if not m.generic and not self._in_caption(m))]
        # 利用E1平台，某管委会在某地举办“E2”: the object of the holding verb, not the event named before the verb
        text = self.doc.simplified
        hosted = [e for e in events if any(not m.generic and _HOLDS_NEXT.search(text, max(0, m.start - 6), m.start)
                                           and not self._in_caption(m) for m in e.mentions)]
        main = min(subject or hosted or held or events, key=lambda e: (min(m.start for m in e.mentions if not m.generic), 0))
        # 作为E1平行论坛，E2在某地启幕: the session the article introduces and holds is what it reports, not E1
        sessions = [m for e in events for m in e.mentions if not m.generic and _SESSION_OF.search(text, max(0, m.start - 40), m.start)
                    and _HELD_HERE.search(self._after(m, 30))]
        if sessions:
            main = self.entity(min(sessions, key=lambda m: m.start))
        return self.first_held.get(id(main), main)

    def _only_cited(self, event: LocalEntity) -> bool:
        """Every name of the event the text writes is cited (its generic heads, 会议, may be another meeting's)."""
        named = [m for m in event.mentions if not m.generic]
        return bool(named) and all(self._cited(m) for m in named)

    def _cited(self, m: Mention) -> bool:
        """The event is named as a guide to follow (贯彻E精神, 落实E部署), not as an occasion."""
        text = self.doc.simplified
        return bool(_GUIDANCE_AFTER.match(text, m.end) or _CARRIED_OUT_BEFORE.search(text, max(0, m.start - 6), m.start))

    def _in_caption(self, m: Mention) -> bool:
        """The mention stands in a photo's caption: a line closed by its credit (（某某提供）, (记者某某摄))."""
        text = self.doc.simplified
        end = text.find("\n", m.end)
        line = text[text.rfind("\n", 0, m.start) + 1 : end if end >= 0 else len(text)].strip()
        return bool(_CAPTION_CREDIT.search(line))

    def _joint_events(self, pattern: str = r"(?:开幕式|开幕仪式|开幕大会)暨") -> dict[int, list[LocalEntity]]:
        """Events held as one (某某博览会开幕式暨某某论坛): each event's partners, by the event's id."""
        text = self.doc.simplified
        starts = {m.start: m for m in self.doc.mentions if m.type == "Event" and not m.generic and id(m) in self.of}
        joint: dict[int, list[LocalEntity]] = {}
        for m in starts.values():
            opening = re.match(pattern, text[m.end : m.end + 5])
            partner = opening and starts.get(m.end + opening.end())
            first, second = self.entity(m), partner and self.entity(partner)
            if first is not None and second is not None and first is not second:
                joint.setdefault(id(first), []).append(second)
                joint.setdefault(id(second), []).append(first)
        return joint

    def _main_zone(self) -> LocalEntity | None:
        zones = [e for e in self.entities if e.type == "Zone" and e.kind != "Park"]
        if not zones:
            return None
        counted = sorted(zones, key=lambda e: (-len(e.mentions), e.first))
        return counted[0]

    def _after(self, mention: Mention, width: int) -> str:
        return self.doc.simplified[mention.end : mention.end + width]

    def current_event(self, offset: int) -> LocalEntity | None:
        """The event being reported at ``offset``: the article's main event, unless the paragraph, before
        ``offset``, holds another one (E在某地举行, 举办E, 在E上, 本次大会). An event merely named (作为E的重要活动,
        依托E) does not take the attendance that follows from the one being reported."""
        paragraph = self.doc.sentence_at(offset).paragraph
        best = None
        for e in self.entities:
            if e.type != "Event":
                continue
            for m in e.mentions:
                if m.start >= offset or self.doc.sentence_at(m.start).paragraph != paragraph:
                    continue
                if not self._held_here(m):
                    continue
                if best is None or m.start > best[0]:
                    best = (m.start, e, m)
        return self.first_held.get(id(best[1]), best[1]) if best else self.main_event

    def _held_here(self, m: Mention) -> bool:
        """The text holds the event at this mention: its holding verb follows (在某地举行), precedes (举办了E) or the
        text sets the scene at it (E上, E期间, E开幕式上); a generic head only when pointed at (本次大会)."""
        text = self.doc.simplified
        if m.generic:
            return bool(re.search(r"(?:本次|此次|本届|这次)[^，。；、]{0,4}$", text[max(0, m.start - 8) : m.start]))
        # (举办了主题为“某某”的E, 举行以“某某”为主题的E: the theme may stand between the verb and the event)
        return bool(_HELD_HERE.match(text, m.end) or _HOLDS_BEFORE.search(text, max(0, m.start - 60), m.start)
                    or re.match(r"(?:开幕式|开幕仪式|启动仪式|现场)?(?:上|期间|现场)", text[m.end : m.end + 6]))

    # -- rules ---------------------------------------------------------------
    def run(self) -> list[LocalRelation]:
        self.roles_and_honours()
        for sentence in self.doc.sentences:
            self.attendance(sentence)
            self.held_in(sentence)
            self.hosting(sentence)
            self.settling(sentence)
            self.funds(sentence)
        for sentence in self.doc.sentences:
            self.holding(sentence)
        self.located()
        self.focus()
        return list(self.found.values())

    def holding(self, sentence: Sentence) -> None:
        """Z召开E / Z再次举行E: the zone or body that holds an event organises it, when no 主办 names who did."""
        text = self.doc.sentence_text(sentence)
        organised = {key[0] for key in self.found if key[1] == "organizedBy"}
        for cue in re.finditer(r"(?:再次|隆重|正式|成功)?(?:举行|召开)", text):
            # (商务部27日召开E: the day may stand between the host and its verb; 某市委、市政府2月27日在深圳举行E:
            # and the place it is held at)
            venue = _VENUE_BEFORE.search(text, max(0, cue.start() - 30), cue.start())
            verb_start = venue.start() if venue else cue.start()
            dated = _DAY_BEFORE.search(text, 0, verb_start)
            host_end = dated.start() if dated else verb_start
            # 某市委、市政府在深圳举行E: the party committee and its government, the second named by its kind alone
            elided = _ELIDED_GOVERNMENT.search(text, max(0, host_end - 6), host_end)
            host_end = elided.start() if elided else host_end
            hosts = [m for m in self.mentions(sentence, "Organization", "Zone")
                     if m.end - sentence.start == host_end and not self._inside_other(m, sentence)]
            if venue and hosts and not self._opens_clause(hosts[0], sentence):
                continue  # (嘉宾随A在某地举行…: only the clause's own subject holds the event where it is held)
            # (举行“某某主题——E”: the event's name may follow a quoted theme in the same clause)
            events = [m for m in self.mentions(sentence, "Event") if not m.generic and (m.start - sentence.start == cue.end() or venue
                      and re.fullmatch(r"[“「\"][^，。；“”「」]{0,30}", text[cue.end() : m.start - sentence.start]))]
            if hosts and events and id(self.entity(events[0])) not in organised:
                for host in self._joined_to(hosts[0], self.mentions(sentence, "Organization", "Zone")) if venue else hosts[:1]:
                    self.add(self.entity(events[0]), "organizedBy", self.entity(host), sentence, "pattern:host-verb", 0.7)

    def _opens_clause(self, mention: Mention, sentence: Sentence) -> bool:
        """The mention, or the list it ends (A、B), opens its clause, after a date or a time of day if any."""
        text = self.doc.simplified
        first = self._joined_to(mention, self.mentions(sentence, "Organization", "Zone"))[-1]
        opening = _TIME_BEFORE.search(text, max(sentence.start, first.start - 10), first.start)
        start = opening.start() if opening else first.start
        return start == sentence.start or text[start - 1] in "，,。；\n 　"

    def roles_and_honours(self) -> None:
        for role in sorted(self.roles, key=lambda r: (r.person.start, r.start)):  # a person's titles in text order
            person = self.entity(role.person)
            org = self.entity(role.org) if role.org else None
            sentence = self.doc.sentence_at(role.person.start)
            if person is None:
                continue
            if role.title.endswith("院士"):
                if org and org.type == "Organization":
                    self.add(person, "memberOf", org, sentence, "pattern:academy", 0.9)
                    person.honors.add(_academy_honour(org.name, role.title))
                continue
            if role.title in ("得主", "获得者") or "诺贝尔" in self.doc.simplified[role.start : role.person.start]:
                if "诺贝尔" in self.doc.simplified[max(0, role.start - 12) : role.person.start]:
                    person.honors.add("NobelLaureate")
                continue
            if role.body is not None and org is not None:
                org = self._named_body(role.body) or org
            elif role.org is not None and role.org.generic and role.org.kind in _UNNAMED_KINDS and not self._named_at(org, role.org.end):
                continue  # 党工委书记、管委会主任张三, 公司总经理李四: a body the title phrase does not name (the guide)
            if org and org.type == "Organization" and role.title not in HONOUR_TITLES or org and role.title == "教授":
                if org.type == "Organization":
                    self.add(person, "roleAt", org, sentence, "pattern:title-chain", 0.85, title=role.title)

    def _named_at(self, entity: LocalEntity | None, end: int) -> bool:
        """The text names the entity (its name or an alias) right before ``end`` (国际某某科学院|院长)."""
        return entity is not None and any(self.doc.simplified.endswith(form, 0, end) for form in {entity.name, *entity.aliases})

    def _named_body(self, name: str) -> LocalEntity | None:
        """The organisation the text names ``name`` (its name, an alias, or the legal name it shortens)."""
        bodies = [e for e in self.entities if e.type == "Organization"]
        return next((e for e in bodies if name == e.name or name in e.aliases), None) or next(
            (e for e in bodies if e.name.startswith(name) and e.name.endswith(_LEGAL_ENDINGS)), None)

    def _closing_parts(self, sentence: Sentence) -> str:
        """The parts of the full-stop sentence after this one when this one ends at a semicolon
        (A书记张某，B董事长李某；C、D等部门负责同志；…出席仪式。: one list of attendees, its verb at the end)."""
        text = self.doc.simplified
        if text[sentence.end - 1 : sentence.end] not in ("；", ";") and text[sentence.end : sentence.end + 1] not in ("；", ";"):
            return ""
        stops = [i for i in (text.find(ch, sentence.end) for ch in "。\n！？") if i >= 0]
        return text[sentence.end : min(stops or [len(text)])]

    def _attends_beyond_saying(self, text: str, opening_parts: str, list_verb, sentence: Sentence) -> bool:
        """The sentence's cue is more than a verb of saying: attending, speaking at, a scene set at the event."""
        return bool(any(cue in text for cue in ATTEND_CUES if cue not in SAYING_CUES) or list_verb
                    or _GIVES_A_TALK.search(text) or _CEREMONY_ACTS.search(text) or _AT_THE_EVENT.match(self.doc.simplified, sentence.start)
                    or any(cue in opening_parts for cue in ATTEND_CUES if cue not in SAYING_CUES))

    def _opening_parts(self, sentence: Sentence) -> str:
        """The parts of the full-stop sentence before this one when this one follows a semicolon (A作…演讲；B…)."""
        text = self.doc.simplified
        if text[sentence.start - 1 : sentence.start] not in ("；", ";"):
            return ""
        return text[max(text.rfind(ch, 0, sentence.start) for ch in "。\n！？") + 1 : sentence.start]

    def attendance(self, sentence: Sentence) -> None:
        text = self.doc.sentence_text(sentence)
        closing_parts = self._closing_parts(sentence)
        # the verb of a list that runs on over semicolons: in the list's last part
        list_verb = re.search(r"(?:出席|参加|参会|与会)[^，。；]{0,12}$", closing_parts.rstrip("。；; "))
        # (会上，A、B分别致…: a sentence set at the event names its people there, whatever verb follows)
        # (A带来…的演讲；B从…切入畅谈…；C回顾…: a series of speakers over semicolons shares the cue of its first parts)
        opening_parts = self._opening_parts(sentence)
        cued = (any(cue in text for cue in ATTEND_CUES) or bool(list_verb) or bool(_GIVES_A_TALK.search(text))
                or any(cue in opening_parts for cue in ATTEND_CUES) or bool(_GIVES_A_TALK.search(opening_parts))
                or bool(_CEREMONY_ACTS.search(text))
                or bool(_AT_THE_EVENT.match(self.doc.simplified, sentence.start)))
        for m in self.mentions(sentence, "Person"):
            own = self._own_event(m, sentence)  # 某某一起参观E: the verb before the event is cue enough
            if own is None and self._absent(m, sentence):
                continue
            event = own or self.current_event(m.start)
            # 院士专家某地行: on a tour the visits are the event (某某等7位院士走访了A公司, 某某一行深入园区考察)
            touring = event is not None and _TOUR.search(event.name) and _TOUR_ACTS.search(text)
            if own is not None or cued or touring:
                # a person cued only by saying something (某某表示, 介绍) may have said it at the event or to the press: its
                # own family, so the filter weighs and thresholds these apart from the verbs of attending
                said = own is None and not touring and not self._attends_beyond_saying(text, opening_parts, list_verb, sentence)
                self.add(self.entity(m), "attended", event, sentence, "speech:attend-verb" if said else "pattern:attend-verb", 0.75)
        self._acting_at_the_event(sentence)
        attending = any(cue in text for cue in ORG_ATTEND_CUES) or bool(list_verb)
        speaking = bool(_SPEAKS.search(text))  # (A、B相关领导分别致辞: the bodies that sent the speakers)
        if attending or speaking or any(cue in text for cue in SIGN_CUES):
            employers = {id(r.org) for r in self.roles if r.org is not None}
            # signing makes a company a party only of a signing ceremony the sentence names
            named = [self.entity(m) for m in self.mentions(sentence, "Event") if not m.generic]
            ceremonies = [e for e in named if e is not None and any(cue in e.name for cue in SIGN_CUES)]
            ceremony_mentions = [m for m in self.mentions(sentence, "Event") if self.entity(m) in ceremonies]
            if any(m.generic and any(cue in m.name for cue in SIGN_CUES) for m in self.mentions(sentence, "Event")):
                # 在签约仪式现场，X与A、B等机构签署…: the ceremony being reported, named before
                current = self.current_event(sentence.start)
                if current is not None and any(cue in current.name for cue in SIGN_CUES):
                    ceremonies.append(current)
            # (A、B等12家企业现场与我市相关单位分别就…项目签署: the other party and the object may stand between)
            signed_here = re.search(r"(?:在会上|会上|现场|在会议上)(?:[^，。；]{0,6}|与[^，。；]{0,60}?)(?:签约|签署|签订)", text)
            # 8个项目进行现场签约。…项目分别是：A与B签署…、C和D签署…: the signings listed after the paragraph said so
            signed_list = self._signings_listed(sentence)
            if (signed_here or signed_list) and (reported := self.current_event(sentence.start)) is not None:
                ceremonies.append(reported)  # X与10家企业在会上签约: parties of this event
            # 某某推介会暨项目签约仪式 reported, …A与B签订协议: a signing the text tells is one of the reported ceremony's
            reported = self.current_event(sentence.start)
            if reported is not None and any(cue in to_simplified(reported.name) for cue in SIGN_CUES) and _SIGNED_WITH.search(text):
                ceremonies.append(reported)
            hosted = any(c in text for c in HOST_CUES)
            for m in self.mentions(sentence, "Organization"):
                e = self.entity(m)
                if e is None or id(m) in employers or self._inside_other(m, sentence):
                    continue
                event = self.current_event(m.start)
                later = [c for c in ceremony_mentions if c.start >= m.end]
                if later and event not in ceremonies:
                    event = self.entity(later[0])  # A与B举行E签约仪式: the parties named before the ceremony's name
                # A与B签订协议 in an article that reports an event: the parties sign there (a weaker cue, its own method
                # for the filter to weigh), unless the signing is dated before it (今年以来先后与A、B签约)
                # (与A举行签约仪式, 在签约仪式上: a signing the sentence sets at an occasion of its own)
                signing_pair = (event is not None and event not in ceremonies and bool(_SIGNED_WITH.search(text))
                                and not _SIGNED_EARLIER.search(text) and not self.mentions(sentence, "Event") and self._signs(m))
                if not attending and not speaking and event not in ceremonies and not signing_pair:
                    continue
                clause = self._clause(m)
                if re.search(r"来自[^的]*$", clause[: clause.find(m.name)] if m.name in clause else ""):
                    # 来自A、B等单位的专家、代表出席: the bodies that sent their people, as X等部门领导出席 (its own method
                    # for the filter to weigh); without a verb of attending after the list, where guests come from
                    if _SENT_TO_ATTEND.match(self.doc.simplified, self._list_end(m, sentence, ("Organization", "Zone")), sentence.end):
                        self.add(e, "attended", event, sentence, "pattern:attend-from", 0.65)
                    continue
                if any(c in clause for c in HOST_CUES) or hosted and not any(c in clause for c in ORG_ATTEND_CUES):
                    continue  # 由X主办，… Y等企业参展: in a hosting sentence only the exhibitors' clause counts
                signatory = event in ceremonies and (self._signs(m) or signed_list and self._signing_party(m))
                # X、Y等部门相关领导出席: bodies that sent their leaders (the list's cue covers every item)
                # (A、B高新区相关部门负责人: a zone may close the list of bodies)
                closing = self.doc.simplified[self._list_end(m, sentence, ("Organization", "Zone"), skip_nested=True) :]
                sent = re.match(r"等?(?:相关|有关|主要)?(?:部门|单位)?(?:相关|有关|主要)?(?:负责人|负责同志|领导|代表|班子成员)", closing)
                if _THEIR_PEOPLE.match(closing):
                    continue  # A、B等研究型大学教授: the bodies' people attend, not the bodies
                if self._visited(m, sentence):
                    continue  # 考察了A、B: the places a delegation visits are not attendees
                if (e.kind not in ("GovernmentBody", "Academy", "Media") and self._listed(m) and (attending or event in ceremonies)
                        or signatory or sent and (attending or speaking)):
                    self.add(e, "attended", event, sentence, "pattern:attend-verb", 0.7)
                elif (own := self._own_event(m, sentence)) is not None:
                    self.add(e, "attended", own, sentence, "pattern:attend-verb", 0.7)  # X参加了E: the body itself
                elif signing_pair:
                    self.add(e, "attended", event, sentence, "pattern:sign-party", 0.6)

    def _acting_at_the_event(self, sentence: Sentence) -> None:
        """会上，A联合B，与C就某项目签订协议 / 会上，某国资委介绍了…: a body that signs, presents or launches something
        in a sentence set at the event being reported takes part in it."""
        text = self.doc.sentence_text(sentence)
        # (会上，A与B签订协议；C与B签订协议。: the setting holds to the end of the full stop's sentence)
        whole = self.doc.simplified
        opened = max(whole.rfind(ch, 0, sentence.start) for ch in "。\n！？") + 1
        setting = _AT_THE_EVENT.match(whole, opened)
        # (在签约仪式现场，…: the setting's own event, a head that refers back to the ceremony named before)
        named = [m for m in self.doc.mentions if m.type == "Event" and id(m) in self.of and setting
                 and opened <= m.start and m.end <= setting.end()]
        event = (self.entity(named[-1]) if named else self.current_event(sentence.start)) if setting else None
        if event is None:
            return
        setting_end = setting.end() - sentence.start
        employers = {id(r.org) for r in self.roles if r.org is not None}
        for m in self.mentions(sentence, "Organization"):
            if id(m) in employers or self._inside_other(m, sentence) or m.start - sentence.start < setting_end:
                continue
            # the body opens its clause (or a list of parties that does) and its own verb follows
            before = list(text[: m.start - sentence.start])
            for other in self.mentions(sentence, "Organization", "Zone"):
                if other.end <= m.start:  # the other parties named before it in the list
                    before[other.start - sentence.start : other.end - sentence.start] = [""] * (other.end - other.start)
            before = "".join(before)
            opening = before[max(before.rfind(ch) for ch in "，,；—") + 1 :]  # 某某第一家园区——A: after the gloss
            # (仪式上，A还与B、C签署…: adverbs before 与 keep the parties' list open)
            # (签约仪式上，我市分别与A签订…: the writer's own city is a party the text names no further)
            # (发布会现场，母基金与A、B等机构举行签约仪式: the co-parties after 与 sign, whatever the subject before it)
            co_party = re.fullmatch(r"[^，,；：:的]{1,8}?(?:与|同)(?:[、和及]|以及)*", opening)
            if re.sub(r"(?<=.)以及|[、和与及]|联合|携手|骨干|央企|企业|公司|龙头|还|也|又|分别|共同|同时|当场|现场|我[市区县省]", "", opening) \
                    and not co_party:
                continue
            after = text[m.end - sentence.start :]
            # A、B、C五方签订…: the verb follows the whole list of parties
            listed_after = text[self._list_end(m, sentence) - sentence.start :]
            if after.startswith("的") or not (_PARTY_ACTS.match(after) or _PARTY_ACTS.match(listed_after)):
                continue
            self.add(self.entity(m), "attended", event, sentence, "pattern:attend-verb", 0.7)

    def _visited(self, mention: Mention, sentence: Sentence) -> bool:
        """The organisation is an item of the list a verb of visiting opens (先后深入A、B、C; 考察了A、B等企业)."""
        text = self.doc.simplified
        bodies = self.mentions(sentence, "Organization", "Zone", "Place")
        first = self._joined_to(mention, [m for m in bodies if m.end <= mention.start])[-1]
        # (考察了某园区某某新城、A: a zone's name written before the park's, no joiner between)
        while (adjacent := next((m for m in bodies if m.end == first.start), None)) is not None:
            first = adjacent
        return bool(_VISIT_BEFORE.search(text, max(sentence.start, first.start - 12), first.start))

    def _absent(self, person: Mention, sentence: Sentence) -> bool:
        """A person the sentence names without having them take part: quoted in someone's speech
        (他说：某院士带领…), brought in by the zone (签约引进某某等108名院士), writing (某某发来贺信, 在贺信中说),
        escorting a visit (某区委书记某某等陪同; 某某分别陪同考察), speaking to the press (某某对记者表示, 接受采访时说;
        据某某介绍), or meeting someone (某市长会见了A一行)."""
        text = self.doc.simplified
        before = text[sentence.start : person.start]
        return bool(_SPEECH_OPENS.search(before) or re.search(r"(?:引进|招引|引入)[^，。；]{0,16}$", before) or _BYLINE.search(before)
                    or re.match(r"[^，。；]{0,12}?(?:发来|贺信|贺电|致辞信|致信|来信)", text[person.end : sentence.end])
                    or _CITED_BEFORE.search(before) or _CITED_AFTER.match(text, person.end, sentence.end)
                    or self._meets(sentence) or _SOURCED_BEFORE.search(before) and _SOURCE_VERB.match(text, person.end, sentence.end)
                    or self._escorts(person, sentence) or self._interviewed(person, sentence))

    def _meets(self, sentence: Sentence) -> bool:
        """The sentence tells of a meeting (某书记会见了A一行, 在同企业代表会见时指出), not of the event, unless its people
        are said to attend (A、B等参加会见和签约活动)."""
        text = self.doc.simplified[sentence.start : sentence.end]
        return bool(re.search(r"会见|会晤|接见", text)) and not re.search(r"参加|出席|参会|与会", text)

    def _escorts(self, person: Mention, sentence: Sentence) -> bool:
        """The person's list is closed by escorting a visit (某某、某某等陪同。), no act of their own between
        (某某带领代表团深入…，某某全程陪同: the leader is not an escort)."""
        text = self.doc.simplified
        escort = _ESCORTS.search(text, person.end, sentence.end)
        return escort is not None and not _OWN_ACT.search(text, person.end, escort.start())

    def _interviewed(self, person: Mention, sentence: Sentence) -> bool:
        """The person's own clause speaks to the press (某某对记者表示, 接受采访时透露), not at the event
        (某某在签约仪式后接受采访时说: interviewed there, so present)."""
        press = _TO_THE_PRESS.match(self.doc.simplified, person.end, sentence.end)
        return press is not None and not _AT_THE_EVENTS_SIDE.search(press.group())

    def _written_start(self, mention: Mention) -> int:
        """Where the mention's name starts in the text (a generic 投资推介会 spans only its head 推介会)."""
        text = self.doc.simplified
        return mention.end - len(mention.name) if text.endswith(mention.name, 0, mention.end) else mention.start

    def _clause_end(self, start: int, sentence: Sentence) -> int:
        """Where the clause going on at ``start`` ends: its next comma, full stop or semicolon, else the sentence's end."""
        ends = [i for i in (self.doc.simplified.find(ch, start, sentence.end) for ch in "，。；") if i >= 0]
        return min(ends, default=sentence.end)

    def _own_event(self, who: Mention, sentence: Sentence) -> LocalEntity | None:
        """某某参加E / 出席了E / 参观E: the event the person's or body's own clause names after the verb (or the next clause,
        when it opens with the verb: X作为受邀企业之一，参加本次E)."""
        text = self.doc.simplified
        clause_end = self._clause_end(who.end, sentence)
        # (A、B组成的代表团，参加E: a name that qualifies the clause's subject does not carry it over)
        if re.match(r"，(?:参加|出席)", text[clause_end : clause_end + 3]) and "的" not in text[who.end : clause_end]:
            clause_end = self._clause_end(clause_end + 1, sentence)
        events = self.mentions(sentence, "Event")
        for m in events:
            if not m.generic and who.end <= m.start and m.end <= clause_end and re.search(
                    r"(?:参加|出席|参观|参与|走进)了?(?:本次|此次|本届)?[“「\"]?$", text[who.end : m.start]):
                return self.entity(m)
            # 某某在E上讲话 / 在E开幕式上致辞: the event the person's own clause sets the scene at
            if not m.generic and who.end <= m.start and m.end <= clause_end and re.fullmatch(
                    r"(?:\d{1,2}日)?(?:上午|下午|晚上)?在[“「\"]?", text[who.end : m.start]) and _SCENE_AFTER.match(text, m.end):
                return self.entity(m)
        return None

    def _list_end(self, mention: Mention, sentence: Sentence, types: tuple[str, ...] = ("Organization",),
                  skip_nested: bool = False) -> int:
        """Where the list of ``types`` that ``mention`` starts or continues ends (A、B和C…); with ``skip_nested``,
        names inside other names are no items."""
        text, end = self.doc.simplified, mention.end
        following = {m.start: m for m in self.mentions(sentence, *types)
                     if m.start > mention.end and not (skip_nested and self._inside_other(m, sentence))}
        while True:
            joiner = 2 if text.startswith("以及", end) else 1  # A、B以及C: 以及 joins the last item as 及 does
            if text[end : end + joiner] not in ("、", "和", "及", "以及") or end + joiner not in following:
                return end
            end = following[end + joiner].end

    def _signs(self, mention: Mention) -> bool:
        """The organisation is a party of the signing its clause states (A、B与10家企业在会上签约)."""
        clause = self._clause(mention)
        signs_next = re.match(r"[^，。；]{0,40}?(?:签约|签署|签订)", self._after(mention, 44))
        # (A与B签订协议: the party after 与 signs as the one before it does)
        return any(cue in clause for cue in SIGN_CUES) and self._listed(mention) or bool(signs_next) and (
            self.doc.simplified[mention.end : mention.end + 1] in ("与", "和", "、", "在")
            or self.doc.simplified[mention.start - 1 : mention.start] in ("与", "同"))

    def _signings_listed(self, sentence: Sentence) -> bool:
        """A sentence that lists the signings of the event being reported: 本次完成签约的10个项目包括…, or
        项目分别是：A与B签署… after a sentence of the paragraph that says the projects were signed there."""
        text = self.doc.simplified
        own = text[sentence.start : sentence.end]
        # (当日签署的110个项目中，既有A、B等企业: the signed projects' companies, after 中)
        if re.search(r"(?:签约|签署|签订)的[^，。；]{0,12}(?:项目|企业)(?:中[，,](?:既|还|也)?)?[^，。；]{0,4}(?:包括|有|分别是|分别为|为)", own):
            return True
        # 此次集中签约的12个项目总投资34.8亿元，包括A…项目、B…项目: the total may stand between
        if re.search(r"(?:集中|现场|此次|本次)签约的[^。；]{0,12}项目[^。；]{0,24}?，(?:包括|涵盖)", own):
            return True
        if not re.search(r"(?:项目|企业)[^，。；]{0,4}(?:分别是|分别为|包括)[:：]", own) or not re.search(r"签约|签署|签订", own):
            return False
        paragraph_start = max(text.rfind("\n", 0, sentence.start), 0)
        return bool(re.search(r"(?:现场|会上|集中|当天|当日|仪式上)[^，。；]{0,6}签约", text[paragraph_start : sentence.start]))

    def _signing_party(self, mention: Mention) -> bool:
        """An item of a list of signings (A与B签署…项目、C投资的…项目): its clause signs, and it stands in a list
        or opens one (after 包括 or a colon) or is the other party (与B签署)."""
        text = self.doc.simplified
        before = text[max(0, mention.start - 2) : mention.start]
        # (包括A迁移至某新区项目、B某某产业基地项目: the item names the company's own project)
        return (before.endswith(("、", "和", "及", "与", "：", ":")) or before == "包括" or text[mention.end : mention.end + 1] in ("、", "与", "和")) and (
            bool(re.search(r"签约|签署|签订", self._clause(mention))) or bool(re.match(r"投资的|[^，。；、]{0,4}签署", text[mention.end :]))
            or bool(re.match(r"[^，。；、]{0,20}项目[、等]", text[mention.end :])))

    def _clause(self, mention: Mention) -> str:
        text = self.doc.simplified
        start = max(text.rfind(ch, 0, mention.start) for ch in "，；。\n") + 1
        ends = [i for i in (text.find(ch, mention.end) for ch in "，；。\n") if i >= 0]
        return text[start : min(ends or [len(text)])]

    def _listed(self, mention: Mention) -> bool:
        """An organisation in a list (X、Y等企业) rather than the subject of another verb."""
        text = self.doc.simplified
        return text[mention.end : mention.end + 1] in ("、", "等", "和", "及") or text[mention.start - 1 : mention.start] in ("、", "和", "及", "有")

    def held_in(self, sentence: Sentence) -> None:
        text = self.doc.simplified
        held = "|".join(HELD_CUES + ("拉开帷幕", "拉开序幕", "登场", "合办", "参加", "出席"))
        # (将于临港开幕: 于 as 在, not the 于 of 位于, 关于, 由于 …; 昨日假某酒店举行: 假 after a day as 在, as Hong Kong
        # and Taiwan write it)
        for match in re.finditer(rf"(?:在|(?<![位关由对属等基终至处])于|(?<=[日)）])假)([^，。；]{{2,30}}?)(?:{held})",
                                 text[sentence.start : sentence.end]):
            span = (sentence.start + match.start(1), sentence.start + match.end(1))
            # (于某管理局及园区公会登场: a zone that opens an association's name is the association, no venue)
            places = [m for m in self.mentions(sentence, "Zone", "Place") if span[0] <= m.start and m.end <= span[1]
                      and not text.startswith(_ASSOCIATIONS, m.end)]
            # 在青溪会议中心举行: a venue resolves to the zone its name opens with (the zone's name without its kind word)
            venue_zone = self._venue_zone(text[span[0] : span[1]])
            if not places and venue_zone is None:
                # Z在某人才港举办E: a venue that names no place is in the zone that holds the event there
                places = [m for m in self.mentions(sentence, "Zone") if m.end == span[0] - 1 and not self._inside_other(m, sentence)]
            if not places and venue_zone is None:
                continue
            # 在哈尔滨某某宫举行, 在北京某某大厦举行: a place that starts a venue's name is not where the event is
            places = [m for m in places if not text.startswith(_VENUES, m.end)] or places
            # the longest zone, else the last place of a chain (四川省雅安市: 雅安市)
            target = max(places, key=lambda m: ((m.end - m.start) if m.type == "Zone" else 0, m.start)) if places else None
            targets = [e for e in (target and self.entity(target), venue_zone) if e is not None]
            # (an event's name inside an office's name, 某洽谈会办公室, names no event held)
            event_mentions = [m for m in self.mentions(sentence, "Event") if m.end <= span[0] and not self._inside_other(m, sentence)
                              and not text.startswith(_EVENT_OFFICES, m.end)]
            if match.group().endswith(("参加", "出席")):
                event_mentions = []  # 在上海参加E: the event attended there is the one named after the verb
            if not event_mentions:
                # 在Z举行的E上 / 在上海参加E: the event named right after the verb
                # (a generic 投资推介会 there is the event it was grouped with: 苏州高新区在北京举行投资推介会)
                after = [m for m in self.mentions(sentence, "Event") if m.start >= sentence.start + match.end()
                         and re.fullmatch(r"了?的?[“「\"]?", text[sentence.start + match.end() : self._written_start(m)])]
                for where in targets if after else ():
                    self.add(self.entity(after[0]), "heldIn", where, sentence, "pattern:held-in", 0.8)
                continue  # 在上海、合肥等地举办专题招商活动: no event named, nothing held
            # E1及E2在某地开幕: every event of the list before the place is held there
            held_here = [event_mentions[-1]]
            for m in reversed(event_mentions[:-1]):
                if text[m.end : held_here[-1].start] not in ("及", "和", "与", "、", "以及", "暨"):
                    break
                held_here.append(m)
            for m in held_here:
                for where in targets:
                    self.add(self.entity(m), "heldIn", where, sentence, "pattern:held-in", 0.85)
        # 某某洽谈会在京开幕: a city's one-character short form, the city named elsewhere in the article
        for short in re.finditer(rf"在({'|'.join(_CITY_SHORT)})(?:隆重|正式|顺利|盛大)?(?:{held})", text[sentence.start : sentence.end]):
            city = _CITY_SHORT[short.group(1)]
            places = [e for e in self.entities if e.type == "Place" and e.name.startswith(city)]
            before = [m for m in self.mentions(sentence, "Event") if m.end <= sentence.start + short.start()
                      and not self._inside_other(m, sentence)]
            if places and before:
                self.add(self.entity(before[-1]), "heldIn", max(places, key=lambda e: len(e.name)), sentence, "pattern:held-in", 0.8)
        # 代表团赴新加坡开展…，参加E1，…举行E2: the events a delegation attends or holds where it went
        for trip in re.finditer(r"赴([^，。；]{2,12}?)(?:开展|参加|出席|举行|举办|召开|考察|进行|推介|招商)", text[sentence.start : sentence.end]):
            where = [m for m in self.mentions(sentence, "Place", "Zone")
                     if m.start == sentence.start + trip.start(1)]
            if not where:
                continue
            for m in self.mentions(sentence, "Event"):
                verb = text[max(sentence.start + trip.end(1), m.start - 4) : m.start]
                if m.start >= sentence.start + trip.end(1) and not m.generic and re.search(r"(?:参加|出席|举行|举办|召开)$", verb):
                    self.add(self.entity(m), "heldIn", self.entity(where[0]), sentence, "pattern:held-in", 0.75)
        # 孝感市举行E: a place holds the event in itself; …，120余家企业齐聚楚雄: where the event gathers them
        events = [m for m in self.mentions(sentence, "Event") if not m.generic]
        for m in self.mentions(sentence, "Place"):
            after = text[m.end : m.end + 3]
            if after.startswith(("举行", "召开", "举办")):  # (某市举办的E上: where, not who)
                named = [e for e in events if e.start >= m.end + 2 and not re.search("[，。；]", text[m.end : e.start])]
                if named:
                    self.add(self.entity(named[0]), "heldIn", self.entity(m), sentence, "pattern:held-in", 0.8)
            elif text[m.start - 2 : m.start] == "齐聚" and events:
                self.add(self.entity(events[0]), "heldIn", self.entity(m), sentence, "pattern:held-in", 0.75)
            # 今年5月在某省某市第十一届某博会发布: a city written right before a numbered event is where it is held
            numbered = [e for e in events if e.start == m.end and _NUMBERED.match(text, e.start)]
            if numbered:
                self.add(self.entity(numbered[0]), "heldIn", self.entity(m), sentence, "pattern:held-in", 0.7)

    def _venue_zone(self, where: str) -> LocalEntity | None:
        """The zone a venue's name opens with (青溪会议中心: 青溪新区; 某某高新国际会议中心: 某某高新区), when ``where``
        is a venue (it ends with one's word) and the zone's name without its kind word is no place's name."""
        if not where.endswith((*_VENUES, "中心")):
            return None
        for zone in self.entities:
            if zone.type != "Zone" or where.startswith(to_simplified(zone.name)):
                continue  # (the zone named in full is a mention of its own, read above)
            for name in {to_simplified(n) for n in (zone.name, *zone.aliases)}:
                kind = next((k for k in ZONE_SUFFIXES_LONGEST_FIRST if name.endswith(k)), None)
                stems = {name[: -len(kind)], name[:-1]} if kind else set()
                if any(len(stem) >= 2 and where.startswith(stem) and not lookup_place(stem)
                       for stem in stems):
                    return zone
        return None

    def _hosts_at_a_venue(self, host: Mention, between: str, sentence: Sentence) -> bool:
        """近日，某高新区在某人才港举办E: the body that starts the clause and holds the event at a venue hosts it
        (在 alone says where, not who: 由Y在Z举办 and 嘉宾在Y举办的E上 are no hosts)."""
        # (今日下午某高新区在杭州举办E: a time of day may open the clause before the host; A与B在某地举办E: the list does)
        # (A与B今(27)日在某酒店举办E: a day, written as the Taiwan press dates it, may stand before the place)
        return self._opens_clause(host, sentence) and bool(re.fullmatch(
            r"(?:\d{1,2}月\d{1,2}日|[今昨]?[(（]\d{1,2}[)）]日)?(?:上午|下午|晚上)?(?:在|于)[^，,。；由的、和与及]{1,24}", between))

    def _joined_to(self, last: Mention, candidates: list[Mention]) -> list[Mention]:
        """``last`` and the names a list joins to it before (A、B与C: A, B and C), in reverse order."""
        by_end = {m.end: m for m in candidates}
        chain = [last]
        while (joiner := _JOINED_BEFORE.search(self.doc.simplified, max(0, chain[-1].start - 25), chain[-1].start)) \
                and joiner.start() in by_end and by_end[joiner.start()] not in chain:
            chain.append(by_end[joiner.start()])
        return chain

    def hosting(self, sentence: Sentence) -> None:
        text = self.doc.sentence_text(sentence)
        events = self.mentions(sentence, "Event")
        # X举办 A、B、C: a zone or body hosting the events listed after the verb (A与B合办E: both host it)
        for cue in re.finditer("举办|合办", text):
            # (宣布将于某日在某科学园某中心联合举办E: the place after 在 is where, not who)
            before = [m for m in self.mentions(sentence, "Organization", "Zone")
                      if m.end <= sentence.start + cue.start() and not self._inside_other(m, sentence) and not self._venue(m)]
            after = [m for m in events if m.start >= sentence.start + cue.end() and not m.generic]
            between = text[before[-1].end - sentence.start : cue.start()] if before else ""
            # (某协会主席王某表示，举办E: a host in another clause is not the verb's subject)
            if before and after and "，" not in between and (
                    not re.search("在|由", between) or self._hosts_at_a_venue(before[-1], between, sentence)):
                for m in after:
                    for host in self._joined_to(before[-1], before):  # A与B共同举办E: every body of the list
                        self.add(self.entity(m), "organizedBy", self.entity(host), sentence, "pattern:host-verb", 0.7)
            # 由A、B、C三部委举办的E: every body between 由 and the verb holds the event named right after it
            by = re.search(r"(?<![自理经缘])由([^，。；]{2,80})$", text[: cue.start()])
            if by and after and text.startswith("的", cue.end()):
                hosts = [m for m in before if m.start >= sentence.start + by.start(1)]
                for m in hosts:
                    self.add(self.entity(after[0]), "organizedBy", self.entity(m), sentence, "pattern:host-verb", 0.8)
        if not any(cue in text for cue in ORGANISER_CUES) and not _BY_HOLDS.search(text):
            return
        self._organiser_lines(sentence, events)
        # 在E1期间，由A主办，B承办的E2举行: the event the verbs qualify (…承办的E2), else the first one named
        # (由A主办，B协办的E: the last verb before the event may be one that organises nothing, it still qualifies it)
        qualified = [m for m in events if not m.generic and re.search(r"(?:主办|承办|举办|协办|指导|支持)的[“\"「]?$", text[: m.start - sentence.start])]
        event = self.entity(qualified[0]) if qualified else self.entity(events[0]) if events else self.current_event(sentence.start)
        for cue in re.finditer("|".join(ORGANISER_CUES) + "|举办", text):
            # the clause starts after punctuation or after 由 (not the 由 of 自由贸易, 理由, 经由)
            by = [b.start() for b in re.finditer(r"(?<![自理经缘])由", text[: cue.start()])]
            clause_start = max([text.rfind(ch, 0, cue.start()) for ch in "，。；"] + by[-1:])
            # 本届某会由A、B和C举办，旨在…: 举办 after 由 names who organises as 主办 does (X举办E and 由X举办的E: above)
            if cue.group() == "举办" and not (by and by[-1] == clause_start and not text.startswith("的", cue.end())
                                               and not re.search("主办|承办|协办|指导|的", text[by[-1] : cue.start()])):
                continue  # (由A主办的论坛已连续举办三年: that 举办 is the event's own, its organiser is the 主办 before)
            # …联合主办的E1及E2: the events the verb names, each organised by the same bodies
            qualifies = [m for m in events if m.start >= sentence.start + cue.end() and text.startswith("的", cue.end())
                         and not re.search("[，。；]", text[cue.end() : m.start - sentence.start])]
            # (某会期间，由A主办的论坛: a generic head the verb qualifies is the event it refers back to)
            named = [self.entity(m) for m in qualifies if not m.generic] or [self.entity(m) for m in qualifies[:1]]
            # 由A主办的首期某某课堂: what the verb qualifies is no event read, not another event of the text
            # (E是由A主办的…平台: what the copula says of its subject, the event)
            if text.startswith("的", cue.end()) and not qualifies and not (by and text[by[-1] - 1 : by[-1]] == "是"):
                continue
            clause_start = self._list_clauses_before(sentence, clause_start)
            bodies = [m for m in self.mentions(sentence, "Organization", "Zone")
                      if sentence.start + clause_start < m.start and m.end <= sentence.start + cue.start()]
            if clause_start < 0:
                bodies = self._broken_list(sentence) + bodies
            for m in bodies:
                # (某部作为某会的主办方: what the body organises, written before 的, organises nothing)
                if self._inside_other(m, self.doc.sentence_at(m.start)) or self.doc.simplified.startswith("的", m.end) or self._venue(m):
                    continue
                for organised in named or [event]:
                    self.add(organised, "organizedBy", self.entity(m), sentence, "pattern:host-verb", 0.85)

    def _organiser_lines(self, sentence: Sentence, events: list[Mention]) -> None:
        """主办单位：A、B和C / 承办方为D: the bodies listed after the label organise the event the sentence names before
        it, else the one being reported (协办单位 organise nothing)."""
        text = self.doc.simplified
        bodies = sorted((m for m in self.mentions(sentence, "Organization", "Zone") if not self._inside_other(m, sentence)),
                        key=lambda m: m.start)
        for label in _ORGANISER_LABEL.finditer(text, sentence.start, sentence.end):
            named = [m for m in events if not m.generic and m.end <= label.start()]
            event = self.entity(named[-1]) if named else self.current_event(sentence.start)
            position = label.end()
            for m in bodies:
                if m.start < position:
                    continue
                if not re.fullmatch(r"[、，,和及与 　]*|以及", text[position : m.start]):
                    break  # (the list ends where other words follow)
                self.add(event, "organizedBy", self.entity(m), sentence, "pattern:host-verb", 0.8)
                position = m.end

    def _venue(self, mention: Mention) -> bool:
        """在某园区某中心举办, 于某中心: a name right after 在 or 于 says where, not who (在X举办的E上: X holds E)."""
        text = self.doc.simplified
        return (text[max(0, mention.start - 1) : mention.start] in ("在", "于") and text[max(0, mention.start - 2) : mention.start] != "由于"
                and not _HOSTS_NEXT.match(text, mention.end))

    def _broken_list(self, sentence: Sentence) -> list[Mention]:
        """由A、B / 及C联合主办: the bodies of a list a line break cuts, in the line before, after its 由, when no
        punctuation ends that line."""
        if sentence.index == 0:
            return []
        previous = self.doc.sentences[sentence.index - 1]
        text = self.doc.simplified
        line = text[previous.start : previous.end].rstrip()
        if "\n" not in text[previous.end : sentence.start]:
            return []
        if not line or line[-1] in "。！？；!?;：:":
            return []
        by = [b.end() for b in re.finditer(r"(?<![自理经缘])由", line)]
        if not by or re.search("[，。；]", line[by[-1] :]):
            return []
        return [m for m in self.mentions(previous, "Organization", "Zone") if m.start >= previous.start + by[-1]]

    def _list_clauses_before(self, sentence: Sentence, clause_start: int) -> int:
        """由A发起，B、C，D、E承办: a clause before that names only bodies (no verb of its own) is part of the list."""
        text = self.doc.sentence_text(sentence)
        names = [(m.start - sentence.start, m.end - sentence.start) for m in self.mentions(sentence, "Organization", "Zone")]
        while clause_start > 0 and text[clause_start] == "，":
            previous = max(text.rfind(ch, 0, clause_start) for ch in "，。；")
            inside = [(start, end) for start, end in names if previous < start and end <= clause_start]
            rest = list(text[previous + 1: clause_start])
            for start, end in inside:
                rest[start - previous - 1: end - previous - 1] = [""] * (end - start)
            if not inside or "".join(rest).strip("、和及与 "):
                break
            clause_start = previous
        return clause_start

    def _inside_other(self, mention: Mention, sentence: Sentence) -> bool:
        return any(
            o is not mention and o.start <= mention.start and mention.end <= o.end and (o.end - o.start) > (mention.end - mention.start)
            for o in self.mentions(sentence, "Organization", "Zone", "Event", "Fund", "Cluster")
        )

    def settling(self, sentence: Sentence) -> None:
        text = self.doc.simplified
        zones = [m for m in self.mentions(sentence, "Zone") if not self._inside_other(m, sentence)]
        if self.mentions(sentence, "Fund"):
            return  # a fund's founders and partners are not settling companies
        events = self.mentions(sentence, "Event")
        companies = [m for m in self.mentions(sentence, "Organization")
                     if self.entity(m) is not None and self.entity(m).kind not in _NOT_SETTLING
                     and not self.entity(m).name.endswith(_PUBLIC_ENDINGS) and not self._zones_own_office(self.entity(m))]
        for m in companies:
            e = self.entity(m)
            if e.kind in _INSTITUTIONS:
                self._institution_settling(m, zones, sentence)
                continue
            if self._counterparty(m, sentence):
                continue
            if re.match(r"的?(?:全资|控股)?子公司", text[m.end : m.end + 6]):
                continue  # A是B(的)全资子公司，入驻Z; B子公司A落户Z: the parent that owns the settling company
            clause_start = max(text.rfind(ch, sentence.start, m.start) for ch in "，。；") + 1
            if _CIRCUMSTANCE.search(text, max(clause_start, sentence.start), m.start) and _NOMINAL_VERB.search(text, m.end, self._clause_end(m.end, sentence)):
                continue  # 随着A、B等项目的落户，某市…: a circumstance of the clause after, which names where, not the zone
            brought = _BROUGHT_IN.search(text, max(clause_start, sentence.start), m.start)
            # 高新区已新引进A、B等一批项目; 新区签约A年产…、B…等项目: the zone brought them in
            # (新引进的A是…: the verb right before one company brings that company in, listed or not)
            adjacent = brought and text[brought.end() : m.start] in ("", "的", "了")
            if brought and brought.group().startswith("依托") and not re.match(
                    r"等[^，。；的]{0,12}(?:企业|公司)(?!的)", text[self._list_end(m, sentence) :]):
                brought = None  # 依托A、B三大央企的资源, 依托A作为…: what the zone draws on, not a list of its companies
            if brought and (self._listed(m) or adjacent) or m.method == "pattern:project-owner":
                before = [z for z in zones if z.end <= m.start and z.start >= sentence.start]
                if not before and self._gathered_elsewhere(brought.start() if brought else m.start, sentence):
                    continue  # 某区某产业集群已集聚A、B: the cluster or place the verb's subject names holds them
                target = self._meant_zone(before[-1]) if before else self.main_zone
                if not before and brought:
                    target = self._zone_by_part(text[clause_start : brought.start()]) or target
                own = [z for z in before if z.end == m.start]
                if m.method == "pattern:project-owner" and own:
                    target = self.entity(own[-1])  # 某经开区A…项目: the zone its own item opens with
                elif m.method == "pattern:project-owner" and _DISTRICT_BEFORE.search(text, max(0, m.start - 6), m.start):
                    continue  # 某区A…项目: the project is in a district, no zone named for it
                self.add(e, "settledIn", target, sentence, "pattern:brought-in", 0.7)
                continue
            owner = self._owning_zone(m, zones)
            if owner is not None:
                self.add(e, "settledIn", owner, sentence, "pattern:zone-company", 0.7)
                continue
            if self._own_project(e, m, zones, companies, sentence):
                continue
            opened = ONE_OF_THE_SETTLED.search(text, sentence.start, m.start)
            if ONE_OF_THE_SETTLED.match(text, m.end) or opened and text[opened.end() : m.start] in ("", "，"):
                # A作为此次签约企业之一，…; 作为落地企业之一，A…: the zone the sentence names, else the article's
                named = [z for z in zones if z.start >= sentence.start]
                self.add(e, "settledIn", self._meant_zone(named[0]) if named else self.main_zone, sentence,
                         "pattern:one-of-settled", 0.7)
                continue
            included = self._included_project(m, sentence)
            if included is not None:
                self.add(e, "settledIn", included, sentence, "pattern:project-list", 0.7,
                         attributes=self._investment(m, companies, sentence))
                continue
            clause_end = self._clause_end(m.end, sentence)
            listed = _LIST_CLOSE.search(text, m.end, clause_end) is not None
            window_start = m.end
            if text.startswith(("，在", "，与"), clause_end) or listed or _SETTLES_NEXT.match(text, clause_end):
                # …将投资10亿元，在X产业园建设…; 某集团股份有限公司，与X新区签订…; A、B等15家企业，分别与…签约;
                # A是B的全资子公司，入驻X开发区: the verb
                # is in the next clause
                clause_end = self._clause_end(clause_end + 1, sentence)
            elif (settling_clause := self._later_settling_clause(m, clause_end, sentence)) is not None:
                # 前身为…的A公司，响应…号召，于2017年从北京搬迁至Z: the subject's own verb, clauses later
                window_start, clause_end = settling_clause
            # the 签约 of a ceremony's name (A与B举行E签约仪式) is not the company's own signing; an item of a list
            # (A、B、C等一批项目相继在Z落地) reaches the verb from the list's end, as its last item does
            window_start = min(max(window_start, self._list_end(m, sentence, ("Organization", "Zone", "Fund"), skip_nested=True)),
                               clause_end)
            # (A、B等一批基金项目和C、D等一批平台项目相继签约入驻Z: a list closed and joined to the next list shares its verb)
            window_start = self._joined_lists_end(window_start, clause_end, sentence)
            window = "".join("□" if any(ev.start <= i < ev.end for ev in events) else ch
                             for i, ch in enumerate(text[window_start : clause_end], window_start))
            if listed and "，" in window:
                window = "，" + window[window.index("，") + 1:]  # the list's own verb clause, whatever the list's length
            reach = 60 if listed else 32  # a list's verb clause names the other parties first
            signer = self._signing_zone(m, sentence)
            if signer is not None and re.search("签约|签订|签署", text[m.end : sentence.end]):
                # 某高新区与A、B等21家企业，通过线上方式，集中签约项目21个: the zone's own signing, however far its verb
                self.add(e, "settledIn", signer, sentence, "pattern:zone-signs", 0.75,
                         attributes=self._investment(m, companies, sentence))
                continue
            if not re.search(rf"^(?:[^。；]{{0,{reach}}}?)(?:投资(?:约|近|超|超过|逾|达|总额)?\d|共同建设的|{_SIGNS.pattern}|"
                             rf"{_SETTLE_ACT.pattern})", window):
                continue
            # (A公司党委书记、董事长某某出席并见证签约; A执行董事某某: the company names a person's post, who signs nothing)
            if re.match(r"[^，。；、]{0,10}?(?:董事长|董事|总经理|总裁|副总裁|联合创始人|首席|经理|人力资源|书记)", window):
                continue
            if re.search(r"(?:共建|组建|建设|打造)$", text[max(sentence.start, m.start - 2) : m.start]):
                continue  # 在宁海共建A中心: the body is what is built, not one that settles
            if re.search(r"洽谈|有望", window):
                continue  # A拟投资…的项目已进入深度洽谈阶段: still negotiated, not settled
            later = [z for z in zones if z.start >= m.end and z.end <= clause_end and not _OWN_PROJECT.match(text, z.end, z.end + 2)]
            if not later and self._settles_in_a_place(m.end, clause_end):
                continue  # 相继落户某市, 落户某县: the company settled in a city or county, not in the article's zone
            party = None if later or _SETTLE_ACT.search(window) else self._other_signer(m, window_start, clause_end, sentence)
            if party is not None:
                # A与某县政府签署…, A与B公司签约: a signing with a body that is no zone's own settles A nowhere the
                # text says; with a zone's body (A与某高新区管委会签署…, 分别与某高新区投促中心签约), in that zone
                inner = [z for z in self.mentions(sentence, "Zone") if party.start <= z.start and z.end <= party.end]
                if party.type != "Organization" or not inner:
                    continue
                later = inner[-1:]
            # else the zone the sentence opens with, before any company (某科技园举行签约仪式，A、B等6家企业签约入驻: the
            # park, not the article's zone; A在某产业园建设…，B、C的项目也同步签约: a place of A's, not of B and C)
            # (某产业园项目由A投资建设: a park named as the project is what is built, not where)
            before = [z for z in zones if z.end <= m.start and text[z.start - 1 : z.start] != "在"
                      and not any(c.start < z.start for c in companies) and not _OWN_PROJECT.match(text, z.end, z.end + 2)]
            # 相继在Z落地: the zone after 在 is where they settle, not a park the list itself names
            placed = [z for z in later if text[z.start - 1 : z.start] == "在"]
            chosen = (placed or later)[0] if later else None
            # (落户某新城某产业园: of zones written in a row, the last is the park it moves into)
            while chosen is not None and (inner := next((z for z in later if z.start == chosen.end), None)) is not None:
                chosen = inner
            target = self._meant_zone(chosen) if chosen else self._meant_zone(before[-1]) if before else self.main_zone
            self.add(e, "settledIn", target, sentence, "pattern:settle-verb", 0.75,
                     attributes=self._investment(m, companies, sentence))

    def _institution_settling(self, m: Mention, zones: list[Mention], sentence: Sentence) -> None:
        """A university, academy or association settles where a list of signed projects names it, or where its own
        clause has it settle or build in a zone named after it (not where it only signs: 与某大学签署战略合作协议)."""
        included = self._included_project(m, sentence)
        if included is not None:
            self.add(self.entity(m), "settledIn", included, sentence, "pattern:project-list", 0.7)
            return
        text = self.doc.simplified
        clause_end = self._clause_end(m.end, sentence)
        act = _INSTITUTION_SETTLES.match(text[m.end : clause_end])
        later = [z for z in zones if m.end <= z.start and act and z.end <= m.end + act.end()]
        if later:
            self.add(self.entity(m), "settledIn", self._meant_zone(later[-1]), sentence, "pattern:settle-verb", 0.75)

    def _joined_lists_end(self, start: int, clause_end: int, sentence: Sentence) -> int:
        """Where the last of the closed lists joined to the one ending at ``start`` ends (…等企业和C、D等项目): the verb
        after it is every list's."""
        text = self.doc.simplified
        while (close := _JOINED_LIST.match(text, start, clause_end)) is not None:
            following = next((o for o in self.mentions(sentence, "Organization") if o.start == close.end()
                              and not self._inside_other(o, sentence)), None)
            if following is None:
                break
            start = min(self._list_end(following, sentence, ("Organization", "Zone", "Fund"), skip_nested=True), clause_end)
        return start

    def _other_signer(self, company: Mention, start: int, end: int, sentence: Sentence) -> Mention | None:
        """The body a company signs with (A与B签约, A同某县政府签署…: the organisation or place right after 与/和/同,
        before the verb of signing; 某厅与A签署…: the body right before 与 when A follows it)."""
        text = self.doc.simplified
        verb = _SIGNS.search(text, start, end)
        if verb is None:
            return None
        bodies = [m for m in self.mentions(sentence, "Organization", "Place", "Zone") if not self._inside_other(m, sentence)]
        for m in bodies:
            if start < m.start and m.end <= verb.start() and re.search(r"(?:与|和|同|跟)(?:分别)?$", text[start : m.start]):
                return m
        joiner = text[company.start - 1 : company.start]
        return next((m for m in bodies if m.end == company.start - 1 and m.type == "Organization"), None) if joiner == "与" else None

    def _later_settling_clause(self, mention: Mention, clause_end: int, sentence: Sentence) -> tuple[int, int] | None:
        """The clause, two to four clauses on, in which a company that opens its sentence settles (A公司，响应…号召，
        于2017年从北京搬迁至Z; A，将投资10亿元，在Z建设总部): its start and end.  The company is the subject (nothing
        but a description ending in 的 before it), and no body or zone is named in the clauses between."""
        text = self.doc.simplified
        if not re.fullmatch(r"(?:[^，。；]*的)?", text[sentence.start : mention.start]):
            return None
        others = [m for m in self.doc.in_sentence(sentence, ("Organization", "Zone")) if m.start >= mention.end]
        start = clause_end
        for _ in range(4):
            if text[start : start + 1] != "，":
                return None
            end = self._clause_end(start + 1, sentence)
            if _SETTLES_LATER.match(text, start, end):
                return start, end
            if any(start <= m.start < end for m in others):
                return None  # another body or zone takes the clauses over
            start = end
        return None

    def _zone_by_part(self, subject: str) -> LocalEntity | None:
        """The one zone whose name holds the clause's subject, a time word and adverbs aside (目前，智造城已成功引进…:
        某科技智造城产业园, called by a part of its name)."""
        core = re.sub(rf"^(?:目前|现在|今年|近年来|截至目前)?{_ADVERBS_BEFORE_VERB}|{_ADVERBS_BEFORE_VERB}$", "", subject)
        if not 3 <= len(core) <= 6 or not re.fullmatch(r"[\u4e00-\u9fff]+", core):
            return None
        return self._the_one_zone(lambda name: core in name and name != core)

    def _zones_own_office(self, body: LocalEntity) -> bool:
        """某高新区企业服务中心, 某高新区投促局: an office named after its zone serves the zone; it does not settle there."""
        return body.name.endswith(_OFFICE_ENDINGS) and any(
            e.type == "Zone" and body.name.startswith(tuple({e.name, *e.aliases})) for e in self.entities)

    def _zone_by_start(self, word: str) -> LocalEntity | None:
        """The one zone whose name starts with ``word`` and goes on (青溪 for 青溪经济开发区), when ``word`` is named as
        no place or zone itself."""
        if any(e.type in ("Place", "Zone") and (e.name == word or word in e.aliases) for e in self.entities):
            return None
        return self._the_one_zone(lambda name: name.startswith(word) and name != word)

    def _the_one_zone(self, fits: Callable[[str], bool]) -> LocalEntity | None:
        """The article's only zone whose name ``fits``; None when none or several do."""
        zones = [e for e in self.entities if e.type == "Zone" and fits(e.name)]
        return zones[0] if len(zones) == 1 else None

    def _gathered_elsewhere(self, verb: int, sentence: Sentence) -> bool:
        """The subject right before a verb of bringing in is a cluster or a place, not a zone (某产业集群已集聚A、B;
        某市先后引进A、B)."""
        text = self.doc.simplified
        return any(m.end <= verb and re.fullmatch(_ADVERBS_BEFORE_VERB, text[m.end : verb]) and not self._inside_other(m, sentence)
                   for m in self.mentions(sentence, "Cluster", "Place"))

    def _owning_zone(self, mention: Mention, zones: list[Mention]) -> LocalEntity | None:
        """Z企业A、B / Z内重点企业A: the zone named right before the companies' word is theirs."""
        text = self.doc.simplified
        clause_start = max(text.rfind(ch, 0, mention.start) for ch in "，。；\n") + 1
        owned = _ZONE_COMPANIES.search(text, clause_start, mention.start)
        if owned is None:
            return None
        zone = next((z for z in zones if z.end == owned.start()), None)
        return self._meant_zone(zone) if zone is not None else None

    def _meant_zone(self, zone: Mention) -> LocalEntity | None:
        """The zone a mention stands for: 该园区, 此园区 point back at the last zone before them whose name ends in
        their head (某某产业园区), not at a zone of another kind named in between."""
        if zone.generic and _POINTER.search(self.doc.simplified, max(0, zone.start - 2), zone.start):
            named = [z for z in self.doc.mentions if z.type == "Zone" and not z.generic and z.end <= zone.start
                     and id(z) in self.of and z.name.endswith(zone.name)]
            if named:
                return self.entity(max(named, key=lambda z: z.end))
        return self.entity(zone)

    def _signing_zone(self, mention: Mention, sentence: Sentence) -> LocalEntity | None:
        """The zone that signs with the company in the company's own clause: 某高新区(管委会)与A、B签署…项目."""
        text = self.doc.simplified
        for z in reversed([z for z in self.mentions(sentence, "Zone") if z.end <= mention.start]):
            # (某基地已和A、B等企业签约, 某新区分别与A、B签订: adverbs before the joiner)
            if re.fullmatch(r"(?:管委会|管理委员会|党工委)?(?:已|已经|先后|相继|分别|还|也|又|正式|现场|集中|当场|同时)*[与和][^，。；：]{0,60}",
                            text[z.end : mention.start]):
                return self.entity(z)
        return self._subject_zone_signing(mention, sentence)

    def _subject_zone_signing(self, mention: Mention, sentence: Sentence) -> LocalEntity | None:
        """某经开区通过…，先后与A、B等企业签订了协议: the zone the sentence opens with signs in a later clause that opens
        with 与 and names no subject of its own; no other body, person or place is named between them."""
        text = self.doc.simplified
        clause_start = max(text.rfind(ch, sentence.start, mention.start) for ch in "，；") + 1
        if clause_start <= sentence.start or not re.fullmatch(
                rf"(?:{_ADVERBS_BEFORE_VERB}|分别|同时)*[与和同][^，。；：]{{0,150}}", text[clause_start : mention.start]):
            return None
        named = self.mentions(sentence, "Organization", "Zone", "Person", "Place")
        first = min(named, key=lambda m: m.start) if named else None
        # (一年多以来，某经开区…; 对此，综保区…: a short time or linking phrase may come first)
        if first is None or first.type != "Zone" or first.end > clause_start or first.start - sentence.start > 12:
            return None
        between = [m for m in named if first.end <= m.start and m.end <= clause_start and not self._inside_other(m, sentence)]
        return None if between else self._meant_zone(first)

    def _settles_in_a_place(self, start: int, end: int) -> bool:
        """A verb of settling in [start, end) is followed right away by a place's name (落户某市, 入驻某县…基地), or a
        place after 在 by a verb of building or settling (在某市投资…建设)."""
        text = self.doc.simplified
        places = [p for p in self.doc.mentions if p.type == "Place" and start <= p.start < end]
        # (a district may lie inside the zone: 在某区建设… is left to the zone)
        # (进驻某某广场建设…: a building, named by no zone)
        return any(cue.end() in {p.start for p in places} or _BUILDING_AFTER.match(text, cue.end(), end)
                   for cue in _SETTLE_CUE.finditer(text, start, end)) or any(
            text[p.start - 1 : p.start] == "在" and not p.name.endswith("区") and _BUILDS_AFTER.match(text, p.end, end)
            for p in places)

    def _included_project(self, mention: Mention, sentence: Sentence) -> LocalEntity | None:
        """签约项目包括A某某中心、B某某基地…: an item of a list of signed (landed, brought-in) projects opens with its
        company, whatever the project is called; 签约企业分别为A、B: the companies themselves.  The zone named
        before the list, else the article's zone."""
        text = self.doc.simplified
        # (「: a name in corner quotes after what it is; 包括投资15亿元…的A: the first item, after what it builds)
        described = text[mention.start - 1] == "的" and re.search(r"包括[^，。；、]{0,40}$", text[sentence.start : mention.start])
        if text[mention.start - 1] not in "、，括：:及和为是有「" and not described:
            return None
        stated = [c.start() for c in COMPANIES_STATED.finditer(text, sentence.start, mention.start)
                  if not re.search("[。；]", text[c.start() : mention.start])]
        # (签约项目2个，分别为A和B: the projects counted, then named one by one)
        include = stated[-1] if stated else max(text.rfind(word, sentence.start, mention.start) for word in ("包括", "分别为", "分别是"))
        if include < 0 or re.search("[。；]", text[include : mention.start]):
            return None
        # (分别为: the count it names one by one is the sentence's own, so is the zone before it, not the last sentence's)
        lead = max(0, include - 100) if stated or text.startswith("包括", include) else sentence.start
        if not stated and not _PROJECTS_STATED.search(text, lead, include):
            return None
        zones = [z for z in self.doc.mentions if z.type == "Zone" and id(z) in self.of and lead <= z.start and z.end <= include]
        return self.entity(zones[-1]) if zones else self.main_zone

    def _counterparty(self, mention: Mention, sentence: Sentence) -> bool:
        """A、B等15家企业，分别与X、Y等单位签约: the bodies after 与 are whom the companies sign with."""
        text = self.doc.simplified
        clause_start = max(text.rfind(ch, sentence.start, mention.start) for ch in "，。；") + 1
        joined = text.rfind("与", clause_start, mention.start)
        if joined < 0 or re.search("签约|签署|落户|落地|入驻|投资", text[joined : mention.start]):
            return False
        if self._signing_zone(mention, sentence) is not None:
            return False  # 某新区分别与A、B签订…: the zone signs with the companies, they are no counterparties
        # (其中，先后与A、B等15家央企签约: a clause that opens with 与 signs for a subject named before, not a zone)
        return text.endswith("分别", sentence.start, joined) or bool(
            re.search(r"(?:企业|公司)，?$", text[sentence.start : joined])) or bool(
            re.fullmatch(r"(?:先后|已|已经|还|也|又|共|相继)*", text[clause_start:joined]))

    def _own_project(self, company: LocalEntity, m: Mention, zones: list[Mention], companies: list[Mention],
                     sentence: Sentence) -> bool:
        """A company's own project in a sentence of projects at a stage (签约, 开工, 竣工 …) settles it in the
        zone its clause settles it in (A项目落户Z), else the zone named before it, else the article's zone."""
        text = self.doc.simplified
        project = _OWN_PROJECT.match(text, m.end, sentence.end)
        inside = [c for c in companies if m.end <= c.start < project.end()] if project else []
        # A、B项目: the project is the last company's; A40万吨合成氨、B30万吨二甲醚项目: each item names its own product
        if inside and not re.fullmatch(r"[^、，。；与和及]{2,20}、", text[m.end : inside[0].start]):
            project = None
        # (…项目已进入洽谈阶段，该项目若落地; …等5个项目近期有望签约: a stage only hoped for is no stage reached)
        staged = [v for v in _PROJECT_STAGE.finditer(text, sentence.start, sentence.end)
                  if not _HEDGED.search(text, max(sentence.start, v.start() - 4), v.start())]
        if not (project and staged):
            return False
        clause_start = max(text.rfind(ch, sentence.start, m.start) for ch in "，。；") + 1
        site_end = self._clause_end(project.end(), sentence)
        if (re.match(r"[^，。；]{0,12}?(?:来到|走进|深入|在)", text[max(clause_start, sentence.start) : m.start])
                and re.search(r"(?:现场|工地|车间)$", text[project.end() : site_end])):
            return False  # 来到A…项目施工现场，察看…: a site someone visits, whatever stage the visit urges
        if any(key[0] == id(company) and key[1] == "settledIn" for key in self.found):
            return True  # settled where an earlier sentence said; its project is not a second settling
        clause_end = min([i for i in (text.find(ch, project.end(), sentence.end) for ch in "、，。；") if i >= 0] or [sentence.end])
        settled = re.match(r"[^、，。；]{0,8}?(?:落户|落地|入驻|进驻|签约落户|在)", text[project.end() : clause_end])
        # A在Z投资…的项目 / A项目落户Z: the zone the company's own words name
        named = [z for z in zones if m.end <= z.start and z.end <= project.end() and text[z.start - 1 : z.start] == "在"]
        named += [z for z in zones if project.end() <= z.start and z.end <= clause_end] if settled else []
        # (A…项目在青溪落地: a zone called by the place its name starts with)
        short = re.match(r"[^、，。；]{0,8}?在([\u4e00-\u9fff]{2,4}?)(?:落户|落地|建设)", text[project.end() : clause_end])
        called = self._zone_by_start(short.group(1)) if short and not named else None
        # else the zone the sentence opens with (Z签约项目…，包括A…项目); a park named in a project
        # (A投资20亿元的绿色产业园项目) is what is built, not where
        first_company = min(c.start for c in companies if sentence.start <= c.start)
        before = [z for z in zones if sentence.start <= z.start and z.end <= first_company
                  and not _OWN_PROJECT.match(text, z.end, z.end + 2)]
        target = self.entity(named[0]) if named else called or (self.entity(before[-1]) if before else self.main_zone)
        self.add(company, "settledIn", target, sentence, "pattern:own-project", 0.7,
                 attributes=self._investment(m, companies, sentence))
        return True

    def _investment(self, company: Mention, companies: list[Mention], sentence: Sentence) -> dict[str, object]:
        """amount_yuan and amount_text of the investment stated for ``company``'s project.

        Read from the company's own stretch of the sentence: up to the next company named (another
        list item's amount is not this one's) or the end of the sentence part (；).
        """
        text = self.doc.simplified
        ends = [m.start for m in companies if m.start >= company.end]
        ends += [i for i in (text.find(ch, company.end, sentence.end) for ch in "；。") if i >= 0]
        found = investment_amount(text[company.end : min(ends + [sentence.end])])
        if found is None:
            return {}
        value, start, end = found
        # The text as written in the article (offsets are shared), so it can be found in the evidence.
        return {"amount_yuan": value, "amount_text": self.doc.text[company.end + start : company.end + end]}

    def funds(self, sentence: Sentence) -> None:
        text = self.doc.simplified
        # (开发区两只新设立基金: a count of funds names no one fund)
        funds = [f for f in self.mentions(sentence, "Fund")
                 if not (f.generic and _FUND_COUNT.search(text, max(0, f.start - 12), f.start))]
        # 某基金揭牌。A管理的B基金将出资，C联合D、E共同发起设立。: a verb of setting up together with nothing after it
        # sets up the fund the sentence before named (a fund that puts money in is not what is set up)
        if _JOINT_SETUP_END.search(text, sentence.start, sentence.end) and all(
                _PUTS_IN.match(text, f.end) or re.match(r"(?:将|拟|也将)(?:认缴)?出资", text[f.end : f.end + 5]) for f in funds):
            before = [f for f in self.doc.mentions if f.type == "Fund" and not f.generic and id(f) in self.of
                      and self.doc.sentence_at(f.start).index == sentence.index - 1]
            funds = before[-1:]
        if not funds:
            return
        # 为加快“某基金”落地，X先行建立Y基金: the fund the verb sets up, not one named before it
        set_up = [f for f in funds if not f.generic and _SET_UP_BEFORE.search(text, sentence.start, f.start)]
        # (这只基金由A、B共同发起设立，是…设立的园区基金: the fund 由 names the founders of is the subject; what it is
        # said to be after 是 is its kind)
        if set_up and re.match(r"[”\"」]?(?:是|将|已|则)?由", text[funds[0].end : funds[0].end + 3]) and funds[0] not in set_up:
            set_up = []
        if set_up:
            funds = set_up + [f for f in funds if f not in set_up]
        fund = self.entity(funds[0])
        fund_spans = [(f.start, f.end) for f in funds]
        actors = [
            m for m in self.mentions(sentence, "Organization", "Zone")
            if not any(s <= m.start and m.end <= e for s, e in fund_spans) and not self._inside_other(m, sentence)
        ]
        # a fund's manager is not its partner, unless its own clause says it invests (作为基金管理人参与出资)
        managers = [m for m in actors if re.match(r"(?:作为|担任)(?:基金)?管理人", text[m.end : m.end + 8])
                    and "出资" not in self._clause(m)]
        managers += [m for m in actors if text.startswith(("管理的", "负责管理的"), m.end)]  # A管理的B基金: A runs B
        if not fund.name.endswith("子基金"):
            # 母基金…，其中子基金由A、B牵头组建: who sets up the sub-funds invests in them, not in the parent fund
            managers += [m for m in actors if "子基金" in self._clause(m) and not self._public(m)
                         and not any(f.name in self._clause(m) for f in fund.mentions if not f.generic)]
        founder = None
        for m in actors:
            before = text[max(sentence.start, m.start - 1) : m.start]
            after = text[m.end : m.end + 6]
            if m in managers:
                continue  # 基金由X作为管理人: X runs the fund, it did not set it up
            if _ORGANISES_AFTER.match(text, m.end):
                continue  # 由X主办、某基金赞助的E: X organises the event, it sets no fund up
            if before == "由" or after.startswith("联合") or _SETS_UP.match(after) or _SPONSORS.match(text, m.end) or (
                    after.startswith("与") and self._public(m) and _SETUP_VERB.search(text, m.end, sentence.end)) or (
                    self._public(m) and self._sets_up_alone(m, funds[0], actors)):
                founder = m  # 由X发起; X新设立…基金; X和A公司作为发起人; 开发区管委会与A公司…建立…基金; X决定设立…基金
                break
        # what the verb creates (合作成立了A公司、B公司) is not a partner of the fund
        created = [m for m in actors if re.search(r"(?:成立|组建|设立)了?(?:[^，。；、]{2,20}、)?$", text[sentence.start : m.start])]
        managers += [r.org for r in self.roles if r.org is not None and r.org in actors]  # 某集团党委委员X表示: a speaker's employer
        managers += [m for m in actors if re.match(r"等(?:领域|方面|行业)", text[m.end : m.end + 3])]  # 运营、招商等领域: fields
        partners = [m for m in actors if m is not founder and m not in created + managers and self.entity(m)
                    and self.entity(m).kind not in _NOT_INVESTORS and m.type == "Organization" and not self._public(m)]
        founder_entity = self.entity(founder) if founder else None
        if founder is not None and not self._public(founder):
            # a company that founds a fund is its partner; the fund is the zone's when its name says so
            partners.insert(0, founder)
            founder_entity = self._zone_in_name(fund)
        elif founder is None and partners and re.search("共同组建|共同发起|共同出资|参与组建", text[sentence.start : sentence.end]):
            founder_entity = self._zone_in_name(fund) or self.main_zone
        elif founder is None and _SET_UP_BEFORE.search(text, sentence.start, funds[0].start) \
                and not _SUB_FUNDS.match(text, funds[0].end):
            # 设立1亿元某高新区产业发展基金: the zone its name opens with (先期设立某新区建设基金、…等4支子基金: funds set up
            # under a parent fund, whatever zone their names carry)
            founder_entity = self._zone_in_name(fund)
        # 某区先后设立A基金、B基金和C基金三支引导基金: the funds listed with the first share its founder and partners
        listed = [self.entity(f) for f in self._listed_funds(funds[0], funds)] if _SET_UP_BEFORE.search(
            text, sentence.start, funds[0].start) else []
        if founder_entity:
            self.add(fund, "establishedBy", founder_entity, sentence, "pattern:fund-founder", 0.8)
            if founder is not None and self._public(founder):
                for other in listed:
                    self.add(other, "establishedBy", founder_entity, sentence, "pattern:fund-founder", 0.8)
        if founder is not None:
            # 由A、B共同发起; A与B合作设立; A作为发起人，联合B、C共同出资: the public bodies listed with the founder
            # (由A基金、B管委会和C公司共同出资: a public body listed after investors sets the fund up all the same)
            end = founder.end
            for m in sorted((m for m in actors if m.start >= founder.end), key=lambda m: m.start):
                if not _CO_FOUNDER.fullmatch(text, end, m.start):
                    break
                if self._public(m):  # (a company in the list is a partner, found above)
                    self.add(fund, "establishedBy", self.entity(m), sentence, "pattern:fund-founder", 0.8)
                end = m.end
        # 其中某管委会出资3亿元; 某区政府出资5亿元，与A公司共同设立…基金: a public body that puts its money in sets it up
        for m in actors:
            if m not in managers and self._public(m) and _PUTS_IN.match(text, m.end):
                self.add(fund, "establishedBy", self.entity(m), sentence, "pattern:fund-founder", 0.8)
        if not (founder_entity or founder is not None
                or re.search("出资|组建|合作方|发起|将建设|共同建设|合作设立|共同设立", text[sentence.start : sentence.end])):
            # A与B举行…基金签约仪式 / A与B共建…基金: the parties named before the fund are its partners
            # 五方签订某基金合作协议: 签订 names the fund's own agreement only right before the fund (签订了支持某基金
            # 建设的协议 is the banks' support of it)
            signed = re.search("签约|共建|签署", text[sentence.start : sentence.end]) or re.search(
                r"签订了?[“\"]?$", text[sentence.start : funds[0].start])
            partners = [m for m in partners if m.end <= funds[0].start] if signed else []
        # A旗下的F, B设立的G: a body right before the fund it owns or set up is that fund's, not the first fund's
        owned = {id(m): f for m in actors for f in funds if m.end <= f.start and _OWNS.fullmatch(text, m.end, f.start)}
        for m in actors:
            if id(m) in owned and self.entity(owned[id(m)]) is not fund and m not in managers:
                own = self.entity(owned[id(m)])
                if self._public(m):
                    self.add(own, "establishedBy", self.entity(m), sentence, "pattern:fund-founder", 0.8)
                elif m.type == "Organization":
                    self.add(self.entity(m), "partnerOf", own, sentence, "pattern:fund-partner", 0.8)
        partners = [m for m in partners if id(m) not in owned or self.entity(owned[id(m)]) is fund]
        if partners:
            for m in partners:
                for each in (fund, *listed):
                    self.add(self.entity(m), "partnerOf", each, sentence, "pattern:fund-partner", 0.8)
        scale = text.find("规模", sentence.start, sentence.end)
        amount = amount_yuan(text[scale : min(scale + 16, sentence.end)]) if scale >= 0 else None
        if amount and "amount_yuan" not in fund.attributes:
            fund.attributes["amount_yuan"], fund.attributes["amount_text"] = amount

    def _listed_funds(self, first: Mention, funds: list[Mention]) -> list[Mention]:
        """The funds named in one list after ``first`` (A基金、B基金和C基金), each joined to the one before."""
        text = self.doc.simplified
        listed, end = [], first.end
        for f in sorted((f for f in funds if f.start >= first.end and not f.generic), key=lambda f: f.start):
            if not re.fullmatch(r"[”\"」]?(?:[、和及与]|以及)[“\"「]?", text[end : f.start]):
                break
            if self.entity(f) is not self.entity(first) and not f.name.endswith("子基金"):
                listed.append(f)  # (母基金和专项子基金: the sub-funds are set up under the parent, by others)
            end = f.end
        return listed

    def _sets_up_alone(self, body: Mention, fund: Mention, actors: list[Mention]) -> bool:
        """某区政府…决定设立…基金: the body's own verb of setting up comes before the fund; the only bodies between
        are listed with it (某管委会、A公司、B公司签署了《设立某基金备忘录》)."""
        text = self.doc.simplified
        if not body.end <= fund.start:
            return False
        end = body.end
        for m in sorted((m for m in actors if body.end <= m.start < fund.start), key=lambda m: m.start):
            if text[end : m.start] not in ("、", "和", "与", "及"):
                return False
            end = m.end
        return bool(_SET_UP_BEFORE.search(text, end, fund.start))

    def _public(self, mention: Mention) -> bool:
        """A zone, a zone's administration or a government body: who establishes a fund rather than invests."""
        e = self.entity(mention)
        return e is not None and (e.type == "Zone" or e.kind == "GovernmentBody" or e.name.endswith(ADMIN_SUFFIXES)
                                  or bool(_GOVERNMENT_NAME.search(to_simplified(e.name))))

    def _zone_in_name(self, fund: LocalEntity) -> LocalEntity | None:
        """The zone a fund's name starts with (某新区产业投资基金), if the text names that zone."""
        # (重庆某州区某新区…基金: the zone may follow the places its name opens with)
        names = (fund.name, *strip_leading_places(fund.name))
        for zone in (e for e in self.entities if e.type == "Zone"):
            forms = {f for n in (zone.name, *zone.aliases) for f in (n, *zone_forms(n)) if len(f) >= 3}
            forms |= {f[:-1] for f in forms if len(f) >= 5 and f.endswith("区")}  # 某某综保基金 of 某某综保区
            if any(name.startswith(f) for name in names for f in forms):
                return zone
        return None

    def located(self) -> None:
        from kg.extract.relations_located import located_relations

        located_relations(self)

    def focus(self) -> None:
        from kg.extract.relations_focus import focus_relations

        focus_relations(self)


#: A list of bodies closed by their people (A、B等国内外高校专家, 等创新型企业领军人物): the people attend.
#: (A、B等80余家企业的高管: a company's executives represent it, as 相关负责人 do, and the company attends)
#: The verb of attending that the people sent by a list of bodies take (来自A、B等高校的专家学者参加了本次研讨会)
_SENT_TO_ATTEND = re.compile(r"[^。；]{0,60}?(?:出席|参加|参会|与会)")
_THEIR_PEOPLE = re.compile(r"等[^，。；]{0,14}?(?:教授|专家|学者|院士|领军人物|知名人士|企业家|科学家)")
#: An edition or a year that opens an event's name (第十一届, 首届, 2024年)
_NUMBERED = re.compile(ORDINAL + r"|\d{4}年?")
#: An event's own holding verb right after its name (在某地隆重举行), not a date counted from its opening (开幕首日).
#: (在E举办前夕，E2在上海举行: a verb followed by a word of time dates the other event, it holds nothing here)
# (「E」于15日假某饭店隆重登场: a quoted name's closing mark first; 登场 as Taiwan news writes it)
_HELD_HERE = re.compile(r"[”」\"』]?(?:[于在][^，。；]{1,25}?)?(?:隆重|正式|顺利|成功|盛大)?(?:举行|召开|开幕|举办|启幕|拉开帷幕|拉开序幕|登场)"
                        r"(?![第首当次]|前夕|之际|期间|之前|前|以来|之后|后)")
#: A verb of hosting right after a body, the event it qualifies after it (在X举办的E上).
_HOSTS_NEXT = re.compile(r"(?:联合|共同)?(?:举办|主办|承办)的")
#: A list of bodies after 由 closed by 举办 (由A、B和C共同举办，旨在…): who organises.
_BY_HOLDS = re.compile(r"(?<![自理经缘])由[^，。；]{2,80}举办(?!的)")
#: A holding verb right before an event's name (举办“E”, 举行了E): the event it holds.
_HOLDS_NEXT = re.compile(r"(?:举行|举办|召开)了?[“「\"]?$")
#: An event introduced as a session held within another (作为E平行论坛，…; 作为E的配套活动之一，…).
#: (作为大会专场活动之一的“E2”，…举行: the session named right after 之一的)
_SESSION_OF = re.compile(r"作为[^，。；]{2,40}?(?:平行论坛|分论坛|专题论坛|分会场|分会|配套活动|重要活动|专场活动|专场)"
                         r"(?:之一)?(?:[，,]|的[“「\"]?)$")
#: Heads of an association's name: a zone before one opens the association's name, no venue (held_in).
_ASSOCIATIONS = ("同业公会", "公会", "协会", "商会", "学会", "联合会")
#: 某市委、市政府 before the verb: the committee's government, named by its kind alone.
_ELIDED_GOVERNMENT = re.compile(r"[、和及](?:省|市|区|县|自治区)?(?:人民)?政府\Z")
#: A day or a time of day right before a verb (27日召开, 今日下午举办).
_DAY_BEFORE = re.compile(r"(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?\Z|(?:今日|今天|昨日|昨天)(?:上午|下午|晚上|晚)?\Z")
#: Where an event is held, between its host and the verb (在深圳, 于某酒店), an adverb after it (在某地隆重举行)
_VENUE_BEFORE = re.compile(r"(?:在|于)[^，。；、由的和与及]{1,24}?(?:隆重|正式|成功|顺利|盛大)?\Z")
#: Parties signing with each other (A与B签订, 同B签署): a signing act, not a signing ceremony named
_SIGNED_WITH = re.compile(r"(?:与|同(?![步时样期]))[^，。；]{1,40}?(?:签订|签署|签约)")
#: A ceremony's act its guests perform together or witness (A、B等人一同压上手印, 共同为…揭牌, 见证签约): who does it is there.
_CEREMONY_ACTS = re.compile(r"等人?[，,]?(?:一同|一起|共同)|见证[^，。；]{0,12}签")
#: A signing told as done before the event reported (今年以来先后与A签约, 此前已与B签署, 去年签订).
#: (a date of its own, 10月9日与A签署, 今年3月, 近日: another day's signing, not the event's)
# (此外，A与B签订…: an aside, told besides the event, not at it)
_SIGNED_EARLIER = re.compile(r"以来|此前|之前|去年|前期|先后|相继|累计|近年|曾经?与|已于|公开资料|\d{1,2}月|\d{1,2}日|\d{4}年"
                             r"|今年|近日|近期|昨天|昨日|同日|当日|日前|此外|另外")
#: A byline's role right before a name (〔记者某某/某地报导〕, 通讯员某某): who wrote the story, not who was there.
_BYLINE = re.compile(r"(?:记者|通讯员|摄影|(?<![总主副])编辑|撰稿)[ 　]?$")
#: The credit that closes a photo's caption (（某某提供）, (记者某某摄), 供图 某某).
_CAPTION_CREDIT = re.compile(r"[（(][^（()）\n]{0,30}(?:提供|摄|供图)[)）]$")
#: A verb of holding right before an event's name, its theme (主题为“…”的, 以“…”为主题的) between if any.
_HOLDS_BEFORE = re.compile(r"(?:举行|举办|召开|开幕|启幕|开展)(?:了|的)?(?:(?:主题为|以)[“「\"][^。；”」\"]{1,40}[”」\"](?:为主题)?的)?[“「\"]?$")
#: 作 of giving a talk (作了题为…的报告, 作主旨演讲), not the 作 of 合作, 工作, 作为.
_GIVES_A_TALK = re.compile(r"作(?:了)?(?:题为|主旨|专题|大会|重要|报告|讲话|发言|演讲|介绍|点评|总结|交流|分享|推介|动员|部署|《)")
#: What the people a body sends do at the event, besides attending (A相关领导分别致辞).
_SPEAKS = re.compile(r"致辞|致词|讲话|发言|演讲|作报告|主持")
#: A label that lists an event's organisers (主办单位：, 承办方为, 主办单位是)
_ORGANISER_LABEL = re.compile(r"(?:主办|承办)(?:单位|方)(?:[:：]|为|是)[ 　]*")
#: A date or a time of day that may open a clause (近日, 11月5日, 今日下午).
_TIME_BEFORE = re.compile(r"(?:\d{1,2}月\d{1,2}日|今日|今天|昨日|昨天|近日|日前)?(?:上午|下午|晚上)?\Z")
#: A joiner of two names in a list, after an aside in brackets on the first (A(以下简称“中心”)与B).
_JOINED_BEFORE = re.compile(r"(?:[(（][^()（）]{0,20}[)）])?[与和、及]$")
#: Where a clause sets its scene after an event's name (E上, E开幕式上, E期间, E现场).
_SCENE_AFTER = re.compile(r"[”」\"]?(?:开幕式|闭幕式|开幕仪式|启动仪式|主论坛|大会)?(?:上|期间|现场)")
#: An event that is a tour (院士专家某地行, 某某行活动, 走进某地): its people visit places.
_TOUR = re.compile(r"行(?:活动)?[”」\"]?(?:活动)?$|走进")
#: What the people of a tour do (走访, 考察, 深入, 调研).
_TOUR_ACTS = re.compile(r"走访|考察|深入|调研|参观")
#: A verb of visiting right before a list of places or bodies (先后深入, 考察了, 实地走访): what is visited.
_VISIT_BEFORE = re.compile(r"(?:考察|深入|走访|访问|拜访|参观|察看|视察|调研)(?:了|调研了?)?$")
#: A sentence set at the event being reported (会上，…; 推介会现场，…).
#: (某网1月10日讯(记者某某) 10日，在北京召开的某某会议上，…: a dateline and a day may open the sentence before its setting)
_AT_THE_EVENT = re.compile(r"(?:[^，。；\n]{0,30}?\d{1,2}日[，,])?(?:"
                           r"(?:在)?(?:会上|会议上|大会上|论坛上|活动上|活动中|活动现场|推介会上|推介会现场|签约仪式上|仪式上|现场)[，,]"
                           # 投资推介会现场，…; 在签约仪式上，…: the reported event's head before 上 or 现场
                           r"|(?:在)?[^，。；\n]{0,30}?(?:会议|会|论坛|峰会|仪式|典礼|开幕式|闭幕式)(?:上|现场)[，,]"
                           r"|(?:在)?[^，。；\n]{0,8}?环节[，,])")  # 在签约环节，…
#: What a party does at an event, in its own clause or the next one (签订, 签署, 介绍, 推介, 发布, 展示).
_PARTY_ACTS = re.compile(r"[^。；]{0,40}?(?:签订|签署|签约|介绍|推介|发布|展示|路演|通报|汇报)")
#: An event named as a guide to follow (贯彻“E”精神, 落实E部署): the verb before its name, the guidance after it.
_CARRIED_OUT_BEFORE = re.compile(r"(?:贯彻|落实|学习|领会)(?:好|了)?[“「\"]?$")
_GUIDANCE_AFTER = re.compile(r"[”」\"]?(?:精神|部署|要求)")
#: 贯彻落实某某总书记重要讲话精神, 牢记某某总书记的嘱托: a leader whose words are cited, not one who is there.
_CITED_BEFORE = re.compile(r"(?:落实|贯彻|学习|坚持|牢记|按照|遵循|遵照|践行|领会|根据)$")
#: (在某某主席共建“某某”的倡议下: a leader's initiative cited, the leader not there)
_CITED_AFTER = re.compile(r"[^，。；]{0,4}?(?:重要讲话|重要指示|重要论述|指示精神|讲话精神|新时代|思想|嘱托|殷殷)"
                          r"|[^，。；]{0,20}?倡议(?:下|指引下)")
#: A list of people closed by their escorting a visit (等陪同。; 全程陪同; 分别陪同考察), not by attending.
_ESCORTS = re.compile(r"(?:等|全程|分别|一同|一起)?陪同(?:考察|调研|参观|视察|走访)?[。；;]?$")
#: A person's own act between the name and a later verb of escorting (带领, 深入, 出席 …): not one of the escorts.
_OWN_ACT = re.compile(r"带领|率领|率队|深入|开展|举行|举办|出席|参加|考察|调研|致辞|讲话|表示|介绍")
#: A person's own clause that speaks to the press (对记者表示, 接受采访时透露, 接受了记者专访): an interview, not the event.
_TO_THE_PRESS = re.compile(r"[^，。；]{0,10}?(?:对|向|接受|在接受)[^，。；]{0,8}?(?:记者|采访|专访)")
#: An interview given at the event's side (在签约仪式后, 会议间隙, 论坛期间): the person was there.
_AT_THE_EVENTS_SIDE = re.compile(r"(?:仪式|会|会议|活动|论坛|峰会|典礼|博览会)(?:后|间隙|期间|现场|上)")
#: A fact the writer sources to a person (据某某介绍, 据某某透露): said to the press, not at the event.
_SOURCED_BEFORE = re.compile(r"(?<![根依])据[^，。；]{0,40}$")
_SOURCE_VERB = re.compile(r"[^，。；]{0,4}?(?:介绍|透露|说|称|表示|指出)")
#: Reported speech opens (他说：…): the persons named inside it are spoken of, not present.
_SPEECH_OPENS = re.compile(r"(?:说|表示|指出|提到|强调)[:：]")
#: The office of an event (某洽谈会办公室, 某博览会组委会) is a body, not the event.
_EVENT_OFFICES = ("办公室", "组委会", "秘书处", "执委会")
_LEGAL_ENDINGS = ("有限公司", "有限责任公司", "股份有限公司", "集团公司")
_NOT_SETTLING = ("GovernmentBody", "Media", "Alliance")
#: Universities, academies and associations mostly sign as partners; one settles only where a project list names it
#: or its own clause has a verb of settling or building (由某科学院在某园区投资建设…; 签约项目…分别为某大学和…).
_INSTITUTIONS = ("University", "Academy", "Association")
_INSTITUTION_SETTLES = re.compile(r"[^，。；]{0,12}?(?:落户|入驻|进驻|在[^，。；]{2,20}?(?:投资)?(?:建设|设立|注册|落户|落地))")
#: The heads of a zone's own offices (某高新区企业服务中心, 某新区投促局).
_OFFICE_ENDINGS = ("服务中心", "促进中心", "投促中心", "办公室", "局", "服务站")
#: Party committees and governments (哈尔滨市委, 某区政府) govern a zone; they do not settle in it.
_PUBLIC_ENDINGS = ("市委", "区委", "县委", "省委", "党委", "工委", "政府", "管委会", "管理委员会")


def _academy_honour(academy: str, title: str) -> str:
    """中国科学院院士 -> CASAcademician, 中国工程院院士 -> CAEAcademician, any 外籍院士 or member of a
    foreign academy -> ForeignAcademician (the academy gazetteer says which honour an academy confers)."""
    known = next(filter(None, map(academy_of_unit, (academy, *strip_leading_places(academy)))), None)
    if "外籍" in title:
        return known.foreign_honor if known else "ForeignAcademician"
    if known and known.member_honor:
        return known.member_honor
    return "ForeignAcademician"
