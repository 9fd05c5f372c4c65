"""Extraction benchmark: speed against plain segmentation, quality against a POS-tag baseline.

    .venv/bin/python bench/extraction.py [CORPUS_DIR] [--repeat N]

On the same article texts, in one run:

- throughput of the whole extraction (extract every article, resolve, write the
  contract records) against ``jieba.cut`` over the same texts (segmentation
  alone); the goal is a ratio of at least 0.5;
- entity F1 of ``kg extract`` against a baseline that takes jieba's
  part-of-speech tags nr / ns / nt as Person / Place / Organization, both
  scored by shared/tools/score_extraction.py against the seed and dev gold;
- the same with the statistical tagger switched off (KG_TAGGER=off), to show
  what the gated tagger adds.

Caches (segmentation windows, place lookups) are cleared before every timed
extraction pass, so repeats do not flatter the extractor.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jieba
import jieba.posseg

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from kg.extract import document, extract_articles  # noqa: E402
from kg.extract.contract import contract_records  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from loaders import load_paths  # noqa: E402

_BASELINE_TYPES = {"nr": "Person", "ns": "Place", "nt": "Organization"}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "tools" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_dir(corpus: Path) -> Path:
    gold = Path(tempfile.mkdtemp(prefix="kg-bench-gold-"))
    for folder in (corpus / "gold", corpus / "dev" / "gold"):
        for path in folder.glob("*.json"):
            shutil.copy(path, gold / path.name)
    return gold


def _entity_f1(records: list[dict], gold: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    result = _scorer().score(str(gold), handle.name)
    os.unlink(handle.name)
    return result


def baseline_records(articles) -> list[dict]:
    """jieba.posseg: every nr / ns / nt word is an entity of the matching type."""
    records = []
    for article in articles:
        seen = {}
        for word, flag in jieba.posseg.cut(article.text):
            entity_type = _BASELINE_TYPES.get(flag)
            if entity_type and len(word.strip()) >= 2:
                seen[(entity_type, word)] = {"type": entity_type, "name": word, "aliases": []}
        records.append({"article": article.id, "file": article.path, "entities": list(seen.values()), "relations": []})
    return records


def _clear_caches() -> None:
    document.tokens.cache_clear()


def time_extraction(articles, repeat: int) -> tuple[float, list[dict]]:
    records: list[dict] = []
    started = time.perf_counter()
    for _ in range(repeat):
        _clear_caches()
        extractions = extract_articles(articles)
        records = contract_records(resolve(extractions), extractions)
    return time.perf_counter() - started, records


def time_segmentation(texts: list[str], repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            list(jieba.cut(text))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(SHARED / "corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    articles = load_paths([str(corpus)]).articles
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    jieba.initialize()
    extract_articles(articles[:1])  # load models and gazetteers outside the timed passes

    segmentation = time_segmentation(texts, args.repeat)
    extraction, records = time_extraction(articles, args.repeat)
    gold = _gold_dir(corpus)
    ours = _entity_f1(records, gold)
    baseline = _entity_f1(baseline_records(articles), gold)
    no_tagger = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", "extract", str(corpus)],
        capture_output=True, text=True, check=True, env={**os.environ, "KG_TAGGER": "off"},
    ).stdout
    off = _entity_f1([json.loads(line) for line in no_tagger.splitlines() if line.strip()], gold)
    shutil.rmtree(gold)

    print(f"corpus: {len(articles)} articles, {chars} characters, {args.repeat} timed passes each")
    print(f"jieba.cut (segmentation only): {chars * args.repeat / segmentation:12,.0f} chars/s")
    print(f"kg extraction (whole):         {chars * args.repeat / extraction:12,.0f} chars/s")
    print(f"throughput ratio extraction / segmentation: {segmentation / extraction:.3f} (goal >= 0.5)")
    for label, result in (("kg extract", ours), ("kg extract, tagger off", off), ("jieba POS nr/ns/nt baseline", baseline)):
        e, r = result["entities"]["ALL"], result["relations"]["ALL"]
        person = result["entities"].get("Person", {}).get("f1", 0.0)
        print(f"{label:30} entity P={e['precision']:.3f} R={e['recall']:.3f} F1={e['f1']:.3f}  "
              f"person F1={person:.3f}  relation F1={r['f1']:.3f}")


if __name__ == "__main__":
    main()
