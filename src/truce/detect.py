"""Event candidates from trigger words and the dependency parse, one sentence at a time.

A candidate is a trigger (lexicons/triggers.yml) that survives the filters for what is not an
event (negation, hypotheticals, denials, hazards, history), with the actors its syntax names
("X attacked Y", "Y was attacked by X", "X's attack on Y", "fighting between X and Y").
The `Detector` protocol lets a trained component stand beside these rules, chosen by config.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from spacy.tokens import Token

from .lexicon import Lexicon, Trigger, norm
from .nlp import Sentence

# Verbs that make what they govern unreal, future or denied: "threatened to attack", "denied shelling".
IRREALIS = {"threaten", "warn", "vow", "plan", "prepare", "intend", "seek", "want", "aim", "call", "urge",
            "demand", "ask", "try", "attempt", "prevent", "avoid", "deny", "reject", "refute", "dismiss",
            "fear", "risk", "expect", "hope", "consider", "propose", "need", "fail", "stop", "halt", "end",
            "ban", "forbid", "allow", "ready", "able", "likely", "possible", "refuse", "pledge", "promise",
            "oppose", "condemn", "criticise", "criticize", "investigate", "probe", "help",
            # remembered, not reported: "the 70th anniversary of the battle"
            "anniversary", "commemorate", "commemoration", "remember", "recall", "memorial", "celebrate",
            # wanted or feared, not done: "efforts to retake", "the threat of an attack"
            "effort", "bid", "threat", "warning", "possibility", "prospect", "danger", "appeal"}
# Irrealis for material events only; a verbal act inside them still counts ("vowed to meet").
IRREALIS_VERBAL = {"deny", "reject", "refute", "dismiss", "avoid", "prevent", "fail", "refuse", "hope",
                   "consider", "expect", "want", "plan", "propose", "try", "seek", "attempt", "effort", "bid",
                   "aim", "intend", "prepare",
                   # the content of a request or warning is not itself an act: "urged them to cooperate"
                   "call", "urge", "ask", "demand", "appeal", "warn", "threaten", "vow", "press", "encourage",
                   "invite", "order", "tell", "allow", "let", "force", "help"}
PERSON_OBJECTS = {"prisoner", "hostage", "detainee", "captive", "soldier", "civilian", "journalist", "worker",
                  "activist", "national", "citizen", "fighter", "member", "sailor", "crew", "pow", "person", "people",
                  "man", "woman", "child", "student", "teacher", "official", "leader"}
VICTIM_SUBJECT = {"lose", "die", "dead", "death", "casualty", "toll", "wound", "injure"}
MODALS = {"could", "might", "may", "would", "should", "must", "can", "cannot"}
FUTURE = {"will", "shall", "'ll", "wo"}
FUTURE_FRAMES = {"set", "due", "scheduled", "expected", "slated", "plan", "planned", "going", "poised"}
REPORTING = {"say", "tell", "report", "announce", "state", "add", "claim", "confirm", "write", "note",
             "quote", "cite", "according", "insist", "explain", "allege", "assert", "declare", "post"}
FALSE_REPORT = {"false", "untrue", "baseless", "unfounded", "fake", "fabricated", "inaccurate", "groundless"}
ARMED_MODIFIERS = {"armed", "heavy", "fierce", "deadly", "intense"}  # "armed clashes" need no armed noun beside
LIGHT_VERBS = {"throw", "hurl", "toss", "hold", "have", "attend", "host", "begin", "start", "open", "conclude",
               "end", "resume", "take",
               "launch", "conduct", "carry", "stage", "mount", "sign", "reach", "announce", "declare", "impose",
               "agree", "broker", "seal", "convene", "chair", "join", "extend", "approve", "adopt", "slap",
               "expand", "unveil", "order", "come", "enter", "go", "break", "collapse", "lead",
               "perpetrate", "commit", "execute", "intensify", "escalate", "erupt", "continue", "face",
               "introduce", "renew", "tighten", "lift", "level", "voice", "express", "issue", "make", "file",
               "flare", "spread", "rage", "grip", "rock", "hit", "trigger", "spark", "prompt", "follow",
               "see", "witness", "quell", "dispute", "fire", "use", "deploy", "spray", "lob", "shoot",
               # a weapon that acts or is met: "a roadside bomb killed", "stepped on a landmine"
               "kill", "wound", "injure", "strike", "explode", "detonate", "plant", "step", "damage", "destroy",
               "target", "rip", "tear", "claim", "blow", "set", "leave", "defuse",
               "call", "organise", "organize", "arrange", "postpone", "cancel", "schedule"}
HABITUAL = {"repeatedly", "regularly", "frequently", "often", "routinely", "daily", "nightly", "constantly",
            "usually", "sometimes", "occasionally", "habitually"}
HABITUAL_ADJ = {"persistent", "repeated", "frequent", "constant", "regular", "continual", "incessant", "routine",
                "long-standing", "longstanding", "perennial", "recurrent", "recurring", "periodic"}
CAUSE_MARKS = {"after", "because", "since", "as"}
NOBODY = {"nobody", "noone", "none"}
COMMENTATORS = {"analyst", "expert", "observer", "commentator", "researcher", "witness", "resident", "academic"}
IRREAL_MARKS = {"if", "unless", "until", "whether", "lest", "till"}


@dataclass
class Candidate:
    trigger: Trigger
    token: Token
    sentence: Sentence
    subtype: str | None
    subject: Token | None = None  # actor1's head word
    object: Token | None = None  # actor2's head word
    pair: tuple[Token, Token] | None = None  # "between X and Y"
    tense: str = "past"

    @property
    def plover(self) -> str:
        return self.trigger.plover


class Detector(Protocol):
    """Finds event candidates in one sentence; rules today, a trained model may stand beside them."""

    def __call__(self, sentence: Sentence) -> list[Candidate]: ...


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


CLAUSE_DEPS = {"conj", "cc", "advcl", "ccomp", "relcl", "parataxis", "xcomp", "acl"}


def _hyphenated(tok: Token) -> str:
    """"sit-in", "walk-out": the tokenizer splits them; the last piece stands for the whole word."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return f"{doc[i - 2].lower_}-{tok.lower_}"
    return ""


def _near(tok: Token, depth: int = 2) -> list[Token]:
    """Words in the trigger's own phrase: "opened an investigation and called on France" is no "open ...
    call"."""
    out, frontier = [], [tok]
    for _ in range(depth):
        frontier = [c for f in frontier for c in f.children if c.dep_ not in CLAUSE_DEPS]
        out.extend(frontier)
    return out


def _key(tok: Token) -> str:
    return tok.lemma_.lower()


class RuleDetector:
    """Lexicon triggers plus dependency patterns (the `rules.v1` detector)."""

    name = "rules.v1"

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, sentence: Sentence) -> list[Candidate]:
        out = []
        for tok in sentence.span:
            if tok.ent_type_ in ("DATE", "TIME"):
                continue  # "March 3", "a strike day" are times, not happenings
            options = self._match(tok) or [t for t in [self._demand(tok)] if t is not None]
            for trig in options:  # the most specific reading that survives the filters
                cand = self._candidate(tok, trig, sentence)
                if cand is not None:
                    out.append(cand)
                    break
        return out

    def _demand(self, tok: Token) -> Trigger | None:
        """"X said Y must/should be done": the speaker asks for it (REQUEST); "X said it would keep
        attacking": the speaker threatens (THREATEN). Patterns of a clause, not words."""
        if _key(tok) not in REPORTING or tok.pos_ != "VERB":
            return None
        for comp in _children(tok, ("ccomp",)):
            if any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in comp.children):
                return self.lex.demand
            future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in comp.children)
            if future and any(t.plover == "ASSAULT" and not t.casualty
                              for w in [comp, *_children(comp, ("xcomp",))]
                              for t in self.lex.triggers.get(_key(w), ())):
                return self.lex.threat
        return None

    @staticmethod
    def _demanded_of(tok: Token) -> Token | None:
        for comp in _children(tok, ("ccomp",)):
            subj = next(iter(_children(comp, ("nsubj", "nsubjpass"))), None)
            if subj is not None:
                return next((t for t in subj.subtree if t.dep_ == "pobj"), subj) if subj.lower_ in (
                    "role", "work", "mission", "task") else subj
        return None

    def _match(self, tok: Token) -> list[Trigger]:
        pos = "NOUN" if tok.pos_ == "PROPN" else tok.pos_
        if pos == "AUX":
            pos = "VERB"
        options = self.lex.triggers.get(_hyphenated(tok)) or self.lex.triggers.get(_key(tok)) or \
            self.lex.triggers.get(tok.lower_)
        found: list[Trigger] = []
        if not options:
            return found
        near = None
        for trig in options:
            if pos not in trig.pos:
                continue
            if trig.extra or trig.with_:
                if near is None:
                    near = {w for t in _near(tok) for w in (_key(t), t.lower_)}
                    if tok.i + 1 < len(tok.doc):  # a particle right after the verb: "handed over"
                        near.add(tok.doc[tok.i + 1].lower_)
                if trig.extra and not all(w in near for w in trig.extra):
                    continue
                if trig.with_ and not (trig.with_ & near):
                    continue
            found.append(trig)
        return found

    def _candidate(self, tok: Token, trig: Trigger, sentence: Sentence) -> Candidate | None:
        lex = self.lex
        if any(c.dep_ == "neg" for c in tok.children) or (any(
                c.dep_ == "det" and c.lower_ == "no" for c in tok.children) and not trig.casualty):
            return None  # "no casualties were reported" stays: its toll of 0 belongs to the event told before
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound" and trig.category == "verbal":
            return None  # "peace talks process", "a meeting room"
        material = trig.category == "material"
        if not material and tok.pos_ == "VERB" and tok.dep_ == "advcl" and _children(tok, ("aux",)) and all(
                c.lower_ == "to" for c in _children(tok, ("aux",))):
            return None  # "will hold talks ... to press for an end to the violence": the talks' purpose
        if not material and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and any(
                t.plover == "ASSAULT" and not t.casualty for t in lex.triggers.get(_key(tok.head), ())):
            return None  # "the military targeted a meeting of fighters": the meeting is the target
        if material and tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") \
                and _key(tok.head) not in lex.triggers:
            return None  # "combat readiness", "protest camp": a kind of thing, not a happening
        if not material and tok.dep_ in ("amod", "acl", "compound", "nmod") and tok.tag_ in ("VBN", "JJ") \
                and not _children(tok, ("nsubj",)):
            return None  # "UN-backed government", "a man accused of spying": a description, not an act
        if trig.active_only and _children(tok, ("auxpass", "nsubjpass")):
            return None
        if trig.not_governed_by and _key(tok.head) in trig.not_governed_by:
            return None
        if not material and tok.dep_ in ("advcl", "xcomp", "conj") and any(
                t.plover == "PROTEST" for t in self.lex.triggers.get(_key(tok.head), ())):
            return None  # "marched ... demanding": the crowd's demand is part of its protest
        if any(_key(c) in lex.blockers or c.lower_ in lex.blockers for c in tok.children
               if c.dep_ in ("compound", "amod", "nmod", "npadvmod")):
            return None  # "an information attack", "attack ads"
        chain = list(_governors(tok))
        if tok.tag_ == "VBD" and tok.dep_ == "conj" and tok.head.tag_ == "VB" and tok.head.dep_ == "xcomp":
            chain = [tok, *chain[3:]]  # "urged allies to supply arms and accused Moscow": a second act, not asked for
        elif tok.dep_ == "conj" and tok.tag_ in FINITE and tok.head.tag_ in FINITE:
            chain = [tok, *chain[2:]]  # "dismissed the sanctions and accused Washington": two acts side by side
        if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in HABITUAL_ADJ for c in tok.children):
            return None  # "his persistent calls for ...": a pattern of acts, not one
        if any(c.lower_ in HABITUAL for g in chain[:3] for c in g.children if c.dep_ in ("advmod", "npadvmod")):
            return None  # "attacks have taken place repeatedly": a pattern, not one happening
        if any(any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in g.children)
               for g in chain[1:5] if g.pos_ in ("NOUN", "PROPN")):
            return None  # "no reports of arrests"
        if any(c.dep_ in ("acomp", "attr") and _key(c) in FALSE_REPORT for g in chain[1:7] for c in g.children):
            return None  # "reports of an attack on the post were false"
        if trig.plover in ("ACCUSE", "REQUEST", "REJECT", "RETREAT") and any(
                g.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in g.children)
                for g in chain[:3]):
            return None  # "troops were sent after villagers complained", "took the town after troops withdrew"
        blocked = IRREALIS if material else IRREALIS_VERBAL
        reach = _modal_reach(chain)
        if any(_key(g) in blocked and g.i != tok.i and not _told(g, below) for below, g in pairwise(reach)):
            return None
        if any(c.dep_ == "mark" and c.lower_ in IRREAL_MARKS for g in chain[:3] for c in g.children):
            return None  # "until Indonesia agreed to a referendum": a condition, not a happening
        if trig.needs_future and _tense(tok, chain) != "future":
            return None  # "Moscow would respond" threatens; "did not respond to requests" does not
        if material and _modal(tok, chain):
            return None
        if material and tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                and not any(_key(g) in ("manage", "succeed", "continue", "begin", "start", "resolve", "decide", "vote")
                            for g in chain[1:2]):
            return None  # "deployed to fight the insurgents": a purpose, not a happening
        if trig.light and not _light_ok(tok):
            return None
        if material and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("including", "among"):
            return None  # "arrested three men, including a would-be suicide bomber": who, not what happened
        tense = _tense(tok, chain)
        subject, obj, pair = _roles(tok)
        if trig is self.lex.demand:
            obj = self._demanded_of(tok)
        if trig is self.lex.threat:
            obj = next((o for comp in _children(tok, ("ccomp",)) for w in [comp, *_children(comp, ("xcomp",))]
                        for o in _children(w, ("dobj",))), None)
        subject, obj = _not_time(subject), _not_time(obj)
        if any(t is not None and (t.lower_ in NOBODY or (t.lower_ == "one" and any(
                c.lower_ == "no" for c in t.children))) for t in (subject, obj)):
            return None  # "no one had been arrested", "nobody was hurt"
        if trig.plover in ("THREATEN", "REQUEST") and subject is not None and subject.pos_ == "NOUN" and (
                _key(subject) in COMMENTATORS):
            return None  # "analysts say the fall of the town would open the road": a forecast, not a threat
        if trig.casualty and _key(tok) in VICTIM_SUBJECT:  # "X lost a soldier", "two died": the victims' side
            obj, subject = obj or subject, None
        if trig.needs_place_object and not (obj is not None and _is_place(obj, lex)):
            return None
        if trig.needs_place_subject and not (subject is not None and _is_place(subject, lex)):
            return None
        if (trig.needs_addressee or trig.needs_target) and obj is None and pair is None:
            return None
        if trig.needs_person_object and not (obj is not None and (
                _key(obj) in PERSON_OBJECTS or obj.ent_type_ in ("PERSON", "NORP", "CARDINAL")
                or lex.noun_kinds.get(_key(obj)) in ("civilians", "state_forces", "rebels", "militia"))):
            return None  # "released footage" is no concession
        if trig.plover == "REQUEST" and any(_key(t) in ("name", "identify", "anonymity") for t in tok.subtree):
            return None  # "asking not to be named"
        if subject is not None and _key(subject) in lex.hazards:
            return None
        if material and trig.plover == "ASSAULT" and _hazard_sentence(sentence, lex, tok):
            return None
        if trig.needs_armed and pair is None and not _armed_words(sentence, lex) and not any(
                c.dep_ == "amod" and c.lower_ in ARMED_MODIFIERS for c in tok.children) and not _weapon_agent(tok, lex):
            return None
        return Candidate(trig, tok, sentence, trig.subtype, subject, obj, pair, tense)


def _not_time(tok: Token | None) -> Token | None:
    return None if tok is None or tok.ent_type_ in ("DATE", "TIME") else tok


FINITE = {"VBD", "VBZ", "VBP"}


def _modal_reach(chain: list[Token]) -> list[Token]:
    """The governors a "tried to", "refused to" reaches: not past a participle that tells what was done
    meanwhile ("tried to storm the airport, hurling rocks at police": the rocks flew)."""
    out = chain[:4]
    for k, t in enumerate(out[:-1]):
        if t.dep_ == "advcl" and t.tag_ == "VBG":
            return out[:k + 1]
    return out


def _told(gov: Token, clause: Token) -> bool:
    """"told reporters he had complained": a finite clause under "tell" is reported, not ordered ("told
    them to leave")."""
    return _key(gov) == "tell" and clause.dep_ == "ccomp" and (clause.tag_ in FINITE or any(
        c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "aux" and c.lower_ != "to") for c in clause.children))


def _governors(tok: Token):
    """Heads above a word up to its sentence root (the word itself first)."""
    seen = 0
    cur = tok
    while seen < 12:
        yield cur
        if cur.head.i == cur.i:
            return
        cur = cur.head
        seen += 1


def _modal(tok: Token, chain: list[Token]) -> bool:
    for g in chain[:3]:
        for c in g.children:
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
        if g.dep_ in ("ccomp", "advcl", "relcl", "ROOT"):
            break
    return False


def _tense(tok: Token, chain: list[Token]) -> str:
    """"future" (will, is set to), "progressive" (is hosting: future when a day is named), "present"
    (simple present: a habit or state unless a time is named), or "past"."""
    verbal = tok.pos_ in ("VERB", "NOUN") and bool(chain) and any(_key(g) in REPORTING for g in chain[1:5])
    for g in chain[:4]:
        for c in g.children:
            if c.dep_ == "aux" and (c.lower_ in FUTURE or (verbal and c.lower_ == "would")):
                return "future"  # "said its envoy would hold talks on Friday": future seen from the past
        if g.lemma_.lower() in FUTURE_FRAMES and g.i != tok.i and any(c.dep_ == "xcomp" for c in g.children):
            return "future"
        if g.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in g.children):
            return "progressive"
        if g.tag_ in ("VBZ", "VBP") and g.pos_ == "VERB" and _key(g) not in REPORTING:
            return "present"
        if g.tag_ == "VBN" and g.pos_ == "VERB" and _key(g) not in REPORTING and any(
                c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in g.children):
            return "present"  # "the east is controlled by the LNA", "is supported by": a standing state
        if g.tag_ in ("VBD", "VBN") or g.dep_ in ("ccomp", "ROOT"):
            break
    return "past"


def _light_ok(tok: Token) -> bool:
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in LIGHT_VERBS for c in tok.children):
        return True  # "disorder flared ..." read as a noun with a clause
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") and _children(c, ("pobj",)) for c in tok.children):
        return True  # "talks with Guyana's president": the parties make it one meeting
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "conj") and head.lemma_.lower() in LIGHT_VERBS:
        return True
    if tok.dep_ == "pobj" and head.head.lemma_.lower() in LIGHT_VERBS | {"in", "for"} and head.lower_ in ("for",):
        return True
    return tok.dep_ == "nsubj" and head.lemma_.lower() in ("take", "come", "begin", "start", "end", "collapse")


def _roles(tok: Token) -> tuple[Token | None, Token | None, tuple[Token, Token] | None]:
    """Who acts and who is acted upon, from the trigger's syntax."""
    subject = obj = None
    pair = None
    if tok.pos_ in ("VERB", "AUX"):
        passive = bool(_children(tok, ("nsubjpass", "auxpass")))
        if passive:
            obj = next(iter(_children(tok, ("nsubjpass",))), None)
            agent = next(iter(_children(tok, ("agent",))), None)
            if agent is not None:
                subject = next(iter(_children(agent, ("pobj",))), None)
        else:
            subject = next(iter(_children(tok, ("nsubj",))), None)
            obj = next(iter(_children(tok, ("dobj",))), None)
        if obj is None:
            for prep in _children(tok, ("prep", "dative")):
                if prep.lower_ in ("on", "against", "with", "at", "upon", "into", "to"):
                    obj = next(iter(_children(prep, ("pobj",))), None) or obj
                    if obj is not None:
                        break
        if subject is None and tok.dep_ in ("acl", "relcl") and not passive:
            subject = tok.head
        if obj is None and tok.dep_ in ("acl", "amod") and passive is False and tok.tag_ == "VBN":
            obj = tok.head
        if subject is None:
            subject = _inherited_subject(tok)
    else:
        for c in tok.children:
            if c.dep_ == "poss":
                subject = c
            elif c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ", "NOUN") and subject is None:
                subject = c if c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN" else subject
            elif c.dep_ == "prep" and c.lower_ == "by":
                subject = next(iter(_children(c, ("pobj",))), subject)
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "at", "with", "in"):
                target = next(iter(_children(c, ("pobj",))), None)
                if target is not None and c.lower_ != "in" and obj is None:
                    obj = target
            elif c.dep_ == "prep" and c.lower_ == "between":
                first = next(iter(_children(c, ("pobj",))), None)
                second = next((x for x in (first.children if first is not None else []) if x.dep_ == "conj"),
                              None)
                if first is not None and second is not None:
                    pair = (first, second)
        if subject is None and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
            subject = next(iter(_children(tok.head, ("nsubj",))), None) or _inherited_subject(tok.head)
        if subject is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "in":
            verb = tok.head.head
            if verb.pos_ == "VERB":
                subject = next(iter(_children(verb, ("nsubj",))), None)
    if pair is not None:
        subject, obj = pair
    return subject, obj, pair


def _inherited_subject(tok: Token) -> Token | None:
    """Subject of a governing verb: "the ministry said ..., calling on", "it conducted ... and took"."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acl") or cur.head.i == cur.i:
            return None
        cur = cur.head
        subj = next(iter(_children(cur, ("nsubj",))), None)
        if subj is not None:
            return subj
    return None


def _is_place(tok: Token, lex: Lexicon) -> bool:
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    words = {_key(t) for t in tok.subtree}
    return bool(words & lex.place_nouns)


def _weapon_agent(tok: Token, lex: Lexicon) -> bool:
    """A weapon does it: "a ship was struck by a missile", "a drone hit the depot"."""
    doers = [*_children(tok, ("nsubj",)), *(p for a in _children(tok, ("agent",)) for p in _children(a, ("pobj",)))]
    return any(_key(d) in lex.weapon_words for d in doers)


def _armed_words(sentence: Sentence, lex: Lexicon) -> bool:
    """Armed people or weapons: "disorder flared ... with petrol bombs" is a riot, "disorder" alone is not."""
    text = sentence.text.lower()
    if any(w in text for w in lex.riot_arms if " " in w):
        return True
    for t in sentence.span:
        if _key(t) in lex.riot_arms or _key(t) in lex.weapon_words:
            return True
        kind = lex.noun_kinds.get(_key(t)) or lex.noun_kinds.get(t.lower_)
        if kind in lex.armed_kinds:
            return True
        if t.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") and _org_kind(t, lex) in lex.armed_kinds:
            return True
    return False


def _org_kind(tok: Token, lex: Lexicon) -> str | None:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return None
    org = lex.organisations.get(norm(ent.text))
    return org.kind if org else None


def _hazard_sentence(sentence: Sentence, lex: Lexicon, trigger: Token) -> bool:
    """A toll caused by weather, a quake or an accident ("a storm killed five") is no conflict event; the
    fire someone sets ("set fire to a bus") is the act itself."""
    for t in sentence.span:
        if _key(t) in lex.hazards and t.dep_ in ("nsubj", "nsubjpass", "pobj", "compound", "dobj") \
                and t.head.i != trigger.i:
            if t.dep_ == "pobj" and t.head.lower_ not in ("in", "by", "after", "from", "during", "of"):
                continue
            if not _armed_words(sentence, lex):
                return True
    return False
