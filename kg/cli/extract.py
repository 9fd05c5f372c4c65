"""`kg extract PATH...`: the extraction contract's per-article output.

``--format jsonl`` writes one JSON object per article (article, file,
entities, relations) exactly as shared/spec/extraction-contract.md describes;
``--format table`` a readable block per article.  Names are the canonical
names after resolution across all the articles given.  Loader rejects are
reported on standard error as ``kg load`` reports them; so is an article whose
extraction fails (the others are still extracted).
"""

from __future__ import annotations

import json

import click

from kg.cli.load import _report


def _table(record: dict) -> str:
    lines = [f"== {record['article']}  ({record['file']})"]
    for e in sorted(record["entities"], key=lambda e: (e["type"], e["name"])):
        extra = []
        if e["aliases"]:
            extra.append("aka " + ", ".join(e["aliases"]))
        if e.get("honors"):
            extra.append("honours " + ", ".join(e["honors"]))
        lines.append(f"  {e['type']:<13} {e['name']}" + (f"  [{'; '.join(extra)}]" if extra else ""))
    for r in record["relations"]:
        title = f" ({r['title']})" if r.get("title") else ""
        lines.append(f"  {r['subject']} --{r['predicate']}{title}--> {r['object']}")
    return "\n".join(lines)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
def extract_command(paths: tuple[str, ...], fmt: str) -> None:
    """Extract entities and relations from the articles in PATHS (files, folders or -)."""
    from kg.extract import extract_articles
    from kg.extract.contract import contract_records
    from kg.resolve import resolve
    from loaders import load_paths

    result = load_paths(list(paths))
    _report(result)
    failed: list = []
    extractions = extract_articles(result.articles, rejects=failed)
    for reject in failed:
        click.echo(f"warning: {reject.where}: {reject.reason}", err=True)
    if failed:
        click.echo(f"extraction failed for {len(failed)} article(s)", err=True)
    graph = resolve(extractions)
    for record in contract_records(graph, extractions):
        click.echo(json.dumps(record, ensure_ascii=False) if fmt == "jsonl" else _table(record))


COMMANDS = [extract_command]
