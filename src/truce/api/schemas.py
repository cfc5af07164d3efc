"""Response models: they document the API in OpenAPI and check what the routes return."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from ..records import Event


class Problem(BaseModel):
    """Every error is JSON: a short kind and the reason."""

    error: str
    reason: str


class EventItem(Event):
    sources: list[str]


class EventPage(BaseModel):
    items: list[EventItem]
    next_cursor: str | None
    limit: int
    sort: str


class ArticleRef(BaseModel):
    id: str
    url: str | None
    title: str | None
    published: date | None
    source: str | None


class EvidenceSpan(BaseModel):
    article_id: str
    text: str
    start: int
    end: int


class EventDetail(Event):
    evidence_spans: list[EvidenceSpan]
    articles: list[ArticleRef]


class Span(BaseModel):
    text: str
    start: int
    end: int


class ArticleEvent(BaseModel):
    event_id: str
    event_date: date | None
    category: str
    event_type: str | None
    sub_event_type: str | None
    plover_type: str
    evidence: list[Span]


class ArticleDetail(BaseModel):
    id: str
    url: str | None
    title: str | None
    published: date | None
    source: str | None
    language: str | None
    content_hash: str
    text: str
    events: list[ArticleEvent]


class Tally(BaseModel):
    events: int
    fatalities: int


class WeekTally(Tally):
    week: date


class CountryTally(Tally):
    country: str | None
    name: str | None


class TypeTally(Tally):
    event_type: str | None
    sub_event_type: str | None


class PloverTally(Tally):
    plover_type: str


class Stats(Tally):
    by_week: list[WeekTally]
    undated: Tally
    by_country: list[CountryTally]
    by_type: list[TypeTally]
    by_plover: list[PloverTally]
