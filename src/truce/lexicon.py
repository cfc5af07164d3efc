"""Loads the data files under truce/lexicons once per process and indexes them for lookups.

Lexicons are data, reviewed like code: each file carries a version and has its own tests.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from .records import SUB_TO_TYPE


def read_file(name: str) -> Any:
    """One lexicon data file (JSON or YAML) from the package."""
    text = resources.files("truce.lexicons").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else yaml.safe_load(text)


def norm(text: str) -> str:
    """Key for name lookups: lowercase, straight apostrophes, single spaces, no dots in acronyms."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"(?<=\b\w)\.(?=\w\.|\s|$)", "", text)  # U.S. -> us, U.N. -> un
    text = re.sub(r"[^\w' -]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Trigger:
    id: str
    head: str
    extra: tuple[str, ...]  # other words of a multiword lemma, found in the head's subtree
    pos: frozenset[str]
    plover: str
    subtype: str | None
    with_: frozenset[str] = frozenset()
    civilian_subtype: str | None = None
    armed_subtype: str | None = None
    kind_subtypes: dict[str, str] = field(default_factory=dict)
    casualty: bool = False
    light: bool = False
    needs_armed: bool = False
    needs_target: bool = False
    needs_place_object: bool = False
    needs_place_subject: bool = False
    needs_addressee: bool = False
    needs_person_object: bool = False
    needs_future: bool = False
    active_only: bool = False  # "was met by a guard of honour", "are expected to": not the act
    not_governed_by: frozenset[str] = frozenset()  # "lodged a protest" is a diplomat's complaint
    attach_only: bool = False  # "12 were taken to hospital": a toll for an event told elsewhere, never one itself

    @property
    def category(self) -> str:
        return "verbal" if self.subtype is None and not self.casualty else "material"

    @property
    def event_type(self) -> str | None:
        return SUB_TO_TYPE.get(self.subtype) if self.subtype else None

    @property
    def specificity(self) -> int:
        return (2 if self.with_ else 0) + 2 * len(self.extra)


@dataclass(frozen=True)
class Country:
    iso3: str | None
    name: str
    contested: bool = False
    centre: tuple[float, float] | None = None  # the middle of its map, where a country-wide event is put


@dataclass(frozen=True)
class Leader:
    name: str
    country: str | None
    role: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Organisation:
    name: str
    kind: str
    country: str | None


@dataclass
class Lexicon:
    triggers: dict[str, list[Trigger]]
    countries: dict[str, Country]  # names and aliases
    demonyms: dict[str, Country]
    capitals: dict[str, Country]
    leaders: dict[str, list[Leader]]
    organisations: dict[str, Organisation]
    noun_kinds: dict[str, str]
    armed_kinds: frozenset[str]
    place_nouns: frozenset[str]
    hazards: frozenset[str]
    weapon_cues: list[tuple[str, frozenset[str]]]
    replaceable: frozenset[str | None]
    boilerplate_line: list[re.Pattern[str]]
    boilerplate_tail: list[re.Pattern[str]]
    blockers: frozenset[str] = frozenset()
    riot_arms: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()  # keys of names written in capitals ("CAR", "AU")
    domains: dict[str, frozenset[str]] = field(default_factory=dict)
    domain_min_hits: int = 4
    domain_ratio: float = 2.0
    max_name_words: int = 1

    @cached_property
    def weapon_words(self) -> frozenset[str]:
        """Single-word weapons that can strike ("missile", "drone"); a suicide cue is a manner, not a weapon."""
        return frozenset(w for sub, cues in self.weapon_cues if sub != "Suicide bomb" for w in cues if " " not in w)

    @cached_property
    def threat(self) -> Trigger:
        return Trigger(id="threat.future", head="say", extra=(), pos=frozenset({"VERB"}), plover="THREATEN",
                       subtype=None)

    @cached_property
    def demand(self) -> Trigger:
        return Trigger(id="demand.modal", head="say", extra=(), pos=frozenset({"VERB"}), plover="REQUEST",
                       subtype=None)

    def leader(self, name: str, when: date | None) -> Leader | None:
        """The holder of that name on that day; date-bounded because offices change hands."""
        best = None
        for cand in self.leaders.get(norm(name), []):
            if when is None or ((cand.start is None or cand.start <= when) and (cand.end is None or when <= cand.end)):
                return cand
            best = best or cand
        return best


def _trigger_entries(raw: list[dict[str, Any]]) -> dict[str, list[Trigger]]:
    out: dict[str, list[Trigger]] = {}
    for entry in raw:
        for lemma in entry["lemmas"]:
            words = str(lemma).lower().split()
            trig = Trigger(
                id=entry["id"],
                head=words[0] if len(words) > 1 and "VERB" in entry["pos"] and entry["pos"][0] == "VERB"
                else words[-1],
                extra=tuple(w for w in words if w != (words[0] if entry["pos"][0] == "VERB" else words[-1])),
                pos=frozenset(entry["pos"]),
                plover=entry["plover"],
                subtype=entry.get("subtype"),
                with_=frozenset(str(w).lower() for w in entry.get("with", [])),
                civilian_subtype=entry.get("civilian_subtype"),
                armed_subtype=entry.get("armed_subtype"),
                kind_subtypes=entry.get("kind_subtypes", {}),
                casualty=entry.get("casualty", False),
                light=entry.get("light", False),
                needs_armed=entry.get("needs_armed", False),
                needs_target=entry.get("needs_target", False),
                needs_place_object=entry.get("needs_place_object", False),
                needs_place_subject=entry.get("needs_place_subject", False),
                needs_addressee=entry.get("needs_addressee", False),
                needs_person_object=entry.get("needs_person_object", False),
                needs_future=entry.get("needs_future", False),
                active_only=entry.get("active_only", False),
                attach_only=entry.get("attach_only", False),
                not_governed_by=frozenset(entry.get("not_governed_by", [])),
            )
            out.setdefault(trig.head, []).append(trig)
    for trigs in out.values():
        trigs.sort(key=lambda t: -t.specificity)
    return out


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@cache
def load() -> Lexicon:
    trig = read_file("triggers.yml")
    nouns = read_file("actor_nouns.yml")
    weapons = read_file("weapons.yml")
    boiler = read_file("boilerplate.yml")
    domains = read_file("domains.yml")
    countries: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    for c in read_file("countries.json"):
        rec = Country(c.get("iso3"), c["name"], bool(c.get("contested")), tuple(c["centre"]) if "centre" in c else None)
        for name in [c["name"], *c.get("aliases", [])]:
            countries.setdefault(norm(name), rec)
        for d in c.get("demonyms", []):
            demonyms.setdefault(norm(d), rec)
        for cap in c.get("capitals", []):
            capitals.setdefault(norm(cap), rec)
    leaders: dict[str, list[Leader]] = {}
    for item in read_file("leaders.json"):
        rec = Leader(item["name"], item.get("country"), item.get("role", ""), _day(item.get("start")),
                     _day(item.get("end")))
        for name in {item["name"], *item.get("aliases", [])}:
            leaders.setdefault(norm(name), []).append(rec)
    orgs: dict[str, Organisation] = {}
    for item in read_file("organisations.json"):
        rec = Organisation(item["name"], item.get("kind", "other"), item.get("country"))
        for name in [item["name"], *item.get("aliases", [])]:
            orgs.setdefault(norm(name), rec)
    noun_kinds = {norm(w): kind for kind, words in nouns["kinds"].items() for w in words}
    acronyms = {norm(a) for c in read_file("countries.json") for a in [c["name"], *c.get("aliases", [])]
                if a.replace(".", "").isupper() and len(a) <= 6}
    acronyms |= {norm(a) for o in read_file("organisations.json") for a in [o["name"], *o.get("aliases", [])]
                 if a.replace(".", "").replace("-", "").isupper() and len(a) <= 6}
    names = [*countries, *demonyms, *capitals, *leaders, *orgs, *noun_kinds]
    return Lexicon(
        triggers=_trigger_entries(trig["triggers"]),
        countries=countries,
        demonyms=demonyms,
        capitals=capitals,
        leaders=leaders,
        organisations=orgs,
        noun_kinds=noun_kinds,
        armed_kinds=frozenset(nouns["armed"]),
        place_nouns=frozenset(nouns["place_nouns"]),
        hazards=frozenset(nouns["hazards"]),
        weapon_cues=[(c["subtype"], frozenset(str(w).lower() for w in c["lemmas"])) for c in weapons["cues"]],
        replaceable=frozenset(weapons["replaceable"]),
        riot_arms=frozenset(str(w).lower() for w in weapons.get("riot_arms", [])),
        boilerplate_line=[re.compile(p, re.I) for p in boiler["line"]],
        boilerplate_tail=[re.compile(p, re.I) for p in boiler["tail"]],
        blockers=frozenset(str(w).lower() for w in trig.get("blockers", [])),
        acronyms=frozenset(acronyms),
        domains={k: frozenset(str(w).lower() for w in v) for k, v in domains["domains"].items()},
        domain_min_hits=int(domains["min_hits"]),
        domain_ratio=float(domains["ratio"]),
        max_name_words=max(len(n.split()) for n in names),
    )
