"""Gazetteer figures: index build time (first run), load time (cached), memory, lookups per second.

usage: python benchmarks/gazetteer.py
"""

from __future__ import annotations

import resource
import time

from truce import geo


def main() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    gaz = geo.load()
    load_s = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    names = ["Kharkiv", "Lachin", "Tripoli", "Mogadishu", "Idlib", "Goma", "Djibo", "Sochi", "Nowhereville"]
    n = 200_000
    t = time.perf_counter()
    for i in range(n):
        gaz.candidates(names[i % len(names)])
    look = (time.perf_counter() - t) / n
    t = time.perf_counter()
    for i in range(n // 10):
        geo.rank(names[i % len(names)], gaz, {"UKR", "AZE"}, ())
    rank = (time.perf_counter() - t) / (n // 10)
    print(f"places indexed      {len(gaz.rows):,} rows, {len(gaz.names):,} names")
    print(f"load (cached index) {load_s:.2f} s")
    print(f"memory added        {(after - before) / 1024:.0f} MB (peak RSS growth)")
    print(f"candidates lookup   {look * 1e6:.1f} µs")
    print(f"ranked lookup       {rank * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
