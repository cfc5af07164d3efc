"""The dashboard's Watch panel in Debian's Chromium: the surge's alerts and the ceasefire with its violation.

The store is the constructed one of test_api_watch.py, with a truce party whose name carries HTML and
script: it must show as text. The browser and page fixtures are test_dashboard.py's.
"""

from __future__ import annotations

import pytest
import test_dashboard as dash
from test_api_watch import AGREED, CLASH_DAY, LATEST, SURGE_WEEK, watch_corpus

from truce import store
from truce.records import Actor

pytestmark = [pytest.mark.browser, pytest.mark.slow]
HOSTILE_PARTY = Actor(name='<img src=x onerror="window.__pwned = 7">Armenia', country="ARM", kind="government")
AZERBAIJAN = Actor(name="Azerbaijan", country="AZE", kind="government")
browser, page = dash.browser, dash.page  # test_dashboard's fixtures (they use this module's `server`)
ARTIFACTS, only_local, wait_ready = dash.ARTIFACTS, dash.only_local, dash.wait_ready


@pytest.fixture(scope="module")
def server(tmp_path_factory):

    engine = store.connect(str(tmp_path_factory.mktemp("watch-dashboard") / "watch.sqlite"))
    store.save_many(engine, watch_corpus(parties=(HOSTILE_PARTY, AZERBAIJAN)))
    yield from dash.serve(engine)


def test_watch_panel_shows_the_alert_and_the_truce(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server + "/")
    wait_ready(page)
    page.wait_for_selector("body[data-watch='1']", state="attached")

    alerts = page.locator("#alerts-table tbody tr")
    assert alerts.count() == 2
    week = f"{SURGE_WEEK.isoformat()} – {LATEST.isoformat()}"
    rows = {tuple(alerts.nth(i).locator("td").all_inner_texts()[:5]) for i in range(2)}
    assert rows == {(week, "Mali", "country", "12 (1.4)", "12 (1.4)"),  # the week, and (baseline mean)
                    (week, "Mopti, Mali", "admin1", "12 (1.4)", "12 (1.4)")}

    truces = page.locator("#truces-table tbody tr")
    assert truces.count() == 1
    assert truces.first.locator("td").all_inner_texts() == [
        f"{HOSTILE_PARTY.name} · Azerbaijan", "Armenia, Azerbaijan", AGREED.isoformat(), "open", "1",
        str((LATEST - CLASH_DAY).days), "1"]
    assert page.locator("#watch img, #watch script").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.locator("#watch").screenshot(path=str(ARTIFACTS / "dashboard-watch.png"))

    page.click("#alerts-table tbody tr[data-level='admin1']")  # the alert's week and area, in the table
    wait_ready(page)
    assert "admin1=Mopti" in page.url and f"date_from={SURGE_WEEK.isoformat()}" in page.url
    assert page.locator("#events-table tbody tr").count() == 12
    assert page.locator("#alerts-table tbody tr").count() == 2  # the panel follows the country filter: Mali
    assert page.locator("#truces-table tbody tr").count() == 0 and page.locator("#truces-empty").is_visible()
    assert only_local(page.requests, server) == []
    assert page.errors == []
    assert page.evaluate("window.__pwned") is None
