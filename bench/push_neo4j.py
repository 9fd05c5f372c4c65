"""Benchmark: elements (nodes + relationships) pushed to Neo4j per second, batched vs one MERGE per transaction.

Runs against one throwaway Neo4j test server (kg/neo4j_server.py), in one process:

    .venv/bin/python bench/push_neo4j.py [--entities 20000] [--baseline-elements 3000] [--repeat 3] [--store DIR]

Graphs: the dev corpus built into a store (``--store``, skipped when absent) and a generated
graph in the same property-graph shape (``kg.property_graph.to_networkx`` over a synthetic
KnowledgeGraph).  Both paths run the same ``kg.neo4j_push.push_graph`` code; the baseline uses
``batch_size=1`` (one MERGE per transaction) on a prefix of the graph, because at its speed the
whole generated graph would take many minutes.  Each measurement starts from an empty database
with the schema in place, after one untimed warm-up push of the same graph (query plans and JIT);
the median of ``--repeat`` timed runs is reported, because the machine is shared.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.identity import entity_id  # noqa: E402
from kg.model import Article, Entity, KnowledgeGraph, Provenance, Relation  # noqa: E402
from kg.neo4j_push import (  # noqa: E402
    PushStats, Vocabulary, clear_database, connect, ensure_schema, graph_counts, push_graph)
from kg.neo4j_server import Neo4jTestServer  # noqa: E402
from kg.ontology import load_ontology  # noqa: E402
from kg.property_graph import to_networkx  # noqa: E402

# (contract type, kind, share of entities)
MIX = [("Person", None, 0.30), ("Organization", "Company", 0.25), ("Organization", "InvestmentFirm", 0.05),
       ("Organization", "Academy", 0.02), ("Zone", None, 0.08), ("Zone", "Park", 0.04), ("Place", "City", 0.05),
       ("Event", "Forum", 0.08), ("Event", "SigningCeremony", 0.04), ("Fund", None, 0.03),
       ("Cluster", None, 0.03), ("Industry", None, 0.03)]
# (predicate, subject type, object type, relations per subject entity)
FACTS = [("attended", "Person", "Event", 1.5), ("roleAt", "Person", "Organization", 1.0),
         ("heldIn", "Event", "Zone", 1.0), ("settledIn", "Organization", "Zone", 0.6),
         ("focusIndustry", "Zone", "Industry", 2.0), ("locatedIn", "Zone", "Place", 1.0),
         ("partnerOf", "Organization", "Fund", 0.2), ("memberOf", "Person", "Organization", 0.1)]


def generated_graph(entities: int, seed: int = 7) -> KnowledgeGraph:
    """A synthetic KnowledgeGraph with the corpus' mix of types, titles, honours, dates and provenance."""
    rng = random.Random(seed)
    articles = [Article(id=f"gen-{i:05d}", title=f"生成的文章{i}", body=("正文。",), published="2024-05-01")
                for i in range(max(1, entities // 20))]
    graph = KnowledgeGraph(articles={a.id: a for a in articles})
    by_type: dict[str, list[str]] = {}

    def provenance() -> list[Provenance]:
        sentence = "生成的证据句子,用于测试推送。"
        return [Provenance(rng.choice(articles).id, sentence, 0, 10, "bench:generated", 0.9)
                for _ in range(rng.randint(1, 2))]

    for etype, kind, share in MIX:
        for i in range(int(entities * share)):
            name = f"{kind or etype}{i:06d}"
            eid = entity_id(etype, name)
            attributes = {"start_date": "2024-05-01", "edition": rng.randint(1, 9)} if etype == "Event" else {}
            honors = {"CASAcademician"} if etype == "Person" and i % 50 == 0 else set()
            graph.entities[eid] = Entity(eid, etype, name, kind, {f"{name}简称"}, honors, attributes, provenance())
            by_type.setdefault(etype, []).append(eid)
    for predicate, subject_type, object_type, per_subject in FACTS:
        for subject in by_type[subject_type]:
            for _ in range(int(per_subject) + (rng.random() < per_subject % 1)):
                title = rng.choice(["总裁", "董事长", "院长"]) if predicate == "roleAt" else None
                relation = Relation(subject, predicate, rng.choice(by_type[object_type]), title, {}, provenance())
                graph.relations[relation.key] = relation
    return graph


def prefix(g: nx.MultiDiGraph, elements: int) -> nx.MultiDiGraph:
    """The first relationships of g with their end nodes, about ``elements`` elements in all."""
    sub = nx.MultiDiGraph()
    for start, end, key, data in g.edges(keys=True, data=True):
        if sub.number_of_nodes() + sub.number_of_edges() >= elements:
            break
        for node in (start, end):
            if node not in sub:
                sub.add_node(node, **g.nodes[node])
        sub.add_edge(start, end, key=key, **data)
    return sub


def measure(driver, g: nx.MultiDiGraph, batch_size: int, repeat: int) -> PushStats:
    """The median of ``repeat`` timed pushes into an empty database, after one untimed warm-up push."""
    clear_database(driver, schema=False)
    push_graph(driver, g, batch_size=max(batch_size, 1000))  # warm-up: plans and JIT, untimed
    runs = []
    for _ in range(repeat):
        clear_database(driver, schema=False)
        runs.append(push_graph(driver, g, batch_size=batch_size))
        assert graph_counts(driver) == (g.number_of_nodes(), g.number_of_edges()), "push lost elements"
    return sorted(runs, key=lambda stats: stats.seconds)[len(runs) // 2]


def run(graphs: dict[str, nx.MultiDiGraph], batch_sizes: list[int], baseline_elements: int, repeat: int) -> None:
    server = Neo4jTestServer(heap="2g", pagecache="512m")
    info = server.start()
    try:
        with connect(info.uri, info.user, info.password) as driver:
            ensure_schema(driver, Vocabulary.from_ontology(load_ontology()))
            for name, g in graphs.items():
                size = g.number_of_nodes() + g.number_of_edges()
                base_graph = prefix(g, baseline_elements) if size > baseline_elements else g
                base = measure(driver, base_graph, 1, repeat)
                print(f"{name}: {g.number_of_nodes()} nodes + {g.number_of_edges()} relationships")
                print(f"  one MERGE per transaction: {base.nodes + base.relationships} elements in "
                      f"{base.seconds:.2f}s = {base.elements_per_second:,.0f} elements/s")
                for batch_size in batch_sizes:
                    stats = measure(driver, g, batch_size, repeat)
                    print(f"  batched, {batch_size} rows/tx: {size} elements in {stats.seconds:.2f}s = "
                          f"{stats.elements_per_second:,.0f} elements/s "
                          f"({stats.elements_per_second / base.elements_per_second:.0f}x)")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20000, help="entities in the generated graph")
    parser.add_argument("--baseline-elements", type=int, default=3000)
    parser.add_argument("--batch-sizes", default="500,1000,2000,5000")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement; the median is shown")
    parser.add_argument("--store", type=Path, help="a store built from the dev corpus (kg build ... --store DIR)")
    args = parser.parse_args()
    graphs = {}
    if args.store and args.store.exists():
        from kg.store import GraphStore

        with GraphStore.open(args.store) as store:
            graphs["dev corpus"] = to_networkx(store.knowledge_graph())
    graphs[f"generated ({args.entities} entities)"] = to_networkx(generated_graph(args.entities))
    run(graphs, [int(b) for b in args.batch_sizes.split(",")], args.baseline_elements, args.repeat)


if __name__ == "__main__":
    main()
