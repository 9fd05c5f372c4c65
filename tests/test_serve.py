"""`kg serve`: the SPARQL 1.1 Protocol endpoint, driven by SPARQLWrapper (a real SPARQL client) and raw HTTP,
and its limits (SERVICE, Host/Origin, timeout, result and body size, concurrent clients) probed on real servers."""

from __future__ import annotations

import csv
import html
import http.client
import io
import json
import re
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from graph_samples import sample_graph
from http_listener import RecordingListener
from rdflib import Graph
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.ontology import load_ontology
from kg.query import open_graph
from kg.rdf import to_dataset
from kg.serve import Limits, SparqlServer
from kg.store import StoreWriter

PREFIX = "PREFIX kg: <https://kg-zones.org/ontology#>\n"
LAUREATES = PREFIX + "SELECT ?name ?event WHERE { ?p kg:hasHonor kg:NobelLaureate ; kg:name ?name ; " \
                     "kg:attended/kg:name ?event } ORDER BY ?name"
CONSTRUCT = PREFIX + "CONSTRUCT { ?p kg:name ?n } WHERE { ?p a kg:Person ; kg:name ?n }"


CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 249^4 rows, counted
SORTED_CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?a"  # held in memory to sort
ALL_TRIPLES = "SELECT * WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def served_store(tmp_path_factory) -> Path:
    """The sample graph's store, one per module: each server starts worker processes, so servers are shared too."""
    graph = sample_graph()
    store = tmp_path_factory.mktemp("served") / "store"
    with StoreWriter(store) as writer:
        writer.publish(to_dataset(graph).serialize(format="nquads").encode("utf-8"), list(graph.articles.values()))
    return store


@pytest.fixture(scope="module")
def endpoint(served_store):
    with SparqlServer(served_store, port=0) as server:
        yield server


@pytest.fixture(scope="module")
def tight(served_store):
    """A server with small limits: one worker of 1 GB address space, 5 s per query, 2 kB per result, 4 kB per body."""
    limits = Limits(timeout=5.0, max_result_bytes=2000, max_body_bytes=4096, memory_bytes=1 << 30, workers=1)
    with SparqlServer(served_store, port=0, limits=limits) as server:
        yield server


def get(address: tuple[str, int], query: str, headers: dict | None = None, **params) -> tuple[int, str]:
    """(status, body text) of a GET to the server at ``address``, with any headers (Host included) sent as given."""
    host, port = address
    connection = http.client.HTTPConnection(host, port, timeout=60)
    names = {name.lower() for name in headers or {}}
    connection.putrequest("GET", "/sparql?" + urllib.parse.urlencode({"query": query, **params}),
                          skip_host="host" in names, skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    status, body = response.status, response.read().decode("utf-8")
    connection.close()
    return status, body


def raw_exchange(endpoint, request: bytes) -> bytes:
    """Send bytes as they are and read the whole answer (the server must answer and close within the timeout)."""
    with socket.create_connection(endpoint.address, timeout=20) as connection:
        connection.sendall(request)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def client(endpoint, method=GET, fmt=JSON) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(endpoint.url)
    wrapper.setMethod(method)
    wrapper.setReturnFormat(fmt)
    return wrapper


def expected_laureates(served_store) -> list[tuple[str, str]]:
    with open_graph(store=served_store) as graph:
        return [(r["name"], r["event"]) for r in graph.sparql(LAUREATES)]


def test_binds_to_loopback_only(endpoint):
    assert endpoint.address[0] == "127.0.0.1"


@pytest.mark.parametrize("method", [GET, POST, POSTDIRECTLY])
def test_select_json(endpoint, served_store, method):
    wrapper = client(endpoint, GET if method == GET else POST)
    if method == POSTDIRECTLY:
        wrapper.setRequestMethod(POSTDIRECTLY)  # body is application/sparql-query
    wrapper.setQuery(LAUREATES)
    data = wrapper.query().convert()
    rows = [(b["name"]["value"], b["event"]["value"]) for b in data["results"]["bindings"]]
    assert rows == expected_laureates(served_store) and rows


def test_select_xml(endpoint, served_store):
    wrapper = client(endpoint, POST, XML)
    wrapper.setQuery(LAUREATES)
    document = wrapper.query().convert()  # xml.dom.minidom document
    names = [node.firstChild.nodeValue for node in document.getElementsByTagName("literal")]
    assert names[0::2] == [name for name, _ in expected_laureates(served_store)]


def test_select_csv_and_tsv(endpoint, served_store):
    wrapper = client(endpoint, GET, CSV)
    wrapper.setQuery(LAUREATES)
    text = wrapper.query().convert().decode("utf-8")
    assert [tuple(r.values()) for r in csv.DictReader(io.StringIO(text))] == expected_laureates(served_store)
    url = endpoint.url + "?" + urllib.parse.urlencode({"query": LAUREATES, "format": "tsv"})
    with urllib.request.urlopen(url) as response:
        assert response.headers.get_content_type() == "text/tab-separated-values"
        assert response.read().decode("utf-8").splitlines()[0] == "?name\t?event"


@pytest.mark.parametrize("method", [GET, POST])
def test_construct_turtle(endpoint, served_store, method):
    wrapper = client(endpoint, method, TURTLE)
    wrapper.setQuery(CONSTRUCT)
    result = wrapper.query()
    assert "text/turtle" in result.response.headers["Content-Type"]
    graph = Graph().parse(data=result.convert(), format="turtle")
    with open_graph(store=served_store) as local:
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
def test_updates_refused(endpoint, served_store, update):
    with open_graph(store=served_store) as graph:
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
    with open_graph(store=served_store) as graph:
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


def test_the_page_example_runs_and_finds_the_laureates(endpoint, served_store):
    with urllib.request.urlopen(endpoint.url.rsplit("/", 1)[0] + "/") as response:
        page = response.read().decode("utf-8")
    example = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S).group(1))
    assert example.startswith(f"PREFIX kg: <{load_ontology().prefixes['kg']}>")
    wrapper = client(endpoint)
    wrapper.setQuery(example)
    rows = [(b["laureate"]["value"], b["event"]["value"]) for b in wrapper.query().convert()["results"]["bindings"]]
    assert rows == expected_laureates(served_store) and rows


# ---- SERVICE: pyoxigraph would send the request; a real listener shows none arrives ----

@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }}",
    "SELECT * WHERE {{ ?a ?b ?c FILTER EXISTS {{ service silent <{url}> {{ ?x ?p ?o }} }} }}",
    "SELECT * WHERE {{ #\n SERVICE <{url}> {{ ?x ?p ?o }} }}",
])
def test_service_refused_and_nothing_sent(endpoint, template):
    with RecordingListener() as listener:
        query = template.format(url=listener.url)
        status, body = get(endpoint.address, query)
        assert status == 403 and "--allow-service" in body
        form = urllib.parse.urlencode({"query": query}).encode()
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(urllib.request.Request(endpoint.url, data=form))
        assert error.value.code == 403
        assert listener.requests == []


def test_allow_service_lets_the_request_out(served_store):
    with RecordingListener() as listener, \
            SparqlServer(served_store, port=0, limits=Limits(workers=1, allow_service=True)) as server:
        status, body = get(server.address, f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}")
        assert status == 200 and json.loads(body)["results"]["bindings"] == []
        assert listener.requests and "Oxigraph" in listener.requests[0][2]
        # a SERVICE that does not answer is an HTTP answer with a message, not a dropped connection
        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))
            dead = f"http://127.0.0.1:{closed.getsockname()[1]}/sparql"
            status, body = get(server.address, f"SELECT ?x WHERE {{ SERVICE <{dead}> {{ ?x ?p ?o }} }}")
        assert status == 500 and "the query failed" in body


# ---- Host, Origin, Sec-Fetch-Site: a page elsewhere gets 403 ----

def test_requests_from_other_origins_refused(endpoint):
    port = endpoint.address[1]
    for headers in ({"Host": "evil.example"}, {"Host": f"evil.example:{port}"}, {"Host": f"127.0.0.1:{port + 1}"},
                    {"Origin": "http://evil.example"}, {"Origin": "null"}, {"Origin": f"http://127.0.0.1:{port + 1}"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}):
        status, body = get(endpoint.address, ALL_TRIPLES, headers)
        assert status == 403, (headers, status, body)


def test_requests_from_its_own_page_answered(endpoint):
    port = endpoint.address[1]
    for headers in ({}, {"Host": f"localhost:{port}"}, {"Origin": f"http://127.0.0.1:{port}"},
                    {"Host": f"localhost:{port}", "Origin": f"http://localhost:{port}", "Sec-Fetch-Site": "same-origin"},
                    {"Sec-Fetch-Site": "none"}):
        status, body = get(endpoint.address, LAUREATES, headers)
        assert status == 200, (headers, status, body)


# ---- limits: time, result size, request size, malformed requests ----

def test_a_query_past_the_timeout_is_cancelled(tight):
    status, body = get(tight.address, CROSS_JOIN)
    assert status == 503 and "--timeout" in body
    # the one worker was killed and replaced: the next query is answered, not queued behind the cross join
    status, body = get(tight.address, PREFIX + "ASK { ?p kg:hasHonor kg:NobelLaureate }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_a_query_past_the_memory_limit_ends_its_worker_only(tight):
    status, body = get(tight.address, SORTED_CROSS_JOIN)
    assert status == 503 and "--memory-limit-mb" in body
    status, body = get(tight.address, PREFIX + "ASK { ?p kg:hasHonor kg:NobelLaureate }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_results_past_the_cap_refused(tight):
    status, body = get(tight.address, ALL_TRIPLES)
    assert status == 503 and "--max-result-mb" in body
    status, body = get(tight.address, ALL_TRIPLES + " LIMIT 2")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 2


def test_request_bodies_are_bounded(tight):
    body = ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 10_000).encode()
    request = urllib.request.Request(tight.url, data=body, headers={"Content-Type": "application/sparql-query"})
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=60)
    assert error.value.code == 413


@pytest.mark.parametrize("length", [b"-1", b"abc", b"1e3", b""])
def test_malformed_content_length_answered_400(endpoint, length):
    host, port = endpoint.address
    answer = raw_exchange(endpoint, b"POST /sparql HTTP/1.1\r\nHost: " + f"{host}:{port}".encode() +
                          b"\r\nContent-Type: application/sparql-query\r\nContent-Length: " + length +
                          b"\r\n\r\nSELECT * WHERE { ?s ?p ?o }")
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]


@pytest.mark.parametrize("request_bytes", [
    b"GARBAGE\r\n\r\n",
    b"GET /sparql?query=%ZZ HTTP/1.1\r\nHost: HOST\r\n\r\n",
    b"PUT /sparql HTTP/1.1\r\nHost: HOST\r\nContent-Length: 0\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nHost: HOST\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc",
    b"POST /sparql HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/sparql-query\r\nContent-Length: 2\r\n\r\n\xff\xfe",
])
def test_every_bad_request_gets_an_http_answer(endpoint, request_bytes):
    host, port = endpoint.address
    answer = raw_exchange(endpoint, request_bytes.replace(b"HOST", f"{host}:{port}".encode())
                          .replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n", 1))
    assert re.match(rb"HTTP/1\.[01] [45]\d\d ", answer), answer[:200]


# ---- concurrent clients on a fresh server ----

def test_twenty_clients_arriving_together_on_a_fresh_server(served_store):
    with SparqlServer(served_store, port=0) as server:
        start, statuses = threading.Barrier(20), []

        def client_requests() -> None:
            start.wait()
            for _ in range(5):
                statuses.append(get(server.address, LAUREATES)[0])

        threads = [threading.Thread(target=client_requests) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [200] * 100
        assert get(server.address, LAUREATES)[0] == 200


def test_load_script_gets_200_for_every_request(served_store):
    script = Path(__file__).resolve().parents[1] / "bench" / "serve_load.py"
    result = subprocess.run([sys.executable, str(script), "--store", str(served_store), "--requests", "200",
                             "--clients", "20", "--rounds", "1", "--json"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    [summary] = json.loads(result.stdout)
    assert summary["requests"] == 200 and summary["statuses"] == {"200": 200}


def test_kg_serve_command_passes_its_limits(served_store):
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(served_store), "--port", "0",
                               "--timeout", "2", "--allow-service", "--workers", "1"],
                              stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        assert line.startswith("SPARQL endpoint "), line + server.stderr.read()
        url = urllib.parse.urlsplit(line.split()[2])
        address = (url.hostname, url.port)
        with RecordingListener() as listener:
            status, _ = get(address, f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}")
            assert status == 200 and listener.requests
        status, body = get(address, CROSS_JOIN)
        assert status == 503 and "limit of 2 s" in body
    finally:
        server.terminate()
        assert server.wait(timeout=60) == 0
