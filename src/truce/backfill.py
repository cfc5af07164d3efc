"""Archive backfills on Dask distributed: one task a shard (file), results stored as shards finish.

Without a scheduler address a LocalCluster starts one worker process per core (one thread each:
the parser holds the GIL, so threads would only contend); with one, the tasks go to a running
`dask scheduler` and its `dask worker`s (docs/scaling.md). A worker reads its shard by path, so on
a real cluster every worker must see the shards at the same path (a shared or synced folder).
Each worker process loads the parser, lexicons and gazetteer once (`truce.run.extractor` is
process-cached) and returns its shard's articles, events and skips; the client alone writes them
to the store as each shard finishes (transactions of up to WRITE_BATCH articles), so a SQLite file
needs no cross-process locking and the database need not be reachable from the workers.

A shard is known by its path and the SHA-256 of its bytes. A ledger table in the same database
(`backfill_shards`) records each shard's outcome: a re-run skips shards already `done` and retries
the `failed` ones; a file whose content changed is a new shard. A task that raises is retried
(`retries`) by the scheduler, and a worker that dies has its tasks rescheduled; a shard that still
fails is recorded with its error and reported, never dropped. Stored writes are upserts by the
stable article and event ids, so a shard written twice (a client killed between its writes and its
ledger row) leaves the same events.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

from sqlalchemy import Column, Engine, Float, Integer, MetaData, String, Table, Text, delete, select

from . import store
from .records import Article, Skip
from .run import Result, extract_all

if TYPE_CHECKING:
    from distributed import Client

ledger_metadata = MetaData()
ledger = Table(
    "backfill_shards", ledger_metadata,
    Column("path", String(1000), primary_key=True),
    Column("digest", String(64), primary_key=True),
    Column("status", String(16), nullable=False),  # done | failed
    Column("articles", Integer),
    Column("events", Integer),
    Column("skips", Integer),
    Column("seconds", Float),
    Column("error", Text),
    Column("updated_at", String(40)),
)


class ShardChanged(RuntimeError):
    """The file's bytes are not the ones planned: its ledger key would be wrong, so it is not coded."""


@dataclass(frozen=True)
class Shard:
    path: str  # absolute
    digest: str  # SHA-256 of the file's bytes
    size: int


@dataclass
class ShardResult:
    """What a worker sends back for one shard: every record ends as a result or a skip."""

    path: str
    digest: str
    results: list[Result]
    skips: list[Skip]
    seconds: float
    worker_pid: int

    @property
    def n_events(self) -> int:
        return sum(len(r.events) for r in self.results)

    def summary(self) -> ShardSummary:
        return ShardSummary(self.path, self.digest, len(self.results), self.n_events, len(self.skips),
                            self.seconds, self.worker_pid)


@dataclass(frozen=True)
class ShardSummary:
    """A finished shard in the report: counts only, so a long backfill's report stays small."""

    path: str
    digest: str
    articles: int
    events: int
    skips: int
    seconds: float
    worker_pid: int


@dataclass
class Report:
    done: list[ShardSummary] = field(default_factory=list)
    already_done: list[Shard] = field(default_factory=list)
    failed: list[tuple[Shard, str]] = field(default_factory=list)
    seconds: float = 0.0
    write_seconds: float = 0.0  # the client's share: storing results and ledger rows

    @property
    def articles(self) -> int:
        return sum(d.articles for d in self.done)

    @property
    def events(self) -> int:
        return sum(d.events for d in self.done)

    @property
    def skips(self) -> int:
        return sum(d.skips for d in self.done)


# --- planning ---------------------------------------------------------------------------------------
def _file_digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def expand(sources: Iterable[str]) -> list[Path]:
    """Shard files as `truce extract` reads sources (files; folders recursively; globs), each once.

    A source that names nothing stops the backfill before any work, rather than being skipped."""
    from .ingest.sources import STDIN
    from .ingest.sources import expand as expand_sources

    out: list[Path] = []
    for item in expand_sources(sources):
        if isinstance(item, Skip):
            raise FileNotFoundError(f"{item.source}: {item.detail}")
        if item == STDIN:
            raise ValueError("a backfill reads files, not standard input")
        out.append(Path(item).resolve())
    seen: set[Path] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def plan(sources: Iterable[str]) -> list[Shard]:
    shards = []
    for p in expand(sources):
        digest, size = _file_digest(p)
        shards.append(Shard(str(p), digest, size))
    return shards


# --- the task (runs on a worker) --------------------------------------------------------------------
def read_shard(path: str) -> Iterator[Article | Skip]:
    """The shard's records through the project's readers (every format `truce extract` reads)."""
    from .ingest.flow import articles

    return articles([path])


def extract_shard(path: str, digest: str) -> ShardResult:
    """Code one shard in this worker process (the extractor is loaded once per process)."""
    t0 = perf_counter()
    if _file_digest(Path(path))[0] != digest:
        raise ShardChanged(f"{path} changed since it was planned; run the backfill again")
    results: list[Result] = []
    skips: list[Skip] = []
    for r in extract_all(read_shard(path)):
        if isinstance(r, Result):
            results.append(r)
        else:
            skips.append(r)
    return ShardResult(path, digest, results, skips, perf_counter() - t0, os.getpid())


# --- the ledger ---------------------------------------------------------------------------------------
def done_shards(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(select(ledger.c.path, ledger.c.digest).where(ledger.c.status == "done")).all()
    return {(r[0], r[1]) for r in rows}


def ledger_rows(engine: Engine) -> list[dict[str, object]]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(ledger).order_by(ledger.c.path)).all()]


def _mark(engine: Engine, shard: Shard, status: str, *, result: ShardSummary | None = None,
          error: str | None = None) -> None:
    with engine.begin() as conn:
        conn.execute(delete(ledger).where(ledger.c.path == shard.path, ledger.c.digest == shard.digest))
        conn.execute(ledger.insert().values(
            path=shard.path, digest=shard.digest, status=status,
            articles=result.articles if result else None, events=result.events if result else None,
            skips=result.skips if result else None, seconds=result.seconds if result else None,
            error=error, updated_at=datetime.now(UTC).isoformat()))


WRITE_BATCH = 500  # articles a transaction: few commits, yet a short lock on a busy database


def _write(engine: Engine, result: ShardResult) -> None:
    rows = result.results
    for i in range(0, len(rows), WRITE_BATCH):
        store.save_many(engine, ((r.article, r.events) for r in rows[i:i + WRITE_BATCH]))
    for s in result.skips:
        store.save_skip(engine, s)


# --- the run --------------------------------------------------------------------------------------------
# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc hand memory back
# after nearly every parse batch: measured here, ten times the system time and ~15% more CPU a
# article. glibc's own adaptive threshold is better for this work; None removes the variable.
NO_MALLOC_TRIM = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


@contextmanager
def cluster_client(scheduler: str | None = None, workers: int | None = None,
                   processes: bool = True) -> Iterator[Client]:
    """A client of the given scheduler, or of a LocalCluster with `workers` single-thread workers."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    where = {"host": "127.0.0.1"} if processes else {}  # in-process workers talk over inproc://, not TCP
    with dask.config.set(NO_MALLOC_TRIM), LocalCluster(
            n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=None, **where) as cluster, \
            Client(cluster) as client:
        yield client


Progress = Callable[[str, Shard, ShardSummary | None, str | None], None]


def backfill(sources: Iterable[str], db: str, *, scheduler: str | None = None, workers: int | None = None,
             retries: int = 2, processes: bool = True, client: Client | None = None,
             task: Callable[[str, str], ShardResult] = extract_shard,
             progress: Progress | None = None) -> Report:
    """Code every shard not yet done into `db`; failures are recorded in the ledger and returned."""
    t0 = perf_counter()
    engine = store.connect(db)
    ledger_metadata.create_all(engine)
    shards = plan(sources)
    finished = done_shards(engine)
    report = Report()
    todo: list[Shard] = []
    for s in shards:
        if (s.path, s.digest) in finished:
            report.already_done.append(s)
            if progress:
                progress("already done", s, None, None)
        else:
            todo.append(s)
    if todo:
        if client is not None:
            _run(client, todo, engine, retries, task, report, progress)
        else:
            with cluster_client(scheduler, workers, processes) as c:
                _run(c, todo, engine, retries, task, report, progress)
    report.seconds = perf_counter() - t0
    return report


def _run(client: Client, todo: list[Shard], engine: Engine, retries: int,
         task: Callable[[str, str], ShardResult], report: Report, progress: Progress | None) -> None:
    from distributed import as_completed

    by_key: dict[str, Shard] = {}
    futures = []
    for i, s in enumerate(todo):  # largest first, so the last shards to finish are short ones
        key = f"truce-shard-{i}-{s.digest[:16]}"
        by_key[key] = s
        futures.append(client.submit(task, s.path, s.digest, key=key, retries=retries, pure=False,
                                     priority=s.size))
    pending = as_completed(futures)
    futures.clear()  # as_completed holds each future only until it is yielded: results do not pile up
    for fut in pending:
        shard = by_key[fut.key]
        if fut.status == "finished":
            result = fut.result()
            t0 = perf_counter()
            _write(engine, result)
            summary = result.summary()
            del result
            _mark(engine, shard, "done", result=summary)
            report.write_seconds += perf_counter() - t0
            report.done.append(summary)
            if progress:
                progress("done", shard, summary, None)
        else:
            exc = fut.exception()
            error = f"{type(exc).__name__}: {exc}"[:2000]
            _mark(engine, shard, "failed", error=error)
            report.failed.append((shard, error))
            if progress:
                progress("failed", shard, None, error)
        fut.release()

