"""`kg load PATH...`: show the article records the loaders read.

Records go to standard output (``--format jsonl``: one JSON object per
Article with all its fields; ``table``: a readable block per article).
Standard error gets a progress bar (only when it is a terminal), one warning
per reject / duplicate / non-article file naming file:line, and the summary
``loaded N, rejected N, duplicates N``.  Rejects are written as JSON Lines
(path, line, reason) only when ``--rejects FILE`` is given; non-article
files go there too, with reasons starting "not an article record".
``--strict`` exits 1 when anything was rejected (non-article files and
duplicates do not count).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.model import Article

if TYPE_CHECKING:  # the loaders (trafilatura, lxml) are imported when a command runs, not for `kg --help`
    from loaders import LoadResult

#: loaders.DEFAULT_SIZE_LIMIT, restated so that building the option does not import the loaders
#: (tests/test_cli_startup.py checks that the two agree).
SIZE_LIMIT_DEFAULT = 20 * 1024 * 1024


def article_record(article: Article) -> dict:
    """All fields of an Article as JSON-ready values."""
    return dataclasses.asdict(article)


def _table_block(article: Article) -> str:
    where = f"{article.path}:{article.line}" if article.line else article.path
    fields = [
        ("id", article.id), ("title", article.title), ("published", article.published),
        ("source", article.source), ("zone", article.zone), ("region", article.region),
        ("category", article.category), ("site", article.site), ("url", article.url),
        ("from", f"{where} ({article.format}, {article.encoding})"),
    ]
    lines = [f"{name:>9}: {value}" for name, value in fields if value]
    first = article.body[0] if article.body else ""
    lines.append(f"{'body':>9}: {len(article.body)} paragraphs, {sum(map(len, article.body))} chars: "
                 f"{first[:60]}{'…' if len(first) > 60 else ''}")
    for link in article.related:
        lines.append(f"{link.kind:>9}: {link.title}")
    return "\n".join(lines)


def report_items(result: LoadResult) -> None:
    """One line on standard error per reject, skipped file and duplicate, naming file:line and the reason."""
    for reject in result.rejects:
        click.echo(f"warning: {reject.where}: {reject.reason}", err=True)
    for skipped in result.skipped:
        click.echo(f"skipped: {skipped.where}: {skipped.reason}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning.where}: {warning.message}", err=True)
    for duplicate in result.duplicates:
        click.echo(f"duplicate: {duplicate.where}: {duplicate.duplicate_of_id} ({duplicate.reason})", err=True)


def _report(result: LoadResult) -> None:
    report_items(result)
    note = f"; skipped {len(result.skipped)} non-article file(s)" if result.skipped else ""
    click.echo(result.summary() + note, err=True)


@click.command("load")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object per article; table: readable blocks.")
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write rejected items as JSON Lines (path, line, reason) to this file.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if any item was rejected.")
@click.option("--size-limit", type=click.IntRange(min=1), default=SIZE_LIMIT_DEFAULT, show_default=True,
              help="Reject files larger than this many bytes.")
def load(paths: tuple[str, ...], fmt: str, rejects_path: Path | None, strict: bool, size_limit: int) -> None:
    """Load article records from files, folders (recursively) or - (standard input) and print them."""
    from loaders import load_paths, write_rejects

    result = load_paths(paths, size_limit=size_limit, progress=sys.stderr.isatty())
    for article in result.articles:
        if fmt == "jsonl":
            click.echo(json.dumps(article_record(article), ensure_ascii=False))
        else:
            click.echo(_table_block(article) + "\n")
    _report(result)
    if rejects_path is not None:
        write_rejects([*result.rejects, *result.skipped], rejects_path)
    if strict and result.rejects:
        sys.exit(1)


COMMANDS = [load]
