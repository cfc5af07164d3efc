"""Merging precision and recall: on synthetic multi-outlet reporting, and on the duplicate-article
pairs of the dev gold set (articles whose kind is "duplicate-of:<id>").

    python benchmarks/merge_eval.py [--events 3000] [--days 365] [--seeds 3] [--gold tests/gold/dev.jsonl]

(`--days 60` packs the same happenings into two months: a dense front where one town sees fighting
most days, the hard case for telling happenings apart.)

Synthetic: pairwise precision / recall (pairs of reports put together that tell one happening),
B-cubed precision / recall, and whether shuffled arrival orders give the identical result.
Gold: extract both articles of each pair, merge, and count the gold events told by both articles
(`gold_equivalents`) whose extracted events (found with the shared scorer's matching) end in one
canonical event; cross-article merges that pair no such gold events are counted as wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from merge_synth import reports

from truce.merge import Merger
from truce.records import Event

ROOT = Path(__file__).resolve().parents[1]


def pair_scores(clusters: list[list[str]], truth: dict[str, int]) -> dict[str, float]:
    pred_pairs = sum(len(c) * (len(c) - 1) // 2 for c in clusters)
    tp = 0
    for c in clusters:
        counts = Counter(truth[i] for i in c)
        tp += sum(k * (k - 1) // 2 for k in counts.values())
    sizes = Counter(truth.values())
    true_pairs = sum(k * (k - 1) // 2 for k in sizes.values())
    cluster_of = {i: n for n, c in enumerate(clusters) for i in c}
    size_of = {n: len(c) for n, c in enumerate(clusters)}
    same: dict[tuple[int, int], int] = Counter((cluster_of[i], truth[i]) for i in truth)
    b_p = sum(same[(cluster_of[i], truth[i])] / size_of[cluster_of[i]] for i in truth) / len(truth)
    b_r = sum(same[(cluster_of[i], truth[i])] / sizes[truth[i]] for i in truth) / len(truth)
    members: dict[int, set[str]] = defaultdict(set)
    for i, h in truth.items():
        members[h].add(i)
    exact = sum(1 for c in clusters if set(c) == members[truth[c[0]]])
    return {"pair_precision": tp / pred_pairs if pred_pairs else 1.0,
            "pair_recall": tp / true_pairs if true_pairs else 1.0,
            "bcubed_precision": b_p, "bcubed_recall": b_r, "happenings": len(sizes), "canonical": len(clusters),
            "exact": exact / len(sizes)}


def synthetic(n_events: int, days: int, seeds: int) -> None:
    print(f"synthetic: {n_events} happenings over {days} days, multi-outlet reports, {seeds} seeds")
    print(f"{'seed':>4} {'reports':>7} {'happen.':>7} {'canon.':>7} {'pair P':>7} {'pair R':>7} {'B3 P':>7} "
          f"{'B3 R':>7} {'exact':>6} {'same in 3 orders':>17}")
    for seed in range(seeds):
        reps, truth, urls = reports(n_events, days, seed)
        m = Merger(urls)
        m.add_all(reps)
        clusters = m.clusters()
        s = pair_scores(clusters, truth)
        same = True
        for k in range(3):
            order = reps[:]
            random.Random(1000 + k).shuffle(order)
            inc = Merger(urls)
            for e in order:
                inc.add(e)
            same &= inc.clusters() == clusters
        print(f"{seed:>4} {len(reps):>7} {s['happenings']:>7} {s['canonical']:>7} {s['pair_precision']:>7.3f} "
              f"{s['pair_recall']:>7.3f} {s['bcubed_precision']:>7.3f} {s['bcubed_recall']:>7.3f} {s['exact']:>6.3f} "
              f"{'yes' if same else 'NO':>17}")


def _gold_day(g: dict):
    from datetime import date

    return date.fromisoformat(g["date"][:10]) if g.get("date") else None


def gold_equivalents(a: list[dict], b: list[dict]) -> dict[int, int]:
    """Gold events of two articles that tell one happening: same PLOVER type, dates at most a day
    apart and the same place country where both give them; closest dates paired first."""
    options = []
    for i, g in enumerate(a):
        for j, h in enumerate(b):
            if (g.get("plover_event_type") or "").upper() != (h.get("plover_event_type") or "").upper():
                continue
            dg, dh = _gold_day(g), _gold_day(h)
            gap = abs((dg - dh).days) if dg and dh else 0
            cg, ch = (g.get("location") or {}).get("country"), (h.get("location") or {}).get("country")
            if gap > 1 or (cg and ch and cg != ch):
                continue
            same_sub = g.get("acled_sub_event_type") == h.get("acled_sub_event_type")
            options.append((gap, not same_sub, i, j))
    out: dict[int, int] = {}
    for _, _, i, j in sorted(options):
        if i not in out and j not in out.values():
            out[i] = j
    return out


def gold_pairs(gold_path: str) -> None:
    from truce.evaluate import find_scorer, load_scorer
    from truce.ingest.jsonl import read_lines
    from truce.run import Result, extract_all

    scorer = load_scorer(find_scorer())
    gold = [json.loads(x) for x in Path(gold_path).read_text(encoding="utf-8").splitlines() if x.strip()]
    by_id = {g["id"]: g for g in gold}
    pairs = [(by_id[g["kind"].split(":", 1)[1]], g) for g in gold if str(g.get("kind", "")).startswith("duplicate-of:")]
    print(f"\ngold duplicate pairs from {gold_path}: {len(pairs)}")
    totals = Counter()
    for orig, dup in pairs:
        lines = [json.dumps({k: a.get(k) for k in ("id", "text", "published", "url", "title", "language")})
                 for a in (orig, dup)]
        events: dict[str, list[Event]] = {}
        urls: dict[str, str] = {}
        for r in extract_all(read_lines(lines, "gold")):
            if isinstance(r, Result):
                events[r.article.id] = r.events
                if r.article.url:
                    urls[r.article.id] = r.article.url
        pe_o, pe_d = events.get(orig["id"], []), events.get(dup["id"], [])
        m = Merger(urls)
        m.add_all(pe_o + pe_d)
        clusters = {eid: n for n, ids in enumerate(m.clusters()) for eid in ids}
        go, gd = orig.get("events") or [], dup.get("events") or []
        equivalent = gold_equivalents(go, gd)
        as_dict = [json.loads(e.model_dump_json()) for e in pe_o], [json.loads(e.model_dump_json()) for e in pe_d]
        match_o = scorer.best_matching(go, as_dict[0])
        match_d = scorer.best_matching(gd, as_dict[1])
        told_by_both = extracted_both = merged = 0
        good_links = set()
        for i, j in equivalent.items():
            told_by_both += 1
            if i in match_o and j in match_d:
                extracted_both += 1
                a, b = pe_o[match_o[i]].event_id, pe_d[match_d[j]].event_id
                if clusters[a] == clusters[b]:
                    merged += 1
                    good_links.add((a, b))
        cross = [(a.event_id, b.event_id) for a in pe_o for b in pe_d if clusters[a.event_id] == clusters[b.event_id]]
        wrong = [x for x in cross if x not in good_links]
        totals.update(told=told_by_both, extracted=extracted_both, merged=merged, cross=len(cross), wrong=len(wrong))
        print(f"  {dup['id']}: gold events told by both {told_by_both}, extracted in both {extracted_both}, "
              f"merged {merged}; cross-article merges {len(cross)}, not gold-equivalent {len(wrong)}")
    if totals["extracted"]:
        print(f"  total: {totals['merged']}/{totals['extracted']} gold-equivalent events extracted in both articles "
              f"merged (recall {totals['merged'] / totals['extracted']:.3f}); {totals['told']} told by both in gold; "
              f"cross-article merges {totals['cross']}, of which not gold-equivalent {totals['wrong']}"
              + (f" (precision {1 - totals['wrong'] / totals['cross']:.3f})" if totals["cross"] else ""))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=3000, help="synthetic happenings per seed")
    p.add_argument("--days", type=int, default=365)
    p.add_argument("--seeds", type=int, default=3)
    p.add_argument("--gold", default=str(ROOT / "tests" / "gold" / "dev.jsonl"))
    args = p.parse_args()
    t0 = time.perf_counter()
    synthetic(args.events, args.days, args.seeds)
    if args.gold and Path(args.gold).is_file():
        gold_pairs(args.gold)
    print(f"\n{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
