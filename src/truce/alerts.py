"""Escalation alerts: a week of violence well above an area's own recent past.

The rule (also in docs/merging.md), applied per country and per admin1, week by week (weeks start
on Monday):

- Counted: material events (category "material") merged across articles first, so one clash
  told by ten outlets counts once; fatalities are each merged event's lowest reported figure.
  Events need a place country and a day- or week-precise date (month-precise events cannot be
  put in a week; events with no place country belong to no area); those left out are counted
  in `AlertReport.uncounted`.
- Baseline: the `baseline_weeks` (12) weeks before, from the area's first counted event on (weeks
  with nothing count as zeros; before an area's first event the data says nothing about it, so
  its first week is never an alert), needing at least `min_history` (4) such weeks: their total S over n
  weeks, and their dispersion phi = max(1, variance / mean) (violence comes in bursts, which a
  plain Poisson would not allow; an all-quiet past has phi = 1).
- Test: a Poisson tail on dispersion-scaled counts (quasi-Poisson), with the rate's uncertainty
  from only n weeks of history taken into account: the weekly rate has a Gamma(S / phi + 0.5, n)
  posterior (Jeffreys prior, so an all-quiet past is not a rate of zero), which makes the
  week's scaled count negative binomial, and p = P(X >= floor(observed / phi)) under it.
  An alert when p < `p_threshold` (0.01) and the observed count reaches its minimum:
  `min_events` (3) events or `min_fatalities` (10) dead. Each alert lists the events of that
  area and week that caused it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .merge import CanonicalEvent, EventRef, event_ref, merge_events
from .records import Event, Record

Level = Literal["country", "admin1"]
Metric = Literal["events", "fatalities"]


@dataclass(frozen=True)
class AlertRule:
    baseline_weeks: int = 12
    min_history: int = 4
    p_threshold: float = 0.01
    min_events: int = 3
    min_fatalities: int = 10


class Trigger(Record):
    """One measure that crossed the rule: what was seen, what was expected, how unlikely."""

    metric: Metric
    observed: int
    baseline_mean: float
    dispersion: float
    p_value: float


class Alert(Record):
    level: Level
    country: str
    admin1: str | None = None
    week_start: date
    week_end: date
    baseline_weeks: int
    events_count: int
    fatalities: int
    triggers: list[Trigger]
    events: list[EventRef]


class AlertReport(Record):
    alerts: list[Alert]
    weeks: int
    areas: int
    area_weeks_tested: int
    uncounted: int


def week_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _areas(c: CanonicalEvent) -> list[tuple[Level, str, str | None]]:
    loc = c.event.location
    if loc is None or loc.country is None:
        return []
    out: list[tuple[Level, str, str | None]] = [("country", loc.country, None)]
    if loc.admin1 and loc.precision != "country":
        out.append(("admin1", loc.country, loc.admin1))
    return out


def _countable(c: CanonicalEvent) -> bool:
    e = c.event
    return (e.category == "material" and e.event_date is not None and (e.date_precision or "day") != "month"
            and bool(_areas(c)))


def negbin_sf(k: int, r: float, p: float) -> float:
    """P(X >= k) for X negative binomial (r, p): failures before the r-th success, mean r(1-p)/p.
    Hand-rolled: a short series sum, not worth a SciPy dependency."""
    if k <= 0:
        return 1.0
    q = 1.0 - p
    if q <= 0:
        return 0.0
    log_pmf = math.lgamma(k + r) - math.lgamma(r) - math.lgamma(k + 1) + r * math.log(p) + k * math.log(q)
    if k > r * q / p:  # above the mean the terms shrink: sum the upper tail directly
        term, total, i = math.exp(log_pmf), 0.0, k
        while term > 1e-300 and (total == 0.0 or term > total * 1e-16):
            total += term
            term *= (i + r) / (i + 1) * q
            i += 1
        return min(1.0, total)
    term, lower = math.exp(r * math.log(p)), 0.0
    for i in range(k):
        lower += term
        term *= (i + r) / (i + 1) * q
    return max(0.0, 1.0 - lower)


def week_trigger(observed: int, history: list[int], p_threshold: float, minimum: int,
                 metric: Metric) -> Trigger | None:
    """The test of one week against its baseline (module docstring); a Trigger when it fires."""
    n = len(history)
    total = sum(history)
    raw_mean = total / n
    var = sum((h - raw_mean) ** 2 for h in history) / max(1, n - 1)
    phi = max(1.0, var / raw_mean) if raw_mean > 0 else 1.0
    # Poisson rate with a Jeffreys prior, on counts scaled by the dispersion; its uncertainty
    # (only n weeks of history) turns the Poisson tail into a negative binomial one.
    p = negbin_sf(math.floor(observed / phi), total / phi + 0.5, n / (n + 1))
    if observed >= minimum and p < p_threshold:
        return Trigger(metric=metric, observed=observed, baseline_mean=round(raw_mean, 3),
                       dispersion=round(phi, 3), p_value=float(f"{p:.3g}"))
    return None


def detect_alerts(canonical: Iterable[CanonicalEvent], rule: AlertRule = AlertRule(),
                  since: date | None = None) -> AlertReport:
    """Alerts for every area and week (from `since`'s week on, when given) with enough history."""
    canonical = list(canonical)
    counted = [c for c in canonical if _countable(c)]
    by_area: dict[tuple[Level, str, str | None], dict[date, list[CanonicalEvent]]] = defaultdict(
        lambda: defaultdict(list))
    for c in counted:
        w = week_of(c.event.event_date)  # type: ignore[arg-type]
        for a in _areas(c):
            by_area[a][w].append(c)
    if not counted:
        return AlertReport(alerts=[], weeks=0, areas=0, area_weeks_tested=0, uncounted=len(canonical))
    first = min(week_of(c.event.event_date) for c in counted)  # type: ignore[arg-type]
    last = max(week_of(c.event.event_date) for c in counted)  # type: ignore[arg-type]
    n_weeks = (last - first).days // 7 + 1
    weeks = [first + timedelta(weeks=i) for i in range(n_weeks)]
    alerts: list[Alert] = []
    tested = 0
    for (level, country, admin1), series in sorted(by_area.items(), key=lambda kv: (*kv[0][:2], kv[0][2] or "")):
        ev = [len(series.get(w, [])) for w in weeks]
        fat = [sum(c.event.fatalities or 0 for c in series.get(w, [])) for w in weeks]
        first_seen = next(i for i, k in enumerate(ev) if k)
        for i, w in enumerate(weeks):
            if since is not None and w < week_of(since):
                continue
            lo = max(first_seen, i - rule.baseline_weeks)
            if i - lo < rule.min_history or not ev[i]:
                continue
            tested += 1
            triggers = [t for t in (
                week_trigger(ev[i], ev[lo:i], rule.p_threshold, rule.min_events, "events"),
                week_trigger(fat[i], fat[lo:i], rule.p_threshold, rule.min_fatalities, "fatalities"),
            ) if t is not None]
            if triggers:
                members = sorted(series[w], key=lambda c: (c.event.event_date, c.canonical_id))
                alerts.append(Alert(level=level, country=country, admin1=admin1, week_start=w,
                                    week_end=w + timedelta(days=6), baseline_weeks=i - lo, events_count=ev[i],
                                    fatalities=fat[i], triggers=triggers, events=[event_ref(c) for c in members]))
    alerts.sort(key=lambda a: (a.week_start, a.country, a.level, a.admin1 or ""))
    return AlertReport(alerts=alerts, weeks=n_weeks, areas=len(by_area), area_weeks_tested=tested,
                       uncounted=len(canonical) - len(counted))


def alerts_from_events(events: Iterable[Event], urls: Mapping[str, str] | None = None,
                       rule: AlertRule = AlertRule(), since: date | None = None) -> AlertReport:
    """Alerts from raw per-article events (merged across articles first)."""
    return detect_alerts(merge_events(events, urls), rule, since)
