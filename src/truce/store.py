"""Event storage with SQLAlchemy 2: a SQLite file by default (WAL mode), PostgreSQL for teams.

The schema lives in Alembic migrations shipped in `truce.migrations`; `connect` brings any database
to the newest revision before use. Writes are idempotent upserts keyed by the stable article and
event ids, so re-running a batch adds nothing and changes nothing.

Tables: `articles` (one per input article, with a content hash), `events` (every field of the Event
record as a column, plus the record itself as JSON), `evidence` (one row per evidence sentence),
`sources` (event <-> article links: an event may be told by several articles; role "stated" when the
article's own extraction produced the event, "linked" when a later step such as cross-article merging
added it) and `skips`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Date,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    inspect,
    literal_column,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite

from .records import Article, Event, Skip

metadata = MetaData()
STATED, LINKED = "stated", "linked"

# Keys that sort undated / untolled events last in a descending sort; the same expressions back the
# indexes below so keyset pagination stays an index walk.
DATE_KEY = "coalesce(event_date, '0001-01-01')"
FATALITIES_KEY = "coalesce(fatalities, -1)"

articles = Table(
    "articles", metadata,
    Column("id", String(512), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("source", String(255), index=True),
    Column("language", String(32)),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("stored_at", String(40), nullable=False),
)
events = Table(
    "events", metadata,
    Column("event_id", String(128), primary_key=True),
    Column("article_id", String(512), ForeignKey("articles.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("event_date", Date),
    Column("date_precision", String(8)),
    Column("category", String(16), nullable=False),
    Column("event_type", String(64)),
    Column("sub_event_type", String(64), index=True),
    Column("plover_type", String(16), index=True, nullable=False),
    Column("actor1_name", Text),
    Column("actor1_country", String(3)),
    Column("actor1_kind", String(16)),
    Column("actor2_name", Text),
    Column("actor2_country", String(3)),
    Column("actor2_kind", String(16)),
    Column("location_name", Text),
    Column("admin1", Text),
    Column("country", String(3)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", String(16)),
    Column("geonameid", Integer),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("status", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("record", JSON, nullable=False),
    Index("ix_events_date_key", literal_column(DATE_KEY), "event_id"),
    Index("ix_events_fatalities_key", literal_column(FATALITIES_KEY), "event_id"),
    Index("ix_events_confidence_key", "confidence", "event_id"),
    Index("ix_events_country_date_key", "country", literal_column(DATE_KEY), "event_id"),
    Index("ix_events_lon_lat_date_key", "longitude", "latitude", literal_column(DATE_KEY), "event_id"),
    # covering indexes for the /stats groupings (migration 0002)
    Index("ix_events_stats_day", "event_date", "fatalities"),
    Index("ix_events_stats_country", "country", "event_date", "fatalities"),
    Index("ix_events_stats_type", "event_type", "sub_event_type", "plover_type", "event_date", "fatalities"),
)
evidence = Table(
    "evidence", metadata,
    Column("event_id", String(128), ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("article_id", String(512), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
)
sources = Table(
    "sources", metadata,
    Column("event_id", String(128), ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(512), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
           index=True),
    Column("role", String(8), nullable=False),
    Column("linked_at", String(40), nullable=False),
)
skips = Table(
    "skips", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("skip_key", String(64), nullable=False),
    Column("source", Text),
    Column("line", Integer),
    Column("record_id", Text),
    Column("reason", String(64), index=True),
    Column("detail", Text),
    Column("at", String(40)),
    UniqueConstraint("skip_key", name="uq_skips_skip_key"),
)


class LegacyDatabase(RuntimeError):
    """A database written by a truce from before migrations; its tables cannot be upgraded in place."""


def engine_url(url: str) -> str:
    """A bare path means a SQLite file; `postgresql://` uses psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def connect(url: str) -> Engine:
    """An engine on `url` whose schema is at the newest migration."""
    engine = create_engine(engine_url(url))
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=10000")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
    migrate(engine)
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Run the shipped Alembic migrations up to `revision` on this engine's database."""
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        names = set(inspect(conn).get_table_names())
        if "events" in names and "alembic_version" not in names:
            raise LegacyDatabase(
                f"{engine.url.render_as_string(hide_password=True)} holds truce tables from before schema "
                "migrations; move it aside and run `truce run` again to rebuild it")
        if conn.dialect.name == "postgresql":  # one migrator at a time per database
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7426351)")
        cfg = Config()
        cfg.set_main_option("script_location", "truce:migrations")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_source(article: Article) -> str | None:
    """The outlet an article came from: its own `source` if the record has one, else its URL's host."""
    named = getattr(article, "source", None)
    if isinstance(named, str) and named.strip():
        return named.strip()[:255]
    if not article.url:
        return None
    host = urlsplit(article.url).hostname or ""
    return (host.removeprefix("www.") or None) if host else None


def article_row(article: Article) -> dict[str, Any]:
    return {"id": article.id, "url": article.url, "title": article.title, "published": article.published,
            "source": article_source(article), "language": article.language, "text": article.text,
            "content_hash": content_hash(article.text), "stored_at": _now()}


def event_row(e: Event) -> dict[str, Any]:
    """Every Event field as a column, plus the record as JSON."""
    a1, a2, loc = e.actor1, e.actor2, e.location
    return {
        "event_id": e.event_id, "article_id": e.article_id, "event_date": e.event_date,
        "date_precision": e.date_precision, "category": e.category, "event_type": e.event_type,
        "sub_event_type": e.sub_event_type, "plover_type": e.plover_type,
        "actor1_name": a1.name if a1 else None, "actor1_country": a1.country if a1 else None,
        "actor1_kind": a1.kind if a1 else None,
        "actor2_name": a2.name if a2 else None, "actor2_country": a2.country if a2 else None,
        "actor2_kind": a2.kind if a2 else None,
        "location_name": loc.name if loc else None, "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None, "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None, "geo_precision": loc.precision if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "fatalities": e.fatalities, "injuries": e.injuries, "status": e.status, "confidence": e.confidence,
        "record": json.loads(e.model_dump_json()),
    }


def _upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str],
            update: bool = True, keep: Sequence[str] = ()) -> None:
    """INSERT .. ON CONFLICT on SQLite and PostgreSQL (columns in `keep` keep their first value);
    other dialects replace the rows."""
    if not rows:
        return
    name = conn.dialect.name
    if name in ("sqlite", "postgresql"):
        ins = (sqlite.insert if name == "sqlite" else postgresql.insert)(table)
        cols = [c for c in rows[0] if c not in keys and c not in keep]
        if update and cols:
            stmt = ins.on_conflict_do_update(index_elements=list(keys),
                                             set_={c: getattr(ins.excluded, c) for c in cols})
        else:
            stmt = ins.on_conflict_do_nothing(index_elements=list(keys))
        conn.execute(stmt, list(rows))
        return
    for row in rows:
        cond = [table.c[k] == row[k] for k in keys]
        if update:
            conn.execute(delete(table).where(*cond))
        elif conn.execute(select(func.count()).select_from(table).where(*cond)).scalar():
            continue
        conn.execute(table.insert().values(**row))


def _save(conn: Connection, article: Article, found: list[Event]) -> None:
    _upsert(conn, articles, [article_row(article)], ["id"], keep=["stored_at"])
    ids = {e.event_id for e in found}
    stated = set(conn.execute(select(sources.c.event_id).where(sources.c.article_id == article.id,
                                                               sources.c.role == STATED)).scalars())
    stale = sorted(stated - ids)
    if stale:  # events this article no longer states: unlink, and drop those no article states any more
        conn.execute(delete(sources).where(sources.c.article_id == article.id, sources.c.event_id.in_(stale),
                                           sources.c.role == STATED))
        orphans = select(events.c.event_id).where(
            events.c.event_id.in_(stale),
            ~select(sources.c.event_id).where(sources.c.event_id == events.c.event_id,
                                              sources.c.role == STATED).exists())
        conn.execute(delete(events).where(events.c.event_id.in_(orphans.scalar_subquery())))
    if not found:
        return
    for e in found:  # a merged event may name another article as its own; it must exist first
        if e.article_id != article.id and not conn.execute(
                select(articles.c.id).where(articles.c.id == e.article_id)).first():
            raise ValueError(f"event {e.event_id} names article {e.article_id!r}, which is not stored")
    _upsert(conn, events, [event_row(e) for e in found], ["event_id"])
    conn.execute(delete(evidence).where(evidence.c.event_id.in_(sorted(ids))))
    spans = [{"event_id": e.event_id, "position": i, "article_id": e.article_id, "text": s.text,
              "start_offset": s.start, "end_offset": s.end}
             for e in found for i, s in enumerate(e.evidence)]
    if spans:
        conn.execute(evidence.insert(), spans)
    now = _now()
    _upsert(conn, sources, [{"event_id": i, "article_id": article.id, "role": STATED, "linked_at": now}
                            for i in sorted(ids)], ["event_id", "article_id"], keep=["linked_at"])
    others = sorted({(e.event_id, e.article_id) for e in found if e.article_id != article.id})
    _upsert(conn, sources, [{"event_id": i, "article_id": a, "role": LINKED, "linked_at": now} for i, a in others],
            ["event_id", "article_id"], update=False)


def save(engine: Engine, article: Article, found: Iterable[Event]) -> None:
    """Store an article and the events it states, in one transaction (an upsert by stable ids)."""
    with engine.begin() as conn:
        _save(conn, article, list(found))


def save_many(engine: Engine, batch: Iterable[tuple[Article, Iterable[Event]]]) -> int:
    """`save` for many articles in one transaction (bulk loads); returns the number of articles."""
    n = 0
    with engine.begin() as conn:
        for article, found in batch:
            _save(conn, article, list(found))
            n += 1
    return n


def add_sources(engine: Engine, event_id: str, article_ids: Iterable[str]) -> None:
    """Record that more (stored) articles tell an already stored event (cross-article merging).

    Re-adding a link is a no-op, and re-saving an article keeps the links added here."""
    now = _now()
    rows = [{"event_id": event_id, "article_id": a, "role": LINKED, "linked_at": now}
            for a in sorted(set(article_ids))]
    with engine.begin() as conn:
        _upsert(conn, sources, rows, ["event_id", "article_id"], update=False)


def skip_key(skip: Skip) -> str:
    """Stable identity of a skip, so recording the same bad line twice keeps one row."""
    ident = json.dumps([skip.source, skip.line, skip.record_id, skip.reason], ensure_ascii=True)
    return hashlib.sha256(ident.encode()).hexdigest()


def save_skip(engine: Engine, skip: Skip) -> None:
    with engine.begin() as conn:
        _upsert(conn, skips, [{"skip_key": skip_key(skip), "source": skip.source, "line": skip.line,
                               "record_id": skip.record_id, "reason": skip.reason, "detail": skip.detail,
                               "at": _now()}], ["skip_key"], keep=["at"])


def load_events(engine: Engine) -> list[Event]:
    with engine.connect() as conn:
        rows = conn.execute(select(events.c.record).order_by(events.c.event_date, events.c.event_id)).all()
    return [Event.model_validate(r[0]) for r in rows]
