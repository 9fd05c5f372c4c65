"""Resolution: per-article Extractions -> one KnowledgeGraph.

Across articles, entities of one type merge when any of their derived forms
agree (kg.extract.forms: a zone's short forms, a company's core name, an
administration under its zone's short form).  People merge on their name
unless their contexts conflict: two 陈志刚 holding posts at different
organisations stay two people, told apart by a disambiguator (their
organisation) in the entity id.  Canonical names are the fullest form; every
other form becomes an alias.  Relations are re-pointed at the merged entities
and their provenance concatenated; an attribute (a settling's amount_yuan and
amount_text) comes from the first article, in input order, that states it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.extract.forms import ADMIN_SUFFIXES, merge_keys
from kg.identity import entity_id
from kg.model import Entity, Extraction, KnowledgeGraph, Relation


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


#: An entity of one article, as resolution sees it: (article id, the entity's id within the article).
Local = tuple[str, str]


@dataclass
class Groups:
    """What resolution decided, kept in the store's resolution index (kg.incremental) so that a later
    build re-resolves only the groups new articles touch.  A group holds the entities one union of
    derived forms joins (people: one name, before they are told apart by employer)."""
    types: list[str] = field(default_factory=list)  # per group
    names: list[str] = field(default_factory=list)  # per group: canonical name (before naming after a zone)
    slots: list[set[str]] = field(default_factory=list)  # per group: the (type, form) slots it owns
    lookups: dict[int, set[str]] = field(default_factory=dict)  # administration group -> zone forms it is named by
    members: list[tuple[str, str, int, str | None]] = field(default_factory=list)  # (article, local, group, node id)


def slot(entity_type: str, key: str) -> str:
    """A derived form of one type, as the resolution index keys it."""
    return f"{entity_type}\0{key}"


def entity_slots(entity: Entity) -> set[str]:
    """The slots an entity joins its group by: every derived form of its names (a person: of its name only)."""
    names = {entity.name, *entity.aliases} if entity.type != "Person" else {entity.name}
    return {slot(entity.type, k) for name in names for k in merge_keys(entity.type, name)}


def resolve(extractions: list[Extraction]) -> KnowledgeGraph:
    """Merge the entities and relations of many articles into one graph."""
    return resolve_groups(extractions)[0]


def resolve_groups(extractions: list[Extraction], fixed: dict[Local, str | None] | None = None,
                   stored_zone: Callable[[str], str | None] | None = None) -> tuple[KnowledgeGraph, Groups]:
    """Resolve, and say which groups resolution formed.

    ``fixed`` gives the node of entities whose groups are not resolved again (an incremental build):
    they take part only as relation ends and employers; their groups, and relations between two of
    them, are left out of the graph.  ``stored_zone`` names the zone a form belongs to among those
    groups (for administrations named after their zone)."""
    fixed = fixed or {}
    items: list[tuple[str, Entity]] = [(x.article.id, e) for x in extractions for e in x.entities
                                       if (x.article.id, e.id) not in fixed]
    groups = _group_non_persons(items)
    local_to_group = {}
    for gi, members in enumerate(groups):
        for index in members:
            article, entity = items[index]
            local_to_group[(article, entity.id)] = gi
    names = {gi: _canonical([items[i][1] for i in members]) for gi, members in enumerate(groups)}
    found = Groups(types=[items[m[0]][1].type for m in groups], names=[names[gi] for gi in range(len(groups))],
                   slots=[set().union(*(entity_slots(items[i][1]) for i in members)) for members in groups])
    found.lookups = _name_administrations_after_zones(items, groups, names, stored_zone or (lambda key: None))
    group_ids = {}
    for gi, members in enumerate(groups):
        if items[members[0]][1].type != "Person":
            group_ids[gi] = entity_id(items[members[0]][1].type, names[gi])
    person_groups = _split_people(extractions, items, groups, local_to_group, group_ids, fixed)
    graph = KnowledgeGraph(articles={x.article.id: x.article for x in extractions})
    for gi, members in enumerate(groups):
        entities = [items[i][1] for i in members]
        if entities[0].type == "Person":
            continue
        graph.entities[group_ids[gi]] = _merged(group_ids[gi], entities, names[gi])
    for gid, members in person_groups.items():
        graph.entities[gid] = _merged(gid, [items[i][1] for i in members])
        for i in members:
            article, entity = items[i]
            local_to_group[(article, entity.id)] = gid
    for gi, members in enumerate(groups):
        for i in members:
            article, entity = items[i]
            found.members.append((article, entity.id, gi, _global(local_to_group, group_ids, fixed, article, entity.id)))
    for x in extractions:
        for r in x.relations:
            if (x.article.id, r.subject) in fixed and (x.article.id, r.object) in fixed:
                continue  # both ends keep their nodes: the stored fact stays as it is
            s = _global(local_to_group, group_ids, fixed, x.article.id, r.subject)
            o = _global(local_to_group, group_ids, fixed, x.article.id, r.object)
            if s is None or o is None or s == o:
                continue
            key = (s, r.predicate, o, r.title)
            if key in graph.relations:
                merged = graph.relations[key]
                merged.provenance.extend(r.provenance)
                for name, value in r.attributes.items():  # the first article (input order) stating one keeps it
                    merged.attributes.setdefault(name, value)
            else:
                graph.relations[key] = Relation(s, r.predicate, o, r.title, dict(r.attributes), list(r.provenance))
    return graph, found


def _global(local_to_group, group_ids, fixed, article, local_id):
    if (article, local_id) in fixed:
        return fixed[(article, local_id)]
    value = local_to_group.get((article, local_id))
    if isinstance(value, str):
        return value
    return group_ids.get(value)


def _group_non_persons(items) -> list[list[int]]:
    uf = _UnionFind()
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


def _split_people(extractions, items, groups, local_to_group, group_ids, fixed) -> dict[str, list[int]]:
    """Same-name people: one person unless their employers conflict."""
    employers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for x in extractions:
        for r in x.relations:
            if r.predicate == "roleAt":
                org = _global(local_to_group, group_ids, fixed, x.article.id, r.object)
                if org:
                    employers[(x.article.id, r.subject)].add(org)
    result: dict[str, list[int]] = {}
    for members in groups:
        if items[members[0]][1].type != "Person":
            continue
        clusters: list[tuple[set[str], list[int]]] = []
        for index in members:
            article, entity = items[index]
            orgs = employers.get((article, entity.id), set())
            for cluster_orgs, cluster_members in clusters:
                if not orgs or not cluster_orgs or orgs & cluster_orgs:
                    cluster_orgs |= orgs
                    cluster_members.append(index)
                    break
            else:
                clusters.append((set(orgs), [index]))
        name = _canonical([items[i][1] for i in members])
        for orgs, cluster_members in clusters:
            disambiguator = None
            if len(clusters) > 1 and orgs:
                disambiguator = sorted(orgs)[0].split("/", 1)[-1]
            result[entity_id("Person", name, disambiguator)] = cluster_members
    return result


def _canonical(entities: list[Entity]) -> str:
    """The fullest name: longest, then most frequent, then first in sort order."""
    counts: dict[str, int] = defaultdict(int)
    for e in entities:
        counts[e.name] += 1
    return max(counts, key=lambda n: (len(n) if entities[0].type not in ("Place", "Person", "EventSeries") else 0, counts[n], n))


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

    def zone_name(key, default=None):
        name = zone_by_key.get(key)
        if name is None:
            name = stored_zone(key)
        return default if name is None else name

    lookups = {}
    for gi, members in enumerate(groups):
        if items[members[0]][1].type != "Organization":
            continue
        admin = next((s for s in ADMIN_SUFFIXES if names[gi].endswith(s)), None)
        if admin is None:
            continue
        keys = merge_keys("Zone", names[gi][: -len(admin)])
        lookups[gi] = set(keys)
        zone = None
        for k in keys:
            zone = zone_name(k, zone)
        if zone is not None and len(zone) + len(admin) > len(names[gi]):
            names[gi] = zone + admin
    return lookups


def _merged(gid: str, entities: list[Entity], name: str | None = None) -> Entity:
    name = name or _canonical(entities)
    first = entities[0]
    merged = Entity(id=gid, type=first.type, name=name, kind=next((e.kind for e in entities if e.kind), None))
    for e in entities:
        merged.aliases |= {e.name, *e.aliases}
        merged.honors |= e.honors
        for k, v in e.attributes.items():
            merged.attributes.setdefault(k, v)
        merged.provenance.extend(e.provenance)
    merged.aliases |= {e.name for e in entities}
    merged.aliases.discard(name)
    return merged
