"""Near-duplicate articles (syndicated wire copy, re-headlined re-runs) by MinHash LSH (datasketch).

An article is a set of word 5-gram shingles; two articles are the same story when the estimated
Jaccard similarity of those sets reaches THRESHOLD. The threshold and its precision/recall come
from benchmarks/ingest_dedup.py, which measures them on generated story variants.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.5  # measured by benchmarks/ingest_dedup.py; see README "Ingest"
WINDOW = 50_000  # kept articles searched for near-copies (memory: about 9 KB each)
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Word k-grams of the case-folded text (all of it as one shingle when shorter than k words)."""
    words = _WORD.findall(text.casefold())
    k = max(1, min(k, len(words)))
    return {" ".join(words[i:i + k]).encode() for i in range(max(1, len(words) - k + 1))}


def signature(text: str, num_perm: int = NUM_PERM) -> LeanMinHash:
    m = MinHash(num_perm=num_perm)
    m.update_batch(list(shingles(text)))
    return LeanMinHash(m)


def to_bytes(sig: LeanMinHash) -> bytes:
    return np.asarray(sig.hashvalues, dtype="<u4").tobytes()


def from_bytes(data: bytes, scheme: str = "affine32", seed: int = 1) -> LeanMinHash:
    return LeanMinHash(seed=seed, hashvalues=np.frombuffer(data, dtype="<u4"), scheme=scheme)


def _id_hash(article_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(article_id.encode(), digest_size=8).digest(), "little")


@dataclass
class Deduper:
    """The articles kept so far, indexed for similarity look-up.

    Near-copies are looked for among the last `window` kept articles (syndicated copies arrive close
    together; datasketch's LSH costs about 9 KB an article, so the window caps its memory at about
    window x 9 KB). Exact ids are remembered for every article, at about 70 bytes each."""

    threshold: float = THRESHOLD
    num_perm: int = NUM_PERM
    window: int = WINDOW
    _lsh: MinHashLSH = field(init=False, repr=False)
    _sigs: dict[str, LeanMinHash] = field(init=False, default_factory=dict, repr=False)  # insertion-ordered
    _seen: set[int] = field(init=False, default_factory=set, repr=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)

    def __len__(self) -> int:
        return len(self._seen)

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and _id_hash(article_id) in self._seen

    def match(self, article_id: str, sig: LeanMinHash) -> tuple[str, float] | None:
        """The kept article this one duplicates, with the estimated similarity; None when it is new."""
        if article_id in self:
            return article_id, 1.0
        best: tuple[str, float] | None = None
        for cand in self._lsh.query(sig):
            sim = float(sig.jaccard(self._sigs[cand]))
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (cand, sim)
        return best

    def remember(self, article_id: str) -> None:
        """Know the id (an exact re-read is a duplicate) without indexing its text."""
        self._seen.add(_id_hash(article_id))

    def add(self, article_id: str, sig: LeanMinHash) -> None:
        if article_id in self._sigs:
            return
        self.remember(article_id)
        self._sigs[article_id] = sig
        self._lsh.insert(article_id, sig)
        while len(self._sigs) > self.window:
            oldest = next(iter(self._sigs))
            del self._sigs[oldest]
            self._lsh.remove(oldest)
