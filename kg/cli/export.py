"""`kg export`: a subgraph around named entities, in any export format (kg.export)."""

from __future__ import annotations

import shlex
import shutil
import sys
import tempfile
from pathlib import Path

import click

from kg.settings import DEFAULT_STORE


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    # --types Person,Event and --types Person --types Event mean the same.
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.command("export")
@click.option("--around", "around", multiple=True, required=True, metavar="NAME",
              help="Centre entity: name, alias, id or IRI (repeat for several).")
@click.option("--hops", type=int, default=2, show_default=True, help="Relations to walk out from the centres.")
@click.option("--types", multiple=True, metavar="CLASS",
              help="Keep only entities of these classes (comma list or repeat).")
@click.option("--predicates", multiple=True, metavar="PREDICATE",
              help="Keep only these relations (contract name or TYPE).")
@click.option("--since", metavar="DATE", help="Keep events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Keep events on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--min-articles", type=int, default=1, show_default=True, metavar="K",
              help="Keep facts stated by at least K articles.")
@click.option("--all-evidence", is_flag=True,
              help="Keep every mention of the selected entities, not only the subgraph's articles' mentions.")
@click.option("--max-entities", type=int, metavar="N",
              help="Refuse a neighbourhood of more than N entities (default: no limit).")
@click.option("--format", "format_name", required=True, metavar="FMT",
              help="turtle, ntriples, jsonld, graphml, gexf, csv, cypher, html or neo4j-import.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File to write (a folder for csv and neo4j-import); default standard output.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DEFAULT_STORE, show_default=True,
              help="Store folder (env KG_STORE).")
@click.option("--without-articles", is_flag=True, help="Leave article nodes out of property-graph formats.")
@click.option("--title", help="Title of the HTML page (default: the centres' names).")
def export_command(around: tuple[str, ...], hops: int, types: tuple[str, ...], predicates: tuple[str, ...],
                   since: str | None, until: str | None, min_articles: int, all_evidence: bool, max_entities: int | None,
                   format_name: str, output: Path | None,
                   store_dir: Path, without_articles: bool, title: str | None) -> None:
    """Export the neighbourhood of entities (filtered by class, predicate, date, support) in a graph format."""
    from kg.export import ExportError, SelectionError, find_entity, subgraph, write
    from kg.export.writers import check_format
    from kg.ontology import OntologyError
    from kg.store import StoreError

    try:
        fmt = check_format(format_name)
    except ExportError as error:
        raise click.BadParameter(str(error), param_hint="--format") from None
    if fmt.folder and output is None:
        raise click.UsageError(f"format {fmt.name} writes several files: give a folder with -o DIR")
    try:
        sub = subgraph(store_dir, around, hops=hops, types=_split(types), predicates=_split(predicates), since=since,
                       until=until, min_articles=min_articles, all_evidence=all_evidence, max_entities=max_entities)
        centres = [find_entity(sub, name) for name in around]  # the centres are in the subgraph, and only once
        heading = title or "kg: " + ", ".join(e.name for e in centres) + f" ({hops} hops)"
        if output is not None:
            written = write(sub, fmt.name, output, [e.id for e in centres], heading, not without_articles)
        else:
            with tempfile.TemporaryDirectory() as folder:
                target = Path(folder) / f"export.{fmt.name}"
                write(sub, fmt.name, target, [e.id for e in centres], heading, not without_articles)
                with target.open("rb") as handle:
                    shutil.copyfileobj(handle, sys.stdout.buffer)
                written = []
    except (SelectionError, ExportError, StoreError, OntologyError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"selected {len(sub.entities)} entities, {len(sub.relations)} relations, "
               f"{len(sub.articles)} article(s)", err=True)
    for path in written:
        click.echo(f"wrote {path}", err=True)
    if fmt.name == "neo4j-import":
        from kg.neo4j_import import ImportFiles

        files = ImportFiles(output.resolve(), [p for p in written if p.name.startswith("nodes-")],
                            [p for p in written if p.name.startswith("relationships-")])
        click.echo("load with the server stopped: " + shlex.join(files.command()), err=True)


COMMANDS = [export_command]
