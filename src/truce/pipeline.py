"""From one article to its events: clean, analyse, detect, attach actors, place, date and toll, merge.

Dates: an event takes the time expression its own clause governs, else the one its sentence's
main clause carries, else the last day named earlier in the same paragraph or the two sentences
before; an event still undated after merging takes the day its lead tells of, else the publication
day (news reports the day's happenings; documented in README). Where: scene.py. History: a
sentence dated more than 30 days before publication, or naming an earlier year, opens a background
run that lasts until a sentence names a recent time or speaks in the present.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Token

from . import actors, casualties, clean, confidence, dates, geo, lexicon, nlp, places, scene
from .consolidate import SAME_DAY_WORDS, Draft, merge, split_by_place
from .detect import REPORTING, Candidate, Detector, RuleDetector
from .records import Actor, Article, Event, Evidence, Location

RECENCY = re.compile(r"\b(recent|recently|latest (?:attack|clash|fighting|violence|flare-?up|escalation)|now|"
                     r"currently|this week|this month|so far|new)\b", re.I)
# A span of time that adds up many incidents ("so far this year"): a sentence tolling it codes no event.
_SPAN = (r"since (?:the start|the beginning|\d{4})|so far this|to date|in the past \w+ (?:days|weeks|months)|"
         r"over the (?:years|decades|past)")
PERIOD_SPAN = re.compile(rf"\b({_SPAN})\b", re.I)
# Wider: also words that only make a bare toll word cumulative ("since March", "in total", "weeks-long").
PERIOD_TOLL = re.compile(rf"\b({_SPAN}|since (?:january|february|march|april|may|june|july|august|september|"
                         r"october|november|december|last|the)|this year|(?:first|second) half of|cumulative|"
                         r"in total|altogether|"
                         r"(?:decade|year|month|week)s?-long)\b", re.I)
# Sub-types whose rule (an arrest verb; "ordered the army", "imposed sanctions") is surer than the model, which
# reads the words around it (the suspects, the army's task) and has few such sentences to learn from.
UNVETTED = {"Arrests", "Other"}
RAIDS = {"raid", "operation", "search", "sweep", "crackdown"}
SEPARATE = re.compile(r"^\W*(separately|in (another|a separate|a second|a new|a further) \w+)\b", re.I)
SEPARATE_WORDS = {"another", "separate", "second", "fresh", "further"}
INVESTIGATORS = {"police", "investigator", "official", "officer", "resident", "witness", "villager", "source"}
TO_THE_SCENE = re.compile(r"\b(?:to|into) the (?:area|scene|spot|site|village|vicinity)\b", re.I)
VISITED_PLACES = {"community", "site", "scene", "hospital", "camp", "area", "village", "town", "victim", "family",
                  "wounded", "injured", "survivor", "school", "market", "mosque", "church"}
PAST_YEAR = re.compile(r"\b(?:last|the previous) year\b|\b(?:a|two|three|several|many|\d+) years? ago\b", re.I)
RETROSPECT = re.compile(r"\b(anniversary|commemorat\w*|in memory of|looking back)\b", re.I)
NON_STATE = {"rebels", "militia", "protesters", "civilians"}
SCHEDULABLE = {"CONSULT", "PROTEST", "AGREE", "MOBILIZE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT",
               "COOPERATE", "AID", "RETREAT", "SANCTION", "CONCEDE"}
PLOVER_OF_SUBTYPE = {
    "Peaceful protest": "PROTEST", "Protest with intervention": "PROTEST",
    "Excessive force against protesters": "PROTEST", "Violent demonstration": "PROTEST",
    "Mob violence": "ASSAULT", "Arrests": "COERCE", "Agreement": "AGREE",
    "Non-violent transfer of territory": "RETREAT", "Looting/property destruction": "ASSAULT", "Attack": "ASSAULT",
}


@dataclass
class Context:
    """What the whole article says about where it is: countries, places, dateline, headline."""

    countries: Counter[str] = field(default_factory=Counter)
    places: Counter[Location] = field(default_factory=Counter)
    dateline: Location | None = None
    headline: int | None = None  # paragraph index of a headline line repeated in the text
    anchors: tuple[tuple[float, float], ...] = ()  # where the article's well-known places are
    lead: int = 1  # paragraph index of the lead (after headline, byline and date lines)
    lead_day: date | None = None  # the day the lead tells of ("police fired tear gas on Thursday")
    labels: dict[int, str] = field(default_factory=dict)  # paragraph -> its round-up town ("KINSHASA: ...")

    @property
    def dateline_local(self) -> bool:
        """A dateline in the country the article is about; "CAIRO (Reuters)" over a Gaza story is not."""
        if self.dateline is None:
            return False
        return not self.countries or self.dateline.country in {c for c, _ in self.countries.most_common(2)}

    def main_place(self, country: str | None = None) -> Location | None:
        """The article's most named town, in `country` (or the most named country) when given."""
        want = country or (self.countries.most_common(1)[0][0] if self.countries else None)
        towns = [(n, loc) for loc, n in self.places.items() if loc.precision != "country"
                 and (want is None or loc.country == want)]
        if towns:
            return max(towns, key=lambda x: x[0])[1]
        if self.dateline is not None and (want is None or self.dateline.country == want):
            return self.dateline
        return None


@dataclass
class Extractor:
    lex: lexicon.Lexicon
    gaz: geo.Gazetteer
    model: Language
    detector: Detector
    second_opinion: bool = True  # the trained sentence-type model vets rule events (learned.py)
    last_features: dict[str, dict[str, float]] = field(default_factory=dict)  # event id -> confidence features

    @classmethod
    def default(cls, second_opinion: bool = True) -> Extractor:
        """Rules plus the trained model's second opinion; `second_opinion=False` for rules alone."""
        lex = lexicon.load()
        return cls(lex, geo.load(), nlp.load_model(), RuleDetector(lex), second_opinion=second_opinion)

    def extract(self, article: Article) -> list[Event]:
        self.last_features = {}  # the latest article's only, for calibration
        cleaned = clean.clean(article.text, self.lex)
        sentences = nlp.analyse(cleaned.kept, self.model)
        events = self._events(article, sentences, cleaned.dateline, cleaned.labels)
        if self.second_opinion and events:
            from .learned import filter_events

            vetted = [e for e in events if e.category == "material" and e.sub_event_type not in UNVETTED]
            dropped = {e.event_id for e in vetted} - {e.event_id for e in filter_events(vetted, article.text)}
            events = [e for e in events if e.event_id not in dropped]
        return events

    # --- per article -------------------------------------------------------------------------------
    def _context(self, sentences: list[nlp.Sentence], dateline: str | None, labels: dict[int, str]) -> Context:
        ctx = Context(labels=labels)
        for s in sentences:
            ctx.countries.update(places.countries_named(s.span, self.lex))
        ctx.countries.update(c for c in map(self._label_country, labels.values()) if c)
        if not ctx.countries:  # no country named ("Gusau", "Tsafe"): the one with the most places known
            seen: dict[str, str] = {}  # in one country only, each place once
            for s in sentences:
                for p in places.mentions(s.span, self.lex, self.gaz, ()):
                    if len({c.country for c in self.gaz.candidates(p.location.name)}) == 1:
                        seen[p.location.name] = p.location.country
            ctx.countries.update(dict(Counter(seen.values()).most_common(1)))
        names = [c for c, _ in ctx.countries.most_common()]  # most named first: the sound-alike country
        ctx.dateline = self._dateline(dateline, names)
        for s in sentences:
            for p in places.mentions(s.span, self.lex, self.gaz, names):
                ctx.places[p.location] += 1
        ctx.anchors = tuple((loc.latitude, loc.longitude) for loc in ctx.places  # places with no namesake
                            if loc.latitude is not None and loc.longitude is not None and loc.precision != "country"
                            and self.gaz.unambiguous(loc.name))
        ctx.lead = next((s.paragraph for s in sentences if len(s.text.split()) >= clean.LEAD_WORDS), 1)
        if sentences:
            first = [s for s in sentences if s.paragraph == 0]
            text = " ".join(s.text for s in first)
            if len(text.split()) <= 25 and not text.rstrip().endswith((".", '"', "”")):
                ctx.headline = 0
        return ctx

    def _off_topic(self, sentences: list[nlp.Sentence]) -> bool:
        """Sport, markets and reviews borrow war words; such an article codes nothing."""
        lemmas = Counter(t.lemma_.lower() for s in sentences for t in s.span)
        conflict = sum(n for w, n in lemmas.items()
                       if self.lex.noun_kinds.get(w) in self.lex.armed_kinds | {"protesters"})
        for words in self.lex.domains.values():
            hits = sum(lemmas[w] for w in words)
            if hits >= self.lex.domain_min_hits and hits > self.lex.domain_ratio * conflict:
                return True
        return False

    def _events(self, article: Article, sentences: list[nlp.Sentence], dateline: str | None,
                labels: dict[int, str]) -> list[Event]:
        lex, pub = self.lex, article.published
        if self._off_topic(sentences):
            return []
        ctx = self._context(sentences, dateline, labels)
        context = [c for c, _ in ctx.countries.most_common()]
        memory = actors.ActorMemory()
        drafts: list[Draft] = []
        background = False
        last_day: tuple[int, int, date] | None = None  # (sentence index, paragraph, day)
        last_place: tuple[int, Location] | None = None
        for s in sentences:
            mentions = [m for m in dates.find(s.text) if not dates.is_period_start(s.text, m)]
            old = pub is not None and (
                any(dates.is_old(m, pub, False) for m in mentions)
                or any(y < pub.year for y in dates.years(s.text)) or bool(PAST_YEAR.search(s.text)))
            recent = any(not dates.is_old(m, pub, False) for m in mentions) or bool(RECENCY.search(s.text))
            if old and not (recent and any(m.kind in ("weekday", "eve", "rel") for m in mentions)):
                background = True
                continue
            if background and not recent and s.span.root.tag_ not in ("VBZ", "VBP", "MD"):
                continue
            background = False
            if s.text.rstrip().endswith("?"):
                continue
            self._note_speakers(s, pub, memory)
            cands = self.detector(s)
            owned, said = self._own_dates(s, mentions, cands)
            for c in cands:  # "condemned the killings on Monday and called on ...", "arrested him on Friday,
                if c.token.i not in owned:  # prompting a protest": one time for both
                    gov = _time_governor(c.token, owned)
                    if gov is not None:
                        owned[c.token.i] = owned[gov]
            filed = self._label_country(ctx.labels[s.paragraph]) if s.paragraph in ctx.labels else None
            here_first = [filed, *(c for c in context if c != filed)] if filed else context  # a round-up's country
            places_here = places.mentions(s.span, lex, self.gaz, here_first, ctx.anchors)
            aggregate = _period(s, PERIOD_SPAN) or (  # "900 killed in attacks so far this year"
                _period(s, PERIOD_TOLL) and any(c.plover == "ASSAULT" for c in cands) and all(
                    c.token.tag_ == "NNS" for c in cands if c.plover == "ASSAULT" and not c.trigger.casualty))
            # "150 soldiers have been killed in attacks on bases since July": many attacks added up
            counts = [] if aggregate else casualties.counts(s.span)
            if aggregate:  # many incidents added up: no event of their own
                cands = [c for c in cands if c.plover != "ASSAULT"]
            if any(c.subtype == "Arrests" for c in cands) and not counts:
                cands = [c for c in cands if c.token.lemma_.lower() not in RAIDS]  # a raid that arrests is the arrest
            violent = [c for c in cands if c.plover == "ASSAULT" and not c.trigger.casualty]
            headline = ctx.headline == s.paragraph
            before = len(drafts)
            for c in cands:
                if c.trigger.casualty and not (violent or counts):
                    continue  # a toll word with no number and no violent event beside it says too little
                if c.trigger.casualty and c.token.dep_ in ("advcl", "xcomp") and any(
                        v.token.i == c.token.head.i for v in violent):
                    continue  # "attacked an outpost, killing seven": the attack's draft carries the toll
                if c.trigger.casualty and not violent and (PERIOD_TOLL.search(s.text) or (
                        _perfect(c.token) and (not mentions or " since " in s.text))):
                    continue  # a toll over weeks or months ("has killed 6,200") adds up many incidents
                if c.tense == "present" and not mentions and not headline and not _communique(c):
                    continue  # simple present with no time: a habit or a standing state, not a happening
                if c.tense == "future" and c.plover not in SCHEDULABLE:
                    continue  # violence announced for later is a threat, coded only as what is said
                owned_all = [*owned.values(), *(said if c.trigger.category == "material" else ())]
                d = self._draft(c, s, owned.get(c.token.i), owned_all, mentions, pub, memory,
                                places_here, counts, last_day, ctx)
                if d is None:
                    continue
                d.headline = headline
                if d.location is None and d.category == "verbal" and last_place is not None and (
                        s.index - last_place[0] <= 2):
                    d.location = last_place[1]  # "...at the summit in Abuja. He also called on ..."
                self._shift(d, c, s, mentions, last_day, pub)
                drafts.append(d)
            if len(drafts) == before and counts and not any(c.value for c in counts) and drafts and (
                    drafts[-1].plover in ("ASSAULT", "PROTEST") and s.index - drafts[-1].sentences[-1].index <= 2):
                drafts[-1].counts[s.index] = counts  # "Police said nobody was hurt": the attack just told
            dated = any(t.pos_ in ("VERB", "AUX") for t in s.span) and not any(c.tense == "future" for c in cands)
            for m in mentions if dated else ():  # a byline dates nothing; a plan's day is no later event's
                day, _ = dates.resolve(m, pub, False)
                if day is not None:
                    last_day = (s.index, s.paragraph, day)
                    if s.paragraph == ctx.lead and ctx.lead_day is None and pub is not None and day <= pub:
                        ctx.lead_day = day
            if RETROSPECT.search(s.text):
                background = True  # an anniversary story goes on to tell the history it marks
            here = [p for p in places_here if p.locative and p.location.precision != "country"]
            if here:
                last_place = (s.index, here[0].location)
        _infer_addressees(drafts)
        _riot_context(drafts)
        merged = _without_tactical_moves(split_by_place(merge(drafts)))
        return [self._finish(article, d, i, ctx) for i, d in enumerate(merged)]

    @staticmethod
    def _shift(d: Draft, c: Candidate, s: nlp.Sentence, mentions: list[dates.DateMention],
               last_day: tuple[int, int, date] | None, pub: date | None) -> None:
        """"The attack came a day after a bomb hit soldiers": the clause after the offset is a day back."""
        for m in mentions:
            if m.kind != "offset":
                continue
            base = last_day[2] if last_day is not None else pub
            if base is None:
                return
            if c.token.idx - s.span.start_char >= m.end:
                named = [x for x in mentions if x.start >= m.end and x.kind in ("weekday", "eve", "md", "dm")]
                day = dates.resolve(named[0], pub, False)[0] if named else None
                if day is None:
                    day = base + timedelta(days=dates.offset_days(m))
                d.day, d.precision, d.own_date = day, "day", True  # "on Sunday" in the clause, if it says
            elif not d.own_date:
                d.day, d.precision = base, "day"

    def _note_speakers(self, s: nlp.Sentence, pub: date | None, memory: actors.ActorMemory) -> None:
        """Speakers ("the Azeri army said") are who a later "it" or "he" most often means."""
        for t in s.span:
            if t.lemma_.lower() in REPORTING and t.pos_ == "VERB":
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON":
                    actors.resolve(subj, self.lex, pub, memory)

    def _dateline(self, name: str | None, context: set[str]) -> Location | None:
        if not name:
            return None
        cities = [p for p in self.gaz.candidates(name.title()) if p.feature == "city"]
        biggest = max(cities, key=lambda p: p.population, default=None)
        place = geo.rank(name.title(), self.gaz, context, ())
        if biggest is not None and biggest.population >= 1_000_000 and (place is None or biggest.population > 20 * (
                place.population or 1)):
            place = biggest  # "CAIRO (Reuters)" is Egypt's capital, whatever countries the story names
        return None if place is None else geo.town_location(place, self.gaz)

    def _own_dates(self, s: nlp.Sentence, mentions: list[dates.DateMention],
                   cands: list[Candidate]) -> tuple[dict[int, dates.DateMention], list[dates.DateMention]]:
        """Which trigger (or placed noun) governs each time expression, and which ones date a reporting
        verb ("..., the military said on Thursday": a statement's day, not the reported deed's); the rest
        belong to the whole sentence."""
        triggers = {c.token.i for c in cands}
        out: dict[int, dates.DateMention] = {}
        said: list[dates.DateMention] = []
        steps: dict[int, int] = {}
        base = s.span.start_char
        for m in mentions:
            tok = _token_at(s, base + m.start)
            if tok is None:
                continue
            inside = {t.i for t in s.span if base + m.start <= t.idx < base + m.end}
            before = s.span.doc[max(s.span.start, tok.i - 2):tok.i]
            if before and before[-1].lower_ in ("on", "late", "early") and any(
                    t.lemma_.lower() in REPORTING and t.pos_ == "VERB" for t in before):
                said.append(m)  # "..., the ministry said on Tuesday": the statement's day, however it is parsed
                continue
            cur, prev = tok, tok
            for depth in range(10):
                if cur.i in triggers:
                    here = cur.idx - base
                    if depth < steps.get(cur.i, 99) or (depth == steps[cur.i] and m.start > here > out[cur.i].start):
                        out[cur.i], steps[cur.i] = m, depth  # the nearest time is the trigger's; of two as near,
                        # the one after it ("said on Thursday he would meet them on Monday")
                    break
                if cur.i not in inside and cur.pos_ in ("NOUN", "PROPN") and _placed_in_time(cur):
                    out.setdefault(-1 - cur.i, m)  # "ahead of the election on June 20": that noun's time
                    break
                if cur.lemma_.lower() in REPORTING and cur.pos_ == "VERB" and tok.i > cur.i and prev.dep_ in (
                        "prep", "npadvmod", "advmod") and any(
                        c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "nsubj" and c.i > cur.i) for c in cur.children):
                    said.append(m)
                    break
                if cur.i not in inside and cur.lemma_.lower() in STATEMENT_NOUNS and cur.i not in triggers:
                    said.append(m)  # "In a statement on Sunday, the group confirmed ...": the statement's day
                    break
                if cur.head.i == cur.i:
                    break
                cur, prev = cur.head, cur
        return out, said

    def _draft(self, c: Candidate, s: nlp.Sentence, own: dates.DateMention | None,
               owned_all: list[dates.DateMention], mentions: list[dates.DateMention], pub: date | None,
               memory: actors.ActorMemory, places_here: list[places.PlaceMention],
               counts: list[casualties.Count], last_day: tuple[int, int, date] | None, ctx: Context) -> Draft | None:
        lex = self.lex
        mention = own or _sentence_mention(mentions, owned_all)
        future = c.tense in ("future", "progressive")
        if c.tense == "future" and c.plover in PERFORMATIVE and _polite_would(c.token):
            future, c.tense = False, "past"  # "we would appeal to ...": a courteous present, not a plan
        day, precision = (dates.resolve(mention, pub, future) if mention else (None, None))
        own_date = mention is not None and precision is not None
        date_kind = mention.kind if own_date and mention is not None else None
        if date_kind == "rel" and mention is not None and mention.text.lower().startswith(SAME_DAY_WORDS):
            date_kind = "today"
        if not own_date and last_day is not None and (
                last_day[1] == s.paragraph or s.index - last_day[0] <= 2 or (mention and mention.kind == "same")):
            day, precision = last_day[2], "day"
        material = c.trigger.category == "material"
        fresh = material and pub is not None and day is None and _perfect(c.token)
        if fresh:  # "a bus has been hijacked": today's news, whatever day the story goes on to tell
            day, precision = pub, "day"
        when = day or pub
        doer = c.subject if c.subject is not None or material else _speaker_of(c.token)
        a1 = actors.resolve(doer, lex, when, memory) if doer is not None else None
        a2 = actors.resolve(c.object, lex, when, memory, remember=False) if c.object is not None else None
        subtype = self._subtype(c, a1, a2)
        plover = PLOVER_OF_SUBTYPE.get(subtype, c.plover) if subtype and material else c.plover
        crowd = _crowd_in(s, lex)
        if material and plover == "ASSAULT" and subtype != "Looting/property destruction":
            head1 = c.subject.lemma_.lower() if c.subject is not None else ""
            if head1 == "mob":
                subtype = "Mob violence"  # a mob attacking people is mob violence, an ASSAULT
            elif (a1 and a1.kind == "protesters" and head1 not in NOT_CROWDS) or (
                    a2 and a2.kind in lex.armed_kinds and crowd and a1 is None):
                plover, subtype = "PROTEST", "Violent demonstration"  # a crowd fighting police is a riot
            elif (a2 and a2.kind == "protesters") or (crowd and a1 and a1.kind == "state_forces"):
                plover, subtype = "PROTEST", "Excessive force against protesters"  # forces firing on a crowd
        if not material and a1 is not None and a1.kind == "protesters" and plover in ("REQUEST", "ACCUSE"):
            return None  # a crowd's demands are part of its protest event
        if plover == "ACCUSE" and c.token.lemma_.lower() == "blame" and (a1 is None or a1.kind == "civilians" or (
                c.subject is not None and c.subject.lemma_.lower() in INVESTIGATORS)):
            return None  # "residents blamed the army", "police blamed militants": who did it, not a party's charge
        if plover == "CONSULT" and ((a2 is not None and a2.kind == "civilians") or (
                c.object is not None and c.object.lemma_.lower() in VISITED_PLACES)):
            return None  # visiting the wounded or the stricken villages is no meeting between parties
        status = "scheduled" if c.tense == "future" or (day is not None and pub is not None and day > pub) \
            else "occurred"
        roles = {t.i for t in (c.subject, None if material else c.object) if t is not None}  # "shelled Kharkiv"
        speakers = scene.speaker_words(s, c.token)  # "authorities in the Kurdistan region said": the source's place
        usable = [p for p in places_here if p.token.i not in roles]
        usable = [p for p in usable if p.token.i not in speakers] or usable  # local police speak for their town
        if material:  # the town a deed is told in is no clue to where it was done
            usable = [p for p in usable if p.token.i not in scene.telling_words(c.token)]
        if plover in DESK_ACTS:  # "sanctions over the crackdown in Zahedan": the cause's place, not the act's
            usable = [p for p in usable if p.token.head.head.i == c.token.i]
        anchor = c.token.head if c.token.pos_ in ("NOUN", "PROPN") and c.token.dep_ in (
            "nsubj", "nsubjpass", "dobj", "attr") else c.token  # "Protests have broken out in Kampala"
        own_clause = scene.clause(anchor, c.token)
        usable = [p for p in usable if not scene.for_its_government(p, lex)]
        location, extra = scene.pick_place(c, usable, material, own_clause)
        weak_place = location is None or not any(  # a place of another clause ("broke out in Kampala after
            p.location == location and p.token.i in own_clause for p in usable)  # police arrested him") yields
        if material and weak_place and location is not None and s.paragraph <= ctx.lead and ctx.dateline_local and any(
                p.location == location and scene.in_relative_clause(p.token) for p in usable):
            location = ctx.dateline  # "police fired tear gas ... on a day of unrest that left one dead in Arequipa"
        label = self._paragraph_label(s, ctx) if location is None else None  # "KINSHASA: ..." in a round-up
        if location is None and not material:
            location = label or ctx.dateline or self._capital_of(a1) or ctx.main_place(self._paragraph_country(s, ctx))
        elif location is None and label is not None:
            location = label
        elif location is None and s.paragraph <= ctx.lead and ctx.dateline_local:
            location = ctx.dateline  # the lead of a local report happens where it is filed
        tolls = list(counts) if plover in ("ASSAULT", "PROTEST") else []
        return Draft(plover=plover, category="material" if material else "verbal", subtype=subtype, actor1=a1,
                     actor2=a2, day=day, precision=precision, own_date=own_date, status=status, location=location,
                     casualty_only=c.trigger.casualty, sentences=[s], counts={s.index: tolls} if tolls else {},
                     settled={a.name for a in (a1, a2) if a is not None and a.name in memory.settled},
                     by_demonym={a.name for a in (a1, a2) if a is not None and a.name in memory.by_demonym},
                     extra_places=extra, date_kind=date_kind, owned_date=own is not None,
                     days={day} if (own_date or fresh) and day is not None else set(),
                     object_word=c.object.lemma_.lower() if c.object is not None else None,
                     weak_place=weak_place, distinct=_distinct(c, s), later=_later(s),
                     attach_only=c.trigger.attach_only)

    def _addressee_country(self, d: Draft, a1: Actor | None, home: str, ctx: Context) -> str:
        """Whom a statement with no named addressee is aimed at: the one other country its sentences name;
        for a speaker of the country it is made in, the article's other main country ("Tehran dismissed
        the sanctions" in a story about Washington's sanctions); else the country it is made in."""
        own = a1.country if a1 is not None else None
        named = {c for s in d.sentences for c in places.countries_named(s.span, self.lex)} - {own, None}
        if len(named) == 1:
            return next(iter(named))
        if own == home:
            other = [(c, n) for c, n in ctx.countries.most_common(3) if c != home]
            if other and other[0][1] >= max(2, ctx.countries[home] // 2):
                return other[0][0]
        return home

    def _paragraph_label(self, s: nlp.Sentence, ctx: Context) -> Location | None:
        """A round-up paragraph that opens with its town ("KINSHASA: The government said ...") is filed there."""
        label = ctx.labels.get(s.paragraph)
        name = label.split(",")[0] if label else None
        if name is None or lexicon.norm(name) in self.lex.countries:
            return None
        known = set(ctx.countries)
        towns = [p for p in self.gaz.candidates(name.title()) if p.feature == "city" and p.country in known]
        place = max(towns, key=lambda p: p.population, default=None)  # the city, not its namesake province
        return None if place is None else geo.town_location(place, self.gaz)

    def _label_country(self, label: str) -> str | None:
        """"MANILA, Philippines", "THAILAND", "KYIV": the country a round-up label names or has as capital."""
        for part in reversed(label.split(",")):
            country = self.lex.countries.get(lexicon.norm(part)) or self.lex.capitals.get(lexicon.norm(part))
            if country is not None and country.iso3:
                return country.iso3
        return None

    def _paragraph_country(self, s: nlp.Sentence, ctx: Context) -> str | None:
        """The one country a sentence's paragraph names or is labelled with ("CAMEROON: ..." in a round-up)."""
        label = ctx.labels.get(s.paragraph)
        if label and (filed := self._label_country(label)):
            return filed
        named = set(places.countries_named(s.span.doc[:], self.lex))
        return next(iter(named)) if len(named) == 1 else None

    def _capital_of(self, actor: Actor | None) -> Location | None:
        """A government speaking with no place or dateline given speaks from its capital."""
        if actor is None or actor.kind != "government" or not actor.country:
            return None
        return geo.capital_location(actor.country, self.gaz)

    def _seat(self, d: Draft, ctx: Context) -> Location | None:
        """Where a decision taken at a desk happens: the dateline when it is the decider's (or the decider
        is an international body), else the decider's capital; never the target's country."""
        home = d.actor1.country if d.actor1 is not None else None
        if ctx.dateline is not None and (home is None or ctx.dateline.country == home):
            return ctx.dateline
        return geo.capital_location(home, self.gaz) if home else None

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
            said = [t for t in c.sentence.span if not _armed_with(t)]  # "gunmen armed with heavy weapons opened
            words = {t.lemma_.lower() for t in said} | {t.lower_ for t in said}  # fire": their kit, not the act
            text = "".join(t.text_with_ws for t in said).lower()
            for cue_sub, cues in lex.weapon_cues:
                if any((w in words) if " " not in w else (w in text) for w in cues):
                    return cue_sub
        return sub

    # --- finishing -----------------------------------------------------------------------------------
    def _finish(self, article: Article, d: Draft, ordinal: int, ctx: Context) -> Event:
        pub = article.published
        if d.day is None and d.precision is None and pub is not None and d.status == "occurred":
            d.day, d.precision = ctx.lead_day or pub, "day"  # an undated happening is the story's day
        if d.subtype is None and d.category == "material":
            d.subtype = "Armed clash" if d.plover == "ASSAULT" else None
        if d.subtype == "Armed clash" and d.actor2 is not None and d.actor2.kind == "civilians" and (
                d.actor1 is None or d.actor1.kind != "civilians"):
            d.subtype = "Attack"  # one armed side and unarmed victims is violence against civilians
        location = d.location
        if d.plover in DESK_ACTS and (location is None or d.weak_place):
            location = self._seat(d, ctx) or location
        if location is None and d.category == "material":
            here = self._paragraph_country(d.sentences[0], ctx)
            iso = here or next((a.country for a in (d.actor2, d.actor1) if a is not None and a.country
                                and a.kind not in ("international",)), None)
            main = ctx.main_place(iso)
            if main is not None:
                location = main
            elif iso:
                location = geo.country_location(iso, self.lex, self.gaz)
            elif ctx.countries:
                location = geo.country_location(ctx.countries.most_common(1)[0][0], self.lex, self.gaz)
        home = location.country if location is not None else (
            ctx.countries.most_common(1)[0][0] if ctx.countries else None)
        a1, a2 = (a if a is None or a.name in d.settled else _fill_country(a, home, a.name in d.by_demonym)
                  for a in (d.actor1, d.actor2))
        if d.category == "material":
            a1, a2 = _default_sides(d, a1, a2, home)
        elif a2 is None and home:
            to = self._addressee_country(d, a1, home, ctx)
            a2 = Actor(name=f"Unnamed addressee ({to})", country=to)
        found = [c for per in d.counts.values() for c in per]
        fat, inj = casualties.combine(found, "fatalities"), casualties.combine(found, "injuries")
        if d.subtype == "Looting/property destruction" and fat:
            d.subtype = "Attack"  # "burned homes and killed seven": killing people is the event's type
        evidence = [Evidence(text=s.text, start=s.start, end=s.end) for s in sorted(d.sentences,
                                                                                    key=lambda s: s.index)]
        event_type = lexicon.SUB_TO_TYPE.get(d.subtype) if d.subtype and d.category == "material" else None
        key = f"{article.id}|{ordinal}|{d.plover}|{d.subtype}|{evidence[0].start}"
        feats = confidence.features(
            material=d.category == "material", actor1_country=a1 is not None and a1.country is not None,
            actor2=d.actor2 is not None, fine_place=d.location is not None and d.location.precision != "country",
            own_date=d.own_date, sentences=len(evidence), tolls=bool(found), headline_confirmed=d.told_in_headline,
            specific_subtype=d.subtype not in (None, "Armed clash", "Attack", "Other"),
            verbal_located=d.category == "verbal" and d.location is not None)
        event_id = hashlib.sha1(key.encode()).hexdigest()[:16]
        self.last_features[event_id] = feats  # read by scripts/calibrate_confidence.py
        return Event(
            event_id=event_id,
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
            confidence=confidence.score(feats),
        )


TEMPORAL_PREPS = {"before", "after", "ahead", "until", "till", "since", "following", "prior", "pending"}


def _period(s: nlp.Sentence, rx: re.Pattern[str]) -> bool:
    """A span of time the sentence's tolls add up over; not one inside a clause that describes a noun
    ("Rwandan troops, deployed in the province since 2021, clashed with ...")."""
    for m in rx.finditer(s.text):
        tok = _token_at(s, s.span.start_char + m.start())
        clause = scene.describing_clause(tok) if tok is not None else None
        if clause is None or clause.lemma_.lower() in casualties.KILL | casualties.DIE | casualties.WOUND:
            return True  # "150 soldiers killed in attacks since July" is still a tally
    return False


def _placed_in_time(noun: Token) -> bool:
    """A noun that the clause sets before or after itself ("ahead of the vote", "since the coup")."""
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ in TEMPORAL_PREPS | {"eve", "run-up"}:
        return True
    return noun.dep_ == "pobj" and prep.lower_ in TEMPORAL_PREPS


EVENT_NOUNS = {"attack", "killing", "bombing", "shelling", "violence", "massacre", "abduction", "kidnapping",
               "strike", "assault", "raid", "ambush", "blast", "explosion", "act", "acts", "crime", "atrocity"}
CLAIM_NOUNS = {"charge", "accusation", "allegation", "claim", "report", "demand", "criticism", "call", "account",
               "request", "ultimatum", "appeal", "proposal", "offer", "statement"}


def _infer_addressees(drafts: list[Draft]) -> None:
    """"X condemned the attack": aimed at whoever attacked; "Y rejected the charge": at whoever made it."""
    last_attacker: Actor | None = None
    last_claimant: Actor | None = None
    for d in sorted(drafts, key=lambda d: d.first):
        head = d.object_word
        if head in EVENT_NOUNS and d.plover in ("ACCUSE", "REJECT", "THREATEN"):
            d.actor2 = last_attacker or d.actor2  # "condemned the drone strike": the striker, not the strike
        elif d.actor2 is None and head in CLAIM_NOUNS and d.plover in ("REJECT", "ACCUSE"):
            d.actor2 = last_claimant
        if d.plover == "ASSAULT" and d.actor1 is not None and (d.actor1.country or last_attacker is None):
            last_attacker = d.actor1  # "its artillery" names no side: the last attacker who has one stays
        if d.plover in ("ACCUSE", "REQUEST", "THREATEN") and d.actor1 is not None:
            last_claimant = d.actor1


def _without_tactical_moves(drafts: list[Draft]) -> list[Draft]:
    """"Troops were sent to the area": reinforcements within a violent happening told beside it are part of
    it, not a deployment of their own (one with a named place stays)."""
    violent = [d for d in drafts if d.plover in ("ASSAULT", "PROTEST")]
    out = []
    for d in drafts:
        if d.plover == "MOBILIZE" and (d.location is None or d.weak_place) and any(
                TO_THE_SCENE.search(x.text) for x in d.sentences) and any(
                abs(v.first - d.first) <= 3 and (v.day is None or d.day is None or abs((v.day - d.day).days) <= 1)
                for v in violent):
            continue
        out.append(d)
    return out


def _riot_context(drafts: list[Draft]) -> None:
    """In an article about rioting, an attack on police, or clashes, by no named armed group are more
    rioting."""
    if not any(d.subtype == "Violent demonstration" for d in drafts):
        return
    for d in drafts:
        if d.plover == "ASSAULT" and d.subtype in ("Armed clash", "Attack", None) and d.actor1 is None and (
                (d.actor2 is not None and d.actor2.kind == "state_forces")
                or (d.actor2 is None and d.subtype == "Armed clash" and not d.casualty_only)):
            d.plover, d.subtype = "PROTEST", "Violent demonstration"


def _crowd_in(s: nlp.Sentence, lex: lexicon.Lexicon) -> bool:
    """The sentence speaks of protesters or demonstrators, or of people protesting."""
    return any((lex.noun_kinds.get(t.lemma_.lower()) == "protesters" and t.lemma_.lower() not in ("supporter", "youth"))
               or (t.pos_ == "VERB" and t.lemma_.lower() in ("protest", "demonstrate", "rally")) for t in s.span)


STATEMENT_NOUNS = {"statement", "communique", "communiqué", "video", "interview", "briefing", "post", "message",
                   "speech", "address", "broadcast", "bulletin"}
COMMUNIQUE_SPEAKERS = {"government", "ministry", "presidency", "council", "commission", "office", "command",
                       "army", "military", "cabinet", "union", "organisation", "organization", "community"}
PERFORMATIVE = {"REQUEST", "ACCUSE", "REJECT", "SUPPORT"}
NOT_CROWDS = {"activist", "group", "committee", "organisation", "organization", "network", "union"}


def _polite_would(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in tok.children)


def _perfect(tok: Token) -> bool:
    """Present perfect ("has killed"): a running total more often than one incident."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children)


def _token_at(s: nlp.Sentence, char: int) -> Token | None:
    for t in s.span:
        if t.idx <= char < t.idx + len(t.text) or t.idx >= char:
            return t
    return None


def _sentence_mention(mentions: list[dates.DateMention],
                      owned: list[dates.DateMention]) -> dates.DateMention | None:
    """The sentence's time expression that no other trigger governs."""
    free = [m for m in mentions if m not in owned]
    days = [m for m in free if m.kind not in ("week", "month", "month_only")]
    return (days or free or [None])[0]


def _speaker_of(tok: Token) -> Token | None:
    """"He told reporters [he] had complained": a statement with no subject of its own is its reporter's."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() in REPORTING and cur.pos_ == "VERB":
            return next((c for c in cur.children if c.dep_ == "nsubj"), None)
    return None


def _time_governor(tok: Token, owned: dict[int, dates.DateMention]) -> int | None:
    """The dated trigger a word's time comes from: its conjunct, or the act whose participle clause it is
    in ("..., prompting a protest"); not across "after"/"before" clauses, which tell another time."""
    cur = tok
    for _ in range(4):
        dep = cur.dep_
        if dep == "advcl" and any(c.dep_ == "mark" for c in cur.children):
            return None
        if dep not in ("conj", "dobj", "advcl", "xcomp") or cur.head.i == cur.i:  # not "following the fighting"
            return None
        cur = cur.head
        if cur.i in owned:
            return cur.i
    return None


def _communique(c: Candidate) -> bool:
    """"The Government condemns these acts and calls on the population to ...": a statement speaking in its
    own present tense performs the act."""
    return c.plover in PERFORMATIVE and c.token.tag_ == "VBZ" and c.subject is not None and (
        c.subject.pos_ != "PRON") and c.subject.lemma_.lower() in COMMUNIQUE_SPEAKERS


def _distinct(c: Candidate, s: nlp.Sentence) -> bool:
    """"Another protest blocked the road", "Separately, ...": a happening other than those told before."""
    sides = [t for t in (c.subject, c.object) if t is not None and not c.trigger.casualty]  # "two other suspects
    # were detained"; "a dozen other people were wounded" are the same attack's other victims
    return bool(SEPARATE.search(s.text)) or any(
        ch.dep_ in ("det", "amod") and ch.lower_ in SEPARATE_WORDS for ch in c.token.children) or any(
        ch.dep_ in ("det", "amod") and ch.lower_ in ("other", "another", "further") for t in sides for ch in t.children)


def _later(s: nlp.Sentence) -> bool:
    """"Later, they escalated into riots": a new stage at another time, not more of the same telling."""
    return any(t.dep_ == "advmod" and t.lower_ in ("later", "afterwards", "subsequently") for t in s.span)


def _armed_with(tok: Token) -> bool:
    """The word names what someone is armed with ("masked men armed with rifles and rockets")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ == "with" and cur.head.head.lower_ == "armed":
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _fill_country(actor: Actor | None, home: str | None, by_demonym: bool) -> Actor | None:
    """Actors with no stated tie take the country they act in; so do crowds, civilians and armed groups
    named only by an adjective ("Serb protesters" in Kosovo): GUIDELINES.md codes them where they act."""
    if actor is None or home is None or actor.kind == "international":
        return actor
    if actor.country is None or (by_demonym and actor.kind in NON_STATE and actor.country != home):
        return actor.model_copy(update={"country": home})
    return actor


STATE_ACTS = {  # "curfew was imposed", "units were deployed": passive acts only a state does
    "COERCE": ("Government", "government", ("Civilians", "civilians")),  # a curfew is laid on the people
    "MOBILIZE": ("Military Forces", "state_forces", None),
}
DESK_ACTS = {"SANCTION"}  # decided where the decider sits, not where the target is
DEFAULT_SIDES = {  # ACLED's generic actors when a report names no side; a protest faces the state
    "Peaceful protest": ("Protesters", "protesters", ("Government", "government")),
    "Protest with intervention": ("Protesters", "protesters", ("Police Forces", "state_forces")),
    "Excessive force against protesters": ("Protesters", "protesters", ("Police Forces", "state_forces")),
    "Violent demonstration": ("Rioters", "protesters", ("Police Forces", "state_forces")),
    "Mob violence": ("Rioters", "protesters", ("Civilians", "civilians")),
    "Attack": ("Unidentified armed group", "other", ("Civilians", "civilians")),
    "Abduction/forced disappearance": ("Unidentified armed group", "other", ("Civilians", "civilians")),
    "Air/drone strike": ("Unidentified armed group", "other", None),
    "Remote explosive/landmine/IED": ("Unidentified armed group", "other", None),
    "Suicide bomb": ("Unidentified armed group", "other", None),
    "Grenade": ("Unidentified armed group", "other", None),
    "Shelling/artillery/missile attack": ("Unidentified armed group", "other", None),
    "Looting/property destruction": ("Unidentified armed group", "other", ("Civilians", "civilians")),
    "Arrests": ("Police Forces", "state_forces", None),
    "Armed clash": ("Unidentified armed group", "other", None),
    "Non-state actor overtakes territory": ("Unidentified armed group", "other", None),
    "Government regains territory": ("Military Forces", "state_forces", None),
}


OPPONENTS = {  # who faces a side that has no named opponent: (sub-type, actor1 kind) -> (name, kind)
    ("Armed clash", "state_forces"): ("Unidentified armed group", "other"),
    ("Armed clash", None): ("Military Forces", "state_forces"),
    ("Non-state actor overtakes territory", None): ("Military Forces", "state_forces"),
    ("Government regains territory", None): ("Unidentified armed group", "other"),
    ("Air/drone strike", None): ("Unnamed target", "other"),
    ("Shelling/artillery/missile attack", None): ("Unnamed target", "other"),
    ("Remote explosive/landmine/IED", None): ("Unnamed target", "other"),
    ("Suicide bomb", None): ("Civilians", "civilians"),
    ("Grenade", None): ("Unnamed target", "other"),
}


def _default_sides(d: Draft, a1: Actor | None, a2: Actor | None,
                   home: str | None) -> tuple[Actor | None, Actor | None]:
    spec = DEFAULT_SIDES.get(d.subtype or "") or STATE_ACTS.get(d.plover)
    if spec is None or home is None:
        return a1, a2
    name, kind, victims = spec
    if victims is None and d.plover == "ASSAULT":
        victims = OPPONENTS.get((d.subtype or "", a1.kind if a1 is not None else None)) or OPPONENTS.get(
            (d.subtype or "", None))
    if a1 is None:
        a1 = Actor(name=f"{name} ({home})", country=home, kind=kind)  # type: ignore[arg-type]
    if a2 is None and victims is not None:
        a2 = Actor(name=f"{victims[0]} ({home})", country=home, kind=victims[1])  # type: ignore[arg-type]
    return a1, a2
