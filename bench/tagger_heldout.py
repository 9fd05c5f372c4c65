"""The character CRF against jieba's part-of-speech tags on the CLUENER2020 held-out split, in one run.

Both taggers read the same held-out sentences (line % 10 == 9 of train.json).
CLUENER classes are grouped the way jieba can express them: person = name (jieba nr*),
organisation = company + organization + government (jieba nt), place = address (jieba ns).
Reports exact-span P/R/F1 per group and throughput, as ratios to the baseline and to
plain ``jieba.cut`` measured in the same run.

    .venv/bin/python bench/tagger_heldout.py
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import jieba
import jieba.posseg

from kg.extract.tagger import default_tagger

REPO = Path(__file__).resolve().parents[1]
GROUPS = {"name": "person", "company": "organisation", "organization": "organisation",
          "government": "organisation", "address": "place"}
JIEBA_GROUPS = {"nr": "person", "nrt": "person", "nrfg": "person", "nt": "organisation", "ns": "place"}


def _training_script():
    spec = importlib.util.spec_from_file_location("train_tagger", REPO / "scripts" / "train_tagger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def jieba_spans(text: str) -> set[tuple[int, int, str]]:
    spans, offset = set(), 0
    for pair in jieba.posseg.cut(text):
        if pair.flag in JIEBA_GROUPS:
            spans.add((offset, offset + len(pair.word), JIEBA_GROUPS[pair.flag]))
        offset += len(pair.word)
    return spans


def timed(function, texts: list[str]) -> tuple[list, float]:
    started = time.process_time()  # CPU time: fair ratios on a shared machine
    results = [function(text) for text in texts]
    return results, time.process_time() - started


def main() -> None:
    script = _training_script()
    _train, heldout = script.split(script.read_dataset(script.DATASET))
    texts = [text for text, _ in heldout]
    gold = [{(s, e, GROUPS[c]) for s, e, c in spans if c in GROUPS} for _, spans in heldout]
    tagger = default_tagger()
    for warm in (tagger.tag, jieba_spans, lambda t: list(jieba.cut(t))):
        warm(texts[0])

    crf, crf_seconds = timed(lambda t: {(s.start, s.end, GROUPS[s.label]) for s in tagger.tag(t) if s.label in GROUPS}, texts)
    pos, pos_seconds = timed(jieba_spans, texts)
    _, cut_seconds = timed(lambda t: list(jieba.cut(t)), texts)
    crf_table, pos_table = script.score(gold, crf), script.score(gold, pos)

    chars = sum(map(len, texts))
    print(f"held-out sentences: {len(texts)}, {chars} chars")
    print(f"{'group':<14}{'CRF F1':>8}{'jieba F1':>10}{'ratio':>7}{'CRF P':>7}{'CRF R':>7}")
    for group in ("person", "organisation", "place", "overall"):
        c, p = crf_table.get(group, {"f1": 0.0}), pos_table.get(group, {"f1": 0.0})
        ratio = c["f1"] / p["f1"] if p["f1"] else float("inf")
        print(f"{group:<14}{c['f1']:>8.3f}{p['f1']:>10.3f}{ratio:>7.2f}{c['precision']:>7.3f}{c['recall']:>7.3f}")
    print(f"throughput: CRF {chars / crf_seconds:,.0f} chars/s; jieba.posseg {chars / pos_seconds:,.0f}; "
          f"jieba.cut {chars / cut_seconds:,.0f}; CRF speed / jieba.cut = {cut_seconds / crf_seconds:.2f}")


if __name__ == "__main__":
    main()
