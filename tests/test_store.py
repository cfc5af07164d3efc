"""The store on SQLite and on the real PostgreSQL server: migrations, idempotent upserts, round trips.

Also home of the helpers the API and dashboard tests share: `backend_url` (a fresh SQLite file or a
fresh PostgreSQL schema, dropped afterwards) and `corpus()` (constructed articles and events).
"""

from __future__ import annotations

import os
import sqlite3
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from truce import store
from truce.records import Actor, Article, Event, Evidence, Location, Skip

PG_URL = os.environ.get("TRUCE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


# --- shared helpers --------------------------------------------------------------------------------
def _pg_admin():
    """A psycopg connection to the test server, or a test failure (CI) / skip (elsewhere) saying why."""
    import psycopg

    try:
        return psycopg.connect(PG_URL, connect_timeout=5, autocommit=True)
    except psycopg.OperationalError as exc:
        why = f"PostgreSQL at {PG_URL} is unreachable: {str(exc).strip().splitlines()[0]}"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


@contextmanager
def fresh_backend(kind: str, folder: Path) -> Iterator[str]:
    """A database URL nobody else uses: a new SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if kind == "sqlite":
        yield str(folder / f"truce-{uuid.uuid4().hex[:8]}.sqlite")
        return
    schema = f"truce_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def backend_url(request, tmp_path) -> Iterator[str]:
    with fresh_backend(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def engine(backend_url):
    eng = store.connect(backend_url)
    yield eng
    eng.dispose()


PLACES = [  # name, admin1, country, lat, lon
    ("El Fasher", "North Darfur", "SDN", 13.63, 25.35),
    ("Kharkiv", "Kharkivska", "UKR", 49.99, 36.23),
    ("Port-au-Prince", "Ouest", "HTI", 18.54, -72.34),
    ("Suva", "Central", "FJI", -18.14, 178.44),
    ("Taveuni", "Northern", "FJI", -16.85, -179.97),
]
KINDS = [  # category, ACLED type, sub-type, PLOVER
    ("material", "Battles", "Armed clash", "ASSAULT"),
    ("material", "Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT"),
    ("material", "Protests", "Peaceful protest", "PROTEST"),
    ("verbal", None, None, "ACCUSE"),
]
ACTORS = [("Rapid Support Forces", "rebels"), ("Sudanese Armed Forces", "state_forces"),
          ("100% Volunteers_Group", "militia"), ("Kharkiv police", "state_forces"), ("G9 gang", "militia"),
          ("Local residents", "civilians")]
WORDS = ["mortar", "drone", "march", "statement", "ambush", "barrage", "sit-in"]


def corpus(n_articles: int = 14) -> list[tuple[Article, list[Event]]]:
    """Articles whose sentences state events; offsets are real, and every field varies across events."""
    out = []
    base = date(2024, 5, 6)
    for k in range(n_articles):
        published = base + timedelta(days=5 * k)
        sentences, found = [], []
        text = f"Report {k}.\n"
        for j in range(2 if k % 3 else 3):
            place = PLACES[(k + j) % len(PLACES)]
            kind = KINDS[(k + 2 * j) % len(KINDS)]
            a1, a2 = ACTORS[(k + j) % len(ACTORS)], ACTORS[(k + j + 2) % len(ACTORS)]
            word = WORDS[(3 * k + j) % len(WORDS)]
            sentence = f"{a1[0]} and {a2[0]} were involved in a {word} near {place[0]} (item {k}-{j})."
            start = len(text)
            text += sentence + " "
            sentences.append(sentence)
            dead = (k * 7 + j * 3) % 11
            undated = k == 3 and j == 1
            nowhere = k == 5 and j == 0
            found.append(Event(
                event_id=f"ev-{k:02d}-{j}", article_id=f"art/{k:02d}",
                event_date=None if undated else published - timedelta(days=j),
                date_precision=None if undated else ("week" if j == 2 else "day"),
                category=kind[0], event_type=kind[1], sub_event_type=kind[2], plover_type=kind[3],
                actor1=Actor(name=a1[0], country=place[2], kind=a1[1]),
                actor2=None if j == 2 else Actor(name=a2[0], country=None, kind=a2[1]),
                location=None if nowhere else Location(name=place[0], admin1=place[1], country=place[2],
                                                       latitude=place[3], longitude=place[4],
                                                       precision="town", geonameid=1000 + k),
                fatalities=dead or None, injuries=(k % 4) or None,
                status="scheduled" if kind[3] == "PROTEST" and k % 2 else "occurred",
                evidence=[Evidence(text=sentence, start=start, end=start + len(sentence))],
                confidence=round(0.5 + ((k * 13 + j) % 50) / 100, 2)))
        text += "\nThe end."
        art = Article(id=f"art/{k:02d}", text=text, published=published, language="en",
                      url=f"https://news{k % 3}.example.test/story/{k}", title=f"Story {k}: {sentences[0][:40]}")
        out.append((art, found))
    return out


def all_events(data: list[tuple[Article, list[Event]]]) -> list[Event]:
    return [e for _a, evs in data for e in evs]


# --- tests -----------------------------------------------------------------------------------------
def test_connect_runs_migrations_and_they_match_the_models(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        assert ctx.get_current_revision() == "0002"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # expression indexes cannot be reflected; the rest must match
            diffs = compare_metadata(ctx, store.metadata)
            indexes = {i["name"] for t in ("events", "evidence") for i in inspect(conn).get_indexes(t)}
        names = set(inspect(conn).get_table_names())
    trigram = {"ix_trgm_evidence_text", "ix_trgm_events_actor1_name", "ix_trgm_events_actor2_name"}
    # the PostgreSQL-only trigram indexes live in migration 0002, not in the portable models
    assert [d for d in diffs if not (d[0] == "remove_index" and d[1].name in trigram)] == []
    assert {"articles", "events", "evidence", "sources", "skips", "alembic_version"} <= names
    if engine.dialect.name == "postgresql":
        assert trigram <= indexes
    else:
        assert not trigram & indexes


def test_events_have_every_record_field_as_a_column():
    cols = set(store.events.c.keys())
    for name, field in Event.model_fields.items():
        if name in ("actor1", "actor2"):
            assert {f"{name}_name", f"{name}_country", f"{name}_kind"} <= cols
        elif name == "location":
            assert {"location_name", "admin1", "country", "latitude", "longitude", "geo_precision",
                    "geonameid"} <= cols
        elif name == "evidence":
            assert {"text", "start_offset", "end_offset"} <= set(store.evidence.c.keys())
        else:
            assert name in cols, f"{name} ({field.annotation}) has no column"
    assert "record" in cols


def test_save_round_trips_and_is_idempotent(engine):
    data = corpus(6)
    for art, evs in data:
        store.save(engine, art, evs)
    expected = sorted(all_events(data), key=lambda e: (e.event_date or date.min, e.event_id))

    def counts():
        with engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                    for t in (store.articles, store.events, store.evidence, store.sources)}

    first = counts()
    with engine.connect() as conn:
        stamps = dict(conn.execute(select(store.articles.c.id, store.articles.c.stored_at)).all())
    for art, evs in data:
        store.save(engine, art, evs)
    assert counts() == first == {"articles": 6, "events": len(expected), "evidence": len(expected),
                                 "sources": len(expected)}
    loaded = store.load_events(engine)
    assert {e.event_id: e for e in loaded} == {e.event_id: e for e in expected}
    with engine.connect() as conn:
        row = conn.execute(select(store.articles).where(store.articles.c.id == "art/01")).one()
        assert dict(conn.execute(select(store.articles.c.id, store.articles.c.stored_at)).all()) == stamps
        ev = conn.execute(select(store.events).where(store.events.c.event_id == "ev-01-0")).one()
    assert row.content_hash == store.content_hash(data[1][0].text) and len(row.content_hash) == 64
    assert row.source == "news1.example.test"
    e = data[1][1][0]
    assert (ev.actor1_name, ev.country, ev.latitude, ev.fatalities, ev.plover_type) == (
        e.actor1.name, e.location.country, e.location.latitude, e.fatalities, e.plover_type)


def test_resaving_an_article_replaces_what_it_states(engine):
    art, evs = corpus(1)[0]
    store.save(engine, art, evs)
    changed = evs[0].model_copy(update={"fatalities": 99, "evidence": [*evs[0].evidence, evs[1].evidence[0]]})
    store.save(engine, art, [changed])
    loaded = store.load_events(engine)
    assert [e.event_id for e in loaded] == [changed.event_id]
    assert loaded[0].fatalities == 99
    with engine.connect() as conn:
        spans = conn.execute(select(store.evidence.c.event_id, store.evidence.c.position)).all()
        links = conn.execute(select(store.sources.c.event_id)).scalars().all()
    assert sorted(spans) == [(changed.event_id, 0), (changed.event_id, 1)]
    assert links == [changed.event_id]


def test_an_event_keeps_every_source_article(engine):
    (a1, e1), (a2, e2) = corpus(2)
    store.save(engine, a1, e1)
    store.save(engine, a2, e2)
    told = e1[0].event_id
    store.add_sources(engine, told, [a2.id])
    store.add_sources(engine, told, [a2.id, a1.id])  # re-adding is a no-op; a1's own link stays "stated"

    def links():
        with engine.connect() as conn:
            return sorted(tuple(r) for r in conn.execute(
                select(store.sources.c.article_id, store.sources.c.role).where(store.sources.c.event_id == told)))

    assert links() == [(a1.id, "stated"), (a2.id, "linked")]
    store.save(engine, a2, e2)  # re-running the second article keeps the merge link
    assert links() == [(a1.id, "stated"), (a2.id, "linked")]
    store.save(engine, a1, e1[1:])  # a1 stops stating it: no article states it, so it goes with its links
    ids = {e.event_id for e in store.load_events(engine)}
    assert ids == {e.event_id for e in e1[1:] + e2}
    assert links() == []


def test_skips_are_recorded_once(engine):
    skip = Skip(source="in.jsonl", line=3, reason="malformed", detail="not valid JSON")
    store.save_skip(engine, skip)
    store.save_skip(engine, skip)
    store.save_skip(engine, Skip(source="in.jsonl", line=4, reason="empty", detail="text is empty"))
    with engine.connect() as conn:
        rows = conn.execute(select(store.skips.c.line, store.skips.c.reason).order_by(store.skips.c.line)).all()
    assert [tuple(r) for r in rows] == [(3, "malformed"), (4, "empty")]


def test_a_bare_path_is_a_sqlite_file_in_wal_mode(tmp_path):
    path = tmp_path / "x.sqlite"
    eng = store.connect(str(path))
    art, evs = corpus(1)[0]
    store.save(eng, art, evs)
    eng.dispose()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("select count(*) from events").fetchone()[0] == len(evs)


def test_a_database_from_before_migrations_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.execute("create table events (event_id text primary key, record text)")
    con.commit()
    con.close()
    with pytest.raises(store.LegacyDatabase, match="before schema migrations"):
        store.connect(str(path))


def test_postgres_urls_use_psycopg3():
    assert store.engine_url("postgresql://u@h/db").startswith("postgresql+psycopg://")
    assert store.engine_url("truce.sqlite") == "sqlite:///truce.sqlite"
    assert store.engine_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
