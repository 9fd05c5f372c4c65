"""The SPARQL guard in kg.query.sparql: thread-safe classification, and SERVICE read from the parse tree."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from http_listener import RecordingListener

from kg.cli import main
from kg.query.sparql import ServiceRefusedError, parse_sparql, run_query

# Each hides SERVICE from a keyword search in its own way; the parser sees every one.
SERVICE_QUERIES = [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }}",
    "select * where {{ service silent <{url}> {{ ?x ?p ?o }} }}",
    "SELECT * WHERE {{ ?a ?b ?c FILTER EXISTS {{ SERVICE <{url}> {{ ?x ?p ?o }} }} }} LIMIT 1",
    "SELECT * WHERE {{ {{ SELECT ?x WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?x ?p ?o }} }} }} }} }}",
    "PREFIX remote: <{url}#>\nSELECT * WHERE {{ SERVICE remote: {{ ?x ?p ?o }} }}",
    "SELECT * WHERE {{ #\n SERVICE <{url}> {{ ?x ?p ?o }} }}",  # after a comment on the same line as WHERE
]


def test_classification_survives_concurrent_first_calls():
    # A fresh interpreter: the fault is in the parser's first calls, which an earlier test in this process may have made.
    script = textwrap.dedent("""
        import threading
        from kg.query.sparql import sparql_kind
        query, errors = "SELECT ?s WHERE { ?s ?p ?o }", []
        def classify():
            for _ in range(5):
                try:
                    assert sparql_kind(query) == "query"
                except Exception as error:
                    errors.append(repr(error))
        threads = [threading.Thread(target=classify) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(len(errors), sparql_kind(query), sparql_kind("CLEAR ALL"))
        print(errors[:1])
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "0 query update", result.stdout


# pyoxigraph does not read codepoint escapes in keywords, rdflib does: refused all the same
@pytest.mark.parametrize("template", [*SERVICE_QUERIES, "SELECT * WHERE {{ SERV\\u0049CE <{url}> {{ ?x ?p ?o }} }}"])
def test_service_is_found_however_it_is_written(template):
    assert parse_sparql(template.format(url="http://127.0.0.1:9/sparql")).fetches


@pytest.mark.parametrize("text", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/>" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }",
    "PREFIX service: <http://127.0.0.1:9/> SELECT * WHERE { ?s service:p ?o }",
])
def test_service_in_strings_comments_and_names_is_not_a_service(text):
    assert parse_sparql(text).fetches == () and parse_sparql(text).kind == "query"


def test_service_and_load_in_updates_are_found():
    parsed = parse_sparql("INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert parsed.kind == "update" and parsed.fetches == ("SERVICE <http://127.0.0.1:9/>",)
    parsed = parse_sparql("PREFIX e: <http://127.0.0.1:9/> CLEAR ALL ; LOAD SILENT e:data INTO GRAPH <urn:g>")
    assert parsed.kind == "update" and parsed.fetches == ("LOAD e:data",)


def test_kg_sparql_allow_write_still_refuses_load_unless_allowed(sample_store):
    with RecordingListener() as listener:
        update = f"LOAD SILENT <{listener.url}> INTO GRAPH <urn:loaded>"
        refused = CliRunner().invoke(main, ["sparql", update, "--store", str(sample_store), "--allow-write"])
        assert refused.exit_code != 0 and "--allow-service" in refused.output
        assert listener.requests == []
        allowed = CliRunner().invoke(main, ["sparql", update, "--store", str(sample_store), "--allow-write",
                                            "--allow-service"])
        assert allowed.exit_code == 0, allowed.output
        assert listener.requests


@pytest.mark.parametrize("template", SERVICE_QUERIES)
def test_run_query_sends_nothing_without_allow_service(template):
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")))
    with RecordingListener() as listener:
        with pytest.raises(ServiceRefusedError, match="--allow-service"):
            run_query(store, template.format(url=listener.url))
        assert listener.requests == []
        # The probe itself works: allowed, the same query reaches the listener.
        run_query(store, template.format(url=listener.url), allow_service=True)
        assert listener.requests


def test_kg_sparql_refuses_service_unless_allowed(sample_store):
    with RecordingListener() as listener:
        query = f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}"
        refused = CliRunner().invoke(main, ["sparql", query, "--store", str(sample_store)])
        assert refused.exit_code != 0 and "--allow-service" in refused.output
        assert listener.requests == []
        allowed = CliRunner().invoke(main, ["sparql", query, "--store", str(sample_store), "--allow-service"])
        assert allowed.exit_code == 0, allowed.output
        assert [method for method, _, agent in listener.requests] and "Oxigraph" in listener.requests[0][2]
