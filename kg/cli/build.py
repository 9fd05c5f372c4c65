"""`kg build`, `kg stats`, `kg validate`: thin wrappers over kg.build, kg.store and kg.validate."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.settings import DEFAULT_STORE

STORE_HELP = f"Store folder (default {DEFAULT_STORE}; env KG_STORE)."


def _fail(error: Exception) -> click.ClickException:
    return click.ClickException(str(error))


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DEFAULT_STORE, show_default=True,
              help=STORE_HELP)
@click.option("--out", type=click.Path(path_type=Path), help="Also write the graph to FILE: RDF (.ttl .nt .trig .nq .jsonld) or property graph (.graphml).")
@click.option("--rebuild", is_flag=True, help="Forget the stored articles and build from PATHS alone.")
@click.option("--ontology", "ontology_path", type=click.Path(path_type=Path), help="Ontology file (default ontologies/kg.ttl).")
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write rejected and skipped input (path, line, reason) to this JSONL file.")
@click.option("--strict", is_flag=True,
              help="Exit with status 1 if any input was rejected or failed extraction (the graph is still built).")
@click.option("--progress/--no-progress", default=False, help="Show progress bars while loading and extracting.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extract on N local worker processes (default: the machine's cores; 1: in this process).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask distributed cluster: tcp://SCHEDULER:PORT, or 'local' to start one here.")
@click.option("--reextract", is_flag=True, help="Ignore the extraction cache: extract every article again.")
def build_command(paths: tuple[str, ...], store_dir: Path, out: Path | None, rebuild: bool, ontology_path: Path | None,
                  rejects_path: Path | None, strict: bool, progress: bool, workers: int | None,
                  dask_address: str | None, reextract: bool) -> None:
    """Load PATHS, extract, resolve with the stored articles and replace the graph in the store.

    Input that is not built (rejected records, skipped files, articles whose extraction failed) is reported
    on standard error, one line each, and written with reasons to STORE/rejects.jsonl, replaced on every
    build; the last line counts them."""
    from kg.build import BuildError, build
    from kg.cli.load import report_items
    from kg.ontology import OntologyError
    from kg.store import REJECTS, StoreError
    from loaders import write_rejects

    if not paths and not rebuild and not store_dir.exists():
        raise click.UsageError("give at least one PATH (file or folder of articles)")
    try:
        report = build(list(paths), store_dir, out=out, rebuild=rebuild, ontology_path=ontology_path, progress=progress,
                       workers=workers, dask=dask_address, reextract=reextract)
    except (BuildError, OntologyError, StoreError, ValueError) as error:
        raise _fail(error) from None
    report_items(report.load)
    for reject in report.extraction_rejects:
        click.echo(f"warning: {reject.where}: {reject.reason}", err=True)
    if rejects_path is not None:
        write_rejects(report.rejects, rejects_path)
    click.echo(report.summary(), err=True)
    if out is not None:
        click.echo(f"wrote {out}", err=True)
    # The same count as the lines of rejects.jsonl: rejected records, skipped files, failed extractions.
    click.echo(f"not built: {len(report.rejects)} ({len(report.load.rejects)} rejected, {len(report.load.skipped)} "
               f"non-article file(s) skipped, {len(report.extraction_rejects)} failed extraction); "
               f"reasons in {store_dir / REJECTS}", err=True)
    if strict and (report.load.rejects or report.extraction_rejects):
        raise SystemExit(1)


@click.command("stats")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DEFAULT_STORE, show_default=True,
              help=STORE_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats_command(store_dir: Path, as_json: bool) -> None:
    """Count entities by class and facts by predicate."""
    from kg.build import stats
    from kg.ontology import OntologyError
    from kg.store import StoreError

    try:
        counts = stats(store_dir)
    except (OntologyError, StoreError) as error:
        raise _fail(error) from None
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    for key, value in counts.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            width = max((len(k) for k in value), default=0)
            for name, n in value.items():
                click.echo(f"  {name:<{width}}  {n:>7}")
        else:
            click.echo(f"{key}: {value}")


@click.command("validate")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DEFAULT_STORE, show_default=True,
              help=STORE_HELP)
@click.option("--shapes", "shapes_path", type=click.Path(path_type=Path), help="SHACL shapes (default ontologies/shapes.ttl).")
def validate_command(file: Path | None, store_dir: Path, shapes_path: Path | None) -> None:
    """Check a built graph (FILE, else the store) against the SHACL shapes; exit 1 on violations."""
    from kg.ontology import OntologyError
    from kg.rdf import read_dataset
    from kg.store import GraphStore, StoreError
    from kg.validate import format_report, validate_graph

    try:
        if file is not None:
            dataset = read_dataset(file)
            data = dataset.default_graph
            source = str(file)
        else:
            with GraphStore.open(store_dir) as store:
                data = store.graph()
            source = str(store_dir)
        violations = validate_graph(data, shapes_path)
    except (OntologyError, StoreError, ValueError) as error:
        raise _fail(error) from None
    click.echo(f"{source}: {format_report(violations)}")
    if any(v.severity == "Violation" for v in violations):
        raise SystemExit(1)


COMMANDS = [build_command, stats_command, validate_command]
