"""Mention clean-up between the finders and grouping: overlaps settled, names found again.

A name read once (by a cue) is found again wherever it recurs; a company or zone
also under its derived short forms; a cluster's name gives its field.
"""

from __future__ import annotations

import re

from kg.extract.document import Document, Mention, Occupancy, tokens
from kg.extract.gazetteers import lookup_place
from kg.extract.industries import cluster_core, core_field, gazetteer_terms, plausible_field, split_fields
from kg.extract.names import ends_name, occurrences
from kg.extract.places import is_short_county

# Headings of a block of links to other articles: everything after one is their headlines and snippets.
_RELATED_HEADING = re.compile(r"相关新闻|相关阅读|推荐阅读|延伸阅读|相关链接|相关文章|相关报道|友情链接")  # 友情链接: the footer's links
# A line that is nothing but the heading of such a block (新闻推荐, 资讯聚焦, 图片资讯, 热门文章).
_RELATED_LINE = re.compile(r"\s*(?:(?:新闻|资讯|热点|热门|精彩|相关|最新|更多|图片|往期)(?:推荐|聚焦|资讯|排行|文章|新闻|阅读)"
                           r"|更多[^，。,\s]{1,8}(?:报道|报导|新闻|文章))\s*")  # 更多某某时报报导: the outlet's other stories
# A line that holds one of these is page furniture, not content (the guide: breadcrumbs, site brands,
# copyright lines, 上一篇/下一篇 and related-article headlines): nothing named in it is an entity.
_FURNITURE = re.compile(r"版权所有|版权归|版权声明|copyright|©|ICP备|责编|责任编辑|联系邮箱|"
                        r"返回(?:主页|首页|列表|顶部|上一页)|当前位置|您的位置|标题导航|"
                        r"上一篇|下一篇|打印本页|关闭窗口|版块[:：]|免责声明|凡本网|本网注明|未经[^。，,]{0,6}(?:允许|许可|授权)[^。，,]{0,6}转载|"
                        r"扫码(?:下载|关注)|扫一扫|下载[^。，]{0,12}(?:APP|客户端)|" + _RELATED_HEADING.pattern, re.IGNORECASE)

# How a paragraph of running text ends; headlines, snippets cut short and menus end otherwise.
_TERMINATED = re.compile(r"[。.！？!?…」』”）)]\s*$")

# A numbered item (1. / （一） / 一是 / 第一): an article's own list of projects or measures, not links.
_LIST_ITEM = re.compile(r"\s*(?:[\d一二三四五六七八九十]+[.、．)）是]|[（(][\d一二三四五六七八九十]+[)）]|第[\d一二三四五六七八九十]+)")

# How a news report opens (记者从…获悉, 本报讯, 新华社某地某日电): after the article's own body, with a headline right
# above it, another article the page carries on begins.
_DATELINE = re.compile(r"\s*(?:本报讯|本报记者|记者(?:从|近日|日前|获悉)|新华社[^，。,]{0,12}电"
                       r"|[^，。,\s]{1,8}(?:网|社|报|台)[^，。,\s]{0,8}\d{1,2}月\d{1,2}日(?:电|讯))")  # 某某网某地1月4日电

# A section heading of a list in the article's own words (一、代表性开发区).
_SECTION = re.compile(r"\s*[一二三四五六七八九十]+、")

# A sentence of the article: a full stop or semicolon inside a paragraph (scraped pages write 。 as "." too).
_SENTENCE_MARK = re.compile(r"[。；]|(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff]|$)")


# A navigation bar or breadcrumb: short items set apart by spaces, pipes or arrows, with no clause punctuation.
_NAVIGATION_SEPARATORS = re.compile(r"\s*(?:[|｜>»]+|\s{1,})\s*")


# A breadcrumb (首页 > 新闻 > 正文) leads to the article: the line above it may be the article's own title.
_BREADCRUMB = re.compile(r"[>»]|当前位置|您的位置")


def _is_navigation(line: str) -> bool:
    """首页 新闻中心 经济 交通 … / 南昌 九江 景德镇 赣州 … / 字体: | 某某论坛 | 评论: a menu of the page, not a sentence."""
    stripped = line.strip()
    if re.search(r"[。，,；;！!？?“”]", stripped):
        return False
    if re.match(r"[|｜]?\s*\d{1,3}\s*[|｜]", stripped):
        return False  # 1 | 某某产业集群 | 装备制造 |: a numbered row of a table (a list of designations), not a menu
    if len(re.findall(r"[|｜»]|>+", stripped)) >= 2:
        return True
    crumbs = [crumb for crumb in re.split(r"\s*(?:>+|»)\s*", stripped) if crumb]
    if len(crumbs) >= 2 and len(stripped) <= 30 and all(len(crumb) <= 8 for crumb in crumbs):
        return True  # 某某网>>某频道: a breadcrumb of two crumbs
    items = [item for item in _NAVIGATION_SEPARATORS.split(stripped) if item]
    short = sum(1 for item in items if len(item) <= 6)
    return ":" not in stripped and "：" not in stripped and len(items) >= 5 and short >= 0.8 * len(items)


#: The longest a headline runs (a line's item past it is a sentence).
_HEADLINE_MAX = 40
#: The shortest paragraph read as the report's own running text.
_SENTENCE_MIN = 20


def _is_headline_ticker(line: str) -> bool:
    """The site's other headlines run together in one line above the article: four or more items set apart by spaces,
    30 characters or more, no clause punctuation (quotation marks allowed, unlike a menu's items)."""
    stripped = line.strip()
    items = [item for item in re.split(r"\s+", stripped) if item]
    # (an item longer than any headline, or a list inside one (、), is running text set out without commas)
    return (not re.search(r"[。，,；;！!？?]", stripped) and len(stripped) >= 30 and len(items) >= 4
            and max(map(len, items)) <= _HEADLINE_MAX and not any("、" in item for item in items))


def _furniture_paragraphs(paragraphs: list[str], has_title: bool) -> set[int]:
    """Indexes of the paragraphs that are page furniture rather than the article.

    Besides furniture lines and menus themselves: above a furniture line at the top of the page (a
    breadcrumb or 返回主页 before the first sentence) stand the site's other headlines, not the
    article's (the title, paragraph 0, stays); after a 相关新闻 heading stand related headlines; and a
    closing run of two or more headline + snippet pairs, none ending like a sentence, is such a block
    without its heading.
    """
    marked = {i for i, p in enumerate(paragraphs) if _FURNITURE.search(p) or _is_navigation(p)}
    first_sentence = next((i for i, p in enumerate(paragraphs) if _SENTENCE_MARK.search(p)), len(paragraphs))
    marked.update(i for i in range(first_sentence) if _is_headline_ticker(paragraphs[i]))
    top = [i for i in marked if i < first_sentence and _FURNITURE.search(paragraphs[i])]
    if top:
        marked.update(range(1 if has_title else 0, max(top)))
    if len(paragraphs) > 1 and _is_navigation(paragraphs[1]) and not _BREADCRUMB.search(paragraphs[1]):
        marked.add(0)  # a site's banner and slogan above its menu (首页 新闻中心 …), taken for the title: no headline
    if len(paragraphs) > 1 and paragraphs[0].strip() and _BREADCRUMB.search(paragraphs[1]) \
            and paragraphs[1].strip().startswith(paragraphs[0].strip()):
        marked.add(0)  # 某某网 above 某某网>>某频道: the site's name, taken for the title, is the breadcrumb's first crumb
    for i in [i for i in marked if i > first_sentence and _FURNITURE.search(paragraphs[i])]:
        # the page's footer: the short lines right above a copyright or contact line (the site's owner)
        j = i - 1
        while j > first_sentence and len(paragraphs[j].strip()) <= 30 and not _TERMINATED.search(paragraphs[j]):
            marked.add(j)
            j -= 1
        # …and right below it (扫码下载某某APP / 小程序 / 某某网: the site's name under its app links)
        j = i + 1
        while j < len(paragraphs) and len(paragraphs[j].strip()) <= 30 and not _TERMINATED.search(paragraphs[j]):
            marked.add(j)
            j += 1
    related = [i for i, p in enumerate(paragraphs)
               if i >= first_sentence and (_RELATED_HEADING.search(p) or _RELATED_LINE.fullmatch(p))]
    # …unless the block is a list in sections (一、… 二、…): the article's own roster under a 相关链接 box
    if related and not any(_SECTION.match(p) for p in paragraphs[min(related):]):
        marked.update(range(min(related), len(paragraphs)))
    # (only after the article's own running text: a page's widget lines above its first dateline are no headline)
    body = next((i for i in range(first_sentence, len(paragraphs)) if _running_text(paragraphs[i])), len(paragraphs))
    appended = [i for i in range(max(first_sentence, body) + 1, len(paragraphs) - 1)
                if _headline(paragraphs[i]) and _DATELINE.match(paragraphs[i + 1])]
    if appended:  # 某省:某指标居全国第四 / 记者从…获悉: the next article's headline and report
        marked.update(range(min(appended), len(paragraphs)))
    closing = 0
    for paragraph in reversed(paragraphs):
        if len(paragraph.strip()) < 12 or _TERMINATED.search(paragraph) or _LIST_ITEM.match(paragraph):
            break
        closing += 1
    run = paragraphs[len(paragraphs) - closing:]
    if closing >= 4 and len(paragraphs) - closing > first_sentence and not _numbered(run):
        marked.update(range(len(paragraphs) - closing, len(paragraphs)))
    return marked


def _running_text(line: str) -> bool:
    """A paragraph of the report itself: a sentence or more, not a widget's notice (请稍候。)."""
    stripped = line.strip()
    return len(stripped) >= _SENTENCE_MIN and bool(_TERMINATED.search(stripped))


def _headline(line: str) -> bool:
    """A short line that ends like no sentence and no label (作者简介: before the article's own dateline is a label)."""
    stripped = line.strip()
    return 6 <= len(stripped) <= 40 and not _TERMINATED.search(stripped) and not stripped.endswith((":", "："))


def _numbered(paragraphs: list[str]) -> bool:
    """Rows of a table or a ranked list: two paragraphs in a row open with consecutive numbers (3…, 4…)."""
    numbers = [int(m.group()) if (m := re.match(r"\s*(\d+)", p)) else None for p in paragraphs]
    return any(a is not None and b == a + 1 for a, b in zip(numbers, numbers[1:]))


def drop_page_furniture(doc: Document) -> None:
    """Remove the mentions that stand on page furniture (see ``_furniture_paragraphs``)."""
    found = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", doc.simplified)]
    marked = _furniture_paragraphs([text for _, _, text in found], bool(doc.article.title))
    spans = [(start, end) for i, (start, end, _) in enumerate(found) if i in marked]
    if spans:
        doc.mentions[:] = [m for m in doc.mentions
                           if m.end == m.start or not any(start <= m.start < end for start, end in spans)]


# A dateline (某某网某地7月15日电, 某某晚报网6月29日讯): what stands right before the date, or before the city it
# reports from, is the outlet reporting; the guide leaves an outlet seen only as source or dateline out.
_DATELINE_DATE = re.compile(r"[网站]?(?:[\u4e00-\u9fff]{2,6})?\s*\d{1,2}月\d{1,2}日\s*(?:电|讯|消息|报道)")


def drop_dateline_outlets(doc: Document) -> None:
    """Remove the organisations read in a dateline, right before its date (elsewhere the outlet stays named)."""
    doc.mentions[:] = [m for m in doc.mentions
                       if not (m.type == "Organization" and m.end > m.start and _DATELINE_DATE.match(doc.simplified, m.end))]


# Which mention survives when two overlap: higher wins; a Place nested in a
# longer name is kept (nested places are entities of their own).
PRIORITY = {"Event": 6, "Fund": 5, "Cluster": 5, "Organization": 4, "Zone": 4, "Person": 3, "Industry": 2, "Place": 1}


def settle_overlaps(doc: Document) -> None:
    kept: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    at: dict[int, list[Mention]] = {}  # character offset -> kept mentions covering it
    covered = Occupancy(len(doc.simplified))  # the same offsets, for a quick "nothing kept here yet"
    ordered = sorted(doc.mentions, key=lambda m: (-PRIORITY[m.type], -(m.confidence >= 1.0), -(m.end - m.start), -m.confidence))
    for m in ordered:
        if (m.start, m.end, m.type) in seen:
            continue
        conflict = False
        near = {id(k): k for offset in range(m.start, m.end) for k in at.get(offset, ())} if covered.overlaps(
            m.start, m.end) else {}
        for k in near.values():
            nested = k.start <= m.start and m.end <= k.end
            if m.type == "Place" and nested and k.type != "Person" and not is_short_county(m.name):
                continue
            if m.type == "Zone" and nested and k.type in ("Event", "Fund", "Cluster", "Zone"):
                continue
            if m.type == "Zone" and nested and k.type == "Organization" and k.kind not in ("Company", "InvestmentFirm"):
                continue  # 东湖高新区管委会 names its zone; 香港科技园公司 is only a company
            if m.type == "Organization" and nested and k.type in ("Event", "Fund", "Cluster") and not m.generic:
                continue
            if m.type == "Industry" and nested and k.type in ("Cluster", "Fund", "Event"):
                continue
            if m.generic and k.generic is False and nested and k.type != m.type:
                continue
            conflict = True
            break
        if not conflict:
            kept.append(m)
            seen.add((m.start, m.end, m.type))
            covered.mark(m.start, m.end)
            for offset in range(m.start, m.end):
                at.setdefault(offset, []).append(m)
    doc.mentions = sorted(kept, key=lambda m: m.start)


def repeat_person_names(doc: Document) -> None:
    """Later bare mentions of a person already named (沈卫东说)."""
    names = {m.name: m for m in doc.mentions if m.type == "Person" and not m.generic}
    taken = doc.name_occupancy()
    for name, first in names.items():
        for begin in occurrences(doc.simplified, name):
            span = (begin, begin + len(name))
            if taken.overlaps(*span):
                continue
            if len(name) == 2 and not ends_name(doc.simplified, span[1]):
                continue  # 陈静 inside 陈静怡 is another name: only a post-name word may follow a two-character name
            doc.add(Mention(span[0], span[1], "Person", None, "pattern:repeat-name", first.confidence, name=name,
                            honors=set(first.honors), canonical=first.canonical))
            taken.mark(*span)


def repeat_event_names(doc: Document) -> None:
    """Later mentions of an event by the name already found (the headline's “某某行”活动, then “某某行”，…举行):
    where the text comes back to an event, the attendance there can be given to it."""
    named = {m.name: m for m in doc.mentions if m.type == "Event" and not m.generic and len(m.name) >= 5}
    taken = doc.name_occupancy()
    for name, first in sorted(named.items(), key=lambda item: -len(item[0])):
        for begin in occurrences(doc.simplified, name):
            span = (begin, begin + len(name))
            if taken.overlaps(*span):
                continue
            doc.add(Mention(span[0], span[1], "Event", first.kind, "pattern:repeat-name", first.confidence, name=name,
                            canonical=first.canonical))
            taken.mark(*span)


def repeat_short_forms(doc: Document) -> None:
    """Later mentions of an organisation or zone by a derived short form (启衡生物, 航空港区)."""
    from kg.extract.forms import forms

    taken = doc.name_occupancy()
    named = [m for m in doc.mentions if m.type in ("Organization", "Zone") and not m.generic and m.end > m.start]
    seen: set[str] = set()
    for first in sorted(named, key=lambda m: -(m.end - m.start)):
        for form in sorted(forms(first.type, first.canonical or first.name), key=len, reverse=True):
            if len(form) < 3 or form in seen:
                continue
            seen.add(form)
            for begin in occurrences(doc.simplified, form):
                span = (begin, begin + len(form))
                if taken.overlaps(*span):
                    continue
                doc.add(Mention(span[0], span[1], first.type, first.kind, "pattern:short-form", 0.8, name=form,
                                canonical=first.canonical or first.name))
                taken.mark(*span)


ROSTER_CLUSTERS = 5


def cluster_fields(doc: Document) -> None:
    """产业集群 names carry their field: 武汉市光电子信息产业集群 -> 光电子信息."""
    from kg.extract.forms import strip_leading_places

    zone_names = [m.name for m in doc.mentions if m.type == "Zone" and not m.generic]
    clusters = [m for m in doc.mentions if m.type == "Cluster" and not m.generic]
    if len({m.name for m in clusters}) >= ROSTER_CLUSTERS:
        return  # a list of designated clusters (名单) names each one's field, not a focus the article states
    for m in clusters:
        core = cluster_core(m.name)
        core = core[core.rfind("、") + 1 :]  # 某市、某市某某集群: the places listed before the fields are none
        for zone in sorted(zone_names, key=len, reverse=True):
            if core.startswith(zone) and len(core) > len(zone) + 1:
                core = core[len(zone) :]
                break
        stripped = strip_leading_places(core)
        core = stripped[-1] if stripped else core
        core = re.sub(r"\(.*?\)", "", core)
        if lookup_place(core):
            continue  # 2022年度某市特色产业集群: the list's place, no field
        start = doc.simplified.find(core, m.start, m.end)
        if start < 0:
            continue
        for offset, item in split_fields(doc.simplified, start, start + len(core)):
            if 2 <= len(item) <= 10:
                doc.add(Mention(offset, offset + len(item), "Industry", None, "pattern:cluster-core", 0.7, name=item))


_NAMED_FIELD = re.compile(r"([\u4e00-\u9fff]{2,12}?)产业(?=(?:发展|高峰|创新|合作|投资)?(?:论坛|大会|峰会|推介会|对接会|洽谈会|博览会|研讨会))")


def event_fields(doc: Document) -> None:
    """An event named after a field (海洋经济发展大会) is about that field: the longest preferred
    labels of the industry scheme inside the name become Industry mentions."""
    terms = sorted((t for t, label in gazetteer_terms().items() if t == label and len(t) >= 3), key=len, reverse=True)
    taken = Occupancy(len(doc.simplified), ((m.start, m.end) for m in doc.mentions if m.type == "Industry"))
    for m in [m for m in doc.mentions if m.type == "Event" and not m.generic]:
        for term in terms:
            for begin in occurrences(doc.simplified[m.start : m.end], term):
                start, end = m.start + begin, m.start + begin + len(term)
                if not taken.overlaps(start, end):
                    doc.add(Mention(start, end, "Industry", None, "gazetteer:industry", 0.7, name=term))
                    taken.mark(start, end)
    # 某某X产业发展大会 / X产业高峰论坛: the words an event's name puts before 产业 and its head are its field, whether
    # or not the scheme knows them (the place, zone, year or edition before them is no part of it)
    prefixes = {m.name for m in doc.mentions if m.type in ("Zone", "Place", "Organization") and not m.generic}
    for m in [m for m in doc.mentions if m.type == "Event" and not m.generic]:
        for named in _NAMED_FIELD.finditer(doc.simplified, m.start, m.end):
            item, start = core_field(doc.simplified, named.group(1), named.start(1), prefixes)
            item = re.sub(r"^(?:第[\d一二三四五六七八九十]+届|首届|\d{4}年?|中国|全国|国际)+", "", item)
            start = named.end(1) - len(item)
            words = tokens(item)
            if words and len(words[0]) >= 2 and plausible_field(item) and not taken.overlaps(start, start + len(item)):
                # (a single character first, 日新兴 of 中国日新兴产业论坛, is the tail of a word before it)
                doc.add(Mention(start, start + len(item), "Industry", None, "pattern:event-field", 0.7, name=item))
                taken.mark(start, start + len(item))
