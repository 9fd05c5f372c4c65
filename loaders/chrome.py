"""Site chrome shared by scraped pages and HTML: the info line, the breadcrumb, footer links.

All matching runs on ``kg.text.matching_text`` (full-width colons folded),
which keeps every offset, so values are cut from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import RelatedLink
from kg.text import matching_text

# Simplified labels, then their traditional forms (Big5 sites).
_DATE_LABELS = "发布时间|发布日期|发表时间|更新时间|日期|时间|發布時間|發佈時間|發布日期|發表時間|更新時間|時間"
_SOURCE_LABELS = "信息来源|稿件来源|文章来源|新闻来源|来源|資訊來源|稿件來源|文章來源|新聞來源|來源"
_ZONE_LABELS = "发布开发区|所属开发区|所属园区|发布园区|所属区域|發布開發區|所屬開發區|所屬園區|所屬區域"
_OTHER_LABELS = "浏览次数|点击数|点击量|阅读量|阅读次数|阅读|作者|编辑|责任编辑|瀏覽次數|點擊數|點擊量|閱讀量|閱讀|編輯|責任編輯"
_LABEL = re.compile(rf"({_DATE_LABELS}|{_SOURCE_LABELS}|{_ZONE_LABELS}|{_OTHER_LABELS})\s*:\s*")
_INFO_LINE_MAX = 200
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")

# Breadcrumb: a "you are here" label, or 首页 followed by a separator.
_CRUMB_LABEL = re.compile(r"^\s*(?:您现在的位置|当前位置|您的位置|所在位置|现在位置|位置|您現在的位置|當前位置|現在位置)\s*:\s*")
_CRUMB_SEP = re.compile(r"\s*(?:>>|>|»|›|→|/)\s*")
_HOME = {"首页", "主页", "网站首页", "首 页", "首頁", "主頁", "網站首頁", "Home"}
# Trailing crumbs that name the page type, not a place.
_PAGE_TYPES = {"正文", "文字新闻", "详情", "内容", "新闻详情", "文章", "详细内容", "正文内容", "阅读", "詳情", "內容", "新聞詳情", "文章內容"}

PREV_NEXT = {"上一条": "previous", "上一篇": "previous", "下一条": "next", "下一篇": "next",
             "上一條": "previous", "下一條": "next"}
_PREV_NEXT = re.compile(r"^\s*(上一条|上一篇|下一条|下一篇|上一條|下一條)\s*:\s*(.*?)\s*$")
RELATED_HEADINGS = {"相关新闻", "相关阅读", "相关文章", "相关链接", "延伸阅读", "相关报道",
                    "相關新聞", "相關閱讀", "相關文章", "相關鏈接", "延伸閱讀", "相關報導"}
# "No previous article" placeholders.
_NOTHING = {"", "没有了", "无", "没有了!", "暂无", "沒有了", "無"}


@dataclass(frozen=True)
class InfoLine:
    published: str | None
    source: str | None
    zone: str | None


def iso_date(text: str | None) -> str | None:
    """``2024-04-19``, ``2024/4/19 09:12``, ``2024年4月19日`` -> ``2024-04-19``."""
    match = _DATE.search(matching_text(text or ""))
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_info_line(line: str) -> InfoLine | None:
    """The 发布时间/来源/发布开发区 line, or None when ``line`` is not one.

    A line counts when it is short, has a source label and a date (a body
    sentence quoting a source is longer).
    """
    if len(line.strip()) > _INFO_LINE_MAX:
        return None
    folded = matching_text(line)
    labels = list(_LABEL.finditer(folded))
    values: dict[str, str] = {}
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(line)
        # Cut at a trailing widget such as 【字体:大 中 小】.
        value = line[match.end():end].split("【")[0].strip().strip("\u00a0\u3000 |")
        values.setdefault(_kind(match.group(1)), value)
    if "source" not in values or not _DATE.search(folded):
        return None
    published = iso_date(values.get("date")) or iso_date(line)
    return InfoLine(published, values.get("source") or None, values.get("zone") or None)


def text_before_labels(line: str) -> str:
    """What an info line holds before its first label: the headline, on sites that print both on one line."""
    match = _LABEL.search(matching_text(line))
    return line[: match.start()].strip() if match else ""


def _kind(label: str) -> str:
    if re.fullmatch(_DATE_LABELS, label):
        return "date"
    if re.fullmatch(_SOURCE_LABELS, label):
        return "source"
    if re.fullmatch(_ZONE_LABELS, label):
        return "zone"
    return "other"


def is_breadcrumb(line: str) -> bool:
    folded = matching_text(line)
    return bool(_CRUMB_LABEL.match(folded)) or (
        any(folded.strip().startswith(home) for home in _HOME) and bool(_CRUMB_SEP.search(folded))
    )


def parse_breadcrumb(line: str) -> tuple[str | None, str | None]:
    """``首页 > 开发区新闻 > 湖州 > 文字新闻`` -> (category 开发区新闻, region 湖州).

    The first crumb after 首页 is the category; the crumbs after it, less a
    trailing page-type crumb (正文, 文字新闻 …), are the region, joined as one
    string (``广东 > 广州`` -> ``广东广州``, like the records' ``湖北省武汉市``).
    """
    folded = matching_text(line)
    label = _CRUMB_LABEL.match(folded)
    start = label.end() if label else 0
    crumbs, position = [], start
    for sep in _CRUMB_SEP.finditer(folded, start):
        crumbs.append(line[position:sep.start()].strip())
        position = sep.end()
    crumbs.append(line[position:].strip())
    crumbs = [c for c in crumbs if c and c not in _HOME]
    while crumbs and crumbs[-1] in _PAGE_TYPES:
        crumbs.pop()
    if not crumbs:
        return None, None
    return crumbs[0], "".join(crumbs[1:]) or None


def prev_next_link(line: str, url: str | None = None) -> RelatedLink | None:
    """``上一条:标题`` -> RelatedLink(kind="previous"); None for other lines or 没有了."""
    match = _PREV_NEXT.match(matching_text(line))
    if not match:
        return None
    title = line[match.start(2):match.end(2)].strip()
    if title in _NOTHING:
        return None
    return RelatedLink(title=title, url=url, kind=PREV_NEXT[match.group(1)])


def is_prev_next(line: str) -> bool:
    return bool(_PREV_NEXT.match(matching_text(line)))


def is_related_heading(line: str) -> bool:
    return line.strip().strip(":：") in RELATED_HEADINGS
