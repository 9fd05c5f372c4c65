"""Generate ontologies/style.grass (the Neo4j Browser style) from the ontology.

    .venv/bin/python scripts/neo4j/make_style.py          # rewrite the file
    .venv/bin/python scripts/neo4j/make_style.py --check  # exit 1 when the file is out of date

One colour per label: every root class gets its own hue, its subclasses lighter or
darker shades of it, so a Company still reads as an Organization.  Nodes are captioned
with ``name``; relationships with the predicate's English label from the ontology
("held in" rather than HELD_IN), and a role with its title.
"""

from __future__ import annotations

import colorsys
import sys
from pathlib import Path

from rdflib import RDFS, Literal, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kg.ontology import Ontology, load_ontology  # noqa: E402
from kg.settings import ONTOLOGY_DIR  # noqa: E402

STYLE_FILE = ONTOLOGY_DIR / "style.grass"
ROLE_AT = "roleAt"  # its title says more than its type


def _hex(hue: float, lightness: float, saturation: float) -> str:
    r, g, b = colorsys.hls_to_rgb(hue, lightness, saturation)
    return "#{:02X}{:02X}{:02X}".format(round(r * 255), round(g * 255), round(b * 255))


def _luminance(colour: str) -> float:
    """Relative luminance (WCAG), to pick dark or light caption text on a fill."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _english_label(ontology: Ontology, iri: str) -> str | None:
    for label in ontology.graph.objects(URIRef(iri), RDFS.label):
        if isinstance(label, Literal) and label.language == "en":
            return str(label)
    return None


def label_colours(ontology: Ontology) -> dict[str, tuple[str, str, str]]:
    """label -> (fill, border, text colour)."""
    roots = sorted({c.ancestors[0] for c in ontology.classes})
    colours = {}
    for index, root in enumerate(roots):
        hue = index / len(roots)
        family = sorted((c for c in ontology.classes if c.ancestors[0] == root),
                        key=lambda c: (len(c.ancestors), c.iri))
        for shade, info in enumerate(family):
            # The root is the saturated middle tone; subclasses alternate lighter and darker around it.
            step = (shade + 1) // 2 * (1 if shade % 2 else -1)
            lightness = min(0.82, max(0.28, 0.55 + 0.045 * step))
            fill = _hex(hue, lightness, 0.62)
            text = "#FFFFFF" if _luminance(fill) < 0.45 else "#1F1F1F"
            colours[info.neo4j_label] = (fill, _hex(hue, lightness - 0.12, 0.62), text)
    return colours


def grass(ontology: Ontology) -> str:
    lines = ["node {", "  diameter: 50px;", "  color: #A5ABB6;", "  border-color: #9AA1AC;", "  border-width: 2px;",
             "  text-color-internal: #FFFFFF;", "  font-size: 10px;", "  caption: \"{name}\";", "}", "",
             "relationship {", "  color: #A5ABB6;", "  shaft-width: 1px;", "  font-size: 8px;", "  padding: 3px;",
             "  text-color-external: #000000;", "  text-color-internal: #FFFFFF;", "  caption: \"<type>\";", "}", ""]
    roots = {c.neo4j_label for c in ontology.classes if len(c.ancestors) == 1}
    # Browser applies the rules of every label a node has, in file order: roots first, so subclasses win.
    for label, (fill, border, text) in sorted(label_colours(ontology).items(), key=lambda i: (i[0] not in roots, i[0])):
        lines += [f"node.{label} {{", "  diameter: 55px;" if label in roots else "  diameter: 50px;",
                  f"  color: {fill};", f"  border-color: {border};", f"  text-color-internal: {text};",
                  "  caption: \"{name}\";", "}", ""]
    for predicate in ontology.predicates:
        caption = "{title}" if predicate.contract_name == ROLE_AT else (
            _english_label(ontology, predicate.iri) or predicate.relationship_type)
        lines += [f"relationship.{predicate.relationship_type} {{", f"  caption: \"{caption}\";", "}", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = grass(load_ontology())
    if "--check" in argv:
        current = STYLE_FILE.read_text(encoding="utf-8") if STYLE_FILE.exists() else ""
        if current != text:
            print(f"{STYLE_FILE} is out of date with the ontology; run {Path(__file__).name}")
            return 1
        return 0
    STYLE_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {STYLE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
