"""The build pipeline: load -> extract (cached, in parallel) -> resolve -> project -> write the store (and a file).

Extraction is per article, so it is cached in the store (kg.cache: by the article's content and the
extractor's version) and runs on an engine (kg.engines: this process, a process pool, a Dask
cluster); a build re-extracts only new or changed articles.  Resolution merges entities across
articles, so adding articles can change what is already stored (an alias found later merges two
nodes): a build re-resolves every stored article's cached extraction together with the new ones,
streams the projection into a new Oxigraph generation (N-Quads chunks, no rdflib on this path)
and records which nodes changed (kg.store).  Building A then B gives exactly the graph of building
A and B at once.

That is the full path (``--rebuild``, ``--reextract``, ``--out``, a new store, a changed extractor,
resolution or ontology).  Otherwise a build is incremental (kg.incremental): the groups of entities the
new or changed articles touch are extended from their stored summaries (a recurring zone gains the new
mentions) or, where their names or members change, resolved again; the new generation is a copy of the
current one with only the touched units' quads replaced, and the stored articles are copied, not parsed.
A unit of a group resolved again whose inputs (the entity or fact, and that article's records) are the stored
ones is not projected again: a renamed person's evidence is rewritten, a re-resolved zone's is not.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from loaders import LoadResult, Reject, load_paths, write_rejects

from kg.cache import ExtractionCache, article_digest
from kg.engines import Engine, InProcess, engine_for
from kg.incremental import Delta, current, index_version, plan, resolved_articles, stage_all, staged_nodes
from kg.export.files import atomic_path
from kg.model import Article, Extraction, KnowledgeGraph, Relation
from kg.ontology import Ontology, load_ontology
from kg.property_graph import to_networkx, write_graphml
from kg.rdf import format_for, nquads_projector, serialise, to_dataset, to_nquads
from kg.resolve import ExtractionInput, resolution_input, resolve_groups
from kg.store import (INDEX, REJECTS, UNIT_SPOOL, GraphStore, NodeDigests, Rewrite, StoreWriter, count_terms,
                      counted_terms, generation_number, open_index, recorded_quad_count, recorded_term_counts,
                      stored_inputs)

#: Fewer articles than this to extract run in this process: starting workers would cost more.
PARALLEL_FROM = 64


class BuildError(Exception):
    """The build cannot run (an unusable output path)."""


@dataclass
class BuildReport:
    load: LoadResult = field(default_factory=LoadResult)  # what loading PATHS gave, rejects with reasons
    extraction_rejects: list[Reject] = field(default_factory=list)  # articles whose extraction raised
    stored_before: int = 0
    articles: int = 0
    extracted: int = 0  # articles extracted in this build (the others came from the cache)
    engine: str = ""
    entities: int = 0
    relations: int = 0
    quads: int = 0
    generation: str = ""
    changed_nodes: int = 0  # entity and article nodes whose quads changed (GraphStore.changes_since)
    incremental: bool = False  # only what the new or changed articles touch was resolved and rewritten
    rewritten: int = 0  # entity and article nodes whose quads an incremental build replaced
    resolved_again: int = 0  # articles an incremental build resolved again (the new ones and those sharing groups)
    extended: int = 0  # stored groups an incremental build extended from their summaries (not resolved again)
    unchanged: int = 0  # units of groups resolved again not projected again: their inputs are the stored ones
    # why stored groups were resolved again: "<type>: <reason>" -> (groups, stored articles they hold)
    causes: dict[str, tuple[int, int]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage: load, extract, resolve, write

    @property
    def rejects(self) -> list[Reject]:
        """Everything not built, with reasons: load rejects, non-article files, failed extractions."""
        return [*self.load.rejects, *self.load.skipped, *self.extraction_rejects]

    def summary(self) -> str:
        return (f"{self.load.summary()}; {self.stored_before} already stored -> {self.articles} article(s), "
                f"{self.extracted} extracted ({self.engine}), the rest from the cache, "
                f"extraction failed for {len(self.extraction_rejects)}, "
                f"{self.entities} entities, {self.relations} relations, {self.quads} quads in {self.generation}, "
                f"{self.changed_nodes} nodes changed"
                + (f" (incremental: {self.resolved_again} articles resolved again, {self.extended} groups extended, "
                   f"{self.rewritten} nodes rewritten, {self.unchanged} of their units unchanged"
                   + "".join(f"; {groups} {cause} ({articles} articles)"
                             for cause, (groups, articles) in list(self.causes.items())[:3]) + ")"
                   if self.incremental else ""))


def extract_cached(articles: list[Article], cache: ExtractionCache | None = None, engine: Engine | None = None,
                   reextract: bool = False, progress: bool = False, rejects: list[Reject] | None = None,
                   keep: Callable[[Extraction], Extraction | ExtractionInput] | None = None
                   ) -> tuple[list[Extraction] | list[ExtractionInput], int]:
    """Every article's Extraction, in article id order, and how many were extracted now.

    Cached extractions are used unless ``reextract``; the others run on ``engine`` (in this process
    for few articles) and are added to the cache.  With a ``rejects`` list an article whose extraction
    raises is left out and reported there; without one the error is raised.  With ``keep`` each extraction is
    replaced by what ``keep`` makes of it as soon as it is read or made (a full build keeps what resolution reads)."""
    keep = keep or (lambda extraction: extraction)
    found: dict[str, Extraction] = {}
    todo: list[Article] = []
    for article, extraction in (cache.get(articles) if cache is not None and not reextract
                                else ((a, None) for a in articles)):
        if extraction is None:
            todo.append(article)
        else:
            found[article.id] = keep(extraction)
    engine = engine if engine is not None and len(todo) >= PARALLEL_FROM else InProcess()
    fresh: list[Extraction] = []
    outcomes = tqdm(engine.run(todo), total=len(todo), disable=not progress, file=sys.stderr, unit="article",
                    desc="extracting")
    for article, extraction, error in outcomes:
        if extraction is None:
            if rejects is None:
                raise RuntimeError(f"extraction of {article.path or article.id} failed: {error}")
            rejects.append(Reject(article.path or f"article {article.id}", article.line, f"extraction failed: {error}"))
            continue
        found[article.id] = keep(extraction)
        fresh.append(extraction)
        if cache is not None and len(fresh) >= 500:
            cache.put(fresh)  # in steps, so a killed build keeps what it extracted
            fresh = []
    if cache is not None:
        cache.put(fresh)
    if rejects is not None:
        rejects.sort(key=lambda r: (r.path, r.line or 0))
    return [found[a.id] for a in sorted(articles, key=lambda a: a.id) if a.id in found], len(todo)


def resolve_extractions(extractions: list[Extraction]) -> KnowledgeGraph:
    """Resolve (in article id order, so the graph does not depend on input order) and keep the articles."""
    from kg.resolve import resolve

    graph = resolve(extractions)
    for extraction in extractions:
        graph.articles.setdefault(extraction.article.id, extraction.article)
    return graph


def extract_and_resolve(articles: list[Article], progress: bool = False,
                        rejects: list[Reject] | None = None) -> KnowledgeGraph:
    """Run extraction on every article (in this process, no cache) and resolve.

    With a ``rejects`` list an article whose extraction raises is left out of the graph and reported there."""
    extractions, _ = extract_cached(sorted(articles, key=lambda a: a.id), progress=progress,
                                    rejects=rejects)
    return resolve_extractions(extractions)


GRAPHML = ".graphml"  # --out with this suffix writes the property graph instead of RDF


def _check_output(out: Path) -> None:
    if out.suffix.lower() != GRAPHML:
        format_for(out)  # unknown suffix -> ValueError before any work
    parent = out.resolve().parent
    if not parent.is_dir() or not os.access(parent, os.W_OK):
        raise BuildError(f"{out}: cannot write here (folder {parent} is missing or not writable)")


def build(paths: list[str], store_dir: Path, out: Path | None = None, rebuild: bool = False,
          ontology_path: Path | None = None, progress: bool = False, workers: int | None = None,
          dask: str | None = None, reextract: bool = False) -> BuildReport:
    """Load paths, add them to the store's articles (or start clean with rebuild) and rebuild the graph.

    Extraction runs on ``workers`` local processes (default: the machine's cores) or on the Dask
    cluster at ``dask`` ("local" starts one), reusing cached extractions unless ``reextract``.
    Everything not built (load rejects, skipped files, failed extractions) is written to ``<store>/rejects.jsonl``,
    replaced on every build.  An article whose extraction fails stays stored, so a later build retries it."""
    ontology: Ontology = load_ontology(ontology_path)  # a broken ontology stops the build before the store is touched
    if out is not None:
        _check_output(Path(out))
    started = time.perf_counter()
    report = BuildReport(load=load_paths(list(paths), progress=progress) if paths else LoadResult())
    engine = engine_for(workers, dask)
    new_articles = report.load.articles
    version = index_version(ontology_path)
    with StoreWriter(Path(store_dir)) as writer:
        report.seconds["load"] = time.perf_counter() - started
        delta = None
        if not (rebuild or reextract or out is not None or writer.generation is None):
            delta = _incremental(writer, new_articles, engine, version, report, progress)
        if delta is None:
            loading = time.perf_counter()
            stored = [] if rebuild else writer.stored_articles()
            report.stored_before = len(stored)
            merged = {a.id: a for a in stored}
            merged.update({a.id: a for a in new_articles})  # a re-loaded article replaces its stored version
            articles = sorted(merged.values(), key=lambda a: a.id)
            del merged, stored
            report.seconds["load"] += time.perf_counter() - loading
            graph, record = _resolve_all(writer, articles, engine, reextract, rebuild, version, report, progress)
            report.entities, report.relations = len(graph.entities), len(graph.relations)
            if out is not None:
                # A file holds the whole graph anyway: its provenance is put together in memory.
                with ExtractionCache(writer.root / INDEX) as cache, closing(open_index(writer.root)) as index:
                    for part in _evidence(cache, graph, _fact_attributes(graph), index):
                        _add_evidence(graph, part)
                # The file is written before the store switches, so a failure leaves the store as it was.
                with atomic_path(Path(out)) as staging:
                    if Path(out).suffix.lower() == GRAPHML:
                        write_graphml(to_networkx(graph, ontology), staging)
                    else:
                        serialise(to_dataset(graph, ontology), staging, format_for(out))
                units = to_nquads(graph, ontology)
            else:
                units = _projection(writer.root, graph, ontology)
            projection = NodeDigests(units, spool=writer.root / UNIT_SPOOL)
            generation = writer.publish(projection, articles, digests=projection, record=record)
            report.articles = len(articles)
        else:
            # Units whose inputs are the stored ones are not projected again (a hub's evidence in stored articles).
            with closing(open_index(writer.root)) as index:
                projection = NodeDigests(to_nquads(delta.graph, ontology, outside=delta.outside,
                                                   stored=stored_inputs(index)))
                # Only the new and re-loaded articles are given: the stored ones are copied, not read.
                generation = writer.publish(projection, new_articles, digests=projection, articles_added=True,
                                            rewrite=Rewrite(delta.entities, delta.articles), record=delta.record)
            report.entities, report.relations = writer.unit_counts()
            report.incremental, report.resolved_again, report.extended = True, delta.resolved, delta.extended
            report.causes = delta.causes
            report.rewritten = len(delta.entities | delta.graph.entities.keys()) + len(delta.articles)
            report.unchanged = len(projection.unchanged)
        write_rejects(report.rejects, Path(store_dir) / REJECTS)
        report.seconds["write"] = time.perf_counter() - started - sum(report.seconds.values())
    report.quads = writer.quad_count()
    report.generation = generation.name
    report.changed_nodes = writer.changed_nodes
    return report


def _resolve_all(writer: StoreWriter, articles: list[Article], engine: Engine, reextract: bool, rebuild: bool,
                 version: str, report: BuildReport, progress: bool
                 ) -> tuple[KnowledgeGraph, Callable[[sqlite3.Connection, int], None]]:
    """The full path: every article's extraction (cached or now; every one is cached afterwards), resolved
    together from what resolution reads of them (kg.resolve.resolution_input: no provenance, which ``_evidence``
    reads again article by article); the graph without provenance, and what moves the resolution index's rows
    into the index when the build publishes (they are staged in the index now, with the nodes of each article's
    entities, which the projection reads back from there)."""
    start = time.perf_counter()
    report.extraction_rejects = []  # an incremental attempt that gave up may have reported some already
    shared: dict[str, str] = {}
    with ExtractionCache(writer.root / INDEX) as cache:
        extractions, extracted = extract_cached(articles, cache, engine, reextract, progress,
                                                report.extraction_rejects,
                                                keep=lambda extraction: resolution_input(extraction, shared))
        report.extracted = max(report.extracted, extracted)
        if rebuild:
            cache.keep_only({a.id for a in articles})
    del shared
    report.engine = engine.name if report.extracted >= PARALLEL_FROM else InProcess.name
    extracted_at = time.perf_counter()
    graph, groups = resolve_groups(extractions)
    with closing(open_index(writer.root)) as index:
        record = stage_all(index, groups, extractions, version)
    del extractions, groups
    # Added to what an incremental attempt that gave up spent.
    report.seconds["extract"] = report.seconds.get("extract", 0.0) + extracted_at - start
    report.seconds["resolve"] = report.seconds.get("resolve", 0.0) + time.perf_counter() - extracted_at
    return graph, record


#: A fact's key (kg.model.Relation.key) -> its attributes, for the facts that have any.
FactAttributes = dict[tuple[str, str, str, str | None], dict[str, object]]


def _fact_attributes(graph: KnowledgeGraph) -> FactAttributes:
    return {key: relation.attributes for key, relation in graph.relations.items() if relation.attributes}


def _evidence(cache: ExtractionCache, graph: KnowledgeGraph, facts: FactAttributes, index: sqlite3.Connection
              ) -> Iterator[KnowledgeGraph]:
    """Each article's evidence, in article id order: its cached extraction read again, its entities' and facts'
    provenance under their resolved nodes (staged in ``index`` by ``_resolve_all``) and keys (the entities of
    ``graph``, resolved without provenance, and the facts' attributes, ``facts``).

    Resolution concatenates a group's records in article order, each article's in the order of its entities
    and facts, so the records an article gives here are exactly its share of the resolved provenance."""
    for article, extraction in cache.get(sorted(graph.articles.values(), key=lambda a: a.id)):
        if extraction is None:
            raise RuntimeError(f"article {article.id}: its extraction left the cache during the build")
        local = staged_nodes(index, article.id)
        part = KnowledgeGraph()
        for entity in extraction.entities:
            node = local.get(entity.id)
            if node is not None:
                if node not in part.entities:
                    part.entities[node] = replace(graph.entities[node], provenance=[])
                part.entities[node].provenance.extend(entity.provenance)
        for relation in extraction.relations:
            s, o = local.get(relation.subject), local.get(relation.object)
            if s is None or o is None or s == o:
                continue  # as resolution leaves it out
            key = (s, relation.predicate, o, relation.title)
            if key not in part.relations:
                part.relations[key] = Relation(*key, facts.get(key) or {}, [])
            part.relations[key].provenance.extend(relation.provenance)
        yield part


def _add_evidence(graph: KnowledgeGraph, part: KnowledgeGraph) -> None:
    """One article's evidence (``_evidence``) added to the graph's provenance."""
    for node, entity in part.entities.items():
        graph.entities[node].provenance.extend(entity.provenance)
    for key, relation in part.relations.items():
        graph.relations[key].provenance.extend(relation.provenance)


def _projection(root: Path, graph: KnowledgeGraph, ontology: Ontology
                ) -> Iterator[tuple[str, tuple[str, ...], list[str] | None, bytes | None]]:
    """The units of ``to_nquads`` for the graph with its provenance, holding one article's at a time: the articles,
    entities and facts of ``graph``, then each article's mention and statement units from its cached extraction.
    Once the facts' own units are given, ``graph`` loses its facts: their statements need only their attributes."""
    projector = nquads_projector(ontology)
    yield from to_nquads(graph, ontology, projector=projector)
    facts = _fact_attributes(graph)
    graph.relations.clear()
    with ExtractionCache(root / INDEX) as cache, closing(open_index(root)) as index:
        for part in _evidence(cache, graph, facts, index):
            yield from to_nquads(part, ontology, evidence_only=True, projector=projector)


def _incremental(writer: StoreWriter, new_articles: list[Article], engine: Engine, version: str, report: BuildReport,
                 progress: bool) -> Delta | None:
    """Extract the new and changed articles and resolve what they touch (kg.incremental), or None when the
    store's resolution index cannot serve this build (the full path then runs).  Stored articles are read
    only where needed: the ids, the stored versions of re-loaded articles, those resolved again."""
    start = time.perf_counter()
    index = open_index(writer.root)
    try:
        if not current(index, generation_number(writer.generation), version):
            return None
        stored_ids = writer.stored_ids()
        report.stored_before = len(stored_ids)
        report.articles = len(stored_ids | {a.id for a in new_articles})
        # Stored articles whose extraction failed before are retried, as a full build does; one pass over the
        # stored articles reads them and the stored versions of re-loaded ones.
        failed = stored_ids - resolved_articles(index)
        found = writer.find_articles(failed | {a.id for a in new_articles if a.id in stored_ids})
        changed = {a.id: a for a in new_articles
                   if a.id not in found or article_digest(a) != article_digest(found[a.id])}
        changed.update({i: found[i] for i in sorted(failed - changed.keys())})
        with ExtractionCache(writer.root / INDEX) as cache:
            extractions, report.extracted = extract_cached(list(changed.values()), cache, engine, False, progress,
                                                           report.extraction_rejects)
            report.engine = engine.name if report.extracted >= PARALLEL_FROM else InProcess.name
            report.seconds["extract"] = time.perf_counter() - start
            fresh: dict[str, Extraction | None] = dict.fromkeys(changed)
            fresh.update({x.article.id: x for x in extractions})

            def load(ids: set[str]) -> dict[str, Extraction] | None:
                found = {}
                for article, extraction in cache.get(article for _, article in sorted(writer.find_articles(ids).items())):
                    if extraction is None:
                        return None
                    found[article.id] = extraction
                return found if len(found) == len(ids) else None

            delta = plan(index, fresh, load, version)
        report.seconds["resolve"] = time.perf_counter() - start - report.seconds["extract"]
        return delta
    finally:
        index.close()


def _count_records(path: Path) -> int:
    """The records of a JSON-lines file, counted without parsing them (a big store holds many articles)."""
    if not path.exists():
        return 0
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def stats(store_dir: Path, ontology_path: Path | None = None) -> dict[str, object]:
    """Counts by class and by predicate (the default graph), as the build recorded them or, where it did not (an
    edited store, another ontology), each from a parameterised SPARQL query; the quads as the build counted them
    (the graph's own, without the derived index) when it did."""
    ontology = load_ontology(ontology_path)
    terms = counted_terms(ontology)
    with GraphStore.open(Path(store_dir)) as store:
        counts = recorded_term_counts(store.root, store.generation.name)
        if counts is None or not counts.keys() >= set(terms):
            counts = count_terms(store.oxigraph, terms)  # a walk of each term's index range: slow on a big store
        classes = {"/".join(ontology.neo4j_label(a) for a in c.ancestors): counts[("class", c.iri)]
                   for c in ontology.classes}
        predicates = {f"{p.contract_name} ({p.relationship_type})": counts[("predicate", p.iri)]
                      for p in ontology.predicates}
        return {
            "store": str(store.root), "generation": store.generation.name,
            "articles": _count_records(store.generation / "articles.jsonl"),
            # len() walks every quad (20 s at 100,000 articles); the build's own count is kept in its index.
            "quads": recorded_quad_count(store.root, store.generation.name) or len(store.oxigraph),
            "named graphs": len(list(store.oxigraph.named_graphs())),
            "evidence records": counts[("class", ontology.term("Evidence"))],
            "classes": {k: v for k, v in sorted(classes.items()) if v},
            "predicates": dict(sorted(predicates.items())),
        }
