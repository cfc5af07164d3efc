"""The dashboard in Debian's Chromium (driven by Playwright): map, timeline, filters, table, event view.

The database is seeded by truce's own extraction of the bundled samples, plus one constructed article
whose text, title, URL and actor name carry HTML and script. Screenshots go to artifacts/.
"""

from __future__ import annotations

import os
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import httpx2 as httpx
import pytest

from truce import store
from truce.api import create_app
from truce.cli import main
from truce.records import Actor, Article, Event, Evidence, Location

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

HOSTILE_SENTENCE = ('Gunmen of the <b>Bold</b> Brigade <script>window.__pwned = 1</script> killed four people '
                    'in El Fasher <img src=x onerror="window.__pwned = 2">.')


def hostile() -> tuple[Article, Event]:
    text = "Intro line.\n" + HOSTILE_SENTENCE + "\nClosing line <script>window.__pwned = 5</script>."
    start = text.index(HOSTILE_SENTENCE)
    art = Article(id="hostile/1", text=text, published=date(2020, 1, 3), language="en",
                  url="javascript:window.__pwned = 3", title='<img src=x onerror="window.__pwned = 6">Title')
    ev = Event(event_id="hostile-ev", article_id=art.id, event_date=date(2020, 1, 2), date_precision="day",
               category="material", event_type="Violence against civilians", sub_event_type="Attack",
               plover_type="ASSAULT", actor1=Actor(name='<img src=x onerror="window.__pwned = 4">', kind="militia"),
               actor2=Actor(name="civilians", country="SDN", kind="civilians"),
               location=Location(name="El Fasher", admin1="North Darfur", country="SDN", latitude=13.63,
                                 longitude=25.35),
               fatalities=4, evidence=[Evidence(text=HOSTILE_SENTENCE, start=start,
                                                end=start + len(HOSTILE_SENTENCE))], confidence=0.9)
    return art, ev


def serve(engine):
    """Serve the app on a free local port in a thread; yields its base URL, then stops it and the engine."""
    import uvicorn

    srv = uvicorn.Server(uvicorn.Config(create_app(engine), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        assert thread.is_alive(), "the server thread died"
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=15)
    engine.dispose()


@pytest.fixture(scope="module")
def server(tmp_path_factory):

    db = tmp_path_factory.mktemp("dashboard") / "dash.sqlite"
    assert main(["run", "--db", str(db)]) == 0  # truce's own extraction of the bundled samples
    engine = store.connect(str(db))
    art, ev = hostile()
    store.save(engine, art, [ev])
    yield from serve(engine)


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        why = f"{CHROMIUM} is missing (apt-get install chromium; `make test` does it)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(request, browser, server):
    # bypass_csp=True checks that escaping alone keeps article text inert, without the page's CSP
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=getattr(request, "param", False))
    pg = ctx.new_page()
    pg.set_default_timeout(20_000)
    pg.requests = []
    pg.errors = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    ctx.close()


def wait_ready(page) -> None:
    page.wait_for_selector("body[data-ready='1']", state="attached")  # a selector: no eval under the CSP


def only_local(requests: list[str], server: str) -> list[str]:
    origin = urlsplit(server).netloc
    return [u for u in requests if urlsplit(u).netloc != origin and not u.startswith(("data:", "about:"))]


def test_dashboard_shows_filters_and_opens_an_event_with_highlighted_evidence(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server + "/")
    wait_ready(page)
    assert page.locator("#map-countries path").count() > 150
    n_dots = page.locator("#map-events circle.event").count()
    assert n_dots > 20
    assert page.locator("#timeline rect.bar").count() > 5
    assert page.locator("#events-table tbody tr").count() == 50
    assert "events" in page.locator("#summary").inner_text()
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    page.select_option("#f-country", "SDN")
    page.click("#apply")
    wait_ready(page)
    assert "country=SDN" in page.url
    api = httpx.get(server + "/events", params={"country": "SDN", "limit": 500}).json()["items"]
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == len(api) >= 2
    assert set(page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()) == {"Sudan"}
    dots = page.locator("#map-events circle.event")
    assert 0 < dots.count() < n_dots
    assert {dots.nth(i).get_attribute("data-country") for i in range(dots.count())} == {"SDN"}
    stats = httpx.get(server + "/stats", params={"country": "SDN"}).json()
    assert page.locator("#summary").inner_text().startswith(f"{stats['events']} events")
    page.screenshot(path=str(ARTIFACTS / "dashboard-sudan.png"), full_page=True)

    first = rows.first
    event_id = first.get_attribute("data-event-id")
    first.click()
    page.wait_for_selector("#event-view mark.evidence")
    detail = httpx.get(f"{server}/events/{event_id}").json()
    marks = page.locator("#event-view mark.evidence").all_inner_texts()
    spans = [s["text"] for s in detail["evidence_spans"]]
    assert marks and all(any(m in s or s in m for s in spans) for m in marks)
    bg = page.eval_on_selector("#event-view mark.evidence", "m => getComputedStyle(m).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    links = page.locator("#ev-sources a[target=_blank]")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        a["url"] for a in detail["articles"] if a["url"]]
    assert page.locator("#event-view .article").count() == len(detail["articles"])
    page.screenshot(path=str(ARTIFACTS / "dashboard-event.png"))
    assert only_local(page.requests, server) == []
    assert page.errors == []


@pytest.mark.parametrize("page", [False, True], indirect=True, ids=["with-csp", "without-csp"])
def test_script_in_an_article_never_runs(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server + "/?country=SDN#event=hostile-ev")
    wait_ready(page)
    page.wait_for_selector("#event-view mark.evidence")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#event-view script, #event-view img, #event-view b").count() == 0
    assert page.locator("#event-view mark.evidence").inner_text() == HOSTILE_SENTENCE
    text = page.locator("#event-view .article-text").inner_text()
    assert "<script>window.__pwned = 5</script>" in text
    assert page.locator("#event-view h4").inner_text() == '<img src=x onerror="window.__pwned = 6">Title'
    assert '<img src=x onerror="window.__pwned = 4">' in page.locator("#ev-facts").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    row = page.locator("#events-table tbody tr[data-event-id='hostile-ev']")
    assert '<img src=x onerror="window.__pwned = 4">' in row.inner_text()
    page.screenshot(path=str(ARTIFACTS / "dashboard-escaped.png"))
    assert page.evaluate("window.__pwned") is None
    assert page.errors == []


def test_api_docs_render_offline(page, server):
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() >= 7
    assert only_local(page.requests, server) == []
