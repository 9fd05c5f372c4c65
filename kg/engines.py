"""Where per-article extraction runs: in this process, a local process pool, or a Dask cluster.

Extraction reads one article at a time and nothing else, so it is a plain map; resolution and
writes stay in the driver.  Articles travel in batches (fewer round trips, and each worker keeps
its models loaded between batches); at most a few batches per worker are in flight, so the driver
never holds every result of a large build twice.  Results come back in completion order; the
build sorts them by article id, so the graph does not depend on the engine.

    engine = engine_for(workers=4)                 # None: this process; N > 1: a process pool
    engine = engine_for(dask="tcp://host:8786")    # or dask="local": a LocalCluster of worker processes
    for article, extraction, error in engine.run(articles): ...
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import replace

from kg.batching import chunked
from kg.model import Article, Extraction

BATCH = 16  # articles per task: about a second of work, so scheduling costs little and progress stays smooth
IN_FLIGHT_PER_WORKER = 3

#: One article's outcome: the Extraction, or the error that stopped it ("IndexError: ...").
Outcome = tuple[Article, Extraction | None, str | None]


def extract_batch(articles: list[Article]) -> list[tuple[Extraction | None, str | None]]:
    """Extract each article (run by the workers); an error is returned as text, never raised."""
    from kg.extract import extract_article

    results: list[tuple[Extraction | None, str | None]] = []
    for article in articles:
        try:
            # The driver has the article already: send back only what extraction found.
            results.append((replace(extract_article(article), article=None), None))
        except Exception as error:  # one article's failure is a reject, not the end of the batch
            results.append((None, f"{type(error).__name__}: {error}"))
    return results


def _outcomes(batch: list[Article], results: list[tuple[Extraction | None, str | None]]) -> Iterator[Outcome]:
    for article, (extraction, error) in zip(batch, results):
        yield article, (replace(extraction, article=article) if extraction is not None else None), error


class InProcess:
    """Extraction in the calling process (small builds, --workers 1)."""

    name = "in process"

    def run(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        for batch in chunked(articles, BATCH):
            yield from _outcomes(batch, extract_batch(batch))


class ProcessPool:
    """A pool of worker processes on this machine (started fresh, so they inherit no store locks)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.name = f"{workers} worker processes"

    def run(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context) as pool:
            pending: dict = {}
            batches = chunked(articles, BATCH)
            for batch in batches:
                pending[pool.submit(extract_batch, batch)] = batch
                if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield from _outcomes(pending.pop(future), future.result())
            for future in list(pending):
                yield from _outcomes(pending.pop(future), future.result())


class DaskCluster:
    """A Dask distributed cluster: ``tcp://scheduler:8786``, or ``local`` for a LocalCluster of processes."""

    def __init__(self, address: str, workers: int | None = None) -> None:
        self.address = address
        self.workers = workers
        self.name = f"Dask at {address}"

    def run(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        from distributed import Client, LocalCluster, as_completed

        cluster = None
        if self.address == "local":
            cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(self.address)
        try:
            limit = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
            batches = chunked(articles, BATCH)
            pending: dict = {}
            completed = as_completed()
            for batch in batches:
                future = client.submit(extract_batch, batch, pure=False)
                pending[future.key] = batch
                completed.add(future)
                if len(pending) >= limit:
                    future = next(completed)
                    yield from _outcomes(pending.pop(future.key), future.result())
            for future in completed:
                yield from _outcomes(pending.pop(future.key), future.result())
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


Engine = InProcess | ProcessPool | DaskCluster


def engine_for(workers: int | None = None, dask: str | None = None) -> Engine:
    """The engine the options ask for: Dask when an address is given, else a pool of ``workers``
    processes (default: the machine's cores), in process for one."""
    if dask:
        return DaskCluster(dask, workers)
    workers = workers or os.cpu_count() or 1
    return InProcess() if workers <= 1 else ProcessPool(workers)
