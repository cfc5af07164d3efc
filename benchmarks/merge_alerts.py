"""Escalation alerts on synthetic weekly series: how often a quiet area is flagged (false alarms)
and how often a surge is caught, under the default rule of truce.alerts.

    python benchmarks/merge_alerts.py [--areas 200] [--weeks 52] [--seed 0]

Quiet: each area's weekly event count is Poisson (rate 0.5-8), or bursty (negative binomial, same
mean, variance 3x); each event has 0-3 dead. Surge: in the final week an area's count is multiplied
(x2, x3, x5) or, for deadly weeks, one event has 30 dead. Events are built as merged canonical
events directly (merging is measured by merge_eval.py), one per happening.
"""

from __future__ import annotations

import argparse
import math
import random
from datetime import date, timedelta

from truce.alerts import AlertRule, detect_alerts
from truce.merge import CanonicalEvent, Source
from truce.records import Actor, Event, Evidence, Location

START = date(2023, 1, 2)


def _event(n: int, country: str, day: date, dead: int) -> CanonicalEvent:
    ev = Evidence(text="x", start=0, end=1)
    e = Event(event_id=f"c{n}", article_id=f"a{n}", event_date=day, date_precision="day", category="material",
              event_type="Battles", sub_event_type="Armed clash", plover_type="ASSAULT",
              actor1=Actor(name="army", country=country, kind="state_forces"), actor2=None,
              location=Location(name="T", admin1=f"{country}-1", country=country, latitude=0.0, longitude=0.0),
              fatalities=dead, evidence=[ev], confidence=0.8)
    src = Source(article_id=e.article_id, event_id=e.event_id, outlet="o", confidence=0.8, evidence=[ev])
    return CanonicalEvent(canonical_id=e.event_id, event=e, sources=[src], source_count=1, outlet_count=1)


def _count(rng: random.Random, mean: float, bursty: bool) -> int:
    # bursty: negative binomial as a gamma-Poisson mixture, variance = 3 x mean
    lam = rng.gammavariate(mean / 2, 2) if bursty else mean
    k, p, limit = 0, rng.random(), math.exp(-lam)
    while p > limit:  # Knuth's Poisson sampler (rates here are small)
        k += 1
        p *= rng.random()
    return k


def area_series(rng: random.Random, country: str, weeks: int, mean: float, bursty: bool,
                surge: float = 1.0, deadly: bool = False) -> list[CanonicalEvent]:
    out = []
    for w in range(weeks):
        k = _count(rng, mean * (surge if w == weeks - 1 else 1.0), bursty)
        for _ in range(k):
            out.append(_event(rng.randrange(10**9), country, START + timedelta(weeks=w, days=rng.randrange(7)),
                              rng.randint(0, 3)))
        if deadly and w == weeks - 1:
            out.append(_event(rng.randrange(10**9), country, START + timedelta(weeks=w, days=3), 30))
    return out


def trial(rng: random.Random, areas: int, weeks: int, bursty: bool, surge: float = 1.0,
          deadly: bool = False, *, rule: AlertRule) -> tuple[int, int, int]:
    """(areas alerted in the final week, area-weeks alerted before it, area-weeks tested)."""
    events = []
    for i in range(areas):
        code = "".join(chr(65 + (i // 26**k) % 26) for k in (2, 1, 0))  # AAA, AAB, ...
        events += area_series(rng, code, weeks, rng.uniform(0.5, 8.0), bursty, surge, deadly)
    report = detect_alerts(events, rule)
    last = START + timedelta(weeks=weeks - 1)
    country_alerts = [a for a in report.alerts if a.level == "country"]
    final = len({a.country for a in country_alerts if a.week_start == last})
    earlier = sum(1 for a in country_alerts if a.week_start < last)
    return final, earlier, report.area_weeks_tested // 2


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--areas", type=int, default=200)
    p.add_argument("--weeks", type=int, default=52)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--baseline-weeks", type=int, default=AlertRule().baseline_weeks)
    p.add_argument("--p", type=float, default=AlertRule().p_threshold)
    args = p.parse_args()
    rng = random.Random(args.seed)
    rule = AlertRule(baseline_weeks=args.baseline_weeks, p_threshold=args.p)
    print(f"rule: trailing {rule.baseline_weeks} weeks, p < {rule.p_threshold}, at least {rule.min_events} events "
          f"or {rule.min_fatalities} dead; {args.areas} areas x {args.weeks} weeks, country level")
    print(f"{'series':<28} {'false alarms / area-week':>25} {'final week caught':>18}")
    for bursty in (False, True):
        kind = "bursty" if bursty else "Poisson"
        final, earlier, tested = trial(rng, args.areas, args.weeks, bursty, rule=rule)
        rate = (final + earlier) / max(1, tested)
        print(f"{'quiet, ' + kind:<28} {rate:>25.4f} {'-':>18}")
        for surge in (2.0, 3.0, 5.0):
            final, earlier, tested = trial(rng, args.areas, args.weeks, bursty, surge, rule=rule)
            print(f"{f'surge x{surge:g}, ' + kind:<28} {earlier / max(1, tested):>25.4f} "
                  f"{final / args.areas:>18.2f}")
        final, earlier, tested = trial(rng, args.areas, args.weeks, bursty, deadly=True, rule=rule)
        print(f"{'one 30-dead event, ' + kind:<28} {earlier / max(1, tested):>25.4f} {final / args.areas:>18.2f}")


if __name__ == "__main__":
    main()
