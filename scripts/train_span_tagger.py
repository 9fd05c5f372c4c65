#!/usr/bin/env python3
"""Train the zone-news span tagger (kg/extract/models/zone_news_char_crf.crfsuite) on every annotated
zone-news article we have: the shared corpus (seed + dev) and bench/realdev (its texts fetched as
bench/realdev/README.md says).  Retrain the extraction filter afterwards
(scripts/train_extraction_filter.py): it learns how far to trust this tagger's spans.

    .venv/bin/python scripts/train_span_tagger.py [--out PATH]

Scores on realdev are reported by bench/realdev_score.py, which trains both models per fold instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.extract.filter_training import zone_news_pairs
from kg.extract.span_training import train
from kg.extract.spans import MODEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    pairs = zone_news_pairs()
    train(pairs, args.out)
    print(f"{args.out}: trained on {len(pairs)} articles")


if __name__ == "__main__":
    main()
