"""Loaders: bytes in, ``kg.model.Article`` records out.

    from loaders import load_paths, LoadResult
    result = load_paths(["corpus/", "-"], size_limit=DEFAULT_SIZE_LIMIT, progress=False)
    result.articles    # Article records, sorted by path, then line
    result.rejects     # Reject(path, line, reason): bad input, with the reason
    result.duplicates  # Duplicate(path, line, duplicate_of_id, reason): not loaded twice
    result.skipped     # Reject records for files that are not article records (README, gold JSON)
    result.warnings    # LoadWarning(path, line, message): loaded, but repaired (see below)

Paths may be files, folders (walked recursively; hidden entries skipped) or
"-" for standard input.  The format is chosen by suffix, else by content
(``loaders.detect``): scraped page text (``loaders.page``, both site
layouts), plain text, HTML (``loaders.html``), JSON Lines / JSON
(``loaders.jsonl``) and CSV/TSV (``loaders.csvfile``).

Article ids (the extraction scorer matches predictions on article id or on
file name, so this rule is part of the interface):

- JSONL/CSV/JSON records use their ``id`` field; a record without one gets
  ``Article.make_id`` (from the URL when there is one, else a content hash).
- Page, HTML and plain-text files hold one article each and use the file
  stem: ``syn-p01-sip-biomed-forum-2024.txt`` -> ``syn-p01-sip-biomed-forum-2024``.
- Text read from standard input has no file name and gets ``Article.make_id``.

The same input always gives the same ids.  A later article with an id or a
content (title + body, widths folded, whitespace ignored) already loaded is a
duplicate: reported, not loaded.

``Article.body`` holds the paragraphs exactly as the source has them (HTML
entities decoded, indentation stripped); ``kg.text.matching_text`` gives the
repaired, same-length text to match on.

Bad input never stops a batch: undecodable bytes, binary files, files over
the size limit, empty bodies, malformed JSON lines, CSV without an ``id`` or
``body`` column, malformed CSV rows, HTML nested deeper than 255 elements and
ids holding a lone surrogate become ``Reject`` records naming the file and,
for records, the line.  What is loaded with a repair is reported in
``result.warnings`` (``LoadWarning``): lone surrogates replaced by U+FFFD, a
title over 1,000 characters cut, a declared charset that did not fit the bytes.

A plain-text file's first line is its title only when it reads as a headline
(at most 80 characters, no full stop); otherwise the whole text is the body.
"""

from loaders.batch import DEFAULT_SIZE_LIMIT, STDIN, load_paths, read_file
from loaders.results import Duplicate, LoadResult, LoadWarning, Reject, write_rejects

__all__ = ["DEFAULT_SIZE_LIMIT", "STDIN", "Duplicate", "LoadResult", "LoadWarning", "Reject", "load_paths", "read_file",
           "write_rejects"]
