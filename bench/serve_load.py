"""Load test of `kg serve`: N requests from C concurrent clients on a fresh server on 127.0.0.1.

    .venv/bin/python bench/serve_load.py [--store DIR] [--requests 200] [--clients 20] [--rounds 2] [--deadline 300] [--json]

The server is a separate ``kg serve --port 0`` process, started fresh, so the first requests of
all clients arrive together (the case that once broke the endpoint for good); later rounds run
the same load again on the same, now warm, server.
Each client opens a new connection per request (as independent browser tabs or scripts do) and
sends, in turn, the queries of ``QUERIES`` (a SELECT with a path, an ASK, an aggregate, a
CONSTRUCT), each text made unique by a comment so that nothing can be served from a cache.  Every
request has a timeout and the whole run a deadline, so the run is bounded.

Printed per round: the status counts, p50/p95/p99 latency and throughput.  The baseline, from the
same run: the same texts checked, run and serialised one after another in this process without
HTTP (``kg.serve.execute``, guard included); the ratio of the server's throughput to it says what
HTTP, the worker processes and the concurrency give or cost.  Exits 1 unless every answer is 200.
Without ``--store`` the shared corpus (or examples/) is built first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ontology import load_ontology  # noqa: E402
from kg.serve import example_query  # noqa: E402

KG = "PREFIX kg: <https://kg-zones.org/ontology#>\n"
QUERIES = [
    ("laureates", example_query(load_ontology()), "application/sparql-results+json"),
    ("ask", KG + "ASK { ?p kg:hasHonor kg:NobelLaureate }", "application/sparql-results+json"),
    ("count-by-class", "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)",
     "text/csv"),
    ("construct-names", KG + "CONSTRUCT { ?p kg:name ?n } WHERE { ?p a kg:Person ; kg:name ?n }", "text/turtle"),
]


def default_store(folder: Path) -> Path:
    """Build the shared corpus (or, without it, examples/) into ``folder``/store."""
    from kg.build import build

    corpus = ROOT.parent / "shared" / "corpus"
    source = corpus if corpus.exists() else ROOT / "examples"
    store = folder / "store"
    print(f"building {source} into {store} ...", file=sys.stderr)
    build([str(source)], store)
    return store


def start_server(store: Path) -> tuple[subprocess.Popen, str]:
    """A fresh ``kg serve`` on a free port; (process, endpoint URL) once it listens."""
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0"],
                              cwd=ROOT, stderr=subprocess.PIPE, text=True)
    for line in server.stderr:
        if line.startswith("SPARQL endpoint "):
            threading.Thread(target=server.stderr.read, daemon=True).start()  # keep draining
            return server, line.split()[2]
    raise SystemExit(f"kg serve did not start (exit code {server.wait()})")


def request_text(index: int) -> tuple[str, str]:
    """(query text, Accept) of request ``index``: the mix in turn, unique by a trailing comment."""
    _, query, accept = QUERIES[index % len(QUERIES)]
    return f"{query}\n# request {index}", accept


def one_request(url: str, query: str, accept: str, timeout: float) -> tuple[int, float]:
    """(HTTP status, seconds) of one GET on a new connection; 0 for no HTTP answer at all."""
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def run_load(url: str, requests: int, clients: int, deadline: float, timeout: float = 60.0) -> dict:
    """``requests`` GETs shared by ``clients`` threads that start together; stops taking new work at ``deadline`` s."""
    results: list[tuple[int, float]] = []
    lock, start = threading.Lock(), threading.Barrier(clients)
    counter = iter(range(requests))
    began = time.perf_counter()

    def client() -> None:
        start.wait()
        while time.perf_counter() - began < deadline:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            outcome = one_request(url, *request_text(index), timeout)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies = sorted(seconds for _, seconds in results)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    return {"requests": len(results), "clients": clients, "seconds": round(elapsed, 3),
            "statuses": {str(k): v for k, v in sorted(Counter(status for status, _ in results).items())},
            "p50_ms": round(cuts[49] * 1000, 1), "p95_ms": round(cuts[94] * 1000, 1),
            "p99_ms": round(cuts[98] * 1000, 1), "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
            "requests_per_s": round(len(results) / elapsed, 1)}


def direct_per_s(store: Path, requests: int) -> float:
    """Queries per second of the same ``requests`` texts checked, run and serialised one by one in this process."""
    from kg.serve import execute
    from kg.store import GraphStore

    graph = GraphStore.open(store)
    try:
        started = time.perf_counter()
        for index in range(requests):
            query, accept = request_text(index)
            execute(graph.oxigraph, query, None, accept)
        return round(requests / (time.perf_counter() - started), 1)
    finally:
        graph.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a kg store (default: build the shared corpus into a temp folder)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2, help="load rounds on the same server (the first on a fresh one)")
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds after which a round starts no request")
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = args.store or default_store(Path(folder))
        server, url = start_server(store)
        try:
            rounds = [run_load(url, args.requests, args.clients, args.deadline) for _ in range(args.rounds)]
        finally:
            server.terminate()
            server.wait(timeout=30)
        direct = direct_per_s(store, args.requests)
    for summary in rounds:
        summary["direct_per_s"] = direct
        summary["throughput_over_direct"] = round(summary["requests_per_s"] / direct, 2)
    if args.json:
        print(json.dumps(rounds))
    else:
        for number, summary in enumerate(rounds, 1):
            print(f"round {number} ({'fresh server' if number == 1 else 'warm'}): {summary['requests']} requests from "
                  f"{summary['clients']} clients in {summary['seconds']} s ({summary['requests_per_s']}/s); "
                  f"statuses {summary['statuses']}; latency p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
                  f"p99 {summary['p99_ms']} ms, max {summary['max_ms']} ms")
        print(f"baseline, the same texts one by one in process without HTTP: {direct}/s "
              f"(server throughput: {', '.join(str(s['throughput_over_direct']) + 'x' for s in rounds)})")
    ok = all(s["requests"] == args.requests and s["statuses"] == {"200": args.requests} for s in rounds)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
