"""Synthetic multi-outlet reporting for the merging benchmarks: true happenings, and the reports
different outlets would file about them (a day off, a nearby or coarser place, a side missing or
swapped, shelling told as a clash, differing tolls, several happenings in one roundup article).

`reports(n_events, days, seed)` returns (reports, truth, urls): truth maps event id -> happening.
Places are synthetic points grouped into a few countries; some towns are hot spots with fighting
on most days, so that the merger has distinct happenings at one place a day apart to keep apart.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from truce.records import SUB_TO_TYPE, Actor, Event, Evidence, Location

COUNTRIES = ["UKR", "SDN", "MLI", "BFA", "SOM", "MMR", "COD", "NGA", "SYR", "YEM"]
OUTLETS = [f"outlet{i}.test" for i in range(25)]
KINDS = {
    "Armed clash": ("state_forces", "rebels"),
    "Shelling/artillery/missile attack": ("state_forces", "state_forces"),
    "Air/drone strike": ("state_forces", "rebels"),
    "Attack": ("rebels", "civilians"),
    "Abduction/forced disappearance": ("militia", "civilians"),
    "Peaceful protest": ("protesters", None),
}
PLOVER = {"Peaceful protest": "PROTEST"}
SUB_WEIGHTS = [("Armed clash", 40), ("Shelling/artillery/missile attack", 25), ("Air/drone strike", 10),
               ("Attack", 12), ("Abduction/forced disappearance", 5), ("Peaceful protest", 8)]


@dataclass(frozen=True)
class Town:
    name: str
    country: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Happening:
    hid: int
    day: date
    town: Town
    sub: str
    actor1: Actor | None
    actor2: Actor | None
    fatalities: int


def towns(rng: random.Random, per_country: int = 40) -> list[Town]:
    out = []
    for ci, c in enumerate(COUNTRIES):
        lat0, lon0 = -20 + 5 * ci, -10 + 12 * ci  # a 4 x 5 degree box per country, boxes apart
        for j in range(per_country):
            out.append(Town(f"{c}-town{j}", c, round(lat0 + rng.uniform(0, 4), 4), round(lon0 + rng.uniform(0, 5), 4)))
    return out


def _offset(lat: float, lon: float, km: float, rng: random.Random) -> tuple[float, float]:
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = km * math.cos(bearing) / 111.2
    dlon = km * math.sin(bearing) / (111.2 * math.cos(math.radians(lat)))
    return round(lat + dlat, 4), round(lon + dlon, 4)


def happenings(n: int, days: int, rng: random.Random, start: date = date(2024, 1, 1)) -> list[Happening]:
    ts = towns(rng)
    hot = rng.sample(ts, max(1, len(ts) // 20))
    subs, weights = zip(*SUB_WEIGHTS, strict=True)
    out = []
    for i in range(n):
        town = rng.choice(hot) if rng.random() < 0.3 else rng.choice(ts)
        sub = rng.choices(subs, weights)[0]
        k1, k2 = KINDS[sub]
        foreign = town.country == "UKR" and sub != "Peaceful protest"
        a1 = Actor(name=f"{k1} of {'RUS' if foreign else town.country}", country="RUS" if foreign else town.country,
                   kind=k1)
        a2 = Actor(name=f"{k2} of {town.country}", country=town.country, kind=k2) if k2 else None
        fat = 0 if sub == "Peaceful protest" else min(200, int(rng.expovariate(1 / 4)))
        out.append(Happening(i, start + timedelta(days=rng.randrange(days)), town, sub, a1, a2, fat))
    return out


def _report(h: Happening, rid: str, article: str, rng: random.Random) -> Event:
    day, prec = h.day, "day"
    r = rng.random()
    if r < 0.25:
        day += timedelta(days=rng.choice([-1, 1]))
    elif r < 0.28:
        day, prec = day + timedelta(days=rng.randint(-3, 3)), "week"
    lat, lon, name, precision = h.town.lat, h.town.lon, h.town.name, "town"
    r = rng.random()
    if r < 0.2:
        lat, lon = _offset(lat, lon, rng.uniform(3, 25), rng)
        name = f"near {h.town.name}"
    elif r < 0.32:
        lat, lon = _offset(lat, lon, rng.uniform(5, 50), rng)
        name, precision = f"{h.town.name} district", "district"
    elif r < 0.38:
        lat, lon = _offset(lat, lon, rng.uniform(20, 150), rng)
        name, precision = f"{h.town.country} region", "region"
    elif r < 0.41:
        name, precision = h.town.country, "country"
    loc = Location(name=name, country=h.town.country, latitude=lat, longitude=lon, precision=precision)
    a1, a2 = h.actor1, h.actor2
    if rng.random() < 0.25:
        if rng.random() < 0.5:
            a1 = None
        else:
            a2 = None
    if a1 is not None and rng.random() < 0.1:
        a1 = a1.model_copy(update={"country": None})
    sub = h.sub
    if sub in ("Armed clash", "Shelling/artillery/missile attack") and rng.random() < 0.2:
        sub = "Armed clash" if sub != "Armed clash" else "Shelling/artillery/missile attack"
    if SUB_TO_TYPE[sub] == "Battles" and rng.random() < 0.15:
        a1, a2 = a2, a1
    fat: int | None = h.fatalities
    r = rng.random()
    if r < 0.2:
        fat = None
    elif r < 0.5 and h.fatalities:
        fat = max(0, h.fatalities + rng.randint(-max(1, h.fatalities // 3), max(1, h.fatalities // 3)))
    text = f"Report {rid} of happening {h.hid}."
    return Event(event_id=rid, article_id=article, event_date=day, date_precision=prec,
                 category="material", event_type=SUB_TO_TYPE[sub], sub_event_type=sub,
                 plover_type=PLOVER.get(sub, "ASSAULT"), actor1=a1, actor2=a2, location=loc, fatalities=fat,
                 evidence=[Evidence(text=text, start=0, end=len(text))], confidence=round(rng.uniform(0.6, 0.95), 2))


def reports(n_events: int, days: int, seed: int = 0) -> tuple[list[Event], dict[str, int], dict[str, str]]:
    """Reports of `n_events` happenings over `days` days; truth: report id -> happening id."""
    rng = random.Random(seed)
    out: list[Event] = []
    truth: dict[str, int] = {}
    urls: dict[str, str] = {}
    roundups: dict[tuple[str, date, str], list[tuple[str, set[int]]]] = {}
    for h in happenings(n_events, days, rng):
        n = min(8, 1 + int(rng.expovariate(1 / 1.6)))
        for outlet in rng.sample(OUTLETS, n):
            key = (outlet, h.day, h.town.country)
            open_articles = [a for a in roundups.get(key, []) if h.hid not in a[1]]
            if open_articles and rng.random() < 0.3:
                article, told = open_articles[0]
            else:
                article, told = f"{outlet}/{len(urls)}", set()
                roundups.setdefault(key, []).append((article, told))
                urls[article] = f"https://{outlet}/{len(urls)}"
            told.add(h.hid)
            rid = f"r{len(out)}"
            out.append(_report(h, rid, article, rng))
            truth[rid] = h.hid
    return out, truth, urls
