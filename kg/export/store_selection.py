"""Selecting a subgraph straight from the store: SPARQL walks the neighbourhood, only the selected records are read.

The semantics are those of kg.export.selection (which cuts an in-memory KnowledgeGraph); this
module gives the same KnowledgeGraph without reading the whole store:

1. centres: ids by ``kg:entityId``, names and aliases by one lookup of their folded key in the
   store's name index (kg.store_index); a store written before that index is scanned instead: every
   ``kg:name|kg:alias`` folded as far as SPARQL can (spaces, separators, ASCII case), every form
   holding a character SPARQL cannot fold the same way (NFKC, full-width, other cases) handed to
   Python for the exact comparison;
2. the walk: per hop, the statements (``rdf:Statement``) of the frontier's facts, with their
   predicates, titles and articles, and the own triples of the entities at their other ends,
   so that the filters run on the same Entity records as the in-memory path.
   The facts between entities of the last hop are found from the last hop's fact triples (their
   objects joined to the selected entities by hash, not looked up pair by pair), then the
   statements from the articles whose graphs hold those facts;
3. the records: the kept entities' evidence from the articles stating the kept facts (walked from
   the entities or from the articles, whichever side's index ranges count fewer nodes: ``_linked``)
   and the kept facts' statements are read with CONSTRUCT, indexed (kg.store_read.TripleIndex) and
   turned into a KnowledgeGraph by kg.rdf.from_graph, the same reader the whole-store path uses;
   articles come from the store folder, only those the records cite.

On the 100,000-article store a row costs about as much as a lookup (~15-20 µs: its IRIs are read
from the store's dictionary) while counting an index range costs ~1 µs a triple, so the joins count
first and read the smaller side (bench/README.md, 2026-12-05).

User text (names, aliases) is always bound by substitution; frontiers are VALUES blocks of store
IRIs (kg.store_read).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox

from kg.export.selection import (
    Filters, Selection, centre_keys, check_size, dated_by_attributes, pick_centre, rank_closest)
from kg.identity import folded_name, iri
from kg.model import Entity, KnowledgeGraph
from kg.ontology import Ontology, load_ontology
from kg.property_graph import MENTIONS
from kg.rdf import from_graph
from kg.store import GraphStore
from kg.store_index import entities_keyed, has_name_index, nearest_keys
from kg.store_read import IRIS_PER_QUERY, TripleIndex, chunked, iri_rows, values

# IRIs in the VALUES block of a _STATEMENTS query: with 2,000 statements Oxigraph planned it from every
# rdf:Statement of the store (minutes on the 100,000-article store) where 500 took 0.17 s.
STATEMENT_QUERY_VALUES = 250

# The characters kg.identity folds that SPARQL folds the same way: " " removed, separators to "·".
_SPARQL_FOLD = 'LCASE(REPLACE(REPLACE(?form, " ", ""), "[•‧・?]", "·"))'


@cache
def _unfoldable_class() -> str:
    """A regex class (XPath syntax, for SPARQL REGEX) of every character SPARQL cannot fold like Python.

    Plain are ASCII printable characters (LCASE = str.casefold there, NFKC leaves them), the CJK
    ideographs and symbols NFKC leaves alone and that have no case; anything else (full-width forms,
    compatibility characters, combining marks, tabs, non-ASCII letters with case) is unfoldable.
    """
    plain = [c for low, high in _PLAIN_CANDIDATES for c in range(low, high + 1) if _plain(chr(c))]
    ranges, start, previous = [], plain[0], plain[0]
    for code in plain[1:] + [-1]:
        if code != previous + 1:
            ranges.append(f"\\x{{{start:X}}}" + (f"-\\x{{{previous:X}}}" if previous > start else ""))
            start = code
        previous = code
    return "[^" + "".join(ranges) + "]"


# Where plain characters may lie: ASCII, the middle dot, general punctuation to CJK symbols, katakana's
# middle dot, the CJK ideographs (Extension A and the main block).
_PLAIN_CANDIDATES = ((0x20, 0x7E), (0xB7, 0xB7), (0x2000, 0x303F), (0x30FB, 0x30FB), (0x3400, 0x4DBF), (0x4E00, 0x9FFF))


def _plain(char: str) -> bool:
    if 0x20 <= ord(char) <= 0x7E:
        return True
    return (unicodedata.normalize("NFKC", char) == char and not unicodedata.combining(char)
            and char.casefold() == char and char.upper() == char and not char.isspace()
            and unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"))


def _regex_escape(char: str) -> str:
    return f"\\x{{{ord(char):X}}}"


def _sharing_class(wanted: str) -> str:
    """A regex class matching any raw character whose fold can share a character with ``wanted``."""
    chars = set(wanted)
    for char in wanted:
        if char.isascii() and char.isalpha():
            chars.add(char.upper())
        if char == "·":
            chars.update("•‧・?")
    return "[" + "".join(_regex_escape(c) for c in sorted(chars)) + "]"


class StoreSelector:
    """Centres and neighbourhoods read from an open GraphStore with SPARQL (see the module docstring)."""

    def __init__(self, store: GraphStore, ontology: Ontology | None = None) -> None:
        self.store = store
        self.ontology = ontology or load_ontology()
        self._predicates = {p.iri: p.contract_name for p in self.ontology.predicates if p.contract_name != MENTIONS}
        self._event_classes = {c.iri for c in self.ontology.classes if c.contract_type == "Event"}
        self._triples: dict[str, list[ox.Triple]] = {}  # entity IRI -> own triples
        self._entities: dict[str, Entity | None] = {}   # entity IRI -> record without provenance (None: no entity)

    # -------------------------------------------------------------- queries

    def _select(self, sparql: str, **bindings: object) -> ox.QuerySolutions:
        substitutions = {ox.Variable(name): value if isinstance(value, (ox.NamedNode, ox.Literal)) else ox.Literal(value)
                         for name, value in bindings.items()}
        return self.store.oxigraph.query(sparql, substitutions=substitutions, prefixes=self.ontology.prefixes)

    def _construct(self, sparql: str) -> list[ox.Triple]:
        return list(self.store.oxigraph.query(sparql, prefixes=self.ontology.prefixes))

    # -------------------------------------------------------------- entity records

    def _load_entities(self, iris: Iterable[str]) -> None:
        """Read the own triples of entities not read yet and parse them (without provenance)."""
        missing = sorted({i for i in iris if i not in self._entities})
        for chunk in chunked(missing):
            for triple in self._construct(f"CONSTRUCT {{ ?n ?p ?o }} WHERE {{ VALUES ?n {{ {values(chunk)} }} ?n ?p ?o }}"):
                self._triples.setdefault(triple.subject.value, []).append(triple)
        if not missing:
            return
        parsed = from_graph(TripleIndex(t for i in missing for t in self._triples.get(i, ())), (), self.ontology)
        by_iri = {iri(entity.id): entity for entity in parsed.entities.values()}
        for value in missing:
            self._entities[value] = by_iri.get(value)

    # -------------------------------------------------------------- centres

    def find_entity(self, query: str) -> Entity:
        """The one entity an IRI, id, name or alias designates (its whole record); Unknown/AmbiguousEntityError."""
        found = iri(self._find(query).id)
        return self._with_provenance([found])[found]

    def _find(self, query: str) -> Entity:
        """find_entity without the provenance: names the centre (candidates are records without provenance)."""
        ident, wanted = centre_keys(query)
        for row in self._select("SELECT ?e ?ident WHERE { ?e kg:entityId ?ident }", ident=ident):
            self._load_entities([row["e"].value])
            if self._entities[row["e"].value] is not None:
                return self._entities[row["e"].value]
        if has_name_index(self.store.oxigraph):
            hits = entities_keyed(self.store.oxigraph, wanted)
        else:  # a store written before the name index: one scan of every name and alias
            rows = self._select(
                f"SELECT DISTINCT ?e ?form ?key WHERE {{ ?e kg:name|kg:alias ?form . "
                f"FILTER({_SPARQL_FOLD} = ?key || REGEX(?form, \"{_escaped(_unfoldable_class())}\")) }}", key=wanted)
            hits = sorted({row["e"].value for row in rows if folded_name(row["form"].value) == wanted})
        self._load_entities(hits)
        matches = [self._entities[h] for h in hits if self._entities[h] is not None]
        return pick_centre(query, matches, lambda: self.closest_entities(query.strip()))

    def closest_entities(self, query: str, limit: int = 8) -> list[Entity]:
        """As kg.export.selection.closest_entities, reading only the forms that can come close."""
        wanted = folded_name(query)
        if not wanted:
            return []
        if has_name_index(self.store.oxigraph):
            # The keys are folded forms: rank them first, then read only the entities of the nearest ones (the
            # nearest forms of all entities are the nearest of those entities' forms, so the ranking is the same).
            candidates = sorted({e for key in nearest_keys(self.store.oxigraph, query, limit)
                                 for e in entities_keyed(self.store.oxigraph, key)})
        else:  # a store written before the name index: every form sharing a character, folded in Python
            rows = self._select(
                f"SELECT DISTINCT ?e ?chars WHERE {{ ?e kg:name|kg:alias ?form . "
                f"FILTER(REGEX(?form, ?chars) || REGEX(?form, \"{_escaped(_unfoldable_class())}\")) }}",
                chars=_sharing_class(wanted))
            candidates = sorted({row["e"].value for row in rows})
        self._load_entities(candidates)
        return rank_closest((self._entities[c] for c in candidates if self._entities[c] is not None), query, limit)

    # -------------------------------------------------------------- the walk

    # Read with VALUES of at most STATEMENT_QUERY_VALUES nodes (see its comment).
    _STATEMENTS = ("SELECT ?st ?s ?p ?o ?title ?article WHERE {{ {block} ?st a rdf:Statement ; rdf:subject ?s ; "
                   "rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?article . OPTIONAL {{ ?st kg:title ?title }} }}")

    def _facts(self, nodes: list[str]) -> dict[tuple, dict[str, str]]:
        """Facts at ``nodes``: key (subject IRI, contract predicate, object IRI, title) -> {statement: article}."""
        facts: dict[tuple, dict[str, str]] = {}
        for chunk in chunked(nodes, STATEMENT_QUERY_VALUES):
            block = f"VALUES ?n {{ {values(chunk)} }} {{ ?st rdf:subject ?n }} UNION {{ ?st rdf:object ?n }}"
            self._collect(facts, self._STATEMENTS.format(block=block))
        return facts

    def _facts_between(self, subjects: list[str], objects: list[str]) -> dict[tuple, dict[str, str]]:
        """The facts from ``subjects`` to ``objects``, as ``_facts`` gives them.

        The subjects' fact triples (a range of the subject index each: a hub's thousands of facts are
        rows, not lookups) are joined to ``objects`` here by hash; the statements are the nodes of the
        articles whose graphs hold the matching facts that have a matching subject (``_linked``).
        (Both ends as VALUES made Oxigraph look up every pair: 34 million for a person's 5,832 events.)"""
        wanted_subjects, wanted_objects = set(subjects), set(objects)
        matching: set[tuple[str, ...]] = set()
        for chunk in chunked(subjects):
            rows = iri_rows(self._select(
                f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values(chunk)} }} ?s ?p ?o FILTER(isIRI(?o)) }}"))
            matching.update(row for row in rows if row[2] in wanted_objects and row[1] in self._predicates)
        graphs: set[str] = set()
        for chunk in chunked(sorted(matching), IRIS_PER_QUERY // 3):
            block = " ".join(f"({values(row)})" for row in chunk)
            graphs.update(graph for (graph,) in iri_rows(self._select(
                f"SELECT DISTINCT ?g WHERE {{ VALUES (?s ?p ?o) {{ {block} }} GRAPH ?g {{ ?s ?p ?o }} }}")))
        # Apart, not joined: Oxigraph would start the join from every graph's provenance.
        articles: set[str] = set()
        for chunk in chunked(sorted(graphs)):
            articles.update(article for (article,) in iri_rows(self._select(
                f"SELECT ?article WHERE {{ VALUES ?g {{ {values(chunk)} }} ?g prov:wasDerivedFrom ?article }}")))
        statements = self._linked(sorted(articles), "rdf:subject", sorted({row[0] for row in matching}))
        facts: dict[tuple, dict[str, str]] = {}
        for chunk in chunked(sorted(statements), STATEMENT_QUERY_VALUES):
            self._collect(facts, self._STATEMENTS.format(block=f"VALUES ?st {{ {values(chunk)} }}"))
        return {key: found for key, found in facts.items() if key[0] in wanted_subjects and key[2] in wanted_objects}

    def _collect(self, facts: dict[tuple, dict[str, str]], sparql: str) -> None:
        """Add the statements a ``_STATEMENTS`` query finds to ``facts`` (only the ontology's predicates)."""
        for row in self.store.oxigraph.query(sparql, prefixes=self.ontology.prefixes):
            predicate = self._predicates.get(row["p"].value)
            if predicate is None:
                continue
            title = row["title"].value if row["title"] is not None else None
            key = (row["s"].value, predicate, row["o"].value, title)
            facts.setdefault(key, {})[row["st"].value] = row["article"].value

    def _published(self, events: list[Entity]) -> dict[str, str | None]:
        """Article id -> publication date for the articles that mention these events."""
        dates: dict[str, str | None] = {}
        for chunk in chunked([iri(e.id) for e in events]):
            rows = self.store.oxigraph.query(
                f"SELECT DISTINCT ?article ?published WHERE {{ VALUES ?n {{ {values(chunk)} }} "
                "?ev kg:about ?n ; prov:wasDerivedFrom ?a . ?a kg:entityId ?article . "
                "OPTIONAL { ?a kg:published ?published } }", prefixes=self.ontology.prefixes)
            for row in rows:
                article = row["article"].value.removeprefix("article/")
                dates[article] = row["published"].value if row["published"] is not None else None
        return dates

    def _with_provenance(self, iris: list[str]) -> dict[str, Entity]:
        """Full records (own triples and evidence) of these entities, by IRI."""
        triples = [t for i in iris for t in self._triples.get(i, ())] + self._evidence(iris)
        parsed = from_graph(TripleIndex(triples), (), self.ontology)
        return {iri(e.id): e for e in parsed.entities.values()}

    def _evidence(self, iris: list[str], articles: list[str] | None = None) -> list[ox.Triple]:
        """The evidence triples of these entities: all of it, or only what these article IRIs give.

        Given the articles, only the evidence nodes both of an article and of an entity are read whole."""
        if articles is None:
            triples = []
            for chunk in chunked(iris):
                triples += self._construct(f"CONSTRUCT {{ ?ev ?p ?o }} WHERE {{ VALUES ?n {{ {values(chunk)} }} "
                                           "?ev kg:about ?n . ?ev ?p ?o }")
            return triples
        nodes = self._linked(articles, "kg:about", iris)
        triples = []
        for chunk in chunked(sorted(nodes)):
            triples += self._construct(f"CONSTRUCT {{ ?ev ?p ?o }} WHERE {{ VALUES ?ev {{ {values(chunk)} }} ?ev ?p ?o }}")
        return triples

    def _linked(self, articles: list[str], predicate: str, targets: list[str]) -> set[str]:
        """The nodes derived from one of these articles (evidence, statements) with ``predicate`` to one of
        ``targets``, walked from the side with fewer nodes.

        A row costs about a lookup here (its IRI is read from the store's dictionary), so reading the
        articles' every node cost 40 s for a person's 9,462 articles, and reading a hub's every mention
        as much for a company's 342; counting them costs ~1 µs a node and reads no IRI."""
        articles_side = sum(self._count(f"VALUES ?a {{ {values(chunk)} }} ?x prov:wasDerivedFrom ?a")
                            for chunk in chunked(articles))
        targets_side = 0
        for chunk in chunked(targets):
            targets_side += self._count(f"VALUES ?t {{ {values(chunk)} }} ?x {predicate} ?t",
                                        articles_side - targets_side)
            if targets_side > articles_side:
                break
        found: set[str] = set()
        if targets_side <= articles_side:
            wanted = set(articles)
            for chunk in chunked(targets):
                found.update(node for node, article in iri_rows(self._select(
                    f"SELECT ?x ?a WHERE {{ VALUES ?t {{ {values(chunk)} }} ?x {predicate} ?t ; prov:wasDerivedFrom ?a }}"))
                    if article in wanted)
        else:
            wanted = set(targets)
            for chunk in chunked(articles):
                found.update(node for node, target in iri_rows(self._select(
                    f"SELECT ?x ?t WHERE {{ VALUES ?a {{ {values(chunk)} }} ?x prov:wasDerivedFrom ?a ; {predicate} ?t }}"))
                    if target in wanted)
        return found

    def _count(self, pattern: str, limit: int | None = None) -> int:
        """How many solutions ``pattern`` has (counting stops past ``limit``)."""
        inner = f"SELECT * WHERE {{ {pattern} }}" + (f" LIMIT {limit + 1}" if limit is not None else "")
        return int(next(iter(self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ {inner} }} }}")))["n"].value)

    def _allowed(self, candidates: set[str], centres: set[str], filters: Filters, memo: dict[str, bool]) -> None:
        """Decide, once per entity, whether it passes the filters (centres always do)."""
        fresh = sorted(candidates - memo.keys())
        self._load_entities(fresh)
        undated = [i for i in fresh if filters.dated and self._entities[i] is not None
                   and self._entities[i].type == "Event" and not dated_by_attributes(self._entities[i])]
        full = self._with_provenance(undated) if undated else {}
        published = self._published(list(full.values())) if full else {}
        for value in fresh:
            entity = full.get(value, self._entities[value])
            memo[value] = entity is not None and (value in centres or filters.entity_passes(entity, published,
                                                                                             self.ontology))

    def select(self, selection: Selection) -> KnowledgeGraph:
        """The subgraph the selection describes (equal to kg.export.selection.select on the whole store)."""
        filters = Filters.of(selection, self.ontology)
        centres = {iri(self._find(name).id) for name in selection.around}
        memo: dict[str, bool] = {}
        self._allowed(centres, centres, filters, memo)
        distance = {c: 0 for c in centres}
        check_size(len(distance), selection)
        kept_facts: dict[tuple, dict[str, str]] = {}
        frontier = sorted(centres)
        for hop in range(1, selection.hops + 1):
            if not frontier:
                break
            facts = {key: articles for key, articles in self._facts(frontier).items()
                     if filters.relation_passes(key[1], set(articles.values()))}
            self._allowed({end for key in facts for end in (key[0], key[2])}, centres, filters, memo)
            facts = {key: articles for key, articles in facts.items() if memo[key[0]] and memo[key[2]]}
            kept_facts.update(facts)
            following = sorted({end for key in facts for end in (key[0], key[2])} - distance.keys())
            for node in following:
                distance[node] = hop
            frontier = following
            check_size(len(distance), selection)  # before the next hop and the records, the costly parts
        # Facts between entities of the last hop were not walked: their subject's outgoing facts hold them.
        last = [node for node, d in distance.items() if d == selection.hops]
        for key, articles in self._facts_between(sorted(last), sorted(distance)).items():
            if filters.relation_passes(key[1], set(articles.values())):
                kept_facts[key] = articles
        kept_facts = {key: a for key, a in kept_facts.items() if key[0] in distance and key[2] in distance}
        return self._records(sorted(distance), kept_facts, selection.all_evidence)

    def _records(self, iris: list[str], facts: dict[tuple, dict[str, str]], all_evidence: bool) -> KnowledgeGraph:
        """The KnowledgeGraph of these entities and facts, read back with kg.rdf.from_graph; the entities'
        evidence only from the articles stating the facts, as kg.export.selection keeps it."""
        stating = sorted({article for statements in facts.values() for article in statements.values()})
        triples = [t for i in iris for t in self._triples.get(i, ())]
        triples += self._evidence(iris, None if all_evidence or not stating else stating)
        for chunk in chunked(sorted(st for statements in facts.values() for st in statements)):
            triples += self._construct(f"CONSTRUCT {{ ?st ?p ?x }} WHERE {{ VALUES ?st {{ {values(chunk)} }} ?st ?p ?x }}")
        graph = from_graph(TripleIndex(triples), (), self.ontology)
        wanted = {(self._id(s), p, self._id(o), t) for s, p, o, t in facts}
        result = KnowledgeGraph()
        result.entities = {k: graph.entities[k] for k in sorted(graph.entities)}
        result.relations = {k: graph.relations[k] for k in sorted(graph.relations, key=_relation_order)
                            if k in wanted}
        cited = {p.article_id for record in (*result.entities.values(), *result.relations.values())
                 for p in record.provenance}
        result.articles = self.store.find_articles(cited)
        return result

    def _id(self, value: str) -> str:
        entity = self._entities.get(value)
        if entity is None:
            raise ValueError(f"{value}: a fact's end that is not an entity of the store")
        return entity.id


def _relation_order(key: tuple) -> tuple:
    return tuple("" if part is None else part for part in key)


def _escaped(pattern: str) -> str:
    """A regex as the body of a SPARQL string literal (backslashes doubled)."""
    return pattern.replace("\\", "\\\\")


def select_from_store(store: GraphStore, selection: Selection, ontology: Ontology | None = None) -> KnowledgeGraph:
    """kg.export.selection.select for a store, reading only what the selection needs."""
    return StoreSelector(store, ontology).select(selection)

