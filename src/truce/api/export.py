"""Exports of any filtered event query: ACLED-style CSV, GeoJSON and Parquet.

Rows come from `query.iter_rows` in keyset batches; CSV and GeoJSON stream batch by batch.
ACLED's column names are used where truce has the field; codes follow ACLED's codebook
(time_precision 1/2/3 = day/week/month; geo_precision 1/2/3 = town/district/region or wider;
inter codes 1 state forces .. 8 external/other forces). Unknown fatalities stay empty, not 0. Text
cells that a spreadsheet would evaluate as a formula are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Connection

from .filters import Filters
from .query import country_names, evidence_for, iter_rows, outlets_for

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "inter2", "interaction", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)
EXTRA_COLUMNS = ("iso3", "plover_type", "category", "injuries", "status", "confidence", "article_ids")
CSV_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
GEO_PRECISION = {"town": 1, "district": 2, "region": 3, "country": 3}
INTER = {"state_forces": 1, "government": 1, "rebels": 2, "militia": 3, "protesters": 6, "civilians": 7,
         "international": 8}


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    if event_type is None:
        return ""
    if event_type == "Protests":
        return ("Political violence; Demonstrations" if sub_event_type == "Excessive force against protesters"
                else "Demonstrations")
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit code: the lower inter code first; a lone actor gets a trailing 0."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _blank(v: Any) -> Any:
    return "" if v is None else v


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = ("actor1", "actor2", "admin1", "location", "source", "notes", "article_ids", "event_id_cnty")


def defuse(row: dict[str, Any]) -> dict[str, Any]:
    """Text from articles that a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    for col in TEXT_COLUMNS:
        v = row[col]
        if isinstance(v, str) and v.startswith(FORMULA_START):
            row[col] = "'" + v
    return row


def acled_row(r: Any, outlets: list[dict], spans: list[dict]) -> dict[str, Any]:
    i1, i2 = INTER.get(r.actor1_kind or ""), INTER.get(r.actor2_kind or "")
    names = country_names()
    return {
        "event_id_cnty": r.event_id,
        "event_date": r.event_date.isoformat() if r.event_date else "",
        "year": r.event_date.year if r.event_date else "",
        "time_precision": _blank(TIME_PRECISION.get(r.date_precision or "")),
        "disorder_type": disorder_type(r.event_type, r.sub_event_type),
        "event_type": _blank(r.event_type), "sub_event_type": _blank(r.sub_event_type),
        "actor1": _blank(r.actor1_name), "assoc_actor_1": "", "inter1": _blank(i1),
        "actor2": _blank(r.actor2_name), "inter2": _blank(i2), "interaction": _blank(interaction(i1, i2)),
        "country": names.get(r.country, r.country or ""), "admin1": _blank(r.admin1),
        "location": _blank(r.location_name), "latitude": _blank(r.latitude), "longitude": _blank(r.longitude),
        "geo_precision": _blank(GEO_PRECISION.get(r.geo_precision or "")),
        "source": "; ".join(dict.fromkeys(o["source"] or o["id"] for o in outlets)),
        "notes": " ".join(s["text"] for s in spans),
        "fatalities": _blank(r.fatalities),
        "iso3": _blank(r.country), "plover_type": r.plover_type, "category": r.category,
        "injuries": _blank(r.injuries), "status": r.status, "confidence": r.confidence,
        "article_ids": "; ".join(o["id"] for o in outlets),
    }


def _batches(conn: Connection, f: Filters, sort: str) -> Iterator[tuple[list[Any], dict, dict]]:
    for rows in iter_rows(conn, f, sort):
        ids = [r.event_id for r in rows]
        yield rows, outlets_for(conn, ids), evidence_for(conn, ids)


def csv_chunks(conn: Connection, f: Filters, sort: str) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    yield buf.getvalue()
    for rows, outlets, spans in _batches(conn, f, sort):
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
        for r in rows:
            w.writerow(defuse(acled_row(r, outlets[r.event_id], spans[r.event_id])))
        yield buf.getvalue()


def feature(r: Any, outlets: list[dict]) -> dict[str, Any]:
    """One RFC 7946 Feature; an event without coordinates has a null geometry."""
    rec = r.record if isinstance(r.record, dict) else json.loads(r.record)
    geom = ({"type": "Point", "coordinates": [r.longitude, r.latitude]}
            if r.longitude is not None and r.latitude is not None else None)
    props = {k: v for k, v in rec.items() if k != "event_id"}
    props["sources"] = [{**o, "published": o["published"].isoformat() if o["published"] else None}
                        for o in outlets]
    return {"type": "Feature", "id": r.event_id, "geometry": geom, "properties": props}


def geojson_chunks(conn: Connection, f: Filters, sort: str) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for rows, outlets, _spans in _batches(conn, f, sort):
        parts = [json.dumps(feature(r, outlets[r.event_id]), ensure_ascii=False) for r in rows]
        yield ("" if first else ",") + ",".join(parts)
        first = False
    yield "]}"


EVIDENCE = pa.struct([("article_id", pa.string()), ("text", pa.string()), ("start", pa.int32()),
                      ("end", pa.int32())])
PARQUET_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("article_id", pa.string()), ("source_article_ids", pa.list_(pa.string())),
    ("event_date", pa.date32()), ("date_precision", pa.string()), ("category", pa.string()),
    ("event_type", pa.string()), ("sub_event_type", pa.string()), ("plover_type", pa.string()),
    ("actor1_name", pa.string()), ("actor1_country", pa.string()), ("actor1_kind", pa.string()),
    ("actor2_name", pa.string()), ("actor2_country", pa.string()), ("actor2_kind", pa.string()),
    ("location_name", pa.string()), ("admin1", pa.string()), ("country", pa.string()),
    ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", pa.string()),
    ("geonameid", pa.int64()), ("fatalities", pa.int64()), ("injuries", pa.int64()), ("status", pa.string()),
    ("confidence", pa.float64()), ("evidence", pa.list_(EVIDENCE)),
])


def parquet_bytes(conn: Connection, f: Filters, sort: str) -> bytes:
    cols: dict[str, list[Any]] = {name: [] for name in PARQUET_SCHEMA.names}
    for rows, outlets, spans in _batches(conn, f, sort):
        for r in rows:
            for name in PARQUET_SCHEMA.names:
                if name == "source_article_ids":
                    cols[name].append([o["id"] for o in outlets[r.event_id]])
                elif name == "evidence":
                    cols[name].append(spans[r.event_id])
                else:
                    cols[name].append(getattr(r, name))
    table = pa.table(cols, schema=PARQUET_SCHEMA)
    out = io.BytesIO()
    pq.write_table(table, out, compression="zstd")
    return out.getvalue()
