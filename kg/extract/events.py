"""Events: the full noun phrase before an event head (论坛, 峰会, 签约仪式 …).

The phrase may carry a year (2024), an edition (首届, 第二届), a zone or place
prefix, a theme in quotes and a joined second event (成立大会暨第一次会员大会).
A head with nothing distinctive before it (峰会, 本次研讨会) is a generic
mention that coreference points at the event being reported.
"""

from __future__ import annotations

import re

from kg.extract.boundary import is_name_char, run_start, title_words
from kg.extract.document import Document, Mention, tokens, word_tags
from kg.extract.gazetteers import lookup_place
from kg.extract.industries import field_ends_at
from kg.extract.lexicon import EVENT_DESCRIPTORS, EVENT_HEADS, EVENT_SESSIONS, EVENT_SUBPARTS, GENERIC_PREFIXES
from kg.extract.script import to_simplified

#: An edition ordinal (第十一届, 首届): the pattern every numbered-event cue is built on
ORDINAL = r"(?:第[一二三四五六七八九十百\d]+届|首届)"
# A day of project milestones (集中签约、开工、竣工活动): the milestones listed before 活动 are part of its head.
_MILESTONE = "(?:签约|开工|竣工|投产|开业|奠基|揭牌|落地)"
# A quoted theme followed by 活动 names an event (“院士专家行”活动, “科学与中国”20周年院士进吉林活动); a bare 活动 never does.
# 某某项目签约开工暨某某联盟成立仪式, 某某行动暨某某项目集中签约: a ceremony of any act, or a day of signings, that 暨 joins
# to a first act is one named event (alone, 成立仪式 or 集中签约 is the guide's unnamed ceremony)
_JOINED_ONLY = ("仪式", "集中签约")


def _alternatives(words) -> str:
    """A regex alternation of the words, longest first (so 高峰论坛 wins over 论坛)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_HEAD_RE = re.compile(f"{_MILESTONE}(?:[、和及]{_MILESTONE})+活动|"
                      + _alternatives(EVENT_HEADS) + f"|活动|仪式|集中签约(?!仪式|活动|[、和及]{_MILESTONE})")
# “X”招商活动, “X”主题活动: a kind of campaign after the slogan, no event's own name
# 第七届某某交流合作活动: an activity with an edition is a named event of a series
_NUMBERED_ACTIVITY = re.compile(ORDINAL + r"[^，。；、“”「」\s]{2,20}$")
_CAMPAIGN_KINDS = ("招商", "宣传", "主题", "专项", "系列", "公益", "培训", "实践")
_QUOTED_THEME = re.compile(r"[”」][^，。；、“”「」\s]{0,12}$")
# 由某大学主办的“某某行”系列活动, “某某行”系列活动在杭州开幕: a series of activities that someone holds is an event
# (a campaign's series is only carried out: 开展“某某”系列活动)
_HELD_BY_BEFORE = re.compile(r"(?:主办|承办|举办|举行)的$")
_HELD_AFTER_SERIES = re.compile(r"(?:在[^，。；、]{2,24}?)?(?:隆重|正式|顺利)?(?:举行|举办|开幕|启幕|拉开帷幕)"
                                r"|[”」]?[，,]?是?由[^。；]{2,30}?(?:主办|承办|举办)")
_MILESTONE_BEFORE = re.compile(f"集中{_MILESTONE}$")
# 开展“全员招商年”活动, 深入开展“X”活动: a campaign carried out under a slogan, not a named event (the guide's negatives).
_CAMPAIGN_VERB = re.compile(r"(?:开展|实施|推进|推动|启动)(?:了)?$")
# 系列新闻发布会(第二场), 系列新闻发布会第十场: the session of a series, part of the name
# 某基金设立大会暨第一次投委会: the first sitting of a body (投委会, 理事会) joined by 暨 is part of the one event
_JOINED_SITTING = re.compile(r"暨(?:第[一二三四五六七八九十\d]+次|首次)[\u4e00-\u9fff]{1,5}?会")
# 暨 and a short second meeting ending in 会, its name closed by a clause mark, a date or a holding verb (…暨政策解读会9日在…)
_JOINED_MEETING = re.compile(r"暨[\u4e00-\u9fff]{2,8}?会(?=[，。；、,\s(（]|\d|在|于|举行|举办|召开|上|期间|现场|$)")
# 某某会暨某管委会, 暨某商会: a body's name ends in 会 as well
_BODY_ENDINGS = ("委会", "协会", "商会", "学会", "工会", "基金会", "联合会", "促进会", "研究会", "理事会", "董事会", "委员会", "议会", "联谊会", "总会", "分会")
_SESSION = re.compile(r"([(（])?第([一二三四五六七八九十\d]+)场(?(1)[)）])")
# Ceremonies that are no event of their own when they follow a named event (某某博览会签约仪式 is held at the fair).
_CEREMONIES = ("签约仪式", "开工仪式", "揭牌仪式", "启动仪式")
_QUOTES = "“”\"《》「」"
# 2024某某论坛“某某主题”平行论坛: a session named by its event and its own quoted theme is an event of its own.
_THEMED_SESSION = re.compile(r"(论坛|大会|峰会|博览会|年会)[“「][^“”「」。；]{2,40}[”」](?:平行|分|专题)$")
_QUOTE_PAIRS = (("“", "”"), ("「", "」"))
_JOINED_DASH = "—"  # 中国—东盟博览会: a dash between two names inside one event name
# Heads of events whose launch is a ceremony of its own name (某某活动周启动仪式, 某某大赛启动仪式)
_LAUNCHED_HEADS = tuple(h for h in EVENT_HEADS if h not in _CEREMONIES and not h.endswith(("仪式", "典礼")))
_NAME_SIGNS = "°•"
# 第二届“某某周”合作项目签约仪式: an edition with a quoted name before a ceremony names the event the ceremony is held at
_QUOTED_EDITION = re.compile(r"(?:\d{4}年?度?)?" + ORDINAL + r"[“「][^“”「」，。；]{2,20}[”」](?!暨)")
# Ceremonies and activities held at a quoted event (第十届“某某”活动, 第二届“某某周”合作项目签约仪式): the quoted words
# name the series; a meeting's head after the quote (“某某”文化与产业发展研讨会) continues its name instead
_HELD_AT_EVENTS = ("活动", "仪式", "典礼", "开幕式")
# A quoted sentence (it ends with its own ！, ？ or 。) is someone's words, never an event's theme
_SPOKEN = re.compile(r"[“「][^“”「」]*[!！?？。][”」]")  # 凤鸣60°创新论坛, 中国•某市…: signs written inside event names
# Verbs of leaning on an event that the segmenter tags otherwise (借力 as a noun, 乘著 split)
_LEADING_VERBS = ("借力", "借助", "乘着", "乘著", "依托", "利用", "抓住", "贯彻落实", "贯彻", "学习贯彻")
# A year written right after the head belongs to the name (某某论坛2025, 某某论坛(2025)), unless it starts a date (论坛2025年)
# (某某论坛 2025: a year after a space, as Hong Kong names an edition)
_TRAILING_YEAR = re.compile(r"(?: (?=(?:19|20)\d\d[（(，,。；\s]))?\d{4}(?![\d年])|[(（](?:19|20)\d\d年?[)）]")
# 及 / 和 before an edition or a year starts a second event (…会议及第七届…年会): the left edge of the second
_SECOND_EVENT = re.compile(ORDINAL + r"|\d{4}")
# A verb right before an edition, a year or a name in Latin letters (处于G20峰会) governs the name after it
_GOVERNED_START = re.compile(ORDINAL + r"|\d{4}|[A-Z]")
# Words at which an event name's left edge stops (verbs of holding, prepositions, determiners).
_STOPS = frozenset(
    """在 由 于 举办 举行 召开 开幕 参加 出席 的 了 是 为 将 也 还 已 并 等 对 向 从 以 经 据 把 被 让 同 跟 到 赴
    来 去 又 再 本 本次 本届 此次 这次 该 上 期间 今年 去年 目前 日前 近日 其中 作为 通过 获评 入选 接连 先后 组织
    邀请 出席 主持 亮相 开展 围绕 设置 相比 同步 场外 现场 两场 一场 系列 继 依托 参与 做好 承接 亲临 办理 担任
    实行 希望 正在 偕 一次 前 改为 今次 今届 对标 及 参观 观看 一起 应邀 应邀参加 应邀出席 受邀 受邀参加 受邀出席 包括
    今日 今天 昨日 昨天 明天 当天 当日 办好 莅临 称 承办 主办 协办""".split()
)
# Words that describe a meeting without naming it (工作会议, 小型招聘会, 新闻发布会): a prefix made of them is generic
_DESCRIPTIVE = frozenset("""工作 专题 国际 学术 合作 大型 小型 闭门 重要 投资 新闻 招商 专场 集中 项目 重点 现场 线上 线下 年度
    部署 相关 各种 各类 高端 顶级 名牌 全体""".split())
_DETERMINERS = ("该", "本", "此", "这", "其", "各", "上届", "下届", "历届", "每届", "首届", "本届", "今届", "今次", "往届", "相关", "有关",
                "各类", "多个", "多场", "一系列", "此类", "同类", "一场", "两场")
_COUNTED = re.compile(r"(?:[一两几那每]|多)(?:场|次|个|届|项|类)(?:的)?$|(?:[这该本此今]|多)(?:场|个|项|类)(?:的)?$")
# (本届京港洽谈会, 这次某某论坛: pointed at but named; a bare or merely described head stays generic by its length)
_YEAR = re.compile(r"^(?:\d{4}年?度?)")
_EDITIONS_COUNTED = re.compile(r"[两几多数]届")
_COUNTED_EDITIONS = re.compile(r"[一二三四五六七八九十两几多数\d]+届")
# (after a verb of holding or counting: 对十一届某某博览会, 自治区十二届人大 name one edition or term)
_COUNTING_VERB = re.compile(r"(?:举办|承办|主办|召开|举行|连续|累计|已|共)$")
EDITION = re.compile(r"^(?:\d{4}年?度?)?(第([一二三四五六七八九十百\d]+)届|首届)")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


# 2月11日，某某经开区对标某地规则改革工作推进会召开。: a name that is the subject of its own holding verb,
# right after the date, takes the whole clause (the left walk stops at a preposition-like word inside it)
# (化工、冶金…学部与某高新区2005年院士专家座谈会在北京某宾馆举行: also with the venue between)
_HELD_AFTER = re.compile(r"(?:在[^，。；、]{2,24}?)?(?:隆重|正式|顺利|圆满)?(?:召开|举行|举办|开幕|启幕|拉开帷幕|拉开序幕)[。，；]")
_DATE_CLAUSE = re.compile(r"(?:\d{1,2}月\d{1,2}日|日前|近日)(?:上午|下午|晚上|晚)?[，,]$")
_NOT_IN_SUBJECT = frozenset("在 由 于 的 了 将 举办 召开 举行 主办 承办 与 和 及 暨 等 在此 期间".split())
_VENUE_WORDS = ("中心", "大厦", "大楼", "厅", "室", "馆", "场")
# 某某洽谈会办公室: the event's standing office is an organisation, the event inside its name no mention of its own
_OFFICE_WORDS = ("办公室", "秘书处")
# 某某产业园区协议签约仪式: the signing of an agreement is an unnamed ceremony (the guide's ignore), the agreement no event
_AGREEMENTS = ("协议", "合同", "备忘录")
# 某区与某区科技合作对接暨合作协议签约仪式: the signing joined by 暨 to a named meeting is the second part of its name
_JOINED_AGREEMENT = re.compile(r"暨[^，。；、“”]{0,4}(?:协议|合同|备忘录)$")
# 某某博览会开幕式暨某某论坛: the opening of one event joined to a second one
_OPENINGS = ("开幕式", "开幕仪式", "开幕大会")
# 高校及科研院所专场对接会: 及 between two kinds of body lists the audience the event is named for
_BODY_KINDS = ("高校", "院校", "大学", "科研院所", "院所", "科研机构", "机构", "企业", "医院")


_PLAN_WORDS = ("框架", "方案", "体系")


def find_events(doc: Document) -> list[Mention]:
    text = doc.simplified
    found: list[Mention] = []
    for match in _HEAD_RE.finditer(text):
        head_start, end = match.span()
        numbered_activity = (match.group() == "活动" and _NUMBERED_ACTIVITY.search(text, max(0, head_start - 26), head_start)
                             and not text.endswith(EVENT_HEADS, 0, head_start))  # (某某论坛活动: the forum is the event)
        tour = match.group() == "活动" and _tour_before(text, head_start)
        if tour:
            end = head_start  # 参加了院士某市行活动: a tour to a place is named, 活动 is what it is (as “某某行”活动)
        elif match.group() == "活动" and not numbered_activity:
            theme = _QUOTED_THEME.search(text, max(0, head_start - 14), head_start)
            held = _held_series(text, head_start, end)
            if held and not theme:
                head_start -= len("系列")  # 某某高校科创人才系列活动举行: the name is walked from before 系列
            elif not theme or theme.group()[1:] in _CAMPAIGN_KINDS and not held:
                continue  # 各类活动; “走出去，请进来”招商活动: a campaign under a slogan
            if theme and theme.end() - theme.start() == 1 and re.search(r"[“「][^“”「」]{0,2}$", text[max(0, head_start - 4) : head_start - 1]):
                continue  # 成为“常态”活动: a word in quotes, no event's name
        if text.endswith("会", 0, end) and text[end : end + 1] == "议":  # 咨询会议: the head is 会议, not 咨询会
            end += 1
        if text.endswith("展", 0, end) and text.startswith(("交会", "销会", "览会"), end):
            end += 2  # 科技成果展交会, 特产展销会: the head is longer than 成果展
        year = _TRAILING_YEAR.match(text, end)
        end = year.end() if year else end
        session = _SESSION.match(text, end)
        end = session.end() if session else end
        sitting = _JOINED_SITTING.match(text, end)
        if sitting and not sitting.group().endswith(EVENT_HEADS) and not text.startswith("会议", sitting.end() - 1):
            end = sitting.end()
        second = _JOINED_MEETING.match(text, end)
        if second and not _HEAD_RE.search(second.group()) and not second.group().endswith(_BODY_ENDINGS):
            end = second.end()  # 某某推介会暨政策解读会: a second meeting of a kind no head lists, joined by 暨, is part of the name
        themed = _THEMED_SESSION.search(text, max(0, head_start - 60), head_start)
        # (“某某与某某”专题论坛: a sub-forum under a quoted theme of its own is named, an event of its own)
        subpart = next((part for part in EVENT_SUBPARTS if text.endswith(part, 0, end)), None)
        if subpart and "暨" not in text[max(0, head_start - 12) : head_start] and not themed \
                and text[end - len(subpart) - 1 : end - len(subpart)] not in ("”", "」"):
            continue
        if text.startswith(_VENUE_WORDS + _OFFICE_WORDS, end):
            continue  # 国际会议中心, 会展中心, 分会场: a venue, not an event
        if _word_runs_on(text, end):
            continue  # 国会议员, 招商引资百日大会战: the head's characters end inside a longer word
        if match.group() == "活动" and text.startswith(_PLAN_WORDS, end):
            continue  # “1+N”活动框架, “某某月”活动方案: the plan of a campaign's events (在某论坛框架下: the forum is one)
        if match.group() == "签约仪式" and text.endswith(_AGREEMENTS, 0, head_start - (text[head_start - 1] == "》")) \
                and not _JOINED_AGREEMENT.search(text, max(0, head_start - 8), head_start):
            continue  # (《某某战略合作协议》签约仪式: the agreement's title in book quotes)
        start = _subject_start(text, _left(text, head_start), end)
        if match.group() in _JOINED_ONLY and (not re.search(r"[\u4e00-\u9fff]{2}暨[^“”「」]{2}", text[start:head_start])
                                              or match.group() == "仪式" and head_start - text.rfind("暨", start, head_start) < 3):
            continue  # (no first act joined before it: an unnamed ceremony)
        while 0 < start < head_start and text[start - 1].isdigit() and text[start].isdigit():
            start -= 1  # (a long name cut at its length inside the year it opens with: 2008某某…推介会暨某某节)
        start = _unopened_bracket_end(text, _quoted_start(text, start, head_start), head_start)
        dated = _LEADING_DATE.match(text, start, head_start)
        if dated and head_start - dated.end() >= 2:
            start = dated.end()  # 4月7日某某推介会举行: the day it is held, glued on where the segmenter ran it into the name
        while start < head_start and text[start] in "—–－-~～ ":
            start += 1  # 主标题 ——某某论坛在京举行: a subtitle's dash is not part of the name
        start = _closed_quote_start(text, start, head_start, end)
        spoken = _SPOKEN.match(text, start, head_start)
        if spoken:
            start = spoken.end()  # “去年的大会特别成功！”论坛开幕前夕: a quoted exclamation before the head is speech
        parent = themed and next((m for m in found if m.end == themed.start() + len(themed.group(1))), None)
        if parent:
            start = parent.start  # (the session's name opens with its event's: 2024某某论坛“某某”平行论坛)
        end = _quoted_end(text, start, end)
        name = _clean(text[start:end])
        if match.group() == "活动" and text[start : start + 1] in ("“", "「") and text[head_start - 1] in ("”", "」") \
                and not any(mark in text[start + 1 : head_start - 1] for mark in "“”「」"):
            name = _clean(text[start + 1 : head_start - 1])  # “2019某某创新日”活动: the quoted words are the event's name
        prefix = _clean(text[start:head_start])
        core = EDITION.sub("", prefix)
        core_words = tokens(core)
        named = "".join(t for t in core_words if t not in _DESCRIPTIVE)
        generic = len(re.sub(r"[\d年度]", "", named)) < 2 or core.startswith(_DETERMINERS) or prefix.endswith("类")
        generic = generic or bool(re.match(r"\d+[场次个]", core))  # 2场闭门研讨会
        # 峰会论坛, 论坛全体会议: a kind of meeting before another (or a session of it), no name
        generic = generic or prefix in EVENT_HEADS or named in EVENT_HEADS
        # 介绍论坛, 成为展会: a verb alone before the head says what is done with the event, no name
        generic = generic or len(core_words) == 1 and word_tags().get(core_words[0]) == "v"
        # 举办…论坛：A、B、C — a head that introduces a list names the category, not an event
        generic = generic or text[end : end + 1] in ("：", ":") and "、" in text[end : end + 60]
        # 一场国际生物医药论坛, 这次论坛: a counted or pointed-at event is a reference, not a name
        generic = generic or bool(_COUNTED.search(text, max(0, start - 3), start))
        # 2006年、2007年两届某某推介会: editions counted, not one of them named
        generic = generic or bool(_EDITIONS_COUNTED.search(prefix))
        # A、B等重要基金会揭牌仪式: after 等 the words name the kind of the things listed, not an event
        generic = generic or text[start - 1 : start] == "等"
        if match.group() == "活动" and not tour and _CAMPAIGN_VERB.search(text, max(0, start - 6), start):
            continue  # 深入开展“X”活动: a slogan campaign
        ceremony = match.group() in _CEREMONIES or match.group() == "活动" and text.endswith(_CEREMONIES, 0, head_start)
        launched = text[start:head_start].rpartition("暨")[2]
        quoted_edition = _QUOTED_EDITION.match(text, start, head_start)
        if ceremony and not generic and quoted_edition:
            found.append(doc.add(Mention(start, quoted_edition.end(), "Event", "Event", "pattern:event-head", 0.85,
                                         name=quoted_edition.group())))
            continue  # 第二届“某某周”合作项目签约仪式: the ceremony is held at the quoted edition, the event named
        if ceremony and not generic and (_names_event(text[start:head_start]) or launched != text[start:head_start]
                                         and any(mark in launched for mark in "“「")):
            continue  # 第某届某某博览会签约仪式, 某某招聘会暨“某某”启动仪式: a ceremony of the event named before it
        if match.group() == "启动仪式" and not generic and text.endswith(_LAUNCHED_HEADS, start, head_start):
            continue  # 某省科技活动周启动仪式: the launch of the event named before it (the guide's unnamed ceremony)
        if generic:
            start = head_start if not prefix.startswith(GENERIC_PREFIXES) else start
        mention = Mention(start, end, "Event", _kind(match.group()), "pattern:event-head", 0.85, name=name, generic=generic)
        found.append(doc.add(mention))
    found += _held_quotes(doc, found)
    found += _short_forms(doc, found)
    _apposition(text, found)
    found = _join(doc, found)
    _contained(found)
    return found


# 进博会, 兰洽会, 广交会: a fair's short name, one character of its name before the short head
_SHORT_FORM = re.compile(r"([\u4e00-\u9fff])(博会|洽会|交会)")
# what each short head stands for (兰洽会 for 兰州投资贸易洽谈会)
_SHORT_HEADS = {"博会": "博览会", "洽会": "洽谈会", "交会": "交易会"}
# 第18届中国(重庆)某洽会: the country and a bracketed place may stand between the edition and the short form;
# 2016某博会, 2018年某博会: a year alone before it names that year's fair
_EDITION_BEFORE = re.compile(r"(?<!\d)(?:\d{4}年?)?" + ORDINAL + r"(?:中国)?(?:[(（][^()（）]{1,8}[)）])?$|(?<!\d)\d{4}年?$")

# 第25届某创周, 第三届某台会: an edition before a short name of two characters and 会 or 周 names an event of that series
# (not before 议, 场, 年, 长, 员: 某某会议, 会场, 周年, 会长, 会员)
_NUMBERED_SHORT = re.compile(r"(?<!\d)(?:\d{4}年?)?" + ORDINAL + r"([\u4e00-\u9fff]{2}[会周])(?![议场年长员])")
# 第三届理事会, 第八届常委会: the term of a body, no event
_BODY_STEMS = ("理事", "董事", "监事", "委员", "常委", "执委", "党委", "工委", "校友", "参事")


def _short_forms(doc: Document, found: list[Mention]) -> list[Mention]:
    """第五届某博会, 参加丝博会、西洽会: a fair named by its short form, with the edition written before it (and a
    place right before the character: 某市科博会). Where the article names the fair in full, the short form is
    another name of it (兰洽会 for 兰州投资贸易洽谈会)."""
    text = doc.simplified
    added = []
    for match in _SHORT_FORM.finditer(text):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in found):
            continue  # 成果展交会: the head of a longer name
        edition = _EDITION_BEFORE.search(text, max(0, start - 12), start)
        if edition:
            start = edition.start()
        else:
            before = tokens(text[max(0, start - 4) : start])
            if before and len(before[-1]) >= 2 and lookup_place(before[-1]):
                start -= len(before[-1])  # 某市科博会
        name = text[start:end]
        mention = Mention(start, end, "Event", "Fair", "pattern:event-short", 0.8, name=name)
        full = _declared_for(text, start, found) or _expanded(match.group(1), match.group(2), name, found)
        if full is not None:
            mention.canonical = full.canonical or full.name
        added.append(doc.add(mention))
    declared = {m.name: m.canonical for m in added if m.canonical}
    for mention in added:
        mention.canonical = mention.canonical or declared.get(mention.name)  # (本届“某交会”: the name declared before)
    for match in _NUMBERED_SHORT.finditer(text):
        start, end = match.span()
        if match.group(1)[:2] in _BODY_STEMS or any(m.start < end and start < m.end for m in (*found, *added)):
            continue
        added.append(doc.add(Mention(start, end, "Event", "Event", "pattern:event-short", 0.8, name=match.group())))
    return added


# 某某交流会暨某某论坛(简称“某交会”): a short name the text declares in brackets right after an event's full name
_DECLARED = re.compile(r"[(（](?:以下|下文)?(?:简称|下称)[:：]?[“\"「]?$")


def _declared_for(text: str, start: int, found: list[Mention]) -> Mention | None:
    declared = _DECLARED.search(text, max(0, start - 10), start)
    if not declared:
        return None
    return next((m for m in found if m.end == declared.start() and not m.generic), None)


def _expanded(initial: str, short_head: str, name: str, found: list[Mention]) -> Mention | None:
    """The full name in ``found`` that a short form abbreviates: the fair's head spelled out, the short form's
    character in its name, and the same edition, if the short form states one."""
    for m in found:
        if m.generic or _SHORT_HEADS[short_head] not in m.name:
            continue  # (西洽会 for 某某东西部投资贸易洽谈会暨某某国际博览会)
        body = m.name[: m.name.index(_SHORT_HEADS[short_head])]
        if initial in EDITION.sub("", body) and (not EDITION.match(name) or edition(name) == edition(m.name)):
            return m
    return None


def _held_series(text: str, head_start: int, end: int) -> bool:
    """A series of activities (系列活动) that a named host holds (由某某主办的“某某行”系列活动) or that is held at a
    place and time (某某系列活动在杭州开幕): an event, where a campaign's series is only carried out."""
    if not text.endswith("系列", 0, head_start):
        return False
    if _HELD_AFTER_SERIES.match(text, end):
        return True
    if not text.endswith(("”", "」"), 0, head_start - len("系列")):
        return False
    opening = max(text.rfind("“", 0, head_start), text.rfind("「", 0, head_start))
    return opening >= 0 and bool(_HELD_BY_BEFORE.search(text, max(0, opening - 4), opening))


# 召开一次“某某会”, 举办了首期“某某讲堂”: a whole quote as what is held (nothing after it but the clause's end) names
# the event, whatever its head
_HELD_QUOTE = re.compile(r"(?:召开|举办|举行)了?(?:一次|一届|首届|首期)?[“「]([^“”「」。；！？!?，,\n]{3,30})[”」](?=[，。；、,])")


def _held_quotes(doc: Document, found: list[Mention]) -> list[Mention]:
    text = doc.simplified
    added = []
    for match in _HELD_QUOTE.finditer(text):
        start, end = match.span(1)
        if any(m.start < end + 1 and start - 1 < m.end for m in found):
            continue  # (举办“某某论坛”: named by its head already)
        added.append(doc.add(Mention(start, end, "Event", "Event", "pattern:event-quoted", 0.8, name=_clean(text[start:end]))))
    return added


def _tour_before(text: str, head_start: int) -> bool:
    """院士某市行活动: 行 after a place, right before 活动, names a tour (not 一行, 银行, 进行: no place before 行)."""
    words = tokens(text[max(0, head_start - 8) : head_start])
    return len(words) >= 2 and words[-1] == "行" and len(words[-2]) >= 2 and bool(lookup_place(words[-2]))


def _noun_after(text: str, edge: int) -> bool:
    """科学家精神宣讲会: a title followed by a common noun (no surname) describes the event's subject, not a person."""
    after = tokens(text[edge : edge + 4])
    return bool(after) and len(after[0]) >= 2 and word_tags().get(after[0]) in ("n", "vn")


def _named_adverb(token: str, text: str, edge: int) -> bool:
    """A word jieba tags an adverb that is a place (大连), or 共同 before a noun (共同市场论坛): part of the name."""
    if word_tags().get(token) != "d":
        return False
    after = tokens(text[edge : edge + 4])
    return bool(lookup_place(token)) or token == "共同" and bool(after) and word_tags().get(after[0]) == "n"


def _word_runs_on(text: str, end: int) -> bool:
    """The word the segmenter reads across the head's last character goes on after it (会议员, 大会战; not 会上,
    where a place word follows the head)."""
    if end >= len(text) or not is_name_char(text[end]) or text[end].isdigit():
        return False
    window = max(0, end - 4)
    edge = window
    for token in tokens(text[window : end + 3]):
        edge += len(token)
        if edge > end:
            return edge - len(token) < end and token[len(token) - (edge - end) :] not in _PLACE_WORDS
        if edge == end:
            return False
    return False


_PLACE_WORDS = ("上", "中", "前", "后", "间", "里", "内", "外", "期间")


def _names_event(prefix: str) -> bool:
    """第13届某某博览会 before a ceremony: the words before it are a whole event name with a year or an edition."""
    return bool(EDITION.match(prefix) or _YEAR.match(prefix)) and bool(_HEAD_RE.search(prefix)) and any(
        prefix.endswith(head) for head in EVENT_HEADS if head not in _CEREMONIES)


def _left(text: str, head_start: int) -> int:
    start = run_start(text, head_start, max_len=40, extra=_QUOTES + _JOINED_DASH + _NAME_SIGNS)
    edge = head_start
    aside = -1  # the opening bracket of an aside the walk is inside (某园区（某某创新及科技园）开园典礼)
    for token in reversed(tokens(text[start:head_start])):
        if edge > aside >= 0:
            edge -= len(token)  # (a joiner or a stop word inside the brackets names the aside, it ends nothing)
            continue
        if token in (")", "）") and edge < head_start:
            aside = max(text.rfind("(", start, edge - 1), text.rfind("（", start, edge - 1))
            if aside >= 0 and (re.search(r"[，。；、“”「」()（）]", text[aside + 1 : edge - 1]) or edge - aside > 16):
                aside = -1
        if token == "及" and _parallel_items(text, edge - len(token), edge, head_start):
            edge -= len(token)  # 一季度产业项目及配套项目集中签约仪式: 及 joins two items of one kind inside the name
            continue
        if token in ("及", "和", "与") and field_ends_at(text, edge - len(token)):
            edge -= len(token)  # 某市生物医药及服务外包推介会: 及 joins the fields of one event, not two names
            continue
        if token in ("及", "和") and _MILESTONE_BEFORE.search(text, max(0, edge - 40), edge - len(token)):
            edge -= len(token)  # 重大项目集中开工及招商项目集中签约活动: one day of both milestones
            continue
        if token == "系列" and text[edge - len(token) - 1 : edge - len(token)] in ("”", "」"):
            edge -= len(token)  # “X”系列新闻发布会: a series under a quoted theme
            continue
        if token == "及" and text.startswith(_BODY_KINDS, edge) and text.endswith(_BODY_KINDS, 0, edge - len(token)):
            edge -= len(token)
            continue
        if text.startswith(("“", "「"), edge) and token.endswith(EVENT_HEADS) and edge != head_start:
            break  # 第某届某某年会“某某发展论坛”: a quoted event right after another's head is named on its own
        if token == "—" and text[edge - 2 : edge] == "——" and not _between_places(text, edge - 2) \
                and not (text.endswith(EVENT_HEADS, 0, edge - 2) and text[edge : edge + 1] not in _QUOTES):
            break  # 某某招聘会——“某某专场招聘会”: the name after a double dash is the one in apposition
        # (2023某某论坛——某某投资与发展论坛: an event's session named after its dash, unquoted, is one name)
        if token.endswith(_HOLDING_VERBS) or _byline(text, edge, token):
            break  # 某某岛隆重举行某某签约仪式 (隆重举行 one token); 某社某地某日电(记者某某)第某届…: a dateline's byline
        if _COUNTED_EDITIONS.fullmatch(token) and _COUNTING_VERB.search(text, max(0, edge - len(token) - 4), edge - len(token)):
            break  # 连续承办七届某某论坛: editions counted before the name (of the series), not its edition
        if token in _STOPS or word_tags().get(token) in ("p", "r", "uj", "ul", "d") and token not in ("与", "暨", "届", "首都") \
                and not _named_adverb(token, text, edge):  # 首都 is tagged an adverb
            break
        if _CLAUSE_WORD.fullmatch(token) or word_tags().get(token) == "c" and token not in _JOINERS:
            break  # 12日上午论坛开幕式上, 今交流论坛, 不仅一个推介会: a time of day or a conjunction opens the clause, not the name
        if _COUNTED.fullmatch(token):
            break  # 一个某市招商推介会: a counted event is a reference (left generic below), its count no part of a name
        # 信委主任李某及某洽谈会: a title never sits inside an event name, except as the audience the head is
        # named for, right before it (科学家论坛, 企业家峰会, 市长论坛)
        if len(token) >= 2 and token in title_words() and not text.startswith(EVENT_HEADS, edge) and not _noun_after(text, edge):
            break  # (第三届某某科学家峰会—某某峰会: the audience of the first event, before its head)
        if text.startswith(("“", "「"), edge) and word_tags().get(token) in ("v", "vn", "i", "l"):  # 深入开展“…”活动, 合办「…」
            break
        if token in ("及", "和", "与") and _SECOND_EVENT.match(text, edge):
            break  # (与2018年首届论坛举办时不同: a comparison with a numbered event, not a name joined by 与)
        if token == "暨" and _numbered_pair(text, edge):
            break  # 第七届某某交易会暨第三届某某论坛: two numbered events held together
        if _governs_a_name(token, text, edge):
            break  # 借助2021年第二十四届…博览会, 乘着第十一届…博览会, 借力某某博览会: a verb before the name
        if token == "暨" and text.endswith(_OPENINGS, 0, edge - len(token)):
            break  # 第某届某某博览会开幕式暨某某论坛: the fair opens with the forum, two events held together
        if token in ("及", "和") and text.endswith(EVENT_HEADS, 0, edge - len(token)):
            break  # 某某洽谈活动和某某对话会: the first event's head ends it, the second starts after the joiner
        edge -= len(token)
    # a year belongs to the name only at its start: "会议2024" is not a name start
    return edge


_ORDINAL = re.compile(ORDINAL)
# A month and day (with its year and time of day) opening the words before a head: the sentence's time, no name
_LEADING_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}[日号](?:[至到-]\d{1,2}[日号])?(?:[上下中]午|晚上|晚间|早上|凌晨)?[，, ]?")
# A day, a time of day or today's 今 before the head belongs to the sentence's time, never to an event's name
_CLAUSE_WORD = re.compile(r"\d{1,2}[日号]|[上下中]午|晚上|早上|凌晨|今|今晚|当晚|昨")
# Conjunctions that join names inside one event's name (the others open a clause: 不仅, 而且, 由此)
_JOINERS = ("和", "及", "与", "暨", "或", "以及")
# A word ending in a verb of holding (隆重举行, 正式召开) ends the name before it, however the segmenter joined it
_HOLDING_VERBS = ("举行", "举办", "召开", "合办", "筹办", "联办")
# The reporter's credit in brackets after a dateline (某社某地9月24日电(记者某某)): never inside a name
_BYLINE = re.compile(r"[(（](?:特约)?(?:记者|通讯员|实习生)")


def _byline(text: str, edge: int, token: str) -> bool:
    """A closing bracket whose bracket opens with a reporter's credit: the name starts after it."""
    if token not in (")", "）"):
        return False
    opening = max(text.rfind("(", 0, edge), text.rfind("（", 0, edge))
    return opening >= 0 and bool(_BYLINE.match(text, opening))


def _numbered_pair(text: str, after: int) -> bool:
    """第七届某某交易会暨第三届某某论坛: an edition after 暨 and another before it, after an event's head."""
    joiner = after - 1
    return bool(_ORDINAL.match(text, after)) and text.endswith(EVENT_HEADS, 0, joiner) and bool(
        re.search(ORDINAL + r"[^，。；：、暨“”]*$", text[max(0, joiner - 40) : joiner]))


def _parallel_items(text: str, joiner: int, after: int, head_start: int) -> bool:
    """产业项目及配套项目: the noun before 及 comes back before the head, so 及 lists two kinds of one thing."""
    noun = text[joiner - 2 : joiner]
    return len(noun) == 2 and all(is_name_char(ch) for ch in noun) and noun in text[after:head_start]


def _governs_a_name(token: str, text: str, edge: int) -> bool:
    """A verb of leaning on or carrying out an event (借助, 借力, 乘着, 贯彻落实), or any verb of two characters right
    before a year or an edition: the event's name begins after it."""
    if text.endswith(_LEADING_VERBS, 0, edge):  # (乘着 comes as two tokens)
        return True
    # (a verb before a place may be part of the name: 某某企业家走进某市投资环境说明会)
    if len(token) < 2 or word_tags().get(token) not in ("v", "vd", "i", "ad") or lookup_place(token):
        return False
    return bool(_GOVERNED_START.match(text, edge))


def _between_places(text: str, dash: int) -> bool:
    """中国——俄罗斯博览会: a double dash between two countries or places joins them inside one name."""
    before = tokens(text[max(0, dash - 8) : dash])
    after = tokens(text[dash + 2 : dash + 10])
    return bool(before and after) and word_tags().get(before[-1]) == "ns" and word_tags().get(after[0]) == "ns"


def _subject_start(text: str, start: int, end: int) -> int:
    if not _HELD_AFTER.match(text, end):
        return start
    clause = max(text.rfind(mark, 0, start) for mark in "，,。；\n") + 1
    if not 0 < start - clause <= 12 or not _DATE_CLAUSE.search(text, max(0, clause - 12), clause):
        return start
    if "——" in text[clause:start]:
        return start  # 青海“新春第一会”——全省某某大会在西宁召开: the name after the dash is the one in apposition
    words = tokens(text[clause:start])
    if any(w in _NOT_IN_SUBJECT or len(w) >= 2 and w in title_words() for w in words):
        return start
    return clause


_DATED_BEFORE = re.compile(r"(?<!\d)(?:\d{4}年?度?)?" + ORDINAL + r"?\Z")


def _quoted_start(text: str, start: int, head_start: int) -> int:
    """Quotes stay whole: a name that holds a closing quote starts at its opening one (a theme in quotes may
    contain spaces, where the run of name characters stopped); an opening quote never closed is not part of it."""
    inside = text[start:head_start]
    for opening_mark, closing_mark in _QUOTE_PAIRS:
        if inside.count(closing_mark) > inside.count(opening_mark):
            opening = text.rfind(opening_mark, max(0, start - 40), start)
            if opening >= 0 and not any(mark in text[opening:start] for mark in "。；\n"):
                # 举办2023年“迎某某、回某某”恳谈会: the year or edition written before the quote opens the name
                return _DATED_BEFORE.search(text, max(0, opening - 12), opening).start()
        if inside.startswith(opening_mark) and closing_mark not in inside:
            return start + 1
    return start


def _closed_quote_start(text: str, start: int, head_start: int, end: int) -> int:
    """举办了“某某再出发·杭州投资推介会”: a quote closed right after the head holds the whole name, though the
    walk to the left stopped at a word inside it.  利用“某某洽谈会”“某某说明会”: a quote that opens right after
    another closes is the next item of a list, and the name starts there, though the walk went on past it."""
    for opening_mark, closing_mark in _QUOTE_PAIRS:
        if text[end : end + 1] != closing_mark:
            continue
        opening = text.rfind(opening_mark, max(0, start - 30), head_start)
        if opening >= start and text[opening - 1 : opening] != closing_mark:
            continue  # 2023年“某某论坛”: the quote opens inside the name
        if opening >= 0 and not any(mark in text[opening + 1 : end] for mark in "。；\n，" + closing_mark):
            theme = text.rfind("——", opening + 1, start)
            if theme >= 0 and not text.endswith(EVENT_HEADS, opening + 1, theme):
                return theme + 2  # “某某主题 某某口号——2020年某某推介会”: a slogan before the dash is a theme, no name
            return opening + 1  # the name without its quotes, as a wholly quoted name is read
    return start


def _unopened_bracket_end(text: str, start: int, head_start: int) -> int:
    """“某小镇”)周年庆暨…仪式: a bracket closed before the head but never opened inside the name ends an aside
    before it (下称“…”)), so the name starts after it."""
    depth = 0
    edge = start
    for i in range(start, head_start):
        if text[i] in "(（":
            depth += 1
        elif text[i] in ")）":
            if depth:
                depth -= 1
            else:
                edge = i + 1
    return edge


def _quoted_end(text: str, start: int, end: int) -> int:
    """2023「巢湖侨创峰会」: a name whose quote opens before the head closes right after it."""
    for opening_mark, closing_mark in _QUOTE_PAIRS:
        if text[start:end].count(opening_mark) > text[start:end].count(closing_mark) and text[end : end + 1] == closing_mark:
            return end + 1
        # 「某某论坛：某某的力量」: a quoted name goes on after a colon to its closing quote (the subtitle is part of it)
        subtitle = re.match(rf"[：:][^{_QUOTES}，。；：:\n]{{2,20}}(?={closing_mark})", text[end : end + 24])
        if text[start - 1 : start] == opening_mark and subtitle:
            return end + subtitle.end()
    return end


def _apposition(text: str, found: list[Mention]) -> None:
    """某区网络直播招聘会——“某某专场招聘会”: the quoted name after the dash is the name of the event before it."""
    by_start = {m.start: m for m in found if not m.generic}
    for mention in found:
        gap = re.match(r"——[“「]?", text[mention.end : mention.end + 3])
        named = gap and by_start.get(mention.end + gap.end())
        if named and not mention.generic:
            mention.canonical = named.canonical or named.name


def _contained(found: list[Mention]) -> None:
    """院士峰会 beside 2021粤港澳院士峰会暨松山湖科学会议: a shorter event name inside a longer one names the same
    event (a headline label, a short form), so it takes the longer name as its canonical one."""
    named = [m for m in found if not m.generic]
    for mention in named:
        numbered = EDITION.match(without_year(mention.name))
        if _YEAR.match(mention.name):
            # 2021年某某峰会 beside 2021某某峰会暨某某会议: the same dated edition, joined to a second event
            # (2023年首届某某论坛 beside 首届某某论坛暨某某大会: the numbered edition the year is written before)
            dated = _undated_year(mention.name) + "暨"
            undated = without_year(mention.name) + "暨"
            longer = [m for m in named if _undated_year(m.name).startswith(dated) or numbered and m.name.startswith(undated)]
        elif numbered:
            # a numbered name is an edition of its own, named again only with a second event joined by 暨
            longer = [m for m in named if m.name.startswith(mention.name + "暨")]
        else:
            # 某某论坛 beside 2023某某论坛科技分会: a sub-session is held within the event, not another name of it
            longer = [m for m in named if len(m.name) > len(mention.name) and mention.name in m.name
                      and not (m.name.endswith(EVENT_SESSIONS) and "暨" not in m.name) and not held_within(mention.name, m.name)]
        if longer:
            mention.canonical = min(longer, key=lambda m: m.start).canonical or min(longer, key=lambda m: m.start).name


def held_within(short: str, long: str) -> bool:
    """十一届某某博览会 beside 第十一届某某博览会投资合作说明会: a session named after the fair it is held at (more
    words and a head of its own after the fair's name, no 暨 joining them) is another event."""
    after = long[long.index(short) + len(short) :]
    fair = short.endswith(EVENT_HEADS) or bool(_SHORT_FORM.search(short[-3:]))  # (第N届某洽会某区招商项目签约仪式)
    return fair and len(after) >= 4 and not after.startswith(("暨", "及", "和")) and after.endswith(EVENT_HEADS)


def _undated_year(name: str) -> str:
    return re.sub(r"^(\d{4})年度?", r"\1", name)


def _join(doc: Document, found: list[Mention]) -> list[Mention]:
    """成立大会暨第一次会员大会: one event, the first part an alias."""
    by_end = {m.end: m for m in found if not m.generic}
    for mention in found:
        if doc.simplified[mention.start - 1 : mention.start] == "暨" or doc.simplified[mention.start : mention.start + 1] == "暨":
            first_end = mention.start - 1 if doc.simplified[mention.start - 1] == "暨" else mention.start
            first = by_end.get(first_end)
            # 第七届某某交易会暨第三届某某论坛, 2016某博会暨第20届某洽会: each numbered on its own, each its own event
            if first and (EDITION.match(first.name) or _YEAR.match(first.name)) and EDITION.match(mention.name):
                doc.held_together.append((first, mention))
                continue
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
    """首届 -> 1, 第二届 -> 2, 第12届 -> 12, 某某系列发布会(第二场) -> 2, 某学会第八届年会 -> 8; None without one."""
    parts = _edition_parts(name)
    return parts[0] if parts else None


def series_name(name: str) -> str | None:
    """The series an edition belongs to: the name without year and edition."""
    parts = _edition_parts(name)
    return parts[1] if parts else None


# An ordinal inside a meeting's name after the body or place that holds it (某某科学院第二十次院士大会, 某学会第八届年会,
# 某市“某某”首届英才大会)
_INNER_ORDINAL = re.compile(r"第([一二三四五六七八九十百\d]+)[届次]|首届")
# Heads of a fair or week that can open a longer name: what follows is a session held at that edition
# (第十一届某某博览会投资合作说明会暨项目签约仪式 is held at the eleventh fair)
_EDITION_OWNERS = ("博览会", "交易会", "洽谈会", "展交会", "博会", "洽会", "交会", "创业周", "双创周", "活动周", "交流周")


def _edition_parts(name: str) -> tuple[int, str] | None:
    """(edition number, series name) of a numbered event name, or None."""
    bare = name[1:-1] if name[:1] in ("“", "「") and name[-1:] in ("”", "」") else name  # “2021第七届某某大会”
    match = EDITION.match(bare)
    if match:
        return _number(match), _series_of(bare[match.end() :])
    session = _SESSION.search(bare)
    if session and session.end() == len(bare):
        return _number_text(session.group(2)), bare[: session.start()]
    # 某某行及签约仪式暨第二届某某峰会: the edition belongs to the event joined after 暨
    joined = re.search(r"暨((?:\d{4}年?度?)?" + ORDINAL + ")", bare)
    if joined:
        return _number(EDITION.match(joined.group(1))), _series_of(bare[joined.end() :])
    inner = _INNER_ORDINAL.search(bare)
    if (inner and inner.start() >= 2 and "暨" not in bare[: inner.start()] and bare.endswith(("大会", "年会"))
            and inner.end() < len(bare) - 1):
        return _number_text(inner.group(1)) if inner.group(1) else 1, bare[: inner.start()] + bare[inner.end() :]
    return None


_JOINED_EDITION = re.compile(r"暨(?:\d{4}年?度?)?" + ORDINAL)
_BRACKETED_YEAR = re.compile(r"^[(（]\d{4}年?[)）]")


def _series_of(rest: str) -> str:
    """The series named after the edition: without quotes around it (首届「某某峰会」), and only the fair or
    quoted name a longer name opens with when what follows is a session held there (not a second event
    joined by 暨).  A second event with an edition of its own after 暨 is not of the series (某某峰会暨首届某某颁奖典礼)."""
    joined = _JOINED_EDITION.search(rest)
    if joined:
        rest = rest[: joined.start()]
    rest = _BRACKETED_YEAR.sub("", rest)  # 首届(2018年)某某交流会: the edition's year, no part of the series
    for opening, closing in _QUOTE_PAIRS:
        if rest.startswith(opening) and closing in rest:
            inner_end = rest.index(closing)
            if inner_end == len(rest) - 1 and rest.count(opening) == 1:
                return rest[1:-1]
            after = rest[inner_end + 1 :]
            if after.endswith(_HELD_AT_EVENTS) and not after.startswith(("暨", "及", "和")):
                return rest[1:inner_end]  # 第十届“某某”活动; 第二届“某某周”合作项目签约仪式: the quoted event's edition
            # (第二届“某某”文化与产业发展研讨会: a quoted theme opening the name of the series)
            return rest
    for head in _EDITION_OWNERS:
        at = rest.find(head)
        after = rest[at + len(head) :] if at >= 1 else ""
        if after and not after.startswith(("暨", "及", "和", "、")) and after.endswith(EVENT_HEADS) and len(after) >= 4:
            return rest[: at + len(head)]
    return rest


def _number(match: re.Match) -> int | None:
    return 1 if match.group(1) == "首届" else _number_text(match.group(2))


def _number_text(number: str) -> int | None:
    if number.isdigit():
        return int(number)
    if number.startswith("十"):
        return 10 + _NUMERALS.get(number[1:], 0)
    if "十" in number:
        tens, _, ones = number.partition("十")
        return _NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(ones, 0)
    return _NUMERALS.get(number)


def short_fair(name: str) -> bool:
    """某博会, 某洽会, 某创周: a fair's or week's short form, a series name of three characters."""
    return bool(_SHORT_FORM.fullmatch(name)) or bool(re.fullmatch(r"[\u4e00-\u9fff]{2}[会周]", name)) and name[:2] not in _BODY_STEMS


# 本次 | 高峰 | 论坛: a determiner, words that describe a meeting, a head, and nothing else
_GENERIC_EVENT = re.compile(f"(?:{_alternatives(GENERIC_PREFIXES)})?(?:{_alternatives(EVENT_DESCRIPTORS)})*"
                            f"(?:{_alternatives(EVENT_HEADS)})")


def generic_event_name(name: str) -> bool:
    """高峰论坛, 开园典礼, 本次大会: a head with only words that describe a meeting before it, a name of none."""
    return _GENERIC_EVENT.fullmatch(to_simplified(without_year(name))) is not None


def without_year(name: str) -> str:
    return _YEAR.sub("", name)


def name_year(name: str) -> str | None:
    """The year an edition's name opens with (2024 of 2024光谷人工智能产业峰会), if any."""
    found = _YEAR.match(name)
    return found.group()[:4] if found else None
