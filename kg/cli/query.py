"""`kg ask`, `kg sparql`, `kg cypher`, `kg serve`: thin wrappers over kg.query and kg.serve."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kg.settings import DEFAULT_STORE

STORE_OPTION = click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DEFAULT_STORE,
                            show_default=True, help="Store folder (env KG_STORE).")
FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                             show_default=True, help="Output format.")
PARAM_OPTION = click.option("--param", "params", multiple=True, metavar="K=V", help="A parameter (repeatable).")
ALLOW_SERVICE_OPTION = click.option(
    "--allow-service", is_flag=True,
    help="Allow SPARQL SERVICE clauses (and LOAD in updates), which make this machine send requests to the servers "
         "they name (refused by default).")


def _pairs(params: tuple[str, ...]) -> dict[str, str]:
    found = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
        found[key.strip()] = value
    return found


def _query_text(query: str) -> str:
    """QUERY|FILE: the text of an existing file, else the argument itself."""
    path = Path(query)
    try:
        if len(query) < 4096 and path.is_file():
            return path.read_text(encoding="utf-8")
    except OSError:
        pass
    return query


def _neo4j_password() -> str:
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        raise click.UsageError("set NEO4J_PASSWORD to the Neo4j user's password")
    return password


def _errors():
    from neo4j.exceptions import Neo4jError

    from kg.neo4j_push import PushError
    from kg.query import QUERY_ERRORS

    return (PushError, Neo4jError, *QUERY_ERRORS)


def _open(store_dir: Path, neo4j: str | None, user: str, database: str | None):
    from kg.query import open_graph

    if neo4j:
        return open_graph(neo4j=neo4j, user=user, password=_neo4j_password(), database=database)
    return open_graph(store=store_dir)


def _list_questions() -> str:
    from textwrap import fill

    from kg.query import catalogue
    from kg.query.analytics import ANALYTICS

    def block(name: str, text: str, params: list[str]) -> str:
        indent = " " * 4
        lines = [name, fill(text, 100, initial_indent=indent, subsequent_indent=indent)]
        return "\n".join(lines + [f"{indent}--param {p}" for p in params])

    blocks = [block(name, q.description, [p.describe() for p in q.parameters]) for name, q in catalogue().items()]
    blocks.append("analytics (networkx):")
    blocks += [block(name, text, []) for name, text in ANALYTICS.items()]
    return "\n".join(blocks)


@click.command("ask")
@click.argument("name", required=False)
@click.option("--list", "list_questions", is_flag=True, help="List the named questions and their parameters.")
@click.option("--zone", help="Zone name or alias (questions with a zone parameter).")
@click.option("--since", help="First date, YYYY[-MM[-DD]].")
@click.option("--until", help="Last date, YYYY[-MM[-DD]].")
@click.option("--from", "source", help="connection: the first entity.")
@click.option("--to", "target", help="connection: the second entity.")
@PARAM_OPTION
@FORMAT_OPTION
@STORE_OPTION
@click.option("--neo4j", metavar="URI", help="Ask Neo4j (bolt://…) instead of the store; password from NEO4J_PASSWORD.")
@click.option("--user", default="neo4j", show_default=True, help="Neo4j user.")
@click.option("--database", help="Neo4j database (default: the server's default).")
def ask_command(name: str | None, list_questions: bool, zone: str | None, since: str | None, until: str | None,
                source: str | None, target: str | None, params: tuple[str, ...], fmt: str, store_dir: Path,
                neo4j: str | None, user: str, database: str | None) -> None:
    """Answer the named question NAME (see --list) on the store or on Neo4j."""
    from kg.query.output import render

    if list_questions or not name:
        click.echo(_list_questions())
        return
    values = _pairs(params)
    for key, value in (("zone", zone), ("since", since), ("until", until), ("from", source), ("to", target)):
        if value is not None:
            values[key] = value
    try:
        with _open(store_dir, neo4j, user, database) as graph:
            rows = graph.ask(name, **values)
            columns = _columns(name, rows)
            unknown = graph.unknown_names(name, **values) if not rows else []
    except _errors() as error:
        raise click.ClickException(str(error)) from None
    click.echo(render(rows, columns, fmt), nl=False)
    for message in unknown:
        click.echo(f"note: {message}", err=True)


def _columns(name: str, rows: list[dict]) -> list[str]:
    from kg.query import catalogue

    if name in catalogue():
        return [c.name for c in catalogue()[name].columns]
    return list(rows[0]) if rows else []


@click.command("sparql")
@click.argument("query")
@PARAM_OPTION
@FORMAT_OPTION
@STORE_OPTION
@click.option("--allow-write", is_flag=True, help="Allow SPARQL updates (the next kg build replaces the graph).")
@ALLOW_SERVICE_OPTION
def sparql_command(query: str, params: tuple[str, ...], fmt: str, store_dir: Path, allow_write: bool,
                   allow_service: bool) -> None:
    """Run a SPARQL query (text or FILE) on the store; --param binds projected variables."""
    from kg.query.output import render
    from kg.query.sparql import ServiceRefusedError, parse_sparql, update_store

    text = _query_text(query)
    try:
        if parse_sparql(text).kind == "update":
            if not allow_write:
                raise click.ClickException("refused: this is a SPARQL update and kg sparql is read-only; "
                                           "pass --allow-write to change the store")
            update_store(store_dir, text, allow_service=allow_service)
            click.echo("update applied", err=True)
            return
        from kg.query import open_graph
        from kg.query.sparql import run_query

        with open_graph(store=store_dir) as graph:
            result = run_query(graph.oxigraph, text, _pairs(params), allow_service=allow_service)
            if result.kind == "graph":
                import pyoxigraph as ox

                click.echo(ox.serialize(result.triples, format=ox.RdfFormat.TURTLE).decode("utf-8"), nl=False)
            elif result.kind == "ask":
                click.echo("true" if result.boolean else "false")
            else:
                click.echo(render(result.rows, result.variables, fmt), nl=False)
    except (ServiceRefusedError, *_errors()) as error:
        raise click.ClickException(str(error)) from None


@click.command("cypher")
@click.argument("query")
@click.option("--neo4j", metavar="URI", required=True, help="Bolt URI; password from NEO4J_PASSWORD.")
@click.option("--user", default="neo4j", show_default=True)
@click.option("--database", help="Neo4j database (default: the server's default).")
@PARAM_OPTION
@FORMAT_OPTION
@click.option("--allow-write", is_flag=True, help="Allow queries that write (refused by default, checked by the server).")
def cypher_command(query: str, neo4j: str, user: str, database: str | None, params: tuple[str, ...], fmt: str,
                   allow_write: bool) -> None:
    """Run a Cypher query (text or FILE) on Neo4j; --param k=v arrive as $k."""
    from kg.query.cypher import run_cypher
    from kg.query.output import render

    try:
        with _open(Path("."), neo4j, user, database) as graph:
            columns, rows = run_cypher(graph.driver, _query_text(query), _pairs(params), allow_write=allow_write,
                                       database=database)
    except _errors() as error:
        raise click.ClickException(str(error)) from None
    click.echo(render(rows, columns, fmt), nl=False)


@click.command("serve")
@STORE_OPTION
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port on 127.0.0.1 (0: any free port, printed at start).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, metavar="SECONDS",
              help="Cancel a query running longer than this (its worker process is killed; the client gets 503).")
@click.option("--max-result-mb", type=click.FloatRange(min=0.001), default=64.0, show_default=True,
              help="Refuse results larger than this when serialised (503).")
@click.option("--memory-limit-mb", type=click.IntRange(min=256), default=2048, show_default=True,
              help="Address space of each query worker; a query that needs more ends its worker (503).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Query worker processes (queries run in parallel up to this many).")
@ALLOW_SERVICE_OPTION
def serve_command(store_dir: Path, port: int, timeout: float, max_result_mb: float, memory_limit_mb: int,
                  workers: int, allow_service: bool) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint (and a query page) on 127.0.0.1.

    Requests must be addressed to 127.0.0.1:PORT or localhost:PORT; pages from other origins get 403.
    """
    from kg.serve import Limits, SparqlServer

    limits = Limits(timeout=timeout, max_result_bytes=int(max_result_mb * (1 << 20)), memory_bytes=memory_limit_mb << 20,
                    workers=workers, allow_service=allow_service)
    try:
        server = SparqlServer(store_dir, port=port, limits=limits)
    except _errors() as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot listen on 127.0.0.1:{port}: {error.strerror or error}") from None
    click.echo(f"SPARQL endpoint {server.url} (query page {server.url.removesuffix('sparql')}); Ctrl-C stops", err=True)
    import signal
    import sys

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop as on Ctrl-C, so the worker processes are stopped too
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.close()


COMMANDS = [ask_command, sparql_command, cypher_command, serve_command]
