"""`GET /truces` and `GET /alerts`: the ceasefire watch and the escalation alerts over the stored events.

Both merge the stored reports across articles first (`truce.merge`), so ten reports of one clash are
one violation and one event of a surge. The merge is done once per request, after its parameters
are checked, and kept nowhere else: answers always follow the store, at the cost of merging
everything on each call (measured times in docs/api.md).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from sqlalchemy import Engine, select

from .. import store
from ..alerts import AlertReport, AlertRule, detect_alerts
from ..merge import CanonicalEvent, merge_events
from ..truces import TruceStatus, truce_statuses
from .filters import BadParameter
from .schemas import Problem

MAX_BASELINE_WEEKS = 520
MAX_MINIMUM = 10**9
ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": Problem, "description": "a parameter is invalid"}}
RULE = AlertRule()

router = APIRouter(tags=["watch"])


def canonical_events(engine: Engine) -> list[CanonicalEvent]:
    """The stored events merged across articles, with each source's URL (which names its outlet)."""
    reports = store.load_events(engine)
    with engine.connect() as conn:
        rows = conn.execute(select(store.articles.c.id, store.articles.c.url)
                            .where(store.articles.c.url.is_not(None))).all()
    return merge_events(reports, {str(i): u for i, u in rows})


class TruceList(BaseModel):
    """Truces in the order they were agreed, with `today`, the day their day counts run to."""

    today: date | None
    truces: list[TruceStatus]


class RuleUsed(BaseModel):
    baseline_weeks: int
    min_history: int
    p_threshold: float
    min_events: int
    min_fatalities: int
    since: date | None


class AlertList(AlertReport):
    """The alert report with the rule it was computed under."""

    rule: RuleUsed


@router.get("/truces", response_model=TruceList, responses=ERRORS)
def get_truces(
    request: Request,
    today: Annotated[date | None, Query(
        description="the day 'days since last violation' counts to (default: the latest event date stored)")] = None,
) -> TruceList:
    """Ceasefires found in the events, each with its violations, accusations, violation count and days
    since the last violation."""
    canonical = canonical_events(request.app.state.engine)
    if today is None:
        today = max((c.event.event_date for c in canonical if c.event.event_date), default=None)
    return TruceList(today=today, truces=truce_statuses(canonical, today=today))


@router.get("/alerts", response_model=AlertList, responses=ERRORS)
def get_alerts(
    request: Request,
    since: Annotated[date | None, Query(description="only weeks from this day's week on (YYYY-MM-DD)")] = None,
    baseline_weeks: Annotated[int, Query(ge=1, le=MAX_BASELINE_WEEKS,
                                         description="trailing weeks in an area's baseline")] = RULE.baseline_weeks,
    min_history: Annotated[int, Query(ge=1, le=MAX_BASELINE_WEEKS,
                                      description="baseline weeks needed before a week is tested")] = RULE.min_history,
    p: Annotated[float, Query(gt=0, lt=1, allow_inf_nan=False,
                              description="tail probability under which a week is an alert")] = RULE.p_threshold,
    min_events: Annotated[int, Query(ge=0, le=MAX_MINIMUM,
                                     description="events a week needs for an events alert")] = RULE.min_events,
    min_fatalities: Annotated[int, Query(ge=0, le=MAX_MINIMUM,
                                         description="dead a week needs for a fatalities alert")] = RULE.min_fatalities,
) -> AlertList:
    """Weeks whose events or fatalities, per country and per admin1, stand well above the area's own
    trailing baseline (a quasi-Poisson tail test), each with the events behind it."""
    if min_history > baseline_weeks:
        raise BadParameter("min_history", f"is more than baseline_weeks ({baseline_weeks}): no week could be tested")
    canonical = canonical_events(request.app.state.engine)
    rule = AlertRule(baseline_weeks=baseline_weeks, min_history=min_history, p_threshold=p, min_events=min_events,
                     min_fatalities=min_fatalities)
    report = detect_alerts(canonical, rule, since=since)
    used = RuleUsed(baseline_weeks=baseline_weeks, min_history=min_history, p_threshold=p, min_events=min_events,
                    min_fatalities=min_fatalities, since=since)
    return AlertList(**dict(report), rule=used)
