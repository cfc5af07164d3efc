"""Indexes for /stats and for the substring filters.

Covering indexes let the three /stats groupings (day, country, type) read an index instead of the
wide events rows; they supersede the single-column event_date and event_type indexes.
PostgreSQL only: trigram (pg_trgm) indexes for the substring filters on evidence text and actor
names, where the server has the extension and the role may create it (in schema public, or wherever
it is already installed); without it those filters still work, only without an index.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-28
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATS = {
    "ix_events_stats_day": ["event_date", "fatalities"],
    "ix_events_stats_country": ["country", "event_date", "fatalities"],
    "ix_events_stats_type": ["event_type", "sub_event_type", "plover_type", "event_date", "fatalities"],
}
SUPERSEDED = {"ix_events_event_date": ["event_date"], "ix_events_event_type": ["event_type"]}
TRIGRAM = {  # name: (table, column)
    "ix_trgm_evidence_text": ("evidence", "text"),
    "ix_trgm_events_actor1_name": ("events", "actor1_name"),
    "ix_trgm_events_actor2_name": ("events", "actor2_name"),
}


def _trgm_schema() -> str | None:
    bind = op.get_bind()
    find = "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
    schema = bind.exec_driver_sql(find).scalar()
    if schema is not None:
        return schema
    if not bind.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").scalar():
        return None
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
    except DBAPIError:  # not permitted for this role: no trigram indexes, the filters still work
        return None
    return bind.exec_driver_sql(find).scalar()


def upgrade() -> None:
    for name, cols in STATS.items():
        op.create_index(name, "events", cols)
    for name in SUPERSEDED:
        op.drop_index(name, table_name="events")
    if op.get_bind().dialect.name != "postgresql":
        return
    schema = _trgm_schema()
    if schema is None:
        return
    ops = f"{schema}.gin_trgm_ops" if schema.startswith('"') else f'"{schema}".gin_trgm_ops'
    for name, (table, column) in TRIGRAM.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (lower({column}) {ops})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in TRIGRAM:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    for name, cols in SUPERSEDED.items():
        op.create_index(name, "events", cols)
    for name in STATS:
        op.drop_index(name, table_name="events")
