"""Escalation alerts: a surge is flagged with the events behind it; a quiet series is not."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta

from truce.alerts import AlertRule, alerts_from_events, detect_alerts, negbin_sf, week_of, week_trigger
from truce.cli import main
from truce.merge import merge_events
from truce.records import Actor, Event, Evidence, Location

START = date(2024, 1, 1)  # a Monday
REBELS = Actor(name="rebels", country="MLI", kind="rebels")
ARMY = Actor(name="Malian army", country="MLI", kind="state_forces")


def place(i: int) -> Location:
    """Towns of Mopti region spread far enough apart that their events never merge."""
    return Location(name=f"Town{i}", admin1="Mopti", country="MLI", latitude=14.0 + (i % 7) * 0.9,
                    longitude=-4.0 + (i // 7) * 0.9, precision="town")


def clash(n: int, day: date, fat: int | None = 1, article: str | None = None, loc: Location | None = None) -> Event:
    return Event(event_id=f"e{n}", article_id=article or f"a{n}", event_date=day, date_precision="day",
                 category="material", event_type="Battles", sub_event_type="Armed clash", plover_type="ASSAULT",
                 actor1=REBELS, actor2=ARMY, location=loc or place(n % 40), fatalities=fat,
                 evidence=[Evidence(text="Fighting broke out.", start=0, end=19)], confidence=0.8)


def series(weekly: list[int], fat: int = 1) -> list[Event]:
    """`weekly[i]` clashes in week i, each in a different town and on a different day."""
    out: list[Event] = []
    for w, k in enumerate(weekly):
        for j in range(k):
            out.append(clash(len(out), START + timedelta(weeks=w, days=j % 7), fat=fat, loc=place(len(out) % 40)))
    return out


def test_negative_binomial_tail_matches_its_definition():
    def pmf(i: int, r: float, p: float) -> float:
        log = math.lgamma(i + r) - math.lgamma(r) - math.lgamma(i + 1) + r * math.log(p) + i * math.log(1 - p)
        return math.exp(log)

    for r, p in ((0.5, 0.9), (2.5, 0.5), (11.5, 8 / 9), (40.0, 0.3)):
        for k in (0, 1, 3, 8, 20, 60):
            direct = 1.0 - sum(pmf(i, r, p) for i in range(k))
            assert math.isclose(negbin_sf(k, r, p), max(0.0, direct), rel_tol=1e-6, abs_tol=1e-12)
    assert 0.0 < negbin_sf(80, 1.0, 0.9) < 1e-3  # far tail is tiny, not zero
    # a well-known rate (long history) gives back the Poisson tail: P(X >= 5 | 2) = 0.0527
    assert math.isclose(negbin_sf(5, 2.0 * 10_000, 10_000 / 10_001), 0.052653, rel_tol=1e-3)


def test_quiet_series_raises_no_alert():
    steady = series([2] * 16)
    bumpy = series([1, 3, 2, 0, 4, 2, 1, 3, 2, 2, 0, 3, 4, 1, 2, 3])
    for events in (steady, bumpy):
        report = alerts_from_events(events)
        assert report.area_weeks_tested > 20
        assert report.alerts == []


def test_surge_raises_an_alert_listing_its_events():
    weekly = [1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 12]
    events = series(weekly)
    report = alerts_from_events(events)
    assert {(a.level, a.week_start) for a in report.alerts} == {
        ("country", START + timedelta(weeks=10)), ("admin1", START + timedelta(weeks=10))}
    alert = next(a for a in report.alerts if a.level == "admin1")
    assert alert.country == "MLI" and alert.admin1 == "Mopti"
    assert alert.events_count == 12
    [trigger] = [t for t in alert.triggers if t.metric == "events"]
    assert trigger.observed == 12 and trigger.p_value < 0.01 and trigger.baseline_mean == 1.4
    surge_ids = {f"e{n}" for n in range(sum(weekly[:-1]), sum(weekly))}
    listed = {eid for ref in alert.events for eid in ref.article_ids}
    assert listed == {f"a{eid[1:]}" for eid in surge_ids}


def test_deadly_week_raises_a_fatalities_alert():
    events = series([2] * 10)
    last = START + timedelta(weeks=10)
    events += [clash(900, last, fat=35), clash(901, last + timedelta(days=2), fat=6)]
    report = alerts_from_events(events)
    country = next(a for a in report.alerts if a.level == "country")
    assert [t.metric for t in country.triggers] == ["fatalities"]
    assert country.fatalities == 41


def test_no_alert_without_enough_history():
    report = alerts_from_events(series([1, 1, 15]))
    assert report.alerts == []


def test_an_area_first_seen_in_a_busy_week_is_not_an_alert():
    events = series([2] * 12)  # Mopti, Mali: a long quiet record
    first = START + timedelta(weeks=11)
    sahel = Location(name="Djibo", admin1="Sahel", country="BFA", latitude=14.1, longitude=-1.6, precision="town")
    events += [clash(500 + k, first + timedelta(days=k % 7), fat=3, loc=sahel) for k in range(9)]
    report = alerts_from_events(events)
    assert report.alerts == []  # Burkina Faso's record starts that week: no baseline of its own


def test_one_happening_told_by_many_outlets_is_not_a_surge():
    events = series([1] * 10)
    last = START + timedelta(weeks=10)
    loc = place(3)
    for k in range(8):  # one clash, eight articles
        events.append(clash(1000 + k, last, fat=2, article=f"outlet{k}", loc=loc))
    report = alerts_from_events(events)
    assert report.alerts == []
    raw = detect_alerts([c for e in events for c in merge_events([e])])  # unmerged: each report counted
    assert raw.alerts


def test_a_bursty_baseline_needs_a_bigger_surge():
    calm = week_trigger(9, [2, 2, 2, 2, 2, 2, 2, 2], 0.01, 3, "events")
    bursty = week_trigger(9, [0, 6, 0, 0, 7, 0, 1, 2], 0.01, 3, "events")
    assert calm is not None and bursty is None


def test_alerts_command_writes_json_lines(tmp_path, capsys):
    events_file = tmp_path / "events.jsonl"
    events = series([1, 2, 1, 2, 1, 1, 2, 1, 12])
    events_file.write_text("".join(e.model_dump_json() + "\n" for e in events) + "not json\n", encoding="utf-8")
    assert main(["alerts", "--events", str(events_file), "--jsonl"]) == 0
    captured = capsys.readouterr()
    lines = [json.loads(x) for x in captured.out.splitlines()]
    assert {x["level"] for x in lines} == {"country", "admin1"}
    assert all(x["events"] and x["triggers"] for x in lines)
    assert f"line {len(events) + 1}" in captured.err
    out = tmp_path / "alerts.jsonl"
    assert main(["alerts", "--events", str(events_file), "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == captured.out.splitlines()


def test_truces_command_lists_violations(tmp_path, capsys, monkeypatch):
    from test_truces import agreement
    from test_truces import clash as truce_clash

    events_file = tmp_path / "events.jsonl"
    events = [agreement(), truce_clash("c1", "B", "2022-08-03"), truce_clash("c2", "C", "2022-08-07")]
    events_file.write_text("".join(e.model_dump_json() + "\n" for e in events), encoding="utf-8")
    assert main(["truces", "--events", str(events_file), "--jsonl", "--today", "2022-08-10"]) == 0
    [status] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert status["violation_count"] == 2
    assert status["days_since_last_violation"] == 3
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["truces", "--events", str(events_file)]) == 0
    table = capsys.readouterr().out
    assert "Armenia, Azerbaijan" in table and "2022-08-07" in table


def test_weeks_start_on_monday():
    assert week_of(date(2024, 1, 7)) == date(2024, 1, 1)
    assert week_of(date(2024, 1, 8)) == date(2024, 1, 8)


def test_rule_parameters_are_respected():
    events = series([1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 6])
    assert alerts_from_events(events).alerts
    assert not alerts_from_events(events, rule=AlertRule(min_events=7)).alerts
    assert not alerts_from_events(events, since=START + timedelta(weeks=11)).alerts
