"""Full HTML pages: charset, main content, and the chrome around it.

The article text is found by trafilatura (a maintained main-content
extractor that drops navigation, sidebars, share boxes and footers without
per-site rules); the chrome that carries metadata (breadcrumb, the
发布时间/来源/发布开发区 line, 上一篇/下一篇 links, 相关新闻 boxes) is read
with selectolax (lexbor) CSS selection and parsed by ``loaders.chrome``,
the same rules the scraped-page loader uses.
"""

from __future__ import annotations

import re

import trafilatura
from trafilatura.settings import set_date_params
from selectolax.lexbor import LexborHTMLParser, LexborNode

from kg.model import Article, RelatedLink
from loaders import chrome
from loaders.page import split_body_and_footer

# Longer than this, an element holds more than one line of chrome.
_CHROME_TEXT_MAX = 300
# Real pages nest a few dozen levels.  Past 255 levels trafilatura (libxml2) finds no text at all, and the
# HTML parsers take time quadratic in the depth (lexbor needs 79 s for 100,000 nested divs): such a page is
# refused, with this reason, before any parser sees it.
MAX_NESTING_DEPTH = 255
# Raw text (indentation included) this much longer than a chrome line cannot collapse into one.
_RAW_TEXT_MAX = 10 * _CHROME_TEXT_MAX
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
_RAW_TEXT = re.compile(r"<(script|style|textarea|title)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
# Elements that never hold content, or that HTML closes implicitly (a <p> or <li> left open is not nesting).
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup rb rt rp colgroup thead tbody tfoot".split())


def nesting_depth(text: str) -> int:
    """How deep the page's elements nest, counted from its tags in one linear pass (no tree is built).

    A close tag ends its nearest open namesake; stray close tags are ignored."""
    depth = deepest = 0
    open_counts: dict[str, int] = {}
    for match in _TAG.finditer(_RAW_TEXT.sub("", text)):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _NOT_NESTING or self_closing:
            continue
        if not closing:
            open_counts[name] = open_counts.get(name, 0) + 1
            depth += 1
            deepest = max(deepest, depth)
        elif open_counts.get(name):
            open_counts[name] -= 1
            depth -= 1
    return deepest


def too_deep(text: str) -> str | None:
    """Why a page is refused before it is parsed (nesting past MAX_NESTING_DEPTH), else None."""
    depth = nesting_depth(text)
    if depth > MAX_NESTING_DEPTH:
        return (f"HTML nested {depth} elements deep, over the limit of {MAX_NESTING_DEPTH}: "
                "not a news page (parsing it would take time quadratic in its depth)")
    return None
_TITLE_SUFFIX = re.compile(r"\s*(?:_|\||｜| - | – | — )\s*")


def parse_html(text: str, *, article_id: str | None, path: str | None, encoding: str) -> Article:
    tree = LexborHTMLParser(text)
    # extensive_search off: htmldate then reads dates from markup only (meta tags, <time>, structured data,
    # the URL) instead of guessing from any year in the text, which gave pages with no date "2024-01-01".
    document = trafilatura.bare_extraction(
        _without_semantic_chrome(text), with_metadata=True, favor_precision=True, include_comments=False, include_tables=False,
        date_extraction_params=set_date_params(extensive=False),
    )
    extracted_title = getattr(document, "title", None) if document is not None else None
    title = extracted_title or _h1(tree) or _head_title(tree) or ""
    info = _shortest(tree, chrome.parse_info_line)
    crumb = _shortest(tree, lambda t: t if chrome.is_breadcrumb(t) else None)
    category, region = chrome.parse_breadcrumb(crumb) if crumb else (None, None)
    body = _body(getattr(document, "text", None) or "", title) if document is not None else []
    published = info.published if info else None
    if published is None and document is not None:
        published = chrome.iso_date(getattr(document, "date", None))
    paragraphs = tuple(body)
    url = _canonical_url(tree)
    return Article(
        id=article_id or Article.make_id(url, title, paragraphs),
        title=title, body=paragraphs, url=url, published=published,
        source=info.source if info else None, site=_site(tree, title), zone=info.zone if info else None,
        region=region, category=category, related=tuple(_related(tree)), encoding=encoding, path=path,
        format="html",
    )


def _without_semantic_chrome(text: str) -> str:
    """The page less elements that are chrome by their HTML5 role.

    Trafilatura drops these itself on a normal page, but on a page with no
    article its fallback would return the navigation as the text.
    """
    tree = LexborHTMLParser(text)
    for node in tree.css('nav, header, footer, aside, form, script, style, noscript, [role="navigation"]'):
        node.decompose()
    return tree.html or ""


def _node_text(node: LexborNode) -> str:
    return re.sub(r"\s+", " ", node.text(separator=" ")).strip()


def _short_text(node: LexborNode) -> str:
    """The element's text when it can be one line of chrome, else "" (long text is not collapsed: every
    ancestor of the article holds all of it, which made this quadratic in the page's depth)."""
    raw = node.text(separator=" ")
    return "" if len(raw) > _RAW_TEXT_MAX else re.sub(r"\s+", " ", raw).strip()


def _shortest(tree: LexborHTMLParser, parse):
    """The parse of the innermost short element whose text ``parse`` accepts."""
    best, best_len = None, None
    for node in tree.css("body *"):
        if node.tag in ("script", "style", "noscript"):
            continue
        text = _short_text(node)
        if not text or len(text) > _CHROME_TEXT_MAX or (best_len is not None and len(text) >= best_len):
            continue
        parsed = parse(text)
        if parsed:
            best, best_len = parsed, len(text)
    return best


def _body(extracted: str, title: str) -> list[str]:
    """Trafilatura's paragraphs, less a repeated title and any footer chrome it let through."""
    lines = [line for line in extracted.splitlines()
             if line.strip() and not chrome.parse_info_line(line) and not chrome.is_breadcrumb(line)]
    if lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    body, _ = split_body_and_footer(lines)
    return body


def _h1(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("h1")
    return _node_text(node) if node else None


def _head_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    return _TITLE_SUFFIX.split(_node_text(node))[0] if node else None


def _meta(tree: LexborHTMLParser, key: str) -> str | None:
    node = tree.css_first(f'meta[property="{key}"], meta[name="{key}"]')
    value = node.attributes.get("content") if node else None
    return value.strip() if value and value.strip() else None


def _site(tree: LexborHTMLParser, title: str) -> str | None:
    """og:site_name, else the part of <title> after the article title (``标题_站名``)."""
    named = _meta(tree, "og:site_name")
    if named:
        return named
    node = tree.css_first("title")
    parts = [p for p in _TITLE_SUFFIX.split(_node_text(node)) if p] if node else []
    return parts[-1] if len(parts) > 1 and parts[-1] != title else None


def _canonical_url(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first('link[rel="canonical"]')
    href = node.attributes.get("href") if node else None
    return (href or "").strip() or _meta(tree, "og:url")


def _related(tree: LexborHTMLParser) -> list[RelatedLink]:
    """上一篇/下一篇 links (kind previous/next), then the links of 相关新闻 boxes (related)."""
    links: list[RelatedLink] = []
    for anchor in tree.css("a"):
        title = _node_text(anchor)
        parent = anchor.parent
        if not title or parent is None:
            continue
        context = _short_text(parent)
        link = chrome.prev_next_link(context, url=anchor.attributes.get("href"))
        if link and context.endswith(title):
            links.append(RelatedLink(title=title, url=link.url, kind=link.kind))
    for heading in tree.css("body *"):
        if not chrome.is_related_heading(_short_text(heading)) or heading.parent is None:
            continue
        for anchor in heading.parent.css("a"):
            title = _node_text(anchor)
            if title:
                links.append(RelatedLink(title=title, url=anchor.attributes.get("href"), kind="related"))
    return list(dict.fromkeys(links))
