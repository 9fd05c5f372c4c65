"""Benchmark: reading a big store, new paths against the old whole-graph paths in the same run.

    .venv/bin/python bench/read_scale.py STORE [STORE...] [--around 格雷格·塞门扎] [--hops 2] [--no-push] [--no-old]
        [--questions-only] [--zone 苏州工业园区] [--old-questions DIR] [--old-skip NAME] [--all-evidence]
        [--export-only]

Make stores with ``python ../shared/tools/gen_articles.py N --seed 5 > a.jsonl && kg build a.jsonl --store sN``.
Per store it prints seconds (and peak RSS growth where it matters) for:

- ``export --around``: the old path (GraphStore.knowledge_graph, then select) against the SPARQL
  cut (kg.export.store_selection); the two subgraphs are checked equal; with ``--all-evidence`` also
  the cut that keeps every mention of its entities (the evidence rule before subgraph evidence);
- every named question (kg/query/questions/*.rq) with its parameters empty (person-profile and
  evidence for the centre), and each question with a zone parameter for ``--zone``; with
  ``--old-questions DIR`` (main's question files: ``git archive main kg/query/questions | tar -x -C DIR``)
  the same questions also with those texts, on the same store in the same process, rows checked
  equal (``--old-skip NAME`` leaves a question's old text out: zones-sharing-people took minutes);
- ``kg push`` into a throwaway Neo4j test server: the old path (whole networkx graph, push_graph)
  against the streamed push (kg.neo4j_rows.push_store), then a delta push with nothing changed,
  each into an emptied database; the databases are checked equal.

Old and new run in separate child processes so that peak RSS is each path's own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _child(task: dict) -> dict:
    """Run one measurement in a fresh interpreter; returns its JSON result (seconds, peak RSS in MB, ...)."""
    result = subprocess.run([sys.executable, __file__, "--child", json.dumps(task, ensure_ascii=False)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(task: dict) -> dict:
    from kg.store import GraphStore

    started = time.perf_counter()
    out: dict = {}
    with GraphStore.open(Path(task["store"])) as store:
        if task["what"] in ("export-old", "export-new", "export-all-evidence"):
            from kg.export.selection import Selection, select
            from kg.export.store_selection import select_from_store

            selection = Selection((task["around"],), task["hops"], all_evidence=task["what"] == "export-all-evidence")
            sub = select(store.knowledge_graph(), selection) if task["what"] == "export-old" \
                else select_from_store(store, selection)
            # Canonical text (sets sorted): the two paths run in different processes.
            text = json.dumps([sorted(map(asdict, sub.entities.values()), key=lambda e: e["id"]),
                               sorted(map(asdict, sub.relations.values()), key=repr),
                               sorted(map(asdict, sub.articles.values()), key=lambda a: a["id"])],
                              default=sorted, ensure_ascii=False, sort_keys=True)
            out["digest"] = hashlib.sha1(text.encode("utf-8")).hexdigest()
            out["size"] = [len(sub.entities), len(sub.relations), len(sub.articles)]
        elif task["what"] == "questions":
            from kg.query import catalogue, sparql

            old = catalogue(Path(task["old_questions"])) if task.get("old_questions") else {}
            seconds = {}
            for name, question in catalogue().items():
                params = {"person": task["around"]} if name == "person-profile" else \
                    {"entity": task["around"]} if name == "evidence" else {}
                cases = [params] + ([{"zone": task["zone"]}] if "zone" in {p.name for p in question.parameters} else [])
                for values in cases:
                    label = name + "".join(f" {k}={v}" for k, v in values.items() if k == "zone")
                    begin = time.perf_counter()
                    rows = sparql.ask(store.oxigraph, question, values)
                    seconds[label] = [round(time.perf_counter() - begin, 3), len(rows)]
                    if name in old and name not in task["old_skip"]:
                        begin = time.perf_counter()
                        old_rows = sparql.ask(store.oxigraph, old[name], values)
                        seconds[label].append(round(time.perf_counter() - begin, 3))
                        assert old_rows == rows, f"{label}: the old and new texts give different rows"
            out["questions"] = seconds
        else:
            from neo4j import GraphDatabase

            from kg.neo4j_push import clear_database, graph_counts, push_graph
            from kg.neo4j_rows import push_store
            from kg.neo4j_state import PushState
            from kg.property_graph import to_networkx

            server = task["server"]
            with GraphDatabase.driver(server["uri"], auth=(server["user"], server["password"])) as driver:
                if task["what"] != "push-delta":
                    clear_database(driver, schema=False)
                begin = time.perf_counter()
                if task["what"] == "push-old":
                    stats = push_graph(driver, to_networkx(store.knowledge_graph()))
                else:
                    state_file = Path(task["state"])
                    with PushState(state_file, PushState.target_name(server["uri"], None)) as state:
                        stats = push_store(driver, store, state=state)
                out["push_seconds"] = round(time.perf_counter() - begin, 2)
                out["sent"] = stats.nodes + stats.relationships
                out["unchanged"] = stats.unchanged
                out["read"] = stats.read
                out["counts"] = list(graph_counts(driver))
    out["seconds"] = round(time.perf_counter() - started, 2)
    out["peak_mb"] = round(_peak_mb())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="*", type=Path)
    parser.add_argument("--around", default="格雷格·塞门扎")
    parser.add_argument("--hops", type=int, default=2)
    parser.add_argument("--zone", default="苏州工业园区", help="the zone the zone questions are also asked for")
    parser.add_argument("--old-questions", type=Path, help="a folder with other (main's) question files to compare")
    parser.add_argument("--old-skip", action="append", default=[], help="a question whose old text is not run")
    parser.add_argument("--questions-only", action="store_true", help="only the named questions")
    parser.add_argument("--export-only", action="store_true", help="only the export measurements")
    parser.add_argument("--no-push", action="store_true", help="skip the Neo4j push measurements")
    parser.add_argument("--no-old", action="store_true", help="skip the old whole-graph paths (they are slow)")
    parser.add_argument("--all-evidence", action="store_true",
                        help="also export with every mention of the selected entities (the old evidence rule)")
    parser.add_argument("--push-only", action="store_true", help="only the Neo4j push measurements")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(json.loads(args.child))))
        return
    server = info = None
    if not (args.no_push or args.questions_only or args.export_only):
        from kg.neo4j_server import Neo4jTestServer

        server = Neo4jTestServer(heap="2g", pagecache="512m")
        info = server.start()
    try:
        for store in args.stores:
            base = {"store": str(store), "around": args.around, "hops": args.hops, "zone": args.zone,
                    "old_questions": str(args.old_questions or ""), "old_skip": args.old_skip}
            print(f"== {store}", flush=True)
            if not args.push_only:
                _read_measurements(args, base)
            if info is not None:
                _push_measurements(args, base, Path(store), {"uri": info.uri, "user": info.user, "password": info.password})
    finally:
        if server is not None:
            server.stop()


def _read_measurements(args: argparse.Namespace, base: dict) -> None:
    if not args.questions_only:
        _export_measurements(args, base)
    if args.export_only:
        return
    questions = _child({**base, "what": "questions"})["questions"]
    for label, (seconds, rows, *old) in questions.items():
        line = f"  ask {label:40s} {seconds:8.3f}s {rows:6d} rows"
        if old:
            line += f"; old text {old[0]:8.3f}s, same rows, {old[0] / max(seconds, 0.001):.0f}x"
        print(line, flush=True)


def _export_measurements(args: argparse.Namespace, base: dict) -> None:
    new = _child({**base, "what": "export-new"})
    line = f"export --around {args.around} --hops {args.hops}: new {new['seconds']}s {new['peak_mb']} MB " \
           f"(entities, relations, articles {new['size']})"
    if args.all_evidence:
        every = _child({**base, "what": "export-all-evidence"})
        line += (f"; with every mention (--all-evidence) {every['seconds']}s {every['peak_mb']} MB, "
                 f"{every['size'][2]} articles, {every['seconds'] / new['seconds']:.0f}x the time")
    if not args.no_old:
        old = _child({**base, "what": "export-old"})
        assert old["digest"] == new["digest"], "the SPARQL cut differs from the whole-graph cut"
        line += f"; old {old['seconds']}s {old['peak_mb']} MB; {old['seconds'] / new['seconds']:.0f}x faster"
    print(line, flush=True)


def _push_measurements(args: argparse.Namespace, base: dict, store: Path, target: dict) -> None:
        state = store / "bench-push-state.sqlite"
        state.unlink(missing_ok=True)
        new = _child({**base, "what": "push-new", "server": target, "state": str(state)})
        delta = _child({**base, "what": "push-delta", "server": target, "state": str(state)})
        line = (f"push: streamed {new['seconds']}s {new['peak_mb']} MB ({new['sent']} elements); "
                f"delta with nothing changed {delta['seconds']}s ({delta['unchanged']} unchanged, "
                f"{delta['sent']} sent, {delta['read']} rows read)")
        if not args.no_old:
            old = _child({**base, "what": "push-old", "server": target})
            assert old["counts"] == new["counts"], "the streamed push wrote other counts"
            line += (f"; old whole-graph {old['seconds']}s {old['peak_mb']} MB; "
                     f"streamed/old {new['seconds'] / old['seconds']:.2f}")
        print(line, flush=True)
        state.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
