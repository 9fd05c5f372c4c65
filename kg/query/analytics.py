"""networkx analytics on the property graph: who is most connected, and how two entities are linked.

Both work on the facts between entities: article nodes and MENTIONS edges are left out (every
entity of an article would otherwise be two steps from every other), and direction is ignored
(an attendee and an organiser of one event are connected through it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.identity import folded_name, normalise_name
from kg.query.catalogue import QuestionError
from kg.suggest import closest_forms

if TYPE_CHECKING:  # imported where used: listing the analytics must not load networkx
    import networkx as nx

ANALYTICS = {
    "most-connected": "The most connected people and organisations: distinct entities linked to each by a fact "
                      "(params: type = Person, Organization or any contract type, default both; top, default 10).",
    "connection": "The shortest chain of facts between two entities (--from NAME --to NAME; names or aliases).",
}


def fact_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Entities and the facts between them, undirected, one edge per linked pair (with the facts on it)."""
    import networkx as nx

    simple = nx.Graph()
    for node, data in g.nodes(data=True):
        if data.get("entity_type") != "Article":
            simple.add_node(node, **{k: data.get(k) for k in ("name", "entity_type", "aliases")})
    for start, end, data in g.edges(data=True):
        if start in simple and end in simple and start != end:
            facts = simple.edges[start, end]["facts"] if simple.has_edge(start, end) else []
            facts.append((start, data.get("predicate"), end, data.get("title")))
            simple.add_edge(start, end, facts=sorted(set(facts), key=lambda f: tuple(str(x) for x in f)))
    return simple


def most_connected(g: nx.MultiDiGraph, types: tuple[str, ...] = ("Person", "Organization"), top: int = 10) -> list[dict]:
    """Entities of the given contract types by number of distinct neighbours (ties by name, then id)."""
    if top < 1:
        raise QuestionError("most-connected: top must be at least 1")
    simple = fact_graph(g)
    ranked = sorted(
        ((node, simple.degree(node)) for node, data in simple.nodes(data=True) if data["entity_type"] in types),
        key=lambda item: (-item[1], simple.nodes[item[0]]["name"], item[0]),
    )
    return [{"rank": rank, "name": simple.nodes[node]["name"], "type": simple.nodes[node]["entity_type"],
             "connections": degree, "id": node} for rank, (node, degree) in enumerate(ranked[:top], 1)]


def find_entities(g: nx.Graph, name: str) -> list[str]:
    """Entity nodes (not articles) whose name or alias equals ``name`` (compared as kg.identity normalises names)."""
    wanted = normalise_name(name)
    return sorted(node for node, data in g.nodes(data=True) if data.get("entity_type") != "Article"
                  and wanted in {normalise_name(n) for n in (data.get("name") or "", *(data.get("aliases") or ()))})


# How many closest names a message offers.
CLOSEST = 8


def closest_names(g: nx.MultiDiGraph, name: str, limit: int = CLOSEST) -> list[str]:
    """"NAME (Type)" for the entities whose name or alias is nearest to ``name`` (kg.suggest's ranking)."""
    by_form: dict[str, set[tuple[str, str]]] = {}
    for _, data in g.nodes(data=True):
        if data.get("entity_type") != "Article":
            for form in (data.get("name") or "", *(data.get("aliases") or ())):
                by_form.setdefault(folded_name(form), set()).add((data.get("name") or "", data.get("entity_type") or ""))
    found = [entity for form in closest_forms(name, by_form, limit) for entity in sorted(by_form[form])]
    return [f"{entity_name} ({entity_type})" for entity_name, entity_type in dict.fromkeys(found)][:limit]


def no_entity_named(name: str, closest: list[str]) -> str:
    """What to tell a user whose ``name`` matches no entity: the closest names the graph holds."""
    return f"no entity named {name!r} in the graph" + ("; closest names: " + ", ".join(closest) if closest else "")


def connection(g: nx.MultiDiGraph, source: str, target: str) -> list[dict]:
    """One row per step of a shortest chain of facts from ``source`` to ``target`` (empty when unlinked).

    Where several entities carry a name, the shortest chain between any of them is taken; among
    equally short chains the lexicographically smallest path of ids wins, so the answer is stable.
    """
    import networkx as nx

    simple = fact_graph(g)
    starts, ends = find_entities(simple, source), find_entities(simple, target)
    for name, found in ((source, starts), (target, ends)):
        if not found:
            raise QuestionError(f"connection: {no_entity_named(name, closest_names(g, name))}")
    best: list[str] | None = None
    for start in starts:
        lengths = nx.single_source_shortest_path_length(simple, start)
        for end in ends:
            if end not in lengths or (best is not None and lengths[end] > len(best) - 1):
                continue
            path = min(nx.all_shortest_paths(simple, start, end))
            if best is None or (len(path), path) < (len(best), best):
                best = path
    if best is None:
        return []
    rows = []
    for step, (a, b) in enumerate(zip(best, best[1:]), 1):
        subject, predicate, obj, title = simple.edges[a, b]["facts"][0]
        rows.append({"step": step, "from": simple.nodes[a]["name"], "subject": simple.nodes[subject]["name"],
                     "predicate": predicate, "object": simple.nodes[obj]["name"], "title": title,
                     "to": simple.nodes[b]["name"]})
    return rows
