"""`/truces` and `/alerts` on SQLite and PostgreSQL, over a store seeded with constructed reports:
a ceasefire followed by a clash between its parties (told by two outlets), an accusation of breaking
it, and a surge of clashes in one region after weeks of one or two."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from test_store import BACKENDS, fresh_backend
from test_truces import ARM_FORCES, ARMENIA, AZE_ARMY, AZERBAIJAN, LACHIN, MOSCOW

from truce import store
from truce.alerts import AlertRule, detect_alerts
from truce.api import create_app
from truce.merge import merge_events
from truce.records import SUB_TO_TYPE, Actor, Article, Event, Evidence, Location
from truce.truces import truce_statuses

REBELS = Actor(name="rebels", country="MLI", kind="rebels")
MALI_ARMY = Actor(name="Malian army", country="MLI", kind="state_forces")

AGREED = date(2024, 3, 4)
CLASH_DAY = date(2024, 3, 10)
SURGE_START = date(2024, 1, 1)  # a Monday
WEEKLY = [1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 12]  # clashes per week in Mopti; the last week is the surge
SURGE_WEEK = SURGE_START + timedelta(weeks=len(WEEKLY) - 1)
LATEST = SURGE_WEEK + timedelta(days=6)  # the surge's clashes fill every day of its week


def report(eid: str, article: str, day: date, plover: str, text: str, *, sub: str | None = None,
           a1: Actor | None = None, a2: Actor | None = None, loc: Location | None = None,
           fat: int | None = None) -> Event:
    return Event(event_id=eid, article_id=article, event_date=day, date_precision="day",
                 category="material" if sub else "verbal", event_type=SUB_TO_TYPE.get(sub) if sub else None,
                 sub_event_type=sub, plover_type=plover, actor1=a1, actor2=a2, location=loc, fatalities=fat,
                 evidence=[Evidence(text=text, start=0, end=len(text))], confidence=0.8)


def article(aid: str, day: date, text: str, outlet: str, title: str | None = None) -> Article:
    return Article(id=aid, text=text, published=day, language="en", title=title or text[:40],
                   url=f"https://{outlet}.example.test/{aid}")


def mopti(i: int) -> Location:
    """Towns of Mopti region far enough apart that their clashes never merge."""
    return Location(name=f"Town{i}", admin1="Mopti", country="MLI", latitude=14.0 + (i % 7) * 0.9,
                    longitude=-4.0 + (i // 7) * 0.9, precision="town")


def watch_corpus(parties: tuple[Actor, Actor] = (ARMENIA, AZERBAIJAN)) -> list[tuple[Article, list[Event]]]:
    """The seeded store: (article, the events it states) pairs."""
    agree_text = f"{parties[0].name} and {parties[1].name} agreed to a ceasefire on Monday."
    clash_text = "Azerbaijani troops and Armenian forces exchanged fire near Lachin, killing three soldiers."
    accuse_text = "Armenia accused Azerbaijan of violating the ceasefire."
    out = [
        (article("watch/agree", AGREED, agree_text, "outlet-a"),
         [report("w-agree", "watch/agree", AGREED, "AGREE", agree_text, sub="Agreement", a1=parties[0],
                 a2=parties[1], loc=MOSCOW)]),
    ]
    for aid, outlet in (("watch/clash-1", "outlet-a"), ("watch/clash-2", "outlet-b")):  # one clash, two outlets
        out.append((article(aid, CLASH_DAY, clash_text, outlet),
                    [report(f"{aid}-ev", aid, CLASH_DAY, "ASSAULT", clash_text, sub="Armed clash", a1=AZE_ARMY,
                            a2=ARM_FORCES, loc=LACHIN, fat=3)]))
    out.append((article("watch/accuse", CLASH_DAY + timedelta(days=1), accuse_text, "outlet-c"),
                [report("w-accuse", "watch/accuse", CLASH_DAY + timedelta(days=1), "ACCUSE", accuse_text,
                        a1=ARMENIA, a2=AZERBAIJAN)]))
    n = 0
    for week, k in enumerate(WEEKLY):
        for j in range(k):
            day = SURGE_START + timedelta(weeks=week, days=j % 7)
            text = f"Rebels attacked an army post in Town{n}."
            aid = f"mli/{n:03d}"
            out.append((article(aid, day, text, "outlet-m"),
                        [report(f"mli-ev-{n:03d}", aid, day, "ASSAULT", text, sub="Armed clash", a1=REBELS,
                                a2=MALI_ARMY, loc=mopti(n), fat=1)]))
            n += 1
    return out


DATA = watch_corpus()
EVENTS = [e for _a, evs in DATA for e in evs]
URLS = {a.id: a.url for a, _e in DATA}
SURGE_ARTICLES = {f"mli/{n:03d}" for n in range(sum(WEEKLY[:-1]), sum(WEEKLY))}


@pytest.fixture(scope="module", params=BACKENDS)
def api(request, tmp_path_factory):
    with fresh_backend(request.param, tmp_path_factory.mktemp("watch")) as url:
        engine = store.connect(url)
        store.save_many(engine, DATA)
        with TestClient(create_app(engine)) as client:
            yield client
        engine.dispose()


def test_a_clash_after_a_ceasefire_is_its_one_violation(api):
    r = api.get("/truces")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["today"] == LATEST.isoformat() and len(body["truces"]) == 1  # default: latest event date
    [status] = body["truces"]
    truce = status["truce"]
    assert [p["name"] for p in truce["parties"]] == ["Armenia", "Azerbaijan"]
    assert truce["area_countries"] == ["ARM", "AZE"] and truce["start"] == AGREED.isoformat()
    assert truce["article_ids"] == ["watch/agree"]
    assert status["violation_count"] == 1 and status["fatalities"] == 3
    [violation] = status["violations"]  # two outlets' reports of the clash are merged first
    assert violation["source_count"] == 2
    assert violation["article_ids"] == ["watch/clash-1", "watch/clash-2"]
    assert status["last_violation"] == CLASH_DAY.isoformat()
    assert status["days_since_last_violation"] == (LATEST - CLASH_DAY).days
    assert [a["article_ids"] for a in status["accusations"]] == [["watch/accuse"]]


def test_truces_count_days_to_the_given_day(api):
    body = api.get("/truces", params={"today": "2024-04-01"}).json()
    assert body["today"] == "2024-04-01"
    [status] = body["truces"]
    assert status["days_since_last_violation"] == (date(2024, 4, 1) - CLASH_DAY).days
    assert status["days_in_force"] == (date(2024, 4, 1) - AGREED).days
    expected = truce_statuses(merge_events(EVENTS, URLS), today=date(2024, 4, 1))
    assert body["truces"] == [s.model_dump(mode="json") for s in expected]


def test_a_surge_raises_alerts_that_list_its_events(api):
    r = api.get("/alerts")
    assert r.status_code == 200, r.text
    body = r.json()
    assert {(a["level"], a["country"], a["admin1"], a["week_start"]) for a in body["alerts"]} == {
        ("country", "MLI", None, SURGE_WEEK.isoformat()), ("admin1", "MLI", "Mopti", SURGE_WEEK.isoformat())}
    for alert in body["alerts"]:
        assert alert["events_count"] == 12 and alert["fatalities"] == 12
        assert {a for ref in alert["events"] for a in ref["article_ids"]} == SURGE_ARTICLES
        events = next(t for t in alert["triggers"] if t["metric"] == "events")
        assert events["observed"] == 12 and events["baseline_mean"] == 1.4 and events["p_value"] < 0.01
    assert body["rule"] == {"baseline_weeks": 12, "min_history": 4, "p_threshold": 0.01, "min_events": 3,
                            "min_fatalities": 10, "since": None}
    assert body["area_weeks_tested"] > 10


@pytest.mark.parametrize("params", [
    {"since": SURGE_WEEK.isoformat()},
    {"since": (SURGE_WEEK + timedelta(days=7)).isoformat()},
    {"min_events": 13},
    {"min_events": 13, "min_fatalities": 13},
    {"p": 1e-12},
    {"baseline_weeks": 4, "min_history": 2},
    {"baseline_weeks": 20, "min_history": 11},
])
def test_alert_parameters_reach_the_rule(api, params):
    body = api.get("/alerts", params=params).json()
    rule = AlertRule(baseline_weeks=params.get("baseline_weeks", 12), min_history=params.get("min_history", 4),
                     p_threshold=params.get("p", 0.01), min_events=params.get("min_events", 3),
                     min_fatalities=params.get("min_fatalities", 10))
    since = date.fromisoformat(params["since"]) if "since" in params else None
    expected = detect_alerts(merge_events(EVENTS, URLS), rule, since=since)
    assert body["alerts"] == [a.model_dump(mode="json") for a in expected.alerts]
    assert body["area_weeks_tested"] == expected.area_weeks_tested
    assert body["rule"]["since"] == params.get("since")


def test_the_rule_changes_the_answer(api):
    assert len(api.get("/alerts", params={"since": SURGE_WEEK.isoformat()}).json()["alerts"]) == 2
    after = api.get("/alerts", params={"since": (SURGE_WEEK + timedelta(days=7)).isoformat()}).json()
    assert after["alerts"] == [] and after["area_weeks_tested"] == 0
    deaths_only = api.get("/alerts", params={"min_events": 13}).json()["alerts"]
    assert deaths_only and all([t["metric"] for t in a["triggers"]] == ["fatalities"] for a in deaths_only)
    assert api.get("/alerts", params={"min_events": 13, "min_fatalities": 13}).json()["alerts"] == []
    assert api.get("/alerts", params={"min_history": 11, "baseline_weeks": 11}).json()["alerts"] == []


BAD = [
    ("/alerts", {"since": "2024-02-30"}), ("/alerts", {"since": "last week"}), ("/alerts", {"baseline_weeks": 0}),
    ("/alerts", {"baseline_weeks": "twelve"}), ("/alerts", {"baseline_weeks": 521}), ("/alerts", {"min_history": 0}),
    ("/alerts", {"min_history": 13}), ("/alerts", {"baseline_weeks": 4, "min_history": 5}), ("/alerts", {"p": 0}),
    ("/alerts", {"p": 1}), ("/alerts", {"p": -0.5}), ("/alerts", {"p": "nan"}), ("/alerts", {"p": "inf"}),
    ("/alerts", {"p": "often"}), ("/alerts", {"min_events": -1}), ("/alerts", {"min_events": 1.5}),
    ("/alerts", {"min_fatalities": -1}), ("/alerts", {"min_fatalities": 10**30}), ("/truces", {"today": "2024-13-01"}),
    ("/truces", {"today": "yesterday"}), ("/truces", {"today": "x" * 5000}),
]


@pytest.mark.parametrize(("path", "params"), BAD, ids=[f"{p}{q}"[:60] for p, q in BAD])
def test_bad_parameters_are_json_422_with_a_reason(api, path, params):
    r = api.get(path, params=params)
    assert r.status_code == 422, (r.status_code, r.text)
    body = r.json()
    assert body["error"] == "invalid parameter" and body["reason"]
    assert next(iter(params)) in body["reason"]


def test_openapi_documents_both_routes(api):
    spec = api.get("/openapi.json").json()
    assert {"/truces", "/alerts"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/alerts"]["get"]["parameters"]}
    assert names == {"since", "baseline_weeks", "min_history", "p", "min_events", "min_fatalities"}
    assert {p["name"] for p in spec["paths"]["/truces"]["get"]["parameters"]} == {"today"}


@pytest.mark.parametrize("kind", BACKENDS)
def test_answers_follow_the_store_between_requests(kind, tmp_path):
    with fresh_backend(kind, tmp_path) as url:
        engine = store.connect(url)
        try:
            with TestClient(create_app(engine)) as client:
                empty = client.get("/truces").json()
                assert empty == {"today": None, "truces": []}
                nothing = client.get("/alerts").json()
                assert nothing["alerts"] == [] and nothing["uncounted"] == 0
                store.save_many(engine, DATA[:2])  # the ceasefire and one report of the clash
                [status] = client.get("/truces").json()["truces"]
                assert status["violation_count"] == 1 and status["violations"][0]["source_count"] == 1
                later = CLASH_DAY + timedelta(days=5)
                text = "Azerbaijani troops shelled Armenian positions near Lachin."
                store.save(engine, article("watch/clash-3", later, text, "outlet-d"),
                           [report("watch/clash-3-ev", "watch/clash-3", later, "ASSAULT", text,
                                   sub="Shelling/artillery/missile attack", a1=AZE_ARMY, a2=ARM_FORCES, loc=LACHIN,
                                   fat=1)])
                [status] = client.get("/truces").json()["truces"]
                assert status["violation_count"] == 2 and status["fatalities"] == 4
                assert status["last_violation"] == later.isoformat() and status["days_since_last_violation"] == 0
        finally:
            engine.dispose()
