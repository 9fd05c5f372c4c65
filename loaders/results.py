"""What a load run hands back: the articles, and what was not loaded and why."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Article


class NotAnArticle(Exception):
    """The input is not an article record at all (README, annotation JSON); the message says what it is."""


@dataclass(frozen=True)
class _Located:
    """Where in the input an item is: a file, and for records the 1-based line (None for a whole file)."""

    path: str
    line: int | None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Reject(_Located):
    """An input item that could not be loaded."""

    reason: str


@dataclass(frozen=True)
class Duplicate(_Located):
    """An article already loaded from an earlier item (same id or same content)."""

    duplicate_of_id: str
    reason: str


@dataclass(frozen=True)
class LoadWarning(_Located):
    """An item that was loaded, but not exactly as its source says (a repaired character, a charset that did not fit)."""

    message: str


@dataclass
class LoadResult:
    """Outcome of ``load_paths``.

    ``skipped`` holds files that are not article records at all (README,
    markdown, gold annotation JSON): reported, never loaded, and not counted
    as rejects, so ``kg load --strict`` on a corpus folder with its README
    still succeeds.  ``warnings`` holds items that were loaded with a
    repair the user should know about.
    """

    articles: list[Article] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    skipped: list[Reject] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)

    def summary(self) -> str:
        warned = f", warnings {len(self.warnings)}" if self.warnings else ""
        return f"loaded {len(self.articles)}, rejected {len(self.rejects)}, duplicates {len(self.duplicates)}{warned}"


def write_rejects(rejects: Iterable[Reject], path: Path) -> None:
    """One JSON object per reject (path, line, reason); the file is replaced, so re-runs do not pile up."""
    # backslashreplace: a file name with undecodable bytes (surrogate escapes) must not stop the report.
    with Path(path).open("w", encoding="utf-8", errors="backslashreplace") as out:
        for reject in rejects:
            out.write(json.dumps({"path": reject.path, "line": reject.line, "reason": reject.reason},
                                 ensure_ascii=False) + "\n")
