"""Plain records that travel between the pipeline stages.

loaders  ->  Article
extraction  ->  Extraction (per article: Mention-backed Entity and Relation records)
resolution  ->  KnowledgeGraph (entities merged across mentions and articles)
projections (RDF, property graph), stores, queries and exports read KnowledgeGraph.

Offsets: every character offset in this module indexes ``Article.text``
(title, a blank line, then the paragraphs joined by blank lines), in the
text *as loaded* (before any repair), so evidence can always be cut back out
of the original.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class RelatedLink:
    """A link to another article (上一条 / 下一条 / 相关新闻); never article content."""

    title: str
    url: str | None = None
    kind: str = "related"  # "previous", "next" or "related"


@dataclass(frozen=True)
class Article:
    """One news article as a loader read it."""

    id: str
    title: str
    body: tuple[str, ...]
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    source: str | None = None  # media named after 来源
    site: str | None = None  # site slogan or name
    zone: str | None = None  # 发布开发区 / the record's zone field
    region: str | None = None
    category: str | None = None
    related: tuple[RelatedLink, ...] = ()
    encoding: str = "utf-8"
    path: str | None = None
    line: int | None = None  # 1-based line in a JSONL/CSV file
    format: str = "text"  # page, html, text, jsonl, csv

    @property
    def text(self) -> str:
        """The text that extraction reads and that all offsets index."""
        return PARAGRAPH_SEPARATOR.join((self.title, *self.body)) if self.title else PARAGRAPH_SEPARATOR.join(self.body)

    @staticmethod
    def make_id(url: str | None, title: str, body: tuple[str, ...]) -> str:
        """Stable id: from the URL when there is one, else from the content."""
        basis = url.strip() if url and url.strip() else "\n".join((title, *body))
        return ("u-" if url and url.strip() else "c-") + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Provenance:
    """Where one fact was read: article, evidence sentence, offsets and how."""

    article_id: str
    sentence: str
    start: int  # offsets of the evidence (the mention, or the sentence for a relation) in Article.text
    end: int
    method: str  # e.g. "pattern:attend-verb", "crf", "gazetteer:nobel", "metadata:source"
    confidence: float = 1.0


@dataclass
class Entity:
    """One thing in the world.

    ``type`` is a contract type (Person, Organization, Zone, Place, Event,
    EventSeries, Fund, Cluster, Industry); ``kind`` the finer ontology class
    when known (e.g. InvestmentFirm, Province, Forum).  ``id`` is stable and
    deterministic (see kg.identity); within one article's Extraction it may be
    article-local until resolution assigns the global id.
    """

    id: str
    type: str
    name: str
    kind: str | None = None
    aliases: set[str] = field(default_factory=set)
    honors: set[str] = field(default_factory=set)
    # dates (ISO), edition (int), amount_yuan (float), ... ; values must be JSON-serialisable scalars
    attributes: dict[str, object] = field(default_factory=dict)
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Relation:
    """A typed edge between two entities (contract predicate names)."""

    subject: str  # Entity.id
    predicate: str
    object: str  # Entity.id
    title: str | None = None  # roleAt only
    attributes: dict[str, object] = field(default_factory=dict)
    provenance: list[Provenance] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        return (self.subject, self.predicate, self.object, self.title)


@dataclass
class Extraction:
    """What extraction found in one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


@dataclass
class KnowledgeGraph:
    """The resolved graph: one entity per thing, one relation per fact, articles kept."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[tuple[str, str, str, str | None], Relation] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
