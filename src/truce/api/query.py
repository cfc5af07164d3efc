"""Read queries over the store: keyset-paginated event pages, one event, one article, stats.

Pagination is by keyset (sort key, event_id) so a page costs the same wherever it is and a cursor
stays valid while new events arrive. Cursors are opaque base64 JSON; a bad one is a 422.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Float, Integer, Select, and_, func, literal_column, or_, select

from ..store import FATALITIES_KEY, articles, events, evidence, sources
from .filters import BadParameter, Filters, date_key, where

Sort = Literal["-event_date", "event_date", "-fatalities", "fatalities", "-confidence", "confidence"]
SORTS: tuple[str, ...] = ("-event_date", "event_date", "-fatalities", "fatalities", "-confidence", "confidence")
DEFAULT_SORT: Sort = "-event_date"
UNDATED = date(1, 1, 1)


def _key(sort: str) -> ColumnElement[Any]:
    """The sort key expression; the same text as the index that backs it (see store)."""
    name = sort.lstrip("-")
    if name == "event_date":
        return date_key()
    if name == "fatalities":
        return literal_column(FATALITIES_KEY, type_=Integer)
    return literal_column("confidence", type_=Float)


@dataclass(frozen=True)
class Cursor:
    sort: str
    key: Any
    event_id: str

    def encode(self) -> str:
        key = self.key.isoformat() if isinstance(self.key, date) else self.key
        raw = json.dumps({"s": self.sort, "k": key, "i": self.event_id}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, sort: str) -> Cursor:
        try:
            obj = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
            s, k, i = obj["s"], obj["k"], obj["i"]
        except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
            raise BadParameter("cursor", "not a cursor this API issued") from None
        if s != sort:
            raise BadParameter("cursor", f"issued for sort={s!r}, not sort={sort!r}")
        if not isinstance(i, str) or len(i) > 128:
            raise BadParameter("cursor", "not a cursor this API issued")
        name = sort.lstrip("-")
        try:
            if name == "event_date":
                key: Any = date.fromisoformat(k)
            elif name == "fatalities":
                if not isinstance(k, int) or isinstance(k, bool) or abs(k) > 10**12:
                    raise ValueError(k)
                key = k
            else:
                if not isinstance(k, int | float) or isinstance(k, bool) or not 0 <= k <= 1:
                    raise ValueError(k)
                key = float(k)
        except (ValueError, TypeError):
            raise BadParameter("cursor", "not a cursor this API issued") from None
        return cls(sort, key, i)


def _row_key(sort: str, row: Any) -> Any:
    name = sort.lstrip("-")
    if name == "event_date":
        return row.event_date or UNDATED
    if name == "fatalities":
        return -1 if row.fatalities is None else row.fatalities
    return row.confidence


def page_select(f: Filters, sort: str, cursor: Cursor | None, limit: int) -> Select[Any]:
    key = _key(sort)
    desc = sort.startswith("-")
    conds = where(f)
    if cursor is not None:
        after = key < cursor.key if desc else key > cursor.key
        tie = events.c.event_id < cursor.event_id if desc else events.c.event_id > cursor.event_id
        conds.append(or_(after, and_(key == cursor.key, tie)))
    order = [key.desc(), events.c.event_id.desc()] if desc else [key.asc(), events.c.event_id.asc()]
    return select(events.c.event_id).where(*conds).order_by(*order).limit(limit)


def source_ids(conn: Connection, event_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {i: [] for i in event_ids}
    if event_ids:
        rows = conn.execute(select(sources.c.event_id, sources.c.article_id)
                            .where(sources.c.event_id.in_(event_ids))
                            .order_by(sources.c.event_id, sources.c.article_id))
        for ev, art in rows:
            out[ev].append(art)
    return out


def page(conn: Connection, f: Filters, sort: str, cursor: str | None, limit: int) -> tuple[list[dict], str | None]:
    """One page of event records (each with its source article ids) and the cursor of the next."""
    cur = Cursor.decode(cursor, sort) if cursor else None
    # Two steps: pick the page's ids from the indexes alone, then read just those rows' records.
    page_ids = list(conn.execute(page_select(f, sort, cur, limit + 1)).scalars())
    more = len(page_ids) > limit
    page_ids = page_ids[:limit]
    found = {r.event_id: r for r in conn.execute(
        select(events.c.event_id, events.c.event_date, events.c.fatalities, events.c.confidence, events.c.record)
        .where(events.c.event_id.in_(page_ids)))} if page_ids else {}
    rows = [found[i] for i in page_ids]
    srcs = source_ids(conn, [r.event_id for r in rows])
    items = [{**_record(r.record), "sources": srcs[r.event_id]} for r in rows]
    nxt = Cursor(sort, _row_key(sort, rows[-1]), rows[-1].event_id).encode() if more and rows else None
    return items, nxt


def _record(value: Any) -> dict:
    return json.loads(value) if isinstance(value, str) else dict(value)


def iter_rows(conn: Connection, f: Filters, sort: str, batch: int = 2000) -> Iterator[list[Any]]:
    """All matching event rows (every column) in `batch`-sized keyset pages, for exports."""
    cur: Cursor | None = None
    key = _key(sort)
    desc = sort.startswith("-")
    while True:
        conds = where(f)
        if cur is not None:
            after = key < cur.key if desc else key > cur.key
            tie = events.c.event_id < cur.event_id if desc else events.c.event_id > cur.event_id
            conds.append(or_(after, and_(key == cur.key, tie)))
        order = [key.desc(), events.c.event_id.desc()] if desc else [key.asc(), events.c.event_id.asc()]
        rows = conn.execute(select(events).where(*conds).order_by(*order).limit(batch)).all()
        if not rows:
            return
        yield rows
        if len(rows) < batch:
            return
        cur = Cursor(sort, _row_key(sort, rows[-1]), rows[-1].event_id)


def evidence_for(conn: Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {i: [] for i in event_ids}
    if event_ids:
        rows = conn.execute(select(evidence).where(evidence.c.event_id.in_(event_ids))
                            .order_by(evidence.c.event_id, evidence.c.position))
        for r in rows:
            out[r.event_id].append({"article_id": r.article_id, "text": r.text, "start": r.start_offset,
                                    "end": r.end_offset})
    return out


def outlets_for(conn: Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    """Each event's source articles (id, url, title, published, source), oldest publication first."""
    out: dict[str, list[dict]] = {i: [] for i in event_ids}
    if event_ids:
        rows = conn.execute(
            select(sources.c.event_id, articles.c.id, articles.c.url, articles.c.title, articles.c.published,
                   articles.c.source)
            .join(articles, articles.c.id == sources.c.article_id)
            .where(sources.c.event_id.in_(event_ids))
            .order_by(sources.c.event_id, articles.c.published, articles.c.id))
        for r in rows:
            out[r.event_id].append({"id": r.id, "url": r.url, "title": r.title, "published": r.published,
                                    "source": r.source})
    return out


def event_detail(conn: Connection, event_id: str) -> dict | None:
    row = conn.execute(select(events.c.record).where(events.c.event_id == event_id)).first()
    if row is None:
        return None
    return {**_record(row.record), "evidence_spans": evidence_for(conn, [event_id])[event_id],
            "articles": outlets_for(conn, [event_id])[event_id]}


def article_detail(conn: Connection, article_id: str) -> dict | None:
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    linked = conn.execute(
        select(events.c.event_id, events.c.event_date, events.c.category, events.c.event_type,
               events.c.sub_event_type, events.c.plover_type)
        .join(sources, sources.c.event_id == events.c.event_id)
        .where(sources.c.article_id == article_id)
        .order_by(events.c.event_id)).all()
    spans: dict[str, list[dict]] = {r.event_id: [] for r in linked}
    for r in conn.execute(select(evidence).where(evidence.c.article_id == article_id)
                          .order_by(evidence.c.event_id, evidence.c.position)):
        if r.event_id in spans:
            spans[r.event_id].append({"text": r.text, "start": r.start_offset, "end": r.end_offset})
    return {
        "id": row.id, "url": row.url, "title": row.title, "published": row.published, "source": row.source,
        "language": row.language, "content_hash": row.content_hash, "text": row.text,
        "events": [{"event_id": r.event_id, "event_date": r.event_date, "category": r.category,
                    "event_type": r.event_type, "sub_event_type": r.sub_event_type,
                    "plover_type": r.plover_type, "evidence": spans[r.event_id]} for r in linked],
    }


@cache
def country_names() -> dict[str, str]:
    """ISO alpha-3 -> English name, from truce's own country lexicon."""
    text = resources.files("truce.lexicons").joinpath("countries.json").read_text(encoding="utf-8")
    return {c["iso3"]: c["name"] for c in json.loads(text)}


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def stats(conn: Connection, f: Filters) -> dict:
    """Counts and fatalities for the filtered events: in total, by ISO week (Monday), country and type.

    Three grouped scans (day, country, type x PLOVER), each served by a covering index; weeks and
    totals are folded from the days here, so the SQL is the same on every database."""
    conds = where(f)
    n = func.count()
    dead = func.coalesce(func.sum(events.c.fatalities), 0)
    weeks: dict[date, list[int]] = {}
    undated = [0, 0]
    for day, count, fat in conn.execute(select(events.c.event_date, n, dead).where(*conds)
                                        .group_by(events.c.event_date)):
        slot = undated if day is None else weeks.setdefault(monday(day), [0, 0])
        slot[0] += count
        slot[1] += int(fat)
    names = country_names()
    by_country = [{"country": c, "name": names.get(c) if c else None, "events": k, "fatalities": int(x)}
                  for c, k, x in conn.execute(select(events.c.country, n, dead).where(*conds)
                                              .group_by(events.c.country))]
    types: dict[tuple[str | None, str | None], list[int]] = {}
    plover: dict[str, list[int]] = {}
    for t, s, p, k, x in conn.execute(
            select(events.c.event_type, events.c.sub_event_type, events.c.plover_type, n, dead).where(*conds)
            .group_by(events.c.event_type, events.c.sub_event_type, events.c.plover_type)):
        for slot in (types.setdefault((t, s), [0, 0]), plover.setdefault(p, [0, 0])):
            slot[0] += k
            slot[1] += int(x)

    def ranked(items: list[dict], *keys: str) -> list[dict]:
        return sorted(items, key=lambda d: (-d["events"], *((d[k] is None, d[k] or "") for k in keys)))

    total_events = sum(v[0] for v in weeks.values()) + undated[0]
    total_dead = sum(v[1] for v in weeks.values()) + undated[1]
    return {
        "events": total_events, "fatalities": total_dead,
        "by_week": [{"week": w, "events": v[0], "fatalities": v[1]} for w, v in sorted(weeks.items())],
        "undated": {"events": undated[0], "fatalities": undated[1]},
        "by_country": ranked(by_country, "country"),
        "by_type": ranked([{"event_type": t, "sub_event_type": s, "events": v[0], "fatalities": v[1]}
                           for (t, s), v in types.items()], "event_type", "sub_event_type"),
        "by_plover": ranked([{"plover_type": p, "events": v[0], "fatalities": v[1]} for p, v in plover.items()],
                            "plover_type"),
    }
