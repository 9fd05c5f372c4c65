"""RDF and property-graph projections of one KnowledgeGraph agree, carry provenance and are stable."""

import json

import networkx as nx
import pytest
import rdflib
from graph_samples import sample_graph, second_article_graph
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from kg.identity import entity_id, iri
from kg.model import Relation
from kg.ontology import load_ontology
from kg.property_graph import to_networkx, write_graphml
from kg.rdf import CONTEXT_FILE, FORMATS, from_graph, graph_iri, literal, read_dataset, serialise, to_dataset
from kg.validate import format_report, validate_graph

KG = load_ontology().namespace


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


# ---------------------------------------------------------------- RDF projection


def _canonical(term):
    # Turtle writes the decimal 1 as 1.0; compare values the way Oxigraph stores them. (XSD is not a
    # module global here: pytest probes every global for _mock_name, and rdflib's XSD warns about it.)
    return literal(term.toPython()) if isinstance(term, Literal) and term.datatype == rdflib.XSD.decimal else term


def _quads(dataset) -> set[tuple]:
    return {tuple(_canonical(t) for t in q) for q in dataset.quads()}


def _triples(graph) -> set[tuple]:
    return {tuple(_canonical(t) for t in triple) for triple in graph}


def _rdf_entities_and_relations(dataset) -> tuple[set[str], set[tuple]]:
    g = dataset.default_graph
    ontology = load_ontology()
    ids = {s: str(o) for s, o in g.subject_objects(URIRef(KG + "entityId"))}
    predicates = {URIRef(p.iri): p.relationship_type for p in ontology.predicates}
    relations = {(ids[s], predicates[p], ids[o]) for s, p, o in g if p in predicates}
    return set(ids.values()), relations


def test_rdf_and_property_graph_agree():
    kg = second_article_graph()
    g = to_networkx(kg)
    entities, relations = _rdf_entities_and_relations(to_dataset(kg))
    assert entities == set(g.nodes)
    assert relations == {(u, t, v) for u, v, t in g.edges(data="type")}
    assert len(relations) == len(kg.relations) + sum(1 for _, _, t in g.edges(data="type") if t == "MENTIONS")
    # labels in the property graph are the RDF classes' Neo4j labels
    ontology = load_ontology()
    ds = to_dataset(kg)
    for node, labels in g.nodes(data="labels"):
        classes = {ontology.neo4j_label(str(c)) for c in ds.default_graph.objects(URIRef(iri(node)), RDF.type)
                   if str(c).startswith(KG) and str(c) in {k.iri for k in ontology.classes}}
        assert classes == set(labels), node


def test_rebuild_gives_identical_quads_and_iris():
    first, second = to_dataset(sample_graph()), to_dataset(sample_graph())
    assert _quads(first) == _quads(second)
    assert not any(term.__class__.__name__ == "BNode" for q in first.quads() for term in q)
    person = URIRef(iri(entity_id("Person", "格雷格·塞门扎")))
    assert person == URIRef("https://kg-zones.org/id/person/格雷格·塞门扎")
    assert (person, URIRef(KG + "hasHonor"), URIRef(KG + "NobelLaureate")) in first.default_graph


def test_every_relation_reaches_its_evidence_sentence():
    kg = second_article_graph()
    g = to_dataset(kg).default_graph
    for relation in kg.relations.values():
        s, o = URIRef(iri(relation.subject)), URIRef(iri(relation.object))
        p = URIRef(load_ontology().predicate(relation.predicate).iri)
        assert (s, p, o) in g
        statements = set(g.subjects(RDF.subject, s)) & set(g.subjects(RDF.predicate, p)) & set(g.subjects(RDF.object, o))
        found = {(str(g.value(st, PROV.wasDerivedFrom)).rsplit("/", 1)[1], str(g.value(st, URIRef(KG + "sentence"))))
                 for st in statements}
        assert found == {(pr.article_id, pr.sentence) for pr in relation.provenance}
        for article_id, sentence in found:
            assert sentence in kg.articles[article_id].text


def test_named_graph_per_article_holds_what_it_states():
    kg = second_article_graph()
    ds = to_dataset(kg)
    other = ds.graph(graph_iri("syn-other"))
    person = URIRef(iri(entity_id("Person", "格雷格·塞门扎")))
    event = URIRef(iri(entity_id("Event", "2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会")))
    assert (person, URIRef(KG + "attended"), event) in other
    assert (person, URIRef(KG + "memberOf"), None) not in other
    assert (graph_iri("syn-other"), PROV.wasDerivedFrom, URIRef(iri("article/syn-other"))) in ds.default_graph


def test_titled_role_is_qualified():
    g = to_dataset(sample_graph()).default_graph
    person = URIRef(iri(entity_id("Person", "苏彦景")))
    (role,) = g.subjects(URIRef("http://www.w3.org/ns/org#member"), person)
    assert g.value(role, URIRef(KG + "title")) == Literal("总裁")


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_serialisations_round_trip(tmp_path, suffix):
    ds = to_dataset(second_article_graph())
    path = tmp_path / f"kg{suffix}"
    serialise(ds, path)
    back = read_dataset(path)
    assert _triples(back.default_graph) == _triples(ds.default_graph)
    if suffix in (".trig", ".nq", ".jsonld"):
        assert _quads(back) == _quads(ds)


def test_reading_back_gives_the_same_graph():
    kg = second_article_graph()
    ds = to_dataset(kg)
    back = from_graph(ds.default_graph, list(kg.articles.values()))
    assert set(back.entities) == set(kg.entities) and set(back.relations) == set(kg.relations)
    assert _quads(to_dataset(back)) == _quads(ds)


def test_validation_passes_and_reports_violations_readably():
    ds = to_dataset(second_article_graph())
    assert validate_graph(ds.default_graph) == []
    g = ds.default_graph
    person, other = URIRef(iri(entity_id("Person", "裴钢"))), URIRef(iri(entity_id("Person", "苏彦景")))
    g.add((person, URIRef(KG + "heldIn"), other))  # wrong domain, wrong range, no evidence
    g.add((person, URIRef(KG + "startDate"), Literal("soon")))
    g.remove((other, URIRef(KG + "name"), None))
    report = format_report(validate_graph(g))
    assert "裴钢 <id:person/裴钢> kg:heldIn" in report
    assert "no evidence" in report and "'soon'" in report and "kg:name" in report
    assert report.splitlines()[-1].startswith("5 violation(s)")


def test_relation_to_unknown_entity_is_refused():
    kg = sample_graph()
    bad = Relation("person/nobody", "attended", next(iter(kg.entities)))
    kg.relations[bad.key] = bad
    with pytest.raises(ValueError, match="person/nobody"):
        to_dataset(kg)
    with pytest.raises(ValueError, match="person/nobody"):
        to_networkx(kg)


def test_context_covers_the_ontology():
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    ontology = load_ontology()
    assert context["kg"] == ontology.namespace and context["id"] == ontology.prefixes["id"]
    for predicate in ontology.predicates:
        assert context[predicate.contract_name]["@id"] == f"kg:{predicate.iri.rsplit('#', 1)[1]}"
    for term in context.values():
        term_id = term["@id"] if isinstance(term, dict) else term
        if term_id.startswith("kg:"):
            ontology.term(term_id[3:])  # raises for names the ontology does not declare


def _tricky_graph():
    """The two-article sample with what N-Quads must escape and values a cache could confuse (1, 1.0, True)."""
    from kg.model import Provenance

    graph = second_article_graph()
    person = graph.entities[entity_id("Person", "格雷格·塞门扎")]
    person.provenance.append(Provenance("syn-other", 'say "hi"\\ then\nnew line\r\tend', 3, 7, "test:hand", 1))
    event = graph.entities[entity_id("Event", "2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会")]
    event.attributes.update({"edition": True, "amount": 1.0, "amount_yuan": 1, "amount_text": "1", "end_date": "2024-01"})
    role = next(r for r in graph.relations.values() if r.title)
    role.attributes.update({"amount": 0.5, "currency": "元"})
    role.provenance.append(Provenance("syn-other", "总裁", 0, 2, "test:hand", 0.75))
    return graph


def test_nquads_projection_is_the_dataset_projection():
    # The build writes kg.rdf.to_nquads' text; every other reader projects with to_dataset: the same quads.
    import pyoxigraph as ox

    from kg.rdf import to_nquads

    for graph in (sample_graph(), second_article_graph(), _tricky_graph()):
        text = "".join(text for _, _, text, _ in to_nquads(graph))
        written = {str(quad) for quad in ox.parse(text.encode("utf-8"), ox.RdfFormat.N_QUADS)}
        projected = to_dataset(graph).serialize(format="nquads").encode("utf-8")
        assert written == {str(quad) for quad in ox.parse(projected, ox.RdfFormat.N_QUADS)}


@pytest.mark.parametrize("parts", [
    ("entity", "person/裴钢"), ("a\"b\\c\nd\u2028\ud800", 0, -3, 10**30, None, ""), (True, 1.5, 2),
    ("x", ("tuple",)), (), ("x", False)])
def test_names_and_digests_spell_json_exactly(parts):
    # Unit names and evidence digests are stored: their fast spelling must be json.dumps' to the byte.
    from kg.rdf import _json_array

    assert _json_array(parts) == json.dumps(list(parts), ensure_ascii=False)
