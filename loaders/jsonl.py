"""JSON Lines exports (one record per line) and JSON documents holding records.

A JSON document with ``entities``/``relations`` is a gold annotation file,
not an article record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from kg.model import Article
from loaders.fields import RecordError, record_to_article
from loaders.results import NotAnArticle, Reject


def parse_jsonl(text: str, *, path: str, encoding: str) -> Iterator[Article | Reject]:
    yield from parse_lines(enumerate(text.splitlines(), start=1), path=path, encoding=encoding)


def stream_jsonl(path: str, *, line_limit: int) -> Iterator[Article | Reject]:
    """A JSON Lines file of any size, read line by line (UTF-8): memory holds one line, never the file."""
    def lines() -> Iterator[tuple[int, str | Reject]]:
        with open(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if len(raw) > line_limit:
                    yield number, Reject(path, number, f"line too long: {len(raw)} bytes, over the limit of {line_limit}")
                    continue
                try:
                    yield number, raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    yield number, Reject(path, number, f"not UTF-8 at byte {error.start}")

    yield from parse_lines(lines(), path=path, encoding="utf-8")


def parse_lines(lines: Iterable[tuple[int, str | Reject]], *, path: str, encoding: str) -> Iterator[Article | Reject]:
    """Records from numbered lines (a line may already be a Reject)."""
    for number, line in lines:
        if isinstance(line, Reject):
            yield line
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Reject(path, number, f"malformed JSON line: {error.msg} at column {error.colno}")
            continue
        yield _one(record, path=path, line=number, fmt="jsonl", encoding=encoding)


def is_annotation(document: object) -> bool:
    return isinstance(document, dict) and ("entities" in document or "relations" in document)


def parse_json(text: str, *, path: str, encoding: str) -> Iterator[Article | Reject]:
    """A JSON document: one record object, or a list of them (``line`` is then the item number)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        yield Reject(path, error.lineno, f"malformed JSON: {error.msg} at column {error.colno}")
        return
    if is_annotation(document):
        raise NotAnArticle("annotation JSON (has entities/relations)")
    items = document if isinstance(document, list) else [document]
    for number, record in enumerate(items, start=1):
        yield _one(record, path=path, line=number, fmt="json", encoding=encoding)


def _one(record: object, *, path: str, line: int, fmt: str, encoding: str) -> Article | Reject:
    if not isinstance(record, dict):
        return Reject(path, line, f"not a JSON object but a {type(record).__name__}")
    if "body" not in record:
        return Reject(path, line, "missing required field: body")
    try:
        return record_to_article(record, path=path, line=line, fmt=fmt, encoding=encoding)
    except RecordError as error:
        return Reject(path, line, str(error))
