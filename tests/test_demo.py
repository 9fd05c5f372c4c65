"""scripts/demo end to end (setup with an up-to-date .venv, build of examples/, the answer): it says what
it installs, the answer comes first with the articles each row comes from, and rows from the invented
example records are marked as such."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]


def invented_ids() -> set[str]:
    """The example records written for the demo: their URLs are under the reserved .example domain."""
    lines = (REPO / "examples" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return {r["id"] for r in records if (urlsplit(r["url"]).hostname or "").endswith(".example")}


def test_demo_answers_first_with_sources_and_marks_invented_records(tmp_path):
    env = {**os.environ, "KG_STORE": str(tmp_path / "kg" / "store")}
    result = subprocess.run([str(REPO / "scripts" / "demo")], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert re.match(r"kg demo: 1/3 set up \.venv \(.*\)", out)  # says what it installs before doing it
    header = next(line for line in out.splitlines() if line.startswith("laureate "))
    assert header.split() == ["laureate", "event", "date", "zone", "source"]
    # Nothing but progress and the build summary comes before the answer: no statistics block.
    before = out[:out.index(header)]
    assert not re.search(r"^\s+(Person|Zone|attended)\s+\d+$", before, flags=re.M)
    rows = out[out.index(header):].split("\n(")[0].splitlines()[2:]
    assert len(rows) == 5
    invented = invented_ids()
    assert len(invented) == 2
    for row in rows:
        sources = re.findall(r"(seed-[\w-]+|syn-[\w-]+)( \(invented example\))?", row.split("  ")[-1])
        assert sources, row
        for article, mark in sources:
            assert bool(mark) == (article in invented), row
    assert sum("(invented example)" in row for row in rows) == 2  # one per synthetic record, the seed rows unmarked
    assert "examples/records.jsonl" in out
