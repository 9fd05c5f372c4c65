"""Builds that scale: kg build of N generated articles into fresh stores, then more articles added to them.

    .venv/bin/python bench/scale.py [--sizes 1000,10000[,100000]] [--add 1000[,100]] [--add-seed 6]
                                    [--add-to all|biggest] [--workers N]
                                    [--baseline-ref main] [--baseline-sizes 1000] [--keep DIR]

Articles come from ../shared/tools/gen_articles.py N --seed 5 (deterministic).  The added articles are
``gen_articles.py A --seed 6`` (another seed: other people, companies, events, the same recurring zones),
their ids and URLs renamed (gen-... -> add6-...) so that they are new articles.  Each add runs on its own
copy of the store (``--add-to``: every size, or only the biggest).  Every build runs as its
own process (``kg.build.build``, what ``kg build`` runs); a sampler adds up the resident memory of
that process and its worker processes every 0.2 s, so the peak counts the workers too.  Printed per
run: seconds, articles/s, peak RSS (all processes, and the driver alone), quads, and the share of the
time spent extracting.

Baseline in the same run: ``--baseline-ref`` (default ``main``) is exported with ``git archive`` to a
temporary folder and its ``kg build`` runs on the ``--baseline-sizes`` (default: the smallest size;
the old path needs about 1.6 GB per 1,000 articles, so bigger sizes do not fit) and on every add, to a
copy of the new path's store (the same store format: an old ``kg build`` re-resolves and rewrites
everything, this one is incremental); ratios old/new are printed.  ``--baseline-ref ''`` skips it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO.parent / "shared" / "tools" / "gen_articles.py"

CHILD = """
import json, sys
from pathlib import Path
from kg.build import build
if __name__ == "__main__":
    workers = int(sys.argv[3]) if sys.argv[3] != "-" else None
    report = build([sys.argv[1]], Path(sys.argv[2]), workers=workers)
    print(json.dumps({"stages": report.seconds, "quads": report.quads, "articles": report.articles,
                      "extracted": report.extracted, "changed": report.changed_nodes,
                      "incremental": report.incremental, "rewritten": report.rewritten,
                      "resolved_again": report.resolved_again, "extended": report.extended,
                      "causes": report.causes}, ensure_ascii=False))
"""


def generate(n: int, folder: Path, seed: int = 5) -> Path:
    """gen_articles.py's n records as a JSONL file; with another seed than 5 the ids and URLs are renamed
    (the generator numbers every seed's records alike), so that they add to a seed-5 store."""
    path = folder / (f"articles-{n}.jsonl" if seed == 5 else f"added-{n}-seed-{seed}.jsonl")
    if not path.exists():
        text = subprocess.run([sys.executable, str(GENERATOR), str(n), "--seed", str(seed)], capture_output=True,
                              text=True, check=True).stdout
        if seed != 5:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
            for record in records:
                record["id"] = record["id"].replace("gen-", f"add{seed}-", 1)
                record["url"] = record["url"].replace("/gen/", f"/add{seed}/", 1)
            text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
        path.write_text(text, encoding="utf-8")
    return path


def _sample(process: psutil.Popen, peaks: dict[str, int], stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            driver = process.memory_info().rss
            total = driver + sum(c.memory_info().rss for c in process.children(recursive=True))
        except psutil.Error:
            break
        peaks["driver"] = max(peaks["driver"], driver)
        peaks["total"] = max(peaks["total"], total)
        stop.wait(0.2)


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, dict[str, int], str]:
    """Run a build process; (seconds, peak RSS bytes {total, driver}, standard output)."""
    peaks = {"driver": 0, "total": 0}
    stop = threading.Event()
    started = time.perf_counter()
    process = psutil.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = threading.Thread(target=_sample, args=(process, peaks, stop), daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    return seconds, peaks, out


def new_build(articles: Path, store: Path, workers: int | None) -> dict:
    seconds, peaks, out = run([sys.executable, "-c", CHILD, str(articles), str(store), str(workers or "-")], REPO,
                              dict(os.environ))
    return {"seconds": seconds, "peak": peaks, **json.loads(out.strip().splitlines()[-1])}


def old_build(tree: Path, articles: Path, store: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    seconds, peaks, _ = run([sys.executable, "-m", "kg.cli", "build", str(articles), "--store", str(store)], tree, env)
    return {"seconds": seconds, "peak": peaks}


def export_ref(ref: str, folder: Path) -> Path:
    tree = folder / f"baseline-{ref.replace('/', '_')}"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", ref], cwd=REPO, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def line(label: str, n: int, result: dict) -> str:
    gb = result["peak"]["total"] / 2**30
    driver = result["peak"]["driver"] / 2**30
    text = f"{label:<28} {n:>7} articles  {result['seconds']:8.1f} s  {n / result['seconds']:7.1f} articles/s  " \
           f"peak RSS {gb:5.2f} GB (driver {driver:4.2f})"
    if "quads" in result:
        stages = result["stages"]
        share = stages.get("extract", 0.0) / max(sum(stages.values()), 1e-9)
        text += f"  {result['quads']:>10} quads  extraction {share:4.0%}  ({result['extracted']} extracted, " \
                f"{result['changed']} nodes changed"
        text += (f", incremental: {result['resolved_again']} articles resolved again, {result['extended']} groups "
                 f"extended, {result['rewritten']} nodes rewritten)") if result.get("incremental") else ")"
        # Why stored groups were read again: the rules that make an add cost more than it adds.
        text += "".join(f"\n    {groups:>6} groups, {articles:>6} stored articles: {cause}"
                        for cause, (groups, articles) in result.get("causes", {}).items())
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)")
    parser.add_argument("--add", default="1000", help="comma-separated counts of articles added (default 1000)")
    parser.add_argument("--add-seed", type=int, default=6, help="gen_articles.py seed of the added articles (default 6)")
    parser.add_argument("--add-to", choices=("all", "biggest"), default="biggest",
                        help="add to every size's store or to the biggest only (default)")
    parser.add_argument("--workers", type=int, default=None, help="kg build --workers (default: the machine's cores)")
    parser.add_argument("--baseline-ref", default="main", help="git ref of the old build path ('' to skip)")
    parser.add_argument("--baseline-sizes", default=None, help="sizes to build with the baseline (default: the smallest)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the articles and stores in this folder")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    adds = [int(a) for a in args.add.split(",") if a and int(a)]
    baseline_sizes = {int(s) for s in args.baseline_sizes.split(",")} if args.baseline_sizes else {sizes[0]}
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; folder {folder}", flush=True)
    tree = export_ref(args.baseline_ref, folder) if args.baseline_ref else None
    try:
        for n in sizes:
            articles = generate(n, folder)
            store = folder / f"store-{n}"
            shutil.rmtree(store, ignore_errors=True)
            new = new_build(articles, store, args.workers)
            print(line("new: fresh build", n, new), flush=True)
            if tree is not None and n in baseline_sizes:
                old_store = folder / f"old-store-{n}"
                shutil.rmtree(old_store, ignore_errors=True)
                old = old_build(tree, articles, old_store)
                print(line("old: fresh build", n, old), flush=True)
                print(f"{'':<28} ratio old/new: time {old['seconds'] / new['seconds']:.2f}x, "
                      f"peak RSS {old['peak']['total'] / new['peak']['total']:.2f}x", flush=True)
                shutil.rmtree(old_store)
            if args.add_to == "biggest" and n != sizes[-1]:
                continue
            for count in adds:
                added = generate(count, folder, seed=args.add_seed)
                copy = folder / f"store-{n}-add-{count}"
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(store, copy)
                more = new_build(added, copy, args.workers)
                print(line(f"new: add {count} to {n}", count, more), flush=True)
                shutil.rmtree(copy)
                if tree is not None:
                    shutil.copytree(store, copy)
                    old = old_build(tree, added, copy)
                    print(line(f"old: add {count} to {n}", count, old), flush=True)
                    print(f"{'':<28} ratio old/new: time {old['seconds'] / more['seconds']:.2f}x, "
                          f"peak RSS {old['peak']['total'] / more['peak']['total']:.2f}x", flush=True)
                    shutil.rmtree(copy)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
