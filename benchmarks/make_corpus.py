"""Generate a benchmark corpus of news-like articles from the project's own synthetic material.

The source paragraphs are the developers' gold articles (tests/gold/dev.jsonl) and the bundled
samples (src/truce/samples/articles.jsonl). Each generated article starts from one source article
in order, then borrows paragraphs from others until it reaches its word target (~600 by default);
person and place names are swapped consistently within the article, numbers and years are varied,
the publication day is shifted by whole weeks (so weekday arithmetic stays meaningful), and
boilerplate (bylines, credits, sign-up lines, appeals and footers) is added the way news sites
add it. The output is deterministic for a seed and goes to /tmp; it is never committed.

    python benchmarks/make_corpus.py --n 2000 --out /tmp/truce-bench/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "tests" / "gold" / "dev.jsonl", ROOT / "src" / "truce" / "samples" / "articles.jsonl")
DEFAULT_OUT = Path("/tmp/truce-bench/corpus.jsonl")

FIRST = ("Amina", "Daniel", "Leyla", "Oleksandr", "Fatima", "Kwame", "Mariam", "Tomas", "Ines", "Yusuf",
         "Hana", "Rafael", "Nadia", "Samuel", "Irina", "Omar")
LAST = ("Haddad", "Okafor", "Petrenko", "Mensah", "Castillo", "Rahimi", "Novak", "Diallo", "Kaya", "Moreau",
        "Sato", "Banda", "Ivanova", "Qureshi", "Lindqvist", "Teixeira")
OUTLETS = ("Wire Report", "Daily Ledger", "Frontline Post", "Continental Desk", "Morning Courier")
BOILERPLATE_TOP = ("Photo: {outlet}", "File photo: {outlet}", "By {name}, {outlet}", "Updated: {month} {day}")
BOILERPLATE_MID = ("Advertisement", "Read more: {headline}", "Sign up for our daily briefing newsletter to get "
                   "updates in your inbox.", "Related stories:")
BOILERPLATE_END = ("(Reporting by {name}; Editing by {name2})", "Copyright {year} {outlet}. All rights reserved.",
                   "Support our independent journalism: become a member today.",
                   "Dear reader, our reporting depends on your help. Please support our work.",
                   "Tags: conflict, security, world")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")
NUMBER = re.compile(r"(?<![\d.,:/-])\b([1-9]\d{0,2})\b(?![\d.,:/]\d)")


@dataclass(frozen=True)
class Source:
    id: str
    published: date
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> tuple[str, ...]:
        """Paragraphs past the headline, the ones that can be borrowed by another article."""
        return self.paragraphs[1:] if len(self.paragraphs) > 1 else self.paragraphs


def load_sources(paths: tuple[Path, ...] = SOURCES) -> list[Source]:
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            paras = tuple(p.strip() for p in obj["text"].split("\n") if p.strip())
            pub = date.fromisoformat(str(obj.get("published") or "2024-01-01")[:10])
            out.append(Source(str(obj["id"]), pub, paras))
    return out


def name_pools(sources: list[Source]) -> dict[str, list[str]]:
    """Person and place names found by the project's own parser, to swap within an article."""
    from truce.nlp import load_model

    nlp = load_model()
    pools: dict[str, set[str]] = {"PERSON": set(), "GPE": set()}
    texts = [p for s in sources for p in s.paragraphs]
    for doc in nlp.pipe(texts, batch_size=64):
        for ent in doc.ents:
            if ent.label_ in pools and ent.text[:1].isupper() and "\n" not in ent.text and len(ent.text) < 40:
                pools[ent.label_].add(ent.text)
    return {k: sorted(v) for k, v in pools.items()}


def _swap_names(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    rx = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)) + r")\b")
    return rx.sub(lambda m: mapping[m.group(1)], text)


def _vary_numbers(text: str, rng: random.Random, years: int) -> str:
    text = YEAR.sub(lambda m: str(int(m.group(1)) + years), text)

    def one(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n >= 1000 or YEAR.fullmatch(m.group(1)):
            return m.group(1)
        return str(max(1, round(n * rng.uniform(0.5, 1.6))))

    return NUMBER.sub(one, text)


def make_article(i: int, sources: list[Source], pools: dict[str, list[str]], rng: random.Random,
                 words: int) -> dict[str, object]:
    base = rng.choice(sources)
    target = max(250, int(rng.gauss(words, words * 0.12)))
    paras = list(base.paragraphs)
    n_words = sum(len(p.split()) for p in paras)
    while n_words < target:
        donor = rng.choice(sources)
        extra = rng.choice(donor.body)
        paras.append(extra)
        n_words += len(extra.split())
    shift = timedelta(weeks=rng.randint(-60, 60))
    published = base.published + shift
    years = published.year - base.published.year
    mapping: dict[str, str] = {}
    for pool in pools.values():
        present = [n for n in pool if any(n in p for p in paras)]
        for name in rng.sample(present, k=len(present) // 2) if present else ():
            mapping[name] = rng.choice(pool)
    body = [_vary_numbers(_swap_names(p, mapping), rng, years) for p in paras]
    fill = {"outlet": rng.choice(OUTLETS), "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "name2": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "year": published.year,
            "month": MONTHS[published.month - 1], "day": published.day, "headline": body[0][:80]}
    if rng.random() < 0.6:
        body.insert(1, rng.choice(BOILERPLATE_TOP).format(**fill))
    if rng.random() < 0.5 and len(body) > 4:
        body.insert(rng.randint(3, len(body) - 1), rng.choice(BOILERPLATE_MID).format(**fill))
    for line in rng.sample(BOILERPLATE_END, k=rng.randint(0, 3)):
        body.append(line.format(**fill))
    return {"id": f"bench-{i:06d}-{base.id}", "url": f"https://bench.invalid/{i:06d}", "title": body[0],
            "published": published.isoformat(), "language": "en", "text": "\n".join(body)}


def generate(n: int, seed: int = 7, words: int = 600) -> list[dict[str, object]]:
    rng = random.Random(seed)
    sources = load_sources()
    pools = name_pools(sources)
    return [make_article(i, sources, pools, rng, words) for i in range(n)]


def write(rows: list[dict[str, object]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=2000, help="articles to generate (default 2000)")
    p.add_argument("--words", type=int, default=600, help="mean words an article (default 600)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = p.parse_args(argv)
    rows = generate(args.n, args.seed, args.words)
    write(rows, args.out)
    n_words = sum(len(str(r["text"]).split()) for r in rows)
    print(f"wrote {len(rows)} articles, {n_words / max(1, len(rows)):.0f} words each on average, to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
