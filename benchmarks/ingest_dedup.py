"""Choose the near-duplicate threshold by measurement: precision and recall on generated story variants.

Positives are what syndication does to a story (new headline, new dateline, a credit line, trimmed or
extended endings, light copy-editing, and all of these at once); negatives are different stories that
share the template wording of the generator (a hard case: formulaic wire copy), follow-ups that
re-use background paragraphs, and unrelated stories. Each threshold runs the real `Deduper` (LSH
candidates, then the estimated Jaccard check) with the base stories indexed and every variant queried.

    python benchmarks/ingest_dedup.py [--stories 400] [--seed 5]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from truce.ingest import synth
from truce.ingest.dedup import THRESHOLD, Deduper, signature

SYNONYMS = {
    "said": "stated", "attacked": "assaulted", "killing": "leaving dead", "town": "city", "residents": "locals",
    "officials": "authorities", "several": "a number of", "began": "started", "fled": "escaped",
    "wounded": "injured", "according": "citing", "troops": "soldiers", "road": "highway", "sharply": "steeply",
    "promised": "pledged", "warned": "cautioned", "nearby": "surrounding", "later": "subsequently",
}
EXTRA = [
    "An earlier version of this story misspelled the name of the district.",
    "The ministry of defence did not respond to a request for comment on Sunday.",
    "Additional reporting was provided by a correspondent in the capital.",
    "The region has seen repeated waves of displacement over the past decade.",
]


def _dateline(s: synth.Story, rng: random.Random) -> synth.Story:
    lead = s.paragraphs[0].split(" - ", 1)[-1]
    place = s.paragraphs[0].split(",", 1)[0].upper()
    return replace(s, paragraphs=(f"{place} (Wire Service) - {lead}", *s.paragraphs[1:]))


def _credit(s: synth.Story, rng: random.Random) -> synth.Story:
    return replace(s, paragraphs=(*s.paragraphs, f"Reporting by {rng.choice(synth.SURNAMES)}; "
                                                 f"editing by {rng.choice(synth.SURNAMES)}"))


def _trimmed(s: synth.Story, rng: random.Random) -> synth.Story:
    return replace(s, paragraphs=s.paragraphs[: len(s.paragraphs) - rng.choice((1, 2))])


def _extended(s: synth.Story, rng: random.Random) -> synth.Story:
    return replace(s, paragraphs=(*s.paragraphs, *rng.sample(EXTRA, 2)))


def _edited(s: synth.Story, rng: random.Random) -> synth.Story:
    def edit(p: str) -> str:
        return " ".join(SYNONYMS[w] if w in SYNONYMS and rng.random() < 0.6 else w for w in p.split(" "))
    return replace(s, paragraphs=tuple(edit(p) for p in s.paragraphs))


def _everything(s: synth.Story, rng: random.Random) -> synth.Story:
    return _edited(_credit(_trimmed(_dateline(s, rng), rng), rng), rng)


POSITIVES: dict[str, Callable[[synth.Story, random.Random], synth.Story]] = {
    "new headline only": lambda s, rng: replace(s, title="Another headline"),
    "new dateline": _dateline, "credit line added": _credit, "ending trimmed": _trimmed,
    "paragraphs added": _extended, "copy-edited": _edited, "all of these": _everything,
}


def _follow_up(s: synth.Story, rng: random.Random) -> synth.Story:
    fresh = synth.story(rng, n_body=5)
    return replace(fresh, paragraphs=(*fresh.paragraphs[:4], *s.paragraphs[-2:]))


NEGATIVES: dict[str, Callable[[synth.Story, random.Random], synth.Story]] = {
    "other story, same templates": lambda s, rng: synth.story(rng, n_body=5),
    "follow-up re-using 2 paragraphs": _follow_up,
    "other story, 7 body paragraphs": lambda s, rng: synth.story(rng, n_body=7),
}


def measure(stories: int, seed: int, thresholds: list[float]) -> None:
    rng = random.Random(seed)
    bases = [synth.story(rng, n_body=5, slug=f"base-{i}") for i in range(stories)]
    base_sigs = [signature(b.text) for b in bases]
    cases: list[tuple[str, int, bool, object]] = []  # kind, base index, is positive, signature
    for i, b in enumerate(bases):
        for kind, make in POSITIVES.items():
            cases.append((kind, i, True, signature(make(b, rng).text)))
        for kind, make in NEGATIVES.items():
            cases.append((kind, i, False, signature(make(b, rng).text)))
    n_pos = sum(c[2] for c in cases)
    print(f"{stories} base stories; {n_pos} syndicated variants (positives), {len(cases) - n_pos} other stories "
          f"(negatives); word 5-gram shingles, 128 permutations\n")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6}  {'false +':>7} {'missed':>6}")
    best: tuple[float, float, float] | None = None
    per_kind: dict[float, Counter[str]] = {}
    for t in thresholds:
        dd = Deduper(threshold=t)
        for i, sig in enumerate(base_sigs):
            dd.add(f"base-{i}", sig)
        tp = fp = 0
        hits: Counter[str] = Counter()
        for kind, i, positive, sig in cases:
            found = dd.match(f"variant-{kind}-{i}", sig)  # type: ignore[arg-type]
            if found is None:
                continue
            hits[kind] += 1
            if positive and found[0] == f"base-{i}":
                tp += 1
            else:
                fp += 1
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / n_pos
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_kind[t] = hits
        print(f"{t:>9.2f} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f}  {fp:>7d} {n_pos - tp:>6d}")
        if best is None or (f1, precision) > (best[1], best[2]):
            best = (t, f1, precision)
    assert best is not None
    for t in sorted({best[0], THRESHOLD}):
        print(f"\nmatched per kind at threshold {t:.2f}{' (in use: truce.ingest.dedup.THRESHOLD)' * (t == THRESHOLD)}:")
        for kind in [*POSITIVES, *NEGATIVES]:
            role = "positive" if kind in POSITIVES else "negative"
            print(f"  {kind:<34} {role}  {per_kind[t][kind]:>4}/{stories}")
    print(f"\nbest F1 at threshold {best[0]:.2f} (F1 {best[1]:.3f}, precision {best[2]:.3f}); "
          f"in use: {THRESHOLD:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=400)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    measure(args.stories, args.seed, [0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9])
    print(f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
