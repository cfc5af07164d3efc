"""Initial schema: articles, events (every Event field as a column), evidence, sources, skips.

Revision ID: 0001
Revises:
Create Date: 2025-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DATE_KEY = "coalesce(event_date, '0001-01-01')"
FATALITIES_KEY = "coalesce(fatalities, -1)"


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(512), primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("source", sa.String(255)),
        sa.Column("language", sa.String(32)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("stored_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_source", "articles", ["source"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])

    op.create_table(
        "events",
        sa.Column("event_id", sa.String(128), primary_key=True),
        sa.Column("article_id", sa.String(512), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("event_type", sa.String(64)),
        sa.Column("sub_event_type", sa.String(64)),
        sa.Column("plover_type", sa.String(16), nullable=False),
        sa.Column("actor1_name", sa.Text),
        sa.Column("actor1_country", sa.String(3)),
        sa.Column("actor1_kind", sa.String(16)),
        sa.Column("actor2_name", sa.Text),
        sa.Column("actor2_country", sa.String(3)),
        sa.Column("actor2_kind", sa.String(16)),
        sa.Column("location_name", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("country", sa.String(3)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.String(16)),
        sa.Column("geonameid", sa.Integer),
        sa.Column("fatalities", sa.Integer),
        sa.Column("injuries", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    for col in ("article_id", "event_date", "event_type", "sub_event_type", "plover_type"):
        op.create_index(f"ix_events_{col}", "events", [col])
    op.create_index("ix_events_date_key", "events", [sa.text(DATE_KEY), "event_id"])
    op.create_index("ix_events_fatalities_key", "events", [sa.text(FATALITIES_KEY), "event_id"])
    op.create_index("ix_events_confidence_key", "events", ["confidence", "event_id"])
    op.create_index("ix_events_country_date_key", "events", ["country", sa.text(DATE_KEY), "event_id"])
    op.create_index("ix_events_lon_lat_date_key", "events", ["longitude", "latitude", sa.text(DATE_KEY), "event_id"])

    op.create_table(
        "evidence",
        sa.Column("event_id", sa.String(128), sa.ForeignKey("events.event_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(512), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
    )
    op.create_index("ix_evidence_article_id", "evidence", ["article_id"])

    op.create_table(
        "sources",
        sa.Column("event_id", sa.String(128), sa.ForeignKey("events.event_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("article_id", sa.String(512), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("linked_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_sources_article_id", "sources", ["article_id"])

    op.create_table(
        "skips",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("skip_key", sa.String(64), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("line", sa.Integer),
        sa.Column("record_id", sa.Text),
        sa.Column("reason", sa.String(64)),
        sa.Column("detail", sa.Text),
        sa.Column("at", sa.String(40)),
        sa.UniqueConstraint("skip_key", name="uq_skips_skip_key"),
    )
    op.create_index("ix_skips_reason", "skips", ["reason"])


def downgrade() -> None:
    for table in ("skips", "sources", "evidence", "events", "articles"):
        op.drop_table(table)
