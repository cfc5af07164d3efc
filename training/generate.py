"""Fill the template banks (templates.py) with the conflict profiles (conflicts.py) into labelled sentences.

Deterministic (seeded): `python training/generate.py` rewrites training/data/generated.jsonl. Each
template yields a few sentences in different conflicts, wrapped now and then in the attributions and
datelines of wire copy, so that no name, place or frame stands for a label.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conflicts import CONFLICTS, DAYS, INTL, MEDIATORS, MONTHS, SOURCES, WEEKDAYS, Conflict  # noqa: E402
from templates import (  # noqa: E402
    CITIES,
    CONTRAST,
    HEADLINES,
    MATERIAL,
    MULTI,
    NEGATIVE,
    PREFIXES,
    STRATEGIC,
    SUFFIXES,
    TEAMS,
    VARIANTS,
    VERBAL,
)

# Conflicts where the "armed" slots hold political camps: armed-violence templates skip them.
UNARMED = {"geo", "bgd", "per"}
ARMED_SLOTS = ("{group}", "{fighters}", "{Fighters}", "{Group}")
# Leading words that may be lower-cased when a wrapper ("Residents said ...") goes in front.
COMMON = {"a", "an", "the", "two", "heavy", "gunfire", "clashes", "fierce", "intense", "gunmen", "soldiers",
          "warplanes", "military", "mortar", "shells", "medics", "armed", "assailants", "attackers", "settlers",
          "women", "villagers", "rioters", "protesters", "demonstrators", "police", "officers", "security",
          "troops", "angry", "shops", "workers", "hundreds", "thousands", "several", "reinforcements", "convoys",
          "neighbouring", "negotiators", "community", "foreign", "relief", "authorities", "kamikaze", "rival",
          "unidentified", "army", "government", "riot", "anti-riot", "special", "masked", "paramilitary",
          "federal", "junta", "resistance", "ethnic", "jihadists", "islamist", "suspected", "militants", "insurgents",
          "bandits", "vigilantes", "rebels", "separatist", "communist", "cartel", "gang", "gangsters", "heavily",
          "local", "pro-government", "coalition", "allied", "students", "teachers",
          "traders", "residents", "farmers", "civilians", "displaced", "young", "women's", "relatives", "labour",
          "transport", "indigenous", "truck", "garment", "unpaid", "depositors", "fishermen", "activists",
          "opposition", "supporters", "ruling", "student", "illegal", "drug", "tribal", "aid", "mediators",
          "delegations", "rights", "at", "more", "dozens", "scores", "three", "four", "five", "six", "seven",
          "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "after", "under", "in", "as"}

NUM_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "15", "17",
             "21", "23", "30", "42", "at least three", "at least five", "at least eight", "at least 11",
             "at least 14", "more than 20", "nearly 40", "some 25", "at least 60", "about a dozen")
BIG = ("300", "1,200", "more than 2,000", "at least 5,000", "nearly 10,000", "about 800", "4,700",
       "more than 90,000", "more than 400", "some 3,500")


MATERIAL_TYPES = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "SANCTION", "AID"}


def parse(bank: str) -> list[tuple[list[str], list[str], str]]:
    """`LABELS || text` lines into (plover types, ACLED sub-types, text)."""
    out = []
    for line in bank.strip().splitlines():
        if not line.strip():
            continue
        labels, text = (x.strip() for x in line.split("||", 1))
        out.append((*split_labels(labels), text))
    return out


def split_labels(labels: str) -> tuple[list[str], list[str]]:
    plover: list[str] = []
    acled: list[str] = []
    if labels.strip() == "-":
        return plover, acled
    for part in labels.split("+"):
        p, _, sub = part.strip().partition("/")
        if p not in plover:
            plover.append(p)
        if sub and sub not in acled:
            acled.append(sub)
    return plover, acled


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _lower_first(s: str) -> str:
    word = s.split(" ", 1)[0].lower()
    return s[:1].lower() + s[1:] if word in COMMON else s


class Filler:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def pick(self, seq):
        return self.rng.choice(seq)

    def values(self, c: Conflict) -> dict[str, str]:
        r = self.rng
        towns = list(c.towns)
        r.shuffle(towns)
        foe = self.pick(c.foe_gov) if c.foe_gov else self.pick(c.group)
        intl, intl2 = r.sample(INTL, 2)
        day = self.pick(DAYS) if r.random() > 0.2 else ""
        year = str(r.randint(1994, 2021))
        n = self.pick(NUM_WORDS)
        return {
            "army": self.pick(c.army), "troops": self.pick(c.troops), "group": self.pick(c.group),
            "fighters": self.pick(c.fighters), "gov": self.pick(c.gov), "foe": foe,
            "protesters": self.pick(c.protesters), "civ": self.pick(c.civ), "police": self.pick(c.police),
            "town": towns[0], "town2": towns[1], "region": self.pick(c.region), "country": c.country,
            "adj": c.adj, "capital": c.capital, "intl": intl, "intl2": intl2, "mediator": self.pick(MEDIATORS),
            "city": self.pick(CITIES), "src": self.pick(SOURCES), "day": day, "weekday": self.pick(WEEKDAYS),
            "n": n, "N": _cap(n), "n2": self.pick(("100", "250", "1,000", "about 400", "more than 600", "two dozen")),
            "bign": self.pick(BIG), "year": year, "year2": str(r.randint(2022, 2025)), "month": self.pick(MONTHS),
            "team": self.pick(TEAMS), "team2": self.pick(TEAMS),
        }

    def fill(self, text: str, c: Conflict) -> str:
        vals = self.values(c)

        def sub(m: re.Match) -> str:
            key = m.group(1)
            if key in vals:
                return vals[key]
            low = key[:1].lower() + key[1:]
            if low in vals:
                return _cap(vals[low])
            raise KeyError(f"unknown slot {key!r} in {text!r}")

        out = re.sub(r"\{(\w+)\}", sub, text)
        out = re.sub(r" {2,}", " ", out).replace(" ,", ",").replace(" .", ".").replace(" ;", ";")
        return _cap(out.strip())

    def wrap(self, s: str, c: Conflict, kind: str) -> str:
        """Attribution, dateline or none; the label does not change (a report of an event codes the event)."""
        r = self.rng.random()
        src = self.pick(SOURCES)
        has_said = " said" in s or s.endswith("?")
        if kind == "material" and not has_said and s.endswith("."):
            if r < 0.15:
                return s[:-1] + f", {src} said."
            if r < 0.25:
                return f"According to {src}, {_lower_first(s)}"
            if r < 0.35:
                return f"{_cap(src)} said {_lower_first(s)}"
            if r < 0.40:
                return f"{_cap(src)} told reporters that {_lower_first(s)}"
            if r < 0.45:
                return s[:-1] + f", in what {src} described as the worst violence in months."
        if kind == "verbal" and s.endswith(".") and r < 0.1:
            return s[:-1] + ", according to a statement."
        if r > 0.9 and s.endswith("."):
            city = self.pick((c.capital, *c.towns)).upper()
            month = self.pick(MONTHS)[:3]
            outlet = self.pick(("(Reuters) -", "(AP) —", "(AFP) -", "—", ":"))
            return f"{city}, {month} {self.rng.randint(1, 28)} {outlet} {s}" if outlet.startswith("(") \
                else f"{city} {outlet} {s}"
        return s


    def context(self, s: str, kind: str) -> str:
        """Now and then a neutral lead-in or tail, as real wire sentences carry: the label stays."""
        if kind == "headline" or not s.endswith(".") or s.startswith(('"', "“")) or "(" in s[:40]:
            return s
        r = self.rng.random()
        if r < 0.12:
            return s[:-1] + self.pick(SUFFIXES) + "."
        if r < 0.22 and s.split(" ", 1)[0] not in ("No", "There", "It", "Nobody"):
            return self.pick(PREFIXES) + _lower_first(s)
        return s


def generate(seed: int = 7, per_template: dict[str, int] | None = None) -> list[dict]:
    rng = random.Random(seed)
    filler = Filler(rng)
    per = {"material": 9, "verbal": 9, "multi": 8, "headline": 5, "negative": 6, "contrast": 6, "variant": 8,
           "strategic": 9}
    per.update(per_template or {})
    banks = [("material", MATERIAL), ("verbal", VERBAL), ("multi", MULTI), ("headline", HEADLINES),
             ("negative", NEGATIVE), ("contrast", CONTRAST), ("variant", VARIANTS),
             ("strategic", STRATEGIC)]
    armed = [c for c in CONFLICTS if c.key not in UNARMED]
    seen: set[str] = set()
    rows = []
    for kind, bank in banks:
        for i, (plover, acled, template) in enumerate(parse(bank)):
            pool = armed if any(s in template for s in ARMED_SLOTS) else CONFLICTS
            for _ in range(per[kind]):
                c = rng.choice(pool)
                material = kind in ("variant", "strategic") and bool(plover) and plover[0] in MATERIAL_TYPES
                wrap_kind = "material" if material else kind
                text = filler.context(filler.wrap(filler.fill(template, c), c, wrap_kind), kind)
                if text in seen:
                    continue
                seen.add(text)
                rows.append({"text": text, "plover": plover, "acled": acled, "source": f"generated:{kind}:{i}",
                             "conflict": c.key})
    rng.shuffle(rows)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=str(HERE / "data" / "generated.jsonl"))
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    rows = generate(a.seed)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
