"""Extraction throughput against jieba segmentation of the same texts, in one run.

    .venv/bin/python bench/throughput.py [--generated N] [--repeat R] [--profile OUT.prof]

Two inputs: the shared corpus and N generated articles (``gen_articles.py N --seed 5``,
default 1,000).  For each, rounds of back-to-back passes:

- ``jieba.lcut`` over every article text (warm: dictionary loaded before timing);
- kg's per-article extraction as ``kg build`` runs it (``kg.extract.extract_article`` on
  each article, in this process), with the caches keyed on text emptied before the pass;
  one-time loads (jieba's dictionary, the CRF model, gazetteers, automata) happen before
  the timed passes, as in a build over many articles.

Times are this process's CPU seconds (``time.process_time``), not wall-clock: on the shared
2-core machine other jobs make a pass wait for a core, which CPU time does not count.  The
fastest round of each is reported as characters per second, and the ratio extraction /
segmentation (goal >= 0.5).
``--shares`` adds passes without the CRF tagger (``kg.extract.tagging.ENABLED``) and without the
learned filter (``KG_EXTRACTION_FILTER=off``) to show what each costs.  ``--profile`` writes a cProfile of one extra extraction pass over the generated articles.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import sys
import time
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import _clear_caches  # noqa: E402
from extraction_identity import generated_articles  # noqa: E402

from kg.extract import extract_article, learned, tagging  # noqa: E402
from loaders import load_paths  # noqa: E402


def segmentation_pass(texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        jieba.lcut(text)
    return time.process_time() - started


def extraction_pass(articles) -> float:
    _clear_caches()
    started = time.process_time()
    for article in articles:
        extract_article(article)
    return time.process_time() - started


def without_tagger(articles) -> float:
    tagging.ENABLED = False
    try:
        return extraction_pass(articles)
    finally:
        tagging.ENABLED = True


def without_filter(articles) -> float:
    os.environ[learned.SETTING] = "off"
    try:
        return extraction_pass(articles)
    finally:
        del os.environ[learned.SETTING]


def measure(label: str, articles, repeat: int, shares: bool) -> None:
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    passes = {"jieba.lcut": segmentation_pass, "kg extraction": extraction_pass}
    if shares:
        passes |= {"  without the CRF tagger": without_tagger, "  without the learned filter": without_filter}
    seconds: dict[str, list[float]] = {name: [] for name in passes}
    for _ in range(repeat):  # back to back in each round, so load from other jobs hits them alike
        for name, one_pass in passes.items():
            seconds[name].append(one_pass(texts if name == "jieba.lcut" else articles))
    best = {name: min(times) for name, times in seconds.items()}
    print(f"{label}: {len(articles)} articles, {chars:,} chars, fastest of {repeat} rounds")
    for name, taken in best.items():
        print(f"  {name:30} {chars / taken:12,.0f} chars/s  ({taken:.3f} s)")
    print(f"  ratio extraction / segmentation: {best['jieba.lcut'] / best['kg extraction']:.3f}  (goal >= 0.5)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generated", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--shares", action="store_true", help="also time passes without the tagger and without the filter")
    args = parser.parse_args()
    corpus = load_paths([str(SHARED / "corpus")]).articles
    generated = generated_articles(args.generated)
    jieba.initialize()
    for article in corpus[:2]:  # one-time loads outside the timed passes
        extract_article(article)
    measure("shared corpus", corpus, args.repeat, args.shares)
    measure(f"{args.generated} generated articles", generated, args.repeat, args.shares)
    if args.profile:
        _clear_caches()
        cProfile.runctx("for a in generated: extract_article(a)", globals(), {"generated": generated},
                        str(args.profile))
        print(f"profile written to {args.profile}")


if __name__ == "__main__":
    main()
