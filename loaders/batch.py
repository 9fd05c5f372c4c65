"""``load_paths``: walk files and folders, pick a loader per file, keep going past bad input."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from tqdm import tqdm

from kg.model import Article
from kg.text import matching_text
from loaders import detect
from loaders.csvfile import parse_csv
from loaders.decode import UndecodableError, declared_charset, decode
from loaders.html import parse_html
from loaders.jsonl import parse_json, parse_jsonl, stream_jsonl
from loaders.page import parse_page, parse_plaintext
from loaders.results import Duplicate, LoadResult, NotAnArticle, Reject

STDIN = "-"
DEFAULT_SIZE_LIMIT = 20 * 1024 * 1024


def expand(paths: Iterable[str]) -> tuple[list[str], list[Reject]]:
    """Files to read, sorted; folders are walked recursively, hidden entries (.git, .DS_Store) skipped."""
    files, missing = [], []
    for given in paths:
        if given == STDIN:
            files.append(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            files += [str(p) for p in path.rglob("*")
                      if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)]
        elif path.is_file():
            files.append(str(path))
        else:
            missing.append(Reject(given, None, "no such file or directory"))
    return sorted(files), missing


def _read(name: str, size_limit: int, stdin: BinaryIO | None) -> bytes:
    if name == STDIN:
        raw = (stdin or sys.stdin.buffer).read(size_limit + 1)
        if len(raw) > size_limit:
            raise _TooLarge(f"more than {size_limit} bytes")
        return raw
    size = Path(name).stat().st_size
    if size > size_limit:
        raise _TooLarge(f"{size} bytes")
    return Path(name).read_bytes()


class _TooLarge(Exception):
    """The input is over the size limit; the message gives its size."""


def read_file(name: str, *, size_limit: int = DEFAULT_SIZE_LIMIT,
              stdin: BinaryIO | None = None) -> Iterator[Article | Reject]:
    """Every article and reject in one file (or standard input when ``name`` is "-").

    Raises NotAnArticle for files that are not article records.
    """
    if name != STDIN and detect.format_by_name(name) == "jsonl" and _is_large(name, size_limit):
        # A JSON Lines export over the size limit is streamed record by record instead of refused:
        # the limit then applies to each line (one record), so memory never holds the file.
        yield from _stream_large_jsonl(name, size_limit)
        return
    try:
        raw = _read(name, size_limit, stdin)
    except _TooLarge as error:
        yield Reject(name, None, f"file too large: {error}, over the size limit of {size_limit} bytes")
        return
    except OSError as error:
        yield Reject(name, None, f"cannot read: {error.strerror or error}")
        return
    by_name = detect.format_by_name(name) if name != STDIN else None
    if by_name == "not-article":
        raise NotAnArticle("README or markdown file")
    if detect.is_binary(raw):
        yield Reject(name, None, "binary file, not text")
        return
    try:
        text, encoding = decode(raw, declared=declared_charset(raw))
    except UndecodableError as error:
        yield Reject(name, None, str(error))
        return
    fmt = by_name or detect.format_by_content(text)
    yield from _parse(fmt, text, name, encoding)


def _is_large(name: str, size_limit: int) -> bool:
    try:
        return Path(name).stat().st_size > size_limit
    except OSError:
        return False  # _read reports it


def _stream_large_jsonl(name: str, size_limit: int) -> Iterator[Article | Reject]:
    with open(name, "rb") as handle:
        head = handle.read(64 * 1024)
    if detect.is_binary(head):
        yield Reject(name, None, "binary file, not text")
        return
    yield from stream_jsonl(name, line_limit=size_limit)


def _parse(fmt: str, text: str, name: str, encoding: str) -> Iterator[Article | Reject]:
    if fmt == "not-article":
        raise NotAnArticle("README or markdown file")
    if fmt in ("jsonl", "json", "csv", "tsv"):
        if fmt == "jsonl":
            yield from parse_jsonl(text, path=name, encoding=encoding)
        elif fmt == "json":
            yield from parse_json(text, path=name, encoding=encoding)
        else:
            yield from parse_csv(text, path=name, encoding=encoding, delimiter="\t" if fmt == "tsv" else ",")
        return
    # Page, HTML and text files hold one article each: the file stem is its id.
    article_id = Path(name).stem if name != STDIN else None
    if fmt == "html":
        article = parse_html(text, article_id=article_id, path=name, encoding=encoding)
    elif fmt == "page":
        article = parse_page(text, article_id=article_id, path=name, encoding=encoding)
    else:
        article = parse_plaintext(text, article_id=article_id, path=name, encoding=encoding)
    yield article if article.body else Reject(name, None, f"empty body: no article text found ({fmt})")


def content_key(article: Article) -> str:
    """Same content = same title and body once widths are folded and whitespace ignored."""
    return hashlib.sha1(re.sub(r"\s+", "", matching_text(article.text)).encode("utf-8")).hexdigest()


def load_paths(paths: Iterable[str | Path] | str | Path, size_limit: int = DEFAULT_SIZE_LIMIT, progress: bool = False,
               stdin: BinaryIO | None = None) -> LoadResult:
    """Load every article under ``paths`` (files, folders, "-" for standard input)."""
    if isinstance(paths, (str, Path)):
        paths = [str(paths)]
    files, missing = expand(str(p) for p in paths)
    result = LoadResult(rejects=missing)
    seen_ids: dict[str, Article] = {}
    seen_content: dict[str, Article] = {}

    def take(item: Article | Reject, name: str) -> None:
        if isinstance(item, Reject):
            result.rejects.append(item)
            return
        key = content_key(item)
        earlier = seen_ids.get(item.id) or seen_content.get(key)
        if earlier is not None:
            same = "id" if earlier.id == item.id else "content"
            where = f"{earlier.path}:{earlier.line}" if earlier.line else earlier.path
            result.duplicates.append(Duplicate(item.path or name, item.line, earlier.id, f"same {same} as {where}"))
            return
        seen_ids[item.id] = item
        seen_content[key] = item
        result.articles.append(item)

    for name in tqdm(files, disable=not progress, file=sys.stderr, unit="file", desc="loading"):
        try:
            for item in read_file(name, size_limit=size_limit, stdin=stdin):  # item by item: a big file is streamed
                take(item, name)
        except NotAnArticle as why:  # raised before a file's first item
            result.skipped.append(Reject(name, None, f"not an article record: {why}"))
        except Exception as error:  # one broken file must not stop the batch
            result.rejects.append(Reject(name, None, f"cannot parse: {type(error).__name__}: {error}"))
    return result
