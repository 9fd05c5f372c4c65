"""``load_paths``: walk files and folders, pick a loader per file, keep going past bad input."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from tqdm import tqdm

from kg.identity import identifier_problem
from kg.model import Article, RelatedLink
from kg.text import matching_text, replace_lone_surrogates, strip_pinyin_glosses
from loaders import detect
from loaders.csvfile import parse_csv
from loaders.decode import UndecodableError, declared_charset, decode
from loaders.html import parse_html, too_deep
from loaders.jsonl import parse_json, parse_jsonl, stream_jsonl
from loaders.page import parse_page, parse_plaintext
from loaders.results import Duplicate, LoadResult, LoadWarning, NotAnArticle, Reject

STDIN = "-"
DEFAULT_SIZE_LIMIT = 20 * 1024 * 1024
TITLE_MAX_CHARS = 1000


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
              stdin: BinaryIO | None = None) -> Iterator[Article | Reject | LoadWarning]:
    """Every article, reject and warning in one file (or standard input when ``name`` is "-").

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
        text, encoding, note = decode(raw, declared=declared_charset(raw))
    except UndecodableError as error:
        yield Reject(name, None, str(error))
        return
    if note:
        yield LoadWarning(name, None, note)
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
        refused = too_deep(text)
        if refused:
            yield Reject(name, None, refused)
            return
        article = parse_html(text, article_id=article_id, path=name, encoding=encoding)
    elif fmt == "page":
        article = parse_page(text, article_id=article_id, path=name, encoding=encoding)
    else:
        article = parse_plaintext(text, article_id=article_id, path=name, encoding=encoding)
    yield article if article.body else Reject(name, None, f"empty body: no article text found ({fmt})")


_TEXT_FIELDS = ("title", "url", "published", "source", "site", "zone", "region", "category")


def _repaired(value: str | None, field_name: str, counts: dict[str, int], glosses: dict[str, int] | None = None) -> str | None:
    if value is None:
        return None
    text, replaced = replace_lone_surrogates(value)
    if replaced:
        counts[field_name] = counts.get(field_name, 0) + replaced
    if glosses is not None:
        text, removed = strip_pinyin_glosses(text)
        if removed:
            glosses[field_name] = glosses.get(field_name, 0) + removed
    return text


def checked(article: Article) -> tuple[Article | Reject, list[LoadWarning]]:
    """One record made safe for every later stage, or rejected with the reason.

    An id that cannot name anything (empty, or holding a lone surrogate) rejects the record: repairing it
    could give two records one identity.  Lone surrogates anywhere else become U+FFFD, with a warning.
    Pinyin readings that a script converter printed after each character (產(chǎn)業(yè)) are taken out of the
    title and body, with a warning: they split every name they touch.
    Every other character is fine: ``kg.identity.iri`` percent-encodes what IRIs forbid.  A title longer
    than TITLE_MAX_CHARS is cut, with a warning (a headline runs to a few dozen characters).
    """
    where = article.path or STDIN
    problem = identifier_problem(article.id)
    if problem:
        return Reject(where, article.line, problem), []
    counts: dict[str, int] = {}
    glosses: dict[str, int] = {}  # pinyin readings removed from the text a reader sees (title and body)
    changes = {name: _repaired(getattr(article, name), name, counts, glosses if name == "title" else None)
               for name in _TEXT_FIELDS}
    changes["body"] = tuple(_repaired(p, "body", counts, glosses) for p in article.body)
    changes["related"] = tuple(RelatedLink(_repaired(link.title, "related", counts), _repaired(link.url, "related", counts),
                                           link.kind) for link in article.related)
    warnings = []
    if glosses:
        fields = ", ".join(f"{count} in {name}" for name, count in glosses.items())
        warnings.append(LoadWarning(where, article.line, f"pinyin readings after characters removed ({fields}): "
                                                         "a converter's glosses, not text"))
    if counts:
        fields = ", ".join(f"{count} in {name}" for name, count in counts.items())
        warnings.append(LoadWarning(where, article.line, f"lone surrogates replaced by U+FFFD ({fields}): not Unicode text"))
    if len(changes["title"]) > TITLE_MAX_CHARS:
        warnings.append(LoadWarning(where, article.line, f"title of {len(changes['title'])} characters cut to "
                                                         f"{TITLE_MAX_CHARS}: no headline is that long"))
        changes["title"] = changes["title"][:TITLE_MAX_CHARS]
    return (dataclasses.replace(article, **changes), warnings) if warnings else (article, [])


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

    def take(item: Article | Reject | LoadWarning, name: str) -> None:
        if isinstance(item, LoadWarning):
            result.warnings.append(item)
            return
        if isinstance(item, Article):
            item, warnings = checked(item)
            result.warnings += warnings
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
