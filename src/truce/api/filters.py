"""The event filters the API, the exports, the stats and the dashboard share, and their SQL.

`Filters` is a plain value; `where` turns it into SQLAlchemy clauses in which every user value is a
bound parameter (LIKE patterns are escaped, never spliced into SQL text).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal, get_args

from fastapi import HTTPException, Query
from sqlalchemy import ColumnElement, Date, and_, func, literal_column, or_, select

from ..records import ACLED_TYPES, SUB_TO_TYPE, PloverType
from ..store import DATE_KEY, events, evidence

EventType = Literal[tuple(ACLED_TYPES)]  # type: ignore[valid-type]
SubEventType = Literal[tuple(SUB_TO_TYPE)]  # type: ignore[valid-type]
Category = Literal["material", "verbal"]
MAX_TEXT = 200
MAX_WORDS = 8
MAX_FATALITIES = 10**9


class BadParameter(HTTPException):
    """A query parameter that parses but makes no sense; answered 422 with the reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(status_code=422, detail=f"{name}: {reason}")


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    country: tuple[str, ...] = ()
    admin1: str | None = None
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    plover_type: tuple[str, ...] = ()
    category: str | None = None
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_fatalities: int | None = None
    q: str | None = None


def _clean_text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if any(ord(ch) < 32 for ch in value):
        raise BadParameter(name, "control characters are not allowed")
    value = value.strip()
    return value or None


def _split(values: list[str] | None) -> list[str]:
    """Repeated parameters and comma-separated lists are the same thing (`country=SDN,UKR`)."""
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """`min_lon,min_lat,max_lon,max_lat`; min_lon > max_lon means the box crosses the antimeridian."""
    if text is None or not text.strip():
        return None
    parts = text.split(",")
    if len(parts) != 4:
        raise BadParameter("bbox", "expected four numbers: min_lon,min_lat,max_lon,max_lat")
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise BadParameter("bbox", "expected four numbers: min_lon,min_lat,max_lon,max_lat") from None
    if not all(math.isfinite(x) for x in (w, s, e, n)):
        raise BadParameter("bbox", "numbers must be finite")
    if not (-180 <= w <= 180 and -180 <= e <= 180):
        raise BadParameter("bbox", "longitudes must lie in [-180, 180]")
    if not (-90 <= s <= 90 and -90 <= n <= 90):
        raise BadParameter("bbox", "latitudes must lie in [-90, 90]")
    if s > n:
        raise BadParameter("bbox", "min_lat is greater than max_lat")
    return (w, s, e, n)


def filters_from_query(
    date_from: Annotated[date | None, Query(description="events on or after this day (YYYY-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(description="events on or before this day (YYYY-MM-DD)")] = None,
    country: Annotated[list[str] | None, Query(
        description="ISO 3166-1 alpha-3 code of the event's place; repeat or comma-separate for several")] = None,
    admin1: Annotated[str | None, Query(max_length=MAX_TEXT, description="first-level region, exact")] = None,
    event_type: Annotated[list[EventType] | None, Query(description="ACLED event type")] = None,
    sub_event_type: Annotated[list[SubEventType] | None, Query(description="ACLED sub-event type")] = None,
    plover_type: Annotated[list[PloverType] | None, Query(description="PLOVER event type")] = None,
    category: Annotated[Category | None, Query(description="material or verbal")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="text within actor1 or actor2")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=MAX_FATALITIES)] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT,
                                   description="words that must all occur in the event's evidence")] = None,
) -> Filters:
    """FastAPI dependency: query parameters -> Filters, or a 422 that says which one is wrong and why."""
    countries = []
    for c in _split(country):
        if len(c) != 3 or not c.isascii() or not c.isalpha():
            raise BadParameter("country", f"{c!r} is not an ISO 3166-1 alpha-3 code")
        countries.append(c.upper())
    if date_from and date_to and date_from > date_to:
        raise BadParameter("date_from", "is after date_to")
    text = _clean_text("q", q)
    if text and len(text.split()) > MAX_WORDS:
        raise BadParameter("q", f"at most {MAX_WORDS} words")
    return Filters(
        date_from=date_from, date_to=date_to, country=tuple(dict.fromkeys(countries)),
        admin1=_clean_text("admin1", admin1), event_type=tuple(event_type or ()),
        sub_event_type=tuple(sub_event_type or ()), plover_type=tuple(plover_type or ()), category=category,
        actor=_clean_text("actor", actor), bbox=parse_bbox(_clean_text("bbox", bbox)),
        min_fatalities=min_fatalities, q=text,
    )


def date_key() -> ColumnElement[date]:
    """The event date with undated events as 0001-01-01: the expression the date indexes are built on."""
    return literal_column(DATE_KEY, type_=Date)


def where(f: Filters) -> list[ColumnElement[bool]]:
    """SQL conditions for `f` on the events table; all values bound."""
    c = events.c
    out: list[ColumnElement[bool]] = []
    # Dates are also bounded on the indexed sort key, so a range seeks the (country, date) index.
    if f.date_from:
        out += [c.event_date >= f.date_from, date_key() >= f.date_from]
    if f.date_to:
        out += [c.event_date <= f.date_to, date_key() <= f.date_to]
    if f.country:
        out.append(c.country.in_(f.country))
    if f.admin1:
        out.append(func.lower(c.admin1) == f.admin1.lower())
    if f.event_type:
        out.append(c.event_type.in_(f.event_type))
    if f.sub_event_type:
        out.append(c.sub_event_type.in_(f.sub_event_type))
    if f.plover_type:
        out.append(c.plover_type.in_(f.plover_type))
    if f.category:
        out.append(c.category == f.category)
    if f.actor:
        needle = f.actor.lower()
        out.append(or_(func.lower(c.actor1_name).contains(needle, autoescape=True),
                       func.lower(c.actor2_name).contains(needle, autoescape=True)))
    if f.bbox:
        w, s, e, n = f.bbox
        lon = and_(c.longitude >= w, c.longitude <= e) if w <= e else or_(c.longitude >= w, c.longitude <= e)
        out.append(and_(lon, c.latitude >= s, c.latitude <= n))
    if f.min_fatalities is not None:
        out.append(c.fatalities >= f.min_fatalities)
    if f.q:
        for word in f.q.lower().split():
            out.append(select(evidence.c.event_id).where(
                evidence.c.event_id == c.event_id,
                func.lower(evidence.c.text).contains(word, autoescape=True)).exists())
    return out


def as_params(f: Filters) -> dict[str, str | list[str]]:
    """The query parameters that reproduce `f` (used for export links and tests)."""
    out: dict[str, str | list[str]] = {}
    for name in ("date_from", "date_to", "admin1", "category", "actor", "min_fatalities", "q"):
        v = getattr(f, name)
        if v is not None:
            out[name] = str(v)
    for name in ("country", "event_type", "sub_event_type", "plover_type"):
        if getattr(f, name):
            out[name] = list(getattr(f, name))
    if f.bbox:
        out["bbox"] = ",".join(str(x) for x in f.bbox)
    return out


PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)
