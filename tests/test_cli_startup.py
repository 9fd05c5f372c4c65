"""Start-up cost of the `kg` command: help and the question list must not load the heavy libraries.

The Neo4j driver, jieba (with its dictionary) and the CRF tagger took some 3 s to import on every
command, `kg --help` included.  Each check runs in a fresh interpreter and looks at sys.modules
(never at a wall-clock time), so it fails exactly when an eager import comes back.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("neo4j", "jieba", "pycrfsuite")
# What a command that only prints help or lists questions does not need either.
NOT_FOR_HELP = (*HEAVY, "rdflib", "pyoxigraph", "networkx", "trafilatura", "loaders", "kg.extract", "kg.store")


def modules_after(code: str) -> set[str]:
    """Top-level and kg module names imported by ``code`` in a fresh interpreter."""
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)), file=sys.__stderr__)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(name for name in names if name in modules or any(m.startswith(name + ".") for m in modules))


def test_importing_the_cli_loads_neither_neo4j_jieba_nor_crfsuite():
    assert loaded(modules_after("import kg.cli"), HEAVY) == []


@pytest.mark.parametrize("args", [["--help"], ["ask", "--list"], ["build", "--help"], ["push", "--help"],
                                  ["load", "--help"], ["export", "--help"]], ids=" ".join)
def test_help_and_the_question_list_load_no_heavy_library(args):
    code = ("from kg.cli import main\n"
            "try:\n"
            f"    main({args!r}, prog_name='kg')\n"
            "except SystemExit as done:\n"
            "    assert not done.code, done.code")
    assert loaded(modules_after(code), NOT_FOR_HELP) == []


def test_the_load_size_limit_shown_in_help_is_the_loaders_limit():
    from kg.cli.load import SIZE_LIMIT_DEFAULT
    from loaders import DEFAULT_SIZE_LIMIT

    assert SIZE_LIMIT_DEFAULT == DEFAULT_SIZE_LIMIT


def test_the_query_package_still_offers_its_names():
    import kg.query

    for name in kg.query.__all__:
        assert getattr(kg.query, name) is not None, name
    assert callable(kg.query.catalogue) and "laureates-at-zone-forums" in kg.query.catalogue()
