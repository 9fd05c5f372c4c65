"""CSV exports (RFC 4180: quoted newlines, commas and doubled quotes) with a header row.

The header must name the ``id`` and ``body`` columns; other columns may be
missing or empty.  ``line`` is the physical line a record starts on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from kg.model import Article
from loaders.fields import REQUIRED, RecordError, record_to_article
from loaders.results import Reject


def parse_csv(text: str, *, path: str, encoding: str, delimiter: str = ",") -> Iterator[Article | Reject]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [name.strip().lstrip("\ufeff") for name in next(reader)]
    except StopIteration:
        yield Reject(path, None, "empty CSV file")
        return
    except csv.Error as error:
        yield Reject(path, 1, f"malformed CSV header: {error}")
        return
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        yield Reject(path, 1, f"CSV without required column(s): {', '.join(missing)} (header: {', '.join(header)})")
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # An unbalanced quote swallows the rest of the file: nothing after it can be trusted.
            yield Reject(path, start, f"malformed CSV from here to the end of the file: {error}")
            return
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Reject(path, line, f"malformed CSV row: expected {len(header)} fields, got {len(row)}")
            continue
        try:
            yield record_to_article(dict(zip(header, row)), path=path, line=line, fmt="csv", encoding=encoding)
        except RecordError as error:
            yield Reject(path, line, str(error))
