"""From one article to its events: clean, analyse, detect, attach actors, place, date and toll, merge.

Dates: an event takes the time expression its own clause governs, else the one its sentence's
main clause carries, else the last day named earlier in the same paragraph or the two sentences
before; an event still undated after merging takes the publication day (news reports the day's
happenings; documented in README). History: a sentence dated more than 30 days before
publication, or naming an earlier year, opens a background run that lasts until a sentence names
a recent time or speaks in the present.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Token

from . import actors, casualties, clean, dates, geo, lexicon, nlp, places
from .detect import REPORTING, Candidate, Detector, RuleDetector
from .records import Actor, Article, Event, Evidence, Location

RECENCY = re.compile(r"\b(recent|recently|latest (?:attack|clash|fighting|violence|flare-?up|escalation)|now|"
                     r"currently|this week|this month|so far|new)\b", re.I)
GENERIC_SUBTYPES = {None, "Armed clash", "Attack"}
TERRITORIAL = {"Government regains territory", "Non-state actor overtakes territory"}
NON_STATE = {"rebels", "militia", "protesters", "civilians"}
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,40}?)(?:,\s*[A-Za-z .]+)?\s*(?:\([^)]{2,40}\))?\s*[-–—:]")


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
    counts: dict[int, dict[str, int]] = field(default_factory=dict)  # sentence index -> kind -> sum
    settled: set[str] = field(default_factory=set)  # actor names whose null country is deliberate

    @property
    def first(self) -> int:
        return min(s.index for s in self.sentences)


@dataclass
class Extractor:
    lex: lexicon.Lexicon
    gaz: geo.Gazetteer
    model: Language
    detector: Detector

    @classmethod
    def default(cls) -> Extractor:
        lex = lexicon.load()
        return cls(lex, geo.load(), nlp.load_model(), RuleDetector(lex))

    def extract(self, article: Article) -> list[Event]:
        cleaned = clean.clean(article.text, self.lex)
        sentences = nlp.analyse(cleaned.kept, self.model)
        return self._events(article, sentences)

    # --- per article -------------------------------------------------------------------------------
    def _events(self, article: Article, sentences: list[nlp.Sentence]) -> list[Event]:
        lex, pub = self.lex, article.published
        context: set[str] = set()
        for s in sentences:
            context |= places.countries_named(s.span, lex)
        memory = actors.ActorMemory()
        drafts: list[Draft] = []
        background = False
        last_day: tuple[int, int, date] | None = None  # (sentence index, paragraph, day)
        dateline = self._dateline(article.text, context)
        for s in sentences:
            mentions = dates.find(s.text)
            tense_root = s.span.root.tag_
            old = pub is not None and (
                any(dates.is_old(m, pub, False) for m in mentions)
                or any(y < pub.year for y in dates.years(s.text)))
            recent = any(not dates.is_old(m, pub, False) for m in mentions) or bool(RECENCY.search(s.text))
            if old and not (recent and any(m.kind in ("weekday", "rel") for m in mentions)):
                background = True
                continue
            if background and not recent and tense_root not in ("VBZ", "VBP", "MD"):
                continue
            background = False
            if s.text.rstrip().endswith("?"):
                continue
            self._note_speakers(s, pub, memory)
            cands = self.detector(s)
            owned = self._own_dates(s, mentions, cands)
            sentence_day = None
            for m in mentions:
                day, _ = dates.resolve(m, pub, False)
                if day is not None:
                    sentence_day = day
            places_here = places.mentions(s.span, lex, self.gaz, context)
            counts = casualties.counts(s.span)
            violent = [c for c in cands if c.plover == "ASSAULT" and not c.trigger.casualty]
            for c in cands:
                if c.trigger.casualty and not (violent or counts):
                    continue  # a toll word with no number and no violent event beside it says too little
                drafts.append(self._draft(c, s, owned.get(c.token.i), list(owned.values()), mentions, pub,
                                          memory, places_here,
                                          counts, last_day, dateline))
            if sentence_day is not None:
                last_day = (s.index, s.paragraph, sentence_day)
        merged = _merge(drafts)
        return [self._finish(article, d, i) for i, d in enumerate(merged)]

    def _note_speakers(self, s: nlp.Sentence, pub: date | None, memory: actors.ActorMemory) -> None:
        """Speakers ("the Azeri army said") are who a later "it" or "he" most often means."""
        for t in s.span:
            if t.lemma_.lower() in REPORTING and t.pos_ == "VERB":
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON":
                    actors.resolve(subj, self.lex, pub, memory)

    def _dateline(self, text: str, context: set[str]) -> Location | None:
        m = DATELINE.match(text)
        if not m:
            return None
        place = geo.rank(m.group(1).strip().title(), self.gaz, context, ())
        if place is None:
            return None
        return Location(name=place.name, country=place.country, latitude=place.latitude,
                        longitude=place.longitude, precision="town", geonameid=place.geonameid)

    def _own_dates(self, s: nlp.Sentence, mentions: list[dates.DateMention],
                   cands: list[Candidate]) -> dict[int, dates.DateMention]:
        """Which trigger governs each time expression; the rest belong to the whole sentence."""
        triggers = {c.token.i for c in cands}
        out: dict[int, dates.DateMention] = {}
        base = s.span.start_char
        for m in mentions:
            tok = _token_at(s, base + m.start)
            if tok is None:
                continue
            cur = tok
            for _ in range(10):
                if cur.i in triggers:
                    out.setdefault(cur.i, m)
                    break
                if cur.head is cur:
                    break
                cur = cur.head
        return out

    def _draft(self, c: Candidate, s: nlp.Sentence, own: dates.DateMention | None,
               owned_all: list[dates.DateMention], mentions: list[dates.DateMention], pub: date | None,
               memory: actors.ActorMemory,
               places_here: list[places.PlaceMention], counts: list[casualties.Count],
               last_day: tuple[int, int, date] | None, dateline: Location | None) -> Draft:
        lex = self.lex
        mention = own or _sentence_mention(mentions, owned_all)
        future = c.tense == "future" or (c.tense == "present" and mention is not None)
        day, precision = (dates.resolve(mention, pub, future) if mention else (None, None))
        own_date = mention is not None and precision is not None
        if not own_date and last_day is not None and (
                last_day[1] == s.paragraph or s.index - last_day[0] <= 2):
            day, precision = last_day[2], "day"
        when = day or pub
        a1 = actors.resolve(c.subject, lex, when, memory) if c.subject is not None else None
        a2 = actors.resolve(c.object, lex, when, memory, remember=False) if c.object is not None else None
        subtype = self._subtype(c, a1, a2)
        plover = c.plover
        status = "scheduled" if c.tense == "future" or (day is not None and pub is not None and day > pub) \
            else "occurred"
        roles = {t.i for t in (c.subject, c.object) if t is not None}
        location = _pick_place(c, [p for p in places_here if p.token.i not in roles],
                               material=c.trigger.category == "material")
        if location is None and c.trigger.category == "verbal" and dateline is not None and c.sentence.index < 3:
            location = dateline
        by_kind: dict[str, int] = {}
        if plover == "ASSAULT":
            for n in counts:
                by_kind[n.kind] = by_kind.get(n.kind, 0) + n.value
        return Draft(plover=plover, category=c.trigger.category if c.trigger.category else "material",
                     subtype=subtype, actor1=a1, actor2=a2, day=day, precision=precision, own_date=own_date,
                     status=status, location=location, casualty_only=c.trigger.casualty, sentences=[s],
                     counts={s.index: by_kind} if by_kind else {},
                     settled={a.name for a in (a1, a2) if a is not None and a.name in memory.settled})

    def _subtype(self, c: Candidate, a1: Actor | None, a2: Actor | None) -> str | None:
        trig, lex = c.trigger, self.lex
        if trig.category == "verbal":
            return None
        sub = trig.subtype
        if a1 is not None and a1.kind in trig.kind_subtypes:
            sub = trig.kind_subtypes[a1.kind]
        if a2 is not None and a2.kind == "civilians" and trig.civilian_subtype:
            sub = trig.civilian_subtype
        if trig.armed_subtype and a2 is not None and a2.kind in lex.armed_kinds:
            sub = trig.armed_subtype
        if trig.casualty:
            sub = "Attack" if a2 is not None and a2.kind == "civilians" else None
        if sub in lex.replaceable:
            words = {t.lemma_.lower() for t in c.sentence.span} | {t.lower_ for t in c.sentence.span}
            text = c.sentence.text.lower()
            for cue_sub, cues in lex.weapon_cues:
                if any((w in words) if " " not in w else (w in text) for w in cues):
                    return cue_sub
        return sub

    # --- finishing -----------------------------------------------------------------------------------
    def _finish(self, article: Article, d: Draft, ordinal: int) -> Event:
        pub = article.published
        if d.day is None and d.precision is None and pub is not None and d.status == "occurred":
            d.day, d.precision = pub, "day"
        if d.subtype is None and d.category == "material":
            d.subtype = "Armed clash" if d.plover == "ASSAULT" else None
        if d.subtype == "Armed clash" and d.actor2 is not None and d.actor2.kind == "civilians" and (
                d.actor1 is None or d.actor1.kind != "civilians"):
            d.subtype = "Attack"  # one armed side and unarmed victims is violence against civilians
        location = d.location
        if location is None and d.category == "material":
            iso = next((a.country for a in (d.actor1, d.actor2) if a is not None and a.country
                        and a.kind not in ("international",)), None)
            if iso:
                location = geo.country_location(iso, self.lex, self.gaz)
        a1, a2 = (a if a is None or a.name in d.settled else _fill_country(a, location)
                  for a in (d.actor1, d.actor2))
        fat = inj = None
        if d.counts:
            fats = [c["fatalities"] for c in d.counts.values() if "fatalities" in c]
            injs = [c["injuries"] for c in d.counts.values() if "injuries" in c]
            fat = max(fats) if fats else None
            inj = max(injs) if injs else None
        evidence = [Evidence(text=s.text, start=s.start, end=s.end) for s in sorted(d.sentences,
                                                                                    key=lambda s: s.index)]
        event_type = lexicon.SUB_TO_TYPE.get(d.subtype) if d.subtype and d.category == "material" else None
        conf = 0.45 + 0.15 * (a1 is not None and a1.country is not None) + 0.1 * (a2 is not None) \
            + 0.1 * (location is not None) + 0.1 * d.own_date + 0.05 * (len(evidence) > 1)
        key = f"{article.id}|{ordinal}|{d.plover}|{d.subtype}|{evidence[0].start}"
        return Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
            article_id=article.id,
            event_date=d.day,
            date_precision=d.precision,  # type: ignore[arg-type]
            category="material" if event_type else "verbal",
            event_type=event_type,
            sub_event_type=d.subtype if event_type else None,
            plover_type=d.plover,  # type: ignore[arg-type]
            actor1=a1,
            actor2=a2,
            location=location,
            fatalities=fat,
            injuries=inj,
            status=d.status,  # type: ignore[arg-type]
            evidence=evidence,
            confidence=round(min(conf, 0.95), 3),
        )


def _token_at(s: nlp.Sentence, char: int) -> Token | None:
    for t in s.span:
        if t.idx <= char < t.idx + len(t.text) or t.idx >= char:
            return t
    return None


def _sentence_mention(mentions: list[dates.DateMention],
                      owned: list[dates.DateMention]) -> dates.DateMention | None:
    """The sentence's time expression that no other trigger governs."""
    free = [m for m in mentions if m not in owned]
    return free[0] if free else None


def _pick_place(c: Candidate, found: list[places.PlaceMention], material: bool) -> Location | None:
    """Material events take the nearest place; statements only a place said of their own clause."""
    if not found:
        return None
    usable = found if material else [p for p in found if p.locative and _attached(p.token, c.token)]
    if not usable:
        return None

    def dist(p: places.PlaceMention) -> tuple[int, int, int]:
        coarse = p.location.precision == "country"
        return (coarse, not p.locative, abs(p.token.i - c.token.i))

    return min(usable, key=dist).location


def _attached(place: Token, trigger: Token) -> bool:
    """True when the place hangs (through prepositions and nouns) on the trigger or its verb."""
    cur = place
    for _ in range(8):
        if cur == trigger:
            return True
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            break
        cur = cur.head
    return cur == trigger or (trigger.pos_ in ("NOUN", "PROPN") and cur == trigger.head)


def _fill_country(actor: Actor | None, location: Location | None) -> Actor | None:
    """Non-state actors with no stated tie take the country they act in (GUIDELINES.md)."""
    if actor is None or actor.country is not None or location is None or actor.kind not in NON_STATE | {
            "state_forces"}:
        return actor
    return actor.model_copy(update={"country": location.country})


def _compatible(a: Draft, b: Draft, same_sentence: bool = False) -> bool:
    if a.plover != b.plover:
        return False
    if a.category == "material" and not (a.casualty_only or b.casualty_only or a.subtype in GENERIC_SUBTYPES
                                         or b.subtype in GENERIC_SUBTYPES or a.subtype == b.subtype):
        return False
    if (a.subtype in TERRITORIAL or b.subtype in TERRITORIAL) and a.subtype != b.subtype and not same_sentence:
        return False  # taking ground is its own event unless the same sentence tells both
    if a.day and b.day and abs((a.day - b.day).days) > (1 if a.category == "material" else 0) and not (
            same_sentence and not (a.own_date and b.own_date)):
        return False
    if same_sentence and not (a.own_date and b.own_date):
        pass  # one sentence, one time frame: a noun inherits its governing verb's tense and day
    elif a.status != b.status:
        return False
    if a.location and b.location:
        if a.location.country != b.location.country:
            return False
        if (a.location.precision == b.location.precision == "town" and a.location.latitude is not None
                and b.location.latitude is not None and geo.distance_km(
                    (a.location.latitude, a.location.longitude or 0),
                    (b.location.latitude, b.location.longitude or 0)) > 50):
            return False
    ca = {x.country for x in (a.actor1, a.actor2) if x is not None and x.country}
    cb = {x.country for x in (b.actor1, b.actor2) if x is not None and x.country}
    if a.category == "verbal":
        a1, b1 = (a.actor1.country if a.actor1 else None), (b.actor1.country if b.actor1 else None)
        if a1 and b1 and a1 != b1:
            return False
        if not a1 and not b1 and a.actor1 and b.actor1 and a.actor1.name != b.actor1.name:
            return False
        a2, b2 = (a.actor2.country if a.actor2 else None), (b.actor2.country if b.actor2 else None)
        return not (a2 and b2 and a2 != b2)
    return not (ca and cb and not (ca & cb))


def _absorb(into: Draft, d: Draft) -> None:
    into.sentences += [s for s in d.sentences if s not in into.sentences]
    if (not into.own_date and d.own_date) or into.day is None:
        into.day, into.precision, into.own_date = d.day or into.day, d.precision or into.precision, d.own_date
    if (into.subtype in GENERIC_SUBTYPES and d.subtype not in GENERIC_SUBTYPES) or into.subtype is None:
        into.subtype = d.subtype
    into.casualty_only = into.casualty_only and d.casualty_only
    into.actor1 = _better(into.actor1, d.actor1)
    into.actor2 = _better(into.actor2, d.actor2)
    if d.location is not None and (into.location is None or (
            into.location.precision == "country" and d.location.precision != "country")):
        into.location = d.location
    for k, v in d.counts.items():
        into.counts.setdefault(k, v)
    into.settled |= d.settled


def _better(a: Actor | None, b: Actor | None) -> Actor | None:
    """The first statement of a side wins; a later sentence only fills a side left empty."""
    return b if a is None else a


def _merge_pass(drafts: list[Draft], same_sentence: bool) -> list[Draft]:
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.casualty_only, d.first)):
        for e in out:
            if (not same_sentence or e.first == d.first) and _compatible(e, d, same_sentence):
                _absorb(e, d)
                break
        else:
            out.append(d)
    return out


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One event per happening: first what one sentence tells twice, then across the article."""
    merged = sorted(_merge_pass(_merge_pass(drafts, True), False), key=lambda d: d.first)
    for i, d in enumerate(merged):  # "later", "in response": a violent event without a place of its own
        if d.location is None and d.category == "material":
            prior = [p for p in merged[:i] if p.category == "material" and p.location is not None
                     and d.first - max(s.index for s in p.sentences) <= 3]
            if prior:
                d.location = prior[-1].location
    return merged


def default_published(value: date | None) -> date | None:
    return value


_ = timedelta
