"""Fit the extraction filter (kg.extract.learned) on gold articles.

Every gold article is extracted with the filter switched off; each entity and relation the rules
produce is labelled by the shared scorer's own matching (a match is 1, a miss that the gold does not
list in ``ignore`` is 0, an ignored one is left out), and a logistic regression per kind of item
learns which to keep.  The probability threshold is chosen on out-of-fold predictions of the
training articles, for the F1 the scorer would give (rules' misses count as false negatives too).
scikit-learn is needed here only (the `train` extra); extraction reads the weights from JSON.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.learned import BIAS, coarse_group, entity_group, featurise, relation_group, with_candidates
from kg.model import Article, Extraction

SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_extraction.py"
UNFILTERED_TYPES = ("Person",)
MIN_GROUP_ROWS = 40  # persons are already precise; the tagger's recall on them is kept whole


def _scorer(path: Path = SCORER):
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Examples:
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # the article of each row, for folds by article
    missed: dict[str, dict[str, int]] = field(default_factory=dict)  # article -> group -> gold items never produced

    def subset(self, articles: set[str]) -> Examples:
        """The rows (and misses) of these articles only: a fold's training part."""
        rows = [i for i, group in enumerate(self.groups) if group in articles]
        return Examples([self.features[i] for i in rows], [self.labels[i] for i in rows],
                        [self.groups[i] for i in rows], {a: n for a, n in self.missed.items() if a in articles})


def _candidates(articles: Iterable[Article]) -> list[Extraction]:
    """What the filter is shown at extraction time: the rules' findings plus the sentence pairs."""
    from kg.extract.pipeline import rule_extraction

    return [with_candidates(*rule_extraction(article)) for article in articles]


def label(pairs: list[tuple[dict, Article]], scorer_path: Path = SCORER) -> tuple[Examples, Examples]:
    """Entity and relation examples from (gold, article) pairs."""
    scorer = _scorer(scorer_path)
    entities, relations = Examples(), Examples()
    for (gold, article), extraction in zip(pairs, _candidates(a for _, a in pairs)):
        names = {e.id: e.name for e in extraction.entities}
        predicted_entities = [{"type": e.type, "name": e.name, "aliases": sorted(e.aliases)} for e in extraction.entities]
        predicted_relations = [{"subject": names[r.subject], "predicate": r.predicate, "object": names[r.object]}
                               for r in extraction.relations]
        score = scorer.ArticleScore(gold, {"entities": predicted_entities, "relations": predicted_relations})
        matched, wrong, missed, pred_to_gold = score.match_entities()
        relations_matched, relations_wrong, relations_missed = score.match_relations(pred_to_gold)
        entity_rows, relation_rows = featurise(extraction)
        good = {id(p) for p, _ in matched}
        bad = {id(p) for p in wrong}
        for item, row in zip(predicted_entities, entity_rows):
            if item["type"] in UNFILTERED_TYPES or (id(item) not in good and id(item) not in bad):
                continue
            entities.features.append(row)
            entities.labels.append(int(id(item) in good))
            entities.groups.append(gold["article"])
        entities.missed[gold["article"]] = Counter(g["type"] for g in missed if g["type"] not in UNFILTERED_TYPES)
        good = {id(r) for r, _ in relations_matched}
        bad = {id(r) for r in relations_wrong}
        for item, row in zip(predicted_relations, relation_rows):
            if id(item) in good or id(item) in bad:
                relations.features.append(row)
                relations.labels.append(int(id(item) in good))
                relations.groups.append(gold["article"])
        relations.missed[gold["article"]] = Counter(_gold_group(g, gold) for g in relations_missed)
    return entities, relations


def _gold_group(relation: dict, gold: dict) -> str:
    """The threshold group (predicate|subject type|object type) of a gold relation."""
    types = {}
    for entity in gold["entities"]:
        for form in (entity["name"], *entity.get("aliases", ())):
            types.setdefault(form, entity["type"])
    return f"{relation['predicate']}|{types.get(relation['subject'], '?')}|{types.get(relation['object'], '?')}"


def _fit(examples: Examples, group_of) -> tuple[dict[str, float], dict[str, float]]:
    """Weights by feature name, and per group (entity type, predicate) the threshold that maximises that
    group's F1 on out-of-fold predictions of the training articles."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(examples.features)
    model = LogisticRegression(C=1.0, max_iter=5000)
    folds = min(5, len(set(examples.groups)))
    probabilities = cross_val_predict(model, x, examples.labels, groups=examples.groups,
                                      cv=GroupKFold(n_splits=folds), method="predict_proba")[:, 1]
    by_group: dict[str, list[tuple[float, int]]] = {}
    for row, p, label in zip(examples.features, probabilities, examples.labels):
        group = group_of(row)
        for key in dict.fromkeys((group, coarse_group(group))):
            by_group.setdefault(key, []).append((p, label))
    missed: dict[str, int] = {}
    for per_group in examples.missed.values():
        for group, n in per_group.items():
            for key in dict.fromkeys((group, coarse_group(group))):
                missed[key] = missed.get(key, 0) + n
    # a fine group (predicate|types) gets its own threshold only with enough examples to choose one
    by_group = {g: rows for g, rows in by_group.items() if g == coarse_group(g) or len(rows) >= MIN_GROUP_ROWS}

    def f1(rows: list[tuple[float, int]], group: str, threshold: float) -> float:
        tp = sum(label for p, label in rows if p >= threshold)
        fp = sum(1 - label for p, label in rows if p >= threshold)
        fn = missed.get(group, 0) + sum(label for _, label in rows) - tp
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    thresholds = {group: max((t / 20 for t in range(1, 20)), key=lambda t: f1(rows, group, t))
                  for group, rows in by_group.items()}
    model.fit(x, examples.labels)
    # weights too small to move a probability are left out (and the rest rounded): a smaller file, the same choices
    weights = {name: round(float(w), 4) for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0])
               if abs(w) >= 0.005}
    weights[BIAS] = float(model.intercept_[0])
    return weights, thresholds


def train(pairs: list[tuple[dict, Article]], scorer_path: Path = SCORER) -> dict:
    """The filter model (JSON-ready) fitted on (gold, article) pairs."""
    return model_from(*label(pairs, scorer_path))


def model_from(entities: Examples, relations: Examples) -> dict:
    """The filter model (JSON-ready) fitted on labelled examples."""
    entity_weights, entity_threshold = _fit(entities, entity_group)
    relation_weights, relation_threshold = _fit(relations, relation_group)
    return {"entity": entity_weights, "relation": relation_weights,
            "threshold": {"entity": entity_threshold, "relation": relation_threshold},
            "unfiltered_types": list(UNFILTERED_TYPES),
            "trained_on": sorted(set(entities.missed) | set(relations.missed)),
            "examples": {"entity": len(entities.labels), "relation": len(relations.labels)}}


def gold_pairs(gold_files: Iterable[Path], paths: Iterable[str | Path]) -> list[tuple[dict, Article]]:
    """Each gold file with the article it annotates, found as the scorer finds predictions: by record id,
    else by the file name of a file that holds one record."""
    import json

    from loaders import load_paths

    articles = load_paths(list(paths)).articles
    by_id = {a.id: a for a in articles}
    by_file: dict[str, list[Article]] = {}
    for a in articles:
        if a.path:
            by_file.setdefault(Path(a.path).name, []).append(a)
    pairs = []
    for path in gold_files:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        article = by_id.get(gold["article"])
        if article is None:
            single = by_file.get(Path(gold.get("text_file", "")).name, [])
            article = single[0] if len(single) == 1 else None
        if article is not None:
            pairs.append((gold, article))
    return pairs
