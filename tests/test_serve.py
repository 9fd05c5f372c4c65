"""`kg serve`: the SPARQL 1.1 Protocol endpoint, driven by SPARQLWrapper (a real SPARQL client) and raw HTTP."""

from __future__ import annotations

import csv
import html
import io
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.ontology import load_ontology
from kg.query import open_graph
from kg.serve import SparqlServer

PREFIX = "PREFIX kg: <https://kg-zones.org/ontology#>\n"
LAUREATES = PREFIX + "SELECT ?name ?event WHERE { ?p kg:hasHonor kg:NobelLaureate ; kg:name ?name ; " \
                     "kg:attended/kg:name ?event } ORDER BY ?name"
CONSTRUCT = PREFIX + "CONSTRUCT { ?p kg:name ?n } WHERE { ?p a kg:Person ; kg:name ?n }"


@pytest.fixture
def endpoint(sample_store):
    with SparqlServer(sample_store, port=0) as server:
        yield server


def client(endpoint, method=GET, fmt=JSON) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(endpoint.url)
    wrapper.setMethod(method)
    wrapper.setReturnFormat(fmt)
    return wrapper


def expected_laureates(sample_store) -> list[tuple[str, str]]:
    with open_graph(store=sample_store) as graph:
        return [(r["name"], r["event"]) for r in graph.sparql(LAUREATES)]


def test_binds_to_loopback_only(endpoint):
    assert endpoint.httpd.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize("method", [GET, POST, POSTDIRECTLY])
def test_select_json(endpoint, sample_store, method):
    wrapper = client(endpoint, GET if method == GET else POST)
    if method == POSTDIRECTLY:
        wrapper.setRequestMethod(POSTDIRECTLY)  # body is application/sparql-query
    wrapper.setQuery(LAUREATES)
    data = wrapper.query().convert()
    rows = [(b["name"]["value"], b["event"]["value"]) for b in data["results"]["bindings"]]
    assert rows == expected_laureates(sample_store) and rows


def test_select_xml(endpoint, sample_store):
    wrapper = client(endpoint, POST, XML)
    wrapper.setQuery(LAUREATES)
    document = wrapper.query().convert()  # xml.dom.minidom document
    names = [node.firstChild.nodeValue for node in document.getElementsByTagName("literal")]
    assert names[0::2] == [name for name, _ in expected_laureates(sample_store)]


def test_select_csv_and_tsv(endpoint, sample_store):
    wrapper = client(endpoint, GET, CSV)
    wrapper.setQuery(LAUREATES)
    text = wrapper.query().convert().decode("utf-8")
    assert [tuple(r.values()) for r in csv.DictReader(io.StringIO(text))] == expected_laureates(sample_store)
    url = endpoint.url + "?" + urllib.parse.urlencode({"query": LAUREATES, "format": "tsv"})
    with urllib.request.urlopen(url) as response:
        assert response.headers.get_content_type() == "text/tab-separated-values"
        assert response.read().decode("utf-8").splitlines()[0] == "?name\t?event"


@pytest.mark.parametrize("method", [GET, POST])
def test_construct_turtle(endpoint, sample_store, method):
    wrapper = client(endpoint, method, TURTLE)
    wrapper.setQuery(CONSTRUCT)
    result = wrapper.query()
    assert "text/turtle" in result.response.headers["Content-Type"]
    graph = Graph().parse(data=result.convert(), format="turtle")
    with open_graph(store=sample_store) as local:
        expected = {str(t.object.value) for t in local.sparql(CONSTRUCT)}
    assert {str(o) for o in graph.objects()} == expected and expected


def test_ask_query(endpoint):
    wrapper = client(endpoint)
    wrapper.setQuery(PREFIX + "ASK { ?p kg:hasHonor kg:NobelLaureate }")
    assert wrapper.query().convert()["boolean"] is True


@pytest.mark.parametrize("update", [
    PREFIX + 'INSERT DATA { <urn:x> kg:name "x" }',
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR ALL",
])
def test_updates_refused(endpoint, sample_store, update):
    with open_graph(store=sample_store) as graph:
        before = len(graph.oxigraph)
    wrapper = client(endpoint, POST)
    wrapper.setQuery(update)  # SPARQLWrapper sends updates as update= forms
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        wrapper.query()
    for data, mime in ((update.encode(), "application/sparql-update"),
                       (urllib.parse.urlencode({"query": update}).encode(), "application/x-www-form-urlencoded")):
        request = urllib.request.Request(endpoint.url, data=data, headers={"Content-Type": mime})
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(request)
        assert error.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(endpoint.url + "?" + urllib.parse.urlencode({"query": update}))
    assert error.value.code == 403
    with open_graph(store=sample_store) as graph:
        assert len(graph.oxigraph) == before


def test_bad_query_and_unknown_format(endpoint):
    for params, code in (({"query": "SELEKT"}, 400), ({"query": LAUREATES, "format": "yaml"}, 406), ({}, 400)):
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(endpoint.url + "?" + urllib.parse.urlencode(params))
        assert error.value.code == code


def test_query_page(endpoint):
    with urllib.request.urlopen(endpoint.url.rsplit("/", 1)[0] + "/") as response:
        page = response.read().decode("utf-8")
    assert response.headers.get_content_type() == "text/html"
    assert "<form" in page and "/sparql" in page and "kg:NobelLaureate" in page


def test_the_page_example_runs_and_finds_the_laureates(endpoint, sample_store):
    with urllib.request.urlopen(endpoint.url.rsplit("/", 1)[0] + "/") as response:
        page = response.read().decode("utf-8")
    example = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S).group(1))
    assert example.startswith(f"PREFIX kg: <{load_ontology().prefixes['kg']}>")
    wrapper = client(endpoint)
    wrapper.setQuery(example)
    rows = [(b["laureate"]["value"], b["event"]["value"]) for b in wrapper.query().convert()["results"]["bindings"]]
    assert rows == expected_laureates(sample_store) and rows
