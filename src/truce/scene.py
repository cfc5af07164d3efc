"""Where an event happened, among the places its sentence names: its own clause first, not where
people come from, not the reporting authorities' town, not a capital that stands for its government,
and one event for each place of a list ("in A, B and C")."""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon, nlp, places
from .detect import REPORTING, Candidate
from .records import Location

PRESSURE_WORDS = {"sanction", "sanctions", "pressure", "impose", "slap", "exert", "embargo", "restriction", "demand",
                  "call", "ban", "levy", "tariff"}  # what is put on a government ("sanctions on Kigali")


def clause(tok: Token, trigger: Token) -> set[int]:
    """A word's own clause: its subtree without the clauses hanging on it ("after police arrested him"),
    except one that describes the trigger itself ("the fighting, which broke out in X")."""
    out, todo = {tok.i}, [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ not in ("advcl", "ccomp", "relcl", "parataxis") or (c.dep_ == "relcl" and c.head.i == trigger.i):
                out.add(c.i)
                todo.append(c)
    return out


def pick_place(c: Candidate, found: list[places.PlaceMention], material: bool,
               own: set[int]) -> tuple[Location | None, list[Location]]:
    """The nearest place to the trigger (finer, in its own clause and locative first), and places
    coordinated with it."""
    usable = [p for p in found if not origin(p, c) and (p.locative or (
        material and p.location.precision != "country"))]  # "Russia's war": a country named in passing is no scene
    if not usable:
        return None, []

    def rank(p: places.PlaceMention) -> tuple[int, int, int, int]:
        return (p.location.precision == "country", p.token.i not in own, not p.locative, abs(p.token.i - c.token.i))

    best = min(usable, key=rank)
    if not material:
        return best.location, []
    extra = [p.location for p in usable if p is not best and p.location.precision != "country"
             and p.location.name != best.location.name and coordinated(p.token, best.token)]
    return best.location, extra


def in_relative_clause(tok: Token) -> bool:
    """The word lies in a clause that describes a noun ("a day of unrest that left one dead in X")."""
    return describing_clause(tok) is not None


def describing_clause(tok: Token) -> Token | None:
    """The verb of the clause describing a noun that the word lies in, if any."""
    cur = tok
    for _ in range(8):
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def speaker_words(s: nlp.Sentence, trigger: Token) -> set[int]:
    """The words naming who reports the event ("officials in Kabul said"), unless the trigger is among them."""
    out: set[int] = set()
    for t in s.span:
        if t.lemma_.lower() in REPORTING and t.pos_ == "VERB" and t.i != trigger.i:
            for subj in (c for c in t.children if c.dep_ == "nsubj"):
                words = {w.i for w in subj.subtree}
                if trigger.i not in words:
                    out |= words
    return out


def telling_words(trigger: Token) -> set[int]:
    """Where a deed is told, not done: "told reporters in Mogadishu that troops had repulsed the attack";
    an opening "In Peshawar, police said ..." frames the whole sentence."""
    below = trigger
    for gov in trigger.ancestors:
        if gov.lemma_.lower() in REPORTING and gov.pos_ == "VERB" and below.dep_ in ("ccomp", "parataxis"):
            return {w.i for c in gov.children if c.dep_ in ("prep", "dobj") and c.i > gov.i for w in c.subtree}
        below = gov
    return set()


def origin(p: places.PlaceMention, c: Candidate) -> bool:
    """A country something comes from ("support from neighbouring Serbia") or is put down to ("a strike it
    attributed to Turkey") is not where an attack happens; troops sent to a country are there."""
    prep_tok = preposition(p.token)
    prep = prep_tok.lower_ if prep_tok is not None else ""
    if prep == "from" and prep_tok is not None and prep_tok.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
        return True  # "demonstrators, many of them from the regions of Puno and Cusco, marched through Lima"
    return p.location.precision == "country" and (prep == "from" or (prep == "to" and c.plover == "ASSAULT"))


def for_its_government(p: places.PlaceMention, lex: lexicon.Lexicon) -> bool:
    """"sanctions on Kigali", "pressure on Moscow": a capital that stands for its government; "in Kigali" is
    the city."""
    prep = preposition(p.token)
    return lexicon.norm(p.token.text) in lex.capitals and prep is not None and prep.lower_ in ("on", "against") and (
        prep.head.lemma_.lower() in PRESSURE_WORDS)


def preposition(tok: Token) -> Token | None:
    """The preposition that introduces a place, past "the regions of" and lists ("from the regions of Puno")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("conj", "compound", "appos") and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ in ("NOUN", "PROPN"):
            cur = cur.head.head
        elif cur.dep_ == "pobj":
            return cur.head
        else:
            return None
    return None


def coordinated(a: Token, b: Token) -> bool:
    """Two places joined by "and" or commas; a name inside a plural ("Zabul and Uruzgan provinces") stands
    for its noun."""
    a, b = (t.head if t.dep_ == "compound" and t.head.dep_ == "conj" else t for t in (a, b))
    return (a.dep_ == "conj" and (a.head == b or a.head.head == b)) or (b.dep_ == "conj" and b.head == a) or (
        a.dep_ == "conj" and b.dep_ == "conj" and a.head == b.head)
