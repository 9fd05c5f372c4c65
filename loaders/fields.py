"""Export records (JSON Lines, CSV, JSON) -> Article: the eight fields and their checks.

Fields: id, url, title, published, source, zone, region, body (site and
category are read too when present).  ``body`` is required and must hold
text; paragraphs are separated by blank lines (a JSON list of strings is
taken as the paragraphs).  ``id`` is used as it is; a record without one
gets ``Article.make_id`` (URL, else content hash).
"""

from __future__ import annotations

import re

from kg.model import Article
from loaders.chrome import iso_date

REQUIRED = ("id", "body")
_OPTIONAL_TEXT = ("url", "title", "source", "zone", "region", "site", "category")
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


class RecordError(ValueError):
    """A record that cannot become an Article; the message says why."""


def _text(value: object, name: str = "paragraph") -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    raise RecordError(f"field {name} holds a {type(value).__name__}, expected text")


def paragraphs(body: object) -> tuple[str, ...]:
    """Body text split on blank lines, each paragraph stripped; a list is taken as paragraphs."""
    if isinstance(body, list):
        parts = [_text(item) or "" for item in body]
    elif isinstance(body, str):
        parts = _BLANK_LINE.split(body.replace("\r\n", "\n").replace("\r", "\n"))
    elif body is None:
        parts = []
    else:
        raise RecordError(f"body holds a {type(body).__name__}, expected text")
    return tuple(p.strip() for p in parts if p.strip())


def record_to_article(record: dict, *, path: str, line: int, fmt: str, encoding: str) -> Article:
    """Raise RecordError for an empty body or a malformed field."""
    values = {name: _text(record.get(name), name) for name in (*_OPTIONAL_TEXT, "id", "published")}
    body = paragraphs(record.get("body"))
    if not body:
        raise RecordError("empty body")
    title = values["title"] or ""
    published = values["published"]
    return Article(
        id=values["id"] or Article.make_id(values["url"], title, body),
        title=title, body=body, url=values["url"], published=iso_date(published) if published else None,
        source=values["source"], site=values["site"], zone=values["zone"], region=values["region"],
        category=values["category"], encoding=encoding, path=path, line=line, format=fmt,
    )
