"""Resolution: per-article Extractions -> one KnowledgeGraph.

Across articles, entities of one type merge when any of their derived forms
agree (kg.extract.forms: a zone's short forms, a company's core name, an
administration under its zone's short form).  People merge on their name
unless their contexts conflict: two 陈志刚 holding posts at different
organisations stay two people, each told apart by a disambiguator (its first
organisation) in the entity id; mentions without a post join a lone person and
stay apart (the plain id) from namesakes told apart.  Canonical names are the fullest form; every
other form becomes an alias.  Relations are re-pointed at the merged entities
and their provenance concatenated; an attribute (a settling's amount_yuan and
amount_text) comes from the first article, in article id order, that states it.
Each group also gets a summary (GroupSummary) from which kg.incremental merges
new members into it without reading its stored ones.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from kg.extract.events import generic_event_name, name_year
from kg.extract.forms import ADMIN_SUFFIXES, brandless_company, merge_keys
from kg.identity import entity_id
from kg.model import Article, Entity, Extraction, KnowledgeGraph, Provenance, Relation


class UnionFind:
    """Disjoint sets of hashable, mutually comparable items (the smaller item stays the root)."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


#: An entity of one article, as resolution sees it: (article id, the entity's id within the article).
Local = tuple[str, str]


#: Where an entity or fact stands in resolution's input order: (article id, its index in the article's list).
Order = tuple[str, int]


@dataclass(slots=True)  # one per group and per person: many at once in a full build
class GroupSummary:
    """What a group's merged entity is made of, short of its provenance: enough to merge further members
    into it without reading the members it has (kg.incremental keeps one per group).  Merging is
    order-independent: the first kind and each attribute's first value go by ``Order``."""

    names: dict[str, int] = field(default_factory=dict)  # how many members bear each name
    aliases: set[str] = field(default_factory=set)  # every member's name and aliases
    honors: set[str] = field(default_factory=set)
    kind: tuple[Order, str] | None = None
    attributes: dict[str, tuple[Order, object]] = field(default_factory=dict)
    # Same-name people: each person's employers (by person node), which decide how the group splits (see
    # split_people; members without an employer never change it), and each person's own summary by node.
    employed: dict[str, list[str]] = field(default_factory=dict)
    people: dict[str, GroupSummary] = field(default_factory=dict)

    def add(self, order: Order, entity: Entity) -> None:
        self.names[entity.name] = self.names.get(entity.name, 0) + 1
        self.aliases |= {entity.name, *entity.aliases}
        self.honors.update(entity.honors)
        if entity.kind and (self.kind is None or order < self.kind[0]):
            self.kind = (order, entity.kind)
        for key, value in entity.attributes.items():
            if key not in self.attributes or order < self.attributes[key][0]:
                self.attributes[key] = (order, value)

    def entity(self, gid: str, entity_type: str, name: str, provenance: list[Provenance]) -> Entity:
        """The merged entity named ``name`` (its other names become aliases)."""
        return Entity(id=gid, type=entity_type, name=name, kind=self.kind[1] if self.kind else None,
                      aliases=self.aliases - {name}, honors=set(self.honors),
                      attributes={key: value for key, (_, value) in sorted(self.attributes.items(),
                                                                           key=lambda item: item[1][0])},
                      provenance=provenance)

    def merge(self, other: GroupSummary) -> None:
        """Add another summary's members (not its people)."""
        for name, count in other.names.items():
            self.names[name] = self.names.get(name, 0) + count
        self.aliases |= other.aliases
        self.honors |= other.honors
        if other.kind is not None and (self.kind is None or other.kind[0] < self.kind[0]):
            self.kind = other.kind
        for key, (order, value) in other.attributes.items():
            if key not in self.attributes or order < self.attributes[key][0]:
                self.attributes[key] = (order, value)

    def to_json(self) -> str:
        return json.dumps(self._as_dict(), ensure_ascii=False, sort_keys=True)

    def _as_dict(self) -> dict:
        return {"names": self.names, "aliases": sorted(self.aliases), "honors": sorted(self.honors), "kind": self.kind,
                "attributes": self.attributes, "employed": self.employed,
                "people": {node: person._as_dict() for node, person in self.people.items()}}

    @classmethod
    def from_json(cls, text: str) -> GroupSummary:
        return cls._from_dict(json.loads(text))

    @classmethod
    def _from_dict(cls, data: dict) -> GroupSummary:
        return cls(names=data["names"], aliases=set(data["aliases"]), honors=set(data["honors"]),
                   kind=(tuple(data["kind"][0]), data["kind"][1]) if data["kind"] else None,
                   attributes={k: (tuple(order), value) for k, (order, value) in data["attributes"].items()},
                   employed=data["employed"],
                   people={node: cls._from_dict(person) for node, person in data["people"].items()})


@dataclass
class Groups:
    """What resolution decided, kept in the store's resolution index (kg.incremental) so that a later
    build re-resolves only the groups new articles touch.  A group holds the entities one union of
    derived forms joins (people: one name, before they are told apart by employer)."""
    types: list[str] = field(default_factory=list)  # per group
    names: list[str] = field(default_factory=list)  # per group: canonical name (before naming after a zone)
    slots: list[tuple[str, ...]] = field(default_factory=list)  # per group: the (type, form) slots it owns
    lookups: dict[int, set[str]] = field(default_factory=dict)  # administration group -> zone forms it is named by
    members: list[tuple[str, str, int, str | None]] = field(default_factory=list)  # (article, local, group, node id)
    summaries: list[GroupSummary] = field(default_factory=list)  # per group
    fact_attributes: dict[tuple, dict[str, tuple[Order, object]]] = field(default_factory=dict)  # per fact with any


def slot(entity_type: str, key: str) -> str:
    """A derived form of one type, as the resolution index keys it."""
    return f"{entity_type}\0{key}"


def entity_slots(entity: Entity) -> set[str]:
    """The slots an entity joins its group by: every derived form of its names (a person: of its name only).

    An event named with its year joins by its forms within that year only: 2023光谷人工智能产业峰会 and
    2024光谷人工智能产业峰会 share the yearless form but are two editions, two events (one node holding both would
    give a 2023 attendee to the 2024 edition, and rename the node whenever a later edition arrives)."""
    names = {entity.name, *entity.aliases} if entity.type != "Person" else {entity.name}
    if entity.type == "Organization":
        # 光电科技有限公司 as an alias of one company would join every company that has it
        names = {entity.name} | {alias for alias in entity.aliases if not brandless_company(alias)}
    elif entity.type == "Fund":
        # 科创基金, 引导基金 declared as one fund's short name (以下简称“科创基金”) name another article's fund as
        # readily: two words before 基金 join within an article only
        names = {entity.name} | {alias for alias in entity.aliases if len(alias) > 4}
    if entity.type == "Event":
        # 高峰论坛 or 开园典礼 left alone in one article (its full name cut away or never written) is no other article's
        # 高峰论坛: a name of none joins within its article only
        names = {n for n in names if not generic_event_name(n)}
    years = {name_year(n) for n in names} - {None} if entity.type == "Event" else set()
    if not years:
        return {slot(entity.type, k) for name in names for k in merge_keys(entity.type, name)}
    return {slot(entity.type, f"{k}\0{year}") for name in names for year in ({name_year(name)} - {None} or years)
            for k in merge_keys(entity.type, name)}


_NONE: tuple[str, ...] = ()
_NO_ATTRIBUTES: MappingProxyType = MappingProxyType({})


class _WithoutProvenance:
    """Resolution's inputs keep no provenance: they answer ``provenance`` as an Entity or Relation without any."""
    __slots__ = ()

    @property
    def provenance(self) -> tuple:
        return ()


@dataclass(slots=True, frozen=True)
class EntityInput(_WithoutProvenance):
    """An entity as resolution reads it (``resolution_input``): an Entity's fields without its provenance, in a
    third less memory (slots; names as tuples, which cost a fifth of a small set)."""
    id: str
    type: str
    name: str
    kind: str | None
    aliases: tuple[str, ...]
    honors: tuple[str, ...]
    attributes: Mapping[str, object]


@dataclass(slots=True, frozen=True)
class RelationInput(_WithoutProvenance):
    """A relation as resolution reads it (``resolution_input``): a Relation's fields without its provenance."""
    subject: str
    predicate: str
    object: str
    title: str | None
    attributes: Mapping[str, object]


@dataclass(slots=True, frozen=True)
class ExtractionInput:
    """What resolution reads of an article's Extraction (``resolution_input``)."""
    article: Article
    entities: tuple[EntityInput, ...]
    relations: tuple[RelationInput, ...]


def resolution_input(extraction: Extraction, shared: dict[str, str]) -> ExtractionInput:
    """What resolution reads of an extraction: its entities and relations without their provenance (a full build
    holds every article's input at once and reads each article's evidence again when it projects it), their
    strings shared through ``shared`` (names, types and predicates recur in many articles) and the empty
    name tuples and mappings shared too.  Resolving these gives the graph of the whole extractions, without
    provenance."""
    def text(value: str | None) -> str | None:
        return None if value is None else shared.setdefault(value, value)

    def names(values: set[str]) -> tuple[str, ...]:
        return tuple(sorted(map(text, values))) if values else _NONE

    return ExtractionInput(extraction.article,
                           tuple(EntityInput(text(e.id), text(e.type), text(e.name), text(e.kind), names(e.aliases),
                                             names(e.honors), e.attributes or _NO_ATTRIBUTES)
                                 for e in extraction.entities),
                           tuple(RelationInput(text(r.subject), text(r.predicate), text(r.object), text(r.title),
                                               r.attributes or _NO_ATTRIBUTES) for r in extraction.relations))


def resolve(extractions: list[Extraction]) -> KnowledgeGraph:
    """Merge the entities and relations of many articles into one graph."""
    return resolve_groups(extractions)[0]


def resolve_groups(extractions: list[Extraction] | list[ExtractionInput], fixed: dict[Local, str | None] | None = None,
                   stored_zone: Callable[[str], str | None] | None = None,
                   stating: frozenset[str] = frozenset()) -> tuple[KnowledgeGraph, Groups]:
    """Resolve, and say which groups resolution formed.

    ``fixed`` gives the node of entities whose groups are not resolved again (an incremental build):
    they take part only as relation ends and employers; their groups, and relations between two of
    them, are left out of the graph, unless an article of ``stating`` states the relation (its records
    from those articles are then kept).  ``stored_zone`` names the zone a form belongs to among those
    groups (for administrations named after their zone).  Input order decides nothing: extractions are
    taken in article id order."""
    fixed = fixed or {}
    extractions = sorted(extractions, key=lambda x: x.article.id)
    items: list[tuple[str, Entity]] = []
    orders: list[Order] = []
    for x in extractions:
        for position, e in enumerate(x.entities):
            if (x.article.id, e.id) not in fixed:
                items.append((x.article.id, e))
                orders.append((x.article.id, position))
    groups = _group_non_persons(items)
    local_to_group = {}
    for gi, members in enumerate(groups):
        for index in members:
            article, entity = items[index]
            local_to_group[(article, entity.id)] = gi
    names = {gi: _canonical([items[i][1] for i in members]) for gi, members in enumerate(groups)}
    found = Groups(types=[items[m[0]][1].type for m in groups], names=[names[gi] for gi in range(len(groups))],
                   slots=[tuple(set().union(*(entity_slots(items[i][1]) for i in members))) for members in groups],
                   summaries=[_summary(items, orders, members) for members in groups])
    found.lookups = _name_administrations_after_zones(items, groups, names, stored_zone or (lambda key: None))
    group_ids = {}
    for gi, members in enumerate(groups):
        entity_type = items[members[0]][1].type
        if entity_type != "Person":
            # an event named by its kind only (高峰论坛: no slots, see entity_slots) is its own article's event
            own = items[members[0]][0] if entity_type == "Event" and not found.slots[gi] else None
            group_ids[gi] = entity_id(entity_type, names[gi], own)
    employers = _employers(extractions, local_to_group, group_ids, fixed)
    person_groups = _split_people(items, orders, groups, employers, found.summaries)
    graph = KnowledgeGraph(articles={x.article.id: x.article for x in extractions})
    for gi, members in enumerate(groups):
        if items[members[0]][1].type == "Person":
            continue
        graph.entities[group_ids[gi]] = found.summaries[gi].entity(group_ids[gi], items[members[0]][1].type, names[gi],
                                                                   [p for i in members for p in items[i][1].provenance])
    people = {gid: person for summary in found.summaries for gid, person in summary.people.items()}
    for gid, members in person_groups.items():
        graph.entities[gid] = people[gid].entity(gid, "Person", canonical_name("Person", people[gid].names),
                                                 [p for i in members for p in items[i][1].provenance])
        for i in members:
            article, entity = items[i]
            local_to_group[(article, entity.id)] = gid
    for gi, members in enumerate(groups):
        for i in members:
            article, entity = items[i]
            found.members.append((article, entity.id, gi, _global(local_to_group, group_ids, fixed, article, entity.id)))
    first_stated: dict[tuple, dict[str, Order]] = {}
    for x in extractions:
        for position, r in enumerate(x.relations):
            if (x.article.id, r.subject) in fixed and (x.article.id, r.object) in fixed and x.article.id not in stating:
                continue  # both ends keep their nodes: the stored fact stays as it is
            s = _global(local_to_group, group_ids, fixed, x.article.id, r.subject)
            o = _global(local_to_group, group_ids, fixed, x.article.id, r.object)
            if s is None or o is None or s == o:
                continue
            key = (s, r.predicate, o, r.title)
            order = (x.article.id, position)
            if key in graph.relations:
                merged = graph.relations[key]
                merged.provenance.extend(r.provenance)
            else:
                merged = graph.relations[key] = Relation(s, r.predicate, o, r.title, {}, list(r.provenance))
            for name, value in r.attributes.items():  # the first article (in order) stating one keeps it
                if name not in merged.attributes:
                    merged.attributes[name] = value
                    first_stated.setdefault(key, {})[name] = order  # only facts with attributes: most have none
    found.fact_attributes = {key: {name: (order, graph.relations[key].attributes[name])
                                   for name, order in first_stated[key].items()}
                             for key in graph.relations if key in first_stated}
    return graph, found


def _summary(items, orders, members) -> GroupSummary:
    summary = GroupSummary()
    for i in members:
        summary.add(orders[i], items[i][1])
    return summary


def _global(local_to_group, group_ids, fixed, article, local_id):
    if (article, local_id) in fixed:
        return fixed[(article, local_id)]
    value = local_to_group.get((article, local_id))
    if isinstance(value, str):
        return value
    return group_ids.get(value)


def _group_non_persons(items) -> list[list[int]]:
    uf = UnionFind()
    owner: dict[str, int] = {}
    for index, (_, entity) in enumerate(items):
        uf.find(index)
        for key in entity_slots(entity):
            if key in owner:
                uf.union(owner[key], index)
            else:
                owner[key] = index
    grouped: dict[int, list[int]] = defaultdict(list)
    for index in range(len(items)):
        grouped[uf.find(index)].append(index)
    return [members for _, members in sorted(grouped.items())]


def _employers(extractions, local_to_group, group_ids, fixed) -> dict[Local, set[str]]:
    """The nodes of the organisations each person of an article holds a role at."""
    employers: dict[Local, set[str]] = defaultdict(set)
    for x in extractions:
        for r in x.relations:
            if r.predicate == "roleAt":
                org = _global(local_to_group, group_ids, fixed, x.article.id, r.object)
                if org:
                    employers[(x.article.id, r.subject)].add(org)
    return employers


def _split_people(items, orders, groups, employers, summaries) -> dict[str, list[int]]:
    """Same-name people: one person unless their employers conflict (split_people); each group's summary
    keeps its people's employers and its people's own summaries."""
    result: dict[str, list[int]] = {}
    for gi, members in enumerate(groups):
        if items[members[0]][1].type != "Person":
            continue
        orgs = [sorted(employers.get((items[i][0], items[i][1].id), ())) for i in members]
        nodes = split_people(canonical_name("Person", summaries[gi].names), orgs)
        people: dict[str, list[int]] = {}
        employed: dict[str, set[str]] = {}
        for i, found, node in zip(members, orgs, nodes):
            people.setdefault(node, []).append(i)
            if found:
                employed.setdefault(node, set()).update(found)
        summaries[gi].employed = {node: sorted(found) for node, found in sorted(employed.items())}
        summaries[gi].people = {node: _summary(items, orders, indices) for node, indices in people.items()}
        result.update(people)
    return result


def split_people(name: str, employers: list[list[str]]) -> list[str]:
    """The person node of each member of a same-name group (``employers``: each member's employer nodes).

    Members sharing an employer are one person (transitively: a member at two employers joins their people).
    While the group holds one person, every member has the plain id ``person/<name>``: a mention without a post
    is that person.  Once namesakes are told apart by their employers, each is known by its first employer (in
    sort order) and the mentions without a post keep the plain id, apart from all of them: nothing says which
    namesake they mean.  So the split depends on who is employed where, not on the order the articles come in,
    and a namesake at a new employer leaves the stored people as they are (unless it is the group's second
    person, or joins two of them): an add does not move the mentions without a post from one namesake to another."""
    parent: dict[str, str] = {}

    def find(org: str) -> str:
        while parent.setdefault(org, org) != org:
            parent[org] = parent[parent[org]]
            org = parent[org]
        return org

    for orgs in employers:
        for org in orgs:
            first, other = find(orgs[0]), find(org)
            if first != other:
                parent[max(first, other)] = min(first, other)  # a person's root is its first employer
    told_apart = len({find(org) for org in list(parent)}) > 1
    return [entity_id("Person", name, find(orgs[0]).split("/", 1)[-1] if orgs and told_apart else None)
            for orgs in employers]


def _canonical(entities: list[Entity]) -> str:
    """The fullest name: longest, then most frequent, then first in sort order."""
    counts: dict[str, int] = defaultdict(int)
    for e in entities:
        counts[e.name] += 1
    return canonical_name(entities[0].type, counts)


def canonical_name(entity_type: str, counts: dict[str, int]) -> str:
    """The fullest of the names borne ``counts`` times: longest (but for places, people and series), then most
    frequent, then first in sort order.  An edition is named with its year (its yearless form may be the name of
    an event stated without one, a node of its own: see entity_slots)."""
    by_length = entity_type not in ("Place", "Person", "EventSeries")
    dated = entity_type == "Event"
    return max(counts, key=lambda n: (dated and name_year(n) is not None, len(n) if by_length else 0, counts[n], n))


def _name_administrations_after_zones(items, groups, names, stored_zone) -> dict[int, set[str]]:
    """天津开发区管委会 is named 天津经济技术开发区管委会 once its zone is known by its full name.

    Gives, per administration, the zone forms it looked its zone up by."""
    zone_by_key = {}
    for gi, members in enumerate(groups):
        if items[members[0]][1].type == "Zone":
            for index in members:
                entity = items[index][1]
                for name in (entity.name, *entity.aliases):
                    for k in merge_keys("Zone", name):
                        zone_by_key.setdefault(k, names[gi])

    def zone_name(key: str) -> str | None:
        name = zone_by_key.get(key)
        return stored_zone(key) if name is None else name

    lookups = {}
    for gi, members in enumerate(groups):
        if items[members[0]][1].type != "Organization":
            continue
        admin = _admin_suffix(names[gi])
        if admin is None:
            continue
        lookups[gi] = set(merge_keys("Zone", names[gi][: -len(admin)]))
        names[gi] = zone_named("Organization", names[gi], zone_name)
    return lookups


def _admin_suffix(name: str) -> str | None:
    return next((s for s in ADMIN_SUFFIXES if name.endswith(s)), None)


def zone_named(entity_type: str, name: str, zone_name: Callable[[str], str | None]) -> str:
    """An administration's name after its zone's fullest name, which ``zone_name`` gives for a zone form
    (the last form that names one decides); any other name as it is."""
    admin = _admin_suffix(name) if entity_type == "Organization" else None
    if admin is None:
        return name
    zone = None
    for key in merge_keys("Zone", name[: -len(admin)]):
        zone = zone_name(key) or zone
    return zone + admin if zone is not None and len(zone) + len(admin) > len(name) else name
