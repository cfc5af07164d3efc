"""The ingestion stream: records in, each one Kept, a Duplicate of a kept article, or a Skip; and the tally.

Stages run in order per record: the reader's verdict, the language gate, then near-duplicate look-up.
Pure logic over iterators; storage and extraction happen in the command that consumes the stream.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from datasketch import LeanMinHash

from ..records import Article, Skip
from .dedup import Deduper, signature
from .language import foreign_language
from .limits import NON_ENGLISH
from .sniff import Format
from .sources import Record, read_sources

ENGLISH = {"en", "eng", "english"}


@dataclass(frozen=True)
class Kept:
    """A new article; `signature` is its MinHash, which the store keeps for later runs' dedup."""

    article: Article
    signature: LeanMinHash


@dataclass(frozen=True)
class Duplicate:
    """An article already kept (same id) or a near-copy of one (`similarity` below 1 for near-copies)."""

    article: Article
    of: str
    similarity: float


Outcome = Kept | Duplicate | Skip


@dataclass
class Tally:
    """The run's accounting: every record read is kept, a duplicate, or skipped for one reason."""

    read: int = 0
    kept: int = 0
    duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.read += 1
        if isinstance(outcome, Kept):
            self.kept += 1
        elif isinstance(outcome, Duplicate):
            self.duplicates += 1
        else:
            self.skipped[outcome.reason] += 1

    @property
    def balanced(self) -> bool:
        return self.read == self.kept + self.duplicates + sum(self.skipped.values())

    def line(self) -> str:
        reasons = ", ".join(f"{k} {v}" for k, v in self.skipped.most_common())
        total = sum(self.skipped.values())
        return (f"read {self.read} records: kept {self.kept}, duplicates {self.duplicates}, "
                f"skipped {total}" + (f" ({reasons})" if reasons else ""))


def language_gate(article: Article, source: str) -> Article | Skip:
    """A declared language is taken at its word; otherwise the detector decides, and the verdict is kept."""
    if article.language:
        if article.language.lower() in ENGLISH:
            return article
        return Skip(source=source, record_id=article.id, reason=NON_ENGLISH,
                    detail=f"declared language {article.language!r}")
    found = foreign_language(article.text)
    if found:
        lang, prob = found
        return Skip(source=source, record_id=article.id, reason=NON_ENGLISH,
                    detail=f"detected language {lang!r} (p={prob:.2f})")
    return article


def gated(records: Iterable[Record], *, detect_jsonl: bool = True) -> Iterator[Article | Skip]:
    """Records through the language gate. JSONL keeps CONTRACT.md's rule (its `language` key decides,
    which extract_all applies) unless detect_jsonl."""
    for fmt, source, rec in records:
        if isinstance(rec, Skip) or (fmt is Format.JSONL and not detect_jsonl):
            yield rec
        else:
            yield language_gate(rec, source)


def deduplicated(records: Iterable[Article | Skip], dedup: Deduper) -> Iterator[Outcome]:
    for rec in records:
        if isinstance(rec, Skip):
            yield rec
            continue
        sig = signature(rec.text)
        hit = dedup.match(rec.id, sig)
        if hit is not None:
            yield Duplicate(rec, of=hit[0], similarity=hit[1])
        else:
            dedup.add(rec.id, sig)
            yield Kept(rec, sig)


def ingest(specs: Iterable[str], dedup: Deduper | None = None) -> Iterator[Outcome]:
    """`truce ingest` without storage: every record of every source, as an Outcome."""
    return deduplicated(gated(read_sources(specs)), dedup if dedup is not None else Deduper())


def articles(specs: Iterable[str]) -> Iterator[Article | Skip]:
    """What `truce extract` reads: every source format, no dedup (one output per input article)."""
    return gated(read_sources(specs), detect_jsonl=False)
