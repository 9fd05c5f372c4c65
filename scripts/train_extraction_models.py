#!/usr/bin/env python3
"""Train the two learned parts of extraction on every gold article we have: the zone-news span tagger
(kg/extract/models/zone_news_char_crf.crfsuite) on the shared corpus (seed + dev) and bench/realdev, then
the extraction filter (kg/extract/models/extraction_filter.json) on what the cue rules and that tagger
find in the same articles (each article tagged by a tagger trained without it), plus, for persons and
organisations in general news, a sample of CLUENER2020 outside its held-out split.  bench/heldout is
never used (it only measures).

    .venv/bin/python scripts/train_extraction_models.py

Needs scikit-learn (`pip install -e '.[train]'`) and the realdev texts (bench/realdev/README.md).
Scores on realdev are reported by bench/realdev_score.py, which trains both models per fold instead.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from kg.extract import spans
from kg.extract.filter_training import CLUENER, cluener_pairs, label_cross_fitted, model_from, zone_news_pairs
from kg.extract.learned import MODEL


def main() -> None:
    zone_news, general = zone_news_pairs(), cluener_pairs(CLUENER)
    with tempfile.TemporaryDirectory() as work:
        examples, span_model = label_cross_fitted(zone_news, general, Path(work))
        shutil.copyfile(span_model, spans.MODEL)
    model = model_from(*examples)
    MODEL.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    print(f"{spans.MODEL}: trained on {len(zone_news)} zone-news articles")
    print(f"{MODEL}: trained on {len(zone_news) + len(general)} articles, {model['examples']}, "
          f"thresholds {model['threshold']}")


if __name__ == "__main__":
    main()
