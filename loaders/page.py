"""Scraped page text (both site layouts) and plain article text.

A scraped page is: chrome lines (synthetic marker, site slogan, navigation,
breadcrumb), the title, the info line (发布时间/来源/发布开发区 or
时间/来源/所属园区/浏览次数), widget lines (【字体:大 中 小】), the body, then
the footer: 上一条/下一条 (上一篇/下一篇) links and 相关新闻/相关阅读 lists,
which become ``related``, and contact, print, byline and copyright lines,
which are dropped.  Plain text has no chrome: its first line is the title.

Each non-empty body line is one paragraph, with its indentation (spaces,
U+3000) stripped and HTML entities decoded; nothing else is changed.
"""

from __future__ import annotations

import html
import re

from kg.model import Article, RelatedLink
from loaders import chrome

SYNTHETIC_MARKER = "[SYNTHETIC SAMPLE]"
# How far down the info line may sit for a text to count as a scraped page.
_INFO_LINE_WINDOW = 20
# Longer than this and holding a full stop, a line is running text (a site's slogan ends in 。 too, but is short).
TEXT_PARAGRAPH_MIN_CHARS = 40
_WIDGET = re.compile(r"^\s*(?:【[^】]*】\s*)+$")
_BULLET = re.compile(r"^\s*[·•●◆◇■□▪\-*]\s*")
_FOOTER_STARTS = (
    "与我们联系", "联系我们", "打印本页", "【打印本页】", "【关闭窗口】", "关闭窗口", "责任编辑", "Copyright",
    "copyright", "版权所有", "主办单位", "备案号", "联系电话", "联系方式",
)


def _lines(text: str) -> list[str]:
    lines = text.splitlines()
    if lines and lines[0].lstrip("\ufeff").startswith(SYNTHETIC_MARKER):
        lines = lines[1:]
    return lines


def find_info_line(lines: list[str]) -> int | None:
    """Index of the info line among the first non-empty lines, or None.  A page's info line stands above its text:
    after a paragraph of sentences, a line with a source and a date is the text's closing credit
    ((稿件来源:2019年12月4日《某报》)), and the file is plain text.  Which side holds more running text tells them
    apart: a page's chrome may hold a sentence too (a browser warning, the page's description), but not its body."""
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if chrome.parse_info_line(line):
            return i if _running_text(lines[:i]) <= _running_text(lines[i + 1:]) else None
        seen += 1
        if seen >= _INFO_LINE_WINDOW:
            return None
    return None


def _running_text(lines: list[str]) -> int:
    """Characters of running text: lines long enough and holding a full stop (a headline, menu or slogan is neither)."""
    return sum(len(line.strip()) for line in lines
               if len(line.strip()) > TEXT_PARAGRAPH_MIN_CHARS and _FULL_STOP.search(line))


def looks_like_page(text: str) -> bool:
    return find_info_line(_lines(text)) is not None


def _is_footer_start(line: str) -> bool:
    stripped = line.strip()
    return (
        chrome.is_prev_next(stripped)
        or chrome.is_related_heading(stripped)
        or stripped.startswith(_FOOTER_STARTS)
    )


def _paragraph(line: str) -> str:
    return html.unescape(line).strip(" \t\u3000\u00a0\r")


def split_body_and_footer(lines: list[str]) -> tuple[list[str], list[RelatedLink]]:
    """Body paragraphs up to the first footer line after the text began; related links read from the footer.

    A footer line before the text began is the page's chrome, not its end: 联系我们 in a navigation menu, or a
    责任编辑 byline under the headline.  The text has begun at its first sentence (a line that does not read as a
    headline, ``is_headline``): a site name or a headline before such a byline is no text yet, and ending there
    would lose the whole article."""
    body: list[str] = []
    footer_at = len(lines)
    for i, line in enumerate(lines):
        if not line.strip() or _WIDGET.match(line):
            continue
        if _is_footer_start(line):
            if not any(p and not is_headline(p) for p in body):
                continue
            footer_at = i
            break
        body.append(_paragraph(line))
    return [p for p in body if p], _footer_links(lines[footer_at:])


def _footer_links(lines: list[str]) -> list[RelatedLink]:
    links: list[RelatedLink] = []
    in_related_list = False
    for raw in lines:
        line = _paragraph(raw)
        link = chrome.prev_next_link(line)
        if link:
            links.append(link)
            in_related_list = False
        elif chrome.is_related_heading(line):
            in_related_list = True
        elif in_related_list and _BULLET.match(line):
            title = _BULLET.sub("", line).strip()
            if title:
                links.append(RelatedLink(title=title, kind="related"))
        else:
            in_related_list = False
    return links


def _glued_paragraph(line: str) -> tuple[str, str]:
    """An info line with the text's first paragraph glued after it (…来源:某网 点击量:    15日,位于…。): the info part
    and the paragraph, which starts after the last space before the first full stop."""
    stop = _FULL_STOP.search(line)
    if stop is None:
        return line, ""
    cut = max(line.rfind(ch, 0, stop.start()) for ch in " \t\u3000\u00a0")
    if cut < 0 or not _running_text([line[cut:]]):
        return line, ""
    return line[:cut], line[cut:].strip()


def parse_page(text: str, *, article_id: str | None, path: str | None, encoding: str) -> Article:
    """A scraped page; the caller has checked ``looks_like_page``."""
    lines = _lines(text)
    info_at = find_info_line(lines)
    assert info_at is not None, "parse_page needs a text with an info line"
    info_text, glued = _glued_paragraph(lines[info_at])
    info = chrome.parse_info_line(info_text) or chrome.InfoLine(chrome.iso_date(info_text), None, None)
    head = [line.strip() for line in lines[:info_at] if line.strip()]
    # (a site that glues the text to the info line may print the headline before it on that line too)
    lead = chrome.text_before_labels(info_text) if glued else ""
    if lead and is_headline(lead) and not chrome.iso_date(lead):
        head.append(lead)
    crumbs = [line for line in head if chrome.is_breadcrumb(line)]
    title_candidates = [line for line in head if not chrome.is_breadcrumb(line)]
    title = _paragraph(title_candidates[-1]) if title_candidates else ""
    # The first header line is the site name and slogan; keep the part before a "|" or wide gap.
    site = re.split(r"\s*\|\s*|\s{2,}", title_candidates[0])[0] if len(title_candidates) > 1 else None
    category, region = chrome.parse_breadcrumb(crumbs[-1]) if crumbs else (None, None)
    body, related = split_body_and_footer(([glued] if glued else []) + lines[info_at + 1:])
    return _article(article_id, title, body, path, encoding, "page",
                    published=info.published, source=info.source, zone=info.zone, site=site,
                    region=region, category=category, related=tuple(related))


# A headline is one short phrase: longer, or holding a full stop, the first line is already the text.
HEADLINE_MAX_CHARS = 80
_FULL_STOP = re.compile(r"[。．]|\.(?:\s|$)")


def is_headline(line: str) -> bool:
    """Whether the first line of a plain-text file is its headline rather than its first paragraph."""
    line = line.strip()
    return 0 < len(line) <= HEADLINE_MAX_CHARS and not _FULL_STOP.search(line)


def parse_plaintext(text: str, *, article_id: str | None, path: str | None, encoding: str) -> Article:
    """Plain article text: the first non-empty line is the title when it reads as a headline (see
    ``is_headline``; a file of one paragraph has none, a file of one headline has an empty body), each
    further line a paragraph."""
    lines = [line for line in _lines(text) if line.strip()]
    has_title = bool(lines) and is_headline(lines[0])
    title = _paragraph(lines[0]) if has_title else ""
    body, related = split_body_and_footer(lines[1:] if has_title else lines)
    return _article(article_id, title, body, path, encoding, "text", related=tuple(related))


def _article(article_id: str | None, title: str, body: list[str], path: str | None, encoding: str,
             fmt: str, **fields) -> Article:
    paragraphs = tuple(body)
    return Article(
        id=article_id or Article.make_id(None, title, paragraphs),
        title=title, body=paragraphs, path=path, encoding=encoding, format=fmt, **fields,
    )
