#!/usr/bin/env python3
"""Train the extraction filter (kg/extract/models/extraction_filter.json) on every gold article we have:
the shared corpus (seed + dev), bench/realdev, and for persons and organisations in general news a sample
of CLUENER2020 outside its held-out split.  bench/heldout is never used (it only measures).

    .venv/bin/python scripts/train_extraction_filter.py [--out PATH]

Needs scikit-learn (`pip install -e '.[train]'`) and the realdev texts (bench/realdev/README.md).
Scores on realdev are reported by bench/realdev_score.py, which refits the filter per fold instead.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.extract.filter_training import label, model_from, training_pairs
from kg.extract.learned import MODEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    pairs = training_pairs()
    model = model_from(*label(pairs))
    args.out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    print(f"{args.out}: trained on {len(pairs)} articles, {model['examples']}, thresholds {model['threshold']}")


if __name__ == "__main__":
    main()
