"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the embedded store, on 127.0.0.1.

- ``GET /sparql?query=...`` and ``POST /sparql`` (form ``query=...`` or an
  ``application/sparql-query`` body); ``default-graph-uri``/``named-graph-uri`` are not supported.
- Results: SPARQL JSON, XML, CSV or TSV for SELECT and ASK, Turtle (or N-Triples, RDF/XML) for
  CONSTRUCT and DESCRIBE, chosen by the ``format`` parameter or the Accept header.
- Updates (``update=`` forms, ``application/sparql-update`` bodies, or update text sent as a
  query, recognised by a SPARQL parser) get 403: the store is opened read-only.
- ``GET /`` is a small query page for the browser.
"""

from __future__ import annotations

import html
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.ontology import Ontology, load_ontology
from kg.query.sparql import QuerySyntaxError, sparql_kind

RESULT_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
}
GRAPH_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
}
_ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "rdf": "rdfxml", "rdf+xml": "rdfxml",
            "sparql-results+json": "json", "sparql-results+xml": "xml", "tab-separated-values": "tsv"}
MAX_BODY = 1 << 20

PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>kg SPARQL</title>
<style>body{{font-family:sans-serif;margin:2em}}textarea{{width:100%;height:14em;font-family:monospace}}
table{{border-collapse:collapse;margin-top:1em}}td,th{{border:1px solid #ccc;padding:.2em .5em}}</style></head>
<body><h1>kg SPARQL endpoint</h1><p>Read-only, over the store <code>{store}</code>. Endpoint: <code>/sparql</code>.</p>
<form id="f"><textarea name="query">{example}</textarea><br><button>Run</button></form><div id="out"></div>
<script>
document.getElementById('f').onsubmit = async (ev) => {{
  ev.preventDefault();
  const out = document.getElementById('out');
  const body = new URLSearchParams(new FormData(ev.target));
  const r = await fetch('/sparql', {{method: 'POST', body, headers: {{'Accept': 'application/sparql-results+json'}}}});
  if (!r.ok) {{ out.textContent = await r.text(); return; }}
  const data = await r.json();
  if ('boolean' in data) {{ out.textContent = String(data.boolean); return; }}
  const vars = data.head.vars, t = document.createElement('table');
  t.insertRow().append(...vars.map(v => Object.assign(document.createElement('th'), {{textContent: v}})));
  for (const b of data.results.bindings) {{
    const row = t.insertRow();
    for (const v of vars) row.insertCell().textContent = b[v] ? b[v].value : '';
  }}
  out.replaceChildren(t, document.createTextNode(data.results.bindings.length + ' rows'));
}};
</script></body></html>"""

def example_query(ontology: Ontology) -> str:
    """The query the page opens with (Nobel laureates and the events they attended), its names from the ontology."""
    namespace = ontology.prefixes["kg"]

    def kg(iri: str) -> str:
        return "kg:" + iri.removeprefix(namespace)

    name = kg(ontology.term("name"))
    return (f"PREFIX kg: <{namespace}>\nSELECT ?laureate ?event WHERE {{\n"
            f"  ?p {kg(ontology.term('hasHonor'))} {kg(ontology.honor('NobelLaureate'))} ; {name} ?laureate ; "
            f"{kg(ontology.predicate('attended').iri)}/{name} ?event .\n}} ORDER BY ?laureate")


class ProtocolError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def _normalise(name: str) -> str:
    name = name.strip().lower().split(";")[0]
    name = name.split("/", 1)[1] if "/" in name else name
    return _ALIASES.get(name, name)


def choose_format(requested: str | None, accept: str, graph: bool) -> str:
    """The format key for a result: the ``format`` parameter wins, then the Accept header, then the default."""
    table = GRAPH_FORMATS if graph else RESULT_FORMATS
    if requested:
        key = _normalise(requested)
        if key not in table:
            raise ProtocolError(HTTPStatus.NOT_ACCEPTABLE, f"format {requested!r} is not offered; use {', '.join(table)}")
        return key
    for item in accept.split(","):
        key = _normalise(item)
        if key in table:
            return key
    return "turtle" if graph else "json"


def execute(store: ox.Store, query: str, requested: str | None, accept: str) -> tuple[bytes, str]:
    """Run one read-only query and serialise its result: (body, content type)."""
    try:
        kind = sparql_kind(query)
    except QuerySyntaxError as error:
        raise ProtocolError(HTTPStatus.BAD_REQUEST, str(error)) from None
    if kind == "update":
        raise ProtocolError(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
    # A separate frame: the SPARQL parser caches exceptions whose tracebacks keep the frames that were on
    # the stack alive; pyoxigraph results must not live in those, as they may only be dropped on this thread.
    return _run(store, query, requested, accept)


def _run(store: ox.Store, query: str, requested: str | None, accept: str) -> tuple[bytes, str]:
    try:
        result = store.query(query)
    except SyntaxError as error:
        raise ProtocolError(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {error}") from None
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        key = choose_format(requested, accept, graph=False)
        fmt, mime = RESULT_FORMATS[key]
        if isinstance(result, ox.QueryBoolean) and key in ("csv", "tsv"):
            raise ProtocolError(HTTPStatus.NOT_ACCEPTABLE, "ASK results are offered as json or xml")
    else:
        fmt, mime = GRAPH_FORMATS[choose_format(requested, accept, graph=True)]
    return result.serialize(format=fmt), mime


def make_handler(store: ox.Store, store_label: str) -> type[BaseHTTPRequestHandler]:
    example = example_query(load_ontology())

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql/1"

        def log_message(self, fmt: str, *args) -> None:  # quiet: one line per request on stderr is noise in tests
            pass

        def _send(self, status: HTTPStatus, body: bytes, mime: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{mime}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _answer(self, params: dict[str, list[str]], body_query: str | None = None) -> None:
            try:
                if "update" in params:
                    raise ProtocolError(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
                queries = params.get("query", []) + ([body_query] if body_query is not None else [])
                if len(queries) != 1:
                    raise ProtocolError(HTTPStatus.BAD_REQUEST, "send exactly one 'query'")
                formats = params.get("format") or params.get("output") or [None]
                body, mime = execute(store, queries[0], formats[0], self.headers.get("Accept", ""))
                self._send(HTTPStatus.OK, body, mime)
            except ProtocolError as error:
                self._send(error.status, (str(error) + "\n").encode("utf-8"), "text/plain")

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urlsplit(self.path)
            if url.path in ("/", "/index.html"):
                page = PAGE.format(store=html.escape(store_label), example=html.escape(example))
                self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html")
            elif url.path == "/sparql":
                self._answer(parse_qs(url.query, keep_blank_values=True))
            else:
                self._send(HTTPStatus.NOT_FOUND, b"not found; the endpoint is /sparql\n", "text/plain")

        def do_POST(self) -> None:  # noqa: N802
            url = urlsplit(self.path)
            if url.path != "/sparql":
                self._send(HTTPStatus.NOT_FOUND, b"not found; the endpoint is /sparql\n", "text/plain")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"request too large\n", "text/plain")
                return
            raw = self.rfile.read(length).decode("utf-8", errors="replace")
            mime = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            params = parse_qs(url.query, keep_blank_values=True)
            if mime == "application/x-www-form-urlencoded":
                for key, values in parse_qs(raw, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
                self._answer(params)
            elif mime == "application/sparql-query":
                self._answer(params, body_query=raw)
            elif mime == "application/sparql-update":
                self._send(HTTPStatus.FORBIDDEN, b"this endpoint is read-only: SPARQL updates are refused\n", "text/plain")
            else:
                self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, b"send a form or application/sparql-query\n", "text/plain")

    return Handler


class SparqlServer:
    """The endpoint over an open kg store (a GraphStore); ``start()`` serves in a background thread."""

    def __init__(self, store_root: Path, port: int = 7878, host: str = "127.0.0.1") -> None:
        from kg.store import GraphStore

        self._graph = GraphStore.open(Path(store_root))
        self.httpd = ThreadingHTTPServer((host, port), make_handler(self._graph.oxigraph, str(store_root)))
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def start(self) -> SparqlServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def close(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join()
            self._thread = None
        self.httpd.server_close()
        self._graph.close()

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.close()
