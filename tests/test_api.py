"""The HTTP API on SQLite and PostgreSQL, checked against answers computed in Python from the corpus."""

from __future__ import annotations

import io
import json
import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from test_store import BACKENDS, all_events, corpus, fresh_backend

from truce import store
from truce.api import create_app
from truce.api.export import ACLED_COLUMNS
from truce.records import Event

DATA = corpus(14)
EVENTS = all_events(DATA)
BY_ID = {e.event_id: e for e in EVENTS}


@pytest.fixture(scope="module", params=BACKENDS)
def api(request, tmp_path_factory):
    with fresh_backend(request.param, tmp_path_factory.mktemp("api")) as url:
        engine = store.connect(url)
        store.save_many(engine, DATA)
        store.add_sources(engine, "ev-00-0", ["art/01"])  # one event told by two articles
        with TestClient(create_app(engine)) as client:
            yield client
        engine.dispose()


def ids(items: list[dict]) -> set[str]:
    return {i["event_id"] for i in items}


def fetch_all(api, params: dict, limit: int = 500) -> list[dict]:
    out, cursor = [], None
    for _ in range(100):
        r = api.get("/events", params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        out += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return out
    raise AssertionError("pagination did not end")


def place(e: Event, attr: str):
    return getattr(e.location, attr) if e.location else None


FILTERS = [
    ({}, lambda e: True),
    ({"country": "SDN"}, lambda e: place(e, "country") == "SDN"),
    ({"country": ["sdn", "UKR"]}, lambda e: place(e, "country") in ("SDN", "UKR")),
    ({"country": "SDN,FJI"}, lambda e: place(e, "country") in ("SDN", "FJI")),
    ({"admin1": "north darfur"}, lambda e: place(e, "admin1") == "North Darfur"),
    ({"date_from": "2024-05-20", "date_to": "2024-06-10"},
     lambda e: e.event_date is not None and date(2024, 5, 20) <= e.event_date <= date(2024, 6, 10)),
    ({"event_type": "Battles"}, lambda e: e.event_type == "Battles"),
    ({"sub_event_type": "Peaceful protest"}, lambda e: e.sub_event_type == "Peaceful protest"),
    ({"plover_type": ["ACCUSE", "PROTEST"]}, lambda e: e.plover_type in ("ACCUSE", "PROTEST")),
    ({"category": "verbal"}, lambda e: e.category == "verbal"),
    ({"actor": "rapid support"}, lambda e: any(a and "rapid support" in a.name.lower() for a in (e.actor1, e.actor2))),
    ({"actor": "100%"}, lambda e: any(a and "100%" in a.name for a in (e.actor1, e.actor2))),
    ({"actor": "_"}, lambda e: any(a and "_" in a.name for a in (e.actor1, e.actor2))),
    ({"min_fatalities": 5}, lambda e: (e.fatalities or 0) >= 5),
    ({"q": "mortar"}, lambda e: any("mortar" in s.text for s in e.evidence)),
    ({"q": "Mortar  kharkiv"}, lambda e: any("mortar" in s.text and "Kharkiv" in s.text for s in e.evidence)),
    ({"bbox": "20,0,40,55"}, lambda e: e.location is not None and 20 <= e.location.longitude <= 40
     and 0 <= e.location.latitude <= 55),
    ({"bbox": "178,-20,-179,-10"}, lambda e: e.location is not None and -20 <= e.location.latitude <= -10
     and (e.location.longitude >= 178 or e.location.longitude <= -179)),
    ({"country": "UKR", "event_type": "Explosions/Remote violence", "min_fatalities": 1},
     lambda e: place(e, "country") == "UKR" and e.event_type == "Explosions/Remote violence"
     and (e.fatalities or 0) >= 1),
]


@pytest.mark.parametrize(("params", "keep"), FILTERS, ids=[json.dumps(p) for p, _ in FILTERS])
def test_filters_select_exactly_the_matching_events(api, params, keep):
    expected = {e.event_id for e in EVENTS if keep(e)}
    got = fetch_all(api, params)
    assert ids(got) == expected
    assert len(got) == len(expected)
    if params:
        assert expected, "a filter that matches nothing proves little"
    stats = api.get("/stats", params=params).json()
    assert stats["events"] == len(expected)
    assert stats["fatalities"] == sum(BY_ID[i].fatalities or 0 for i in expected)


SORT_KEYS = {
    "event_date": lambda e: (e.event_date or date(1, 1, 1), e.event_id),
    "fatalities": lambda e: (-1 if e.fatalities is None else e.fatalities, e.event_id),
    "confidence": lambda e: (e.confidence, e.event_id),
}


@pytest.mark.parametrize("sort", ["-event_date", "event_date", "-fatalities", "fatalities", "-confidence",
                                  "confidence"])
def test_every_sort_pages_through_all_events_once_in_order(api, sort):
    expected = sorted(EVENTS, key=SORT_KEYS[sort.lstrip("-")], reverse=sort.startswith("-"))
    got = fetch_all(api, {"sort": sort}, limit=4)
    assert [i["event_id"] for i in got] == [e.event_id for e in expected]


def test_a_page_returns_records_with_their_sources(api):
    body = api.get("/events", params={"limit": 3}).json()
    assert body["limit"] == 3 and body["sort"] == "-event_date" and body["next_cursor"]
    for item in body["items"]:
        sources = item.pop("sources")
        assert Event.model_validate(item) == BY_ID[item["event_id"]]
        assert sources == [BY_ID[item["event_id"]].article_id]
    two = api.get("/events", params={"country": "SDN", "limit": 500}).json()["items"]
    told = next(i for i in two if i["event_id"] == "ev-00-0")
    assert told["sources"] == ["art/00", "art/01"]


def test_event_detail_has_evidence_and_every_source_article(api):
    body = api.get("/events/ev-00-0").json()
    assert [a["id"] for a in body["articles"]] == ["art/00", "art/01"]
    assert body["articles"][0]["url"] == "https://news0.example.test/story/0"
    assert body["articles"][0]["source"] == "news0.example.test"
    ev = BY_ID["ev-00-0"]
    assert body["evidence_spans"] == [{"article_id": "art/00", "text": s.text, "start": s.start, "end": s.end}
                                      for s in ev.evidence]
    text = DATA[0][0].text
    span = body["evidence_spans"][0]
    assert text[span["start"]:span["end"]] == span["text"]


def test_article_detail_has_text_and_its_events(api):
    art, evs = DATA[2]
    body = api.get(f"/articles/{art.id}").json()  # the id holds a slash
    assert body["text"] == art.text and body["title"] == art.title
    assert body["content_hash"] == store.content_hash(art.text)
    assert [e["event_id"] for e in body["events"]] == sorted(e.event_id for e in evs)
    for e in body["events"]:
        for s in e["evidence"]:
            assert art.text[s["start"]:s["end"]] == s["text"]


def test_unknown_ids_are_json_404s(api):
    for path in ("/events/nope", "/articles/none/such", "/events/" + "x" * 300, "/no/such/route"):
        r = api.get(path)
        assert r.status_code == 404
        assert r.json()["error"] == "not found" and r.json()["reason"]


def test_stats_by_week_country_and_type(api):
    s = api.get("/stats").json()
    assert s["events"] == len(EVENTS)
    weeks = {}
    for e in EVENTS:
        if e.event_date:
            w = (e.event_date - timedelta(days=e.event_date.weekday())).isoformat()
            weeks.setdefault(w, [0, 0])
            weeks[w][0] += 1
            weeks[w][1] += e.fatalities or 0
    assert {w["week"]: [w["events"], w["fatalities"]] for w in s["by_week"]} == weeks
    assert [w["week"] for w in s["by_week"]] == sorted(weeks)
    assert s["undated"]["events"] == sum(1 for e in EVENTS if e.event_date is None) == 1
    countries = {c["country"]: c for c in s["by_country"]}
    assert countries["SDN"]["name"] == "Sudan"
    assert countries["SDN"]["events"] == sum(1 for e in EVENTS if place(e, "country") == "SDN")
    assert countries[None]["events"] == 1
    assert sum(t["events"] for t in s["by_type"]) == len(EVENTS)
    assert sum(p["events"] for p in s["by_plover"]) == len(EVENTS)
    verbal = next(t for t in s["by_type"] if t["event_type"] is None)
    assert verbal["events"] == sum(1 for e in EVENTS if e.category == "verbal")


def test_csv_export_is_acled_style_and_opens_in_pandas(api):
    import pandas as pd

    params = {"country": "UKR"}
    r = api.get("/events.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    df = pd.read_csv(io.StringIO(r.text), keep_default_na=False, dtype=str)
    assert tuple(df.columns[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    expected = {e.event_id: e for e in EVENTS if place(e, "country") == "UKR"}
    assert set(df.event_id_cnty) == set(expected)
    for row in df.itertuples():
        e = expected[row.event_id_cnty]
        assert row.country == "Ukraine" and row.iso3 == "UKR" and row.admin1 == "Kharkivska"
        assert row.event_date == (e.event_date.isoformat() if e.event_date else "")
        assert row.fatalities == ("" if e.fatalities is None else str(e.fatalities))
        assert row.actor1 == e.actor1.name and row.notes == " ".join(s.text for s in e.evidence)
        assert row.source == f"news{int(e.article_id[-2:]) % 3}.example.test"
        assert float(row.latitude) == e.location.latitude
        assert row.disorder_type == {"Battles": "Political violence", "Explosions/Remote violence":
                                     "Political violence", "Protests": "Demonstrations", None: ""}[e.event_type]
        assert row.time_precision == {"day": "1", "week": "2", None: ""}[e.date_precision]
    everything = pd.read_csv(io.StringIO(api.get("/events.csv").text))
    assert len(everything) == len(EVENTS)


def test_parquet_export_opens_in_pandas_with_types(api):
    import pandas as pd

    r = api.get("/events.parquet", params={"min_fatalities": 3, "sort": "fatalities"})
    assert r.status_code == 200
    df = pd.read_parquet(io.BytesIO(r.content))
    expected = sorted((e for e in EVENTS if (e.fatalities or 0) >= 3), key=SORT_KEYS["fatalities"])
    assert list(df.event_id) == [e.event_id for e in expected]
    assert list(df.fatalities) == [e.fatalities for e in expected]
    assert str(df.fatalities.dtype) == "int64" and str(df.latitude.dtype) == "float64"
    first = df.iloc[0]
    assert first.evidence[0]["text"] == expected[0].evidence[0].text
    assert list(first.source_article_ids) == [expected[0].article_id]


def test_geojson_export_is_valid(api):
    import geojson

    r = api.get("/events.geojson")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = geojson.loads(r.text)
    assert fc.is_valid, fc.errors()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(EVENTS)
    by_id = {f["id"]: f for f in fc["features"]}
    e = BY_ID["ev-01-0"]
    assert by_id["ev-01-0"]["geometry"]["coordinates"] == [e.location.longitude, e.location.latitude]
    assert by_id["ev-05-0"]["geometry"] is None  # no place: a Feature with null geometry
    assert by_id["ev-00-0"]["properties"]["sources"][1]["id"] == "art/01"


BAD = [
    {"limit": 0}, {"limit": 501}, {"limit": "ten"}, {"date_from": "2024-02-30"}, {"date_to": "yesterday"},
    {"date_from": "2024-06-01", "date_to": "2024-05-01"}, {"country": "SUDAN"}, {"country": "S1N"},
    {"event_type": "Skirmish"}, {"sub_event_type": "Battles"}, {"plover_type": "FIGHT"}, {"category": "both"},
    {"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"bbox": "0,0,200,10"}, {"bbox": "0,50,10,10"},
    {"bbox": "nan,0,1,1"}, {"bbox": "inf,0,1,1"}, {"min_fatalities": -1}, {"min_fatalities": 10**30},
    {"min_fatalities": "1.5"}, {"q": "x" * 201}, {"q": "a\x00b"}, {"actor": "\x00"}, {"admin1": "\x01"},
    {"q": " ".join(["w"] * 9)}, {"sort": "country"}, {"sort": "-event_date; DROP TABLE events"},
    {"cursor": "not-a-cursor"}, {"cursor": "e30"}, {"cursor": "x" * 1001},
]


@pytest.mark.parametrize("params", BAD, ids=[repr(p)[:60] for p in BAD])
@pytest.mark.parametrize("path", ["/events", "/stats", "/events.csv", "/events.geojson", "/events.parquet"])
def test_bad_parameters_are_json_422_with_a_reason(api, path, params):
    if path in ("/stats",) and set(params) & {"limit", "cursor", "sort"}:
        return  # /stats takes no paging or sort parameters
    if path.startswith("/events.") and set(params) & {"limit", "cursor"}:
        return  # exports are not paged
    r = api.get(path, params=params)
    assert r.status_code == 422, (r.status_code, r.text)
    body = r.json()
    assert body["error"] == "invalid parameter" and body["reason"]


def test_a_cursor_only_continues_its_own_sort(api):
    cursor = api.get("/events", params={"limit": 2, "sort": "fatalities"}).json()["next_cursor"]
    r = api.get("/events", params={"cursor": cursor, "sort": "-event_date"})
    assert r.status_code == 422 and "sort" in r.json()["reason"]
    assert api.get("/events", params={"cursor": cursor, "sort": "fatalities"}).status_code == 200


def test_sql_in_parameters_is_only_ever_data(api):
    for params in ({"actor": "'; DROP TABLE events; --"}, {"q": "%' OR 1=1 --"}, {"admin1": "x' OR '1'='1"},
                   {"q": "%z%"}, {"q": "V_lunteers"}, {"actor": "Rapid%Forces"}):
        r = api.get("/events", params=params)
        assert r.status_code == 200
        assert r.json()["items"] == []
    engine = api.app.state.engine
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(store.events)).scalar() == len(EVENTS)


def test_openapi_and_docs_are_served_without_a_cdn(api):
    spec = api.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/stats", "/events.csv",
            "/events.geojson", "/events.parquet"} <= set(spec["paths"])
    html = api.get("/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/") for a in assets), assets
    for a in assets:
        assert api.get(a).status_code == 200, a
    assert "validatorUrl" in html and '"validatorUrl": null' in html


def test_dashboard_page_and_assets_are_local(api):
    r = api.get("/")
    assert r.status_code == 200 and "default-src 'self'" in r.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert {"/static/app.js", "/static/app.css"} <= set(assets)
    assert all(a.startswith("/") for a in assets)
    for a in assets:
        assert api.get(a).status_code == 200
    assert "innerHTML" not in api.get("/static/app.js").text


def test_serve_binds_loopback_by_default():
    from truce.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, "truce.sqlite")


def test_csv_cells_that_spreadsheets_would_evaluate_are_defused():
    from truce.api.export import CSV_COLUMNS, defuse

    row = {c: "plain" for c in CSV_COLUMNS} | {"actor1": '=HYPERLINK("http://x.test")', "notes": "@SUM(A1)",
                                                "longitude": -72.34, "location": "-dash town"}
    out = defuse(dict(row))
    assert out["actor1"] == "'" + row["actor1"] and out["notes"] == "'@SUM(A1)" and out["location"] == "'-dash town"
    assert out["longitude"] == -72.34 and out["country"] == "plain"


def test_truce_serve_answers_on_loopback(tmp_path):
    import socket
    import subprocess
    import sys
    import time

    import httpx2

    db = tmp_path / "served.sqlite"
    engine = store.connect(str(db))
    store.save_many(engine, DATA[:3])
    engine.dispose()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "truce.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()
            try:
                r = httpx2.get(f"http://127.0.0.1:{port}/stats", timeout=2)
                break
            except httpx2.TransportError:
                assert time.monotonic() < deadline, "truce serve did not answer"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["events"] == sum(len(e) for _a, e in DATA[:3])
        assert "<title>truce" in httpx2.get(f"http://127.0.0.1:{port}/").text
    finally:
        proc.terminate()
        proc.wait(timeout=15)
