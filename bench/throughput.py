"""Extraction throughput against jieba segmentation of the same texts, in one run.

    .venv/bin/python bench/throughput.py [--generated N] [--repeat R] [--shares] [--profile OUT.prof]
    .venv/bin/python bench/throughput.py --against-tree DIR [--repeat R]

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

``--shares`` adds passes without the CRF tagger (``kg.extract.tagging.ENABLED``), with the full
tagger on every sentence instead of the screened ones (``kg.extract.tagging.SCREENED``) and without the
learned filter (``KG_EXTRACTION_FILTER=off``) to show what each costs.  ``--against-tree DIR``
alternates fresh one-round processes of this checkout and of DIR (another version, e.g.
``git archive REF | tar -x -C DIR`` with this script and extraction_identity.py copied in) and
compares their extraction CPU time round by round.  ``--profile`` writes a cProfile of one extra
extraction pass over the generated articles.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import subprocess
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


def _pass_with_tagging_off(switch: str, articles) -> float:
    """An extraction pass with one of kg.extract.tagging's switches (ENABLED, SCREENED) off."""
    setattr(tagging, switch, False)
    try:
        return extraction_pass(articles)
    finally:
        setattr(tagging, switch, True)


def without_tagger(articles) -> float:
    return _pass_with_tagging_off("ENABLED", articles)


def unscreened(articles) -> float:
    return _pass_with_tagging_off("SCREENED", articles)


def without_filter(articles) -> float:
    os.environ[learned.SETTING] = "off"
    try:
        return extraction_pass(articles)
    finally:
        del os.environ[learned.SETTING]


def measure(label: str, articles, repeat: int, shares: bool, quiet: bool = False) -> dict[str, float]:
    """Fastest CPU seconds of each pass over ``articles`` (and ``chars``); printed unless ``quiet``."""
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    passes = {"jieba.lcut": segmentation_pass, "kg extraction": extraction_pass}
    if shares:
        passes |= {"  without the CRF tagger": without_tagger, "  full tagger on every sentence": unscreened,
                   "  without the learned filter": without_filter}
    seconds: dict[str, list[float]] = {name: [] for name in passes}
    for _ in range(repeat):  # back to back in each round, so load from other jobs hits them alike
        for name, one_pass in passes.items():
            seconds[name].append(one_pass(texts if name == "jieba.lcut" else articles))
    best = {name: min(times) for name, times in seconds.items()}
    if not quiet:
        print(f"{label}: {len(articles)} articles, {chars:,} chars, fastest of {repeat} rounds")
        for name, taken in best.items():
            print(f"  {name:30} {chars / taken:12,.0f} chars/s  ({taken:.3f} s)")
        print(f"  ratio extraction / segmentation: {best['jieba.lcut'] / best['kg extraction']:.3f}  (goal >= 0.5)",
              flush=True)
    return {**best, "chars": chars}


def against_tree(other: Path, rounds: int, generated: int) -> None:
    """Rounds of one pass each, this checkout and ``other`` (another version's tree holding this script)
    alternately, each in a fresh process: slow drifts in the machine's load hit both alike."""
    results: dict[str, list[dict]] = {"other": [], "this": []}
    for _ in range(rounds):
        for name, tree in (("other", other), ("this", ROOT)):
            out = subprocess.run([sys.executable, str(tree / "bench" / "throughput.py"), "--repeat", "1", "--json",
                                  "--generated", str(generated)], capture_output=True, text=True, check=True).stdout
            results[name].append(json.loads(out.splitlines()[-1]))
    for label in ("shared corpus", "generated"):
        print(f"{label}: CPU seconds per round (jieba.lcut / kg extraction), {other} vs this checkout")
        seg = min(r[label]["jieba.lcut"] for rows in results.values() for r in rows)  # the same jieba on both sides
        for name, rows in results.items():
            cells = "  ".join(f"{r[label]['jieba.lcut']:.3f}/{r[label]['kg extraction']:.3f}" for r in rows)
            best = min(rows, key=lambda r: r[label]["kg extraction"])[label]
            print(f"  {name:5} {cells}   fastest: {best['chars'] / best['kg extraction']:,.0f} chars/s, "
                  f"ratio to the fastest jieba pass {seg / best['kg extraction']:.3f}")
        fastest = {name: min(r[label]["kg extraction"] for r in rows) for name, rows in results.items()}
        print(f"  extraction time this / other (fastest rounds): {fastest['this'] / fastest['other']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generated", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--shares", action="store_true",
                        help="also time passes without the tagger and without the filter")
    parser.add_argument("--json", action="store_true", help="print the fastest passes as one JSON line")
    parser.add_argument("--against-tree", type=Path, help="another version's tree (with this script): rounds alternate")
    args = parser.parse_args()
    if args.against_tree:
        against_tree(args.against_tree, args.repeat, args.generated)
        return
    corpus = load_paths([str(SHARED / "corpus")]).articles
    generated = generated_articles(args.generated)
    jieba.initialize()
    for article in corpus[:2]:  # one-time loads outside the timed passes
        extract_article(article)
    results = {"shared corpus": measure("shared corpus", corpus, args.repeat, args.shares, args.json),
               "generated": measure(f"{args.generated} generated articles", generated, args.repeat, args.shares,
                                    args.json)}
    if args.json:
        print(json.dumps(results))
    if args.profile:
        _clear_caches()
        cProfile.runctx("for a in generated: extract_article(a)", globals(), {"generated": generated},
                        str(args.profile))
        print(f"profile written to {args.profile}")


if __name__ == "__main__":
    main()
