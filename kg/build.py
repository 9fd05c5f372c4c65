"""The build pipeline: load -> extract -> resolve -> project -> write the store (and a file).

Resolution merges entities across articles, so adding articles can change what is already
stored (an alias found later merges two nodes).  An incremental build therefore re-resolves
every stored article together with the new ones and replaces the graph whole: building A then B
gives exactly the graph of building A and B at once.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from loaders import LoadResult, Reject, load_paths, write_rejects

from kg.export.files import atomic_path
from kg.model import Article, KnowledgeGraph
from kg.ontology import Ontology, load_ontology
from kg.property_graph import to_networkx, write_graphml
from kg.rdf import format_for, serialise, to_dataset
from kg.store import REJECTS, GraphStore, StoreWriter


class BuildError(Exception):
    """The build cannot run (an unusable output path)."""


@dataclass
class BuildReport:
    load: LoadResult = field(default_factory=LoadResult)  # what loading PATHS gave, rejects with reasons
    extraction_rejects: list[Reject] = field(default_factory=list)  # articles whose extraction raised
    stored_before: int = 0
    articles: int = 0
    entities: int = 0
    relations: int = 0
    quads: int = 0
    generation: str = ""

    @property
    def rejects(self) -> list[Reject]:
        """Everything not built, with reasons: load rejects, non-article files, failed extractions."""
        return [*self.load.rejects, *self.load.skipped, *self.extraction_rejects]

    def summary(self) -> str:
        return (f"{self.load.summary()}; {self.stored_before} already stored -> {self.articles} article(s), "
                f"extraction failed for {len(self.extraction_rejects)}, "
                f"{self.entities} entities, {self.relations} relations, {self.quads} quads in {self.generation}")


def extract_and_resolve(articles: list[Article], progress: bool = False,
                        rejects: list[Reject] | None = None) -> KnowledgeGraph:
    """Run extraction on every article (in id order, so results do not depend on input order) and resolve.

    With a ``rejects`` list an article whose extraction raises is left out of the graph and reported there."""
    # Imported here so that `kg stats` and the store API do not load the extraction models.
    from kg.extract import extract_articles
    from kg.resolve import resolve

    ordered = sorted(articles, key=lambda a: a.id)
    extractions = extract_articles(tqdm(ordered, disable=not progress, file=sys.stderr, unit="article",
                                        desc="extracting"), rejects=rejects)
    graph = resolve(extractions)
    for extraction in extractions:
        graph.articles.setdefault(extraction.article.id, extraction.article)
    return graph


GRAPHML = ".graphml"  # --out with this suffix writes the property graph instead of RDF


def _check_output(out: Path) -> None:
    if out.suffix.lower() != GRAPHML:
        format_for(out)  # unknown suffix -> ValueError before any work
    parent = out.resolve().parent
    if not parent.is_dir() or not os.access(parent, os.W_OK):
        raise BuildError(f"{out}: cannot write here (folder {parent} is missing or not writable)")


def build(paths: list[str], store_dir: Path, out: Path | None = None, rebuild: bool = False,
          ontology_path: Path | None = None, progress: bool = False) -> BuildReport:
    """Load paths, add them to the store's articles (or start clean with rebuild) and rebuild the graph.

    Everything not built (load rejects, skipped files, failed extractions) is written to ``<store>/rejects.jsonl``,
    replaced on every build.  An article whose extraction fails stays stored, so a later build retries it."""
    ontology: Ontology = load_ontology(ontology_path)  # a broken ontology stops the build before the store is touched
    if out is not None:
        _check_output(Path(out))
    report = BuildReport(load=load_paths(list(paths), progress=progress) if paths else LoadResult())
    new_articles = report.load.articles
    with StoreWriter(Path(store_dir)) as writer:
        stored = [] if rebuild else writer.stored_articles()
        report.stored_before = len(stored)
        merged = {a.id: a for a in stored}
        merged.update({a.id: a for a in new_articles})  # a re-loaded article replaces its stored version
        articles = sorted(merged.values(), key=lambda a: a.id)
        graph = extract_and_resolve(articles, progress=progress, rejects=report.extraction_rejects)
        dataset = to_dataset(graph, ontology)
        nquads = dataset.serialize(format="nquads", encoding="utf-8")
        if out is not None:
            # The file is written before the store switches, so a failure leaves the store as it was.
            with atomic_path(Path(out)) as staging:
                if Path(out).suffix.lower() == GRAPHML:
                    write_graphml(to_networkx(graph, ontology), staging)
                else:
                    serialise(dataset, staging, format_for(out))
        generation = writer.publish(nquads, articles)
        write_rejects(report.rejects, Path(store_dir) / REJECTS)
    report.articles, report.entities, report.relations = len(articles), len(graph.entities), len(graph.relations)
    report.quads = sum(1 for line in nquads.splitlines() if line.strip())
    report.generation = generation.name
    return report


def stats(store_dir: Path, ontology_path: Path | None = None) -> dict[str, object]:
    """Counts by class and by predicate, each from a parameterised SPARQL query."""
    import pyoxigraph as ox

    ontology = load_ontology(ontology_path)
    # pyoxigraph substitutes only variables of the projection, hence the GROUP BY on the bound variable.
    count_class = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class"
    count_predicate = "SELECT ?predicate (COUNT(*) AS ?n) WHERE { ?s ?predicate ?o } GROUP BY ?predicate"
    with GraphStore.open(Path(store_dir)) as store:
        def count(query: str, **bindings: str) -> int:
            rows = store.query(query, {k: ox.NamedNode(v) for k, v in bindings.items()})
            return int(rows[0]["n"]) if rows else 0

        classes = {"/".join(ontology.neo4j_label(a) for a in c.ancestors): count(count_class, **{"class": c.iri})
                   for c in ontology.classes}
        predicates = {f"{p.contract_name} ({p.relationship_type})": count(count_predicate, predicate=p.iri)
                      for p in ontology.predicates}
        evidence = count(count_class, **{"class": ontology.term("Evidence")})
        return {
            "store": str(store.root), "generation": store.generation.name,
            "articles": len(store.articles()),
            "quads": len(store.oxigraph),
            "named graphs": len(list(store.oxigraph.named_graphs())),
            "evidence records": evidence,
            "classes": {k: v for k, v in sorted(classes.items()) if v},
            "predicates": dict(sorted(predicates.items())),
        }
