"""Place mentions in a sentence, geocoded against the gazetteer.

A capital or country that acts ("Baku said", "Moscow's peacekeepers") is an actor, not a place;
"the district of Lachin" and "Lachin district" are the district, not the town.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from . import dates, geo
from .actors import name_beside
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
DIRECTIONS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0, "southwest": 225.0,
              "west": 270.0, "northwest": 315.0}  # the tokenizer splits "south-east"; MEASURED joins it
PLACE_NOUNS = AREA_WORDS.keys() | {  # "the town of X", "a neighbourhood of X": X is a place
    "town", "city", "village", "capital", "port", "outskirts", "suburb", "center", "centre", "neighbourhood",
    "neighborhood", "part", "edge", "heart", "hamlet", "township", "locality", "community", "settlement",
    "suburbs", "outskirt", *DIRECTIONS}
TOWN_NOUNS = {"town", "city", "village", "hamlet", "capital", "port", "metropolis", "township", "settlement"}
SETTLEMENTS = {"city", "town", "village", "province", "region", "district", "area", "state", "community"}
TRAILING = {"city", "town", "village", "metropolis", "municipality", "airport", "hospital", "university",
            "stadium", "prison", "barracks", "camp", "base", "market", "station"}  # "Kaduna metropolis"
UNITS = {"km": 1.0, "kilometre": 1.0, "kilometer": 1.0, "mile": 1.609, "nautical mile": 1.852, "nm": 1.852}
MEASURED = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*-?\s*(nautical miles?|nm|kilomet(?:re|er)s?|kms?|miles?)\s+"
                      r"(?:\([^()]{0,40}\)\s+)?(north|south|east|west|(?:north|south)-?(?:east|west))\s+$", re.I)
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
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS:
        root = root.head.head  # "struck a residential neighbourhood of Kharkiv"
    return root.dep_ == "dobj" and root.head.pos_ == "VERB" and any(
        t.plover == "ASSAULT" and not t.casualty for t in lex.triggers.get(root.head.lemma_.lower(), ()))


def _crossed(root: Token) -> bool:
    """"Crossed the Blue Nile": a river or border passed over, not a region where anything happens."""
    return root.dep_ == "dobj" and root.head.lemma_.lower() == "cross"


def _in_organisation_name(root: Token) -> bool:
    """"The UN Support Mission in Libya": a place in a body's name, not where anything happens."""
    head = root.head.head  # the last word of a body's name of several ("Mission"); "the Rapid Support Forces in
    # Darfur" are in Darfur
    return (root.dep_ == "pobj" and root.head.dep_ == "prep" and head.lower_ in BODY_WORDS and head.ent_type_ == "ORG"
            and head.ent_iob_ == "I" and (head.i + 1 == len(head.doc) or head.doc[head.i + 1].ent_iob_ != "I"))


BODY_WORDS = {"mission", "office", "commission", "committee", "council", "operation", "programme", "program",
              "envoy", "coordinator", "representative", "delegation", "embassy", "consulate"}


def _locative(root: Token) -> bool:
    if _offset(root) is not None:
        return True  # "20 km north of Goma": a place measured from a town
    cur = root
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ in LOCATIVE_PREPS:
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in PLACE_NOUNS:
            cur = cur.head.head  # "the town of X", "the district of X"
            continue
        if cur.dep_ in ("advmod", "npadvmod", "amod") and cur.lower_ in DIRECTIONS and cur.head.i != cur.i:
            cur = cur.head
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


def mentions(sent: Span, lex: Lexicon, gaz: geo.Gazetteer, context: Sequence[str],
             near: tuple[tuple[float, float], ...] = ()) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    local = set(countries_named(sent.doc[:], lex))  # the paragraph's own countries
    for ent in [*_split(sent.ents), *_unlabelled(sent)]:
        label = getattr(ent, "label_", "") or "GPE"
        if label not in ("GPE", "LOC", "FAC") and label not in OTHER_NAMES:
            continue
        if ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text == "-" and ent.doc[ent.end + 1].lower_ == "based":
            continue  # "Hong Kong-based operators": where they are from, not where anything happens
        text = ent.text.removeprefix("the ").removeprefix("The ").removesuffix("'s").removesuffix("’s")  # "X's"
        if not text[:1].isupper():
            continue  # "into the bush": a common noun, however the tagger labels it
        key = norm(text)
        root = ent.root
        if key in lex.demonyms and lex.demonyms[key].iso3 and _spread_over(root):
            loc = geo.country_location(lex.demonyms[key].iso3 or "", lex, gaz)
            if loc is not None:
                out.append(PlaceMention(loc, root, True))
            continue
        if key in lex.demonyms or key in lex.organisations or key in lex.leaders or key in lex.noun_kinds:
            continue
        named_town = root.dep_ in ("appos", "compound") and root.head.lemma_.lower() in TOWN_NOUNS  # "the
        # regional capital Bahir Dar", however the tagger labels it
        if label in OTHER_NAMES and not (_locative(root) or _struck(root, lex) or named_town):
            continue
        if _is_actor_use(root, lex) or _in_organisation_name(root) or _crossed(root):
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
        town = area is None and _town_word(ent)
        place = geo.rank(text, gaz, where, here, near, area=area is not None, town=town)
        if place is None and "-" in text:
            place = geo.rank(text.split("-")[0], gaz, where, here, near)  # "the Bamenda-Bafut road"
        first, _, rest = text.partition(" ")
        if place is None and rest and first.lower() in RELIEF_WORDS:
            place = geo.rank(rest, gaz, where, here, near)  # "Mount Sinjar": the place it is named for
        words = text.split()
        if place is None and len(words) > 1 and words[-1].lower() in TRAILING:
            for k in range(len(words) - 1, 0, -1):  # "Niamey Military Hospital": the city it is in
                lead = geo.rank(" ".join(words[:k]), gaz, where, here, near, town=True)
                if lead is not None and lead.population >= TRAILING_MIN_POPULATION and (
                        not where or lead.country in where):  # "Aden Adde International Airport" is Mogadishu's
                    place = lead
                    break
        if place is None and said:
            loc = geo.country_location(said, lex, gaz)
            if loc is not None:
                out.append(PlaceMention(loc, root, _locative(root)))
            continue
        if place is None:
            continue
        precision = area or {"admin1": "region", "admin2": "district"}.get(place.feature, "town")
        lat, lon = place.latitude, place.longitude
        shift = _offset(root)
        if shift is not None and lat is not None and lon is not None:
            lat, lon = _moved(lat, lon, *shift)
        out.append(PlaceMention(
            Location(name=place.name if precision == "town" else text, admin1=gaz.admin1_name(place),
                     country=place.country, latitude=lat, longitude=lon,
                     precision=precision,  # type: ignore[arg-type]
                     geonameid=place.geonameid or None),
            root, _locative(root) or _struck(root, lex)))  # "recaptured the town of X": its scene
    return _within_containers(_without_frames(out))


# Names the small tagger often gives a town ("the city of Manbij" a PRODUCT, "Mocimboa da Praia" a WORK_OF_ART):
# places only where the sentence puts something there
OTHER_NAMES = {"NORP", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"}
TRAILING_MIN_POPULATION = 20_000  # a facility's leading word is read as a city only when it is a sizeable one


def _split(ents: tuple[Span, ...]) -> list[Span]:
    """"El Aguaje in Aguililla" tagged as one name is two places, the second containing the first."""
    out: list[Span] = []
    for ent in ents:
        cuts = [t.i for t in ent[1:-1] if t.lower_ in ("in", "near") and t.pos_ == "ADP"]
        if not cuts:
            out.append(ent)
            continue
        start = ent.start
        for cut in [*cuts, ent.end]:
            if cut > start:
                out.append(ent.doc[start:cut])
            start = cut + 1
    return out


def _spread_over(root: Token) -> bool:
    """"Protests began in Malian towns": a demonym over plural settlements in a locative phrase is the
    country as a whole."""
    head = root.head
    return root.dep_ in ("amod", "compound") and head.tag_ == "NNS" and head.lemma_.lower() in SETTLEMENTS and (
        head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS)


def _town_word(ent: Span) -> bool:
    """"The city of Jenin", "Kaduna town": the text says it is a town, not the namesake region."""
    doc = ent.doc
    before = doc[ent.start - 2].lemma_.lower() if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return before in TOWN_NOUNS or after in TOWN_NOUNS


def _offset(root: Token) -> tuple[float, float] | None:
    """"20 kilometres north of Goma", "about 70 nautical miles south-east of Aden", "30 km (19 miles) west
    of X": the distance and bearing from the named town. Read off the words before "of", not the parse,
    which hangs the unit, the number and a hyphenated bearing in a different place each time."""
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return None
    of = root.head
    town = of.head  # "20 km north of the town of Bara": measured from the town named
    if town.lemma_.lower() in TOWN_NOUNS and town.dep_ == "pobj" and town.head.lower_ == "of":
        of = town.head
    m = MEASURED.search(root.doc.text[max(0, of.idx - 80):of.idx])
    if m is None:
        return None
    try:
        km = float(m.group(1).replace(",", "")) * UNITS[m.group(2).lower().rstrip("s")]
    except ValueError:
        return None
    return km, DIRECTIONS[m.group(3).lower().replace("-", "")]


def _moved(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """A point `km` from (lat, lon) on a compass bearing; flat-earth is close enough at tens of km."""
    rad = math.radians(bearing)
    lat2 = lat + km * math.cos(rad) / 111.0
    lon2 = lon + km * math.sin(rad) / (111.0 * max(0.1, math.cos(math.radians(lat))))
    return round(lat2, 4), round(lon2, 4)


def _without_frames(found: list[PlaceMention]) -> list[PlaceMention]:
    """"The West Bank city of Jenin": the name before the town noun frames the town; the town is the place."""
    out = []
    for m in found:
        head = m.token.head
        framed = m.token.dep_ in ("compound", "nmod", "amod") and head.lemma_.lower() in TOWN_NOUNS and any(
            n.token.dep_ == "pobj" and n.token.head.lower_ == "of" and n.token.head.head.i == head.i
            for n in found if n is not m)
        if not framed:
            out.append(m)
    return out


def _within_containers(found: list[PlaceMention]) -> list[PlaceMention]:
    """"El Aguaje, a town in the Aguililla region": a village read far from the place the text puts it
    in is a namesake, so the container stands for it; where the place is read inside its container
    ("Tera department (Tillaberi region)"), the container only locates it and is no scene of its own."""
    out = []
    framing: set[int] = set()
    for m in found:
        inner = {t.i for c in m.token.children if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "in")
                 for t in c.subtree}  # "X, a town in Y", "X in Y"
        boxes = [n for n in found if n is not m and n.token.i in inner and n.location.precision != "country"]
        box = min(boxes, key=lambda n: n.token.i, default=None)  # the first named is the nearest container
        far = box is not None and None not in (m.location.latitude, box.location.latitude) and geo.distance_km(
            (m.location.latitude, m.location.longitude), (box.location.latitude, box.location.longitude)) > 100
        if far and box is not None and box.location.precision == "region" and box.location.admin1 and (
                m.location.admin1 == box.location.admin1):
            far = False  # a big region's centre can lie far from a town that is inside it
        if box is not None and not far and m.location.latitude is not None:
            framing.update(n.token.i for n in boxes)
        out.append(PlaceMention(box.location, m.token, m.locative) if far and box else m)  # type: ignore[arg-type]
    return [m for m in out if m.token.i not in framing]


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
                if c is not None and c.iso3 and not (table is lex.capitals and name_beside(run)):  # "Lower Juba"
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
