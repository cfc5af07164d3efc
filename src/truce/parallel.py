"""`truce extract --processes N`: extraction on N worker processes, results in input order.

The parser holds the GIL, so parallel work needs processes. Records go out in small batches, at
most a few batches a worker ahead of the output (memory stays flat on any input size), and come
back in input order, so the output is the single-process output byte for byte. Workers are
spawned (no fork of a parent that may hold threads) and each loads the extractor once.

A worker that dies (killed for memory, a crash in native code) breaks the pool: the batches then in
flight are re-run one at a time in a fresh pool, so only the batch that kills its worker again is
lost, and its articles are reported as skips with the reason, never dropped.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from .records import Article, Skip
from .run import Result, extract_all

Batch = list[Article | Skip]
Work = Callable[[Batch], list[Result | Skip]]


def extract_batch(batch: Batch) -> list[Result | Skip]:
    """A batch in a worker process; `extract_all` turns each article's own failure into a skip."""
    return list(extract_all(batch))


def _warm() -> None:
    from .run import extractor

    extractor()


def _batches(records: Iterable[Article | Skip], size: int) -> Iterator[Batch]:
    it = iter(records)
    while batch := list(islice(it, size)):
        yield batch


def _lost(batch: Batch, why: str) -> list[Result | Skip]:
    return [r if isinstance(r, Skip) else Skip(source="extract", record_id=r.id, reason="extraction error",
                                               detail=f"worker process died: {why}"[:300]) for r in batch]


class _Pool:
    """A spawn-context process pool that can be replaced when a worker dies."""

    def __init__(self, processes: int, warm: bool):
        self.processes = processes
        self.warm = warm
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_warm if self.warm else None)

    def submit(self, work: Work, batch: Batch) -> Future[list[Result | Skip]]:
        """A batch handed over after a worker died, before anyone saw the pool break, comes back as a
        broken future, so it is re-run with the others in flight rather than lost."""
        try:
            return self.pool.submit(work, batch)
        except BrokenProcessPool as exc:
            failed: Future[list[Result | Skip]] = Future()
            failed.set_exception(exc)
            return failed

    def renew(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def extract_parallel(records: Iterable[Article | Skip], processes: int = 1, *, batch_size: int = 8,
                     ahead: int = 4, work: Work = extract_batch, warm: bool = True) -> Iterator[Result | Skip]:
    """Like `truce.run.extract_all`, on `processes` workers (1 or less: in this process)."""
    if processes <= 1:
        for batch in _batches(records, batch_size):
            yield from work(batch)
        return
    pool = _Pool(processes, warm)
    window: deque[tuple[Batch, Future[list[Result | Skip]]]] = deque()
    try:
        for batch in _batches(records, batch_size):
            window.append((batch, pool.submit(work, batch)))
            if len(window) >= processes * ahead:
                yield from _next(window, pool, work)
        while window:
            yield from _next(window, pool, work)
    finally:
        pool.close()


def _next(window: deque[tuple[Batch, Future[list[Result | Skip]]]], pool: _Pool,
          work: Work) -> list[Result | Skip]:
    fut = window[0][1]
    try:
        out = fut.result()
    except BrokenProcessPool:
        return _isolate(window, pool, work)
    window.popleft()
    return out


def _isolate(window: deque[tuple[Batch, Future[list[Result | Skip]]]], pool: _Pool,
             work: Work) -> list[Result | Skip]:
    """After a worker died: re-run the in-flight batches alone, so the guilty one is found."""
    out: list[Result | Skip] = []
    batches = [b for b, _ in window]
    window.clear()
    pool.renew()
    for batch in batches:
        try:
            out.extend(pool.submit(work, batch).result())
        except BrokenProcessPool as exc:
            out.extend(_lost(batch, str(exc) or "the worker was killed"))
            pool.renew()
    return out
