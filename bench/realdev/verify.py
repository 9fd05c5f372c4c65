#!/usr/bin/env python3
"""Check bench/realdev: every gold file carries its address, query and digest; no address is reserved;
every text in bench/realdev/texts/ is the one the gold was written on.

    python bench/realdev/verify.py            # exit 0 when every text is present and matches
    python bench/realdev/verify.py --missing  # list what to fetch again: id, query, url (tab-separated)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECK_RESERVED = HERE.parents[2] / "shared" / "tools" / "check_reserved.py"
REQUIRED = ("article", "text_file", "url", "query", "sha256", "entities", "relations")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=HERE / "gold")
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--missing", action="store_true", help="print id, query and url of each text to fetch")
    args = parser.parse_args()

    problems, to_fetch = [], []
    golds = sorted(args.gold.glob("*.json"))
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        absent = [key for key in REQUIRED if key not in gold]
        if absent:
            problems.append(f"{path.name}: missing field(s) {', '.join(absent)}")
            continue
        text = args.texts / gold["text_file"]
        if not text.exists():
            to_fetch.append(gold)
        elif hashlib.sha256(text.read_bytes()).hexdigest() != gold["sha256"]:
            problems.append(f"{text}: sha256 differs from {path.name}: fetch it again")
    if args.missing:
        for gold in to_fetch:
            print(gold["article"], gold["query"], gold["url"], sep="\t")
        return 0
    reserved = subprocess.run([sys.executable, str(CHECK_RESERVED), "--gold", str(args.gold)],
                              capture_output=True, text=True)
    if reserved.returncode:
        problems.append(reserved.stdout.strip())
    for problem in problems:
        print(problem)
    print(f"{len(golds)} gold file(s); {len(golds) - len(to_fetch)} text(s) present, {len(to_fetch)} to fetch; "
          f"{len(problems)} problem(s); reserved-page check: {reserved.stdout.strip().splitlines()[-1]}")
    return 1 if problems or to_fetch else 0


if __name__ == "__main__":
    sys.exit(main())
