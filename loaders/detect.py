"""Which loader reads a file: by suffix first, by content when the suffix says nothing.

Formats: ``page`` (scraped page text), ``text`` (plain article text),
``html``, ``jsonl``, ``json``, ``csv``, ``tsv``; and two that are never
loaded: ``binary`` (rejected) and ``not-article`` (README/markdown files,
skipped and reported).
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

from loaders.page import looks_like_page

_SUFFIXES = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".md": "not-article", ".markdown": "not-article", ".rst": "not-article",
}
# Magic numbers of common binary formats (images, archives, PDF, office files).
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\x7fELF", b"\xd0\xcf\x11\xe0")
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_CSV_HEADER = re.compile(r"^\ufeff?[\w\"]+(?:,[\w\"]*)+$")


def is_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if head.startswith(_MAGIC):
        return True
    return b"\x00" in head and not head.startswith(_UNICODE_BOMS)


def format_by_name(name: str) -> str | None:
    path = PurePath(name)
    if path.stem.upper() in ("README", "LICENSE", "CHANGELOG", "NOTICE"):
        return "not-article"
    return _SUFFIXES.get(path.suffix.lower())


def format_by_content(text: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    if _HTML_START.match(stripped[:2048]) or "<body" in stripped[:4096].lower():
        return "html"
    if stripped.startswith(("{", "[")):
        try:
            json.loads(stripped)
            return "json"
        except json.JSONDecodeError:
            if stripped.startswith("{"):
                return "jsonl"
    first_line = stripped.split("\n", 1)[0].strip()
    if _CSV_HEADER.match(first_line) and {"id", "body"} <= {c.strip('"') for c in first_line.split(",")}:
        return "csv"
    if first_line.startswith("# "):
        return "not-article"
    return "page" if looks_like_page(text) else "text"
