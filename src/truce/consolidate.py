"""Within one article: drafts that tell the same happening become one event, and one event with
several coordinated places ("in Carrickfergus, Newtownabbey and Derry") becomes one per place, as
ACLED codes one event per location.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from . import geo, nlp
from .casualties import Count
from .records import SUB_TO_TYPE, Actor, Location

CALENDAR = {"md", "dm", "weekday", "eve", "nth"}  # days named outright, not "overnight" or "yesterday"
SAME_DAY_WORDS = ("today", "this morning", "this afternoon", "this evening")  # the publication day, outright
GENERIC_SUBTYPES = {None, "Armed clash", "Attack"}
# When two reports of one happening disagree on the sub-type, the more telling one wins: a bare
# "blast" or "attack" is any explosion or violence; "a suicide bomber" says which.
SUBTYPE_RANK = {None: 0, "Looting/property destruction": 0.5, "Armed clash": 1, "Attack": 2,
                "Remote explosive/landmine/IED": 3, "Suicide bomb": 4}  # "burned homes and killed seven": the
# killing types it; "detonated explosives" is any blast, "a suicide attack" says which
BLASTS = {"Remote explosive/landmine/IED", "Suicide bomb"}
PROTEST_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2,
                    "Violent demonstration": 3}
FORCE_ON_CROWDS = {"Protest with intervention", "Excessive force against protesters", "Violent demonstration"}
TERRITORIAL = {"Government regains territory", "Non-state actor overtakes territory"}


@dataclass
class Draft:
    """An event under construction; merged within the article, then frozen into an Event."""

    plover: str
    category: str
    subtype: str | None
    actor1: Actor | None
    actor2: Actor | None
    day: date | None
    precision: str | None
    own_date: bool
    status: str
    location: Location | None
    casualty_only: bool
    sentences: list[nlp.Sentence]
    counts: dict[int, list[Count]] = field(default_factory=dict)  # sentence index -> tolls it states
    settled: set[str] = field(default_factory=set)  # actor names whose null country is deliberate
    by_demonym: set[str] = field(default_factory=set)  # actor names whose country is only an adjective's
    headline: bool = False  # told only by the article's headline line
    extra_places: list[Location] = field(default_factory=list)  # coordinated places of the same clause
    told_in_headline: bool = False  # the headline states it too
    date_kind: str | None = None  # how the event's own day was stated (dates.DateMention.kind)
    owned_date: bool = False  # the time expression hangs on this trigger, not just on its sentence
    days: set[date] = field(default_factory=set)  # every day its merged reports state outright
    object_word: str | None = None  # lemma of what the trigger acts on ("attack" in "condemned the attack")
    weak_place: bool = False  # the place is the dateline's or the article's, not one its sentence names
    distinct: bool = False  # told as another happening ("another protest", "Separately, ...")
    later: bool = False  # told as a later stage ("Later, they escalated into riots")
    attach_only: bool = False  # "12 were taken to hospital": a toll for an event told elsewhere, never one itself

    @property
    def first(self) -> int:
        return min(s.index for s in self.sentences)


def _same_family(a: Draft, b: Draft, same_sentence: bool = False) -> bool:
    if a.category != "material":
        return True
    if a.plover == "PROTEST" and (same_sentence or a.headline or b.headline or any(
            _continues(x) and not x.later for x in (a, b))):
        return True  # one crowd, told as a march, the police response or a riot: the harshest telling wins
    if {a.subtype, b.subtype} <= BLASTS:
        return True  # "a suicide attack" and "the attacker detonated his explosives": one blast
    if same_sentence and "Remote explosive/landmine/IED" in (a.subtype, b.subtype) and (
            SUB_TO_TYPE.get(a.subtype or "") == SUB_TO_TYPE.get(b.subtype or "")):
        return True  # "a suicide bomber blew himself up": one explosion, told twice
    if a.casualty_only or b.casualty_only or a.subtype == b.subtype:
        return True
    if (a.subtype in TERRITORIAL or b.subtype in TERRITORIAL) and a.subtype != b.subtype:
        return False
    return a.subtype in GENERIC_SUBTYPES or b.subtype in GENERIC_SUBTYPES


def _places_agree(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.country != b.country:
        return False
    if a.precision == b.precision and a.precision in ("district", "region") and a.name != b.name and not (
            a.admin1 in (b.name, None) or b.admin1 in (a.name, None) or a.admin1 == b.admin1):
        return False  # "Zabul" and "Nuristan": two provinces, two happenings; "Rutshuru" lies in North Kivu
    if a.precision == b.precision == "town" and None not in (a.latitude, b.latitude, a.longitude, b.longitude):
        return geo.distance_km((a.latitude, a.longitude), (b.latitude, b.longitude)) <= 50  # type: ignore[arg-type]
    return True


def _actors_agree(a: Draft, b: Draft) -> bool:
    if a.category == "verbal":
        a1, b1 = (a.actor1.country if a.actor1 else None), (b.actor1.country if b.actor1 else None)
        if a1 and b1 and a1 != b1:
            return False
        if (not a1 or not b1) and a.actor1 and b.actor1 and not _same_name(a.actor1.name, b.actor1.name):
            return False  # "Vucic urged ..." and "EU's Mogherini urged ...": two speakers, two appeals
        a2, b2 = (a.actor2.country if a.actor2 else None), (b.actor2.country if b.actor2 else None)
        return not (a2 and b2 and a2 != b2)
    ca = {x.country for x in (a.actor1, a.actor2) if x is not None and x.country}
    cb = {x.country for x in (b.actor1, b.actor2) if x is not None and x.country}
    return not (ca and cb and not (ca & cb))


def _same_name(a: str, b: str) -> bool:
    """"Vucic" and "Serbian President Aleksandar Vucic" name one speaker."""
    a, b = a.lower(), b.lower()
    return a == b or a in b or b in a


def _named_day(d: Draft) -> bool:
    return d.date_kind in CALENDAR or d.date_kind == "today"


def _toll_of_crowd_violence(a: Draft, b: Draft) -> bool:
    """"Another group put the toll at five" after police fired on protesters: the protest event's toll."""
    return (a.plover == "PROTEST" and a.subtype in FORCE_ON_CROWDS and b.casualty_only) or (
        b.plover == "PROTEST" and b.subtype in FORCE_ON_CROWDS and a.casualty_only)


def _fighting_of_a_takeover(a: Draft, b: Draft) -> bool:
    """"Three soldiers were killed in the fighting" after "the army drove the militants out of X"."""
    return (a.subtype in TERRITORIAL and b.subtype in GENERIC_SUBTYPES and _continues(b)) or (
        b.subtype in TERRITORIAL and a.subtype in GENERIC_SUBTYPES and _continues(a))


def compatible(a: Draft, b: Draft, same_sentence: bool = False) -> bool:
    bridged = _toll_of_crowd_violence(a, b) or (a.plover == b.plover and _fighting_of_a_takeover(a, b))
    if not bridged and (a.plover != b.plover or not _same_family(a, b, same_sentence)):
        return False
    if a.headline or b.headline:
        return True  # a headline restates the body; type is enough
    if not same_sentence and any(x.distinct and y.first < x.first for x, y in ((a, b), (b, a))):
        return False  # "another protest": not one told before
    loose_time = same_sentence and not (a.owned_date and b.owned_date)  # one sentence, one time frame
    if not loose_time:
        if a.status != b.status:
            return False
        if _named_day(a) and _named_day(b) and a.day != b.day:
            return False  # two days stated outright ("3 May", "today") are two happenings
        if a.own_date and b.own_date and {a.precision, b.precision} in ({"day", "week"}, {"day", "month"}):
            return False  # "on Wednesday" and "last weekend" in two sentences: two happenings
        tolerance = 1 if a.category == "material" else 0
        if a.day and b.day and abs((a.day - b.day).days) > tolerance:
            return False
        if any(abs((x - y).days) > tolerance for x in a.days for y in b.days):
            return False  # every report merged so far must fit, not just the first
    toll_here = same_sentence and (a.casualty_only or b.casualty_only)  # "gunmen were killed in a raid": its toll
    return _places_agree(a.location, b.location) and _listed(a, b) and _listed(b, a) and (
        toll_here or _actors_agree(a, b))


def _listed(a: Draft, b: Draft) -> bool:
    """A place list ("flared in A, B and C") tells one happening per place: another report joins it only
    at one of them."""
    if not a.extra_places or b.location is None or b.weak_place:
        return True
    return any(p.name == b.location.name for p in (a.location, *a.extra_places) if p is not None)


def absorb(into: Draft, d: Draft) -> None:
    into.sentences += [s for s in d.sentences if s not in into.sentences]
    into.told_in_headline = into.told_in_headline or d.headline
    into.days |= d.days
    if into.headline and not d.headline:
        into.headline = False
        into.day, into.precision, into.own_date, into.status = d.day, d.precision, d.own_date, d.status
    elif (not into.own_date and d.own_date) or into.day is None:
        into.day, into.precision, into.own_date = d.day or into.day, d.precision or into.precision, d.own_date
        into.date_kind = d.date_kind
    specific = SUBTYPE_RANK.get(d.subtype, 9) > SUBTYPE_RANK.get(into.subtype, 9)
    harsher = PROTEST_SEVERITY.get(d.subtype or "", -1) > PROTEST_SEVERITY.get(into.subtype or "", 99)
    if specific or harsher:
        into.subtype = d.subtype
    into.casualty_only = into.casualty_only and d.casualty_only
    into.attach_only = into.attach_only and d.attach_only
    into.actor1 = into.actor1 or d.actor1  # the first statement of a side wins
    into.actor2 = into.actor2 or d.actor2
    finer = into.location is not None and d.location is not None and (
        (into.location.precision == "country" and d.location.precision != "country")
        or _inside(d.location, into.location))
    if d.location is not None and (into.location is None or (into.weak_place and not d.weak_place) or finer):
        into.location, into.weak_place = d.location, d.weak_place
        into.extra_places = d.extra_places
    for k, v in d.counts.items():
        into.counts.setdefault(k, v)
    into.settled |= d.settled
    into.by_demonym |= d.by_demonym


def _inside(town: Location, region: Location) -> bool:
    """A town named in a region already given ("the community of El Aguaje in Aguililla" after "the
    Tierra Caliente region of Michoacan") is the finer place of the same happening."""
    return town.precision in ("town", "district") and region.precision == "region" and town.admin1 is not None and (
        geo.fold(town.admin1) == geo.fold(region.name))


def _continues(d: Draft) -> bool:
    """A body sentence with no time or place of its own ("Two soldiers died in the exchange of fire")
    carries on the story told just before it, not the article's first story."""
    return not d.headline and not d.own_date and d.location is None


def _last_told_before(e: Draft, i: int) -> int:
    return max((s.index for s in e.sentences if s.index < i), default=-1)


def _merge_pass(drafts: list[Draft], same_sentence: bool) -> list[Draft]:
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.headline, _continues(d), d.casualty_only, d.first)):
        fits = [e for e in out if (not same_sentence or e.first == d.first) and compatible(e, d, same_sentence)]
        if not fits:
            out.append(d)
            continue
        if not same_sentence and _continues(d):
            absorb(max(fits, key=lambda e: _last_told_before(e, d.first)), d)
        else:
            absorb(fits[0], d)
    return out


def merge(drafts: list[Draft]) -> list[Draft]:
    """One event per happening: first what one sentence tells twice, then across the article."""
    merged = sorted(_merge_pass(_merge_pass(drafts, True), False), key=lambda d: d.first)
    merged = [d for d in merged if not d.headline and not d.attach_only]  # a headline the body never tells,
    # a hospital count no event takes: too thin to code
    merged = _fold_crowd_control(merged)
    for i, d in enumerate(merged):  # "later", "in response": a violent event without a place of its own
        if d.location is None and d.plover in ("ASSAULT", "PROTEST"):
            prior = [p for p in merged[:i] if p.plover in ("ASSAULT", "PROTEST") and p.location is not None
                     and d.first - max(s.index for s in p.sentences) <= 3]
            if prior:
                d.location = prior[-1].location
    return merged


def _fold_crowd_control(drafts: list[Draft]) -> list[Draft]:
    """Arrests of unnamed people beside a protest of the same day and place belong to that protest
    (GUIDELINES.md): they make it a protest with intervention, not a separate event."""
    out: list[Draft] = []
    protests = [d for d in drafts if d.plover == "PROTEST"]
    for d in drafts:
        unnamed = d.actor2 is None or d.actor2.kind in ("protesters", "civilians")
        if d.subtype == "Arrests" and not d.distinct and unnamed:
            near = [p for p in protests if abs(p.first - d.first) <= 3 and _same_spot(p, d)
                    and (p.day is None or d.day is None or abs((p.day - d.day).days) <= 1)]
            if near:
                host = near[0]
                host.sentences += [s for s in d.sentences if s not in host.sentences]
                if PROTEST_SEVERITY.get(host.subtype or "", 0) < 1:
                    host.subtype = "Protest with intervention"
                continue
        out.append(d)
    return out


def _same_spot(a: Draft, b: Draft) -> bool:
    """Within 50 km, and not two towns each named for its own report ("in Mitrovica" and "in Leposavic")."""
    if not _places_agree(a.location, b.location):
        return False
    return a.location is None or b.location is None or a.weak_place or b.weak_place or (
        a.location.name == b.location.name)


def split_by_place(drafts: list[Draft]) -> list[Draft]:
    """"Disorder flared in A, B and C": one material event for each place."""
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if d.category != "material":
            continue
        for loc in d.extra_places:
            out.append(Draft(plover=d.plover, category=d.category, subtype=d.subtype, actor1=d.actor1,
                             actor2=d.actor2, day=d.day, precision=d.precision, own_date=d.own_date,
                             status=d.status, location=loc, casualty_only=d.casualty_only,
                             sentences=list(d.sentences), counts={}, settled=set(d.settled),
                             by_demonym=set(d.by_demonym)))
    return out
