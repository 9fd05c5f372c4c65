"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the embedded store, on 127.0.0.1.

- ``GET /sparql?query=...`` and ``POST /sparql`` (form ``query=...`` or an
  ``application/sparql-query`` body); ``default-graph-uri``/``named-graph-uri`` are not supported.
- Results: SPARQL JSON, XML, CSV or TSV for SELECT and ASK, Turtle (or N-Triples, RDF/XML) for
  CONSTRUCT and DESCRIBE, chosen by the ``format`` parameter or the Accept header.
- Updates (``update=`` forms, ``application/sparql-update`` bodies, or update text sent as a
  query, recognised by a SPARQL parser) get 403: the store is opened read-only.
- ``SERVICE`` clauses get 403 unless the server runs with ``allow_service``: pyoxigraph would
  send their requests from this machine (to anything the machine can reach).
- Requests whose ``Host`` is not the bound address, or that a browser marks as coming from
  another origin (``Origin``, ``Sec-Fetch-Site``), get 403: a page elsewhere cannot use the endpoint.
- ``GET /`` is a small query page for the browser.

Limits: the HTTP side is waitress (a maintained WSGI server: listen backlog, a thread pool,
bounded request bodies answered 413, malformed requests answered 400).  Each query is parsed
and run in a worker process (pebble), because a pyoxigraph query cannot be interrupted from
Python: a query still running after ``timeout`` seconds has its worker killed and replaced,
and the client gets 503.  A worker's address space is capped (``memory_bytes``), so a sort or
join that outgrows it ends that worker (503), not the machine's memory.  A result is serialised
into a buffer that refuses to grow past ``max_result_bytes`` (503 too).  Every error is an HTTP
answer with a message.
"""

from __future__ import annotations

import concurrent.futures
import html
import ipaddress
import logging
import multiprocessing
import resource
import threading
import traceback
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox
import waitress.server
from waitress import wasyncore
from pebble import ProcessExpired, ProcessPool

from kg.ontology import Ontology, load_ontology
from kg.query.sparql import QuerySyntaxError, ServiceRefusedError, parse_sparql

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
READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
OUT_OF_MEMORY = ("the query needed more memory than a query worker may use (kg serve --memory-limit-mb); "
                 "narrow it, or drop an ORDER BY over many rows")

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


@dataclass(frozen=True)
class Limits:
    """What one request may cost, and whether SERVICE may leave the machine."""

    timeout: float = 30.0  # seconds a query may run before its worker is killed (503)
    max_result_bytes: int = 64 << 20  # serialised result size (503 past it)
    max_body_bytes: int = 1 << 20  # request body (413 past it)
    memory_bytes: int | None = 2 << 30  # address space of each worker process (the query's worker dies past it: 503)
    workers: int = 2  # query worker processes
    allow_service: bool = False


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


class ResultTooLarge(Exception):
    """The serialised result passed the size cap."""


class CappedBuffer:
    """A binary sink for pyoxigraph's serialisers that refuses to hold more than ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._parts: list[bytes] = []
        self._size = 0

    def write(self, data: bytes) -> int:
        self._size += len(data)
        if self._size > self.limit:
            raise ResultTooLarge
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self._parts)


def execute(store: ox.Store, query: str, requested: str | None, accept: str, limits: Limits = Limits()) -> tuple[bytes, str]:
    """Check and run one read-only query and serialise its result: (body, content type); ProtocolError otherwise."""
    try:
        parsed = parse_sparql(query)
        parsed.refuse_fetches(limits.allow_service)
    except QuerySyntaxError as error:
        raise ProtocolError(HTTPStatus.BAD_REQUEST, str(error)) from None
    except ServiceRefusedError as error:
        raise ProtocolError(HTTPStatus.FORBIDDEN, str(error)) from None
    if parsed.kind == "update":
        raise ProtocolError(HTTPStatus.FORBIDDEN, READ_ONLY)
    # A separate frame: the SPARQL parser caches exceptions whose tracebacks keep the frames that were on
    # the stack alive; pyoxigraph results must not live in those, as they may only be dropped on this thread.
    return _run(store, query, requested, accept, limits.max_result_bytes)


def _run(store: ox.Store, query: str, requested: str | None, accept: str, max_bytes: int) -> tuple[bytes, str]:
    try:
        result = store.query(query)
    except SyntaxError as error:
        raise ProtocolError(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {error}") from None
    except (OSError, RuntimeError) as error:  # evaluation failed (a SERVICE that did not answer, a store error)
        raise ProtocolError(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {error}") from None
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        key = choose_format(requested, accept, graph=False)
        fmt, mime = RESULT_FORMATS[key]
        if isinstance(result, ox.QueryBoolean) and key in ("csv", "tsv"):
            raise ProtocolError(HTTPStatus.NOT_ACCEPTABLE, "ASK results are offered as json or xml")
    else:
        fmt, mime = GRAPH_FORMATS[choose_format(requested, accept, graph=True)]
    buffer = CappedBuffer(max_bytes)
    try:
        result.serialize(buffer, format=fmt)  # evaluation is lazy: errors can surface here too
    except (OSError, RuntimeError) as error:
        raise ProtocolError(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {error}") from None
    except ResultTooLarge:
        raise ProtocolError(HTTPStatus.SERVICE_UNAVAILABLE,
                            f"the result is larger than the cap of {max_bytes:,} bytes (--max-result-mb); "
                            "add a LIMIT or select fewer rows") from None
    return buffer.getvalue(), mime


# ------------------------------------------------------------------ the worker processes

_worker_graph = None  # the GraphStore a worker process opened (see _open_worker_store)


def _open_worker_store(store_root: str, memory_bytes: int | None) -> None:
    global _worker_graph
    from kg.store import GraphStore

    if memory_bytes is not None:  # a sort or join that outgrows it aborts this worker, not the machine
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    _worker_graph = GraphStore.open(Path(store_root))


def _worker_ready() -> bool:
    return _worker_graph is not None


def _answer_in_worker(query: str, requested: str | None, accept: str, limits: Limits) -> tuple[int, bytes, str]:
    """Runs in a worker process: (status, body, content type); errors travel back as answers, not exceptions."""
    try:
        body, mime = execute(_worker_graph.oxigraph, query, requested, accept, limits)
        return HTTPStatus.OK, body, mime
    except ProtocolError as error:
        return error.status, (str(error) + "\n").encode("utf-8"), "text/plain"
    except MemoryError:
        return HTTPStatus.SERVICE_UNAVAILABLE, (OUT_OF_MEMORY + "\n").encode("utf-8"), "text/plain"


class QueryWorkers:
    """Worker processes that each hold the store open; a query past the timeout has its worker killed."""

    def __init__(self, store_root: Path, limits: Limits) -> None:
        self.limits = limits
        # spawn, not fork: the server process has threads and an open RocksDB, neither survives a fork
        self._pool = ProcessPool(max_workers=limits.workers, initializer=_open_worker_store,
                                 initargs=(str(store_root), limits.memory_bytes),
                                 context=multiprocessing.get_context("spawn"))
        # start the workers now, and answer only once one has the store open: the first requests do not wait
        self._pool.schedule(_worker_ready).result(timeout=300)

    def answer(self, query: str, requested: str | None, accept: str) -> tuple[int, bytes, str]:
        future = self._pool.schedule(_answer_in_worker, args=(query, requested, accept, self.limits),
                                     timeout=self.limits.timeout)
        try:
            return future.result()
        except concurrent.futures.TimeoutError:
            raise ProtocolError(HTTPStatus.SERVICE_UNAVAILABLE,
                                f"query cancelled: it ran longer than the server's limit of {self.limits.timeout:g} s "
                                "(kg serve --timeout); narrow it or add a LIMIT") from None
        except ProcessExpired as error:
            raise ProtocolError(HTTPStatus.SERVICE_UNAVAILABLE,
                                f"the query's worker process died (exit code {error.exitcode}), most likely because "
                                + OUT_OF_MEMORY) from None

    def close(self) -> None:
        self._pool.stop()
        self._pool.join()


# ------------------------------------------------------------------ HTTP

def allowed_hosts(host: str, port: int) -> set[str]:
    """The ``Host`` header values that name this server: the bound address, and localhost when bound to loopback."""
    address = ipaddress.ip_address(host)
    names = {f"[{host}]" if address.version == 6 else host}
    if address.is_loopback:
        names.add("localhost")
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:
        hosts |= names
    return hosts


class SparqlApp:
    """The WSGI application: routing, origin checks and the SPARQL Protocol; queries go to ``workers``."""

    def __init__(self, store_label: str) -> None:
        self.workers: QueryWorkers | None = None  # set once the socket is bound (a busy port fails fast)
        self.hosts: set[str] = set()  # set by bind(), once the listening port is known
        self.origins: set[str] = set()
        self.page = PAGE.format(store=html.escape(store_label), example=html.escape(example_query(load_ontology())))

    def __call__(self, environ: dict, start_response) -> list[bytes]:
        try:
            status, body, mime = self._route(environ)
        except ProtocolError as error:
            status, body, mime = error.status, (str(error) + "\n").encode("utf-8"), "text/plain"
        except Exception as error:  # a bug: answer it, with the message, instead of dropping the connection
            traceback.print_exc()
            status, mime = HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain"
            body = f"internal error: {type(error).__name__}: {error}\n".encode("utf-8")
        status = HTTPStatus(status)
        start_response(f"{status.value} {status.phrase}", [("Content-Type", f"{mime}; charset=utf-8"),
                                                          ("Content-Length", str(len(body)))])
        return [body]

    def bind(self, host: str, port: int) -> None:
        """Accept requests addressed to ``host:port`` only (and to localhost when that is loopback)."""
        self.hosts = allowed_hosts(host, port)
        self.origins = {f"http://{h}" for h in self.hosts}

    def _check_origin(self, environ: dict) -> None:
        host = environ.get("HTTP_HOST")
        if host is not None and host.lower() not in self.hosts:
            raise ProtocolError(HTTPStatus.FORBIDDEN, f"Host {host!r} is not this server ({', '.join(sorted(self.hosts))})")
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and origin.lower() not in self.origins:
            raise ProtocolError(HTTPStatus.FORBIDDEN, f"requests from pages on {origin!r} are refused")
        site = environ.get("HTTP_SEC_FETCH_SITE")  # browsers send it also where they send no Origin (img, script)
        if site is not None and site.lower() not in ("same-origin", "none"):
            raise ProtocolError(HTTPStatus.FORBIDDEN, f"requests from other sites are refused (Sec-Fetch-Site: {site})")

    def _route(self, environ: dict) -> tuple[int, bytes, str]:
        self._check_origin(environ)
        path, method = environ.get("PATH_INFO", ""), environ["REQUEST_METHOD"]
        if path in ("/", "/index.html") and method in ("GET", "HEAD"):
            return HTTPStatus.OK, self.page.encode("utf-8"), "text/html"
        if path != "/sparql":
            return HTTPStatus.NOT_FOUND, b"not found; the endpoint is /sparql\n", "text/plain"
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if method in ("GET", "HEAD"):
            return self._answer(environ, params)
        if method != "POST":
            raise ProtocolError(HTTPStatus.METHOD_NOT_ALLOWED, "use GET or POST")
        raw = self._body(environ)
        mime = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if mime == "application/x-www-form-urlencoded":
            for key, values in parse_qs(raw, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
            return self._answer(environ, params)
        if mime == "application/sparql-query":
            return self._answer(environ, params, body_query=raw)
        if mime == "application/sparql-update":
            raise ProtocolError(HTTPStatus.FORBIDDEN, READ_ONLY)
        raise ProtocolError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send a form or application/sparql-query")

    def _body(self, environ: dict) -> str:
        # waitress has already refused bodies past max_body_bytes (413) and malformed lengths (400)
        return environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)).decode("utf-8", errors="replace")

    def _answer(self, environ: dict, params: dict[str, list[str]], body_query: str | None = None) -> tuple[int, bytes, str]:
        if "update" in params:
            raise ProtocolError(HTTPStatus.FORBIDDEN, READ_ONLY)
        queries = params.get("query", []) + ([body_query] if body_query is not None else [])
        if len(queries) != 1:
            raise ProtocolError(HTTPStatus.BAD_REQUEST, "send exactly one 'query'")
        formats = params.get("format") or params.get("output") or [None]
        return self.workers.answer(queries[0], formats[0], environ.get("HTTP_ACCEPT", ""))


class SparqlServer:
    """The endpoint over an open kg store (a GraphStore); ``start()`` serves in a background thread.

    The query workers are started with multiprocessing's "spawn": a script that makes a server must
    do so under ``if __name__ == "__main__":``.
    """

    def __init__(self, store_root: Path, port: int = 7878, host: str = "127.0.0.1", limits: Limits = Limits(),
                 threads: int = 16) -> None:
        from kg.store import GraphStore

        self._graph = GraphStore.open(Path(store_root))  # a clear error now, and a shared lock while serving
        app = SparqlApp(str(store_root))
        # requests waiting for a worker are the design, not an incident: no "Task queue depth" line per burst
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)
        try:
            self._server = waitress.server.create_server(
                app, host=host, port=port, threads=threads, max_request_body_size=limits.max_body_bytes,
                ident="kg-sparql", clear_untrusted_proxy_headers=True)
        except BaseException:
            self._graph.close()
            raise
        self.address: tuple[str, int] = (self._server.effective_host, int(self._server.effective_port))
        app.bind(*self.address)
        try:
            app.workers = self.workers = QueryWorkers(Path(store_root), limits)
        except BaseException:
            wasyncore.close_all(self._server._map)
            self._graph.close()
            raise
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.address[0]}:{self.address[1]}/sparql"

    def start(self) -> SparqlServer:
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.run()

    def close(self) -> None:
        if self._thread is not None:
            # waitress's loop ends when its socket map is empty; close them all from inside the loop's thread
            self._server.trigger.pull_trigger(lambda: wasyncore.close_all(self._server._map))
            self._thread.join()
            self._thread = None
        self._server.task_dispatcher.shutdown()
        wasyncore.close_all(self._server._map)  # when serve_forever() returned on Ctrl-C
        self.workers.close()
        self._graph.close()

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.close()
