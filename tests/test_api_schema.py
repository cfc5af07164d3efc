"""The API against its own OpenAPI schema (schemathesis, bounded): no input makes it answer 5xx; injection
strings in every /events filter are only ever data; page size and request size are capped."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from sqlalchemy import func, select
from test_store import all_events, corpus

from truce import store
from truce.api import create_app

DATA = corpus(14)
N_EVENTS = len(all_events(DATA))
_DIR = tempfile.TemporaryDirectory(prefix="truce-schema-")  # lives as long as the module: the app's SQLite file


def _app():  # type: ignore[no-untyped-def]
    engine = store.connect(str(Path(_DIR.name) / "api.sqlite"))
    store.save_many(engine, DATA)
    return create_app(engine)


APP = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_5xx(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"


INJECTIONS = ["'; DROP TABLE events; --", "' OR '1'='1", "\" OR \"\"=\"", "1; DELETE FROM articles",
              "%' UNION SELECT event_id FROM events --", "\\'; --", "*/ OR /*", "ABC') OR ('1'='1", "\x00'",
              "Robert'); DROP TABLE sources;--"]
FILTERS = ["date_from", "date_to", "country", "admin1", "event_type", "sub_event_type", "plover_type", "category",
           "actor", "bbox", "min_fatalities", "q", "sort", "cursor", "limit"]


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with TestClient(APP) as c:
        yield c


def _counts() -> tuple[int, int]:
    with APP.state.engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(store.events)).scalar_one(),
                conn.execute(select(func.count()).select_from(store.articles)).scalar_one())


def test_injection_strings_in_every_events_filter_are_data(client) -> None:  # type: ignore[no-untyped-def]
    before = _counts()
    assert before[0] == N_EVENTS
    for name in FILTERS:
        for s in INJECTIONS:
            r = client.get("/events", params={name: s})
            assert r.status_code in (200, 422), (name, s, r.status_code)
            if r.status_code == 200:  # a filter that accepted the string matched it literally: nothing does
                assert r.json()["items"] == [], (name, s)
    for path in ("/events/' OR '1'='1", "/articles/x' OR 1=1 --"):
        assert client.get(path).status_code == 404
    assert _counts() == before


def test_page_size_is_capped_at_500(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/events", params={"limit": 500}).status_code == 200
    for bad in (0, -1, 501, 10**9):
        r = client.get("/events", params={"limit": bad})
        assert r.status_code == 422 and "limit" in r.json()["reason"]


def test_oversized_parameters_are_refused_not_run(client) -> None:  # type: ignore[no-untyped-def]
    for name in ("q", "actor", "admin1", "bbox"):
        r = client.get("/events", params={name: "x" * 20_000})
        assert r.status_code == 422, name
    r = client.get("/events", params={"q": " ".join(["w"] * 200)})
    assert r.status_code == 422 and "q" in r.json()["reason"]
