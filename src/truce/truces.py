"""Ceasefire watch: truces agreed in the news, and the violence and accusations that follow them.

Rules (also in docs/merging.md):

- A truce is an AGREE event one of whose evidence sentences names a truce ("ceasefire", "truce",
  "armistice", "cessation of hostilities") without presenting it as only talked about, proposed,
  called for or rejected. Its parties are the event's actors (a side named "A and B" gives two);
  its party countries their countries. Its area is the party countries (a truce signed abroad
  covers home), narrowed to the agreement's admin1 when the agreement is placed there (a local
  truce); with no party country, the agreement's place country. An agreement naming no party is
  not registered (nothing to watch).
  It starts on the agreement's date (the next day when it "will take effect at midnight"), and
  ends after a stated length ("a 72-hour truce", "a seven-day ceasefire") or stays open.
  Reports of one truce (same party countries and area, agreed within 3 days) are one truce.
- A violation is an ASSAULT event dated after the agreement day, within the truce's dates, in its
  area, whose every actor with a known country belongs to a party country and at least one actor
  does. For a truce whose parties share one country (a civil war), that means armed violence
  between that country's actors in the area: actor names are not reconciled across aliases.
- An accusation is an ACCUSE event from the agreement day on, one of whose sentences speaks of
  violating or breaching a truce, with a party among its actors.
- Violence and accusations go to the latest matching truce agreed before them. Events are merged
  across articles first (truce.merge), so ten reports of one clash are one violation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from .merge import CanonicalEvent, EventRef, event_ref, merge_events
from .records import Actor, Event, Record

TRUCE_WORD = r"(?:cease-?\s?fires?|truces?|armistices?|cessations? of hostilities)"
TRUCE_RE = re.compile(rf"\b{TRUCE_WORD}\b", re.I)
# The truce is only discussed, asked for, proposed or refused: not an agreement to one.
NOT_AGREED_RE = re.compile(
    rf"\b(?:talks?|negotiat\w*|discuss\w*|call(?:ed|s|ing)? for|urg(?:e|ed|es|ing)|appeal\w*|demand\w*|"
    rf"reject\w*|refus\w*|rul\w* out|no)\b[^.;]{{0,40}}\b{TRUCE_WORD}", re.I)
VIOLATION_RE = re.compile(
    rf"\b(?:violat\w*|breach\w*|brok(?:e|en)|break\w*|flout\w*|undermin\w*)\b[^.;]{{0,60}}\b{TRUCE_WORD}|"
    rf"\b{TRUCE_WORD}\s+(?:violations?|breach\w*)", re.I)
FUTURE_MIDNIGHT_RE = re.compile(r"\b(?:will|to|shall|is due to|would)\s+(?:take effect|begin|start|come into)"
                                r"[^.;]{0,40}\bmidnight\b|\bfrom midnight\b", re.I)
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30}
LENGTH_RE = re.compile(
    rf"\b(\d+|{'|'.join(NUMBERS)})[- ](hour|day|week|month)s?(?:-long)?[- ](?:\w+[- ])?{TRUCE_WORD}|"
    rf"\b{TRUCE_WORD}\b[^.;]{{0,30}}\bfor\s+(\d+|{'|'.join(NUMBERS)})\s+(hour|day|week|month)s?", re.I)
UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}
SAME_TRUCE_DAYS = 3


class Party(Record):
    name: str
    country: str | None = None


class Truce(Record):
    truce_id: str
    parties: list[Party]
    party_countries: list[str]
    area_countries: list[str]
    area_admin1: str | None = None
    agreed_on: date
    start: date
    end: date | None = None
    evidence: list[str]
    article_ids: list[str]


class TruceStatus(Record):
    truce: Truce
    violations: list[EventRef]
    accusations: list[EventRef]
    violation_count: int
    fatalities: int
    last_violation: date | None = None
    days_since_last_violation: int | None = None
    days_in_force: int | None = None


def _texts(c: CanonicalEvent) -> list[str]:
    return [ev.text for s in c.sources for ev in s.evidence]


def is_truce_text(text: str) -> bool:
    """A sentence that makes an agreement a truce (not only a truce talked about)."""
    return bool(TRUCE_RE.search(text)) and not NOT_AGREED_RE.search(text)


def truce_length_days(texts: Iterable[str]) -> int | None:
    """Stated length of a truce in whole days (a 72-hour truce lasts 3), if any sentence gives one."""
    for t in texts:
        m = LENGTH_RE.search(t)
        if m:
            n, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            count = int(n) if n.isdigit() else NUMBERS[n.lower()]
            return max(1, round(count * UNIT_DAYS[unit.lower()]))
    return None


def _split_parties(actor: Actor | None) -> list[Party]:
    if actor is None:
        return []
    names = [n.strip(" ,") for n in re.split(r"\s+(?:and|&)\s+", actor.name) if n.strip(" ,")]
    return [Party(name=n, country=actor.country) for n in names] or [Party(name=actor.name, country=actor.country)]


def truce_from(c: CanonicalEvent) -> Truce | None:
    """The truce an agreement registers, or None when the agreement is not a truce."""
    e = c.event
    if e.plover_type != "AGREE" or e.event_date is None:
        return None
    texts = _texts(c)
    if not any(is_truce_text(t) for t in texts):
        return None
    parties = _split_parties(e.actor1) + _split_parties(e.actor2)
    if not parties:
        return None  # a truce between nobody named cannot be watched
    countries = sorted({p.country for p in parties if p.country})
    loc = e.location
    area = countries or ([loc.country] if loc and loc.country else [])
    if not area:
        return None  # nowhere to watch
    admin1 = loc.admin1 if loc and loc.country in area and loc.precision != "country" else None
    start = e.event_date + timedelta(days=1) if any(FUTURE_MIDNIGHT_RE.search(t) for t in texts) else e.event_date
    length = truce_length_days(texts)
    return Truce(
        truce_id="t-" + c.canonical_id.removeprefix("c-"), parties=parties, party_countries=countries,
        area_countries=area, area_admin1=admin1, agreed_on=e.event_date, start=start,
        end=start + timedelta(days=length - 1) if length else None,
        evidence=[t for t in texts if TRUCE_RE.search(t)],
        article_ids=sorted({s.article_id for s in c.sources}),
    )


def register_truces(canonical: Iterable[CanonicalEvent]) -> list[Truce]:
    """Truces from merged events, one per truce (reports a few days apart of one deal are one)."""
    found = sorted((t for c in canonical if (t := truce_from(c)) is not None), key=lambda t: (t.agreed_on, t.truce_id))
    out: list[Truce] = []
    for t in found:
        same = next((u for u in out if u.party_countries == t.party_countries and u.area_countries == t.area_countries
                     and (t.agreed_on - u.agreed_on).days <= SAME_TRUCE_DAYS), None)
        if same is None:
            out.append(t)
            continue
        merged = same.model_copy(update={
            "end": same.end or t.end,
            "evidence": same.evidence + [x for x in t.evidence if x not in same.evidence],
            "article_ids": sorted(set(same.article_ids) | set(t.article_ids)),
            "parties": same.parties + [p for p in t.parties if p not in same.parties],
        })
        out[out.index(same)] = merged
    return out


def _in_area(e: Event, t: Truce) -> bool:
    loc = e.location
    if loc is None or loc.country is None:
        countries = {a.country for a in (e.actor1, e.actor2) if a and a.country}
        return bool(countries & set(t.area_countries))
    if loc.country not in t.area_countries:
        return False
    return t.area_admin1 is None or loc.admin1 is None or loc.admin1 == t.area_admin1


def between_parties(e: Event, t: Truce) -> bool:
    countries = [a.country for a in (e.actor1, e.actor2) if a and a.country]
    return bool(countries) and all(c in t.party_countries for c in countries)


def _active(t: Truce, d: date) -> bool:
    return d > t.agreed_on and d >= t.start and (t.end is None or d <= t.end)


def is_violation(c: CanonicalEvent, t: Truce) -> bool:
    e = c.event
    return (e.plover_type == "ASSAULT" and e.event_date is not None and _active(t, e.event_date)
            and _in_area(e, t) and between_parties(e, t))


def is_accusation(c: CanonicalEvent, t: Truce) -> bool:
    e = c.event
    if e.plover_type != "ACCUSE" or e.event_date is None or e.event_date < t.agreed_on:
        return False
    if t.end is not None and e.event_date > t.end + timedelta(days=SAME_TRUCE_DAYS):
        return False
    if not any(VIOLATION_RE.search(x) for x in _texts(c)):
        return False
    return any(a is not None and a.country in t.party_countries for a in (e.actor1, e.actor2))


def latest(truces: list[Truce]) -> Truce:
    """The most recently agreed of several matching truces."""
    return max(truces, key=lambda t: (t.agreed_on, t.truce_id))


def truce_statuses(canonical: list[CanonicalEvent], today: date | None = None) -> list[TruceStatus]:
    """Every truce with its violations and accusations; `today` (default: the latest event date)
    anchors "days since last violation"."""
    truces = register_truces(canonical)
    if today is None:
        days = [c.event.event_date for c in canonical if c.event.event_date]
        today = max(days) if days else None
    violations: dict[str, list[EventRef]] = {t.truce_id: [] for t in truces}
    accusations: dict[str, list[EventRef]] = {t.truce_id: [] for t in truces}
    for c in sorted(canonical, key=lambda c: (c.event.event_date or date.max, c.canonical_id)):
        d = c.event.event_date
        if d is None:
            continue
        hit = [t for t in truces if is_violation(c, t)]
        if hit:
            violations[latest(hit).truce_id].append(event_ref(c))
        hit = [t for t in truces if is_accusation(c, t)]
        if hit:
            accusations[latest(hit).truce_id].append(event_ref(c))
    out = []
    for t in truces:
        vs = violations[t.truce_id]
        last = max((v.event_date for v in vs if v.event_date), default=None)
        out.append(TruceStatus(
            truce=t, violations=vs, accusations=accusations[t.truce_id], violation_count=len(vs),
            fatalities=sum(v.fatalities or 0 for v in vs), last_violation=last,
            days_since_last_violation=(today - last).days if today and last else None,
            days_in_force=(today - t.start).days if today and today >= t.start else None,
        ))
    return out


def watch(events: Iterable[Event], urls: Mapping[str, str] | None = None,
          today: date | None = None) -> list[TruceStatus]:
    """Truces and their status from raw per-article events (merged across articles first)."""
    return truce_statuses(merge_events(events, urls), today)
