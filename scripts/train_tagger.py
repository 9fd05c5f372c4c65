"""Train the character CRF of kg.extract.tagger on CLUENER2020 and score it on a fixed held-out split.

Held-out rule: line i (0-based) of train.json is held out when i % 10 == 9
(1,074 sentences); the model is trained on the other lines only.  Prints
per-class precision / recall / F1 (exact span match) on the held-out split and
writes the model plus a JSON of the scores beside it.

    .venv/bin/python scripts/train_tagger.py            # default hyper-parameters, writes the shipped model
    .venv/bin/python scripts/train_tagger.py --c1 0.1 --c2 0.01 --out /tmp/m.crfsuite
    .venv/bin/python scripts/train_tagger.py --drop w=,w-1w0w+1=   # ablation: without jieba boundaries
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pycrfsuite

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.extract.tagger import (  # noqa: E402
    LABELS, MODEL_PATH, CharTagger, char_labels, normalise, screen_features, sentence_features)

DATASET = REPO.parent / "shared" / "datasets" / "cluener2020" / "train.json"
HELDOUT_EVERY = 10

Span = tuple[int, int, str]


def read_dataset(path: Path) -> list[tuple[str, set[Span]]]:
    """(text, gold spans with exclusive ends) per line of a CLUENER JSONL file."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: not JSON ({error})") from error
            spans = {
                (start, end + 1, cls)  # CLUENER ends are inclusive
                for cls, entities in record.get("label", {}).items()
                for occurrences in entities.values()
                for start, end in occurrences
            }
            records.append((record["text"], spans))
    return records


def split(records: list, every: int = HELDOUT_EVERY) -> tuple[list, list]:
    """(train, held-out): every ``every``-th line is held out."""
    train = [r for i, r in enumerate(records) if i % every != every - 1]
    heldout = [r for i, r in enumerate(records) if i % every == every - 1]
    return train, heldout


def score(gold: list[set[Span]], predicted: list[set[Span]]) -> dict[str, dict[str, float]]:
    """Exact-match P/R/F1 per class, plus 'overall' and 'name+org' (name, organization, company)."""
    groups: dict[str, list[int]] = {}

    def add(group: str, tp: int, fp: int, fn: int) -> None:
        counts = groups.setdefault(group, [0, 0, 0])
        counts[0] += tp
        counts[1] += fp
        counts[2] += fn

    for g, p in zip(gold, predicted):
        for cls in {s[2] for s in g | p}:
            gc, pc = {s for s in g if s[2] == cls}, {s for s in p if s[2] == cls}
            tp, fp, fn = len(gc & pc), len(pc - gc), len(gc - pc)
            add(cls, tp, fp, fn)
            add("overall", tp, fp, fn)
            if cls in ("name", "organization", "company"):
                add("name+org", tp, fp, fn)
    table = {}
    for group, (tp, fp, fn) in sorted(groups.items()):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[group] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}
    return table


def evaluate(tagger: CharTagger, heldout: list[tuple[str, set[Span]]]) -> dict[str, dict[str, float]]:
    predicted = [{(s.start, s.end, s.label) for s in tagger.tag_sentence(text)} for text, _ in heldout]
    return score([g for _, g in heldout], predicted)


def print_table(table: dict[str, dict[str, float]]) -> None:
    print(f"{'class':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}")
    for group, row in table.items():
        print(f"{group:<14}{row['precision']:>8.4f}{row['recall']:>8.4f}{row['f1']:>8.4f}{row['support']:>7}")


def features(sentence: str, drop: tuple[str, ...], screen: bool = False) -> list[list[str]]:
    """The tagger's attributes (or the screening model's), less those starting with a ``drop`` prefix (ablations)."""
    rows = screen_features(sentence) if screen else sentence_features(sentence)
    return [[a for a in row if not a.startswith(drop)] for row in rows] if drop else rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATASET)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--c1", type=float, default=0.05, help="L1 weight (also prunes the model)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 weight")
    parser.add_argument("--max-iter", type=int, default=300)
    parser.add_argument("--min-freq", type=float, default=0, help="drop attributes seen fewer times")
    parser.add_argument("--scheme", choices=("bioes", "bio"), default="bioes")
    parser.add_argument("--classes", default=",".join(LABELS), help="CLUENER classes to learn; others become O")
    parser.add_argument("--verbose", action="store_true", help="log every L-BFGS iteration")
    parser.add_argument("--screen", action="store_true", help="train the screening model (screen_features)")
    parser.add_argument("--drop", default="", help="comma-separated attribute prefixes to leave out (ablation)")
    args = parser.parse_args()
    drop = tuple(p for p in args.drop.split(",") if p)
    classes = set(args.classes.split(","))

    started = time.time()
    train, heldout = split(read_dataset(args.data))
    trainer = pycrfsuite.Trainer(verbose=args.verbose)
    for text, spans in train:
        kept = {span for span in spans if span[2] in classes}
        trainer.append(features(normalise(text), drop, args.screen), char_labels(len(text), kept, args.scheme))
    trainer.set_params({
        "c1": args.c1, "c2": args.c2, "max_iterations": args.max_iter,
        "feature.minfreq": args.min_freq, "feature.possible_transitions": True,
    })
    print(f"features for {len(train)} train sentences in {time.time() - started:.0f}s; training L-BFGS "
          f"c1={args.c1} c2={args.c2} max_iter={args.max_iter} {args.scheme} classes={len(classes)} drop={drop or '-'}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    trained = time.time()
    print(f"trained in {trained - started:.0f}s, {trainer.logparser.last_iteration['num']} iterations; "
          f"model {args.out} {args.out.stat().st_size / 1e6:.1f} MB", flush=True)

    table = evaluate(CharTagger(args.out, features=lambda s: features(s, drop, args.screen)), heldout)
    print(f"held-out: {len(heldout)} sentences (line % {HELDOUT_EVERY} == {HELDOUT_EVERY - 1})")
    print_table(table)
    report = {
        "dataset": str(args.data.name), "heldout_rule": f"line % {HELDOUT_EVERY} == {HELDOUT_EVERY - 1}",
        "train_sentences": len(train), "heldout_sentences": len(heldout),
        "params": {"c1": args.c1, "c2": args.c2, "max_iter": args.max_iter, "min_freq": args.min_freq,
                   "scheme": args.scheme, "classes": sorted(classes), "drop": list(drop)},
        "train_seconds": round(trained - started), "scores": table,
    }
    args.out.with_suffix(".metrics.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
