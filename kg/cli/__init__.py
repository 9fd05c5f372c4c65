"""The `kg` command: a thin click layer over the Python API.

Each verb lives in its own module under kg/cli/ and exposes ``COMMANDS``,
a list of click commands; this module only gathers them.  Verb modules import
at the top only click and light kg modules, and the libraries a verb needs
(loaders, extraction, rdflib, pyoxigraph, the Neo4j driver) inside the verb:
`kg --help` and `kg ask --list` start in a fraction of a second
(tests/test_cli_startup.py).
"""

import click

from kg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build and query a knowledge graph of Chinese development-zone news."""


def _register() -> None:
    # One import per verb module; add yours here.
    from kg.cli import build, load, neo4j, extract, export, query

    for module in (load, build, neo4j, extract, export, query):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
