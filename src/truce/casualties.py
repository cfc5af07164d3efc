"""Killed and wounded counts stated in a sentence, read off the dependency parse, with a pattern
fallback for the clipped wire forms the parser misreads ("12 others wounded").

Words and digits both count; "at least N" is N, "15 to 20" is 15, "dozens" 12, "scores" 20,
"hundreds" 100 (GUIDELINES.md); "no one was killed" and "no casualties" are 0. Each count keeps the
victims' group ("people", "soldiers", "civilians"...), so an event can sum sides and take the
lowest of conflicting reports of the same victims (`combine`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
KILL = {"kill", "slay", "murder", "execute", "behead", "massacre", "lynch", "assassinate", "slaughter", "martyr",
        "neutralize", "neutralise"}  # military communiqués: "neutralised" fighters are killed ones
DIE = {"die", "perish"}
WOUND = {"wound", "injure", "hurt", "maim"}
DEAD_ADJ = {"dead": "fatalities", "killed": "fatalities", "wounded": "injuries", "injured": "injuries",
            "hurt": "injuries"}
TOLL = {"toll"}
DEATHS = {"death", "fatality", "killing"}  # nouns that count the dead ("three deaths", "the killing of two")
INJURIES = {"wound", "injury", "burn"}
HOSPITALISE = {"hospitalise", "hospitalize"}
TAKEN = {"take", "rush", "admit", "evacuate", "carry", "transfer"}
HOSPITAL = "(hospital)"  # a group of its own: the hospitalised, a floor under the injured, not a side
GENERIC = {"people", "person", "other", "others", "individual", "one", "victim", "casualty", "some", "many",
           "dozen", "dozens", "scores", "hundreds", "dead", "killed", "wounded", "injured", "hurt", "death",
           "fatality", "member"}  # "five members of the community": people, not a side
# One side told with different words across sentences ("seven troops" ... "the soldiers") is one group.
SAME_GROUP = {"troop": "soldier", "troops": "soldier", "serviceman": "soldier", "servicemen": "soldier",
              "trooper": "soldier", "serviceperson": "soldier", "policemen": "policeman", "cop": "policeman",
              "policewoman": "policeman", "fighter": "militant", "insurgent": "militant", "terrorist": "militant",
              "jihadist": "militant", "attacker": "militant", "assailant": "militant", "khwarij": "militant",
              "rebel": "militant", "extremist": "militant", "gunman": "militant", "gunmen": "militant",
              "comrade": "militant",
              "resident": "civilian", "villager": "civilian", "inhabitant": "civilian"}
ENEMY_SIDE = {"enemy", "terrorist", "jihadist", "militant", "rebel", "insurgent", "attacker", "assailant",
              "bandit", "adversary", "hostile"}
OWN_SIDE = {"friendly", "our", "army", "military", "force", "troop", "soldier", "fama", "fds", "fanci", "government",
            "loyalist", "ally", "allied"}  # a communiqué's own side: the state's soldiers
SUBSET = {"including", "among", "of", "incl"}  # "including two children", "two of them": parts of a total
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")
_NUM = (r"(\d[\d,]*|a dozen|dozens|scores|hundreds|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)")
_Q = r"(?:at least |more than |over |around |about |some |nearly |almost |up to |an estimated )?"
_PATTERNS = [
    (re.compile(rf"\b{_Q}{_NUM}(?: \w+){{0,2}} (?:were |was |have been |had been |are |being )?(?:reportedly )?"
                r"(killed|dead|died|wounded|injured|hurt)\b", re.I), 1, 2),
    (re.compile(rf"\b(killing|wounding|injuring|leaving) {_Q}{_NUM}\b", re.I), 2, 1),
]


@dataclass(frozen=True)
class Count:
    kind: str  # fatalities / injuries
    value: int
    token: int  # index of the word that states it, within the doc (-1 for pattern matches)
    group: str = "people"  # the victims: "people" when unspecified, else their head noun's lemma
    vague: bool = False  # "dozens", "scores", "hundreds": a convention's figure, not a count


TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}


def _num(token: Token) -> int | None:
    text = token.lower_
    doc, i = token.doc, token.i
    if text in TENS and i + 2 < len(doc) and doc[i + 1].text == "-" and 0 < WORDS.get(doc[i + 2].lower_, 0) < 10:
        return WORDS[text] + WORDS[doc[i + 2].lower_]  # "Twenty-seven", which the tokenizer splits in three
    if 0 < WORDS.get(text, 0) < 10 and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in TENS:
        return WORDS[doc[i - 2].lower_] + WORDS[text]
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    if "-" in text:
        parts = text.split("-")
        if all(p in WORDS for p in parts):
            return sum(WORDS[p] for p in parts)
    return WORDS.get(text)


UNHARMED = {"unharmed", "unhurt", "uninjured", "safe"}
EVERYONE = {"crew", "everyone", "everybody", "all"}  # the whole of those at risk, not one of them


def _all_unharmed(sent: Span) -> list[Count]:
    """"The crew were unharmed", "all crew members are reported safe": nobody hurt or killed. Only when
    the whole company is unharmed; "the driver escaped unhurt" says nothing of the passengers."""
    for t in sent:
        if t.lower_ not in UNHARMED or t.dep_ not in ("acomp", "oprd", "advmod", "xcomp"):
            continue
        subj = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.lower_ in EVERYONE or any(
                c.lower_ in EVERYONE and c.dep_ in ("det", "compound", "predet") for c in subj.children)):
            return [Count("fatalities", 0, t.i), Count("injuries", 0, t.i)]
    return []


def _word_num(text: str) -> int | None:
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    return WORDS.get(text.split()[-1])


def count_of(head: Token) -> int | None:
    """The number a victim phrase states: nummod, a number as head, "dozens of", "a soldier"."""
    if head.lower_ in ("no", "none", "nobody", "anyone", "anybody") or any(
            c.lower_ == "no" and c.dep_ == "det" for c in head.children):
        return 0
    if head.lower_ == "one" and any(c.lower_ == "no" for c in head.children):
        return 0
    if head.lower_ == "another" and head.pos_ in ("PRON", "DET", "NOUN"):
        return 1  # "one officer was killed and another was wounded"
    values = [v for c in head.children if c.dep_ in ("nummod", "quantmod", "amod") for v in [_num(c)] if v]
    for c in head.children:
        if c.dep_ == "nummod":
            values += [v for t in c.subtree if t.lower_ not in ("a", "an") for v in [_num(t)] if v]
    if values:
        return min(values)
    own = _num(head)
    if own is not None and head.pos_ in ("NUM", "NOUN", "PRON", "DET"):
        if head.lower_ in ("a", "an"):
            return None
        return own
    for c in head.children:
        if c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") and head.tag_ == "NN":
            return 1
        if c.dep_ == "poss" and head.tag_ == "NN" and any(g.dep_ == "det" and g.lower_ in ("a", "an")
                                                          for g in c.children):
            return 1  # "a New People's Army rebel": the article hangs on the possessor
    if head.ent_type_ == "PERSON" and head.tag_ == "NNP":
        return 1  # "killed commander George Madlos": one named person
    return None


def _group(head: Token) -> str:
    lemma = head.lemma_.lower()
    if lemma == "member":
        return "people"  # "five members of the Nasa community": whoever they are, counted as people
    if head.pos_ in ("NUM", "PRON") or lemma in GENERIC or head.lower_ in GENERIC:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is not None and inner.pos_ == "NOUN" and inner.lemma_.lower() not in GENERIC:
            return inner.lemma_.lower()
        return "people"
    return SAME_GROUP.get(lemma, lemma)


def _victim_group(head: Token) -> str:
    """The victims' group; a definite phrase ("announced the deaths of the two men") tells victims
    already counted, whatever noun it now uses: a report of the total, not another side."""
    if any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "these", "those", "their") for c in head.children):
        return "people"
    return _group(head)


def _victims(head: Token) -> list[Token]:
    """The victim phrase and the phrases coordinated with it ("four soldiers and 20 assailants")."""
    out = [head]
    out += [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "NUM", "PROPN", "PRON")
            and not _own_state(c)]
    return out


def _own_state(victim: Token) -> bool:
    """"6 soldiers killed and another 18 injured": a coordinated victim with its own casualty word
    is that word's count, not the first one's."""
    def casualty_word(w: Token) -> bool:
        return w.lower_ in DEAD_ADJ or w.lemma_.lower() in KILL | DIE | WOUND

    after = victim.nbor(1) if victim.i + 1 < len(victim.doc) else None
    return any(c.dep_ in ("acl", "relcl", "amod") and casualty_word(c) for c in victim.children) or (
        after is not None and casualty_word(after))  # "3 dead and 7 wounded"


def _victim(token: Token) -> Token | None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    want = ("nsubjpass",) if passive else ("dobj",)
    if token.lemma_ in DIE or _telegraphic(token):
        want = ("nsubj",)
    found = [c for c in token.children if c.dep_ in want]
    if found:  # "Bamako (Mali), May 2: Six soldiers were killed": the dateline is no second victim
        return min(found, key=lambda c: abs(c.i - token.i))
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        shared = _victim(token.head)  # "no one was killed or injured"
        if shared is not None and count_of(shared) == 0:
            return shared
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return token.head  # "three soldiers killed in the attack"
    if token.dep_ == "amod" and token.tag_ == "VBN":
        return token.head
    return None


def _telegraphic(verb: Token) -> bool:
    """"with 6 soldiers killed", "on our side, four soldiers killed and seven wounded": a numbered
    subject of a bare participle, no auxiliary and no object, is the victim (a clipped passive)."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "dobj", "nsubjpass")
                                              for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.pos_ == "NUM" or any(c.dep_ == "nummod" for c in subj.children))


def _kill_shaped(t: Token) -> bool:
    """"shot dead", "beaten to death", "hacked to death"."""
    if any(c.lower_ == "dead" and c.i > t.i for c in t.children):
        return True  # not "the dead included three children": the dead before the verb are its subject
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
               for c in t.children)


def _in_subset(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        if cur.dep_ == "pobj" and cur.head.lower_ in SUBSET and cur.head.head.pos_ in ("NOUN", "NUM", "PRON"):
            return True
        if cur.dep_ == "prep" and cur.lower_ in SUBSET:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def counts(sent: Span) -> list[Count]:
    out: list[Count] = []
    for t in sent:
        lemma = t.lemma_.lower()
        kind = None
        victim = None
        if t.pos_ in ("VERB", "AUX") and (lemma in KILL or lemma in DIE or _kill_shaped(t)):
            kind, victim = "fatalities", _victim(t)
        elif t.pos_ == "VERB" and lemma in WOUND:
            kind, victim = "injuries", _victim(t)
        elif t.pos_ == "VERB" and lemma == "lose":
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_ in ("life", "live"):
                kind, victim = "fatalities", next((c for c in t.children if c.dep_ == "nsubj"), None)
            elif obj is not None and obj.pos_ in ("NOUN", "NUM"):
                kind, victim = "fatalities", obj
        elif t.pos_ == "VERB" and lemma == "leave":
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            state = next((c for c in t.subtree if c.lower_ in DEAD_ADJ and c.i > t.i), None)
            if obj is not None and state is not None:
                kind, victim = DEAD_ADJ[state.lower_], obj
        elif lemma in ("casualty", "injury", "death", "fatality") and any(
                c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            side = _side_of(t)
            out.append(Count("fatalities", 0, t.i, side))
            if lemma in ("casualty", "injury"):
                out.append(Count("injuries", 0, t.i, side))
            continue
        elif t.lower_ in DEAD_ADJ and t.pos_ in ("ADJ", "VERB") and t.dep_ in ("oprd", "acomp", "amod", "xcomp",
                                                                                "ccomp", "advcl", "conj"):
            kind = DEAD_ADJ[t.lower_]
            before = t.nbor(-1) if t.i > sent.start else None
            if t.dep_ == "amod":
                victim = t.head
            elif before is not None and before.pos_ in ("NUM", "NOUN") and (
                    _num(before) is not None or any(c.dep_ == "nummod" for c in before.children)):
                victim = before  # "and dozens injured", "12 others wounded"
            else:
                gov = t.head
                victim = next((c for c in gov.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c != t), None)
        elif t.lower_ in DEAD_ADJ and t.pos_ in ("ADJ", "VERB", "NOUN") and any(
                c.dep_ == "nummod" for c in t.children):
            kind, victim = DEAD_ADJ[t.lower_], t
        elif t.lower_ in DEAD_ADJ and t.pos_ == "ADJ" and any(
                c.dep_ == "nsubj" and c.pos_ == "NUM" for c in t.children):
            kind = DEAD_ADJ[t.lower_]  # "enemy side: about thirty dead"
            victim = next(c for c in t.children if c.dep_ == "nsubj" and c.pos_ == "NUM")
        elif lemma in DEATHS and t.pos_ == "NOUN" and t.dep_ != "compound":
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            whose = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if any(c.dep_ == "nummod" for c in t.children):  # "the hospital confirmed three deaths"
                n = count_of(t)
                if n is not None:
                    out.append(Count("fatalities", n, t.i))
            elif whose is not None:  # "the deaths of 12 people", "the killing of three of our comrades"
                n = count_of(whose) if count_of(whose) is not None else _num(whose)
                if n is not None:
                    out.append(Count("fatalities", n, t.i, _victim_group(whose)))
            continue
        elif t.pos_ == "VERB" and lemma in TAKEN | {"treat"} and any(
                w.lemma_.lower() in INJURIES and w.dep_ == "pobj" and w.head.lower_ in ("for", "with")
                for w in t.subtree):
            kind, victim = "injuries", _victim(t)  # "eight others were treated for gunshot wounds"
        elif t.pos_ == "VERB" and (lemma in HOSPITALISE or (lemma in TAKEN and any(
                w.lemma_.lower() == "hospital" for w in sent.doc[t.i + 1:min(t.i + 5, sent.end)]))):
            victim = _victim(t)  # "12 people were taken to hospital": injured, unless a toll says more
            n = count_of(victim) if victim is not None and not _in_subset(victim) else None
            if n:
                out.append(Count("injuries", n, t.i, HOSPITAL))
            continue
        elif lemma in TOLL:
            kind = "fatalities" if not any(c.lemma_ in ("injury", "wounded") for c in t.children) else "injuries"
            nums = [_num(x) for x in t.head.subtree if x.pos_ == "NUM" and x.i > t.i and not _a_part(x, t.head)]
            nums = [n for n in nums if n is not None]
            if nums:
                out.append(Count(kind, min(nums), t.i))
            continue
        if kind and victim is None and t.i > sent.start and t.nbor(-1).pos_ == "NUM" and _num(t.nbor(-1)):
            victim = t.nbor(-1)  # "3 dead and 7 wounded": the parse hangs the verb on the first count
        if not kind or victim is None or _in_subset(victim):
            continue
        for v in _victims(victim):
            n = count_of(v)
            if n is None and v.dep_ == "pobj":
                n = count_of(v.head.head)
            if n is None and v.pos_ in ("NUM", "PRON") and any(c.dep_ == "prep" and c.lower_ == "of"
                                                                  for c in v.children):
                n = _num(v)
            if n is not None:
                out.append(Count(kind, n, t.i, _victim_group(v), _vague(v)))
    out += _all_unharmed(sent)
    unhurt = [c for c in out if c.kind == "injuries" and c.value == 0 and sent.doc[c.token].lemma_.lower() in WOUND]
    if unhurt and not any(c.kind == "fatalities" for c in out) and not any(t.lower_ == "else" for t in sent):
        out.append(Count("fatalities", 0, unhurt[0].token, unhurt[0].group))  # "nobody was hurt": nor killed
    found = {c.kind for c in out}
    for rx, num_group, word_group in _PATTERNS:  # what the parse missed, kind by kind
        for m in rx.finditer(sent.text):
            word = m.group(word_group).lower()
            kind = "fatalities" if word in ("killed", "dead", "died", "killing", "leaving") else "injuries"
            n = _word_num(m.group(num_group))
            if kind not in found and n is not None and not _subset_text(sent.text, m.start()) and not re.search(
                    r"\bof (?:the|them|those|whom)\b", m.group(0), re.I):  # "eleven of the injured": a part
                out.append(Count(kind, n, -1, vague=m.group(num_group).lower() in VAGUE))
    return _by_place(sent, _by_side(sent, _dedupe(out)))


VAGUE = {"dozens", "scores", "hundreds", "thousands"}


def _vague(victim: Token) -> bool:
    return victim.lower_ in VAGUE or any(c.lower_ in VAGUE for c in victim.children if c.i < victim.i)


def _sides(sent: Span) -> list[tuple[Token, str]]:
    """Communiqués tell tolls side by side: "on the friendly side, four soldiers killed; on the enemy
    side, about twenty terrorists neutralised", "FAMa side: 4 dead". Each labelled "side" with the
    group its words name (the enemy's fighters or the army's soldiers)."""
    out = []
    for t in sent:
        if t.lemma_.lower() != "side" or t.tag_ != "NN" or any(
                c.lower_ in ("both", "either", "each", "other", "one", "this", "that") for c in t.children):
            continue
        words = [w for w in t.subtree if w.i > t.i]
        for w in reversed(sent.doc[max(sent.start, t.i - 6):t.i]):
            if w.text in (":", ";", ",", ".") or w.lower_ == "on":
                break
            words.append(w)
        names = {w.lemma_.lower() for w in words} | {w.lower_ for w in words} | {w.lower_.rstrip("s") for w in words}
        if names & ENEMY_SIDE:
            out.append((t, "militant"))
        elif names & OWN_SIDE:
            out.append((t, "soldier"))
    return out


def _by_side(sent: Span, found: list[Count]) -> list[Count]:
    """Unspecified victims ("4 dead", "some thirty people") take the side the sentence files them
    under, so the two sides of a communiqué add up instead of competing as reports of one toll."""
    sides = _sides(sent)
    if not sides:
        return found
    out = []
    for c in found:
        side = None
        if c.token >= 0:
            for t, group in sides:
                heading = t.i + 1 < sent.end and sent.doc[t.i + 1].text in (":", ",")
                prep = t.head if t.dep_ == "pobj" and t.head.lower_ in ("on", "among") else None
                if heading and t.i < c.token:
                    side = group  # the last heading before the count
                elif prep is not None and c.token in (prep.head.i, prep.head.head.i):
                    side = group  # "neutralised some thirty people on the terrorist side"
                    break
        out.append(Count(c.kind, c.value, c.token, side, c.vague) if side and c.group == "people" else c)
    return out


def _place_after(sent: Span, start: int, stop: int) -> str | None:
    """The named place a count is told for: "4 dead and 12 wounded in Boulkessi"."""
    for w in sent.doc[start:min(stop, start + 8, sent.end)]:
        if w.text in (";", ".") or (w.dep_ == "pobj" and w.i > start and w.head.lower_ in ("in", "at", "near")
                                     and (w.ent_type_ in ("GPE", "LOC", "FAC") or w.pos_ == "PROPN")):
            return w.text if w.text not in (";", ".") else None
    return None


def _by_place(sent: Span, found: list[Count]) -> list[Count]:
    """Counts of one side told place by place in one sentence ("4 dead in Boulkessi, and 2 dead in
    Mondoro") are parts of the event's toll: they add up, they do not conflict."""
    if len(found) < 2:
        return found
    out = list(found)
    for kind in ("fatalities", "injuries"):
        parsed = sorted((c for c in out if c.kind == kind and c.token >= 0 and c.value), key=lambda c: c.token)
        for group in {c.group for c in parsed}:
            mine = [c for c in parsed if c.group == group]
            if len(mine) < 2:
                continue
            placed = {}
            for c, nxt in zip(mine, [*mine[1:], None], strict=True):
                place = _place_after(sent, c.token, nxt.token if nxt else sent.end)
                if place is not None:
                    placed.setdefault(place.lower(), []).append(c)
            if len(placed) < 2:
                continue
            parts = [min(cs, key=lambda c: c.value) for cs in placed.values()]
            used = {id(c) for cs in placed.values() for c in cs}
            out = [c for c in out if id(c) not in used]
            out.append(Count(kind, sum(c.value for c in parts), parts[0].token, group, any(c.vague for c in parts)))
    return out


def _a_part(x: Token, top: Token) -> bool:
    """"put the toll at 12, including two civilians": the number under "including" is a part of the toll,
    not the toll; one in another clause is not the toll either."""
    while x.i != top.i and x.head.i != x.i:
        if x.lower_ in ("including", "among", "incl"):
            return True
        if x.dep_ in ("conj", "ccomp", "advcl", "parataxis") and x.pos_ in ("VERB", "AUX"):
            return True  # "put the toll at 40 and said 17 were wounded": another clause's number
        x = x.head
    return False


def _side_of(t: Token) -> str:
    """Whose zero it is: "no casualties on the side of the rebels" / "among the soldiers" speaks for one
    side (a group, added to the others), a bare "no casualties" for the whole event."""
    for w in [*t.subtree, *t.head.subtree]:
        if w.dep_ == "pobj" and w.head.lower_ in ("among", "of") and (
                w.head.lower_ == "among" or w.head.head.lemma_.lower() in ("side", "ranks")):
            return _group(w)
    return "people"


def _subset_text(text: str, start: int) -> bool:
    return bool(re.search(r"\b(including|among them|of them|of whom)\s*$", text[:start], re.I))


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


def combine(found: Iterable[Count], kind: str) -> int | None:
    """One event's figure from every count its sentences state.

    Each victim group (soldiers, militants, civilians) is one side's toll: the lowest report of each
    group, summed over groups. Totals of unspecified victims ("nine people", "the toll") report the
    whole: every total and that sum are reports of one toll, and the lowest wins (conflicting
    sources, ACLED's conservative rule).
    """
    values = [c for c in found if c.kind == kind]
    if any(c.group != HOSPITAL for c in values):
        values = [c for c in values if c.group != HOSPITAL]  # "dozens hurt, five hospitalised": a part
    if any(c.value and not c.vague for c in values):  # "dozens killed" in a headline yields to the counts
        values = [c for c in values if not (c.vague and c.group == "people")]
    if not values or all(c.value == 0 and c.group != "people" for c in values):
        return None  # "no civilians were hurt" says nothing of the fighters: no toll, not 0
    generic = [c.value for c in values if c.group in ("people", HOSPITAL)]
    groups: dict[str, int] = {}
    for c in values:
        if c.group not in ("people", HOSPITAL):
            groups[c.group] = min(groups.get(c.group, c.value), c.value)
    side_sum = sum(groups.values())
    if not generic or side_sum:  # one side's "no casualties" is no total beside "four others wounded"
        generic = [*generic, side_sum] if groups else generic
    return min(generic)
