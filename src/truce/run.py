"""Batch extraction: articles in, events or skips out, one bad record never stopping the batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from .ingest.limits import TOO_LARGE
from .pipeline import Extractor
from .records import Article, Event, Skip

ENGLISH = {"en", "eng", "english"}
# Longest article extracted (characters): far above any news story, and spaCy's own max_length per text;
# past it one article would hold the parser for minutes, so it is skipped as too large instead.
MAX_ARTICLE_CHARS = 1_000_000


@cache
def extractor(second_opinion: bool = True) -> Extractor:
    """One extractor per process: the parser, lexicons, gazetteer and trained model load once."""
    return Extractor.default(second_opinion=second_opinion)


@dataclass(frozen=True)
class Result:
    article: Article
    events: list[Event]


def extract_all(records: Iterable[Article | Skip], ex: Extractor | None = None) -> Iterator[Result | Skip]:
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
            yield Result(rec, ex.extract(rec))
        except Exception as exc:  # one article's failure is recorded, the batch goes on
            yield Skip(source="extract", record_id=rec.id, reason="extraction error",
                       detail=f"{type(exc).__name__}: {exc}"[:300])
