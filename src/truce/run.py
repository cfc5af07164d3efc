"""Batch extraction: articles in, events or skips out, one bad record never stopping the batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from .ingest.limits import TOO_LARGE, TOO_SLOW
from .pipeline import Extractor
from .records import Article, Event, Skip

ENGLISH = {"en", "eng", "english"}
# Longest article extracted (characters): far above any news story, and spaCy's own max_length per text;
# past it one article would hold the parser for minutes, so it is skipped as too large instead.
MAX_ARTICLE_CHARS = 1_000_000
# Longest time one article may take (seconds). A news story takes tens of milliseconds; a pathological text
# that holds the parser this long is skipped as too slow, so a days-long run never hangs on one record.
MAX_ARTICLE_SECONDS = 60.0


class ArticleTimeout(Exception):
    """Raised inside extraction when the article's time limit is reached."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after `seconds` with ArticleTimeout. Hand-rolled on SIGALRM because no pinned
    package bounds a CPU-bound call in the same process; it works in a process's main thread on POSIX
    (the CLI, its worker processes) and is a no-op elsewhere (a Dask worker thread), where only the size
    limit holds."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@cache
def extractor(second_opinion: bool = True) -> Extractor:
    """One extractor per process: the parser, lexicons, gazetteer and trained model load once."""
    return Extractor.default(second_opinion=second_opinion)


@dataclass(frozen=True)
class Result:
    article: Article
    events: list[Event]


def extract_all(records: Iterable[Article | Skip], ex: Extractor | None = None,
                time_limit: float | None = MAX_ARTICLE_SECONDS) -> Iterator[Result | Skip]:
    ex = ex or extractor()
    for rec in records:
        if isinstance(rec, Skip):
            yield rec
            continue
        if rec.language and rec.language.lower() not in ENGLISH:
            yield Skip(source="extract", record_id=rec.id, reason="non-English",
                       detail=f"language {rec.language!r}")
            continue
        if len(rec.text) > MAX_ARTICLE_CHARS:
            yield Skip(source="extract", record_id=rec.id, reason=TOO_LARGE,
                       detail=f"{len(rec.text):,} characters, limit {MAX_ARTICLE_CHARS:,}")
            continue
        try:
            with deadline(time_limit):
                events = ex.extract(rec)
            yield Result(rec, events)
        except ArticleTimeout:
            yield Skip(source="extract", record_id=rec.id, reason=TOO_SLOW, detail=f"over {time_limit:g} s")
        except Exception as exc:  # one article's failure is recorded, the batch goes on
            yield Skip(source="extract", record_id=rec.id, reason="extraction error",
                       detail=f"{type(exc).__name__}: {exc}"[:300])
