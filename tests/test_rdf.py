"""RDF and property-graph projections of one KnowledgeGraph agree, carry provenance and are stable."""

import json

import networkx as nx
from graph_samples import sample_graph, second_article_graph

from kg.identity import entity_id, iri
from kg.property_graph import to_networkx, write_graphml


def test_property_graph_shape():
    kg = second_article_graph()
    g = to_networkx(kg)
    firm = g.nodes[entity_id("Organization", "百明信康生物技术(浙江)有限公司")]
    assert firm["labels"] == ["Organization", "Company"]
    assert firm["iri"] == iri(firm["id"])
    event = g.nodes[entity_id("Event", "2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会")]
    assert event["labels"] == ["Event", "Seminar"]
    assert event["startDate"] == "2023-12-05" and event["edition"] == 2
    person = g.nodes[entity_id("Person", "格雷格·塞门扎")]
    assert person["honors"] == ["NobelLaureate"] and person["articles"] == ["seed-anji-cgt-2023", "syn-other"]
    role = g.get_edge_data(entity_id("Person", "苏彦景"), firm["id"])
    (key, data), = role.items()
    assert data["type"] == "ROLE_AT" and data["predicate"] == "roleAt" and data["title"] == "总裁"
    attended = g.get_edge_data(person["id"], event["id"])["ATTENDED"]
    assert attended["articles"] == ["seed-anji-cgt-2023", "syn-other"]  # one fact, two provenance records
    assert all(s in kg.articles[a].text for a, s in zip(attended["articles"], attended["evidence"]))
    assert "title" not in attended
    mentions = [(u, v) for u, v, t in g.edges(data="type") if t == "MENTIONS"]
    assert ("article/syn-other", person["id"]) in mentions
    assert g.nodes["article/syn-other"]["labels"] == ["Article"]


def test_graphml_export_round_trips_lists_as_json(tmp_path):
    g = to_networkx(sample_graph())
    path = tmp_path / "kg.graphml"
    write_graphml(g, path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
    person = entity_id("Person", "裴钢")
    assert json.loads(back.nodes[person]["honors"]) == ["CASAcademician"]
