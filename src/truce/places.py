"""Place mentions in a sentence, geocoded against the gazetteer.

A capital or country that acts ("Baku said", "Moscow's peacekeepers") is an actor, not a place;
"the district of Lachin" and "Lachin district" are the district, not the town.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from . import dates, geo
from .lexicon import Lexicon, norm
from .records import Location

AREA_WORDS = {"district": "district", "province": "region", "region": "region", "governorate": "region",
              "state": "region", "county": "district", "oblast": "region", "prefecture": "region",
              "department": "region", "municipality": "district", "county's": "district", "territory": "region",
              "valley": "district", "area": "district", "zone": "district", "township": "district",
              "tehsil": "district", "lga": "district", "commune": "district", "provinces": "region",
              "regions": "region", "states": "region", "districts": "district", "counties": "district"}
RELIEF_WORDS = {"mount", "mt", "lake", "river", "jebel", "jabal", "wadi", "cape", "port", "fort", "greater"}
PLACE_OF = {"control", "capital", "outskirts", "siege", "fall", "capture", "recapture", "city", "town", "village"}
ADDRESS_VERBS = {"call", "urge", "press", "prevail"}  # "called on Washington": the government, not a place
LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "from", "into", "across", "inside", "on", "to",
                  "towards", "toward", "through", "within"}


@dataclass(frozen=True)
class PlaceMention:
    location: Location
    token: Token  # the mention's head word
    locative: bool  # introduced by a locative preposition ("in Sochi")


def _area_precision(ent: Span) -> str | None:
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    before = ent.doc[ent.start - 2].lower_ if ent.start >= 2 and ent.doc[ent.start - 1].lower_ == "of" else ""
    inside = ent[-1].lower_ if len(ent) > 1 else ""
    for w in (after, before, inside):
        if w in AREA_WORDS:
            return AREA_WORDS[w]
    return None


def _is_actor_use(root: Token, lex: Lexicon) -> bool:
    """A place name used for its government or people: subject, or possessor or modifier of an actor
    ("Moscow's peacekeepers", "Kenyan police"); "Nairobi's Kibera" and "Tehran's university" stay places."""
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ == "on" and first.head.head.lemma_.lower() in ADDRESS_VERBS:
        return True  # "called on Washington and Paris to press Israel": the governments addressed
    if root.dep_ in ("poss", "compound", "amod") and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head.lemma_.lower()
        return head in lex.noun_kinds and head not in AREA_WORDS
    return False


def _struck(root: Token, lex: Lexicon) -> bool:
    """The object of a violent verb ("drones attacked Kharkiv", "took control of Wad Madani"), however
    the tagger labels it."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_OF:
        return True
    return root.dep_ == "dobj" and root.head.pos_ == "VERB" and any(
        t.plover == "ASSAULT" and not t.casualty for t in lex.triggers.get(root.head.lemma_.lower(), ()))


def _locative(root: Token) -> bool:
    cur = root
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ in LOCATIVE_PREPS:
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in AREA_WORDS.keys() | {
                "town", "city", "village", "capital", "port", "outskirts", "suburb", "center", "centre",
                "neighbourhood", "neighborhood", "part", "edge", "heart", "north", "south", "east", "west",
                "northeast", "northwest", "southeast", "southwest", "hamlet", "township", "locality"}:
            cur = cur.head.head  # "the town of X", "the district of X"
            continue
        if cur.dep_ in ("conj", "appos", "compound", "pobj") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return False
    return False


def _unlabelled(sent: Span) -> list[Span]:
    """Proper nouns the tagger left unlabelled where a place is expected: "in Seytenga", "town of X"."""
    out = []
    taken = {t.i for e in sent.ents for t in e
             if e.label_ not in ("DATE", "TIME") or dates.find(e.text)}  # "in Toribío" mislabelled a date
    for t in sent:
        if t.pos_ != "PROPN" or t.i in taken or t.dep_ not in ("pobj", "compound", "appos"):
            continue
        if t.dep_ == "compound" and t.head.pos_ == "PROPN":
            continue  # part of a longer name, taken with its head
        start = min(c.i for c in t.subtree if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i) \
            if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children) else t.i
        span = sent.doc[start:t.i + 1]
        if _locative(t) or (t.dep_ == "compound" and t.head.lower_ in AREA_WORDS):
            out.append(span)
    return out


def mentions(sent: Span, lex: Lexicon, gaz: geo.Gazetteer, context: set[str],
             near: tuple[tuple[float, float], ...] = ()) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    local = set(countries_named(sent.doc[:], lex))  # the paragraph's own countries
    for ent in [*sent.ents, *_unlabelled(sent)]:
        label = getattr(ent, "label_", "") or "GPE"
        if label not in ("GPE", "LOC", "FAC", "NORP", "PERSON", "ORG"):
            continue
        if ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text == "-" and ent.doc[ent.end + 1].lower_ == "based":
            continue  # "Hong Kong-based operators": where they are from, not where anything happens
        text = ent.text.removeprefix("the ").removeprefix("The ")
        if not text[:1].isupper():
            continue  # "into the bush": a common noun, however the tagger labels it
        key = norm(text)
        root = ent.root
        if key in lex.demonyms or key in lex.organisations or key in lex.leaders or key in lex.noun_kinds:
            continue
        if label in ("NORP", "PERSON", "ORG") and not (_locative(root) or _struck(root, lex)):
            continue
        if _is_actor_use(root, lex):
            continue
        country = lex.countries.get(key)
        if country is not None and norm(country.name) != key and any(
                p.country == country.iso3 for p in gaz.candidates(text)):
            country = None  # "Gaza", "the West Bank": a country's other name that is a place of its own
        if country is not None:
            if country.iso3:
                loc = geo.country_location(country.iso3, lex, gaz)
                if loc is not None:
                    out.append(PlaceMention(loc, root, _locative(root)))
            continue
        for suffix in (" district", " province", " region", " governorate", " state", " county", " oblast"):
            if key.endswith(suffix):
                text = text[: -len(suffix)]
        area = _area_precision(ent)
        said = _demonym_before(ent, lex)  # "Iraqi Kurdistan": only Iraq's
        where, here = ({said}, {said}) if said else (context, local)
        place = geo.rank(text, gaz, where, here, near, area=area is not None)
        if place is None and "-" in text:
            place = geo.rank(text.split("-")[0], gaz, where, here, near)  # "the Bamenda-Bafut road"
        first, _, rest = text.partition(" ")
        if place is None and rest and first.lower() in RELIEF_WORDS:
            place = geo.rank(rest, gaz, where, here, near)  # "Mount Sinjar": the place it is named for
        if place is None and said:
            loc = geo.country_location(said, lex, gaz)
            if loc is not None:
                out.append(PlaceMention(loc, root, _locative(root)))
            continue
        if place is None:
            continue
        precision = area or {"admin1": "region", "admin2": "district"}.get(place.feature, "town")
        out.append(PlaceMention(
            Location(name=place.name if precision == "town" else text, admin1=gaz.admin1_name(place),
                     country=place.country, latitude=place.latitude, longitude=place.longitude,
                     precision=precision,  # type: ignore[arg-type]
                     geonameid=place.geonameid or None),
            root, _locative(root)))
    return _within_containers(out)


def _within_containers(found: list[PlaceMention]) -> list[PlaceMention]:
    """"El Aguaje, a town in the Aguililla region": a village read far from the place the text puts it
    in is a namesake, so the container stands for it."""
    out = []
    for m in found:
        inner = {t.i for c in m.token.children if c.dep_ == "appos" for t in c.subtree}
        boxes = [n for n in found if n is not m and n.token.i in inner and n.location.precision != "country"]
        box = min(boxes, key=lambda n: n.token.i, default=None)  # the first named is the nearest container
        far = box is not None and None not in (m.location.latitude, box.location.latitude) and geo.distance_km(
            (m.location.latitude, m.location.longitude), (box.location.latitude, box.location.longitude)) > 100
        out.append(PlaceMention(box.location, m.token, m.locative) if far and box else m)  # type: ignore[arg-type]
    return out


def _demonym_before(ent: Span, lex: Lexicon) -> str | None:
    """The country a place name is tied to just before it ("Iraqi Kurdistan", "Iraq's Kurdistan region")."""
    if ent.start == 0:
        return None
    before = ent.doc[ent.start - 1]
    c = lex.demonyms.get(norm(before.text))
    if c is None and before.lower_ in ("'s", "’s") and ent.start >= 2:  # "Iraq's Kurdistan region"
        c = lex.countries.get(norm(ent.doc[ent.start - 2].text))
    return c.iso3 if c is not None and c.iso3 else None


def countries_named(sent: Span, lex: Lexicon) -> list[str]:
    """Countries a sentence names by name, demonym or capital (one entry a mention): the article's
    geographic context. Capitalised words are read too, since taggers miss "CAMEROON:" and "Malian"."""
    out: list[str] = []
    toks = list(sent)
    i = 0
    while i < len(toks):
        hit = None
        for n in (3, 2, 1):
            run = toks[i:i + n]
            if len(run) < n or not run[0].text[:1].isupper():
                continue
            text = " ".join(t.text for t in run)
            key = norm(text)
            if key in lex.acronyms and not text.replace(".", "").replace(" ", "").isupper():
                continue
            for table in (lex.countries, lex.demonyms, lex.capitals):
                c = table.get(key)
                if c is not None and c.iso3:
                    hit = (c.iso3, n)
                    break
            if hit is None:
                org = lex.organisations.get(key)
                if org is not None and org.country:
                    hit = (org.country, n)
            if hit:
                break
        if hit:
            out.append(hit[0])
            i += hit[1]
        else:
            i += 1
    return out
