#!/usr/bin/env python3
"""Score `kg extract` on the held-out articles in bench/heldout/ (measurement only).

The ten articles in bench/heldout/ were written, with their gold, by a separate helper that
never saw kg's code, after the extractor was built against the shared dev corpus.  They
measure how the cues generalise to unseen wording, zones and people; do not tune rules on
them, or they stop measuring that.

    .venv/bin/python bench/heldout_score.py [--show-errors N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SCORER = REPO.parent / "shared" / "tools" / "score_extraction.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        predictions = Path(tmp) / "predictions.jsonl"
        with predictions.open("w", encoding="utf-8") as out:
            subprocess.run(
                [sys.executable, "-m", "kg.cli", "extract", str(HERE / "heldout" / "records.jsonl"), "--format", "jsonl"],
                stdout=out, check=True, cwd=REPO,
            )
        command = [sys.executable, str(SCORER), str(HERE / "heldout" / "gold"), str(predictions)]
        if args.show_errors:
            command += ["--show-errors", str(args.show_errors)]
        return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
