"""The extraction cache: one Extraction per article, kept in the store's index (STORE/build.sqlite).

An entry is used only while both keys still hold: the article's content digest (every field the
loader read, so a re-loaded article that changed is extracted again) and the extractor's version
(a digest of the extraction code, its gazetteers and model, and the versions of the libraries it
segments, converts and tags with), so changing the extractor re-extracts everything.
``kg build --reextract`` ignores the cache and refreshes it.

Entries are pickled Extractions without their Article (the store keeps the articles).  The cache
is the build's own file inside the store folder, written only under the build lock, which is why
pickle (fast, exact for the dataclasses) is acceptable here: never point a build at a store folder
someone else can write.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kg.model import Article, Extraction
from kg.settings import EXTRACTION_FILTER_SETTING, PACKAGE_DIR

#: Everything extraction reads besides the article: its package (code, gazetteers, the CRF model)
#: and the modules it imports from kg.
EXTRACTOR_SOURCES = (PACKAGE_DIR / "extract", PACKAGE_DIR / "model.py", PACKAGE_DIR / "identity.py",
                     PACKAGE_DIR / "text.py")
EXTRACTOR_LIBRARIES = ("jieba", "opencc", "cpca", "python-crfsuite", "pycountry", "pyahocorasick")


def extractor_version() -> str:
    """A digest of the extractor's files and library versions (once per process), and of the extraction
    filter chosen by the environment (another model file, or none), which may change between builds."""
    setting = os.environ.get(EXTRACTION_FILTER_SETTING, "")
    chosen = Path(setting).read_bytes() if setting and setting != "off" and Path(setting).is_file() else setting.encode()
    return hashlib.sha256(extractor_files_version().encode() + b"\0" + chosen).hexdigest()[:32]


@cache
def extractor_files_version() -> str:
    """A digest of the extractor's files and the versions of the libraries it reads with."""
    digest = hashlib.sha256()
    for source in EXTRACTOR_SOURCES:
        files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    for library in EXTRACTOR_LIBRARIES:
        try:
            digest.update(f"{library}={version(library)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{library}=missing\0".encode())
    return digest.hexdigest()[:32]


def article_digest(article: Article) -> str:
    """The digest of an article's content as loaded (its stored JSON)."""
    from kg.store import article_to_json  # kg.store imports kg.rdf; only a build needs this

    return hashlib.sha256(article_to_json(article).encode("utf-8")).hexdigest()[:32]


class ExtractionCache:
    """Extractions by article, valid for one article digest and one extractor version."""

    def __init__(self, path: Path, extractor: str | None = None) -> None:
        self.extractor = extractor or extractor_version()
        self._db = sqlite3.connect(Path(path))
        self._db.execute("CREATE TABLE IF NOT EXISTS extractions "
                         "(article TEXT PRIMARY KEY, digest TEXT, extractor TEXT, data BLOB)")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def get(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Extraction | None]]:
        """Each article with its cached Extraction, or None when there is none for its content and this extractor."""
        lookup = "SELECT data FROM extractions WHERE article = ? AND digest = ? AND extractor = ?"
        for article in articles:
            row = self._db.execute(lookup, (article.id, article_digest(article), self.extractor)).fetchone()
            yield article, (replace(pickle.loads(row[0]), article=article) if row else None)

    def put(self, extractions: Iterable[Extraction]) -> None:
        """Keep these extractions (one transaction; an earlier entry of the article is replaced)."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?)", (
                (x.article.id, article_digest(x.article), self.extractor,
                 pickle.dumps(replace(x, article=None), protocol=pickle.HIGHEST_PROTOCOL))
                for x in extractions))

    def keep_only(self, article_ids: set[str]) -> None:
        """Drop entries of articles the store no longer holds (after --rebuild)."""
        stale = [(a,) for (a,) in self._db.execute("SELECT article FROM extractions") if a not in article_ids]
        with self._db:
            self._db.executemany("DELETE FROM extractions WHERE article = ?", stale)
