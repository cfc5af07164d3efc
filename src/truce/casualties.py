"""Killed and wounded counts stated in a sentence, read off the dependency parse.

Words and digits both count; "at least N" is N, "15 to 20" is 15, "dozens" 12, "scores" 20,
"hundreds" 100 (GUIDELINES.md); "no one was killed" is 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

WORDS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "thousand": 1000, "thousands": 1000,
    "couple": 2, "pair": 2, "both": 2,
}
KILL = {"kill", "slay", "murder", "execute", "behead", "massacre", "lynch", "assassinate", "slaughter"}
DIE = {"die", "perish"}
WOUND = {"wound", "injure", "hurt", "maim"}
DEAD_ADJ = {"dead": "fatalities", "killed": "fatalities", "wounded": "injuries", "injured": "injuries",
            "hurt": "injuries"}
TOLL = {"toll"}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


@dataclass(frozen=True)
class Count:
    kind: str  # fatalities / injuries
    value: int
    token: int  # index of the word that states it, within the doc


def _num(token: Token) -> int | None:
    text = token.lower_
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    if "-" in text:
        parts = text.split("-")
        if all(p in WORDS for p in parts):
            return sum(WORDS[p] for p in parts)
    return WORDS.get(text)


def count_of(head: Token) -> int | None:
    """The number a victim phrase states: nummod, a number as head, "dozens of", "a soldier"."""
    if head.lower_ in ("no", "none", "nobody") or any(c.lower_ == "no" and c.dep_ == "det" for c in head.children):
        return 0
    if head.lower_ == "one" and any(c.lower_ == "no" for c in head.children):
        return 0
    values = [v for c in head.children if c.dep_ in ("nummod", "quantmod", "amod") for v in [_num(c)] if v]
    for c in head.children:
        if c.dep_ == "nummod":
            values += [v for t in c.subtree for v in [_num(t)] if v]
    if values:
        return min(values)
    own = _num(head)
    if own is not None and head.pos_ in ("NUM", "NOUN", "PRON", "DET"):
        if head.lower_ in ("a", "an"):
            return None
        return own
    for c in head.children:
        if c.dep_ == "det" and c.lower_ in ("a", "an", "one") and head.tag_ == "NN":
            return 1
    return None


def _victim(token: Token) -> Token | None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    want = ("nsubjpass",) if passive else ("dobj",)
    if token.lemma_ in DIE:
        want = ("nsubj",)
    for c in token.children:
        if c.dep_ in want:
            return c
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return token.head  # "three soldiers killed in the attack"
    if token.dep_ == "amod" and token.tag_ == "VBN":
        return token.head
    return None


def counts(sent: Span) -> list[Count]:
    out: list[Count] = []
    for t in sent:
        lemma = t.lemma_.lower()
        kind = None
        victim = None
        if t.pos_ in ("VERB", "AUX") and (lemma in KILL or lemma in DIE):
            kind, victim = "fatalities", _victim(t)
        elif t.pos_ == "VERB" and lemma in WOUND:
            kind, victim = "injuries", _victim(t)
        elif t.pos_ == "VERB" and lemma == "lose":
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_ in ("life", "live"):
                kind, victim = "fatalities", next((c for c in t.children if c.dep_ == "nsubj"), None)
            elif obj is not None and obj.pos_ in ("NOUN", "NUM"):
                kind, victim = "fatalities", obj
        elif t.lower_ in DEAD_ADJ and t.pos_ in ("ADJ", "VERB") and t.dep_ in ("oprd", "acomp", "amod", "xcomp",
                                                                                "ccomp", "advcl", "conj"):
            kind = DEAD_ADJ[t.lower_]
            if t.dep_ == "amod":
                victim = t.head
            else:
                gov = t.head
                victim = next((c for c in gov.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c != t), None)
        elif t.lower_ in DEAD_ADJ and t.pos_ in ("ADJ", "VERB", "NOUN") and any(
                c.dep_ == "nummod" for c in t.children):
            kind, victim = DEAD_ADJ[t.lower_], t
        elif lemma in TOLL:
            kind = "fatalities" if not any(c.lemma_ in ("injury", "wounded") for c in t.children) else "injuries"
            nums = [_num(x) for x in t.head.subtree if x.pos_ == "NUM" and x.i > t.i]
            nums = [n for n in nums if n is not None]
            if nums:
                out.append(Count(kind, min(nums), t.i))
            continue
        if kind and victim is not None:
            n = count_of(victim)
            if n is None and victim.dep_ == "pobj":
                n = count_of(victim.head.head)
            if n is None:
                prep_of = [c for c in victim.children if c.dep_ == "prep" and c.lower_ == "of"]
                if prep_of and victim.pos_ in ("NUM", "PRON"):
                    n = _num(victim)
            if n is not None:
                out.append(Count(kind, n, t.i))
    return _dedupe(out)


def _dedupe(found: list[Count]) -> list[Count]:
    """"killed 3 people ... the three dead" can state one number twice through two words; keep one."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for c in found:
        key = (c.kind, c.value, c.token)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
