"""Cost of merging per report as the store grows: it should stay flat, not grow with the store.

    python benchmarks/merge_cost.py [--reports 200000] [--per-day 300] [--slice 20000]

The store grows the way an archive does: more days of news at a steady daily volume (`--per-day`
reports a day, synthetic multi-outlet reporting from merge_synth.py). Reports arrive one by one
through `Merger.add`.

(a) Publication order (a report now and then filed a day or two late), one store growing to
    `--reports`: per slice of arrivals, the store size, CPU microseconds per report
    (CPU time: other work on the machine does not blur it), and per report
    the candidates the index returned, the full comparisons and the re-placements (replays).
(b) Random order (a back-fill): the neighbourhood of a day fills up as the back-fill goes on, so
    the cost rises within one back-fill; what matters is that the cost of the last arrivals does not
    rise with the size of the store. Stores of 1/8, 1/4, 1/2 and all of `--reports` are back-filled
    and the last 5% of arrivals into each are measured (so each is measured at the same fill).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from merge_synth import reports

from truce.merge import Merger


def run(order: list, urls: dict[str, str], step: int, label: str) -> None:
    print(f"\n{label}")
    print(f"{'store size':>10} {'CPU us/rep':>10} {'candidates':>11} {'comparisons':>12} {'replays':>8}")
    m = Merger(urls)
    for lo in range(0, len(order), step):
        chunk = order[lo:lo + step]
        s0 = (m.stats.candidates, m.stats.comparisons, m.stats.replayed)
        t0 = time.process_time()
        for e in chunk:
            m.add(e)
        dt = time.process_time() - t0
        n = len(chunk)
        print(f"{len(m):>10} {dt / n * 1e6:>10.0f} {(m.stats.candidates - s0[0]) / n:>11.1f} "
              f"{(m.stats.comparisons - s0[1]) / n:>12.1f} {(m.stats.replayed - s0[2]) / n:>8.2f}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reports", type=int, default=200_000, help="approximate store size at the end")
    p.add_argument("--per-day", type=int, default=300, help="reports a day")
    p.add_argument("--slice", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--backfill-only", action="store_true", help="skip (a)")
    args = p.parse_args()
    happenings = int(args.reports / 2.1)
    days = max(1, args.reports // args.per_day)
    reps, _, urls = reports(happenings, days, args.seed)
    print(f"{len(reps)} reports of {happenings} happenings over {days} days (~{len(reps) // days} reports a day)")
    rng = random.Random(args.seed)
    # publication order: by date, a report filed 0-2 days late now and then
    feed = sorted(reps, key=lambda e: (e.event_date.toordinal() + (rng.choice([0, 0, 0, 1, 2])), rng.random()))
    if not args.backfill_only:
        run(feed, urls, args.slice, "(a) publication order")
    print("\n(b) random order (back-fill): the last arrivals into stores of growing size")
    print(f"{'store size':>10} {'days':>6} {'CPU us/rep':>10} {'candidates':>11} {'comparisons':>12} {'replays':>8}")
    for part in (8, 4, 2, 1):
        n_days = max(1, days // part)
        sub, _, sub_urls = reports(happenings // part, n_days, args.seed + part)
        rng.shuffle(sub)
        m = Merger(sub_urls)
        cut = len(sub) - max(500, len(sub) // 20)
        m.add_all(sub[:cut])
        s0 = (m.stats.candidates, m.stats.comparisons, m.stats.replayed)
        t0 = time.process_time()
        tail = sub[cut:]
        for e in tail:
            m.add(e)
        dt, n = time.process_time() - t0, len(tail)
        print(f"{len(m):>10} {n_days:>6} {dt / n * 1e6:>10.0f} {(m.stats.candidates - s0[0]) / n:>11.1f} "
              f"{(m.stats.comparisons - s0[1]) / n:>12.1f} {(m.stats.replayed - s0[2]) / n:>8.2f}")

if __name__ == "__main__":
    main()
