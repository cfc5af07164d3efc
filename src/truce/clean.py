"""Plain-text cleaning: split an article into paragraphs and drop the ones that are not news.

The cleaner never rewrites text. It returns spans into the original string, so every later
offset (evidence, mentions) points into the article exactly as it was given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Lexicon, norm

_PARA = re.compile(r"[^\n]+")
LEAD_WORDS = 15  # a paragraph this long is story, not a headline, byline or date line
# "MOGADISHU, Nov 30 (Reuters) - ", "GOMA, DR Congo (AFP) - ", "Tripoli - ", "NAIROBI: ", "MOSCOW (Sputnik) "
# opening a paragraph
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'/-]{2,40}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?:\s*\[[^\]]{2,30}\]|\s*\([A-Z][a-z]+(?: [A-Z][a-z]+)?\)(?=,))?"  # "[Philippines]", "Bamako (Mali), Jan 25:"
    r"(?:,\s*(?:[A-Z][A-Za-z.]+ ?){1,3})?(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*"
    r"(?:\([^)]{2,60}\)(?:\s*(?:--|[-–—:]))?\s+|(?:--|[-–—:])\s+|\.?\s*/[A-Za-z -]{2,20}/\.?\s+)")


# A round-up paragraph's own town, cut like a dateline so the parser reads the sentence it opens
ROUNDUP_LABEL = re.compile(r"^(?P<label>(?P<place>[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,2})"
                           r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?)(?::|\s+[-–—])\s+")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cleaned:
    kept: list[Paragraph]
    dropped: list[tuple[Paragraph, str]]  # with the reason, for debugging and tests
    dateline: str | None = None  # the place a wire dateline names, kept out of the parsed text
    labels: dict[int, str] = field(default_factory=dict)  # kept paragraph -> the place a round-up files it from


def _is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and sum(c.isupper() for c in letters) / len(letters) > 0.9 and len(text.split()) <= 6


def clean(text: str, lex: Lexicon) -> Cleaned:
    paras = []
    for m in _PARA.finditer(text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            paras.append(Paragraph(m.start() + lead, m.start() + lead + len(body), body))
    kept: list[Paragraph] = []
    dropped: list[tuple[Paragraph, str]] = []
    total = len(text) or 1
    cut = False
    for p in paras:
        if cut:
            dropped.append((p, "after an appeal or footer"))
            continue
        if any(rx.search(p.text) for rx in lex.boilerplate_tail):
            cut = p.start / total > 0.4  # late in the article, everything after it is the footer too
            dropped.append((p, "appeal or footer"))
            continue
        if any(rx.search(p.text) for rx in lex.boilerplate_line):
            dropped.append((p, "boilerplate line"))
            continue
        if _is_caps_line(p.text):
            dropped.append((p, "section label"))
            continue
        kept.append(p)
    dateline = None
    for i, p in enumerate(kept[:5]):  # the headline, a byline and a date line may come before the lead
        m = DATELINE.match(p.text)
        if m and _is_dateline(m):
            dateline = m.group("place").split("/")[0].strip()  # "SRINAGAR/ISLAMABAD": the first
            kept[i] = Paragraph(p.start + m.end(), p.end, p.text[m.end():])
            break
        if len(p.text.split()) >= LEAD_WORDS and (i >= 1 or p.text.rstrip().endswith(".")):
            break  # past the lead (a long headline has no full stop): a later "NAME: ..." is no dateline
    labels: dict[int, str] = {}
    for i, p in enumerate(kept):  # "KINSHASA: ...", "MANILA, Philippines — ..." further down a round-up
        m = ROUNDUP_LABEL.match(p.text)
        if m and norm(m.group("place")) not in lex.organisations:  # "NATO: ..." is a body speaking
            labels[i] = m.group("label")  # "MANILA, Philippines", "THAILAND", "NORTH KIVU"
            kept[i] = Paragraph(p.start + m.end(), p.end, p.text[m.end():])
    return Cleaned(kept, dropped, dateline, labels)


def _is_dateline(m: re.Match[str]) -> bool:
    """An all-caps place, or a place with an agency or date: not "Police said: ..."."""
    place = m.group("place")
    if m.group(0).rstrip()[-1] in ")/.":  # "MOSCOW (Sputnik - 25th January, 2021) Clashes", "BRUSSELS, May 6. /TASS/."
        return place.isupper() and len(place.strip()) >= 3
    return place.isupper() or "(" in m.group(0) or (len(place.split()) == 1 and m.group(0).rstrip()[-1] in "-–—")
