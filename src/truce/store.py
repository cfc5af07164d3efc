"""Event storage with SQLAlchemy: SQLite file by default, any SQLAlchemy URL otherwise.

Writes are idempotent upserts keyed by the stable article and event ids, so re-running a batch
adds nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Column,
    Date,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    select,
)

from .records import Article, Event, Skip

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(200), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),
)
events = Table(
    "events", metadata,
    Column("event_id", String(64), primary_key=True),
    Column("article_id", String(200), index=True, nullable=False),
    Column("event_date", Date, index=True),
    Column("category", String(16)),
    Column("event_type", String(64), index=True),
    Column("sub_event_type", String(64)),
    Column("plover_type", String(16), index=True),
    Column("country", String(3), index=True),
    Column("fatalities", Integer),
    Column("confidence", Float),
    Column("record", JSON, nullable=False),
)
skips = Table(
    "skips", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text),
    Column("line", Integer),
    Column("record_id", Text),
    Column("reason", String(64), index=True),
    Column("detail", Text),
    Column("at", String(40)),
)


def connect(url: str) -> Engine:
    if "://" not in url:
        url = f"sqlite:///{url}"
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _wal(dbapi_conn, _record):
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
    metadata.create_all(engine)
    return engine


def save(engine: Engine, article: Article, found: Iterable[Event]) -> None:
    """Replace an article and its events in one transaction (an upsert by stable ids)."""
    found = list(found)
    with engine.begin() as conn:
        conn.execute(delete(events).where(events.c.article_id == article.id))
        conn.execute(delete(articles).where(articles.c.id == article.id))
        conn.execute(articles.insert().values(id=article.id, url=article.url, title=article.title,
                                              published=article.published, text=article.text))
        if found:
            conn.execute(events.insert(), [
                {"event_id": e.event_id, "article_id": e.article_id, "event_date": e.event_date,
                 "category": e.category, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
                 "plover_type": e.plover_type, "country": e.location.country if e.location else None,
                 "fatalities": e.fatalities, "confidence": e.confidence,
                 "record": json.loads(e.model_dump_json())}
                for e in found])


def save_skip(engine: Engine, skip: Skip) -> None:
    with engine.begin() as conn:
        conn.execute(skips.insert().values(source=skip.source, line=skip.line, record_id=skip.record_id,
                                           reason=skip.reason, detail=skip.detail,
                                           at=datetime.now(UTC).isoformat()))


def load_events(engine: Engine) -> list[Event]:
    with engine.connect() as conn:
        rows = conn.execute(select(events.c.record).order_by(events.c.event_date, events.c.event_id)).all()
    return [Event.model_validate(r[0]) for r in rows]
