"""ontologies/style.grass: generated from the ontology, one colour per label, readable captions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from kg.ontology import load_ontology
from kg.settings import ONTOLOGY_DIR

REPO = Path(__file__).resolve().parents[1]


def _rules(text: str) -> dict[str, dict[str, str]]:
    rules = {}
    for selector, body in re.findall(r"^(\S+) \{\n(.*?)^\}", text, flags=re.M | re.S):
        rules[selector] = dict(re.findall(r"^\s+([\w-]+): (.*?);$", body, flags=re.M))
    return rules


def test_style_file_is_up_to_date_with_the_ontology():
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "neo4j" / "make_style.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_label_has_its_own_colour_and_a_name_caption():
    rules = _rules((ONTOLOGY_DIR / "style.grass").read_text(encoding="utf-8"))
    labels = {c.neo4j_label for c in load_ontology().classes}
    node_rules = {selector.removeprefix("node."): rule for selector, rule in rules.items()
                  if selector.startswith("node.")}
    assert set(node_rules) == labels
    colours = [rule["color"] for rule in node_rules.values()]
    assert len(set(colours)) == len(colours)
    assert all(rule["caption"] == '"{name}"' for rule in node_rules.values())


def test_every_relationship_type_has_a_readable_caption():
    rules = _rules((ONTOLOGY_DIR / "style.grass").read_text(encoding="utf-8"))
    for predicate in load_ontology().predicates:
        caption = rules[f"relationship.{predicate.relationship_type}"]["caption"].strip('"')
        assert caption and caption != predicate.relationship_type
        assert "_" not in caption
