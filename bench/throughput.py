"""Extraction throughput against jieba segmentation of the same texts, in one run.

    .venv/bin/python bench/throughput.py [--generated N] [--repeat R] [--profile OUT.prof]

Two inputs: the shared corpus and N generated articles (``gen_articles.py N --seed 5``,
default 1,000).  For each, rounds of back-to-back passes:

- ``jieba.lcut`` over every article text (warm: dictionary loaded before timing);
- kg's per-article extraction as ``kg build`` runs it (``kg.extract.extract_article`` on
  each article, in this process), with the caches keyed on text emptied before the pass;
  one-time loads (jieba's dictionary, the CRF model, gazetteers, automata) happen before
  the timed passes, as in a build over many articles.

The fastest round of each is reported (least disturbed by other jobs on the shared
machine) as characters per second, and the ratio extraction / segmentation (goal >= 0.5).
``--profile`` writes a cProfile of one extra extraction pass over the generated articles.
"""

from __future__ import annotations

import argparse
import cProfile
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

from kg.extract import extract_article  # noqa: E402
from loaders import load_paths  # noqa: E402


def segmentation_pass(texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - started


def extraction_pass(articles) -> float:
    _clear_caches()
    started = time.perf_counter()
    for article in articles:
        extract_article(article)
    return time.perf_counter() - started


def measure(label: str, articles, repeat: int) -> None:
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    segmentation, extraction = [], []
    for _ in range(repeat):
        segmentation.append(segmentation_pass(texts))
        extraction.append(extraction_pass(articles))
    seg, ext = min(segmentation), min(extraction)
    print(f"{label}: {len(articles)} articles, {chars:,} chars, fastest of {repeat} rounds")
    print(f"  jieba.lcut      {chars / seg:12,.0f} chars/s  ({seg:.3f} s)")
    print(f"  kg extraction   {chars / ext:12,.0f} chars/s  ({ext:.3f} s)")
    print(f"  ratio extraction / segmentation: {seg / ext:.3f}  (goal >= 0.5)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generated", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    corpus = load_paths([str(SHARED / "corpus")]).articles
    generated = generated_articles(args.generated)
    jieba.initialize()
    for article in corpus[:2]:  # one-time loads outside the timed passes
        extract_article(article)
    measure("shared corpus", corpus, args.repeat)
    measure(f"{args.generated} generated articles", generated, args.repeat)
    if args.profile:
        _clear_caches()
        cProfile.runctx("for a in generated: extract_article(a)", globals(), {"generated": generated},
                        str(args.profile))
        print(f"profile written to {args.profile}")


if __name__ == "__main__":
    main()
