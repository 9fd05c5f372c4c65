"""bench/realdev/conventions.py: the gold conventions realdev shares with the dev gold where the guide is silent."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("realdev_conventions", ROOT / "bench" / "realdev" / "conventions.py")
conventions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(conventions)


def _gold(*entities: tuple[str, str, list[str]], relations: list[dict] | None = None) -> dict:
    return {"entities": [{"type": t, "name": n, "aliases": a} for t, n, a in entities], "relations": relations or []}


def test_a_zones_administrative_body_lies_in_the_zone_named_by_any_of_its_forms():
    gold = _gold(("Zone", "青溪经济技术开发区", ["青溪经开区"]), ("Organization", "中共青溪经开区党工委", []),
                 ("Organization", "青溪经济技术开发区管理委员会", []), ("Place", "青溪市", []),
                 ("Organization", "青溪市人民政府", []))
    found = {(r["subject"], r["object"]) for r in conventions.missing_relations(gold)}
    assert found == {("中共青溪经开区党工委", "青溪经济技术开发区"), ("青溪经济技术开发区管理委员会", "青溪经济技术开发区")}


def test_a_body_already_placed_or_without_its_zone_in_the_gold_gives_nothing():
    placed = _gold(("Zone", "凤鸣高新区", []), ("Organization", "凤鸣高新区管委会", []),
                   relations=[{"subject": "凤鸣高新区管委会", "predicate": "locatedIn", "object": "凤鸣高新区"}])
    unnamed = _gold(("Organization", "星澜高新区管委会", []), ("Place", "星澜市", []))
    assert conventions.missing_relations(placed) == []
    assert conventions.missing_relations(unnamed) == []


def test_the_realdev_gold_follows_the_convention():
    missing = {path.name: conventions.missing_relations(json.loads(path.read_text(encoding="utf-8")))
               for path in sorted((ROOT / "bench" / "realdev" / "gold").glob("*.json"))}
    assert len(missing) >= 600
    assert {name: found for name, found in missing.items() if found} == {}
