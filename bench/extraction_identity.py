"""Dump the extraction's whole output, to check that a speed change leaves it identical.

    .venv/bin/python bench/extraction_identity.py DUMP_DIR                    # write the dumps
    .venv/bin/python bench/extraction_identity.py DUMP_DIR --against REF_DIR  # write, then compare

Three inputs, one file each: the shared corpus, 1,000 generated articles
(``gen_articles.py 1000 --seed 5``) and the CLUENER held-out lines bench/extraction.py
scores (line % 10 == 9 of train.json, body-only records).  For every article the file
holds the per-article Extraction (every entity and relation with kind, aliases,
honours, attributes and each provenance record: evidence sentence, offsets, method,
confidence) and, for the corpus and the generated articles, the contract records
``kg extract --format jsonl`` prints (after resolution across the articles).
``--against`` exits 1 and names the first differing lines when any file differs.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from kg.extract import extract_articles  # noqa: E402
from kg.extract.contract import contract_records  # noqa: E402
from kg.model import Article, Extraction  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from loaders import load_paths  # noqa: E402


def _plain(value):
    """JSON-ready form of a dataclass tree; sets sorted so the dump is deterministic."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _extraction_line(extraction: Extraction) -> str:
    record = {"article": extraction.article.id, "entities": _plain(extraction.entities),
              "relations": _plain(extraction.relations)}
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _dump(articles: list[Article], path: Path, with_contract: bool) -> None:
    extractions = extract_articles(articles)
    lines = [_extraction_line(x) for x in extractions]
    if with_contract:
        lines += [json.dumps(r, ensure_ascii=False) for r in contract_records(resolve(extractions), extractions)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def generated_articles(count: int = 1000, seed: int = 5) -> list[Article]:
    """The generator's articles, loaded the way ``kg extract`` loads a .jsonl file."""
    out = Path("/tmp") / f"kg-identity-gen-{count}-{seed}.jsonl"
    if not out.exists():
        command = [sys.executable, str(SHARED / "tools" / "gen_articles.py"), str(count), "--seed", str(seed)]
        text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        out.write_text(text, encoding="utf-8")
    return load_paths([str(out)]).articles


def cluener_articles(every: int = 10, held: int = 9) -> list[Article]:
    """The CLUENER held-out sentences as body-only records (as bench/extraction.py feeds them)."""
    lines = (SHARED / "datasets" / "cluener2020" / "train.json").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for i, line in enumerate(lines) if i % every == held]
    return [Article(id=f"cluener-{i}", title="", body=(r["text"],)) for i, r in enumerate(rows)]


INPUTS = {
    "corpus.jsonl": (lambda: load_paths([str(SHARED / "corpus")]).articles, True),
    "generated1000.jsonl": (generated_articles, True),
    "cluener.jsonl": (cluener_articles, False),
}


def compare(dump: Path, reference: Path) -> bool:
    same = True
    for name in INPUTS:
        ours = (dump / name).read_text(encoding="utf-8").splitlines()
        theirs = (reference / name).read_text(encoding="utf-8").splitlines()
        differing = [i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b]
        if len(ours) != len(theirs) or differing:
            same = False
            print(f"{name}: DIFFERS ({len(ours)} vs {len(theirs)} lines, {len(differing)} differing; "
                  f"first at line {differing[0] + 1 if differing else min(len(ours), len(theirs)) + 1})")
        else:
            print(f"{name}: identical ({len(ours)} lines)")
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dump", type=Path)
    parser.add_argument("--against", type=Path, help="a reference dump directory to compare with")
    args = parser.parse_args()
    args.dump.mkdir(parents=True, exist_ok=True)
    for name, (articles, with_contract) in INPUTS.items():
        _dump(articles(), args.dump / name, with_contract)
        print(f"wrote {args.dump / name}", flush=True)
    if args.against and not compare(args.dump, args.against):
        sys.exit(1)


if __name__ == "__main__":
    main()
