"""Fit the extraction filter (kg.extract.learned) on gold articles.

Every gold article is extracted with the filter switched off; each entity and relation the rules
produce is labelled by the shared scorer's own matching (a match is 1, a miss that the gold does not
list in ``ignore`` is 0, an ignored one is left out), and a logistic regression per kind of item
learns which to keep.  The probability thresholds are chosen on out-of-fold predictions of the
training articles (an inner cross-validation, so that bench/realdev_score.py never chooses them on
the fold it scores), for the micro F1 the scorer would give (rules' misses count as false negatives
too): one per entity type, one per group of proposed relations (kg.extract.learned.relation_groups)
and one per predicate and rule family for the rules' own relations, all saved in the model file.
scikit-learn is needed here only (the `train` extra); extraction reads the weights from JSON.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.learned import (BIAS, CANDIDATE_SOURCES, ZONE_NEWS, entity_groups, featurise,
                                keeps_rule_relations, relation_groups, threshold_groups, with_candidates)
from kg.extract.contract import CONTRACT_TYPES
from kg.model import Article, Extraction

SHARED = Path(__file__).resolve().parents[3] / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"
SHARED_CORPUS = SHARED / "corpus"
CLUENER = SHARED / "datasets" / "cluener2020" / "train.json"
REALDEV = Path(__file__).resolve().parents[2] / "bench" / "realdev"
# Types the filter leaves alone: persons are already precise (the tagger's recall on them is kept whole);
# clusters are named by their own suffixes, and the filter, unstable on their few rows, cost more than it
# saved (realdev CV: cue rules alone 0.79, filtered 0.34-0.70 from run to run).
UNFILTERED_TYPES = ("Person", "Cluster")
MIN_GROUP_ROWS = 40
# the inner cross-validation that chooses the thresholds splits the training articles by size (None), or shuffled
# with this seed (how bench measures what the split's luck does to the thresholds)
INNER_SEED: int | None = None


def _scorer(path: Path = SCORER):
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Examples:
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # the article of each row, for folds by article
    missed: dict[str, int] = field(default_factory=dict)  # article -> gold items no candidate produced

    def subset(self, articles: set[str]) -> Examples:
        """The rows (and misses) of these articles only: a fold's training part."""
        rows = [i for i, article in enumerate(self.articles) if article in articles]
        return Examples([self.features[i] for i in rows], [self.labels[i] for i in rows],
                        [self.articles[i] for i in rows], {a: n for a, n in self.missed.items() if a in articles})


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
        annotated = set(gold.get("annotated_types", CONTRACT_TYPES)) - set(UNFILTERED_TYPES)
        for item, row in zip(predicted_entities, entity_rows):
            if item["type"] not in annotated or (id(item) not in good and id(item) not in bad):
                continue
            entities.features.append(row)
            entities.labels.append(int(id(item) in good))
            entities.articles.append(gold["article"])
        entities.missed[gold["article"]] = sum(1 for g in missed if g["type"] in annotated)
        if not gold.get("relations_annotated", True):
            continue
        good = {id(r) for r, _ in relations_matched}
        bad = {id(r) for r in relations_wrong}
        for item, row in zip(predicted_relations, relation_rows):
            if id(item) in good or id(item) in bad:
                relations.features.append(row)
                relations.labels.append(int(id(item) in good))
                relations.articles.append(gold["article"])
        relations.missed[gold["article"]] = len(relations_missed)
    return entities, relations


CLUENER_HELD_OUT = (10, 9)  # line % 10 == 9: the split the tagger and bench/extraction.py leave out
CLUENER_GROUPS = {"name": "Person", "company": "Organization", "organization": "Organization",
                  "government": "Organization"}


def cluener_pairs(path: Path, sample: int = 10) -> list[tuple[dict, Article]]:
    """CLUENER2020 sentences outside the held-out split (every ``sample``-th), each a body-only article with
    gold for the two types CLUENER annotates: general news, where organisations stand without zone cues."""
    import json

    every, held = CLUENER_HELD_OUT
    pairs = []
    for index, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if index % every == held or index % sample:
            continue
        row = json.loads(line)
        article_id = f"cluener-train-{index}"
        names = {(CLUENER_GROUPS[k], n) for k, spans in row["label"].items() if k in CLUENER_GROUPS for n in spans}
        gold = {"article": article_id, "entities": [{"type": t, "name": n, "aliases": []} for t, n in sorted(names)],
                "relations": [], "annotated_types": ["Person", "Organization"], "relations_annotated": False}
        pairs.append((gold, Article(id=article_id, title="", body=(row["text"],))))
    return pairs


def _fit(examples: Examples, groups_of, options_of) -> tuple[dict[str, float], dict[str, float]]:
    """Weights by feature name, and a threshold per group (``groups_of`` a row: the groups it may take its threshold
    from, finest first; ``options_of`` a group: the thresholds it may take, the first one preferred on a tie) chosen
    on out-of-fold predictions of the training articles."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(examples.features)
    model = LogisticRegression(C=1.0, max_iter=5000)
    folds = min(5, len(set(examples.articles)))
    split = GroupKFold(n_splits=folds, shuffle=INNER_SEED is not None, random_state=INNER_SEED)
    probabilities = cross_val_predict(model, x, examples.labels, groups=examples.articles, cv=split,
                                      method="predict_proba")[:, 1]
    thresholds = _thresholds([groups_of(row) for row in examples.features], probabilities, examples.labels,
                             sum(examples.missed.values()), options_of)
    model.fit(x, examples.labels)
    # weights too small to move a probability are left out (and the rest rounded): a smaller file, the same choices
    weights = {name: round(float(w), 4) for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0])
               if abs(w) >= 0.005}
    weights[BIAS] = float(model.intercept_[0])
    return weights, thresholds


THRESHOLDS = tuple(t / 20 for t in range(1, 20)) + (1.01,)  # 1.01: keep nothing of that group
PROPOSAL_LOWEST = 0.1
# a proposed relation must be at least PROPOSAL_LOWEST likely (a lower threshold traded the shared corpus's precision
# for recall on the articles it was chosen on); on a tie the stricter threshold wins
PROPOSAL_OPTIONS = tuple(sorted((t for t in THRESHOLDS if t >= PROPOSAL_LOWEST), reverse=True))
# a rule's relation is kept (threshold 0) unless a threshold does better, and dropped only where the model finds it
# clearly unlikely: at most RULE_HIGHEST (realdev CV: uncapped 0.752 / 0.505, capped 0.751 / 0.506, and uncapped
# thresholds cost the shared corpus's locatedIn ratchet); on a tie the laxer threshold wins
RULE_HIGHEST = 0.3
RULE_OPTIONS = (0.0,) + tuple(t for t in THRESHOLDS if t <= RULE_HIGHEST)


def _relation_threshold_groups(row: dict[str, float]) -> list[str]:
    return threshold_groups(relation_groups(row))


def _relation_options(group: str) -> tuple[float, ...]:
    """A rule's relation groups end in the rule's family; the proposals' in their source, or are a bare predicate."""
    source = group.rsplit("|", 1)[-1]
    if source in CANDIDATE_SOURCES or source == group:
        return PROPOSAL_OPTIONS
    return (0.0,) if keeps_rule_relations(group) else RULE_OPTIONS


ENTITY_OPTIONS = tuple(sorted(THRESHOLDS, reverse=True))  # on a tie the stricter threshold wins


def _thresholds(groups: list[list[str]], probabilities, labels: list[int], missed: int, options_of) -> dict[str, float]:
    """The threshold of each group that maximises the micro F1 the scorer gives over all rows together (the rules'
    misses are false negatives whatever is kept), smoothed over neighbouring thresholds, by coordinate ascent over
    the groups.  A row takes the threshold of its finest group with MIN_GROUP_ROWS rows, else of its coarsest group."""
    sizes: dict[str, int] = {}
    for row_groups in groups:
        for group in row_groups:
            sizes[group] = sizes.get(group, 0) + 1
    members: dict[str, list[int]] = {}
    for index, row_groups in enumerate(groups):
        group = next(g for g in row_groups if sizes[g] >= MIN_GROUP_ROWS or g == row_groups[-1])
        members.setdefault(group, []).append(index)
    positives = sum(labels) + missed
    chosen = {group: min(options_of(group), key=lambda t: abs(t - 0.5) if t else -1) for group in members}  # 0 or 0.5
    kept = {group: (0, 0) for group in members}  # (true, false) kept at the chosen threshold

    def counts(group: str, threshold: float) -> tuple[int, int]:
        rows = [i for i in members[group] if probabilities[i] >= threshold]
        true = sum(labels[i] for i in rows)
        return true, len(rows) - true

    def f1(true: int, false: int) -> float:
        return 2 * true / (true + false + positives) if true else 0.0

    for group in members:
        kept[group] = counts(group, chosen[group])
    for _ in range(3):
        for group in sorted(members):
            others_true = sum(t for g, (t, _) in kept.items() if g != group)
            others_false = sum(f for g, (_, f) in kept.items() if g != group)
            options = {t: counts(group, t) for t in options_of(group)}
            scores = _smoothed({t: f1(others_true + options[t][0], others_false + options[t][1]) for t in options})
            best = max(options, key=scores.get)
            chosen[group], kept[group] = best, options[best]
    return chosen


def _smoothed(scores: dict[float, float]) -> dict[float, float]:
    """Each threshold's score the mean of its own and its neighbours' on the grid: a threshold is chosen on a broad
    rise, not on a spike a few training rows make, which the next fold's rows seldom repeat (realdev CV with two
    shuffled inner splits: relation F1 0.586 / 0.590 instead of 0.584 / 0.587, entity F1 0.757 / 0.757 instead of
    0.755 / 0.755, a fold's relation F1 moved by at most 0.008 instead of 0.011 from one split to the other)."""
    ordered = sorted(scores)
    return {t: sum(scores[u] for u in ordered[max(0, i - 1): i + 2]) / len(ordered[max(0, i - 1): i + 2])
            for i, t in enumerate(ordered)}


def model_from(entities: Examples, relations: Examples) -> dict:
    """The filter model (JSON-ready) fitted on labelled examples."""
    entity_weights, entity_threshold = _fit(entities, entity_groups, lambda group: ENTITY_OPTIONS)
    for group in list(entity_threshold):  # a type whose every row had a context's group: its zone-news threshold
        kind = group.split("|", 1)[0]
        entity_threshold.setdefault(kind, entity_threshold.get(f"{kind}|{ZONE_NEWS}", entity_threshold[group]))
    relation_weights, relation_threshold = _fit(relations, _relation_threshold_groups, _relation_options)
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


def zone_news_pairs(realdev_gold: Path = REALDEV / "gold", realdev_texts: Path = REALDEV / "texts") -> list[tuple[dict, Article]]:
    """Every annotated zone-news article: the shared corpus (seed + dev) and bench/realdev (bench/heldout
    is never trained on: it only measures)."""
    pairs = gold_pairs(sorted((SHARED_CORPUS / "gold").glob("*.json")) + sorted((SHARED_CORPUS / "dev" / "gold").glob("*.json")),
                       [SHARED_CORPUS])
    return pairs + gold_pairs(sorted(realdev_gold.glob("*.json")), [realdev_texts])


def training_pairs(realdev_gold: Path = REALDEV / "gold", realdev_texts: Path = REALDEV / "texts") -> list[tuple[dict, Article]]:
    """What the filter learns from: the zone news, and for persons and organisations in general news a
    sample of CLUENER2020 outside its held-out split."""
    return zone_news_pairs(realdev_gold, realdev_texts) + cluener_pairs(CLUENER, sample=5)
