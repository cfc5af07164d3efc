"""Time expressions in a sentence, resolved against the publication date.

Hand-rolled because dateparser resolves a bare weekday by the calendar alone: it sends "on
Friday" in a future-tense clause to the past, and knows no tense. Here a weekday in a past clause
is the last such day before publication, in a future clause the next one, and the weekday of
publication itself is that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "overnight into Tuesday", "the night of Monday to Tuesday": the night began the day before (its first day)
    ("eve", re.compile(rf"\b(?:overnight|(?:the )?night)\s+(?:(?:of\s+)?{_DAY}\s+)?(?:in)?to\s+({_DAY})\b", re.I)),
    ("md", re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?")),
    ("weekday", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)")),
    ("rel", re.compile(r"\b(yesterday|today|tonight|tomorrow|last night|overnight|this (?:morning|afternoon|"
                       r"evening)|earlier (?:today|in the day)|(?:late|early) (?:on )?(?:yesterday|today))\b",
                       re.I)),
    ("same", re.compile(r"\b((?:the same|that) (?:day|evening|night|morning|afternoon)|later that day|"
                        r"hours later)\b", re.I)),  # the day of the event told just before
    ("week", re.compile(r"\b((?:last|past|previous) week|(?:earlier|later) this week|this week|"
                        r"(?:last|this) weekend)\b", re.I)),
    ("month", re.compile(r"\b((?:earlier|late|later) this month|last month|this month)\b", re.I)),
    ("nth", re.compile(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b")),
    ("offset", re.compile(r"\b(a|one|two|three|four|five|six|\d) days? (after|before|later|earlier)\b", re.I)),
    ("ago", re.compile(r"\b(a|one|two|three|four|five|six|\d) days? ago\b", re.I)),
    ("month_only", re.compile(rf"\b(?:in|since|during|early|late|mid-)\s*{_MONTH}\b(?:\s+(\d{{4}}))?")),
]
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(s)?\b")
_DECADE = re.compile(r"\b(?:the\s+)?(?:19|20)?\d0s\b")


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets within the sentence
    end: int
    kind: str
    text: str
    groups: tuple[str | None, ...]


def find(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), kind, m.group(0), m.groups()))
    found.sort(key=lambda d: d.start)
    calendar = [d for d in found if d.kind in ("md", "dm")]
    weekdays = [d for d in found if d.kind == "weekday"]
    # "on Sunday 8 May" / "Thursday, August 17": the calendar date says it; the weekday only repeats it;
    # "overnight on Tuesday" is Tuesday (GUIDELINES.md), not the night before publication
    return [d for d in found if not (d.kind == "weekday" and any(0 <= c.start - d.end <= 3 for c in calendar))
            and not (d.text.lower() == "overnight" and any(text[d.end:w.start] in (" ", " on ") for w in weekdays))]


def years(text: str) -> list[int]:
    """Years and decades named in a sentence ("in 2020", "the 1990s"), for the history filter."""
    out = [int(m.group(1)) for m in _YEAR.finditer(text)]
    out += [int(m.group(0).split()[-1][:4]) if len(m.group(0).split()[-1]) == 5 else 1900
            for m in _DECADE.finditer(text) if not _YEAR.search(m.group(0))]
    return out


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()[:4] if name.lower().startswith("sept") else name.rstrip(".").lower()[:3]]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve(mention: DateMention, published: date | None, future: bool) -> tuple[date | None, str | None]:
    """(day, precision) of a mention; a precision without a day when only the week or month is known."""
    g = mention.groups
    if mention.kind in ("md", "dm"):
        month, day = (g[0], g[1]) if mention.kind == "md" else (g[1], g[0])
        year = int(g[2]) if g[2] else (published.year if published else None)
        if year is None:
            return None, None
        when = _safe(year, _month(month), int(day))
        if when and published and not g[2] and not future and when > published + timedelta(days=7):
            when = _safe(year - 1, _month(month), int(day))
        if when and published and not g[2] and future and when < published - timedelta(days=60):
            when = _safe(year + 1, _month(month), int(day))
        return when, "day" if when else None
    if published is None:
        return None, None
    if mention.kind in ("weekday", "eve"):
        target = WEEKDAYS.index(g[0].lower())
        if future:
            day = published + timedelta(days=(target - published.weekday()) % 7)
        else:
            day = published - timedelta(days=(published.weekday() - target) % 7)
        return day - timedelta(days=mention.kind == "eve"), "day"
    if mention.kind == "rel":
        word = mention.text.lower()
        if "yesterday" in word or word in ("last night", "overnight"):
            return published - timedelta(days=1), "day"
        if "tomorrow" in word:
            return published + timedelta(days=1), "day"
        return published, "day"
    if mention.kind == "week":
        return None, "week"
    if mention.kind == "month":
        return None, "month"
    if mention.kind == "nth":
        day = int(g[0])
        when = _safe(published.year, published.month, day)
        if when and when > published + timedelta(days=(future and 31) or 1):
            prev = published.replace(day=1) - timedelta(days=1)
            when = _safe(prev.year, prev.month, day)
        return when, "day" if when else None
    if mention.kind == "month_only":
        return None, "month"
    if mention.kind == "ago":
        return published - timedelta(days=_count(g[0])), "day"
    return None, None


def _count(word: str) -> int:
    return {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(word.lower()) or int(word)


def offset_days(mention: DateMention) -> int:
    """Signed shift an offset mention puts on the clause it introduces: "a day after X" puts X a day back."""
    n = _count(mention.groups[0])
    return -n if mention.groups[1].lower() in ("after", "later") else n


def is_period_start(text: str, mention: DateMention) -> bool:
    """"since last Friday": the start of a period, no event's day."""
    if re.match(r"(since|from|until|till)\b", mention.text, re.I):
        return True
    return bool(re.search(r"\b(since|from|until|till)\s+(?:the\s+)?(?:last\s+)?$", text[: mention.start], re.I))


def is_old(mention: DateMention, published: date | None, future: bool) -> bool:
    """True when a mention puts the sentence more than 30 days before publication."""
    if published is None:
        return False
    day, _ = resolve(mention, published, future)
    if day is not None:
        return day < published - timedelta(days=30)
    if mention.kind == "month_only":
        g = mention.groups
        year = int(g[1]) if len(g) > 1 and g[1] else published.year
        month = _month(g[0])
        return year * 12 + month < published.year * 12 + published.month - 1
    return False
