"""The test run prints no warnings: the RDF round trips (every rdflib serializer and parser kg uses) and
collecting a module that imports rdflib namespaces used to print some 290 of the run's 386 warnings."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_rdf_round_trips_run_without_warnings():
    # A fresh pytest on the module, with the project's configuration: its summary line counts warnings.
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "round_trip",
                             "tests/test_rdf.py"], cwd=REPO, capture_output=True, text=True, timeout=600)
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\d+ passed", summary) and "warning" not in summary, result.stdout[-3000:]
