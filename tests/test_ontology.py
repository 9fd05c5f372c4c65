"""The ontology file is the single source of names and covers the extraction contract."""

import json
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Literal, URIRef

from kg.identity import ENTITY_NS
from kg.ontology import OntologyError, load_ontology, parse_ontology
from kg.settings import ONTOLOGY_DIR

CONTRACT = Path(__file__).resolve().parents[1].parent / "shared" / "spec" / "extraction-contract.md"


def _contract_tables() -> tuple[list[str], dict[str, tuple[set[str], set[str]]]]:
    """Entity types and predicate signatures as the contract's markdown tables state them."""
    text = CONTRACT.read_text(encoding="utf-8")
    types_section = text.split("## Entity types")[1].split("##")[0]
    types = re.findall(r"^\| (\w+) \|", types_section, flags=re.M)
    types = [t for t in types if t != "type"]
    predicates = {}
    for name, signature in re.findall(r"^\| (\w+) \| ([^|]+) \|", text.split("## Predicates")[1].split("##")[0], re.M):
        if name == "predicate" or "→" not in signature:
            continue
        subjects, objects = signature.split("→")
        predicates[name] = (set(re.findall(r"[A-Z]\w+", subjects)), set(re.findall(r"[A-Z]\w+", objects)))
    return types, predicates


def test_every_contract_type_has_a_class():
    ontology = load_ontology()
    types, _ = _contract_tables()
    assert len(types) == 9
    assert sorted(types) == ontology.contract_types
    for entity_type in types:
        assert ontology.labels(entity_type) == [entity_type]


def test_predicates_match_the_contract_signatures():
    ontology = load_ontology()
    _, predicates = _contract_tables()
    assert len(predicates) == 11
    local = lambda iris: {i.rsplit("#", 1)[1] for i in iris}  # noqa: E731
    for name, (subjects, objects) in predicates.items():
        predicate = ontology.predicate(name)
        assert local(predicate.domain) == subjects, name
        assert local(predicate.range) == objects, name
        assert re.fullmatch(r"[A-Z]+(_[A-Z]+)*", predicate.relationship_type)
        assert predicate.relationship_type.replace("_", "") == name.upper()


def test_kinds_refine_only_within_their_type():
    ontology = load_ontology()
    assert ontology.labels("Organization", "InvestmentFirm") == ["Organization", "InvestmentFirm"]
    assert ontology.labels("Organization", "Alliance") == ["Organization", "Association", "Alliance"]
    assert ontology.labels("Event", "JobFair") == ["Event", "Fair"]
    assert ontology.labels("Zone", "Park") == ["Zone", "Park"]
    assert ontology.labels("Zone", "City") == ["Zone"]  # a City is not a Zone
    assert ontology.labels("Place", "NoSuchKind") == ["Place"]
    with pytest.raises(OntologyError):
        ontology.class_for("Planet")


def test_honours_and_terms():
    ontology = load_ontology()
    assert set(ontology.honors) == {"NobelLaureate", "CASAcademician", "CAEAcademician", "ForeignAcademician"}
    assert ontology.term("Evidence").endswith("#Evidence")
    with pytest.raises(OntologyError):
        ontology.term("undeclaredTerm")


def test_every_class_and_property_has_chinese_and_english_labels():
    ontology = load_ontology()
    g = ontology.graph
    kg = ontology.namespace
    terms = {s for s in g.subjects(RDF.type, None) if str(s).startswith(kg)}
    assert len(terms) > 60
    for term in terms:
        languages = {o.language for o in g.objects(term, RDFS.label) if isinstance(o, Literal)}
        assert {"zh", "en"} <= languages, term


def test_contract_classes_and_predicates_align_to_public_vocabularies():
    ontology = load_ontology()
    g = ontology.graph
    public = ("https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#",
              "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/")
    aligned_classes = [t for t in ontology.contract_types
                       if any(str(o).startswith(public) for o in g.objects(URIRef(ontology.class_for(t).iri), RDFS.subClassOf))]
    assert len(aligned_classes) >= 8
    links = (RDFS.subPropertyOf, OWL.equivalentProperty, OWL.inverseOf)
    aligned = [p for p in ontology.predicates
               if any(str(o).startswith(public) for link in links for o in g.objects(URIRef(p.iri), link))]
    assert len(aligned) >= 10


def test_entity_namespace_is_the_one_identity_uses():
    # kg.identity keeps its own copy so that it does not depend on the ontology loader; this keeps the copies equal.
    assert load_ontology().prefixes["id"] == ENTITY_NS
    context = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["id"] == ENTITY_NS
    assert context["kg"] == load_ontology().prefixes["kg"]


def test_broken_ontology_is_reported_with_file_and_line(tmp_path):
    broken = tmp_path / "kg.ttl"
    lines = (ONTOLOGY_DIR / "kg.ttl").read_text(encoding="utf-8").splitlines()
    lines.insert(40, "kg:Oops a owl:Class ; rdfs:label \"unterminated .")
    broken.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(OntologyError, match=re.escape(str(broken))) as error:
        parse_ontology(broken)
    assert "line" in str(error.value).lower()
    with pytest.raises(OntologyError, match="not found"):
        load_ontology(tmp_path / "missing.ttl")


def test_every_subclass_is_reachable_by_its_own_label_as_kind():
    # Reading a graph back (kg.rdf.from_graph) and kg stats name a subclass by its label.
    ontology = load_ontology()
    for cls in ontology.classes:
        if cls.contract_type and len(cls.ancestors) > 1:
            assert cls.iri.endswith("#" + cls.neo4j_label)
            assert ontology.class_for(cls.contract_type, cls.neo4j_label) == cls


def test_the_extractors_contract_vocabulary_is_the_contracts_table():
    from kg.extract.contract import CONTRACT_TYPES, PREDICATE_TYPES

    types, predicates = _contract_tables()
    assert sorted(CONTRACT_TYPES) == sorted(types)
    assert {name: (set(s), set(o)) for name, (s, o) in PREDICATE_TYPES.items()} == predicates
