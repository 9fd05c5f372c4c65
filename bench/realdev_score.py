#!/usr/bin/env python3
"""Score `kg extract` on bench/realdev (real published articles) with 5-fold cross-validation by article.

The texts are other people's writing and are not in the repository: bench/realdev/README.md says
how to fetch them again into bench/realdev/texts/ (untracked) and `bench/realdev/verify.py` checks
them against the digests in the gold files.

Folds are fixed by article id (a digest, so adding articles does not reshuffle the others).  The
learned extraction filter (kg/extract/learned.py) is refitted for each fold on the shared corpus and
the other four folds, and the fold is extracted with that model: no article is scored by a model that
saw it.  The table pools the folds (micro-average over all articles); `--rules-only` scores the cue
rules without the filter, as a baseline.  Needs scikit-learn (the `train` extra).

    .venv/bin/python bench/realdev_score.py [--folds 5] [--rules-only] [--show-errors N] [--json] [--save-predictions DIR]
    .venv/bin/python bench/realdev_score.py --unseen --gold DIR --texts DIR   # new articles, the shipped model

``--unseen`` scores articles outside realdev (gold written after the cues and the shipped filter were
fitted) with the filter as it ships, trained on all of realdev: no cross-validation is needed, since
nothing was fitted to them.  Use it once on a new batch, before the batch joins realdev.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from kg.extract.filter_training import model_from  # noqa: E402
from kg.extract.learned import SETTING  # noqa: E402
REALDEV = HERE / "realdev"
SCORER = REPO.parent / "shared" / "tools" / "score_extraction.py"


def fold_of(article: str, folds: int) -> int:
    return int(hashlib.sha256(article.encode("utf-8")).hexdigest(), 16) % folds


def gold_files(gold_dir: Path) -> list[Path]:
    return sorted(gold_dir.glob("*.json"))


def extract(texts: list[Path], out: Path, extraction_filter: str) -> None:
    """`kg extract` on the texts, with the filter model at that path ("off": the cue rules alone)."""
    with out.open("w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, "-m", "kg.cli", "extract", *map(str, texts), "--format", "jsonl"],
                       stdout=handle, check=True, cwd=REPO, env={**os.environ, SETTING: extraction_filter})


def score(gold: list[Path], predictions: Path, show_errors: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for path in gold:
            (Path(tmp) / path.name).symlink_to(path)
        command = [sys.executable, str(SCORER), tmp, str(predictions), "--json"]
        if show_errors:
            command += ["--show-errors", str(show_errors)]
        return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pooled(results: list[dict], part: str) -> dict[str, Counter]:
    rows: dict[str, Counter] = {}
    for result in results:
        for key, row in result[part].items():
            rows.setdefault(key, Counter()).update({k: row.get(k, 0) for k in ("tp", "fp", "fn")})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--gold", type=Path, default=REALDEV / "gold")
    parser.add_argument("--texts", type=Path, default=REALDEV / "texts")
    parser.add_argument("--rules-only", action="store_true", help="score the cue rules without the learned filter")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="list N errors per fold")
    parser.add_argument("--json", action="store_true", help="print the pooled and per-fold results as JSON")
    parser.add_argument("--unseen", action="store_true",
                        help="score --gold/--texts (articles outside realdev) with the shipped filter, one fold")
    parser.add_argument("--save-predictions", type=Path, metavar="DIR",
                        help="keep each fold's `kg extract` output there (foldK.jsonl), for error analysis")
    args = parser.parse_args()

    gold = gold_files(args.gold)
    golds = {p: json.loads(p.read_text(encoding="utf-8")) for p in gold}
    missing = [p.name for p, g in golds.items() if not (args.texts / g["text_file"]).exists()]
    if missing:
        print(f"{len(missing)} text(s) missing in {args.texts}: fetch them first (bench/realdev/README.md): "
              + ", ".join(missing[:5]) + (" …" if len(missing) > 5 else ""), file=sys.stderr)
        return 2

    if args.unseen:
        args.folds = 1
    examples = None
    if not (args.rules_only or args.unseen):
        from kg.extract.filter_training import label, training_pairs
        examples = label(training_pairs(args.gold, args.texts))
    results, per_fold = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(args.folds):
            test = [p for p, g in golds.items() if fold_of(g["article"], args.folds) == fold]
            if not test:
                continue
            model = "off" if args.rules_only else ""  # "": the shipped model
            if examples is not None:
                model = str(Path(tmp) / f"filter{fold}.json")
                held_out = {golds[p]["article"] for p in test}
                fitted = model_from(*(part.subset(set(part.missed) - held_out) for part in examples))
                Path(model).write_text(json.dumps(fitted, ensure_ascii=False), encoding="utf-8")
            predictions = Path(tmp) / f"fold{fold}.jsonl"
            extract([args.texts / golds[p]["text_file"] for p in test], predictions, model)
            if args.save_predictions:
                args.save_predictions.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(predictions, args.save_predictions / predictions.name)
            result = score(test, predictions, args.show_errors)
            results.append(result)
            e, r = result["entities"]["ALL"], result["relations"]["ALL"]
            per_fold.append({"fold": fold, "articles": len(test), "entity_f1": e["f1"], "relation_f1": r["f1"],
                             "negatives": result["negatives_predicted"], "errors": result["errors"]})

    tables = {part: pooled(results, part) for part in ("entities", "relations")}
    if args.json:
        print(json.dumps({"pooled": {part: {k: dict(zip(("precision", "recall", "f1"), prf(c)), **c)
                                            for k, c in rows.items()} for part, rows in tables.items()},
                          "folds": per_fold}, ensure_ascii=False, indent=1))
        return 0
    method = ("cue rules alone" if args.rules_only else "the shipped learned filter" if args.unseen
              else "cue rules + learned filter refitted per fold")
    print(f"{args.gold}: {len(gold)} articles, " + ("unseen, no cross-validation" if args.unseen else
          f"{args.folds}-fold cross-validation by article (pooled)") + f", {method}")
    for part, rows in tables.items():
        print(f"{part}:")
        for key in sorted(rows, key=lambda k: (k == "ALL", k)):
            p, r, f = prf(rows[key])
            c = rows[key]
            print(f"  {key:14} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={c['tp']} fp={c['fp']} fn={c['fn']})")
    for fold in per_fold:
        print(f"fold {fold['fold']}: {fold['articles']} articles, entity F1 {fold['entity_f1']:.3f}, "
              f"relation F1 {fold['relation_f1']:.3f}")
        for article, name in fold["negatives"]:
            print(f"  negative predicted: {article}: {name}")
        for error in fold["errors"]:
            print("   ", *error)
    if len(per_fold) > 1:
        for key in ("entity_f1", "relation_f1"):
            values = [f[key] for f in per_fold]
            print(f"{key} across folds: mean {statistics.mean(values):.3f}, sd {statistics.stdev(values):.3f}")
    e, r = prf(tables["entities"]["ALL"])[2], prf(tables["relations"]["ALL"])[2]
    print(f"entity F1 {e:.3f}  relation F1 {r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
