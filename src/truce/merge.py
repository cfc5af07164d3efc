"""Cross-article merging: many reports of one happening become one canonical event with its sources.

Two reports may describe the same happening when they pass every gate of `compatible` (same
PLOVER type and status, compatible ACLED types, dates within the coarser date precision, places
within a distance set by the coarser place precision, actors that do not contradict each other)
and come from different articles. Among the candidate canonical events a report joins the one it
scores best with (`pair_score`, averaged over the members: complete linkage), else it starts one.

Order independence: the clustering is *defined* as that greedy pass taken in a fixed order of
the reports (date, then event id), so it is a function of the set of reports alone. `Merger` keeps
it up to date incrementally: a new report is placed as the greedy pass would place it, and only
the later reports whose choice could change (neighbours of a canonical event that changed) are
placed again, in the same order, until nothing changes. Reports are found through an index keyed
by day and a one-degree cell (or by country for coarse places and vague dates), so the work per
report depends on how many reports share its days and neighbourhood, not on the store's size.

Reconciliation rules (`reconcile`, also in docs/merging.md): finest date precision, most reported
day among those, ties to the earliest; finest place precision, most reported place among those,
ties to the earliest report; event and sub-event type most reported; fatalities and injuries the
lowest reported figure (ACLED's conservative convention) with the range kept; confidence rising
with independent outlets (one outlet = one URL host).
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from .records import Actor, Event, Evidence, Location, Record

DATE_TOLERANCE = {"day": 1, "week": 7, "month": 31}
PLACE_RANK = {"town": 0, "district": 1, "region": 2, "country": 3}
PLACE_KM = {"town": 40.0, "district": 80.0, "region": 250.0}
MAX_KM = max(PLACE_KM.values())
# A report joins a canonical event only when it agrees with its members beyond the bare gates (mean
# pair_score): e.g. same sub-type and day (0.5) will do; another sub-type a day off at 20 km (0.35) won't.
MIN_JOIN_SCORE = 0.4
KM_PER_DEGREE = 111.2

# ACLED event types that outlets use for one happening: a clash reported as shelling, shelling that
# killed civilians reported as an attack on them, a protest that turned into a riot.
COMPATIBLE_TYPES = {
    frozenset({"Battles", "Explosions/Remote violence"}),
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Battles", "Violence against civilians"}),
    frozenset({"Protests", "Riots"}),
}
# Sub-types that name a distinct kind of happening: they merge only with themselves.
DISTINCT_SUBTYPES = {"Sexual violence", "Abduction/forced disappearance", "Chemical weapon"}
# Types whose two sides are interchangeable (a clash "between A and B" is also one between B and A).
SYMMETRIC_PLOVER = {"CONSULT", "COOPERATE", "AGREE"}
SIDE_GROUP = {"state_forces": "state", "government": "state", "rebels": "nonstate", "militia": "nonstate"}
KIND_GROUP = {**SIDE_GROUP, "civilians": "people", "protesters": "people", "international": "international"}


class Source(Record):
    """One report of a canonical event: which article said it, where, and in which sentences."""

    article_id: str
    event_id: str
    url: str | None = None
    outlet: str
    event_date: date | None = None
    place: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    confidence: float
    evidence: list[Evidence]


class CanonicalEvent(Record):
    """One happening told by one or more articles: a reconciled record plus every source."""

    canonical_id: str
    event: Event
    sources: list[Source]
    source_count: int
    outlet_count: int
    fatalities_range: tuple[int, int] | None = None
    injuries_range: tuple[int, int] | None = None


class EventRef(Record):
    """A short handle on a canonical event, for truces and alerts to list what they rest on."""

    canonical_id: str
    event_date: date | None = None
    plover_type: str
    sub_event_type: str | None = None
    place: str | None = None
    admin1: str | None = None
    country: str | None = None
    fatalities: int | None = None
    source_count: int
    article_ids: list[str]


def event_ref(c: CanonicalEvent) -> EventRef:
    e, loc = c.event, c.event.location
    return EventRef(canonical_id=c.canonical_id, event_date=e.event_date, plover_type=e.plover_type,
                    sub_event_type=e.sub_event_type, place=loc.name if loc else None,
                    admin1=loc.admin1 if loc else None, country=loc.country if loc else None,
                    fatalities=e.fatalities, source_count=c.source_count,
                    article_ids=sorted({s.article_id for s in c.sources}))


# --- the gates and the score -------------------------------------------------------------------

def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().replace("’", "'").split())


def date_tolerance(e: Event) -> int:
    return DATE_TOLERANCE[e.date_precision or "day"]


def area_country(e: Event) -> str | None:
    """The country an event belongs to for matching: its place's, else its actors'."""
    if e.location and e.location.country:
        return e.location.country
    for a in (e.actor1, e.actor2):
        if a and a.country:
            return a.country
    return None


def _has_point(loc: Location | None) -> bool:
    return bool(loc and loc.latitude is not None and loc.longitude is not None and loc.precision != "country")


def place_distance(a: Event, b: Event) -> float | None:
    """Kilometres between the two places when both have coordinates below country precision."""
    if _has_point(a.location) and _has_point(b.location):
        la, lb = a.location, b.location
        return haversine_km(la.latitude, la.longitude, lb.latitude, lb.longitude)  # type: ignore[union-attr,arg-type]
    return None


def places_compatible(a: Event, b: Event) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None or la.country is None or lb.country is None:
        # One report does not say where: the area (place or actors' country) must agree.
        ca, cb = area_country(a), area_country(b)
        return ca is not None and ca == cb
    if la.country != lb.country:
        return False
    coarser = max(la.precision, lb.precision, key=PLACE_RANK.__getitem__)
    if coarser == "country":
        return True
    if _has_point(la) and _has_point(lb):
        limit = PLACE_KM[coarser]
        if abs(la.latitude - lb.latitude) * 111.0 > limit:  # type: ignore[operator]
            return False  # far apart north-south: no need for the great circle
        return haversine_km(la.latitude, la.longitude, lb.latitude, lb.longitude) <= limit  # type: ignore[arg-type]
    if _fold(la.name) == _fold(lb.name):
        return True
    if PLACE_RANK[coarser] >= PLACE_RANK["region"]:
        regions = {_fold(la.admin1), _fold(lb.admin1)} - {""}
        return bool(regions & {_fold(la.name), _fold(lb.name)}) or (
            bool(la.admin1) and _fold(la.admin1) == _fold(lb.admin1))
    return False


def dates_compatible(a: Event, b: Event) -> bool:
    if a.event_date is None or b.event_date is None:
        return False
    return abs((a.event_date - b.event_date).days) <= max(date_tolerance(a), date_tolerance(b))


def types_compatible(a: Event, b: Event) -> bool:
    if a.plover_type != b.plover_type or a.status != b.status or a.category != b.category:
        return False
    ta, tb = a.event_type, b.event_type
    if ta and tb and ta != tb and frozenset({ta, tb}) not in COMPATIBLE_TYPES:
        return False
    sa, sb = a.sub_event_type, b.sub_event_type
    if sa and sb and sa != sb:
        if sa in DISTINCT_SUBTYPES or sb in DISTINCT_SUBTYPES:
            return False
        if ta == tb == "Strategic developments":
            return False
    return True


def _compound(actor: Actor) -> bool:
    """A side named "A and B" stands for both parties of a clash, so it constrains nothing."""
    name = f" {_fold(actor.name)} "
    return " and " in name or " & " in name


def sides_compatible(x: Actor | None, y: Actor | None) -> bool:
    if x is None or y is None or _compound(x) or _compound(y):
        return True
    if x.country and y.country and x.country != y.country:
        return False
    return kinds_compatible(x, y)


def kinds_compatible(x: Actor | None, y: Actor | None) -> bool:
    """State forces and armed non-state groups are different sides. Civilians, protesters, "other"
    and "international" go with anything: extraction often calls a target "people" or a building a
    government, so they only count in the score."""
    if x is None or y is None or _compound(x) or _compound(y):
        return True
    gx, gy = SIDE_GROUP.get(x.kind), SIDE_GROUP.get(y.kind)
    return gx is None or gy is None or gx == gy


def symmetric(a: Event, b: Event) -> bool:
    return a.event_type == b.event_type == "Battles" or a.plover_type in SYMMETRIC_PLOVER


def actor_alignments(a: Event, b: Event) -> list[tuple[tuple[Actor | None, Actor | None], ...]]:
    """Side pairings to try: as reported, and swapped where the sides are interchangeable."""
    out = [((a.actor1, b.actor1), (a.actor2, b.actor2))]
    if symmetric(a, b):
        out.append(((a.actor1, b.actor2), (a.actor2, b.actor1)))
    return out


def _same_speaker(x: Actor | None, y: Actor | None) -> bool:
    if x is None or y is None:
        return False
    if x.country and y.country:
        return x.country == y.country
    return _fold(x.name) == _fold(y.name)


def actors_compatible(a: Event, b: Event) -> bool:
    for (p1, q1), (p2, q2) in actor_alignments(a, b):
        if not (sides_compatible(p1, q1) and sides_compatible(p2, q2)):
            continue
        # Statements are many a day: two reports are one statement only when they name one speaker.
        if a.category == "verbal" and not _same_speaker(p1, q1):
            continue
        return True
    return False


def compatible(a: Event, b: Event) -> bool:
    """True when the two reports could describe one happening (articles not considered here)."""
    return (types_compatible(a, b) and dates_compatible(a, b) and places_compatible(a, b)
            and actors_compatible(a, b))


def _side_score(x: Actor | None, y: Actor | None) -> float:
    if x is None or y is None:
        return 0.0
    s = 0.0
    if x.country and x.country == y.country:
        s += 0.1
    if KIND_GROUP.get(x.kind) and KIND_GROUP.get(x.kind) == KIND_GROUP.get(y.kind):
        s += 0.05
    return s


def pair_score(a: Event, b: Event) -> float:
    """How alike two compatible reports are (higher is closer); chooses among candidate events."""
    s = 0.0
    if a.sub_event_type and a.sub_event_type == b.sub_event_type:
        s += 0.3
    elif a.event_type and a.event_type == b.event_type:
        s += 0.15
    elif a.category == "verbal":
        s += 0.3
    if a.event_date and b.event_date:
        gap = abs((a.event_date - b.event_date).days)
        s += 0.2 if gap == 0 else 0.1 if gap == 1 else 0.05
    km = place_distance(a, b)
    if km is not None:
        coarser = max(a.location.precision, b.location.precision, key=PLACE_RANK.__getitem__)  # type: ignore[union-attr]
        s += 0.2 * max(0.0, 1.0 - km / PLACE_KM[coarser])
    elif a.location and b.location and _fold(a.location.name) == _fold(b.location.name):
        s += 0.2
    s += max(_side_score(p1, q1) + _side_score(p2, q2) for (p1, q1), (p2, q2) in actor_alignments(a, b))
    if a.fatalities is not None and b.fatalities is not None:
        hi = max(a.fatalities, b.fatalities)
        s += 0.15 * (1.0 if hi == 0 else 1.0 - abs(a.fatalities - b.fatalities) / hi)
    return round(s, 9)


# --- reconciliation ----------------------------------------------------------------------------

def outlet_of(article_id: str, url: str | None) -> str:
    """The independent source behind a report: the URL's host, else the article itself."""
    if url:
        host = urlparse(url).netloc.lower()
        if host.startswith("www."):
            host = host[4:]
        if host:
            return host
    return f"article:{article_id}"


def combined_confidence(by_outlet: Iterable[float]) -> float:
    """The best report's confidence, each further independent outlet halving the remaining doubt
    in proportion to its own confidence: 0.8 alone stays 0.8, three outlets at 0.8 give 0.928."""
    cs = sorted(by_outlet, reverse=True)
    if not cs:
        return 0.0
    doubt = 1.0 - cs[0]
    for c in cs[1:]:
        doubt *= 1.0 - c / 2
    return round(min(0.99, max(cs[0], 1.0 - doubt)), 4)


def _mode_first(values: list, key=lambda v: v):
    """The most frequent value; ties go to the one seen first (the earliest report)."""
    counts = Counter(key(v) for v in values)
    best = max(counts.values())
    return next(v for v in values if counts[key(v)] == best)


def _same_party(x: Actor, y: Actor) -> bool:
    if _fold(x.name) == _fold(y.name):
        return True
    return bool(x.country) and x.country == y.country and KIND_GROUP.get(x.kind) == KIND_GROUP.get(y.kind)


def _actor_info(e: Event) -> tuple[int, int]:
    sides = [a for a in (e.actor1, e.actor2) if a is not None]
    return (len(sides), sum(1 for a in sides if a.country))


def canonical_id(members: list[Event]) -> str:
    """Stable for a given set of reports: derived from the earliest report (date, then id)."""
    first = min(members, key=order_key)
    return "c-" + hashlib.sha1(first.event_id.encode()).hexdigest()[:16]


def reconcile(members: list[Event], urls: Mapping[str, str] | None = None) -> CanonicalEvent:
    """One canonical record from the reports of one happening (rules in the module docstring)."""
    urls = urls or {}
    ms = sorted(members, key=order_key)
    dated = [e for e in ms if e.event_date is not None]
    if dated:
        finest = min((e.date_precision or "day" for e in dated), key=list(DATE_TOLERANCE).index)
        day_src = _mode_first([e for e in dated if (e.date_precision or "day") == finest], key=lambda e: e.event_date)
        event_date, date_precision = day_src.event_date, day_src.date_precision
    else:
        event_date, date_precision = None, ms[0].date_precision
    placed = [e for e in ms if e.location is not None]
    location = None
    if placed:
        finest_place = min((e.location.precision for e in placed), key=PLACE_RANK.__getitem__)  # type: ignore[union-attr]
        at_finest = [e for e in placed if e.location.precision == finest_place]  # type: ignore[union-attr]
        location = _mode_first(at_finest, key=lambda e: _fold(e.location.name)).location
    typed = [e for e in ms if e.sub_event_type]
    type_src = _mode_first(typed, key=lambda e: e.sub_event_type) if typed else ms[0]
    rep = max(ms, key=lambda e: (_actor_info(e), -ms.index(e)))
    actor1, actor2 = rep.actor1, rep.actor2
    if actor1 is None or actor2 is None:  # fill the side this report lacks from another report
        present = actor1 or actor2
        cands = [a for e in ms if e is not rep for a in (e.actor1, e.actor2) if a is not None]
        fill = next((a for a in cands if present is None or not _same_party(a, present)), None)
        if actor1 is None:
            actor1, actor2 = (fill, actor2) if present is not None else (fill, None)
        else:
            actor2 = fill
    fat = sorted(e.fatalities for e in ms if e.fatalities is not None)
    inj = sorted(e.injuries for e in ms if e.injuries is not None)
    best_by_outlet: dict[str, float] = {}
    sources = []
    for e in ms:
        url = urls.get(e.article_id)
        outlet = outlet_of(e.article_id, url)
        best_by_outlet[outlet] = max(best_by_outlet.get(outlet, 0.0), e.confidence)
        sources.append(Source(article_id=e.article_id, event_id=e.event_id, url=url, outlet=outlet,
                              event_date=e.event_date, place=e.location.name if e.location else None,
                              fatalities=e.fatalities, injuries=e.injuries, confidence=e.confidence,
                              evidence=list(e.evidence)))
    cid = canonical_id(ms)
    event = Event(
        event_id=cid, article_id=rep.article_id, event_date=event_date, date_precision=date_precision,
        category=ms[0].category, event_type=type_src.event_type, sub_event_type=type_src.sub_event_type,
        plover_type=ms[0].plover_type, actor1=actor1, actor2=actor2, location=location,
        fatalities=fat[0] if fat else None, injuries=inj[0] if inj else None, status=ms[0].status,
        evidence=list(rep.evidence), confidence=combined_confidence(best_by_outlet.values()),
    )
    return CanonicalEvent(
        canonical_id=cid, event=event, sources=sources, source_count=len({e.article_id for e in ms}),
        outlet_count=len(best_by_outlet), fatalities_range=(fat[0], fat[-1]) if fat else None,
        injuries_range=(inj[0], inj[-1]) if inj else None,
    )


# --- the incremental merger ----------------------------------------------------------------------

UNDATED = 10**7  # sorts after every real date ordinal
Key = tuple[int, int, str]  # (date ordinal, place precision rank, event id)


def order_key(e: Event) -> Key:
    """The fixed order of the greedy pass that defines the clustering: by date, precise places first."""
    rank = PLACE_RANK[e.location.precision] if e.location else len(PLACE_RANK)
    return (e.event_date.toordinal() if e.event_date else UNDATED, rank, e.event_id)


def _cell(loc: Location) -> tuple[int, int]:
    return (math.floor(loc.latitude), math.floor(loc.longitude))  # type: ignore[arg-type]


def _month(ordinal: int) -> int:
    d = date.fromordinal(ordinal)
    return d.year * 12 + d.month


@dataclass
class MergeStats:
    """Counters for benchmarks: how much work the merger did."""

    added: int = 0
    candidates: int = 0  # reports looked at through the index
    comparisons: int = 0  # full compatibility checks
    replayed: int = 0  # reports placed again after a change


class Merger:
    """Incremental cross-article merging; `canonical_events()` is independent of arrival order.

    Use: `m = Merger(); m.add_all(events, urls)` (or `m.add(e)` as reports arrive), then
    `m.canonical_events()` or `m.canonical_for(event_id)`.
    """

    def __init__(self, urls: Mapping[str, str] | None = None) -> None:
        self.urls: dict[str, str] = dict(urls or {})
        self.stats = MergeStats()
        self._events: dict[str, Event] = {}
        self._key: dict[str, Key] = {}
        self._adj: dict[str, dict[str, float]] = {}
        self._index: dict[tuple, set[str]] = {}
        self._cluster_of: dict[str, int] = {}
        self._members: dict[int, list[tuple[Key, str]]] = {}
        self._next_cluster = 0

    def __len__(self) -> int:
        return len(self._events)

    # index ------------------------------------------------------------------------------------
    def _buckets(self, e: Event) -> list[tuple]:
        """The index keys an event is filed under."""
        if e.event_date is None:
            return []
        d = e.event_date.toordinal()
        area = area_country(e)
        if date_tolerance(e) > 1:
            return [("vague", _month(d), area)]
        keys: list[tuple] = [("area", d, area)]
        if _has_point(e.location) and e.location.country:  # type: ignore[union-attr]
            keys.append(("cell", d, *_cell(e.location)))  # type: ignore[arg-type]
        else:
            keys.append(("coarse", d, area))
        return keys

    def _lookups(self, e: Event) -> list[tuple]:
        """The index keys where every possible partner of `e` is filed."""
        if e.event_date is None:
            return []
        d = e.event_date.toordinal()
        area = area_country(e)
        tol = date_tolerance(e)
        keys: list[tuple] = []
        months = range(_month(d - max(tol, 31)), _month(d + max(tol, 31)) + 1)
        keys += [("vague", m, area) for m in months]
        if tol > 1:
            keys += [("area", d + k, area) for k in range(-tol, tol + 1)]
            return keys
        days = range(d - 1, d + 2)
        if _has_point(e.location) and e.location.country:  # type: ignore[union-attr]
            lat = e.location.latitude  # type: ignore[union-attr]
            dlat = math.ceil(MAX_KM / KM_PER_DEGREE)
            top = min(89.9, abs(lat) + dlat + 1)  # type: ignore[arg-type]
            dlon = min(180, math.ceil(MAX_KM / (KM_PER_DEGREE * math.cos(math.radians(top)))))
            clat, clon = _cell(e.location)  # type: ignore[arg-type]
            for day in days:
                keys += [("coarse", day, area)]
                for i in range(clat - dlat, clat + dlat + 1):
                    for j in range(clon - dlon, clon + dlon + 1):
                        keys.append(("cell", day, i, (j + 180) % 360 - 180))
        else:
            keys += [("area", day, area) for day in days]
        return keys

    def _candidates(self, e: Event) -> set[str]:
        out: set[str] = set()
        for k in self._lookups(e):
            ids = self._index.get(k)
            if ids:
                out |= ids
        out.discard(e.event_id)
        self.stats.candidates += len(out)
        return out

    # graph ------------------------------------------------------------------------------------
    def _link(self, e: Event) -> None:
        eid = e.event_id
        self._adj[eid] = {}
        for cid in self._candidates(e):
            other = self._events[cid]
            if other.article_id == e.article_id:
                continue
            self.stats.comparisons += 1
            if compatible(e, other):
                s = pair_score(e, other)
                self._adj[eid][cid] = s
                self._adj[cid][eid] = s
        for k in self._buckets(e):
            self._index.setdefault(k, set()).add(eid)

    def _unlink(self, eid: str) -> None:
        for nid in self._adj.pop(eid, {}):
            self._adj[nid].pop(eid, None)
        for k in self._buckets(self._events[eid]):
            bucket = self._index.get(k)
            if bucket is not None:
                bucket.discard(eid)
                if not bucket:
                    del self._index[k]

    # clusters ---------------------------------------------------------------------------------
    def _view(self, c: int, before: Key) -> list[str]:
        """Members of a canonical event that come before `before` in the greedy order."""
        out = []
        for k, mid in self._members[c]:
            if k >= before:
                break
            out.append(mid)
        return out

    def _decide(self, eid: str) -> int | None:
        """Where the greedy pass puts `eid`: the best-scoring canonical event it fits, or none."""
        key, art, adj = self._key[eid], self._events[eid].article_id, self._adj[eid]
        best: tuple[float, Key] | None = None
        choice = None
        seen: set[int] = set()
        for nid in adj:
            if self._key[nid] >= key or nid not in self._cluster_of:
                continue
            c = self._cluster_of[nid]
            if c in seen:
                continue
            seen.add(c)
            view = self._view(c, key)
            if not view or any(m not in adj or self._events[m].article_id == art for m in view):
                continue
            score = sum(adj[m] for m in view) / len(view)
            first = self._key[view[0]]
            if score < MIN_JOIN_SCORE:
                continue
            if best is None or score > best[0] or (score == best[0] and first < best[1]):
                best, choice = (score, first), c
        return choice

    def _place(self, eid: str, c: int) -> None:
        self._cluster_of[eid] = c
        members = self._members.setdefault(c, [])
        item = (self._key[eid], eid)
        lo, hi = 0, len(members)
        while lo < hi:
            mid = (lo + hi) // 2
            if members[mid] < item:
                lo = mid + 1
            else:
                hi = mid
        members.insert(lo, item)

    def _unplace(self, eid: str) -> int | None:
        c = self._cluster_of.pop(eid, None)
        if c is not None:
            self._members[c].remove((self._key[eid], eid))
        return c

    def _affected(self, clusters: Iterable[int], after: Key, extra: Iterable[str] = ()) -> set[str]:
        """Later reports whose placement may change because these canonical events changed."""
        out: set[str] = set()
        ids = list(extra)
        for c in clusters:
            ids += [m for _, m in self._members.get(c, [])]
        for m in ids:
            if self._key.get(m, (-1, -1, "")) > after:
                out.add(m)
            for n in self._adj.get(m, {}):
                if self._key[n] > after:
                    out.add(n)
        return out

    def _replay(self, start: Iterable[str]) -> None:
        heap = [(self._key[i], i) for i in set(start)]
        heapq.heapify(heap)
        queued = {i for _, i in heap}
        while heap:
            key, eid = heapq.heappop(heap)
            queued.discard(eid)
            if eid not in self._events:
                continue
            self.stats.replayed += 1
            old = self._unplace(eid)
            new = self._decide(eid)
            if new is None:
                if old is not None and not self._view(old, key):
                    new = old  # it still founds the same canonical event
                else:
                    new = self._next_cluster
                    self._next_cluster += 1
            self._place(eid, new)
            if new == old:
                continue
            changed = [c for c in (old, new) if c is not None]
            for c in changed:
                if c in self._members and not self._members[c]:
                    del self._members[c]
            for n in self._affected(changed, key, [eid]):
                if n not in queued:
                    queued.add(n)
                    heapq.heappush(heap, (self._key[n], n))

    # public -----------------------------------------------------------------------------------
    def add(self, event: Event, url: str | None = None) -> None:
        """Add one report (a new article's event); same id and content again changes nothing."""
        self.add_all([event], {event.article_id: url} if url else None)

    def add_all(self, events: Iterable[Event], urls: Mapping[str, str] | None = None) -> None:
        """Add many reports at once: one replay for the whole batch."""
        if urls:
            self.urls.update(urls)
        fresh: list[str] = []
        dirty: set[str] = set()
        for e in events:
            old = self._events.get(e.event_id)
            if old is not None:
                if old == e:
                    continue
                dirty |= self._detach(e.event_id)
            self.stats.added += 1
            self._events[e.event_id] = e
            self._key[e.event_id] = order_key(e)
            self._link(e)
            fresh.append(e.event_id)
        self._replay(dirty | set(fresh))

    def remove(self, event_id: str) -> None:
        """Withdraw a report (e.g. its article was re-extracted); the rest is re-placed as needed."""
        if event_id in self._events:
            self._replay(self._detach(event_id))

    def _detach(self, eid: str) -> set[str]:
        key = self._key[eid]
        c = self._unplace(eid)
        affected = self._affected([c] if c is not None else [], key, [eid])
        if c is not None and not self._members[c]:
            del self._members[c]
        self._unlink(eid)
        del self._events[eid], self._key[eid]
        affected.discard(eid)
        return affected

    def clusters(self) -> list[list[str]]:
        """Event ids of each canonical event, in the greedy order; deterministic."""
        out = [[m for _, m in ms] for ms in self._members.values() if ms]
        return sorted(out, key=lambda ids: self._key[ids[0]])

    def canonical_events(self) -> list[CanonicalEvent]:
        return [reconcile([self._events[i] for i in ids], self.urls) for ids in self.clusters()]

    def canonical_for(self, event_id: str) -> CanonicalEvent:
        c = self._cluster_of[event_id]
        return reconcile([self._events[m] for _, m in self._members[c]], self.urls)


def merge_events(events: Iterable[Event], urls: Mapping[str, str] | None = None) -> list[CanonicalEvent]:
    """Canonical events for a batch of reports (article id -> URL gives outlets and source URLs)."""
    m = Merger(urls)
    m.add_all(events)
    return m.canonical_events()
