"""What ingestion remembers between runs, in the same database as the events (its own two tables):
each kept article's MinHash, and every URL an article arrived under.

That memory is what makes a re-run add nothing: a known article is a duplicate and a known near-copy
still matches its original (the store's own upserts keep articles, events and skips to one row each).
"""

from __future__ import annotations

import hashlib
import time

from sqlalchemy import Column, Engine, Float, LargeBinary, MetaData, String, Table, Text, select

from .dedup import Deduper, from_bytes, to_bytes
from .flow import Duplicate, Kept
from .ids import url_key

metadata = MetaData()

seen_articles = Table(
    "ingest_articles", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("scheme", String(16), nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("added", Float, nullable=False, index=True),  # when it was kept: the newest fill the dedup window
)
seen_urls = Table(
    "ingest_urls", metadata,
    Column("key", String(40), primary_key=True),  # sha1 of the normalised URL
    Column("article_id", String(200), index=True, nullable=False),
    Column("url", Text, nullable=False),
)
def attach(engine: Engine) -> None:
    metadata.create_all(engine)


def load(engine: Engine, dedup: Deduper) -> int:
    """Teach the deduper every article earlier runs kept: all ids, and the newest `dedup.window`
    signatures for near-copy search. Returns how many articles are known."""
    with engine.connect() as conn:
        for (aid,) in conn.execute(select(seen_articles.c.article_id)):
            dedup.remember(aid)
        newest = conn.execute(select(seen_articles.c.article_id, seen_articles.c.scheme, seen_articles.c.signature)
                              .order_by(seen_articles.c.added.desc()).limit(dedup.window)).all()
    for aid, scheme, sig in reversed(newest):
        dedup.add(aid, from_bytes(sig, scheme))
    return len(dedup)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def _add_url(conn, article_id: str, url: str | None) -> None:  # type: ignore[no-untyped-def]
    if not url:
        return
    key = _sha1(url_key(url))
    if conn.execute(select(seen_urls.c.key).where(seen_urls.c.key == key)).first() is None:
        conn.execute(seen_urls.insert().values(key=key, article_id=article_id, url=url))


def remember_kept(engine: Engine, kept: Kept) -> None:
    a = kept.article
    with engine.begin() as conn:
        if conn.execute(select(seen_articles.c.article_id).where(seen_articles.c.article_id == a.id)).first() is None:
            conn.execute(seen_articles.insert().values(article_id=a.id, scheme=kept.signature.scheme,
                                                       signature=to_bytes(kept.signature), added=time.time()))
        _add_url(conn, a.id, a.url)


def remember_duplicate(engine: Engine, dup: Duplicate) -> None:
    """A near-copy's URL becomes one of the original's alternate URLs."""
    with engine.begin() as conn:
        _add_url(conn, dup.of, dup.article.url)


def urls(engine: Engine, article_id: str) -> list[str]:
    """Every URL the article arrived under (its own and its near-copies'), sorted."""
    with engine.connect() as conn:
        rows = conn.execute(select(seen_urls.c.url).where(seen_urls.c.article_id == article_id)
                            .order_by(seen_urls.c.url)).all()
    return [r[0] for r in rows]
