"""Who an actor phrase names: its country (ISO3) and kind, from the actor lexicons.

Countries come from named states, capitals used for their governments ("Baku said"), demonyms
("Azeri army"), leaders by name on the event's day, and known organisations; pronouns and bare
definite phrases ("the ministry") take the last fitting actor of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from spacy.tokens import Token

from .lexicon import Lexicon, norm
from .records import Actor

_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "appos", "flat", "nummod", "det", "case", "prep", "pobj",
                "conj", "cc", "npadvmod", "quantmod", "punct"}
PERSON_TITLES = {"minister", "president", "premier", "spokesman", "spokeswoman", "spokesperson", "leader",
                 "commander", "chief", "governor", "mayor", "official", "ambassador", "envoy", "king", "queen",
                 "emir", "general", "colonel", "secretary", "chancellor", "senator", "lawmaker", "prosecutor",
                 "judge", "diplomat", "negotiator", "officer"}
TITLE_WORDS = PERSON_TITLES | {"prime", "deputy", "vice", "foreign", "defence", "defense", "interior", "mr", "mrs",
                                "ms", "dr", "sheikh", "field", "marshal", "lieutenant", "major", "captain", "gen"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_OTHER_PRONOUNS = {"it", "its", "they", "them", "their", "we", "our", "us"}


@dataclass
class Found:
    country: str | None = None
    kind: str | None = None
    has_country: bool = False  # a country-bearing word was found (its code may still be null)
    source: str = ""


@dataclass
class ActorMemory:
    """The article's actors so far, newest last, for pronouns and "the ministry"."""

    persons: list[Actor] = field(default_factory=list)
    others: list[Actor] = field(default_factory=list)
    settled: set[str] = field(default_factory=set)  # names whose null country is the rule, not a gap
    by_demonym: set[str] = field(default_factory=set)  # names whose country is only an adjective's
    surnames: dict[str, Actor] = field(default_factory=dict)  # "haradinaj" after "Ramush Haradinaj"

    def remember(self, actor: Actor, person: bool) -> None:
        (self.persons if person else self.others).append(actor)


def phrase_tokens(head: Token, limit: int = 14) -> list[Token]:
    """The words of the noun phrase headed by `head`, without relative clauses or long attachments."""
    out = [head]
    stack = [(c, 1) for c in head.children if c.dep_ in _PHRASE_DEPS]
    while stack and len(out) < limit:
        tok, depth = stack.pop()
        if (tok.dep_ == "prep" and tok.lower_ not in ("of", "for", "from", "in")) or depth > 3:
            continue
        out.append(tok)
        stack.extend((c, depth + 1) for c in tok.children if c.dep_ in _PHRASE_DEPS)
    return sorted(out, key=lambda t: t.i)


def _ngrams(tokens: list[Token], max_n: int) -> list[tuple[str, str]]:
    """Lookup keys for consecutive runs of capitalised words, longest first, with their text: names
    are proper nouns, so "a car" never reads as CAR, the Central African Republic."""
    out = []
    for n in range(min(max_n, len(tokens)), 0, -1):
        for i in range(len(tokens) - n + 1):
            run = tokens[i:i + n]
            if any(b.i != a.i + 1 for a, b in pairwise(run)) or not run[0].text[:1].isupper():
                continue
            if _inside_longer_name(run):
                continue  # "National Liberation Army" inside "West Papua National Liberation Army"
            text = " ".join(t.text for t in run)
            out.append((norm(text), text))
    return out


def _inside_longer_name(run: list[Token]) -> bool:
    """True when a run of two or more words is the tail or head of a longer proper name."""
    return len(run) >= 2 and name_beside(run)


def name_beside(run: list[Token]) -> bool:
    """Capitalised proper-noun words around the run ("Lower Juba", "Aden Adde Airport"), titles aside."""
    doc = run[0].doc
    before = doc[run[0].i - 1] if run[0].i > 0 else None
    after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    return any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in TITLE_WORDS
               for t in (before, after))  # "Prime Minister Novruz Mammadov": the title is not the name


def _case_ok(key: str, text: str, lex: Lexicon) -> bool:
    """An acronym name ("CAR", "AU", "IS") matches only when written in capitals."""
    return key not in lex.acronyms or text.replace(".", "").replace(" ", "").isupper()


def lookup(tokens: list[Token], lex: Lexicon, when: date | None) -> Found:
    """Country and kind from the first name the lexicons know, longest names first."""
    found = Found()
    keys = _ngrams(tokens, min(lex.max_name_words, 5))
    for key, text in keys:
        if not _case_ok(key, text, lex):
            continue
        org = lex.organisations.get(key)
        if org is not None:
            return Found(org.country, org.kind, True, "organisation")
        lead = lex.leader(key, when) if " " in key or key[:1].isalpha() else None
        if lead is not None and any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in tokens):
            return Found(lead.country, "government", True, "leader")
    for key, text in keys:
        if not _case_ok(key, text, lex):
            continue
        for table, src in ((lex.countries, "country"), (lex.demonyms, "demonym"), (lex.capitals, "capital")):
            c = table.get(key)
            if c is not None and (src != "capital" or any(t.pos_ == "PROPN" for t in tokens)):
                found = Found(c.iso3, None, True, src)
                break
        if found.has_country:
            break
    for t in reversed(tokens):  # the head noun decides the kind
        kind = lex.noun_kinds.get(t.lemma_.lower()) or lex.noun_kinds.get(t.lower_)
        if kind:
            found.kind = kind
            break
    if found.kind is None and found.source in ("country", "capital"):
        found.kind = "government"
    return found


def resolve(head: Token, lex: Lexicon, when: date | None, memory: ActorMemory,
            remember: bool = True) -> Actor | None:
    """The actor a phrase names, or None when it names nothing an event can be done by or to."""
    low = head.lower_
    if low in _PERSON_PRONOUNS and memory.persons:
        return memory.persons[-1]
    if low in _OTHER_PRONOUNS:
        return memory.others[-1] if memory.others else None
    if head.text[:1].isupper() and norm(head.text) in memory.surnames and not any(
            c.dep_ == "compound" for c in head.children):
        return memory.surnames[norm(head.text)]  # a leader named in full earlier, now by surname
    tokens = phrase_tokens(head)
    conj_heads = [head, *[t for t in tokens if t.dep_ == "conj" and t.head == head]]
    if len(conj_heads) > 1:
        parts = [lookup(phrase_tokens(h, 6), lex, when) for h in conj_heads]
        countries = {p.country for p in parts if p.has_country}
        found = parts[0]
        if len(countries) > 1:
            found = Found(None, found.kind or parts[1].kind, True, "several")
    else:
        found = lookup(tokens, lex, when)
    if not found.has_country and found.kind is None:
        if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            found.kind = "other"
        else:
            return None
    if not found.has_country and found.kind == "government" and _is_definite(head):
        prior = next((a for a in reversed(memory.others) if a.kind == found.kind and a.country), None)
        if prior is not None:
            found.country, found.has_country = prior.country, True
    while len(tokens) > 1 and (tokens[-1].pos_ in ("ADP", "DET", "PUNCT", "CCONJ") or tokens[-1].dep_ == "prep"):
        tokens = tokens[:-1]
    name = "".join(t.text_with_ws for t in tokens if not (t.dep_ == "det" and t == tokens[0])).strip()
    actor = Actor(name=name[:200] or head.text, country=found.country, kind=found.kind or "other")
    if found.has_country and found.country is None:
        memory.settled.add(actor.name)
    if found.source == "demonym":
        memory.by_demonym.add(actor.name)
    if found.source == "leader" and head.pos_ == "PROPN" and any(c.dep_ == "compound" for c in head.children):
        memory.surnames[norm(head.text)] = actor
    if remember or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        memory.remember(actor, person=head.ent_type_ == "PERSON" or found.source == "leader"
                        or head.lemma_.lower() in PERSON_TITLES)  # "Kosovo's prime minister ... he"
    return actor


def _is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
