"""`kg push --neo4j URI` and `kg neo4j-import DIR`: the stored graph into Neo4j.

The password comes from NEO4J_PASSWORD or a hidden prompt, never from the command
line, so it stays out of shell history, process lists and logs.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import click

from kg.settings import DEFAULT_STORE

store_option = click.option("--store", type=click.Path(path_type=Path), default=None,
                            help=f"Store folder to read (default {DEFAULT_STORE}, or KG_STORE).")


def _property_graph(store: Path | None):
    """The stored KnowledgeGraph projected onto the property graph."""
    from kg.property_graph import to_networkx
    from kg.store import GraphStore, StoreError

    try:
        with GraphStore.open(store or DEFAULT_STORE) as opened:
            graph = opened.knowledge_graph()
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    return to_networkx(graph)


@click.command("push")
@click.option("--neo4j", "uri", required=True, metavar="URI", help="Bolt URI, e.g. bolt://127.0.0.1:7687.")
@click.option("--user", default="neo4j", show_default=True)
@click.option("--database", default=None, help="Target database (default: the server's default).")
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Rows per transaction.")
@click.option("--full", is_flag=True, help="Send every node and relationship, not only what changed since the last push.")
@click.option("--state", "state_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Push-state file (default: push-state.sqlite in the store folder).")
@store_option
def push(uri: str, user: str, database: str | None, batch_size: int, full: bool, state_path: Path | None,
         store: Path | None) -> None:
    """Push the stored graph to a Neo4j server (MERGE: safe to re-run, also after an interruption).

    Rows are read from the store in chunks.  By default only what changed since the last push to
    this URI and database is sent, and what the store no longer holds (an entity merged into
    another) is deleted; the digests of what was sent, and the store's change marker, are kept in
    the push-state file, so after a build only the nodes it changed are read.  The password is
    read from NEO4J_PASSWORD, else prompted for.
    """
    from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
    from tqdm import tqdm

    from kg.neo4j_push import PushError, PushStats, connect, graph_counts
    from kg.neo4j_rows import push_store
    from kg.neo4j_state import FILE, PushState, PushStateError
    from kg.ontology import load_ontology
    from kg.store import GraphStore, StoreError

    password = os.environ.get("NEO4J_PASSWORD") or click.prompt("Neo4j password", hide_input=True, err=True)
    bar = tqdm(unit="element", disable=not sys.stderr.isatty(), file=sys.stderr)

    def advance(stats: PushStats) -> None:
        bar.update(stats.nodes + stats.relationships + stats.unchanged - bar.n)

    try:
        ontology = load_ontology()
        with GraphStore.open(store or DEFAULT_STORE) as opened, \
                PushState(state_path or opened.root / FILE, PushState.target_name(uri, database)) as state, \
                connect(uri, user, password, database) as driver:
            stats = push_store(driver, opened, database, batch_size, state, full=full, on_batch=advance,
                               ontology=ontology)
            nodes, relationships = graph_counts(driver, database)
    except (StoreError, PushError, PushStateError) as error:
        raise click.ClickException(str(error)) from None
    except (ServiceUnavailable, SessionExpired) as error:
        raise click.ClickException(f"lost the connection to {uri} ({error}); "
                                   "run kg push again: it completes what is missing") from None
    except Neo4jError as error:
        raise click.ClickException(f"Neo4j refused a write: {error.code}: {error.message}") from None
    finally:
        bar.close()
    read = "the whole store" if stats.changed is None else f"the {stats.changed} nodes changed since the last push"
    click.echo(f"pushed {stats.nodes} nodes and {stats.relationships} relationships in {stats.transactions} "
               f"transactions ({stats.seconds:.1f}s, {stats.elements_per_second:,.0f} elements/s); "
               f"{stats.unchanged} unchanged, {stats.removed} removed; read {stats.read} rows ({read}); "
               f"the database now holds {nodes} nodes and {relationships} relationships")


@click.command("neo4j-import")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--database", default="neo4j", show_default=True, help="Database the command imports into.")
@store_option
def neo4j_import(directory: Path, database: str, store: Path | None) -> None:
    """Write CSV files for `neo4j-admin database import full` into DIRECTORY and print the command."""
    from kg.neo4j_import import write_import_files
    from kg.neo4j_push import PushError

    try:
        files = write_import_files(_property_graph(store), directory)
    except PushError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"wrote {files.nodes} nodes in {len(files.node_files)} files and {files.relationships} "
               f"relationships in {len(files.relationship_files)} files to {files.directory}", err=True)
    click.echo("stop the server, then run (it replaces the database):", err=True)
    click.echo(shlex.join(files.command(database)))


COMMANDS = [push, neo4j_import]
