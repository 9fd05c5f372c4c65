#!/usr/bin/env python3
"""Apply to bench/realdev/gold the annotation conventions the shared dev gold follows where the guide is silent.

One convention so far: **a zone's administrative body lies in its zone.**  The annotation guide names
某某高新区管委会 and 某某经开区党工委 as organisations but says nothing of where they lie; the shared dev gold,
written by the guide's authors, gives every such body `locatedIn` its zone (28 of 28: the zone's name or alias
followed by 管委会, 管理委员会, 党工委 or 管理局), and never its city.  realdev's annotators never did (0 of 124),
so the two gold sets taught the learned filter opposite answers for the same sentence shape.

    .venv/bin/python bench/realdev/conventions.py [--gold DIR] [--check]

Adds the missing relations and records each in the file's `review` (idempotent: a second run adds nothing);
``--check`` only lists them and exits 1 when any is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold"

#: What follows a zone's name in its administrative body's name (simplified and traditional script, longest first).
BODY_ENDINGS = ("党工委管委会", "黨工委管委會", "管理委员会", "管理委員會", "管委会", "管委會", "党工委", "黨工委", "管理局")
PARTY_PREFIX = "中共"
CONVENTION = "convention (bench/realdev/conventions.py): a zone's administrative body lies in its zone"


def _forms(entity: dict) -> list[str]:
    return [entity["name"], *entity.get("aliases", [])]


def _zone_of(body: dict, zones: dict[str, str]) -> str | None:
    """The zone whose name (or alias) the body's name is, followed by a body ending; None for any other body."""
    for form in _forms(body):
        core = form.removeprefix(PARTY_PREFIX)
        ending = next((e for e in BODY_ENDINGS if core.endswith(e)), None)
        if ending is not None and core[: -len(ending)] in zones:
            return zones[core[: -len(ending)]]
    return None


def missing_relations(gold: dict) -> list[dict]:
    """The body → zone `locatedIn` relations the convention gives and the gold lacks."""
    zones = {form: zone["name"] for zone in gold["entities"] if zone["type"] == "Zone" for form in _forms(zone)}
    stated = {(r["subject"], r["predicate"], r["object"]) for r in gold["relations"]}
    found = []
    for entity in gold["entities"]:
        if entity["type"] != "Organization":
            continue
        zone = _zone_of(entity, zones)
        if zone is not None and (entity["name"], "locatedIn", zone) not in stated:
            found.append({"subject": entity["name"], "predicate": "locatedIn", "object": zone})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--check", action="store_true", help="list what is missing; change nothing")
    args = parser.parse_args()
    added = 0
    for path in sorted(args.gold.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        gold = json.loads(text)
        missing = missing_relations(gold)
        for relation in missing:
            print(f"{path.name}: {relation['subject']} locatedIn {relation['object']}")
        added += len(missing)
        if missing and not args.check:
            gold["relations"].extend(missing)
            review = gold.setdefault("review", {})
            review.setdefault("conventions", []).extend(
                f"{CONVENTION}: added {r['subject']} locatedIn {r['object']}" for r in missing)
            # Each file keeps its own layout, so the diff shows only what the convention added.
            indent = 2 if text.startswith('{\n  "') else 1
            path.write_text(json.dumps(gold, ensure_ascii=False, indent=indent) + text[len(text.rstrip("\n")):],
                            encoding="utf-8")
    print(f"{added} relation(s) {'missing' if args.check else 'added'}", file=sys.stderr)
    if args.check and added:
        sys.exit(1)


if __name__ == "__main__":
    main()
